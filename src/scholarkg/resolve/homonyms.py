"""Homonyms: a common name ("Wei Wang") printed for several people is split by context.

Mentions of a common name stay one person where context joins them: the same paper, or a
coauthor in common (by full name; coauthors with common names, or on very many papers, do not
count: namesakes would chain through them). A profile owner's listings are one context.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..names import _given_parts
from ..rules import COMMON_NAME, PROLIFIC_LISTINGS_PER, PROLIFIC_MIN_LISTINGS
from ..text import fold_tight
from .state import Form, Listing, UnionFind, owner_slot

Occurrence = tuple[int, int]  # (listing index, slot in its form_ids)


def split_homonyms(forms: list[Form], listings: list[Listing], work_of: list[int]) -> None:
    """Split each common name's form into the people its contexts show (appends new forms)."""
    common = common_forms(forms)
    if not common:
        return
    no_context = common | busy_forms(forms, len(listings))
    occurrences = _occurrences(listings, common)
    for fid in sorted(occurrences):
        occ = occurrences[fid]
        groups = _context_groups(fid, occ, listings, work_of, no_context)
        if len(groups) >= 2:
            _split_off(forms, listings, fid, occ, groups)


def common_forms(forms: list[Form]) -> set[int]:
    """Forms whose name several people are expected to carry (see ``rules.COMMON_NAME``)."""
    givens: Counter[str] = Counter()
    families: Counter[str] = Counter()
    for f in forms:
        parts = _given_parts(f.name)
        givens[parts[0] if parts else ""] += 1
        families[fold_tight(f.name.family)] += 1
    total = max(len(forms), 1)

    def expected(f: Form) -> float:
        parts = _given_parts(f.name)
        first = parts[0] if parts else ""
        if len(first) <= 1:
            return 0.0  # initials join others only with context anyway
        # other names with this given name × with this family name: a name seen once stays
        # uncommon however small the input
        return (givens[first] - 1) * (families[fold_tight(f.name.family)] - 1) / total

    return {i for i, f in enumerate(forms) if expected(f) >= COMMON_NAME}


def busy_forms(forms: list[Form], n_listings: int) -> set[int]:
    """Forms on so many listings that they would link namesakes (see ``rules.PROLIFIC_*``)."""
    prolific = max(PROLIFIC_MIN_LISTINGS, n_listings // PROLIFIC_LISTINGS_PER)
    return {i for i, f in enumerate(forms) if len(f.listings) > prolific}


def _occurrences(listings: list[Listing], common: set[int]) -> dict[int, list[Occurrence]]:
    occurrences: dict[int, list[Occurrence]] = defaultdict(list)
    for li_idx, rec in enumerate(listings):
        for slot, fid in enumerate(rec.form_ids):
            if fid in common:
                occurrences[fid].append((li_idx, slot))
    return occurrences


def _context_groups(
    fid: int,
    occ: list[Occurrence],
    listings: list[Listing],
    work_of: list[int],
    no_context: set[int],
) -> list[list[int]]:
    """The occurrences of one form grouped by the contexts that join them (indexes into occ)."""
    uf = UnionFind(len(occ))
    first_seen: dict[object, int] = {}
    for i, (li_idx, slot) in enumerate(occ):
        rec = listings[li_idx]
        links: list[object] = [("w", work_of[li_idx])]
        if owner_slot(rec, slot):
            links.append(("owner",))  # a member's own listings: one person
        links += [("c", x) for x in set(rec.form_ids) if x != fid and x not in no_context]
        for link in links:
            j = first_seen.setdefault(link, i)
            if j != i:
                uf.union(j, i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(occ)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


def _split_off(
    forms: list[Form],
    listings: list[Listing],
    fid: int,
    occ: list[Occurrence],
    groups: list[list[int]],
) -> None:
    """Keep the owner's group (else the first) in the form; each other group becomes a new form."""
    base = forms[fid]
    owner_group = next(
        (g for g in groups if any(owner_slot(listings[occ[i][0]], occ[i][1]) for i in g)),
        None,
    )
    ordered = sorted(groups, key=lambda g: (g is not owner_group, g))
    for part, members in enumerate(ordered[1:], start=1):
        new_id = len(forms)
        chosen = [occ[i] for i in members]
        mentions = [listings[li].listing.authors[slot] for li, slot in chosen]
        moved = {id(m) for m in mentions}
        base.mentions = [m for m in base.mentions if id(m) not in moved]
        forms.append(Form(base.key, base.name, mentions, {li for li, _ in chosen}, [], part))
        for li_idx, slot in chosen:
            listings[li_idx].form_ids[slot] = new_id
    moved_all = {occ[i] for members in ordered[1:] for i in members}
    base.listings = {li for li, slot in occ if (li, slot) not in moved_all}
