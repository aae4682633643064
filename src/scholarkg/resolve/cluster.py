"""People: which mentions are one person, clustered so that one weak link cannot chain.

1. :mod:`.homonyms` groups the mentions of each name (one person where the name is rare, or
   where context joins them).
2. The groups whose names agree (pairs from :mod:`.blocks`) are scored by :mod:`.evidence`:
   the names' agreement and rarity, and their context. Pairs above ``rules.JOIN`` are merged
   best first, agglomeratively, where

   * no two names of the two clusters conflict (different given names that are not a nickname
     or initial of each other, clashing middles or suffixes), no two ORCIDs meet, no two groups
     of one full name that step 1 kept apart meet, and no two owners of different members'
     pages (an institute gives each member one page) meet (cannot-links);
   * the average score over every scored pair across the two clusters is above ``rules.JOIN``
     (average linkage: one weak link cannot merge two clusters);
   * the pair is not ambiguous: a group that fits two conflicting clusters almost as well
     (within ``rules.AMBIGUITY_MARGIN``) joins neither;
   * two author lines of one listing are coauthors, and what they share there (the listing,
     the paper, its page and other authors) is no evidence, unless another copy of the paper
     prints one of them without the other (one author printed twice);
   * a pair scored on the names alone still clears ``rules.JOIN`` once the two clusters as
     wholes are weighed: if they share no paper, page or coauthor though both print coauthors,
     the larger one's size says how surely one person's would have met
     (:func:`.evidence.nothing_in_common`).

Every join keeps its score and terms (:class:`~scholarkg.records.Join`). The clusters that
hold one ORCID are one person whatever their names (an ORCID identifies a person).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import rules
from ..names import Compat, _given_parts, compare
from ..records import CleanProfile, Join, PersonName, SourceRef
from .blocks import candidate_pairs
from .evidence import (
    Score,
    coauthor_key,
    coauthor_weight,
    context_terms,
    name_priors,
    name_term,
    nothing_in_common,
)
from .homonyms import (
    Context,
    DisjointSets,
    Link,
    Occurrences,
    Ref,
    group_mentions,
    owner_of_page,
)
from .state import Form, Listing, UnionFind


@dataclass(frozen=True, slots=True)
class People:
    """A person id for every author slot of every listing and every page owner; the joins."""

    slots: tuple[tuple[int, ...], ...]
    owners: Mapping[int, int]
    joins: tuple[Link, ...]


def resolve_people(
    profiles: Sequence[CleanProfile],
    forms: list[Form],
    listings: list[Listing],
    work_of: list[int],
    owner_form: dict[int, int],
) -> tuple[list[Form], dict[int, int], UnionFind, tuple[Join, ...]]:
    """Cluster the mentions into people. Forms are split so that each holds one person's
    mentions of one name; returns the new forms, owner forms, the union-find joining the forms
    of one person, and the evidence of every join."""
    people = _people(
        forms,
        [rec.form_ids for rec in listings],
        [len(rec.listing.authors) for rec in listings],
        work_of,
        [rec.profile for rec in listings],
        owner_form,
    )
    new_forms, new_owner, person_of = _split_forms(profiles, forms, listings, owner_form, people)

    def source(ref: Ref) -> SourceRef:
        li, slot = ref
        if li >= 0 and slot < len(listings[li].listing.authors):
            return listings[li].listing.authors[slot].source
        owner = profiles[listings[li].profile if li >= 0 else -1 - li].owner
        assert owner is not None  # an owner slot or line exists only for a page with an owner
        return owner.source

    joins = tuple(Join(source(a), source(b), s, terms) for a, b, s, terms in people.joins)
    return new_forms, new_owner, person_of, joins


def _split_forms(
    profiles: Sequence[CleanProfile],
    forms: list[Form],
    listings: list[Listing],
    owner_form: dict[int, int],
    people: People,
) -> tuple[list[Form], dict[int, int], UnionFind]:
    new_forms: list[Form] = []
    index: dict[tuple[int, int], int] = {}

    def form_for(f: int, person: int) -> int:
        nf = index.get((f, person))
        if nf is None:
            nf = index[(f, person)] = len(new_forms)
            new_forms.append(Form(forms[f].key, forms[f].name, part=person, orcid=forms[f].orcid))
        return nf

    for li_idx, rec in enumerate(listings):
        persons = people.slots[li_idx]
        n_printed = len(rec.listing.authors)
        for slot, f in enumerate(rec.form_ids):
            nf = form_for(f, persons[slot])
            rec.form_ids[slot] = nf
            new_forms[nf].listings.add(li_idx)
            if slot < n_printed:
                new_forms[nf].mentions.append(rec.listing.authors[slot])
    new_owner: dict[int, int] = {}
    for pi, f in sorted(owner_form.items()):
        nf = form_for(f, people.owners[pi])
        new_owner[pi] = nf
        new_forms[nf].owner_of.append(pi)
        owner = profiles[pi].owner
        if owner is not None:
            new_forms[nf].mentions.append(owner)
    person_of = UnionFind(len(new_forms))
    first: dict[int, int] = {}
    for nf, form in enumerate(new_forms):
        person_of.union(first.setdefault(form.part, nf), nf)
    return new_forms, new_owner, person_of


def _people(
    forms: list[Form],
    listing_forms: Sequence[Sequence[int]],
    listing_printed: Sequence[int],
    listing_work: Sequence[int],
    listing_page: Sequence[int],
    page_owner_form: Mapping[int, int],
) -> People:
    names = [f.name for f in forms]
    occ = Occurrences(listing_forms, listing_page, page_owner_form)
    ctx = Context(listing_forms, listing_printed, listing_work, [coauthor_key(n) for n in names])
    prior = name_priors(names)
    uf = DisjointSets(len(occ.form))
    joins = group_mentions(occ, ctx, prior, uf)
    groups = _Groups(occ, uf, ctx)
    clusters = _cluster_groups(groups, forms, prior, ctx, joins)
    slots = tuple(
        tuple(clusters[uf.find(o)] for o in range(occ.start[li], occ.start[li] + len(fids)))
        for li, fids in enumerate(listing_forms)
    )
    owners = {page: clusters[uf.find(o)] for page, o in occ.owner_line.items()}
    return People(slots, owners, tuple(joins))


class _Groups:
    """The groups of mentions of step 1, with their context."""

    def __init__(self, occ: Occurrences, uf: DisjointSets, ctx: Context) -> None:
        members: dict[int, list[int]] = defaultdict(list)
        for o in range(len(occ.form)):
            members[uf.find(o)].append(o)
        self.roots = sorted(members)
        self.form = [occ.form[r] for r in self.roots]
        self.rep = [occ.ref(r) for r in self.roots]
        self.works: list[frozenset[int]] = []
        self.listings: list[frozenset[int]] = []
        self.pages: list[frozenset[int]] = []
        self.coauthors: list[frozenset[str]] = []
        self.owns: list[frozenset[int]] = []  # pages whose owner the group is
        self.printed: list[frozenset[int]] = []  # listings that print the group as an author
        self.ctx = ctx
        self.listing_page = [occ.page[o] if o < len(occ.page) else -1 for o in occ.start]
        self.own_key = [ctx.ckey[occ.form[r]] for r in self.roots]
        self.work_listings: dict[int, list[int]] = defaultdict(list)  # a paper's copies
        for li, w in enumerate(ctx.listing_work):
            self.work_listings[w].append(li)
        for r in self.roots:
            os_ = members[r]
            self.printed.append(
                frozenset(
                    occ.listing[o]
                    for o in os_
                    if occ.listing[o] >= 0 and not owner_of_page(occ, ctx, o)
                )
            )
            self.owns.append(frozenset(occ.page[o] for o in os_ if owner_of_page(occ, ctx, o)))
            lis = {occ.listing[o] for o in os_ if occ.listing[o] >= 0}
            self.listings.append(frozenset(lis))
            self.works.append(frozenset(ctx.listing_work[li] for li in lis))
            self.pages.append(frozenset(occ.page[o] for o in os_))
            keys = {ctx.ckey[x] for li in lis for x in ctx.listing_forms[li]}
            self.coauthors.append(frozenset(keys - {ctx.ckey[occ.form[r]]}))


_NO_CONTEXT: tuple[frozenset[int], frozenset[int], frozenset[str]] = (
    frozenset(),
    frozenset(),
    frozenset(),
)


class _FormContext:
    """What the groups of each form have in common with others: papers, pages, coauthors."""

    def __init__(self, groups: _Groups, by_form: Mapping[int, list[int]]) -> None:
        self.of: dict[int, tuple[frozenset[int], frozenset[int], frozenset[str]]] = {}
        for f, gs in by_form.items():
            if len(gs) == 1:
                g = gs[0]
                self.of[f] = (groups.works[g], groups.pages[g], groups.coauthors[g])
            else:
                self.of[f] = (
                    frozenset().union(*(groups.works[g] for g in gs)),
                    frozenset().union(*(groups.pages[g] for g in gs)),
                    frozenset().union(*(groups.coauthors[g] for g in gs)),
                )

    def related(self, a: int, b: int) -> bool:
        """Whether any group of form ``a`` shares a paper (so any listing), a page or a
        coauthor with any group of form ``b``: else no pair of them has context to score."""
        wa, pa, ca = self.of.get(a, _NO_CONTEXT)
        wb, pb, cb = self.of.get(b, _NO_CONTEXT)
        return not (wa.isdisjoint(wb) and pa.isdisjoint(pb) and ca.isdisjoint(cb))


def _cluster_groups(
    groups: _Groups,
    forms: list[Form],
    prior: Sequence[float],
    ctx: Context,
    joins: list[Link],
) -> dict[int, int]:
    """Cluster the groups; return each group's root occurrence → person id."""
    by_form: dict[int, list[int]] = defaultdict(list)
    for g, f in enumerate(groups.form):
        by_form[f].append(g)
    edges: dict[tuple[int, int], Score] = {}
    for (a, b), level in candidate_pairs(forms, _FormContext(groups, by_form).related):
        for u, v in _group_pairs(groups, by_form.get(a, []), by_form.get(b, [])):
            score = _score(groups, u, v, level, prior, ctx)
            if score is not None:
                edges[(u, v) if u < v else (v, u)] = score
    names = [f.name for f in forms]
    orcids = [f.orcid for f in forms]
    return _one_person_per_orcid(groups, orcids, _agglomerate(groups, names, orcids, edges, joins))


