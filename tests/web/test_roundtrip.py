"""The blocks read by real JSON-LD processors, offline: extruct extracts them from the pages,
pyld expands them to RDF; the triples are that person's (or paper's) part of the store."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from scholarkg.web.paths import Layout
from web import ldtools
from web.conftest import BASE

LAYOUT = Layout(BASE, BASE)
S = ldtools.S


def _diff(a: rdflib.Graph, b: rdflib.Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return f"only in the block: {sorted(only_a)[:5]}\nonly in the store: {sorted(only_b)[:5]}"


def _pages(site: Path, folder: str) -> list[Path]:
    pages = sorted((site / folder).glob("*.html"))
    assert pages
    return pages


def test_every_profile_block_expands_to_that_persons_part_of_the_store(
    example_site: Path, example_graph: rdflib.Graph
) -> None:
    people = set(example_graph.subjects(rdflib.RDF.type, S.Person))
    seen = set()
    for page in _pages(example_site, "people"):
        url = LAYOUT.url(f"people/{page.name}")
        [doc] = ldtools.blocks(page.read_text(encoding="utf-8"), url)
        got = ldtools.to_graph(doc)
        rest, page_part = ldtools.split_page_triples(got)
        [profile] = page_part.subjects(rdflib.RDF.type, S.ProfilePage)
        person = page_part.value(profile, S.mainEntity)
        assert str(profile) == url and (profile, S.url, rdflib.URIRef(url)) in page_part
        assert (person, S.url, rdflib.URIRef(url)) in page_part
        expected = ldtools.expected_person(example_graph, str(person))
        assert isomorphic(rest, expected), f"{page.name}\n{_diff(rest, expected)}"
        for node, link in page_part.subject_objects(S.url):
            want = LAYOUT.person_url(str(node)) if node in people else LAYOUT.paper_url(str(node))
            assert str(link) == (url if node == profile else want)
        seen.add(person)
    assert seen == people
    assert not ldtools.REFUSED


def test_every_paper_block_expands_to_that_papers_part_of_the_store(
    example_site: Path, example_graph: rdflib.Graph
) -> None:
    works = set(example_graph.subjects(rdflib.RDF.type, S.ScholarlyArticle))
    seen = set()
    for page in _pages(example_site, "papers"):
        url = LAYOUT.url(f"papers/{page.name}")
        [doc] = ldtools.blocks(page.read_text(encoding="utf-8"), url)
        assert doc["@context"] == "https://schema.org"
        rest, page_part = ldtools.split_page_triples(ldtools.to_graph(doc))
        work = rdflib.URIRef(doc["@id"])
        assert (work, S.url, rdflib.URIRef(url)) in page_part
        expected = ldtools.expected_paper(example_graph, str(work))
        assert isomorphic(rest, expected), f"{page.name}\n{_diff(rest, expected)}"
        seen.add(work)
    assert seen == works


def test_author_arrays_keep_the_printed_order(
    example_site: Path, example_graph: rdflib.Graph
) -> None:
    checked = 0
    for page in [*_pages(example_site, "people"), *_pages(example_site, "papers")]:
        [doc] = ldtools.blocks(page.read_text(encoding="utf-8"), LAYOUT.url(page.name))
        for node in doc.get("@graph", [doc]):
            if node["@type"] != "ScholarlyArticle":
                continue
            order = ldtools.author_list(example_graph, rdflib.URIRef(node["@id"]))
            assert [a["@id"] for a in node["author"]] == [str(a) for a in order]
            assert all(set(a) == {"@id", "@type", "name", "url"} for a in node["author"])
            checked += 1
    assert checked > 12  # every paper page, and every paper again on each author's page


def test_a_processor_that_cannot_fetch_the_context_is_refused_not_served(
    example_site: Path,
) -> None:
    from pyld import jsonld

    page = next((example_site / "people").glob("*.html"))
    [doc] = ldtools.blocks(page.read_text(encoding="utf-8"), "https://x/")
    doc = {**doc, "@context": "https://elsewhere.example.org/context.jsonld"}
    with pytest.raises(jsonld.JsonLdError):
        ldtools.to_graph(doc)
    assert ldtools.REFUSED.pop() == "https://elsewhere.example.org/context.jsonld"


def test_hostile_text_round_trips_exactly(hostile_site: Path) -> None:
    from web.conftest import EVE, HOSTILE_ABSTRACT, HOSTILE_NAME, HOSTILE_TITLE, hostile_graph

    g = hostile_graph()
    page = hostile_site / LAYOUT.person_path(EVE)
    [doc] = ldtools.blocks(page.read_text(encoding="utf-8"), LAYOUT.person_url(EVE))
    rest, _ = ldtools.split_page_triples(ldtools.to_graph(doc))
    assert isomorphic(rest, ldtools.expected_person(g, EVE)), _diff(
        rest, ldtools.expected_person(g, EVE)
    )
    names = {str(o) for o in rest.objects(None, S.name)}
    assert {HOSTILE_NAME, HOSTILE_TITLE} <= names
    assert HOSTILE_ABSTRACT in {str(o) for o in rest.objects(None, S.abstract)}
