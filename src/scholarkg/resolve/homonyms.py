"""One name, how many people: the mentions printing one name, grouped by scored evidence.

Mentions printing the same name are one person where the name's prior says so (a name rare in
the world's population and in the input, :func:`.evidence.name_priors`). Where the name is
common (``Wei Wang``), only where context joins them: the same paper, the same member's own
listings, coauthors in common weighted by how rare they are (:func:`.evidence.coauthor_weight`).
Every join is recorded with its evidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from .. import rules
from .evidence import coauthor_weight

Ref = tuple[int, int]  # (listing, slot); a page owner's name line is (-1 - page, 0)
Link = tuple[Ref, Ref, float, tuple[tuple[str, float], ...]]


class DisjointSets:
    """Disjoint sets over ``0..n-1``; the root of a set is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        p = self.parent
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


class Occurrences:
    """Every mention as (listing, slot, form), page owners' name lines last."""

    def __init__(
        self,
        listing_forms: Sequence[Sequence[int]],
        listing_page: Sequence[int],
        page_owner_form: Mapping[int, int],
    ) -> None:
        self.listing: list[int] = []
        self.slot: list[int] = []
        self.form: list[int] = []
        self.page: list[int] = []
        self.start: list[int] = []
        for li, fids in enumerate(listing_forms):
            self.start.append(len(self.form))
            for slot, f in enumerate(fids):
                self.listing.append(li)
                self.slot.append(slot)
                self.form.append(f)
                self.page.append(listing_page[li])
        self.owner_line: dict[int, int] = {}
        for page in sorted(page_owner_form):
            self.owner_line[page] = len(self.form)
            self.listing.append(-1 - page)
            self.slot.append(0)
            self.form.append(page_owner_form[page])
            self.page.append(page)

    def ref(self, o: int) -> Ref:
        return (self.listing[o], self.slot[o])


class Context:
    """What stage one reads of each listing: its forms, printed authors, paper and coauthors."""

    def __init__(
        self,
        listing_forms: Sequence[Sequence[int]],
        listing_printed: Sequence[int],
        listing_work: Sequence[int],
        ckey: Sequence[str],
    ) -> None:
        self.listing_forms = listing_forms
        self.listing_printed = listing_printed
        self.listing_work = listing_work
        self.ckey = ckey
        self.df: dict[str, int] = defaultdict(int)
        for fids in listing_forms:
            for k in {ckey[f] for f in fids}:
                self.df[k] += 1
        self.n_listings = len(listing_forms)
        self.weight = {k: coauthor_weight(d, self.n_listings) for k, d in self.df.items()}


def group_mentions(
    occ: Occurrences, ctx: Context, prior: Sequence[float], uf: DisjointSets
) -> list[Link]:
    """Join the mentions of each name that are one person; the joins, with their evidence."""
    joins: list[Link] = []
    by_form: dict[int, list[int]] = defaultdict(list)
    for o, f in enumerate(occ.form):
        by_form[f].append(o)
    for f in sorted(by_form):
        os_ = by_form[f]
        if len(os_) < 2:
            continue
        _link_certain(occ, ctx, os_, uf, joins)
        owned = {uf.find(o): occ.page[o] for o in os_ if owner_of_page(occ, ctx, o)}
        guard = _Guard(uf, owned) if len(set(owned.values())) > 1 else uf
        _link_by_coauthors(occ, ctx, os_, f, prior[f], guard, joins)
        if prior[f] > rules.JOIN:
            _join_on_name(occ, ctx, os_, prior[f], uf, joins)
    return joins


def _join_on_name(
    occ: Occurrences,
    ctx: Context,
    os_: list[int],
    prior: float,
    uf: DisjointSets,
    joins: list[Link],
) -> None:
    """A name rare enough to be one person: its groups are joined on the name. Except where
    two members' pages are owned by the name: an institute gives each member one page, so
    those are namesakes, and each other group joins the member whose coauthors it shares
    (or none)."""
    owners = {uf.find(o): occ.page[o] for o in os_ if owner_of_page(occ, ctx, o)}
    roots = sorted({uf.find(o) for o in os_})
    terms = (("rare name", prior),)
    if len(set(owners.values())) < 2:
        for r in roots[1:]:
            if uf.union(roots[0], r):
                joins.append((occ.ref(roots[0]), occ.ref(r), prior, terms))
        return
    keys: dict[int, set[str]] = defaultdict(set)
    for o in os_:
        li = occ.listing[o]
        if li >= 0:
            keys[uf.find(o)].update(ctx.ckey[x] for x in ctx.listing_forms[li])
    members = sorted(owners)
    for r in roots:
        if r in owners:
            continue
        best = max(
            members, key=lambda m: (sum(ctx.weight.get(k, 0.0) for k in keys[r] & keys[m]), -m)
        )
        shared = sorted(keys[r] & keys[best])
        w = min(rules.CONTEXT_CAP, sum(ctx.weight.get(k, 0.0) for k in shared))
        if w > 0 and uf.union(best, r):
            joins.append((occ.ref(best), occ.ref(r), prior + w, (*terms, (", ".join(shared), w))))


