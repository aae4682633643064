"""Which namesakes nothing on the pages can tell apart.

A *namesake group* is two or more printed people with the same usual name. For each group
we ask what a resolver could know from the pages: two mentions are linked by *context* when
they are on the same page (same owner) or share a coauthor (another author of the listing; for
an owner's name line, anyone printed on the owner's page). Coauthors are taken by their true
identity, so this is the most a resolver could get from context: an upper bound on the signal.
Research topics are not used: every page lists 1-15 of ~50 topics, so nearly any two pages
share one and the "signal" would link everything.

A namesake is *indistinguishable* when its mentions do not form one context-linked
component of its own: either its mentions fall into islands that only the (shared) name
joins, so any resolver must merge it with its namesake or split it; or one component holds
mentions of two namesakes. Everyone else in the group is separable in principle.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def indistinguishable(pages_truth: Path, groups: Iterable[Iterable[str]]) -> tuple[set[str], int]:
    """(person ids nothing on the pages tells apart, how many mention lines they have)."""
    group_of: dict[str, int] = {}
    for g, pids in enumerate(groups):
        for pid in pids:
            group_of[pid] = g
    if not group_of:
        return set(), 0
    # mentions of namesakes: (group, pid, context tokens)
    mentions: list[tuple[int, str, set[str]]] = []
    with pages_truth.open(encoding="utf-8") as f:
        for text in f:
            record = json.loads(text)
            owner = record["owner"]["person"]
            titles = sorted(line for line, _ in record["titles"])
            authors = sorted(record["authors"])
            listings: list[list[str]] = []
            ti = 0
            for line, pid in authors:
                while ti < len(titles) and titles[ti] < line:
                    listings.append([])
                    ti += 1
                listings[-1].append(pid)
            page_people = {pid for _, pid in authors}
            for people in listings:
                for pid in people:
                    if pid in group_of:
                        tokens = {"o" + owner, "c" + owner}
                        tokens.update("c" + q for q in people if q != pid)
                        mentions.append((group_of[pid], pid, tokens))
            if owner in group_of:
                tokens = {"o" + owner} | {"c" + q for q in page_people if q != owner}
                mentions.append((group_of[owner], owner, tokens))
    parent = list(range(len(mentions)))
    first: dict[tuple[int, str], int] = {}
    for i, (g, _, tokens) in enumerate(mentions):
        for token in tokens:
            j = first.setdefault((g, token), i)
            if j != i:
                a, b = _find(parent, i), _find(parent, j)
                if a != b:
                    parent[a] = b
    components: dict[int, set[str]] = {}
    person_components: dict[str, set[int]] = {}
    for i, (_, pid, _) in enumerate(mentions):
        root = _find(parent, i)
        components.setdefault(root, set()).add(pid)
        person_components.setdefault(pid, set()).add(root)
    bad = {
        pid
        for pid, roots in person_components.items()
        if len(roots) > 1 or len(components[next(iter(roots))]) > 1
    }
    lines = sum(1 for _, pid, _ in mentions if pid in bad)
    return bad, lines
