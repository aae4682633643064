"""The SHACL→SPARQL compiler (scholarkg.validate.compile): what it compiles, and what it refuses
so that pySHACL checks it instead."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import rdflib
from validate_support import (
    PERSON_NAME,
    assert_same_findings,
    inject_violations,
    no_fallback,
    rules,
    shape_turtle,
    shapes_turtle,
    to_graph,
    to_store,
)

from scholarkg.store import open_build
from scholarkg.validate import UnsupportedShapeError, compile_shapes, load_shapes, shapes
from scholarkg.validate.compile import ClassConstraint, CountConstraint, PatternConstraint

pytestmark = pytest.mark.usefixtures(no_fallback.__name__)


EXTRA_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix schema: <http://schema.org/> .
@prefix skg: <https://w3id.org/scholarkg/ns#> .
@prefix ex: <https://example.org/shapes#> .

ex: a owl:Ontology ;
    sh:declare [ sh:prefix "schema" ; sh:namespace "http://schema.org/"^^xsd:anyURI ] .

ex:AuthorsWritePapers a sh:NodeShape ;
    sh:targetSubjectsOf schema:author ;
    sh:class schema:ScholarlyArticle , schema:CreativeWork ;
    sh:severity sh:Warning ;
    sh:message "only papers have authors" .

ex:AuthorHasOneName a sh:PropertyShape ;
    sh:targetObjectsOf schema:author ;
    sh:path schema:name ;
    sh:minCount 1 ;
    sh:maxCount 1 ;
    sh:message "an author has one name"@en , "an author has one name" .

ex:LowerCaseName a sh:PropertyShape ;
    sh:targetClass schema:Person ;
    sh:path schema:name ;
    sh:pattern "^[a-z .'-]+$" ;
    sh:pattern "LOVE" ;
    sh:flags "iq" ;
    sh:message "letters only; and loving" .

ex:NamedNodes a sh:NodeShape ;
    sh:targetNode ex:nowhere , "a literal" , "7"^^xsd:integer ,
        <https://example.org/kg/person/inj-ada> ;
    sh:pattern "^https://example" ;
    sh:severity sh:Info ;
    sh:message "an example IRI" .

ex:TwoToThreeAuthors a sh:PropertyShape ;
    sh:targetClass schema:ScholarlyArticle ;
    sh:path schema:author ;
    sh:minCount 2 ;
    sh:maxCount 3 ;
    sh:message "two or three authors" .

ex:NoAlternateNames a sh:PropertyShape ;
    sh:targetClass schema:Person ;
    sh:path schema:alternateName ;
    sh:maxCount 0 ;
    sh:message "no alternate names" .

ex:Switched a sh:PropertyShape ;
    sh:targetClass schema:Person ;
    sh:path schema:name ;
    sh:maxCount 0 ;
    sh:deactivated true ;
    sh:message "never reported" .

ex:TwoTitlesByOrganizations a sh:PropertyShape ;
    sh:targetNode <https://example.org/kg/work/inj-twotitles> ,
        <https://example.org/kg/work/inj-byorg> ;
    sh:path schema:author ;
    sh:class schema:Organization ;
    sh:message "written by organizations" .

ex:TwoTitlesNames a sh:PropertyShape ;
    sh:targetNode <https://example.org/kg/work/inj-twotitles> ;
    sh:path schema:name ;
    sh:pattern "^First" ;
    sh:message "titles start with First" .

ex:Implicit sh:targetClass schema:Organization ;
    sh:path schema:name ;
    sh:pattern "^Google" ;
    sh:message "implicit property shape" .

[] a sh:NodeShape ;
    sh:targetClass schema:Organization ;
    sh:class schema:Person ;
    sh:message "a blank-node shape" .

ex:PeopleByName a sh:NodeShape ;
    sh:targetNode ex:Graph ;
    sh:message "{?n} people are named {?name} ({$this})" ;
    sh:sparql [
        sh:prefixes ex: ;
        sh:message "also: {?name}" ;
        sh:select \"\"\"
            SELECT $this ?value ?name ?n WHERE {
                { SELECT $this ?name (COUNT(?p) AS ?n)
                  WHERE { ?p a schema:Person ; schema:name ?name }
                  GROUP BY $this ?name HAVING (COUNT(?p) > 1) }
                ?value schema:name ?name .
            }\"\"\" ] ;
    sh:sparql [
        sh:deactivated true ;
        sh:select "SELECT $this ?value WHERE { ?value a schema:Person }" ] .

ex:AnyOrganization a sh:NodeShape ;
    sh:targetNode ex:Graph ;
    sh:message "there is an organization" ;
    sh:sparql [
        sh:prefixes ex: ;
        sh:select \"\"\"SELECT $this ?failure WHERE {
            ?o a schema:Organization BIND (true AS ?failure) }\"\"\" ] .
"""


def test_features_beyond_the_shipped_shapes(
    monkeypatch: pytest.MonkeyPatch, seed_build: Path
) -> None:
    """Targets, paths, counts, flags, severities, deactivation, blank and implicit shapes,
    several messages, ?failure rows: the fast engine agrees with pySHACL on all of them."""
    monkeypatch.setattr(shapes, "shapes_text", lambda: EXTRA_SHAPES)
    compiled = compile_shapes(load_shapes())
    assert len(compiled.constraints) == 14  # ex:Switched and the deactivated query are skipped
    graph = inject_violations(to_graph(open_build(seed_build)))
    report = assert_same_findings(to_store(graph), graph)
    assert {f.severity for f in report.findings} == {"Violation", "Warning", "Info"}
    assert "" in rules(report)  # the blank-node shape
    assert "Switched" not in rules(report)


