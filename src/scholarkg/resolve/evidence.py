"""Pair evidence: how much the contexts of two name forms say they are one person.

Context is the papers a form is listed on (after the first paper pass) and its coauthors (by
family name and first initial). The weights are in :mod:`scholarkg.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import PersonName
from ..rules import SAME_LISTING_BONUS, SHARED_COAUTHOR_WEIGHT, SHARED_WORK_WEIGHT
from ..text import fold_tight
from .blocks import Pair
from .state import Form, Listing


@dataclass(slots=True)
class Context:
    """Per form: its papers and coauthor keys; and which pairs of forms share a listing."""

    own_key: list[str]
    works: list[set[int]]
    coauthors: list[set[str]]
    same_listing: set[Pair]


def coauthor_key(name: PersonName) -> str:
    given = fold_tight(name.given[0])[:1] if name.given else ""
    return fold_tight(name.family) + "/" + given


def gather_context(forms: list[Form], listings: list[Listing], work_of: list[int]) -> Context:
    own_key = [coauthor_key(f.name) for f in forms]
    works: list[set[int]] = [{work_of[i] for i in f.listings} for f in forms]
    coauthors: list[set[str]] = [set() for _ in forms]
    same_listing: set[Pair] = set()
    for rec in listings:
        ids = rec.form_ids
        keys = {own_key[i] for i in ids}
        for i in ids:
            coauthors[i] |= keys
        if len(ids) > 1:
            uniq = sorted(set(ids))
            for x in range(len(uniq)):
                for y in range(x + 1, len(uniq)):
                    same_listing.add((uniq[x], uniq[y]))
    return Context(own_key, works, coauthors, same_listing)


def pair_evidence(ctx: Context, pair: Pair) -> int:
    """Shared papers and coauthors (the pair's own names aside), weighted; 0 means none."""
    a, b = pair
    shared_works = len(ctx.works[a] & ctx.works[b])
    shared_co = len((ctx.coauthors[a] & ctx.coauthors[b]) - {ctx.own_key[a], ctx.own_key[b]})
    evidence = SHARED_WORK_WEIGHT * shared_works + SHARED_COAUTHOR_WEIGHT * shared_co
    if pair in ctx.same_listing:
        evidence += SAME_LISTING_BONUS
    return evidence
