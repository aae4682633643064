"""Reading the blocks as crawlers and JSON-LD processors do, offline.

extruct pulls the ``application/ld+json`` blocks out of a page; pyld expands them to RDF with a
document loader that serves schema.org's context from a local copy and refuses every other URL.
The local copy (``schema-context.jsonld``) holds what schema.org's context says of the terms the
blocks use: ``@vocab`` ``http://schema.org/`` (the namespace the graph uses, so the round trip
needs no mapping between http and https) and ``url`` and ``sameAs`` as IRIs (``"@type":
"@id"``), as schema.org's own context declares them; every other term the blocks use is a plain
``@vocab`` term there too (``roleName``, ``propertyID`` and ``identifier`` included).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import extruct
import rdflib
from pyld import jsonld
from rdflib.collection import Collection

from scholarkg.web.jsonld import arxiv_url, doi_url

HERE = Path(__file__).parent
SCHEMA_CONTEXT = json.loads((HERE / "schema-context.jsonld").read_text(encoding="utf-8"))
S = rdflib.Namespace("http://schema.org/")
SKG = rdflib.Namespace("https://w3id.org/scholarkg/ns#")
SCHEMA_URLS = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
}
REFUSED: list[str] = []


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url in SCHEMA_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    REFUSED.append(url)
    raise jsonld.JsonLdError(f"offline: refused to load {url}", "loading document failed")


def blocks(html: str, url: str) -> list[dict[str, Any]]:
    """The JSON-LD blocks of a page, the way crawlers extract them."""
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)
    return list(data["json-ld"])


def to_graph(doc: dict[str, Any]) -> rdflib.Graph:
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": offline_loader})
    return rdflib.Graph().parse(data=nquads, format="nt")


def author_list(g: rdflib.Graph, work: rdflib.URIRef) -> list[rdflib.term.Node]:
    head = g.value(work, SKG.authorList)
    return list(Collection(g, head)) if head is not None else []


def _schema_props(g: rdflib.Graph, e: rdflib.Graph, node: rdflib.term.Node) -> None:
    for p, o in g.predicate_objects(node):
        if str(p).startswith(str(S)) or (p == rdflib.RDF.type and str(o).startswith(str(S))):
            e.add((node, p, o))


def _topic(g: rdflib.Graph, e: rdflib.Graph, t: rdflib.term.Node) -> None:
    e.add((t, rdflib.RDF.type, S.DefinedTerm))
    for label in g.objects(t, rdflib.SKOS.prefLabel):
        e.add((t, S.name, label))


def _work(g: rdflib.Graph, e: rdflib.Graph, w: rdflib.term.Node) -> None:
    _schema_props(g, e, w)
    for title in g.objects(w, S.name):
        e.add((w, S.headline, title))
    for a in g.objects(w, S.author):
        e.add((a, rdflib.RDF.type, S.Person))
        for n in g.objects(a, S.name):
            e.add((a, S.name, n))
    for t in g.objects(w, S.about):
        _topic(g, e, t)
    for prop, kind, url in ((SKG.doi, "DOI", doi_url), (SKG.arxivId, "arXiv", arxiv_url)):
        for value in g.objects(w, prop):
            pv = rdflib.BNode()
            e.add((w, S.identifier, pv))
            e.add((pv, rdflib.RDF.type, S.PropertyValue))
            e.add((pv, S.propertyID, rdflib.Literal(kind)))
            e.add((pv, S.value, value))
            e.add((w, S.sameAs, rdflib.URIRef(url(str(value)))))


def expected_person(g: rdflib.Graph, person: str) -> rdflib.Graph:
    """That person's part of the graph, said in schema.org terms (see scholarkg.web.jsonld)."""
    e = rdflib.Graph()
    p = rdflib.URIRef(person)
    _schema_props(g, e, p)
    for org in g.objects(p, S.worksFor):
        _schema_props(g, e, org)
    for role in g.objects(p, S.memberOf):
        _schema_props(g, e, role)
        for inst in g.objects(role, S.memberOf):
            _schema_props(g, e, inst)
    for t in g.objects(p, S.knowsAbout):
        _topic(g, e, t)
    for w in g.subjects(S.author, p):
        _work(g, e, w)
    return e


def expected_paper(g: rdflib.Graph, work: str) -> rdflib.Graph:
    e = rdflib.Graph()
    _work(g, e, rdflib.URIRef(work))
    return e


def split_page_triples(got: rdflib.Graph) -> tuple[rdflib.Graph, rdflib.Graph]:
    """(the graph's part, the page's part: the ProfilePage node and every schema:url)."""
    pages = set(got.subjects(rdflib.RDF.type, S.ProfilePage))
    rest, page = rdflib.Graph(), rdflib.Graph()
    for t in got:
        (page if t[0] in pages or t[1] == S.url else rest).add(t)
    return rest, page