def _one_person_per_orcid(
    groups: _Groups, orcids: Sequence[str | None], person: dict[int, int]
) -> dict[int, int]:
    """An ORCID identifies a person: the clusters holding one ORCID are one person, whatever
    their names (clustering never puts two ORCIDs in one cluster)."""
    first: dict[str, int] = {}
    same: dict[int, int] = {}
    for g, root in enumerate(groups.roots):
        orcid = orcids[groups.form[g]]
        if orcid:
            same[person[root]] = first.setdefault(orcid, person[root])
    return {root: same.get(p, p) for root, p in person.items()}


def _group_pairs(groups: _Groups, ua: list[int], ub: list[int]) -> list[tuple[int, int]]:
    """All pairs of two names' groups, or, past ``ALL_UNIT_PAIRS_MAX``, those sharing context."""
    if len(ua) * len(ub) <= rules.ALL_UNIT_PAIRS_MAX:
        return [(u, v) for u in ua for v in ub]
    index: dict[tuple[str, object], list[int]] = defaultdict(list)
    for v in ub:
        for w in groups.works[v]:
            index[("w", w)].append(v)
        for c in groups.coauthors[v]:
            index[("c", c)].append(v)
    out: set[tuple[int, int]] = set()
    for u in ua:
        keys = [("w", w) for w in groups.works[u]] + [("c", c) for c in groups.coauthors[u]]
        for key in keys:
            hits = index.get(key, [])
            if len(hits) <= rules.ALL_UNIT_PAIRS_MAX:
                out.update((u, v) for v in hits)
    return sorted(out)


