"""Candidate generation: which pairs of name forms are compared at all.

Forms are compared only within blocks (folded family name + first initial, nickname initials
too; see ``names.block_keys``), never all pairs. Most pairs in a block are certain conflicts
(``Yi Wang`` / ``Yu Wang``) that a cheap screen rejects before the full name comparison.

A weak agreement of names (``Y. Wang`` / ``Yi Wang``) is scored only with context in common
(:func:`.cluster._score`), so where the caller says two forms share no context, the pair is
compared only if the names can agree strongly: if they share a :func:`strong_keys` key (the
same first given name or initial and the same family name, in one of the readings
``names.compare`` tries). Without this, the pairs compared grow with the square of a block
(an initial against every full name it fits), and blocks grow with the institute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from ..names import (
    Compat,
    _after_initials,
    _aliases,
    _family_folds,
    _given_parts,
    _resplit,
    _written_out,
    block_keys,
    compare,
    conflict_screen,
    screened_conflict,
)
from ..records import PersonName
from ..text import fold_tight
from .state import Form

Pair = tuple[int, int]  # two form ids, smaller first

#: at most this many readings of one name are keyed (a name has a handful)
READINGS_MAX = 32


def blocks_of(forms: list[Form]) -> dict[str, list[int]]:
    """Block key → the forms in that block, in form order."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        for k in block_keys(f.name):
            blocks[k].append(i)
    return blocks


def _readings(name: PersonName) -> set[PersonName]:
    """The name and the other readings ``names.compare`` tries of it: written out, after
    leading initials, a spaced double surname, printed nicknames (and theirs in turn)."""
    out = {name}
    todo = [name]
    while todo:
        n = todo.pop()
        for r in (_written_out(n), _after_initials(n), _resplit(n), *_aliases(n)):
            if r is not None and r not in out and len(out) < READINGS_MAX:
                out.add(r)
                todo.append(r)
    return out


def strong_keys(name: PersonName) -> frozenset[str]:
    """Keys two names share whenever they can agree strongly: in some reading of each, the
    same first given part and family name, or the same letters run together."""
    keys: set[str] = set()
    for r in _readings(name):
        parts = _given_parts(r)
        keys.add("=" + "".join(parts) + fold_tight(r.family))
        first = parts[0] if parts else ""
        keys.update(f"{first}/{fam}" for fam in _family_folds(r.family))
    return frozenset(keys)


def candidate_pairs(
    forms: list[Form], related: Callable[[int, int], bool] | None = None
) -> Iterator[tuple[Pair, Compat]]:
    """Each pair of forms that share a block and whose names do not conflict, once.

    Pairs of one name (the same key: homonyms split apart) are not candidates. With
    ``related`` (whether two forms share any context), a pair sharing none is left out unless
    its names can agree strongly (module docstring). The order is deterministic: blocks in
    order of their first form, pairs in form order within a block.
    """
    seen: set[Pair] = set()
    screens = [conflict_screen(f.name) for f in forms]
    strong = [strong_keys(f.name) for f in forms] if related is not None else []
    for members in blocks_of(forms).values():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            a = members[x]
            sa = screens[a]
            for y in range(x + 1, len(members)):
                b = members[y]
                sb = screens[b]
                if sa is not None and sb is not None and screened_conflict(sa, sb):
                    continue  # most pairs in a block: Yi Wang / Yu Wang, decided cheaply
                pair = (a, b) if a < b else (b, a)
                if pair in seen or forms[a].key == forms[b].key:
                    continue
                seen.add(pair)
                if related is not None and strong[a].isdisjoint(strong[b]) and not related(a, b):
                    continue  # at most a weak agreement, and no context to score it
                level = compare(forms[a].name, forms[b].name)
                if level != Compat.CONFLICT:
                    yield pair, level
