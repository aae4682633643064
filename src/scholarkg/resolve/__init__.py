"""Resolve: which mentions are one person, which listings one paper.

Works on typed records only (no RDF, no store). The result does not depend on input order:
every choice is made on sorted data, and ties are broken by content, never by position.

The steps, each in its own module:

1. :mod:`.papers` — listings with the same DOI, arXiv id or folded title are one paper (never
   two different DOIs).
2. :mod:`.forms` — mentions whose names agree exactly are one *form*.
3. :mod:`.homonyms` — the mentions of each name, grouped into the people its prior and
   contexts show (:mod:`.evidence` scores, with the world's name frequencies).
4. People: :mod:`.blocks` proposes pairs of names, :mod:`.evidence` scores their groups,
   :mod:`.cluster` merges them agglomeratively with cannot-links (no chaining), keeping the
   evidence of every join.
5. :mod:`.papers` again — titles that are versions of each other, shared by the same people,
   are one paper.
6. :mod:`.assemble` — the frozen :class:`~scholarkg.records.Resolution`.
7. :mod:`.editors` — editors (never authors) join the people by ORCID or exact name.

Thresholds and weights live in :mod:`scholarkg.rules`; the shape of keys in
:mod:`scholarkg.vocab`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from ..ids import normalize_arxiv, normalize_doi
from ..records import CleanProfile, Resolution
from .assemble import assemble
from .cluster import resolve_people
from .editors import attach_editors
from .forms import collect_forms
from .papers import group_by_identity, is_version_title, merge_versions, title_key
from .state import Listing

__all__ = [
    "Progress",
    "is_version_title",
    "normalize_arxiv",
    "normalize_doi",
    "resolve",
    "title_key",
]

Progress = Callable[[str, int, int], None]


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: resolution makes millions of small containers and no
    reference cycles, and the collector, scanning them again and again as they pile up, took
    a third of its time (2.0 of 5.8 s CPU at 10^4 listings). Restored as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def resolve(profiles: Sequence[CleanProfile], progress: Progress | None = None) -> Resolution:
    """Resolve people and papers across all profiles."""
    with _no_cycle_collection():
        return _resolve(profiles, progress)


def _resolve(profiles: Sequence[CleanProfile], progress: Progress | None) -> Resolution:
    profiles = sorted(profiles, key=lambda p: p.path)
    listings = [
        Listing(li, pi, title_key(li.title))
        for pi, prof in enumerate(profiles)
        for li in prof.listings
    ]
    listings.sort(key=lambda x: (x.listing.source.path, x.listing.source.line))

    works_uf = group_by_identity(listings)
    if progress:
        progress("resolve", 1, 4)

    forms, owner_form = collect_forms(profiles, listings)
    work_of = [works_uf.find(i) for i in range(len(listings))]
    forms, owner_form, person_of, joins = resolve_people(
        profiles, forms, listings, work_of, owner_form
    )
    if progress:
        progress("resolve", 2, 4)

    merge_versions(listings, works_uf, person_of)
    if progress:
        progress("resolve", 3, 4)

    result = assemble(profiles, listings, works_uf, forms, person_of, owner_form, joins)
    result = attach_editors(profiles, result)
    if progress:
        progress("resolve", 4, 4)
    return result
