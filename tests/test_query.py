"""Questions asked of a build (scholarkg.query): any SPARQL, and coauthors of a person on a topic,
against the build of the seed page."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from scholarkg.errors import QueryError, UsageError
from scholarkg.query import coauthors, find_people, find_topic, run_query

KG = "https://kg.example.org/"
PASCANU = f"{KG}person/razvan-pascanu"
RL = f"{KG}topic/reinforcement-learning"
PAPERS = "SELECT ?w WHERE { ?w a <http://schema.org/ScholarlyArticle> } ORDER BY ?w"


# ---------------------------------------------------------------- run_query


def test_select_rows_are_text_cells(seed_store: ox.Store) -> None:
    result = run_query(seed_store, PAPERS)
    assert result.kind == "select" and result.variables == ("w",)
    assert len(result.rows) == 6
    assert all(row[0].startswith(f"{KG}work/") for row in result.rows)


def test_w3c_formats_are_serialized_by_oxigraph(seed_store: ox.Store) -> None:
    as_json = json.loads(run_query(seed_store, PAPERS, "json").serialized)
    assert [b["w"]["value"] for b in as_json["results"]["bindings"]] == [
        row[0] for row in run_query(seed_store, PAPERS).rows
    ]
    csv = run_query(seed_store, PAPERS, "csv").serialized.decode().splitlines()
    assert csv[0] == "w" and len(csv) == 7


def test_ask_and_construct(seed_store: ox.Store) -> None:
    ask = run_query(seed_store, f"ASK {{ <{PASCANU}> ?p ?o }}")
    assert (ask.kind, ask.boolean) == ("ask", True)
    graph = run_query(
        seed_store, f"CONSTRUCT {{ <{PASCANU}> ?p ?o }} WHERE {{ <{PASCANU}> ?p ?o }}"
    )
    assert graph.kind == "graph"
    assert graph.serialized.decode().startswith(f"<{PASCANU}> ")


def test_a_blank_node_cell_reads_as_in_the_csv_results(seed_store: ox.Store) -> None:
    """Regression: the table showed a blank node's bare id; the CSV results write ``_:id``."""
    query = "SELECT ?o WHERE { ?s ?p ?o FILTER(isBlank(?o)) } ORDER BY ?o LIMIT 1"
    cell = run_query(seed_store, query).rows[0][0]
    assert cell.startswith("_:")
    assert run_query(seed_store, query, "csv").serialized.decode().splitlines()[1] == cell


def test_bad_sparql_and_unknown_format_are_typed_errors(seed_store: ox.Store) -> None:
    with pytest.raises(QueryError, match="does not parse"):
        run_query(seed_store, "SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(UsageError, match="unknown result format 'xml'"):
        run_query(seed_store, PAPERS, "xml")


# ---------------------------------------------------------------- people and topics


def test_people_are_found_by_any_spelling_of_their_name(seed_store: ox.Store) -> None:
    assert find_people(seed_store, "razvan PASCANU") == [(PASCANU, "Razvan Pascanu")]
    assert find_people(seed_store, "Petar Velickovic") == [
        (f"{KG}person/petar-velickovic", "Petar Veličković")
    ]
    assert find_people(seed_store, "Nobody Atall") == []
    with pytest.raises(UsageError, match="an empty name"):
        find_people(seed_store, "  ")


def test_find_topic_folds_case_and_spaces(seed_store: ox.Store) -> None:
    assert find_topic(seed_store, "reinforcement  LEARNING") == (RL, "Reinforcement Learning")


def test_find_topic_suggests_close_labels(seed_store: ox.Store) -> None:
    with pytest.raises(UsageError) as err:
        find_topic(seed_store, "Learning")
    assert "no topic 'Learning'" in str(err.value)
    assert "Reinforcement Learning" in err.value.hint


# ---------------------------------------------------------------- coauthors


def test_coauthors_on_a_topic(seed_store: ox.Store) -> None:
    answer = coauthors(seed_store, "Razvan Pascanu", "reinforcement learning")
    assert (answer.person, answer.person_iri) == ("Razvan Pascanu", PASCANU)
    assert (answer.topic, answer.topic_iri) == ("Reinforcement Learning", RL)
    assert [c.name for c in answer.coauthors] == [
        "Jordi Grau-Moya",
        "Jorg Bornschein",
        "Markus Wulfmeier",
        "Thomas Schmied",
    ]
    assert all(c.shared_papers == 1 for c in answer.coauthors)


def test_coauthors_by_iri_equal_coauthors_by_name(seed_store: ox.Store) -> None:
    by_name = coauthors(seed_store, "Razvan Pascanu")
    assert len(by_name.coauthors) == 29
    assert coauthors(seed_store, PASCANU) == by_name
    counts = [c.shared_papers for c in by_name.coauthors]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize(
    "evil", ['x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "', "') } UNION { ?p ?q ?r", "<x> } #"]
)
def test_user_text_is_never_pasted_into_sparql(seed_store: ox.Store, evil: str) -> None:
    """A name or topic that looks like SPARQL is looked up as text: not found, never run."""
    with pytest.raises(UsageError, match="no person named"):
        coauthors(seed_store, evil)
    with pytest.raises(UsageError, match="no topic"):
        coauthors(seed_store, "Razvan Pascanu", evil)


def test_an_unknown_person_gets_suggestions(seed_store: ox.Store) -> None:
    with pytest.raises(UsageError) as err:
        coauthors(seed_store, "R. Pascanu-Smith")
    assert "no person named 'R. Pascanu-Smith'" in str(err.value)
    with pytest.raises(UsageError, match="no person named"):
        coauthors(seed_store, "https://kg.example.org/person/nobody")
