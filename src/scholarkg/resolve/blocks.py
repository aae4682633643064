"""Candidate generation: which pairs of name forms are compared at all.

Forms are compared only within blocks (folded family name + first initial, nickname initials
too; see ``names.block_keys``), never all pairs. Most pairs in a block are certain conflicts
(``Yi Wang`` / ``Yu Wang``) that a cheap screen rejects before the full name comparison.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..names import Compat, block_keys, compare, conflict_screen, screened_conflict
from .state import Form

Pair = tuple[int, int]  # two form ids, smaller first


def blocks_of(forms: list[Form]) -> dict[str, list[int]]:
    """Block key → the forms in that block, in form order."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        for k in block_keys(f.name):
            blocks[k].append(i)
    return blocks


def candidate_pairs(forms: list[Form]) -> Iterator[tuple[Pair, Compat]]:
    """Each pair of forms that share a block and whose names do not conflict, once.

    Pairs of one name (the same key: homonyms split apart) are not candidates. The order is
    deterministic: blocks in order of their first form, pairs in form order within a block.
    """
    seen: set[Pair] = set()
    screens = [conflict_screen(f.name) for f in forms]
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
                level = compare(forms[a].name, forms[b].name)
                if level != Compat.CONFLICT:
                    yield pair, level