def owner_of_page(occ: Occurrences, ctx: Context, o: int) -> bool:
    """Whether occurrence ``o`` is a page's owner (its name line, or added to a listing)."""
    li = occ.listing[o]
    return li < 0 or occ.slot[o] >= ctx.listing_printed[li]


class _Guard(DisjointSets):
    """Joins that never put two members' pages' owners into one group (cannot-link)."""

    def __init__(self, uf: DisjointSets, owned: dict[int, int]) -> None:
        self.parent = uf.parent
        self.owned = owned

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        pa, pb = self.owned.get(ra), self.owned.get(rb)
        if ra == rb or (pa is not None and pb is not None and pa != pb):
            return False
        super().union(ra, rb)
        root = self.find(ra)
        page = pa if pa is not None else pb
        if page is not None:
            self.owned[root] = page
        return True


def _link_certain(
    occ: Occurrences, ctx: Context, os_: list[int], uf: DisjointSets, joins: list[Link]
) -> None:
    """A common name: one paper is one person, and so are a member's own listings."""
    first: dict[tuple[str, int], int] = {}
    for o in os_:
        li = occ.listing[o]
        links: list[tuple[str, int]] = []
        if li >= 0:
            links.append(("same paper", ctx.listing_work[li]))
            if occ.slot[o] >= ctx.listing_printed[li]:
                links.append(("page owner", occ.page[o]))
        else:
            links.append(("page owner", occ.page[o]))
        for link in links:
            j = first.setdefault(link, o)
            if j != o and uf.union(j, o):
                w = rules.SHARED_WORK if link[0] == "same paper" else rules.NAME_CAP
                joins.append((occ.ref(j), occ.ref(o), w, ((link[0], w),)))


def _link_by_coauthors(
    occ: Occurrences,
    ctx: Context,
    os_: list[int],
    f: int,
    prior: float,
    uf: DisjointSets,
    joins: list[Link],
) -> None:
    """Mentions of one name that share coauthors, weighted by rarity, are one person."""
    own = ctx.ckey[f]
    postings: dict[str, list[int]] = defaultdict(list)
    for o in os_:
        li = occ.listing[o]
        if li >= 0:
            for k in sorted({ctx.ckey[x] for x in ctx.listing_forms[li]} - {own}):
                postings[k].append(o)
    pair_keys: dict[tuple[int, int], list[str]] = defaultdict(list)
    for k in sorted(postings):
        plist = postings[k]
        w = ctx.weight.get(k, 0.0)
        if len(plist) < 2 or w <= 0:
            continue
        if prior + w > rules.JOIN:  # one such coauthor is enough: join the whole list
            terms = (("name prior", prior), (k, w))
            for o in plist[1:]:
                if uf.union(plist[0], o):
                    joins.append((occ.ref(plist[0]), occ.ref(o), prior + w, terms))
        elif len(plist) <= rules.PAIR_POSTING_MAX:
            for x in range(len(plist)):
                for y in range(x + 1, len(plist)):
                    pair_keys[(plist[x], plist[y])].append(k)
    for (a, b), keys in sorted(pair_keys.items()):
        terms_l = [(k, ctx.weight[k]) for k in keys]
        context = min(rules.CONTEXT_CAP, sum(w for _, w in terms_l))
        if occ.page[a] == occ.page[b]:
            terms_l.append(("same page", rules.SAME_PAGE))
            context += rules.SAME_PAGE
        if prior + context > rules.JOIN and uf.union(a, b):
            joins.append(
                (occ.ref(a), occ.ref(b), prior + context, (("name prior", prior), *terms_l))
            )