def _score(
    groups: _Groups, u: int, v: int, level: Compat, prior: Sequence[float], ctx: Context
) -> Score | None:
    span = max(len(groups.listings[u]), len(groups.listings[v]), 1)
    (lu, wu, cu, pu), (lv, wv, cv, pv) = _apart(groups, u, v), _apart(groups, v, u)
    shared = [(k, coauthor_weight(ctx.df[k], ctx.n_listings, span)) for k in sorted(cu & cv)]
    context = context_terms(bool(lu & lv), len(wu & wv), shared, bool(pu & pv))
    if level < Compat.STRONG and not context:
        return None  # a weak agreement of names needs context
    fu, fv = groups.form[u], groups.form[v]
    terms = [name_term(prior[fu], prior[fv], level >= Compat.STRONG), *context]

    return Score(sum(w for _, w in terms), tuple(terms))


def _apart(
    groups: _Groups, u: int, v: int
) -> tuple[frozenset[int], frozenset[int], frozenset[str], frozenset[int]]:
    """The listings, works, coauthors and pages of ``u`` that can tell whether it is ``v``: not
    the papers that print both as two authors where they are coauthors (:func:`_together`:
    what they share on such papers, the paper, its page and its other authors, is what
    coauthors share)."""
    together = _together(groups, u, v)
    if not together:
        return groups.listings[u], groups.works[u], groups.coauthors[u], groups.pages[u]
    ctx = groups.ctx
    lis = frozenset(li for li in groups.listings[u] if ctx.listing_work[li] not in together)
    keys = {ctx.ckey[x] for li in lis for x in ctx.listing_forms[li]}
    works = frozenset(ctx.listing_work[li] for li in lis)
    pages = frozenset(groups.listing_page[li] for li in lis) | groups.owns[u]
    return lis, works, frozenset(keys - {groups.own_key[u]}), pages


