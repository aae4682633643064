"""Resolve: which mentions are one person, which listings one paper.

Works on typed records only (no RDF, no store). The result does not depend on input order:
every choice is made on sorted data, and ties are broken by content, never by position.

Papers, first pass: listings with the same folded title (or DOI / arXiv id) are one paper.

People: mentions whose names agree exactly (case, accents, punctuation) are one *form*. Forms
are compared only within blocks (folded family name + first initial, nickname initials too), never
all pairs. A pair of forms is merged when

* their names agree strongly (same full first name, middle names missing on one side) and no
  other, conflicting form fits as well, or
* their names agree weakly (initial, nickname) and context backs it: they share a paper, or
  coauthors; and no conflicting form is backed as well.

Two clusters are never joined if any of their names conflict (``Wei Wang`` / ``Wen Wang``).

Papers, second pass: listings whose titles differ by arXiv-version edits only (a few words
inserted, no word changed, no number or negation involved) are one paper when they share most
authors.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from .names import (
    Compat,
    _given_parts,
    block_keys,
    compare,
    conflict_screen,
    fold,
    fold_tight,
    name_key,
    screened_conflict,
    specificity,
)
from .records import (
    CleanListing,
    CleanProfile,
    Membership,
    Mention,
    Person,
    PersonName,
    Rejection,
    Resolution,
    SourceRef,
    Work,
)
from .vocab import short_hash, slugify

Progress = Callable[[str, int, int], None]


class _UnionFind:
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
class _Listing:
    listing: CleanListing
    profile: int
    title_key: str
    form_ids: list[int] = field(default_factory=list)  # authors then owner


@dataclass(slots=True)
class _Form:
    key: str
    name: PersonName
    mentions: list[Mention] = field(default_factory=list)
    listings: set[int] = field(default_factory=set)
    owner_of: list[int] = field(default_factory=list)  # profile indexes
    part: int = 0  # >0: one of several people printed with this very name (a homonym)


# A name is common when the names seen suggest several people carry it: the number of names
# with its first given name times the number with its family name, over all names, is the
# expected number of people printed so (were given and family names independent). Above this,
# mentions of the name are joined only where their context joins them.
COMMON_NAME = 0.2


def title_key(title: str) -> str:
    return fold_tight(title)


def normalize_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    d = doi.strip().lower()
    d = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", d)
    return d or None


def normalize_arxiv(arxiv: str | None) -> str | None:
    if not arxiv:
        return None
    a = arxiv.strip().lower()
    a = re.sub(r"^(?:arxiv:|https?://arxiv\.org/abs/)", "", a)
    a = re.sub(r"v\d+$", "", a)
    return a or None


def resolve(profiles: Sequence[CleanProfile], progress: Progress | None = None) -> Resolution:
    """Resolve people and papers across all profiles."""
    profiles = sorted(profiles, key=lambda p: p.path)
    listings: list[_Listing] = []
    for pi, prof in enumerate(profiles):
        for li in prof.listings:
            listings.append(_Listing(li, pi, title_key(li.title)))
    listings.sort(key=lambda x: (x.listing.source.path, x.listing.source.line))

    # ---- papers, first pass: same title key or identifier
    works_uf = _UnionFind(len(listings))
    first_by_key: dict[str, int] = {}
    for i, rec in enumerate(listings):
        keys = [f"t:{rec.title_key}"] if rec.title_key else []
        if d := normalize_doi(rec.listing.doi):
            keys.append(f"d:{d}")
        if a := normalize_arxiv(rec.listing.arxiv):
            keys.append(f"a:{a}")
        for k in keys:
            if k in first_by_key:
                works_uf.union(first_by_key[k], i)
            else:
                first_by_key[k] = i
    if progress:
        progress("resolve", 1, 4)

    # ---- people: forms
    forms, owner_form = _collect_forms(profiles, listings)
    work_of = [works_uf.find(i) for i in range(len(listings))]
    _split_homonyms(forms, listings, work_of)
    person_of = _resolve_people(forms, listings, work_of)
    if progress:
        progress("resolve", 2, 4)

    # ---- papers, second pass: version titles shared by the same people
    _merge_versions(listings, works_uf, forms, person_of)
    if progress:
        progress("resolve", 3, 4)

    result = _assemble(profiles, listings, works_uf, forms, person_of, owner_form)
    if progress:
        progress("resolve", 4, 4)
    return result


def _collect_forms(
    profiles: Sequence[CleanProfile], listings: list[_Listing]
) -> tuple[list[_Form], dict[int, int]]:
    forms: list[_Form] = []
    by_key: dict[str, int] = {}

    def form_for(m: Mention) -> int:
        k = name_key(m.name)
        fid = by_key.get(k)
        if fid is None:
            fid = len(forms)
            by_key[k] = fid
            forms.append(_Form(k, m.name))
        forms[fid].mentions.append(m)
        return fid

    owner_form: dict[int, int] = {}
    for pi, prof in enumerate(profiles):
        if prof.owner is not None:
            fid = form_for(prof.owner)
            owner_form[pi] = fid
            forms[fid].owner_of.append(pi)
    for li_idx, rec in enumerate(listings):
        for m in rec.listing.authors:
            fid = form_for(m)
            rec.form_ids.append(fid)
            forms[fid].listings.add(li_idx)
        ofid = owner_form.get(rec.profile)
        if ofid is not None:
            rec.form_ids.append(ofid)
            forms[ofid].listings.add(li_idx)
    for f in forms:
        # the most specific spelling represents the form (all spellings share its key)
        spellings = Counter(m.name for m in f.mentions)
        f.name = max(
            spellings,
            key=lambda n: (specificity(n), len(fold(n.family).split()), spellings[n], n.display),
        )
    return forms, owner_form


def _split_homonyms(forms: list[_Form], listings: list[_Listing], work_of: list[int]) -> None:
    """Split a common name ("Wei Wang") into the people its contexts show.

    Mentions of a common name stay one person where context joins them: the same paper, or a
    coauthor in common (by full name; coauthors with common names, or on very many papers, do
    not count: namesakes would chain through them). A profile owner's listings are one context.
    """
    givens: Counter[str] = Counter()
    families: Counter[str] = Counter()
    for f in forms:
        parts = _given_parts(f.name)
        givens[parts[0] if parts else ""] += 1
        families[fold_tight(f.name.family)] += 1
    total = max(len(forms), 1)

    def expected(f: _Form) -> float:
        parts = _given_parts(f.name)
        first = parts[0] if parts else ""
        if len(first) <= 1:
            return 0.0  # initials join others only with context anyway
        # other names with this given name × with this family name: a name seen once stays
        # uncommon however small the input
        return (givens[first] - 1) * (families[fold_tight(f.name.family)] - 1) / total

    common = {i for i, f in enumerate(forms) if expected(f) >= COMMON_NAME}
    # a coauthor on many papers links too much: namesakes would chain through them
    prolific = max(20, len(listings) // 500)
    busy = {i for i, f in enumerate(forms) if len(f.listings) > prolific}
    if not common:
        return
    occurrences: dict[int, list[tuple[int, int]]] = defaultdict(list)  # fid → (listing, slot)
    for li_idx, rec in enumerate(listings):
        for slot, fid in enumerate(rec.form_ids):
            if fid in common:
                occurrences[fid].append((li_idx, slot))
    for fid in sorted(occurrences):
        occ = occurrences[fid]
        uf = _UnionFind(len(occ))
        first_seen: dict[object, int] = {}
        for i, (li_idx, slot) in enumerate(occ):
            rec = listings[li_idx]
            links: list[object] = [("w", work_of[li_idx])]
            if slot >= len(rec.listing.authors):
                links.append(("owner",))  # a member's own listings: one person
            links += [
                ("c", x)
                for x in set(rec.form_ids)
                if x != fid and x not in common and x not in busy
            ]
            for link in links:
                j = first_seen.setdefault(link, i)
                if j != i:
                    uf.union(j, i)
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(occ)):
            groups[uf.find(i)].append(i)
        if len(groups) < 2:
            continue
        base = forms[fid]
        owner_group = next(
            (
                g
                for g in groups.values()
                if any(occ[i][1] >= len(listings[occ[i][0]].listing.authors) for i in g)
            ),
            None,
        )
        ordered = sorted(groups.values(), key=lambda g: (g is not owner_group, g))
        for part, members in enumerate(ordered[1:], start=1):
            new_id = len(forms)
            chosen = [occ[i] for i in members]
            mentions = [listings[li].listing.authors[slot] for li, slot in chosen]
            moved = {id(m) for m in mentions}
            base.mentions = [m for m in base.mentions if id(m) not in moved]
            forms.append(_Form(base.key, base.name, mentions, {li for li, _ in chosen}, [], part))
            for li_idx, slot in chosen:
                listings[li_idx].form_ids[slot] = new_id
        moved_all = {occ[i] for members in ordered[1:] for i in members}
        base.listings = {li for li, slot in occ if (li, slot) not in moved_all}


def _coauthor_key(name: PersonName) -> str:
    given = fold_tight(name.given[0])[:1] if name.given else ""
    return fold_tight(name.family) + "/" + given


def _resolve_people(forms: list[_Form], listings: list[_Listing], work_of: list[int]) -> _UnionFind:
    n = len(forms)
    own_key = [_coauthor_key(f.name) for f in forms]
    works: list[set[int]] = [{work_of[i] for i in f.listings} for f in forms]
    coauthors: list[set[str]] = [set() for _ in forms]
    same_listing: set[tuple[int, int]] = set()
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

    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(forms):
        for k in block_keys(f.name):
            blocks[k].append(i)

    candidates: dict[tuple[int, int], tuple[int, int]] = {}
    seen: set[tuple[int, int]] = set()
    screens = [conflict_screen(f.name) for f in forms]
    level: int
    for members in blocks.values():
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
                if level == Compat.CONFLICT:
                    continue
                shared_works = len(works[a] & works[b])
                shared_co = len((coauthors[a] & coauthors[b]) - {own_key[a], own_key[b]})
                evidence = 3 * shared_works + shared_co
                if pair in same_listing:
                    evidence += 100
                candidates[pair] = (int(level), evidence)

    neighbours: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for (a, b), (level, ev) in candidates.items():
        neighbours[a].append((b, level, ev))
        neighbours[b].append((a, level, ev))

    split_keys = {f.key for f in forms if f.part > 0}

    def ambiguous(x: int, y: int, score: tuple[int, int]) -> bool:
        for z, level, ev in neighbours[x]:
            if z == y or (level, ev) < score:
                continue
            if forms[y].key == forms[z].key or (
                compare(forms[y].name, forms[z].name) == Compat.CONFLICT
            ):
                return True  # two people x may be (namesakes count as two)
        return False

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

    uf = _UnionFind(n)
    members_of: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _level, _ev, a, b in accepted:
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


# ---------------------------------------------------------------- version titles

_NO_INSERT = frozenset(
    [
        "not",
        "no",
        "non",
        "without",
        "beyond",
        "vs",
        "versus",
        "versa",
        "for",
        "with",
        "in",
        "on",
        "of",
        "from",
        "to",
        "into",
        "via",
        "using",
        "under",
        "over",
        "between",
        "and",
        "or",
        "but",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "part",
        "revisited",
    ]
)


_NOT_A_SUBTITLE = frozenset("part i ii iii iv v vi vii revisited not no".split())


def is_version_title(a: str, b: str) -> bool:
    """Whether two titles differ only by arXiv-version edits: a few words inserted or removed.

    No word may be changed, and the words added may not be numbers, negations or prepositions
    (``Part I``/``Part II``, ``Attention is (not) all you need``, ``X`` / ``X for Y`` stay apart).
    """
    ta, tb = fold(a).split(), fold(b).split()
    if ta == tb:
        return True
    # a subtitle added or dropped: "X" / "X: A Controlled Study" (not "X" / "X: Part II")
    for whole, other in ((a, tb), (b, ta)):
        main, colon, subtitle = whole.partition(":")
        sub = fold(subtitle).split()
        if (
            colon
            and len(other) >= 3
            and fold(main).split() == other
            and not any(w in _NOT_A_SUBTITLE or any(c.isdigit() for c in w) for w in sub)
        ):
            return True
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    inserted: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace":
            return False
        if op == "delete":
            inserted.extend(ta[i1:i2])
        elif op == "insert":
            inserted.extend(tb[j1:j2])
    shorter = min(len(ta), len(tb))
    if shorter < 4 or len(inserted) > 3 or len(inserted) > 0.25 * max(len(ta), len(tb)):
        return False
    return not any(w in _NO_INSERT or any(c.isdigit() for c in w) for w in inserted)


def _merge_versions(
    listings: list[_Listing], works_uf: _UnionFind, forms: list[_Form], person_of: _UnionFind
) -> None:
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(listings)):
        clusters[works_uf.find(i)].append(i)
    titles: dict[int, set[str]] = {}
    people: dict[int, set[int]] = {}
    # versions share most authors, and their first or their last word (an edit changes one
    # end at most): block on (author, first word) and (author, last word)
    blocks: dict[tuple[object, ...], set[int]] = defaultdict(set)
    for root, idxs in clusters.items():
        ts = {listings[i].listing.title for i in idxs}
        titles[root] = ts
        people[root] = {person_of.find(f) for i in idxs for f in listings[i].form_ids}
        for t in ts:
            toks = fold(t).split()
            if len(toks) >= 4:
                for person in people[root]:
                    blocks[("h", person, toks[0])].add(root)
                    blocks[("t", person, toks[-1])].add(root)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        ms = sorted(members)
        if len(ms) < 2:
            continue
        for x in range(len(ms)):
            for y in range(x + 1, len(ms)):
                pairs.add((ms[x], ms[y]))
    for a, b in sorted(pairs):
        pa, pb = people[a], people[b]
        shared = len(pa & pb)
        if shared == 0 or shared < 0.5 * min(len(pa), len(pb)):
            continue
        if any(is_version_title(s, t) for s in sorted(titles[a]) for t in sorted(titles[b])):
            works_uf.union(a, b)


# ---------------------------------------------------------------- assembling records


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


def _unique_keys(items: list[tuple[str, tuple[object, ...]]]) -> dict[tuple[object, ...], str]:
    """Give each (slug, sort key) a unique slug: ties get -2, -3 … in sort-key order."""
    by_slug: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for slug, sk in items:
        by_slug[slug].append(sk)
    out: dict[tuple[object, ...], str] = {}
    taken = set(by_slug)
    for slug, sks in by_slug.items():
        for n, sk in enumerate(sorted(sks)):
            if n == 0:
                out[sk] = slug
                continue
            k = n + 1
            while f"{slug}-{k}" in taken:
                k += 1
            taken.add(f"{slug}-{k}")
            out[sk] = f"{slug}-{k}"
    return out


def _assemble(
    profiles: Sequence[CleanProfile],
    listings: list[_Listing],
    works_uf: _UnionFind,
    forms: list[_Form],
    person_of: _UnionFind,
    owner_form: dict[int, int],
) -> Resolution:
    # ---- people
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(forms)):
        clusters[person_of.find(i)].append(i)
    person_items: list[tuple[str, tuple[object, ...]]] = []
    cluster_info: dict[int, tuple[str, list[Mention]]] = {}
    for root, fids in clusters.items():
        mentions = [m for f in fids for m in forms[f].mentions]
        name = _choose_name(mentions)
        first_src = min(m.source for m in mentions)
        cluster_info[root] = (name, mentions)
        person_items.append((slugify(name), (first_src.path, first_src.line, root)))
    slug_for = _unique_keys(person_items)
    person_key: dict[int, str] = {}
    for _slug, sk in person_items:
        person_key[int(sk[2])] = slug_for[sk]  # type: ignore[call-overload]

    members_by_root: dict[int, list[int]] = defaultdict(list)
    for pi, fid in owner_form.items():
        members_by_root[person_of.find(fid)].append(pi)

    people: list[Person] = []
    mention_to_person: dict[SourceRef, str] = {}
    for root, (name, mentions) in cluster_info.items():
        key = person_key[root]
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
        for m in mentions:
            mention_to_person[m.source] = key
        membership = None
        owned = sorted(members_by_root.get(root, []), key=lambda pi: profiles[pi].path)
        if owned:
            ps = [profiles[pi] for pi in owned]
            topics = tuple(dict.fromkeys(t for p in ps for t in p.topics))
            src = min(m.source for m in mentions if m.is_profile_owner)
            membership = Membership(
                role=next((p.role for p in ps if p.role), None),
                job_title=next((p.job_title for p in ps if p.job_title), None),
                employer=next((p.employer for p in ps if p.employer), None),
                topics=topics,
                source=src,
            )
        people.append(
            Person(
                key=key,
                name=name,
                alternate_names=tuple(sorted(alternates)),
                printed_forms=tuple(sorted(printed.items(), key=lambda kv: (kv[1], kv[0]))),
                sources=(min(m.source for m in mentions),),
                membership=membership,
            )
        )
    people.sort(key=lambda p: p.key)

    # ---- works
    wclusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(listings)):
        wclusters[works_uf.find(i)].append(i)
    work_items: list[tuple[str, tuple[object, ...]]] = []
    winfo: dict[int, tuple[str, list[str], str | None, str | None, str | None]] = {}
    for root, idxs in wclusters.items():
        recs = [listings[i].listing for i in idxs]
        counts = Counter(r.title for r in recs)
        title = max(sorted(counts), key=lambda t: (counts[t], len(t)))
        alt_by_key: dict[str, str] = {}
        for t in sorted(counts, key=lambda t: (-counts[t], t)):
            k = title_key(t)
            if k != title_key(title) and k not in alt_by_key:
                alt_by_key[k] = t
        abstracts = [r.abstract for r in recs if r.abstract]
        abstract = max(sorted(abstracts), key=len) if abstracts else None
        doi = min((x for r in recs if (x := normalize_doi(r.doi))), default=None)
        arxiv = min((x for r in recs if (x := normalize_arxiv(r.arxiv))), default=None)
        winfo[root] = (title, sorted(alt_by_key.values()), abstract, doi, arxiv)
        slug = slugify(title, max_words=8) + "-" + short_hash(doi or arxiv or title_key(title))
        first_src = min(r.source for r in recs)
        work_items.append((slug, (first_src.path, first_src.line, root)))
    wslug_for = _unique_keys(work_items)
    work_key: dict[int, str] = {int(sk[2]): wslug_for[sk] for _, sk in work_items}  # type: ignore[call-overload]

    works: list[Work] = []
    listing_to_work: dict[SourceRef, str] = {}
    for root, idxs in wclusters.items():
        title, alts, abstract, doi, arxiv = winfo[root]
        key = work_key[root]
        for i in idxs:
            listing_to_work[listings[i].listing.source] = key
        authors = _author_order([listings[i] for i in idxs], forms, person_of, person_key)
        works.append(
            Work(
                key=key,
                title=title,
                alternate_titles=tuple(alts),
                abstract=abstract,
                authors=tuple(authors),
                sources=tuple(sorted(listings[i].listing.source for i in idxs)),
                doi=doi,
                arxiv=arxiv,
            )
        )
    works.sort(key=lambda w: w.key)
    rejections = tuple(sorted((r for p in profiles for r in p.rejections), key=_rej_key))
    return Resolution(
        people=tuple(people),
        works=tuple(works),
        listing_to_work=listing_to_work,
        mention_to_person=mention_to_person,
        rejections=rejections,
    )


def _rej_key(r: Rejection) -> tuple[str, int]:
    return (r.source.path, r.source.line)


def _author_order(
    recs: list[_Listing], forms: list[_Form], person_of: _UnionFind, person_key: dict[int, str]
) -> list[str]:
    """Authors in printed order; the owners, whom pages leave out, after the printed ones.

    The listing that prints the most authors sets the order; authors only other listings
    print are inserted after the author they follow there.
    """

    def printed(rec: _Listing) -> list[str]:
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
