"""The SHACL shapes: found and parsed (scholarkg.validate.shapes), and what each rule of
shapes/scholarkg.ttl flags."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from conftest import SEED
from rdflib import RDF, URIRef
from validate_support import (
    BASE,
    NOPROP,
    NOPROP_FULL,
    SCHEMA,
    SH,
    VALIDATE_CASES,
    by_rule,
    naive_seed_report,
    to_store,
    triples,
)

from scholarkg.errors import ScholarKGError
from scholarkg.validate import (
    GRAPH_NODE,
    SHAPES_NS,
    load_shapes,
    shapes,
    shapes_file,
    validate_file,
    validate_graph,
    validate_store,
)
from scholarkg.validate.shapes import local_name

# ---------------------------------------------------------------- the shapes file


def test_shapes_are_found_and_parse() -> None:
    assert shapes_file().is_file()
    shapes = load_shapes()
    assert (URIRef(SHAPES_NS + "PersonOneName"), RDF.type, SH.PropertyShape) in shapes


def test_every_shape_has_an_iri_and_a_plain_message() -> None:
    shapes = load_shapes()
    all_shapes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    assert len(all_shapes) >= 10
    for shape in all_shapes:
        assert isinstance(shape, URIRef), shape
        assert str(shape).startswith(SHAPES_NS)
        messages = list(shapes.objects(shape, SH.message))
        assert len(messages) == 1, shape
        assert len(str(messages[0])) > 20


def test_whole_graph_rules_target_one_node_never_each_paper() -> None:
    """Guards linearity: an sh:sparql run per paper is quadratic."""
    shapes = load_shapes()
    sparql_shapes = set(shapes.subjects(SH.sparql, None))
    assert {local_name(s) for s in sparql_shapes} == {
        "PaperHasAuthor",
        "UniqueTitle",
        "UniqueDoi",
        "UniqueArxivId",
    }
    for shape in sparql_shapes:
        assert list(shapes.objects(shape, SH.targetNode)) == [URIRef(GRAPH_NODE)]
        for target in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
            assert list(shapes.objects(shape, target)) == []
        for constraint in shapes.objects(shape, SH.sparql):
            query = str(shapes.value(constraint, SH.select))
            if local_name(shape) == "PaperHasAuthor":  # one pass over the papers, no join
                assert "NOT EXISTS" in query and "GROUP BY" not in query
                continue
            assert re.search(r"GROUP BY", query) and re.search(r"HAVING", query)


def test_unparsable_shapes_raise_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shapes, "shapes_text", lambda: "this is not turtle")
    with pytest.raises(ScholarKGError, match="do not parse"):
        load_shapes()


def test_clean_graph_conforms() -> None:
    report = validate_file(VALIDATE_CASES / "clean.ttl")
    assert report.conforms
    assert report.findings == ()
    assert report.to_text() == "the graph conforms to the shapes: no violations"


def test_naive_seed_graph_does_not_conform() -> None:
    seed_report = naive_seed_report()
    assert not seed_report.conforms
    rules = {f.rule for f in seed_report.findings}
    assert {"UniqueTitle", "PersonOneName", "PersonNameClean"} <= rules


def test_naive_seed_graph_has_duplicate_papers() -> None:
    seed_report = naive_seed_report()
    dups = by_rule(seed_report, "UniqueTitle")
    assert all(f.focus == GRAPH_NODE and f.value == f.node for f in dups)
    noprop = [f for f in dups if f.label == NOPROP]
    assert len(noprop) == 2
    assert len({f.value for f in noprop}) == 2
    assert {f.source for f in noprop} == {f"{SEED}:72", f"{SEED}:75"}
    assert all(f'2 paper entries have the same title "{NOPROP}"' in f.message for f in noprop)
    # the third NoProp listing has another title: not the same paper by this rule
    assert not [f for f in dups if f.label == NOPROP_FULL]
    # five titles are listed twice: ten paper nodes flagged; the single listing is not
    assert len(dups) == 10
    assert not [f for f in dups if f.label and f.label.startswith("From Markov to Laplace")]


def test_naive_seed_graph_has_people_with_two_names() -> None:
    seed_report = naive_seed_report()
    two_names = {f.node: f.label for f in by_rule(seed_report, "PersonOneName")}
    assert two_names == {
        f"{BASE}person/ku-a": "Alex Ku / Alexander Y. Ku",
        f"{BASE}person/chan-s": "Stephanie C.Y. Chan / Stephanie Chan",
    }


def test_naive_seed_graph_has_garbled_names() -> None:
    seed_report = naive_seed_report()
    garbled = {f.value: f.node for f in by_rule(seed_report, "PersonNameClean")}
    assert set(garbled) == {"'Alvaro Arroyo", "Petar Velivckovi 'c"}
    foaf = {f.value for f in by_rule(seed_report, "PersonFoafNameClean")}
    assert foaf == {"'Alvaro Arroyo", "Petar Velivckovi 'c"}
    petar = next(f for f in by_rule(seed_report, "PersonNameClean") if f.value.startswith("Petar"))
    assert petar.label == "Petar Velivckovi 'c"
    assert petar.source == f"{SEED}:59"
    # the correctly printed spelling is a clean name on another (naive) node
    flagged = {f.node for f in seed_report.findings}
    assert f"{BASE}person/velickovic-p" not in flagged


GOOD_NAMES = [
    "Conor O'Brien",
    "Lucia D'Angelo",
    "Ngũgĩ wa Thiong'o",
    "Petar Veličković",
    "Álvaro Arroyo",
    "Stephanie C.Y. Chan",
    "Jean-Pierre Serre",
    "James L McClelland",
    "Mary-Kate O'Neil-D'Souza",
]


BAD_NAMES = [
    "'Alvaro Arroyo",
    "Petar Velivckovi 'c",
    "Petar Velivckovi ' c",
    "Conor O' Brien",
    "Brien'",
    "Paul Erd\\H{o}s",
    "Paul Erd{\\H o}s",
    'Kurt G"odel',
    "Jos`e Garc`ia",
    "Se~nor Cruz",
    "Ren^e Descartes",
    "Alvaro  Arroyo",
    " Alvaro Arroyo",
    "",
]


def _pattern() -> str:
    shapes = load_shapes()
    return str(shapes.value(URIRef(SHAPES_NS + "PersonNameClean"), SH.pattern))


def _person_graph(names: list[str]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for i, name in enumerate(names):
        node = URIRef(f"{BASE}person/p{i}")
        graph.add((node, RDF.type, SCHEMA.Person))
        graph.add((node, SCHEMA.name, rdflib.Literal(name)))
    return graph


def test_name_pattern_accepts_good_and_rejects_garbled_names() -> None:
    report = validate_store(to_store(_person_graph(GOOD_NAMES + BAD_NAMES)))
    flagged = {f.value for f in by_rule(report, "PersonNameClean")}
    assert flagged == set(BAD_NAMES)
    assert {f.rule for f in report.findings} == {"PersonNameClean"}


def test_name_pattern_means_the_same_in_python_and_rust() -> None:
    """The pattern must be portable: Python `re` and Oxigraph's Rust regex agree on it."""
    pattern = _pattern()
    store = to_store(_person_graph(GOOD_NAMES + BAD_NAMES))
    query = (
        "SELECT ?n (REGEX(?n, " + str(ox.Literal(pattern)) + ") AS ?ok) "
        "WHERE { ?p <http://schema.org/name> ?n }"
    )
    rust = {row["n"].value: row["ok"].value == "true" for row in store.query(query)}
    python = {name: re.search(pattern, name) is not None for name in GOOD_NAMES + BAD_NAMES}
    assert rust == python
    assert all(python[n] for n in GOOD_NAMES)
    assert not any(python[n] for n in BAD_NAMES)


