"""Paste-ready JSON-LD for one person's page or one paper's page, in schema.org terms only.

A person's document is a ``@graph`` of the ``ProfilePage`` (its ``mainEntity`` the Person) and
the person's papers as ``ScholarlyArticle``\\s; a paper's document is the ``ScholarlyArticle``
alone. ``"@context": "https://schema.org"``: schema.org's context maps every term to
``http://schema.org/``, the namespace the graph uses, so a processor that expands the block
gets the graph's own triples back. What the graph says in other vocabularies is said in
schema.org terms:

==========================================  ===============================================
in the graph                                in the block
==========================================  ===============================================
``skos:Concept`` / ``skos:prefLabel``       ``DefinedTerm`` / ``name``
``skg:doi D``                               ``identifier`` a ``PropertyValue`` (``propertyID``
                                            ``DOI``, ``value`` D) and ``sameAs`` the DOI URL
``skg:arxivId A``                           the same with ``arXiv`` and the arXiv abstract URL
``skg:authorList`` (the printed order)      the order of the ``author`` array
a paper's ``schema:name``                   also its ``headline`` (what Google reads)
==========================================  ===============================================

plus what belongs to the page rather than the graph: the ``ProfilePage`` node and each node's
``url`` (its page on the site). ``foaf:`` duplicates and the build's own ``skg:`` bookkeeping
(sources, printed forms, topic evidence, name keys) are left out.

Blocks are embedded with :func:`script_json`, which escapes ``<``, ``>``, ``&`` and U+2028/9
inside strings, so no text from the input can close the ``<script>`` element or open a
comment; the escaped text is still JSON and parses to the same document.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .data import PersonRec, Topic, WebGraph, WorkRec
from .paths import Layout

CONTEXT = "https://schema.org"

Doc = dict[str, Any]


def doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi, safe="/:;()._-")


def arxiv_url(arxiv: str) -> str:
    return "https://arxiv.org/abs/" + quote(arxiv, safe="/._-")


def _one_or_many(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _topic(t: Topic) -> Doc:
    return {"@id": t.iri, "@type": "DefinedTerm", "name": t.label}


def _author(graph: WebGraph, iri: str, layout: Layout) -> Doc:
    return {
        "@id": iri,
        "@type": "Person",
        "name": graph.name_of(iri),
        "url": layout.person_url(iri),
    }


def article(graph: WebGraph, w: WorkRec, layout: Layout) -> Doc:
    """A ``ScholarlyArticle`` with its authors as objects, in printed order."""
    doc: Doc = {
        "@id": w.iri,
        "@type": "ScholarlyArticle",
        "name": w.title,
        "headline": w.title,
        "url": layout.paper_url(w.iri),
        "author": [_author(graph, a, layout) for a in w.authors],
    }
    if w.alternate_titles:
        doc["alternateName"] = _one_or_many(list(w.alternate_titles))
    if w.abstract:
        doc["abstract"] = w.abstract
    if w.topics:
        doc["about"] = _one_or_many([_topic(t) for t in w.topics])
    ids, same = [], []
    if w.doi:
        ids.append({"@type": "PropertyValue", "propertyID": "DOI", "value": w.doi})
        same.append(doi_url(w.doi))
    if w.arxiv:
        ids.append({"@type": "PropertyValue", "propertyID": "arXiv", "value": w.arxiv})
        same.append(arxiv_url(w.arxiv))
    if ids:
        doc["identifier"] = _one_or_many(ids)
        doc["sameAs"] = _one_or_many(same)
    return doc


def person(p: PersonRec, layout: Layout) -> Doc:
    doc: Doc = {"@id": p.iri, "@type": "Person", "name": p.name, "url": layout.person_url(p.iri)}
    if p.alternate_names:
        doc["alternateName"] = _one_or_many(list(p.alternate_names))
    if p.job_title:
        doc["jobTitle"] = p.job_title
    if p.works_for:
        doc["worksFor"] = _one_or_many(
            [{"@id": o.iri, "@type": "Organization", "name": o.name} for o in p.works_for]
        )
    if p.memberships:
        roles = []
        for m in p.memberships:
            role: Doc = {"@id": m.iri, "@type": "OrganizationRole"}
            if m.role:
                role["roleName"] = m.role
            if m.org:
                role["memberOf"] = {"@id": m.org.iri, "@type": "Organization", "name": m.org.name}
            roles.append(role)
        doc["memberOf"] = _one_or_many(roles)
    if p.topics:
        doc["knowsAbout"] = _one_or_many([_topic(t) for t in p.topics])
    if p.same_as:
        doc["sameAs"] = _one_or_many(list(p.same_as))
    return doc


def person_document(
    graph: WebGraph, iri: str, layout: Layout, articles: dict[str, Doc] | None = None
) -> Doc:
    """The block for ``iri``'s profile page: ProfilePage → Person, and their papers.

    ``articles`` memoizes each paper's node across the pages of one site.
    """
    p = graph.people[iri]
    page = layout.person_url(iri)
    profile: Doc = {
        "@id": page,
        "@type": "ProfilePage",
        "url": page,
        "name": p.name,
        "mainEntity": person(p, layout),
    }
    memo = {} if articles is None else articles
    papers = []
    for w in graph.works_of.get(iri, ()):
        node = memo.get(w)
        if node is None:
            node = memo[w] = article(graph, graph.works[w], layout)
        papers.append(node)
    return {"@context": CONTEXT, "@graph": [profile, *papers]}


def paper_document(graph: WebGraph, iri: str, layout: Layout) -> Doc:
    """The block for one paper's page."""
    return {"@context": CONTEXT, **article(graph, graph.works[iri], layout)}


_SCRIPT_SAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(doc: Doc, indent: int | None = 2) -> str:
    """The document as JSON that is safe inside ``<script type="application/ld+json">``.

    Keys sorted (``@``-keys first), so the same graph gives the same bytes. ``indent=None``
    gives the compact form the site embeds (and Python's C encoder, ~10× faster).
    """
    text = json.dumps(doc, ensure_ascii=False, indent=indent, sort_keys=True)
    for char, escaped in _SCRIPT_SAFE:
        if char in text:
            text = text.replace(char, escaped)
    return text
