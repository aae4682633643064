"""Helpers shared by the tests of :mod:`scholarkg.validate`: graphs in both libraries, the check
that the fast engine and pySHACL agree, and a graph that breaks every rule.

Blank nodes keep their ids between an rdflib Graph and an Oxigraph store made from it, so findings
about blank nodes compare too.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import naive
import pyoxigraph as ox
import pytest
import rdflib
from conftest import REPO, SEED
from rdflib import RDF, RDFS, BNode, Literal, Namespace, URIRef

from scholarkg.validate import Finding, ValidationReport, run, validate_graph, validate_store

VALIDATE_CASES = REPO / "tests" / "cases" / "validate"
BASE = "https://example.org/kg/"
NOPROP = "NoProp: Training Neural Networks without Back-propagation or Forward-propagation"
NOPROP_FULL = (
    "NoProp: Training Neural Networks without Full Back-propagation or Full Forward-propagation"
)
SCHEMA = Namespace("http://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKG = Namespace("https://w3id.org/scholarkg/ns#")
SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EX = Namespace("https://example.org/ex/")
PERSON = Namespace(f"{BASE}person/")
WORK = Namespace(f"{BASE}work/")


@pytest.fixture
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """pySHACL may run on rdflib Graphs (the reference), never on a store: that would mean the
    fast engine fell back instead of running. Test modules use it with ``autouse``."""
    real = run.run_pyshacl

    def guarded(data: Any) -> Any:
        assert isinstance(data, rdflib.Graph), "the fast engine fell back to pySHACL"
        return real(data)

    monkeypatch.setattr(run, "run_pyshacl", guarded)
    yield


@functools.cache
def naive_seed_graph() -> rdflib.Graph:
    """The seed page as the naive pipeline (benchmarks/naive.py) maps it: full of violations.
    Shared between tests: never change it."""
    return naive.naive_graph([SEED], base=BASE)


@functools.cache
def naive_seed_report() -> ValidationReport:
    return validate_store(to_store(naive_seed_graph()))


def triples(findings: tuple[Finding, ...]) -> set[tuple[str, str | None, str]]:
    return {(f.focus, f.value, f.rule) for f in findings}


def by_rule(report: ValidationReport, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


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
    # PaperEditorIsPerson: an organization, a string and a person as editors (two violations)
    edited = paper("edited", "An edited volume", authors=(ada,))
    for editor in (org, Literal("Grace Hopper"), ada):
        g.add((edited, SCHEMA.editor, editor))
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
    # DoiSyntax, ArxivIdSyntax: a resolver prefix, not a DOI; an old-style arXiv id is fine
    for key, doi in (("doiurl", "https://doi.org/10.1/x"), ("doinot", "11.1234/x")):
        g.add((paper(key, f"Identifier paper {key}", authors=(ada,)), SKG.doi, Literal(doi)))
    for key, arxiv in (("axold", "hep-th/9901001"), ("axbad", "arXiv:2101.1")):
        g.add((paper(key, f"Identifier paper {key}", authors=(ada,)), SKG.arxivId, Literal(arxiv)))
    # OrcidSyntax, OneOrcid, IdentifierKind, IdentifierValue
    g.add((ada, SKG.orcid, Literal("0000-0002-1825-0097")))
    g.add((person("orcidbad", "Bad Orcid"), SKG.orcid, Literal("0000-0002-1825")))
    two = person("orcidtwo", "Two Orcids")
    g.add((two, SKG.orcid, Literal("0000-0002-1825-0097")))
    g.add((two, SKG.orcid, Literal("0000-0001-5109-3700")))
    for key, kind, value in (
        ("idok", "DOI", "10.1234/ok"),
        ("idkind", "ISBN", "10.1234/ok"),
        ("idvalue", "DOI", "not a doi"),
        ("idnone", None, None),
    ):
        node = WORK[f"inj-{key}"]
        g.add((node, RDF.type, SCHEMA.PropertyValue))
        if kind:
            g.add((node, SCHEMA.propertyID, Literal(kind)))
        if value:
            g.add((node, SCHEMA.value, Literal(value)))
    return g


# ---------------------------------------------------------------- shapes written for a test

PERSON_NAME = "sh:targetClass schema:Person ; sh:path schema:name"


def shapes_turtle(*shapes: str) -> str:
    return (
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix schema: <http://schema.org/> .\n"
        "@prefix ex: <https://example.org/shapes#> .\n" + "\n".join(shapes) + "\n"
    )


def shape_turtle(name: str, body: str, message: str = "m") -> str:
    """A shape known by its target (a property shape if it has sh:path)."""
    return f'ex:{name} {body} ; sh:message "{message}" .'
