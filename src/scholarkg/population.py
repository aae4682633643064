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


# the regions of ``data/name_regions.tsv.gz``, in its column order, and the rest of the world
REGIONS = ("en", "de", "fr", "nl", "es", "it", "pt")
REST = "rest"


@lru_cache(maxsize=1)
def _regional() -> tuple[dict[str, float], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Each region's share of the world's people (the rest of the world last, under
    :data:`REST`), and family and given names → parts per billion of each region's people
    (``data/name_regions.tsv.gz``, derived with the name table by ``tools/name_frequencies.py``:
    the regions whose people mostly write the languages of the page reader's vocabulary)."""
    data = resources.files("scholarkg").joinpath("data/name_regions.tsv.gz").read_bytes()
    people: dict[str, float] = {}
    tables: dict[str, dict[str, tuple[int, ...]]] = {"f": {}, "g": {}}
    for row in gzip.decompress(data).decode("ascii").splitlines():
        kind, key, *values = row.split("\t")
        if kind == "p":
            people[key] = float(values[0])
        else:
            tables[kind][key] = tuple(map(int, values))
    world = people.pop("world")
    shares = {r: people[r] / world for r in REGIONS}
    shares[REST] = 1.0 - sum(shares.values())
    return shares, tables["f"], tables["g"]


def region_weights() -> dict[str, float]:
    """Each region's share of the world's people, :data:`REST` included (they sum to 1)."""
    return _regional()[0]


def regional_shares(part: str, kind: str) -> tuple[float, ...]:
    """Share of each region's people (:data:`REGIONS`, then the rest of the world) whose given
    (``kind`` ``"given"``), family (``"family"``) or either name (any other ``kind``) is
    ``part`` (folded, one word). Their mean weighted by :func:`region_weights` is the world
    share of :func:`given_share` and :func:`family_share` (a name common in one region only,
    "Rijke", is listed here though the world table is too short for it); a name the regional
    table lacks is as rare there as a name the world table lacks (:data:`UNKNOWN_SHARE`). A
    name neither table lists gets the same share everywhere: nothing says where it is from."""
    weights, family, given = _regional()
    key = fold_tight(part)
    kinds = {"given": ((given, given_share),), "family": ((family, family_share),)}.get(
        kind, ((given, given_share), (family, family_share))
    )
    out = [0.0] * (len(REGIONS) + 1)
    for table, world_share in kinds:
        total = world_share(key)
        listed = total > UNKNOWN_SHARE  # the world table's "unknown" is no count
        ppb = table.get(key)
        if ppb is None and not listed:
            continue
        ppb = ppb or (0,) * len(REGIONS)
        total = total if listed else 0.0  # a name of one region only: its regions hold it all
        within = 0.0
        for i, n in enumerate(ppb):
            out[i] += n * 1e-9
            within += n * 1e-9 * weights[REGIONS[i]]
        out[-1] += max(0.0, total - within) / weights[REST]
    if not any(out):
        return (UNKNOWN_SHARE,) * (len(REGIONS) + 1)
    return tuple(max(s, UNKNOWN_SHARE) for s in out)
