"""Assembly: from clusters of forms and listings to the frozen records that leave resolution.

Each person gets a canonical name, alternates and printed forms; each paper a title,
alternates, identifiers and its authors in printed order. Local names come from
:mod:`scholarkg.vocab`, which alone decides what an IRI looks like.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..ids import normalize_arxiv, normalize_doi
from ..names import name_key, specificity
from ..records import (
    CleanListing,
    CleanProfile,
    Join,
    Membership,
    Mention,
    Person,
    PersonName,
    Rejection,
    Resolution,
    SourceRef,
    Work,
    WorkMeta,
)
from ..vocab import PersonFacts, WorkFacts, person_local_names, work_local_names
from .papers import title_key
from .state import Form, Listing, UnionFind


def assemble(
    profiles: Sequence[CleanProfile],
    listings: list[Listing],
    works_uf: UnionFind,
    forms: list[Form],
    person_of: UnionFind,
    owner_form: dict[int, int],
    joins: tuple[Join, ...] = (),
) -> Resolution:
    people, person_key, mention_to_person = _people(profiles, forms, person_of, owner_form)
    works, listing_to_work = _works(listings, works_uf, person_of, person_key)
    rejections = tuple(sorted((r for p in profiles for r in p.rejections), key=_rej_key))
    return Resolution(
        people=tuple(people),
        works=tuple(works),
        listing_to_work=listing_to_work,
        mention_to_person=mention_to_person,
        rejections=rejections,
        joins=joins,
    )


def _clusters(uf: UnionFind, n: int) -> dict[int, list[int]]:
    """Root → members, roots in order of their smallest member."""
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        clusters[uf.find(i)].append(i)
    return clusters


def _rej_key(r: Rejection) -> tuple[str, int]:
    return (r.source.path, r.source.line)


# ---------------------------------------------------------------- people


def _people(
    profiles: Sequence[CleanProfile],
    forms: list[Form],
    person_of: UnionFind,
    owner_form: dict[int, int],
) -> tuple[list[Person], dict[int, str], dict[SourceRef, str]]:
    """The people, sorted by key; each cluster root's key; each mention's person key."""
    cluster_info: dict[int, tuple[str, list[Mention]]] = {}
    for root, fids in _clusters(person_of, len(forms)).items():
        mentions = [m for f in fids for m in forms[f].mentions]
        cluster_info[root] = (_choose_name(mentions), mentions)
    person_key = person_local_names(
        {
            root: PersonFacts(name, min(m.source for m in mentions))
            for root, (name, mentions) in cluster_info.items()
        }
    )
    members_by_root: dict[int, list[int]] = defaultdict(list)
    for pi, fid in owner_form.items():
        members_by_root[person_of.find(fid)].append(pi)

    people: list[Person] = []
    mention_to_person: dict[SourceRef, str] = {}
    for root, (name, mentions) in cluster_info.items():
        key = person_key[root]
        for m in mentions:
            mention_to_person[m.source] = key
        owned = sorted(members_by_root.get(root, []), key=lambda pi: profiles[pi].path)
        membership = _membership([profiles[pi] for pi in owned], mentions) if owned else None
        people.append(_person(key, name, mentions, membership))
    people.sort(key=lambda p: p.key)
    return people, person_key, mention_to_person


def _person(key: str, name: str, mentions: list[Mention], membership: Membership | None) -> Person:
    canon_key = name_key(next(m.name for m in mentions if m.name.display == name))
    alternates: set[str] = set()
    for m in mentions:
        d = m.name.display
        if d != name and not m.repaired and name_key(m.name) != canon_key:
            alternates.add(d)
    printed: dict[str, SourceRef] = {}
    for m in mentions:
        if m.printed != name and m.printed not in alternates:
            src = printed.get(m.printed)
            if src is None or m.source < src:
                printed[m.printed] = m.source
    return Person(
        key=key,
        name=name,
        alternate_names=tuple(sorted(alternates)),
        printed_forms=tuple(sorted(printed.items(), key=lambda kv: (kv[1], kv[0]))),
        sources=tuple(sorted({m.source for m in mentions})),  # every record merged
        membership=membership,
        orcid=min((m.orcid for m in mentions if m.orcid), default=None),
    )


def _membership(owned: list[CleanProfile], mentions: list[Mention]) -> Membership:
    """A member's role and topics from their profile pages (the first page that says wins)."""
    return Membership(
        role=next((p.role for p in owned if p.role), None),
        job_title=next((p.job_title for p in owned if p.job_title), None),
        employer=next((p.employer for p in owned if p.employer), None),
        topics=tuple(dict.fromkeys(t for p in owned for t in p.topics)),
        source=min(m.source for m in mentions if m.is_profile_owner),
    )


