"""Validation as callers ask for it (scholarkg.validate.run): any RDF file, a read-only store, the
engine chosen, and the fall-back to pySHACL when the fast engine cannot be used."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, Literal
from validate_support import (
    BASE,
    PERSON,
    PERSON_NAME,
    SCHEMA,
    VALIDATE_CASES,
    inject_violations,
    naive_seed_graph,
    no_fallback,
    shape_turtle,
    shapes_turtle,
    to_graph,
    to_store,
    triples,
)

from scholarkg.store import open_build
from scholarkg.validate import (
    GRAPH_NODE,
    ValidationReport,
    run,
    shapes,
    validate_file,
    validate_graph,
    validate_store,
)
from scholarkg.validate.pyshacl_engine import run_pyshacl

pytestmark = pytest.mark.usefixtures(no_fallback.__name__)


def test_oxigraph_and_rdflib_give_the_same_findings() -> None:
    seed_graph = naive_seed_graph()
    graph = rdflib.Graph()
    graph += seed_graph
    for name in ("clean.ttl", "duplicate_ids.ttl", "bad_authors.ttl"):
        graph.parse(VALIDATE_CASES / name, format="turtle")
    on_store = validate_store(to_store(graph))
    on_rdflib = validate_graph(graph)
    assert len(on_store.findings) > 20
    assert triples(on_store.findings) == triples(on_rdflib.findings)
    assert on_store == on_rdflib  # labels, sources, messages and order too


JSONLD = {
    "@context": {
        "schema": "http://schema.org/",
        "skg": "https://w3id.org/scholarkg/ns#",
        "name": "schema:name",
        "author": {"@id": "schema:author", "@type": "@id"},
        "source": "skg:source",
        "Person": "schema:Person",
        "Paper": "schema:ScholarlyArticle",
    },
    "@graph": [
        {
            "@id": "https://example.org/kg/person/arroyo",
            "@type": "Person",
            "name": "'Alvaro Arroyo",
            "source": "page.txt:3",
        },
        {"@type": "Person", "name": "Petar Velivckovi 'c", "source": "page.txt:4"},
        {
            "@id": "https://example.org/kg/work/1",
            "@type": "Paper",
            "name": "NoProp: Training",
            "author": "https://example.org/kg/person/arroyo",
            "source": "page.txt:1",
        },
        {
            "@id": "https://example.org/kg/work/2",
            "@type": "Paper",
            "name": "NoProp -- training",
            "author": "https://example.org/kg/person/arroyo",
            "source": "page.txt:6",
        },
    ],
}


def _summary(report: ValidationReport) -> set[tuple[str, str | None, str | None, str | None]]:
    """Findings without node ids (blank node ids differ between parsers)."""
    return {
        (f.rule, f.value if f.focus == GRAPH_NODE else None, f.label, f.source)
        for f in report.findings
    }


def test_validate_file_reads_turtle_ntriples_and_jsonld(tmp_path: Path) -> None:
    jsonld = tmp_path / "data.jsonld"
    jsonld.write_text(json.dumps(JSONLD), encoding="utf-8")
    graph = rdflib.Graph().parse(jsonld, format="json-ld")
    turtle = tmp_path / "data.ttl"
    graph.serialize(turtle, format="turtle", encoding="utf-8")
    ntriples = tmp_path / "data.nt"
    graph.serialize(ntriples, format="nt", encoding="utf-8")
    reports = [validate_file(p) for p in (turtle, ntriples, jsonld)]
    expected = {
        ("PersonNameClean", None, "'Alvaro Arroyo", "page.txt:3"),
        ("PersonNameClean", None, "Petar Velivckovi 'c", "page.txt:4"),
        ("UniqueTitle", f"{BASE}work/1", "NoProp: Training", "page.txt:1"),
        ("UniqueTitle", f"{BASE}work/2", "NoProp -- training", "page.txt:6"),
    }
    for report in reports:
        assert not report.conforms
        assert _summary(report) == expected
    # a format named explicitly wins over the file's extension
    renamed = tmp_path / "data.txt"
    renamed.write_bytes(jsonld.read_bytes())
    assert _summary(validate_file(renamed, fmt="jsonld")) == expected


def test_read_only_store_is_validated_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.load(path=str(VALIDATE_CASES / "duplicate_ids.ttl"), format=ox.RdfFormat.TURTLE)
    store.flush()
    size = len(store)
    del store
    readonly = ox.Store.read_only(str(path))
    report = validate_store(readonly)
    rules = {f.rule for f in report.findings}
    assert rules == {"UniqueDoi", "UniqueArxivId", "DoiSyntax", "ArxivIdSyntax"}
    assert len(readonly) == size


def test_unsupported_shapes_fall_back_to_pyshacl(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A new kind of constraint (here sh:minLength) is checked by pySHACL, never skipped."""
    turtle = shapes_turtle(
        shape_turtle("S", f"{PERSON_NAME} ; sh:minLength 3"),
        shape_turtle("T", f"{PERSON_NAME} ; sh:maxCount 1", "t"),
    )
    monkeypatch.setattr(shapes, "shapes_text", lambda: turtle)
    monkeypatch.setattr(run, "run_pyshacl", run_pyshacl)
    graph = rdflib.Graph()
    graph.add((PERSON.a, RDF.type, SCHEMA.Person))
    graph.add((PERSON.a, SCHEMA.name, Literal("Al")))
    graph.add((PERSON.a, SCHEMA.name, Literal("Alan")))
    with caplog.at_level("WARNING", logger="scholarkg.validate"):
        report = validate_store(to_store(graph))
    assert "sh:minLength" in caplog.text and "pySHACL" in caplog.text
    assert {(f.rule, f.value) for f in report.findings} == {("S", "Al"), ("T", None)}
    assert report == validate_graph(graph)


def test_named_graphs_fall_back_to_pyshacl(monkeypatch: pytest.MonkeyPatch) -> None:
    """pySHACL validates every graph of a dataset; the fast engine only the default graph."""
    monkeypatch.setattr(run, "run_pyshacl", run_pyshacl)
    store = ox.Store()
    store.load(
        b"<https://e.org/p1> a <http://schema.org/Person> .\n"
        b"GRAPH <https://e.org/g> { <https://e.org/p2> a <http://schema.org/Person> . }",
        format=ox.RdfFormat.TRIG,
    )
    report = validate_store(store)
    assert {f.focus for f in report.findings} == {"https://e.org/p1", "https://e.org/p2"}
    assert report == validate_store(store, engine="pyshacl")


def test_unknown_engine_is_a_usage_error() -> None:
    from scholarkg.errors import UsageError

    with pytest.raises(UsageError, match="unknown validation engine"):
        validate_store(ox.Store(), engine="rudof")  # type: ignore[arg-type]


def test_pyshacl_engine_on_the_store_agrees(
    seed_build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "run_pyshacl", run_pyshacl)
    graph = inject_violations(to_graph(open_build(seed_build)))
    store = to_store(graph)
    assert validate_store(store, engine="pyshacl") == validate_store(store, engine="fast")