#: (shape body, what the refusal names)
UNSUPPORTED = {
    "minLength": (f"{PERSON_NAME} ; sh:minLength 2", "sh:minLength"),
    "datatype": (f"{PERSON_NAME} ; sh:datatype xsd:string", "sh:datatype"),
    "property": ("sh:targetClass schema:Person ; sh:property ex:P", "sh:property"),
    "inverse path": (
        "sh:targetClass schema:Person ; sh:path [ sh:inversePath schema:author ] ; sh:minCount 1",
        "sh:inversePath",
    ),
    "sequence path": (
        "sh:targetClass schema:Person ; sh:path ( schema:author schema:name ) ; sh:minCount 1",
        "only IRI paths",
    ),
    "or": ("sh:targetClass schema:Person ; sh:or ( ex:P ex:Q )", "sh:or"),
    "sparql target": (
        "sh:target [ a sh:SPARQLTarget ; sh:select 'SELECT ?this {}' ]",
        "sh:(target|SPARQLTarget)",
    ),
    "sparql on a property shape": (
        f"{PERSON_NAME} ; sh:sparql [ sh:select 'SELECT $this {{}}' ]",
        "sh:sparql on a property shape",
    ),
    "minus": (
        "sh:targetNode ex:Graph ; sh:sparql [ sh:select "
        "'SELECT $this ?value { ?value ?p ?o MINUS { ?value a schema:Person } }' ]",
        "MINUS",
    ),
    "class target that is a blank node": ("sh:targetClass [] ; sh:class schema:Person", "target"),
}


@pytest.mark.parametrize("feature", sorted(UNSUPPORTED), ids=lambda n: n.replace(" ", "-"))
def test_compiler_refuses_what_it_does_not_implement(feature: str) -> None:
    body, named = UNSUPPORTED[feature]
    shapes = rdflib.Graph().parse(data=shapes_turtle(shape_turtle("S", body)), format="turtle")
    with pytest.raises(UnsupportedShapeError, match=named):
        compile_shapes(shapes)


def test_compiler_refuses_a_shape_without_a_message() -> None:
    """pySHACL words a message itself then ("Less than 1 values on …"); the fast engine does
    not imitate that wording."""
    shape = f"ex:S a sh:PropertyShape ; {PERSON_NAME} ; sh:minCount 1 ."
    with pytest.raises(UnsupportedShapeError, match="no sh:message"):
        compile_shapes(rdflib.Graph().parse(data=shapes_turtle(shape), format="turtle"))


# ---------------------------------------------------------------- the parts of one shape


def _compile(*shapes: str) -> tuple[Any, ...]:
    graph = rdflib.Graph().parse(data=shapes_turtle(*shapes), format="turtle")
    return compile_shapes(graph).constraints


def test_counts_of_a_shape_are_one_constraint_and_min_count_zero_none() -> None:
    (count,) = _compile(shape_turtle("S", f"{PERSON_NAME} ; sh:minCount 1 ; sh:maxCount 2"))
    assert isinstance(count, CountConstraint)
    assert (count.min_count, count.max_count) == (1, 2)
    assert (count.shape.rule, count.shape.path) == ("S", "http://schema.org/name")
    assert _compile(shape_turtle("S", f"{PERSON_NAME} ; sh:minCount 0")) == ()


def test_only_the_i_and_m_flags_count_as_in_pyshacl() -> None:
    (pattern,) = _compile(shape_turtle("S", f"{PERSON_NAME} ; sh:pattern 'a' ; sh:flags 'isx'"))
    assert isinstance(pattern, PatternConstraint)
    assert pattern.regex.flags & (re.I | re.M | re.S | re.X) == re.I


def test_severity_and_targets_belong_to_every_constraint_of_the_shape() -> None:
    body = (
        "sh:targetClass schema:Person ; sh:class schema:Person , schema:Thing ; sh:severity sh:Info"
    )
    constraints = _compile(shape_turtle("S", body))
    assert [c.cls for c in constraints if isinstance(c, ClassConstraint)] == [
        "http://schema.org/Person",
        "http://schema.org/Thing",
    ]
    assert {(c.shape.severity, c.shape.focus.classes) for c in constraints} == {
        ("Info", ("http://schema.org/Person",))
    }


def test_a_deactivated_shape_compiles_to_nothing() -> None:
    assert _compile(shape_turtle("S", f"{PERSON_NAME} ; sh:maxCount 0 ; sh:deactivated true")) == ()
    with pytest.raises(UnsupportedShapeError, match="sh:deactivated must be one literal"):
        _compile(shape_turtle("S", f"{PERSON_NAME} ; sh:maxCount 0 ; sh:deactivated ex:Yes"))


@pytest.mark.parametrize(
    "body, refusal",
    [
        (f"{PERSON_NAME} ; sh:maxCount 1 ; sh:severity sh:Info , sh:Warning", "one sh:severity"),
        ("sh:targetClass schema:Person ; sh:minCount 1", "sh:minCount on a node shape"),
        (f"{PERSON_NAME} ; sh:maxCount -1", "non-negative xsd:integer"),
        (f"{PERSON_NAME} ; sh:pattern '('", "does not compile"),
        (f"{PERSON_NAME} ; sh:pattern 'a' ; sh:flags 'i' , 'm'", "sh:flags must be one"),
        ("sh:targetClass schema:Person ; sh:class 'Person'", "sh:class must be an IRI"),
    ],
)
def test_each_part_of_a_shape_refuses_what_pyshacl_would_word_otherwise(
    body: str, refusal: str
) -> None:
    with pytest.raises(UnsupportedShapeError, match=refusal):
        _compile(shape_turtle("S", body))
