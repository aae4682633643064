"""The Oxigraph store (scholarkg.store): builds opened read-only, SPARQL with user values escaped,
typed errors, and term_text, the one way a term becomes text."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from scholarkg.errors import InputError, QueryError, UsageError
from scholarkg.store import (
    load_file,
    open_build,
    rdf_format_for,
    run_sparql,
    select,
    sparql_iri,
    sparql_literal,
    term_text,
)

SCHEMA = "http://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PASCANU = "https://kg.example.org/person/razvan-pascanu"


# ---------------------------------------------------------------- opening a build


def test_a_build_opens_read_only_and_twice(seed_build: Path) -> None:
    """Readers never take the lock: two can read one build, and neither can write."""
    first, second = open_build(seed_build), open_build(seed_build)
    assert len(first) == len(second) > 400
    quad = ox.Quad(
        ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/b"), ox.Literal("c")
    )
    with pytest.raises(RuntimeError, match="read-write"):
        first.add(quad)
    assert len(first) == len(second)


def test_opening_a_folder_without_a_build_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        open_build(tmp_path)
    assert f"no build in {tmp_path}" in str(err.value)
    assert "scholarkg build" in str(err.value.hint)


# ---------------------------------------------------------------- SPARQL


def test_select_gives_rows_as_text_and_none_when_unbound(seed_store: ox.Store) -> None:
    rows = list(
        select(
            seed_store,
            f"SELECT ?p ?name ?nothing WHERE {{ VALUES ?p {{ <{PASCANU}> }} "
            f"?p <{SCHEMA}name> ?name }}",
        )
    )
    assert rows == [
        {
            "p": PASCANU,
            "name": "Razvan Pascanu",
            "nothing": None,
        }
    ]


@pytest.mark.parametrize(
    "value",
    ['x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "', "back\\slash", "new\nline", "'single'", "Ünï"],
)
def test_user_values_are_escaped_into_literals(seed_store: ox.Store, value: str) -> None:
    """A user's string goes into SPARQL only through sparql_literal and comes back unchanged."""
    rows = list(select(seed_store, f"SELECT ?v WHERE {{ BIND({sparql_literal(value)} AS ?v) }}"))
    assert rows == [{"v": value}]


def test_an_iri_is_checked_before_it_is_written_into_a_query() -> None:
    assert sparql_iri("https://e.org/a") == "<https://e.org/a>"
    with pytest.raises(ValueError):
        sparql_iri("https://e.org/a> } DROP ALL {")


def test_sparql_that_does_not_parse_is_a_query_error(seed_store: ox.Store) -> None:
    with pytest.raises(QueryError, match="does not parse"):
        run_sparql(seed_store, "SELEKT ?x WHERE { ?x ?y ?z }")
    with pytest.raises(QueryError, match="expected a SELECT"):
        list(select(seed_store, "ASK { ?s ?p ?o }"))


# ---------------------------------------------------------------- files


def test_a_file_that_does_not_parse_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b x:c x:d .\nx:e x:f x:g .\n")
    with pytest.raises(InputError) as err:
        load_file(bad)
    assert err.value.path == str(bad)
    assert err.value.line == 3


def test_the_rdf_syntax_comes_from_the_name_or_the_extension() -> None:
    assert rdf_format_for("g.ttl") == ox.RdfFormat.TURTLE
    assert rdf_format_for("g.txt", "jsonld") == ox.RdfFormat.JSON_LD
    with pytest.raises(UsageError, match="cannot tell the RDF syntax"):
        rdf_format_for("g.txt")


# ---------------------------------------------------------------- term_text

#: (Oxigraph term, the same term in rdflib, its text)
TERMS = [
    (ox.NamedNode("https://e.org/a"), rdflib.URIRef("https://e.org/a"), "https://e.org/a"),
    (ox.BlankNode("b0"), rdflib.BNode("b0"), "_:b0"),
    (ox.Literal("Ada"), rdflib.Literal("Ada"), "Ada"),
    (ox.Literal("Ada", language="en"), rdflib.Literal("Ada", lang="en"), "Ada"),
    (
        ox.Literal("42", datatype=ox.NamedNode(f"{XSD}integer")),
        rdflib.Literal("42", datatype=rdflib.URIRef(f"{XSD}integer")),
        "42",
    ),
    (ox.Literal('say "hi"\n'), rdflib.Literal('say "hi"\n'), 'say "hi"\n'),
]


@pytest.mark.parametrize("ox_term, rdflib_term, text", TERMS, ids=lambda t: repr(t)[:30])
def test_term_text_is_the_same_for_oxigraph_and_rdflib(
    ox_term: ox.NamedNode | ox.BlankNode | ox.Literal,
    rdflib_term: rdflib.term.Identifier,
    text: str,
) -> None:
    """IRIs as themselves, blank nodes as _:id, literals as their lexical form (no quotes,
    language or datatype)."""
    assert term_text(ox_term) == text
    assert term_text(rdflib_term) == text


def test_blank_nodes_in_select_rows_read_as_in_ntriples(seed_store: ox.Store) -> None:
    """Regression: rows gave a blank node's bare id, which reads like a literal."""
    rows = list(select(seed_store, "SELECT ?o WHERE { ?s ?p ?o FILTER(isBlank(?o)) } LIMIT 1"))
    assert rows and rows[0]["o"].startswith("_:")