def _together(groups: _Groups, u: int, v: int) -> set[int]:
    """The works that print ``u`` and ``v`` as two authors of one listing, where that makes
    them coauthors: two authors of one paper are two people, unless another copy of the paper
    prints one of them without the other (one author printed twice: the copies' lists differ
    by the extra line); on ``COAUTHORS_MIN_WORKS`` papers they are coauthors whatever the
    copies print."""
    both = groups.printed[u] & groups.printed[v]
    if not both:
        return set()
    works = {groups.ctx.listing_work[li] for li in both}
    if len(works) >= rules.COAUTHORS_MIN_WORKS:
        return works
    pu, pv = groups.printed[u], groups.printed[v]
    for w in works:
        if any((li in pu) != (li in pv) for li in groups.work_listings[w]):
            return set()  # printed twice on one copy, once on another
    return works


def _full_first(name: PersonName) -> bool:
    parts = _given_parts(name)
    return bool(parts) and len(parts[0]) > 1


def _agglomerate(
    groups: _Groups,
    names: Sequence[PersonName],
    orcids: Sequence[str | None],
    edges: Mapping[tuple[int, int], Score],
    joins: list[Link],
) -> dict[int, int]:
    n = len(groups.roots)
    neighbours: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (u, v), s in edges.items():
        neighbours[u].append((s.total, v))
        neighbours[v].append((s.total, u))

    def conflict(x: int, y: int) -> bool:
        fx, fy = groups.form[x], groups.form[y]
        if orcids[fx] and orcids[fy] and orcids[fx] != orcids[fy]:
            return True  # two ORCIDs are two people
        if fx == fy:
            return x != y and _full_first(names[fx])  # namesakes step 1 kept apart
        return compare(names[fx], names[fy]) == Compat.CONFLICT

    def ambiguous(x: int, y: int, s: float) -> bool:
        return any(
            z != y and sz >= s - rules.AMBIGUITY_MARGIN and conflict(y, z)
            for sz, z in neighbours[x]
        )

    uf = DisjointSets(n)
    members: dict[int, list[int]] = {u: [u] for u in range(n)}
    owns = {u: groups.owns[u] for u in range(n)}
    met = {u: _Met.of(groups, u) for u in range(n)}
    cross: dict[int, dict[int, list[float]]] = defaultdict(dict)
    for (u, v), s in edges.items():
        cross[u][v] = cross[v][u] = [s.total, 1.0]
    order = sorted(
        ((s.total, u, v) for (u, v), s in edges.items() if s.total > rules.JOIN),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for total, u, v in order:
        ru, rv = uf.find(u), uf.find(v)
        if ru == rv or ambiguous(u, v, total) or ambiguous(v, u, total):
            continue
        link = cross[ru].get(rv)
        if link is None or link[0] / link[1] <= rules.JOIN:
            continue  # average linkage: the clusters as wholes do not agree
        if owns[ru] and owns[rv] and owns[ru] != owns[rv]:
            continue  # an institute gives each member one page: two owners are two people
        if any(conflict(x, y) for x in members[ru] for y in members[rv]):
            continue
        terms = _as_wholes(edges[(u, v)], met[ru], met[rv])
        if terms is None:
            continue
        uf.union(ru, rv)
        root, other = (ru, rv) if uf.find(ru) == ru else (rv, ru)
        _merge_cross(cross, root, other)
        members[root] = members[root] + members.pop(other)
        owns[root] = owns[root] | owns.pop(other)
        met[root] = met[root].merge(met.pop(other))
        joins.append((groups.rep[u], groups.rep[v], sum(w for _, w in terms), terms))
    return {groups.roots[u]: uf.find(u) for u in range(n)}


@dataclass(slots=True)
class _Met:
    """What a cluster has met: its listings, papers, pages and coauthors."""

    listings: set[int]
    works: set[int]
    pages: set[int]
    coauthors: set[str]

    @classmethod
    def of(cls, groups: _Groups, u: int) -> _Met:
        return cls(
            set(groups.listings[u]),
            set(groups.works[u]),
            set(groups.pages[u]),
            set(groups.coauthors[u]),
        )

    def apart(self, other: _Met) -> bool:
        """Whether two clusters that both print coauthors share no paper, page or coauthor."""
        return (
            bool(self.coauthors and other.coauthors)
            and self.works.isdisjoint(other.works)
            and self.pages.isdisjoint(other.pages)
            and self.coauthors.isdisjoint(other.coauthors)
        )

    def merge(self, other: _Met) -> _Met:
        """The two as one (the larger sets grow: merging stays near-linear)."""
        for name in ("listings", "works", "pages", "coauthors"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if len(mine) < len(theirs):
                mine, theirs = theirs, mine
            mine |= theirs
            setattr(self, name, mine)
        return self


def _as_wholes(s: Score, a: _Met, b: _Met) -> tuple[tuple[str, float], ...] | None:
    """The terms of a join of clusters ``a`` and ``b`` through a pair scored ``s``, or None
    where it fails: a pair scored on the names alone, of clusters that as wholes share nothing
    though both print coauthors, weighs that absence (:func:`.evidence.nothing_in_common`)."""
    if len(s.terms) > 1 or not a.apart(b):
        return s.terms
    terms = (*s.terms, nothing_in_common(max(len(a.listings), len(b.listings))))
    return terms if sum(w for _, w in terms) > rules.JOIN else None


def _merge_cross(cross: dict[int, dict[int, list[float]]], root: int, other: int) -> None:
    """Sum the scored pairs of ``other`` into ``root`` (both directions share one list)."""
    mine = cross[root]
    mine.pop(other, None)
    for z, (sz, cz) in cross.pop(other).items():
        if z == root:
            continue
        cur = mine.get(z)
        if cur is None:
            cur = mine[z] = [0.0, 0.0]
        cur[0] += sz
        cur[1] += cz
        back = cross[z]
        back.pop(other, None)
        back[root] = cur