def test_duplicate_doi_and_arxiv_id_are_found() -> None:
    report = validate_file(VALIDATE_CASES / "duplicate_ids.ttl")
    assert not report.conforms
    doi = by_rule(report, "UniqueDoi")
    assert {f.value for f in doi} == {f"{BASE}work/a", f"{BASE}work/b"}
    assert all("same DOI 10.5555/Engine.1843" in f.message for f in doi)
    arxiv = by_rule(report, "UniqueArxivId")
    assert {f.value for f in arxiv} == {f"{BASE}work/c", f"{BASE}work/d"}
    # and the two identifiers not written as the graph keeps them: upper case, a version
    syntax = {(f.rule, f.node) for f in report.findings if f.rule.endswith("Syntax")}
    assert syntax == {("DoiSyntax", f"{BASE}work/a"), ("ArxivIdSyntax", f"{BASE}work/d")}
    assert {f.rule for f in report.findings} == {
        "UniqueDoi",
        "UniqueArxivId",
        "DoiSyntax",
        "ArxivIdSyntax",
    }
    assert f"{BASE}work/e" not in {f.node for f in report.findings}


def test_paper_without_author_and_author_not_a_person_are_flagged() -> None:
    report = validate_file(VALIDATE_CASES / "bad_authors.ttl")
    assert triples(report.findings) == {
        (GRAPH_NODE, f"{BASE}work/orphan", "PaperHasAuthor"),  # a whole-graph rule
        (f"{BASE}work/by-org", f"{BASE}org/deepmind", "PaperAuthorIsPerson"),
    }
    orphan = by_rule(report, "PaperHasAuthor")[0]
    assert (orphan.label, orphan.source) == ("A paper nobody wrote", "authors.txt:1")