def _name_rank(n: PersonName, owner: bool, repaired: bool) -> tuple[object, ...]:
    first = n.given[0].rstrip(".") if n.given else ""
    has_marks = any(ord(c) > 127 for c in n.display)
    return (
        owner,
        len(first) > 1,
        len(first),
        has_marks,  # Álvaro (repaired from 'Alvaro) over a plain Alvaro
        not repaired,
        specificity(n),
        sum(1 for g in n.given if g.endswith(".")),
    )


def _choose_name(mentions: Iterable[Mention]) -> str:
    counts: Counter[str] = Counter()
    best: dict[str, tuple[object, ...]] = {}
    kinds = Counter((m.name, m.is_profile_owner, m.repaired) for m in mentions)
    for (name, owner, repaired), n in kinds.items():
        d = name.display
        counts[d] += n
        r = _name_rank(name, owner, repaired)
        if d not in best or r > best[d]:
            best[d] = r
    # max() keeps the first of equals: over sorted spellings, ties go to the smallest
    return max(sorted(counts), key=lambda d: (best[d], counts[d]))


# ---------------------------------------------------------------- works


@dataclass(frozen=True, slots=True)
class _PaperText:
    title: str
    alternate_titles: tuple[str, ...]
    abstract: str | None
    doi: str | None
    arxiv: str | None
    meta: WorkMeta | None = None
    arxiv_versions: tuple[str, ...] = ()
    authors_complete: bool = True
    organizations: tuple[str, ...] = ()
    printed_titles: tuple[tuple[str, SourceRef], ...] = ()


def _works(
    listings: list[Listing],
    works_uf: UnionFind,
    person_of: UnionFind,
    person_key: dict[int, str],
) -> tuple[list[Work], dict[SourceRef, str]]:
    """The papers, sorted by key, and each listing's paper key."""
    clusters = _clusters(works_uf, len(listings))
    text: dict[int, _PaperText] = {}
    facts: dict[int, WorkFacts] = {}
    for root, idxs in clusters.items():
        recs = [listings[i].listing for i in idxs]
        t = text[root] = _paper_text(recs)
        first = min(r.source for r in recs)
        facts[root] = WorkFacts(t.title, title_key(t.title), t.doi, t.arxiv, first)
    work_key = work_local_names(facts)

    works: list[Work] = []
    listing_to_work: dict[SourceRef, str] = {}
    for root, idxs in clusters.items():
        t, key = text[root], work_key[root]
        for i in idxs:
            listing_to_work[listings[i].listing.source] = key
        authors = _author_order([listings[i] for i in idxs], person_of, person_key)
        works.append(
            Work(
                key=key,
                title=t.title,
                alternate_titles=t.alternate_titles,
                abstract=t.abstract,
                authors=tuple(authors),
                sources=tuple(sorted(listings[i].listing.source for i in idxs)),
                doi=t.doi,
                arxiv=t.arxiv,
                meta=t.meta,
                arxiv_versions=t.arxiv_versions,
                authors_complete=t.authors_complete,
                organizations=t.organizations,
                printed_titles=t.printed_titles,
            )
        )
    works.sort(key=lambda w: w.key)
    return works, listing_to_work


