"""How many people in the world carry a name: population shares of given and family names.

The shares come from a table shipped inside the package (``data/names.tsv.gz``, derived once by
``tools/name_frequencies.py``, which documents its source, licence and method), never from
counts inside the input: in a dense institute where many people share a given or a family
name, counting the input would call every name common. The table is read lazily, once, on the
first look-up (well under a second, ~40 MB).

A name the table does not know is rarer than every name it lists: it gets
:data:`UNKNOWN_SHARE`, below the table's smallest entry (a misspelt common name is then taken
as rare; that errs towards joining its mentions, which other evidence, such as conflicting
given names, still checks).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from .names import _given_parts
from .records import PersonName
from .text import fold, fold_tight

# A name unknown to the table: 10 per billion, about the share of the table's rarest entries
# (its cut-off), so that an unknown name is never taken as more common than a listed one.
UNKNOWN_SHARE = 1e-8

# An initial stands for every given name that starts with its letter: its share is the sum of
# theirs, bounded by this (no letter starts more than a sixth of the world's given names).
MAX_INITIAL_SHARE = 1 / 6


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], dict[str, int], dict[str, float]]:
    """Given names and family names → parts per billion; initials → share of given names.

    The file's lines are sorted, family names (``f``) before given names (``g``), so each
    table is built in one C-level pass (``dict(zip(...))``)."""
    data = resources.files("scholarkg").joinpath("data/names.tsv.gz").read_bytes()
    fields = gzip.decompress(data).decode("ascii").split()
    kinds, keys, ppb = fields[0::3], fields[1::3], list(map(int, fields[2::3]))
    split = kinds.index("g") if "g" in kinds else len(kinds)
    family = dict(zip(keys[:split], ppb[:split], strict=True))
    given = dict(zip(keys[split:], ppb[split:], strict=True))
    initials: dict[str, int] = {}
    for key, n in given.items():
        initials[key[0]] = initials.get(key[0], 0) + n
    total = sum(given.values()) or 1
    letters = {k: min(MAX_INITIAL_SHARE, v / total) for k, v in initials.items()}
    return given, family, letters


def known_names() -> frozenset[str]:
    """Every given and family name the table lists (folded): what a name looks like."""
    given, family, _letters = _table()
    return frozenset(given) | frozenset(family)


def given_share(part: str) -> float:
    """Share of the world's people whose given name is ``part`` (folded, one word or initial)."""
    given, _family, letters = _table()
    key = fold_tight(part)
    if not key:
        return 1.0
    if len(key) == 1:
        return letters.get(key, UNKNOWN_SHARE)
    ppb = given.get(key)
    return ppb * 1e-9 if ppb else UNKNOWN_SHARE


def family_share(family_name: str) -> float:
    """Share of the world's people with this family name. A double surname the table does not
    list is as rare as its parts together (``Ortiz-Lee``: share of Ortiz × share of Lee)."""
    _given, family, _letters = _table()
    key = fold_tight(family_name)
    if not key:
        return 1.0
    if key in family:
        return family[key] * 1e-9
    words = [w for w in fold(family_name).split() if len(w) > 1]
    if len(words) > 1:
        share = 1.0
        for w in words:
            ppb = family.get(w)
            share *= ppb * 1e-9 if ppb else UNKNOWN_SHARE
        return max(share, UNKNOWN_SHARE * UNKNOWN_SHARE)
    return UNKNOWN_SHARE


def name_share(name: PersonName) -> float:
    """Share of the world's people printed with this name: the first given name (or initial)
    times the family name, times each further given name or initial (given and family names
    taken as independent, which is the usual Fellegi–Sunter assumption)."""
    parts = _given_parts(name)
    share = family_share(name.family)
    for part in parts[:3]:
        share *= given_share(part)
    return share


def expected_namesakes(name: PersonName, people: int) -> float:
    """How many *other* people among ``people`` are expected to be printed with this name."""
    return max(people - 1, 0) * name_share(name)
