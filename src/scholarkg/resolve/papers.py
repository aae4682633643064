"""Which listings are one paper.

First pass: listings with the same DOI or arXiv id are one paper, then those with the same
folded title; two different DOIs (or arXiv ids) are never one paper.

Second pass (after people are resolved): listings whose titles differ by arXiv-version edits
only (a few words inserted, no word changed, no number or negation involved) are one paper when
they share most authors.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

from ..ids import normalize_arxiv, normalize_doi
from ..rules import (
    SUBTITLE_MIN_MAIN_WORDS,
    VERSION_MAX_EDITED_SHARE,
    VERSION_MAX_EDITED_WORDS,
    VERSION_MIN_SHARED_AUTHORS,
    VERSION_MIN_WORDS,
)
from ..text import fold, fold_tight
from .state import Listing, UnionFind


def title_key(title: str) -> str:
    return fold_tight(title)


def identity_keys(rec: Listing) -> list[str]:
    """The keys that make two listings one paper: DOI, arXiv id, folded title (in that order)."""
    keys = []
    if d := normalize_doi(rec.listing.doi):
        keys.append(f"d:{d}")
    if a := normalize_arxiv(rec.listing.arxiv):
        keys.append(f"a:{a}")
    if rec.title_key:
        keys.append(f"t:{rec.title_key}")
    return keys


class PaperSets(UnionFind):
    """Listings joined into papers, never joining two different DOIs or two different arXiv
    ids: each set keeps the identifiers it holds, and a join that would put two of a kind in
    one set is refused (a cannot-link constraint)."""

    def __init__(self, n: int) -> None:
        super().__init__(n)
        self.ids: dict[int, dict[str, str]] = {}

    def note(self, i: int, kind: str, value: str) -> None:
        self.ids.setdefault(self.find(i), {})[kind] = value

    def can_join(self, a: int, b: int) -> bool:
        ia, ib = self.ids.get(self.find(a), {}), self.ids.get(self.find(b), {})
        return all(ib.get(k, v) == v for k, v in ia.items())

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if not self.can_join(ra, rb):
            return ra
        merged = {**self.ids.pop(ra, {}), **self.ids.pop(rb, {})}
        root = super().union(ra, rb)
        if merged:
            self.ids[root] = merged
        return root


def group_by_identity(listings: list[Listing]) -> PaperSets:
    """First pass: listings sharing a DOI or arXiv id are one paper, then listings sharing a
    folded title, unless that would join two different DOIs (or arXiv ids)."""
    works_uf = PaperSets(len(listings))
    for i, rec in enumerate(listings):
        if d := normalize_doi(rec.listing.doi):
            works_uf.note(i, "doi", d)
        if a := normalize_arxiv(rec.listing.arxiv):
            works_uf.note(i, "arxiv", a)
    keyed = [(i, identity_keys(rec)) for i, rec in enumerate(listings)]
    # identifiers first: a title is joined only after every identifier has had its say
    for kinds in (("d:", "a:"), ("t:",)):
        first_by_key: dict[str, int] = {}
        for i, keys in keyed:
            for k in keys:
                if not k.startswith(kinds):
                    continue
                if k in first_by_key:
                    works_uf.union(first_by_key[k], i)
                else:
                    first_by_key[k] = i
    return works_uf


# ---------------------------------------------------------------- version titles

# Words whose insertion changes what a title says: negations, prepositions that add a scope
# ("X" / "X for Y"), conjunctions, and part numbers.
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


def _subtitle_edit(a: str, b: str, ta: list[str], tb: list[str]) -> bool:
    """A subtitle added or dropped: "X" / "X: A Controlled Study" (not "X" / "X: Part II")."""
    for whole, other in ((a, tb), (b, ta)):
        main, colon, subtitle = whole.partition(":")
        sub = fold(subtitle).split()
        if (
            colon
            and len(other) >= SUBTITLE_MIN_MAIN_WORDS
            and fold(main).split() == other
            and not any(w in _NOT_A_SUBTITLE or any(c.isdigit() for c in w) for w in sub)
        ):
            return True
    return False


def is_version_title(a: str, b: str) -> bool:
    """Whether two titles differ only by arXiv-version edits: a few words inserted or removed.

    No word may be changed, and the words added may not be numbers, negations or prepositions
    (``Part I``/``Part II``, ``Attention is (not) all you need``, ``X`` / ``X for Y`` stay apart).
    """
    ta, tb = fold(a).split(), fold(b).split()
    if ta == tb:
        return True
    if _subtitle_edit(a, b, ta, tb):
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
    if (
        shorter < VERSION_MIN_WORDS
        or len(inserted) > VERSION_MAX_EDITED_WORDS
        or len(inserted) > VERSION_MAX_EDITED_SHARE * max(len(ta), len(tb))
    ):
        return False
    return not any(w in _NO_INSERT or any(c.isdigit() for c in w) for w in inserted)


def merge_versions(listings: list[Listing], works_uf: UnionFind, person_of: UnionFind) -> None:
    """Second pass: join papers whose titles are versions of each other and share most authors."""
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
            if len(toks) >= VERSION_MIN_WORDS:
                for person in people[root]:
                    blocks[("h", person, toks[0])].add(root)
                    blocks[("t", person, toks[-1])].add(root)
    for a, b in sorted(_pairs_in_blocks(blocks.values())):
        pa, pb = people[a], people[b]
        shared = len(pa & pb)
        if shared == 0 or shared < VERSION_MIN_SHARED_AUTHORS * min(len(pa), len(pb)):
            continue
        if any(is_version_title(s, t) for s in sorted(titles[a]) for t in sorted(titles[b])):
            works_uf.union(a, b)


def _pairs_in_blocks(blocks: Iterable[set[int]]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for members in blocks:
        ms = sorted(members)
        for x in range(len(ms)):
            for y in range(x + 1, len(ms)):
                pairs.add((ms[x], ms[y]))
    return pairs