def _paper_text(recs: list[CleanListing]) -> _PaperText:
    """Title (the most printed, then the longest), alternates, longest abstract, identifiers."""
    counts = Counter(r.title for r in recs)
    title = max(sorted(counts), key=lambda t: (counts[t], len(t)))
    alt_by_key: dict[str, str] = {}
    for t in sorted(counts, key=lambda t: (-counts[t], t)):
        k = title_key(t)
        if k != title_key(title) and k not in alt_by_key:
            alt_by_key[k] = t
    abstracts = [r.abstract for r in recs if r.abstract]
    return _PaperText(
        title=title,
        alternate_titles=tuple(sorted(alt_by_key.values())),
        abstract=max(sorted(abstracts), key=len) if abstracts else None,
        doi=min((x for r in recs if (x := normalize_doi(r.doi))), default=None),
        arxiv=min((x for r in recs if (x := normalize_arxiv(r.arxiv))), default=None),
        meta=fuse_meta([r.meta for r in recs if r.meta is not None]),
        arxiv_versions=tuple(sorted({r.meta.arxiv_version for r in recs if r.meta} - {""})),
        # a list cut short ("and others") is complete when another source prints it whole
        authors_complete=any(r.authors_complete for r in recs),
        organizations=_longest_list(r.organizations for r in recs),
        printed_titles=tuple(
            sorted({(r.printed_title, r.source) for r in recs if r.printed_title}, key=_by_src)
        ),
    )


def _by_src(item: tuple[str, SourceRef]) -> tuple[SourceRef, str]:
    return item[1], item[0]


def _longest_list(lists: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return max(sorted(lists), key=len, default=())


# the source types in order of how much they say: a specific type wins over a generic one
_GENERIC_KINDS = ("", "misc", "webpage", "online", "article")


def _fullest(values: Iterable[str]) -> str:
    """The fuller value wins (the longest; ties to the smallest): the others are the same
    fact told with less."""
    vals = sorted({v for v in values if v})
    return max(vals, key=len) if vals else ""


def fuse_meta(metas: list[WorkMeta]) -> WorkMeta | None:
    """One record's worth of metadata from every source of a paper: per field the fuller value
    wins; URLs and topics from all."""
    if not metas:
        return None
    kinds = sorted({m.kind for m in metas})
    specific = [k for k in kinds if k not in _GENERIC_KINDS]
    kind = specific[0] if specific else max(kinds, key=_GENERIC_KINDS.index)
    return WorkMeta(
        kind=kind,
        date=_fullest(m.date for m in metas),
        venue=_fullest(m.venue for m in metas),
        pages=_fullest(m.pages for m in metas),
        volume=_fullest(m.volume for m in metas),
        issue=_fullest(m.issue for m in metas),
        publisher=_fullest(m.publisher for m in metas),
        urls=tuple(sorted({u for m in metas for u in m.urls})),
        arxiv_version=max((m.arxiv_version for m in metas), default=""),
        topics=tuple(sorted({t for m in metas for t in m.topics})),
    )


def _author_order(
    recs: list[Listing], person_of: UnionFind, person_key: dict[int, str]
) -> list[str]:
    """Authors in printed order; the owners, whom pages leave out, after the printed ones.

    The listing that prints the most authors sets the order; authors only other listings
    print are inserted after the author they follow there.
    """

    def printed(rec: Listing) -> list[str]:
        out: list[str] = []
        n_printed = len(rec.listing.authors)
        for fid in rec.form_ids[:n_printed]:
            k = person_key[person_of.find(fid)]
            if k not in out:
                out.append(k)
        return out

    ordered = sorted(
        recs,
        # ties broken by content (the printed order itself), never by file name
        key=lambda r: (-len(printed(r)), printed(r), r.listing.title),
    )
    order: list[str] = []
    for rec in ordered:
        prev: str | None = None
        for k in printed(rec):
            if k not in order:
                pos = order.index(prev) + 1 if prev is not None else 0
                order.insert(pos, k)
            prev = k
    owners = sorted(
        {
            person_key[person_of.find(r.form_ids[-1])]
            for r in recs
            if len(r.form_ids) > len(r.listing.authors)
        }
    )
    for k in owners:
        if k not in order:
            order.append(k)
    return order
