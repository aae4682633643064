"""The fast validation engine gives exactly pySHACL's findings.

Every graph the tests can make is validated twice: by the fast engine (set-based SPARQL inside
Oxigraph, ``validate_store(store)``) and by pySHACL on an rdflib Graph of the same triples
(``validate_graph``), and the full :class:`Finding` tuples must be equal, in order. Blank nodes
keep their ids between the two copies, so findings about blank nodes compare too.

An autouse fixture makes any fallback from the fast engine to pySHACL on a store fail the test, so
these tests really exercise the fast engine.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, RDFS, BNode, Literal, Namespace, URIRef

from scholarkg import validate
from scholarkg.config import Config, load_config
from scholarkg.pipeline import build
from scholarkg.store import open_build
from scholarkg.validate import (
    GRAPH_NODE,
    UnsupportedShapeError,
    ValidationReport,
    compile_shapes,
    load_shapes,
    validate_graph,
    validate_store,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import naive  # noqa: E402

_REAL_RUN_PYSHACL = validate._run_pyshacl

VALIDATE_CASES = ROOT / "tests" / "cases" / "validate"
GENERALIZE_CASES = ROOT / "tests" / "cases" / "generalize"
EXAMPLES = ROOT / "examples"
SEED = VALIDATE_CASES / "seed_000.txt"
BASE = "https://example.org/kg/"
CONFIG = Config(
    base="https://kg.example.org/",
    institute_name="Example Institute",
    institute_iri="https://institute.example.org/",
)

SCHEMA = Namespace("http://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKG = Namespace("https://w3id.org/scholarkg/ns#")
SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EX = Namespace("https://example.org/ex/")
PERSON = Namespace(f"{BASE}person/")
WORK = Namespace(f"{BASE}work/")


# ---------------------------------------------------------------- helpers


@pytest.fixture(autouse=True)
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """pySHACL may run on rdflib Graphs (the reference), never on a store: that would mean the
    fast engine fell back instead of running."""
    real = validate._run_pyshacl

    def guarded(data: Any) -> Any:
        assert isinstance(data, rdflib.Graph), "the fast engine fell back to pySHACL"
        return real(data)

    monkeypatch.setattr(validate, "_run_pyshacl", guarded)


def to_ox(term: Any) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def from_ox(term: Any) -> Any:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_store(graph: rdflib.Graph) -> ox.Store:
    """An in-memory store with the same triples; blank nodes keep their ids."""
    store = ox.Store()
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.DefaultGraph()) for s, p, o in graph)
    return store


def to_graph(store: ox.Store) -> rdflib.Graph:
    graph = rdflib.Graph()
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return graph


def assert_same_findings(store: ox.Store, graph: rdflib.Graph) -> ValidationReport:
    """The fast engine on the store == pySHACL on the rdflib copy: conforms and every Finding."""
    assert len(graph) == len(store)
    fast = validate_store(store)
    reference = validate_graph(graph)
    assert fast.conforms == reference.conforms
    assert fast.findings == reference.findings
    return fast


def rules(report: ValidationReport) -> set[str]:
    return {f.rule for f in report.findings}


def built_store(inputs: list[Path], out: Path, config: Config = CONFIG) -> ox.Store:
    build(inputs, out, config, check=False)
    return open_build(out)


# ---------------------------------------------------------------- graphs to inject into


def inject_violations(graph: rdflib.Graph) -> rdflib.Graph:
    """A copy of ``graph`` plus at least one violation of every rule, and near misses."""
    g = rdflib.Graph()
    g += graph
    n = 0

    def person(key: str, *names: Any, cls: URIRef = SCHEMA.Person) -> URIRef:
        nonlocal n
        n += 1
        node = PERSON[f"inj-{key}"]
        g.add((node, RDF.type, cls))
        g.add((node, SKG.source, Literal(f"injected.txt:{n}")))
        for name in names:
            g.add(
                (node, SCHEMA.name, name if isinstance(name, rdflib.term.Node) else Literal(name))
            )
        return node

    def paper(key: str, *titles: str, authors: tuple[Any, ...] = ()) -> URIRef:
        nonlocal n
        n += 1
        node = WORK[f"inj-{key}"]
        g.add((node, RDF.type, SCHEMA.ScholarlyArticle))
        g.add((node, SKG.source, Literal(f"injected.txt:{n}")))
        for title in titles:
            g.add((node, SCHEMA.name, Literal(title)))
        for author in authors:
            g.add((node, SCHEMA.author, author))
        return node

    ada = person("ada", "Ada Lovelace")
    # PersonOneName: none, two, and through subclasses of schema:Person in the data
    person("noname")
    person("twonames", "Ada Lovelace", "Augusta Ada King")
    g.add((EX.Student, RDFS.subClassOf, SCHEMA.Person))
    g.add((EX.PhD, RDFS.subClassOf, EX.Student))
    student = person("student", cls=EX.Student)
    person("phd", "Grace Hopper", "Grace B. Hopper", cls=EX.PhD)
    anon = BNode("injanon")
    g.add((anon, RDF.type, SCHEMA.Person))
    g.add((anon, SCHEMA.name, Literal("Velivckovi 'c")))
    # PersonNameClean: garbled names, and the inputs where Python `re` and Rust `regex` differ
    for i, name in enumerate(
        [
            "'Alvaro Arroyo",
            "Petar Velivckovi 'c",
            "Paul Erd\\H{o}s",
            'Kurt G"odel',
            "Se~nor Cruz",
            "Ren^e Descartes",
            "Alvaro  Arroyo",
            " Leading Space",
            "",
            "Ada Lovelace\n",  # Python: clean ($ before a final newline); Rust: garbled
            "Ada\x1cLovelace",  # Python: garbled (\s); Rust: clean
            "Ada\u3000Lovelace",
            "Ngũgĩ wa Thiong'o",
        ]
    ):
        person(f"name{i}", name)
    person("lang", Literal("Jürgen 'Köhler", lang="de"))
    person("typed", Literal("42", datatype=XSD.integer))
    person("iri", URIRef("https://example.org/not-a-name"))
    person("bnode", BNode("injnamenode"))
    # PersonAlternateNameClean / PersonFoafNameClean
    g.add((ada, SCHEMA.alternateName, Literal("A. Lovelace")))
    g.add((ada, SCHEMA.alternateName, Literal("A.  Lovelace")))
    g.add((ada, SCHEMA.alternateName, Literal("Lovelace 'A")))
    g.add((ada, FOAF.name, Literal("Ada {Lovelace}")))
    g.add((student, FOAF.name, Literal("Student Name")))
    # PaperOneTitle, PaperHasAuthor, PaperAuthorIsPerson
    paper("notitle", authors=(ada,))
    paper("twotitles", "First title", "Second title", authors=(ada,))
    paper("noauthor", "A paper nobody wrote")
    paper("nothing")
    org = EX.deepmind
    g.add((org, RDF.type, SCHEMA.Organization))
    paper("byorg", "A paper by a company", authors=(org, ada))
    paper("byliteral", "A paper by a string", authors=(Literal("Ada Lovelace"),))
    typed_blank, untyped_blank = BNode("injtyped"), BNode("injuntyped")
    g.add((typed_blank, RDF.type, SCHEMA.Person))
    paper("byblank", "A paper by blank nodes", authors=(typed_blank, untyped_blank))
    paper("bystudent", "A paper by a student", authors=(student,))
    paper("byuntyped", "A paper by nobody typed", authors=(EX.untyped,))
    # UniqueTitle (also a backslash, and message placeholders inside a title), UniqueDoi,
    # UniqueArxivId
    paper("dup1", "Über Graphen", authors=(ada,))
    paper("dup2", "über-graphen!", authors=(ada,))
    paper("dup3", "Uber Graphen", authors=(ada,))
    paper("tex1", "On \\mathcal{G} graphs", authors=(ada,))
    paper("tex2", "On \\mathcal G-graphs", authors=(ada,))
    paper("tpl1", "Why {?count} matters for {$this}", authors=(ada,))
    paper("tpl2", "Why {?count} matters for {$this}!", authors=(ada,))
    paper("same1", "Same title", authors=(ada,))
    paper("same2", "Same Title", authors=(ada,))
    paper("same3", "same title.", authors=(ada,))
    paper("punct1", "???", authors=(ada,))
    paper("punct2", "!!!", authors=(ada,))
    for key, doi in (("doi1", "10.5555/Engine.1843"), ("doi2", "10.5555/engine.1843")):
        g.add((paper(key, f"Engine paper {key}", authors=(ada,)), SKG.doi, Literal(doi)))
    for key, arxiv in (("ax1", "2101.00001v1"), ("ax2", "2101.00001v2"), ("ax3", "2101.00001")):
        g.add((paper(key, f"Arxiv paper {key}", authors=(ada,)), SKG.arxivId, Literal(arxiv)))
    return g


# ---------------------------------------------------------------- every graph we can make


def test_seed_build(seed_build: Path) -> None:
    store = open_build(seed_build)
    assert_same_findings(store, to_graph(store))


def test_naive_seed_graph() -> None:
    graph = naive.naive_graph([SEED], base=BASE)
    report = assert_same_findings(to_store(graph), graph)
    assert {"UniqueTitle", "PersonOneName", "PersonNameClean"} <= rules(report)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in VALIDATE_CASES.glob("*.ttl")), ids=lambda n: n
)
def test_validate_fixture(name: str) -> None:
    graph = rdflib.Graph().parse(VALIDATE_CASES / name, format="turtle")
    assert_same_findings(to_store(graph), graph)


def test_validate_fixtures_together() -> None:
    graph = naive.naive_graph([SEED], base=BASE)
    for path in sorted(VALIDATE_CASES.glob("*.ttl")):
        graph.parse(path, format="turtle")
    report = assert_same_findings(to_store(graph), graph)
    assert len(report.findings) > 20


def test_examples_build(tmp_path: Path) -> None:
    config = load_config(EXAMPLES / "scholarkg.toml")
    store = built_store([EXAMPLES / "pages"], tmp_path / "out", config)
    assert_same_findings(store, to_graph(store))


@pytest.mark.parametrize(
    "case", sorted(p.name for p in GENERALIZE_CASES.iterdir() if p.is_dir()), ids=lambda n: n
)
def test_generalize_case_build(case: str, tmp_path: Path) -> None:
    store = built_store([GENERALIZE_CASES / case], tmp_path / "out")
    assert_same_findings(store, to_graph(store))


def test_every_rule_violated_on_the_seed_build(seed_build: Path) -> None:
    graph = inject_violations(to_graph(open_build(seed_build)))
    report = assert_same_findings(to_store(graph), graph)
    every_rule = {validate._local_name(s) for s in load_shapes().subjects(RDF.type, SH.NodeShape)}
    every_rule |= {
        validate._local_name(s) for s in load_shapes().subjects(RDF.type, SH.PropertyShape)
    }
    assert rules(report) == every_rule
    flagged = {(f.rule, f.node) for f in report.findings}
    assert ("PersonOneName", str(PERSON["inj-student"])) in flagged  # via rdfs:subClassOf*
    assert ("PersonOneName", str(PERSON["inj-phd"])) in flagged
    assert ("PersonNameClean", "_:injanon") in flagged
    assert ("PaperAuthorIsPerson", str(WORK["inj-bystudent"])) not in flagged
    values = {(f.rule, f.value) for f in report.findings}
    assert ("PaperAuthorIsPerson", "Ada Lovelace") in values  # a literal is never a Person
    assert ("PaperAuthorIsPerson", "_:injuntyped") in values
    assert ("PaperAuthorIsPerson", "_:injtyped") not in values
    assert ("PersonNameClean", "_:injnamenode") in values  # a blank node never matches
    # Python `re` semantics, as pySHACL: these two are where Rust `regex` would disagree
    assert ("PersonNameClean", "Ada\x1cLovelace") in values
    assert ("PersonNameClean", "Ada Lovelace\n") not in values


@pytest.fixture(scope="module")
def generated_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "benchmarks_generate_fast", ROOT / "benchmarks" / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen
    spec.loader.exec_module(gen)
    root = tmp_path_factory.mktemp("generated")
    gen.generate(root / "institute", 800, seed=11)
    build([root / "institute" / "pages"], root / "out", CONFIG, check=False)
    return root / "out"


def test_generated_build(generated_build: Path) -> None:
    store = open_build(generated_build)
    assert_same_findings(store, to_graph(store))


def test_generated_build_with_every_violation(generated_build: Path) -> None:
    graph = inject_violations(to_graph(open_build(generated_build)))
    report = assert_same_findings(to_store(graph), graph)
    assert len(report.findings) > 40


def test_message_placeholders_are_filled_as_pyshacl_does(seed_build: Path) -> None:
    graph = inject_violations(to_graph(open_build(seed_build)))
    report = validate_store(to_store(graph))
    tpl = [f for f in report.findings if f.value == str(WORK["inj-tpl1"])]
    assert len(tpl) == 1 and tpl[0].focus == GRAPH_NODE
    # pySHACL fills ?title first, then ?count (also inside the title), then $this
    assert tpl[0].message.startswith(
        f'2 paper entries have the same title "Why 2 matters for {GRAPH_NODE}"'
    )
    tex = [f for f in report.findings if f.value == str(WORK["inj-tex1"])]
    assert "⧵mathcal" in tex[0].message


# ---------------------------------------------------------------- SHACL beyond the shipped shapes

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
    monkeypatch.setattr(validate, "_shapes_text", lambda: EXTRA_SHAPES)
    compiled = compile_shapes(load_shapes())
    assert len(compiled.constraints) == 14  # ex:Switched and the deactivated query are skipped
    graph = inject_violations(to_graph(open_build(seed_build)))
    report = assert_same_findings(to_store(graph), graph)
    assert {f.severity for f in report.findings} == {"Violation", "Warning", "Info"}
    assert "" in rules(report)  # the blank-node shape
    assert "Switched" not in rules(report)


# ---------------------------------------------------------------- refusing what it cannot do

PERSON_NAME = "sh:targetClass schema:Person ; sh:path schema:name"
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


def _shapes(*shapes: str) -> str:
    return (
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix schema: <http://schema.org/> .\n"
        "@prefix ex: <https://example.org/shapes#> .\n" + "\n".join(shapes) + "\n"
    )


def _shape(name: str, body: str, message: str = "m") -> str:
    """A shape known by its target (a property shape if it has sh:path)."""
    return f'ex:{name} {body} ; sh:message "{message}" .'


@pytest.mark.parametrize("feature", sorted(UNSUPPORTED), ids=lambda n: n.replace(" ", "-"))
def test_compiler_refuses_what_it_does_not_implement(feature: str) -> None:
    body, named = UNSUPPORTED[feature]
    shapes = rdflib.Graph().parse(data=_shapes(_shape("S", body)), format="turtle")
    with pytest.raises(UnsupportedShapeError, match=named):
        compile_shapes(shapes)


def test_compiler_refuses_a_shape_without_a_message() -> None:
    """pySHACL words a message itself then ("Less than 1 values on …"); the fast engine does
    not imitate that wording."""
    shape = f"ex:S a sh:PropertyShape ; {PERSON_NAME} ; sh:minCount 1 ."
    with pytest.raises(UnsupportedShapeError, match="no sh:message"):
        compile_shapes(rdflib.Graph().parse(data=_shapes(shape), format="turtle"))


def test_unsupported_shapes_fall_back_to_pyshacl(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A new kind of constraint (here sh:minLength) is checked by pySHACL, never skipped."""
    shapes = _shapes(
        _shape("S", f"{PERSON_NAME} ; sh:minLength 3"),
        _shape("T", f"{PERSON_NAME} ; sh:maxCount 1", "t"),
    )
    monkeypatch.setattr(validate, "_shapes_text", lambda: shapes)
    monkeypatch.setattr(validate, "_run_pyshacl", _REAL_RUN_PYSHACL)
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
    monkeypatch.setattr(validate, "_run_pyshacl", _REAL_RUN_PYSHACL)
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
    monkeypatch.setattr(validate, "_run_pyshacl", _REAL_RUN_PYSHACL)
    graph = inject_violations(to_graph(open_build(seed_build)))
    store = to_store(graph)
    assert validate_store(store, engine="pyshacl") == validate_store(store, engine="fast")


