"""People: which name forms are one person.

A pair of forms (a candidate from :mod:`.blocks`) is accepted when

* their names agree strongly (same full first name, middle names missing on one side) and no
  other, conflicting form fits as well, or
* their names agree weakly (initial, nickname) and context backs it (:mod:`.evidence`): they
  share a paper, or coauthors; and no conflicting form is backed as well.

Accepted pairs are merged strongest first; two clusters are never joined if any of their
names conflict (``Wei Wang`` / ``Wen Wang``).
"""

from __future__ import annotations

from collections import defaultdict

from ..names import Compat, compare
from .blocks import Pair, candidate_pairs
from .evidence import gather_context, pair_evidence
from .state import Form, Listing, UnionFind

Score = tuple[int, int]  # (name agreement level, context evidence)


def resolve_people(forms: list[Form], listings: list[Listing], work_of: list[int]) -> UnionFind:
    """Cluster the forms into people; the union-find maps each form to its person's root."""
    ctx = gather_context(forms, listings, work_of)
    candidates: dict[Pair, Score] = {
        pair: (int(level), pair_evidence(ctx, pair)) for pair, level in candidate_pairs(forms)
    }
    return merge_accepted(forms, accepted_pairs(forms, candidates))


def accepted_pairs(forms: list[Form], candidates: dict[Pair, Score]) -> list[Pair]:
    """The candidate pairs to merge, strongest first (ties by the forms' keys)."""
    neighbours: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for (a, b), (level, ev) in candidates.items():
        neighbours[a].append((b, level, ev))
        neighbours[b].append((a, level, ev))

    def ambiguous(x: int, y: int, score: Score) -> bool:
        for z, level, ev in neighbours[x]:
            if z == y or (level, ev) < score:
                continue
            if forms[y].key == forms[z].key or (
                compare(forms[y].name, forms[z].name) == Compat.CONFLICT
            ):
                return True  # two people x may be (namesakes count as two)
        return False

    split_keys = {f.key for f in forms if f.part > 0}
    accepted: list[tuple[int, int, int, int]] = []
    for (a, b), (level, ev) in candidates.items():
        if ev == 0 and (
            level == Compat.WEAK or forms[a].key in split_keys or forms[b].key in split_keys
        ):
            continue  # a nickname or initial, or a name several people carry: needs context
        score = (level, ev)
        if ambiguous(a, b, score) or ambiguous(b, a, score):
            continue
        accepted.append((level, ev, a, b))
    accepted.sort(key=lambda t: (-t[0], -t[1], forms[t[2]].key, forms[t[3]].key))
    return [(a, b) for _level, _ev, a, b in accepted]


def merge_accepted(forms: list[Form], accepted: list[Pair]) -> UnionFind:
    """Merge the pairs in order, skipping any that would join two conflicting names."""
    uf = UnionFind(len(forms))
    members_of: dict[int, list[int]] = {i: [i] for i in range(len(forms))}
    for a, b in accepted:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        ma, mb = members_of[ra], members_of[rb]
        if any(compare(forms[x].name, forms[y].name) == Compat.CONFLICT for x in ma for y in mb):
            continue
        root = uf.union(ra, rb)
        other = rb if root == ra else ra
        members_of[root] = ma + mb
        del members_of[other]
    return uf