def test_backslash_in_a_duplicate_title_does_not_break_the_message() -> None:
    """pySHACL fills message templates with re.sub: a raw backslash would raise re.error."""
    graph = rdflib.Graph()
    person = URIRef(f"{BASE}person/ada")
    graph.add((person, RDF.type, SCHEMA.Person))
    graph.add((person, SCHEMA.name, rdflib.Literal("Ada Lovelace")))
    for key, title in (("x", "On \\mathcal{G} graphs"), ("y", "On \\mathcal G-graphs")):
        work = URIRef(f"{BASE}work/{key}")
        graph.add((work, RDF.type, SCHEMA.ScholarlyArticle))
        graph.add((work, SCHEMA.name, rdflib.Literal(title)))
        graph.add((work, SCHEMA.author, person))
    for report in (validate_store(to_store(graph)), validate_graph(graph)):
        dups = by_rule(report, "UniqueTitle")
        assert len(dups) == 2
        assert all("⧵mathcal" in f.message for f in dups)
        assert {f.label for f in dups} == {"On \\mathcal{G} graphs", "On \\mathcal G-graphs"}


def test_title_key_ignores_case_punctuation_and_keeps_accents() -> None:
    graph = rdflib.Graph()
    person = URIRef(f"{BASE}person/ada")
    graph.add((person, RDF.type, SCHEMA.Person))
    graph.add((person, SCHEMA.name, rdflib.Literal("Ada Lovelace")))
    titles = {
        "a": "Über Graphen",
        "b": "über-graphen!",
        "c": "Uber Graphen",  # another word without the umlaut
        "d": "???",  # no letters at all: never a duplicate of anything
        "e": "!!!",
    }
    for key, title in titles.items():
        work = URIRef(f"{BASE}work/{key}")
        graph.add((work, RDF.type, SCHEMA.ScholarlyArticle))
        graph.add((work, SCHEMA.name, rdflib.Literal(title)))
        graph.add((work, SCHEMA.author, person))
    for report in (validate_store(to_store(graph)), validate_graph(graph)):
        assert {f.value for f in by_rule(report, "UniqueTitle")} == {
            f"{BASE}work/a",
            f"{BASE}work/b",
        }