# ---------------------------------------------------------------- set-based, not per node


class CountingStore:
    """A store that counts the queries run on it."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.queries: list[str] = []

    def query(self, query: str, **kwargs: Any) -> Any:
        self.queries.append(query)
        return self.store.query(query, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def _queries(store: ox.Store) -> Iterator[str]:
    counting = CountingStore(store)
    validate._run_fast(counting, validate._compiled_shapes())  # type: ignore[arg-type]
    yield from counting.queries


def test_query_count_does_not_grow_with_the_graph(generated_build: Path) -> None:
    """One query per constraint (plus look-ups of subclasses and of the few failing values),
    however many focus nodes: never one per person or paper."""
    small = rdflib.Graph().parse(VALIDATE_CASES / "clean.ttl", format="turtle")
    large = open_build(generated_build)
    assert len(large) > 100 * len(small)
    counts = [len(list(_queries(s))) for s in (to_store(small), large)]
    assert counts[1] <= counts[0] + 3 <= 2 * len(validate._compiled_shapes().constraints)


def test_regex_engines_differ_so_patterns_are_matched_in_python() -> None:
    """Why sh:pattern is not pushed into SPARQL REGEX: Rust `regex` (Oxigraph) and Python `re`
    (pySHACL) disagree on these names, and the findings must be pySHACL's."""
    pattern = str(load_shapes().value(URIRef(validate.SHAPES_NS + "PersonNameClean"), SH.pattern))
    names = ["Ada Lovelace\n", "Ada\x1cLovelace"]
    store = ox.Store()
    for i, name in enumerate(names):
        store.add(
            ox.Quad(ox.NamedNode(f"{BASE}p{i}"), ox.NamedNode(str(SCHEMA.name)), ox.Literal(name))
        )
    query = f"SELECT ?n (REGEX(?n, {ox.Literal(pattern)}) AS ?ok) WHERE {{ ?p <{SCHEMA.name}> ?n }}"
    rust = {row["n"].value: row["ok"].value == "true" for row in store.query(query)}
    python = {name: re.search(pattern, name) is not None for name in names}
    assert python == {"Ada Lovelace\n": True, "Ada\x1cLovelace": False}
    assert rust == {name: not ok for name, ok in python.items()}
