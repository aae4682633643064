"""The working records of resolution: listings, name forms, and the union-find that joins them.

These are mutable and private to the ``resolve`` package; what leaves it is a
:class:`~scholarkg.records.Resolution` of frozen records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import CleanListing, Mention, PersonName


class UnionFind:
    """Disjoint sets over ``0..n-1``; the root of a set is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra


@dataclass(slots=True)
class Listing:
    """One listing as resolution sees it: which profile lists it, its title key, its forms."""

    listing: CleanListing
    profile: int
    title_key: str
    form_ids: list[int] = field(default_factory=list)  # authors then owner


@dataclass(slots=True)
class Form:
    """Mentions whose names agree exactly (case, accents, punctuation): one spelling, one key."""

    key: str
    name: PersonName
    mentions: list[Mention] = field(default_factory=list)
    listings: set[int] = field(default_factory=set)
    owner_of: list[int] = field(default_factory=list)  # profile indexes
    part: int = 0  # >0: one of several people printed with this very name (a homonym)
    orcid: str | None = None  # every mention of the form carries it (ORCID is part of the key)


def owner_slot(rec: Listing, slot: int) -> bool:
    """Whether ``slot`` of a listing's forms is the profile owner (added after the authors)."""
    return slot >= len(rec.listing.authors)
