"""The graph on the web: paste-ready JSON-LD per person and per paper, and a static site.

``data`` reads people and papers from the store, ``paths`` names their pages, ``jsonld`` writes
their blocks, ``network`` draws coauthors, ``pages`` writes HTML, ``site`` writes the whole site
and ``richresults`` says which of Google's fields the data fills.
"""

from __future__ import annotations

from typing import Any

from .jsonld import Doc, paper_document, person_document, script_json
from .site import SiteResult, build_site, layout_for, site_from_build

__all__ = [
    "SiteResult",
    "build_site",
    "paper_jsonld",
    "person_jsonld",
    "site_from_build",
]


def person_jsonld(
    store: Any, name: str, graph_base: str, base_url: str | None = None
) -> tuple[str, Doc]:
    """The block for the person ``name`` (any spelling the graph knows, or an IRI; among
    namesakes the institute's member): (their IRI, the document)."""
    from ..query import find_person
    from . import data

    iri, _ = find_person(store, name)
    works = data.works_by(store, iri)
    graph = data.load(store, people={iri, *data.authors_of(store, works)}, works=works)
    return iri, person_document(graph, iri, layout_for(graph_base, base_url))


def paper_jsonld(
    store: Any, title: str, graph_base: str, base_url: str | None = None
) -> tuple[str, Doc]:
    """The block for the paper ``title`` (its title, an alternate title, or its IRI)."""
    from ..query import find_paper
    from . import data

    iri, _ = find_paper(store, title)
    graph = data.load(store, people=data.authors_of(store, [iri]), works=[iri])
    return iri, paper_document(graph, iri, layout_for(graph_base, base_url))


def dumps(doc: Doc) -> str:
    """A block as text, safe to paste inside ``<script type="application/ld+json">``."""
    return script_json(doc)
