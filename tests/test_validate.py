"""Tests of scholarkg.validate and shapes/scholarkg.ttl."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, Namespace, URIRef

ROOT = Path(__file__).resolve().parents[1]
try:
    import scholarkg  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import naive  # noqa: E402

from scholarkg import validate  # noqa: E402
from scholarkg.errors import ScholarKGError  # noqa: E402
from scholarkg.validate import (  # noqa: E402
    GRAPH_NODE,
    Finding,
    ValidationReport,
    load_shapes,
    validate_file,
    validate_graph,
    validate_store,
)

CASES = ROOT / "tests" / "cases" / "validate"
SEED = ROOT.parent / "shared" / "seeds" / "000_6fc97eff0b4194ae.txt"  # the original page
BASE = "https://example.org/kg/"
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("http://schema.org/")

NOPROP = "NoProp: Training Neural Networks without Back-propagation or Forward-propagation"
NOPROP_FULL = (
    "NoProp: Training Neural Networks without Full Back-propagation or Full Forward-propagation"
)


def to_store(graph: rdflib.Graph) -> ox.Store:
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def triples(findings: tuple[Finding, ...]) -> set[tuple[str, str | None, str]]:
    return {(f.focus, f.value, f.rule) for f in findings}


def by_rule(report: ValidationReport, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


@pytest.fixture(scope="module")
def seed_graph() -> rdflib.Graph:
    return naive.naive_graph([SEED], base=BASE)


@pytest.fixture(scope="module")
def seed_report(seed_graph: rdflib.Graph) -> ValidationReport:
    return validate_store(to_store(seed_graph))


# ---------------------------------------------------------------- shapes


def test_shapes_are_found_and_parse() -> None:
    assert validate.shapes_file().is_file()
    shapes = load_shapes()
    assert (URIRef(validate.SHAPES_NS + "PersonOneName"), RDF.type, SH.PropertyShape) in shapes


def test_every_shape_has_an_iri_and_a_plain_message() -> None:
    shapes = load_shapes()
    all_shapes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    assert len(all_shapes) >= 10
    for shape in all_shapes:
        assert isinstance(shape, URIRef), shape
        assert str(shape).startswith(validate.SHAPES_NS)
        messages = list(shapes.objects(shape, SH.message))
        assert len(messages) == 1, shape
        assert len(str(messages[0])) > 20


def test_whole_graph_rules_target_one_node_never_each_paper() -> None:
    """Guards linearity: an sh:sparql run per paper is quadratic."""
    shapes = load_shapes()
    sparql_shapes = set(shapes.subjects(SH.sparql, None))
    assert {validate._local_name(s) for s in sparql_shapes} == {
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
            assert re.search(r"GROUP BY", query) and re.search(r"HAVING", query)


# ---------------------------------------------------------------- clean data


def test_clean_graph_conforms() -> None:
    report = validate_file(CASES / "clean.ttl")
    assert report.conforms
    assert report.findings == ()
    assert report.to_text() == "the graph conforms to the shapes: no violations"


# ---------------------------------------------------------------- the naive seed graph


def test_naive_parser_reads_the_seed_listings() -> None:
    page = naive.parse_page(SEED)
    assert page.name == "Razvan Pascanu"
    assert (page.role, page.job_title, page.employer) == (
        "Affiliate Member",
        "Senior Research Scientist",
        "Google DeepMind",
    )
    assert len(page.topics) == 15
    titles = [listing.title for listing in page.listings]
    assert len(titles) == 12
    assert titles.count(NOPROP) == 2
    assert titles.count(NOPROP_FULL) == 1
    first_token = [x for x in page.listings if x.title.startswith("Why do LLMs")]
    assert [a for a, _ in first_token[0].authors][-1] == "Petar Velivckovi 'c"
    assert [a for a, _ in first_token[1].authors][-1] == "Petar Veličković"
    assert sum(1 for x in page.listings if x.abstract) == 3


def test_naive_seed_graph_does_not_conform(seed_report: ValidationReport) -> None:
    assert not seed_report.conforms
    rules = {f.rule for f in seed_report.findings}
    assert {"UniqueTitle", "PersonOneName", "PersonNameClean"} <= rules


def test_naive_seed_graph_has_duplicate_papers(seed_report: ValidationReport) -> None:
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


def test_naive_seed_graph_has_people_with_two_names(seed_report: ValidationReport) -> None:
    two_names = {f.node: f.label for f in by_rule(seed_report, "PersonOneName")}
    assert two_names == {
        f"{BASE}person/ku-a": "Alex Ku / Alexander Y. Ku",
        f"{BASE}person/chan-s": "Stephanie C.Y. Chan / Stephanie Chan",
    }


def test_naive_seed_graph_has_garbled_names(seed_report: ValidationReport) -> None:
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


def test_oxigraph_and_rdflib_give_the_same_findings(seed_graph: rdflib.Graph) -> None:
    graph = rdflib.Graph()
    graph += seed_graph
    for name in ("clean.ttl", "duplicate_ids.ttl", "bad_authors.ttl"):
        graph.parse(CASES / name, format="turtle")
    on_store = validate_store(to_store(graph))
    on_rdflib = validate_graph(graph)
    assert len(on_store.findings) > 20
    assert triples(on_store.findings) == triples(on_rdflib.findings)
    assert on_store == on_rdflib  # labels, sources, messages and order too


# ---------------------------------------------------------------- clean-name pattern

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
    return str(shapes.value(URIRef(validate.SHAPES_NS + "PersonNameClean"), SH.pattern))


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


# ---------------------------------------------------------------- papers


def test_duplicate_doi_and_arxiv_id_are_found() -> None:
    report = validate_file(CASES / "duplicate_ids.ttl")
    assert not report.conforms
    doi = by_rule(report, "UniqueDoi")
    assert {f.value for f in doi} == {f"{BASE}work/a", f"{BASE}work/b"}
    assert all("same DOI 10.5555/Engine.1843" in f.message for f in doi)
    arxiv = by_rule(report, "UniqueArxivId")
    assert {f.value for f in arxiv} == {f"{BASE}work/c", f"{BASE}work/d"}
    assert {f.rule for f in report.findings} == {"UniqueDoi", "UniqueArxivId"}
    assert f"{BASE}work/e" not in {f.node for f in report.findings}


def test_paper_without_author_and_author_not_a_person_are_flagged() -> None:
    report = validate_file(CASES / "bad_authors.ttl")
    assert triples(report.findings) == {
        (f"{BASE}work/orphan", None, "PaperHasAuthor"),
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


# ---------------------------------------------------------------- input formats

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


# ---------------------------------------------------------------- report output


def test_to_text_names_nodes_by_title_and_file_line(seed_report: ValidationReport) -> None:
    lines = seed_report.to_text().splitlines()
    assert len(lines) == len(seed_report.findings)
    noprop_line = next(line for line in lines if line.startswith("work/7 "))
    assert noprop_line.startswith(
        f'work/7 "{NOPROP}" ({SEED}:72): 2 paper entries have the same title "{NOPROP}"'
    )
    petar = next(line for line in lines if "Velivckovi" in line and "garbled name:" in line)
    assert petar.startswith(f'person/c-p "Petar Velivckovi \'c" ({SEED}:59): garbled name')
    assert not any("shapes#Graph" in line for line in lines)


def test_to_text_shows_a_value_other_than_the_label() -> None:
    text = validate_file(CASES / "bad_authors.ttl").to_text()
    assert text.splitlines() == [
        'work/orphan "A paper nobody wrote" (authors.txt:1): a paper must have at least one '
        "author (schema:author) and this one has none",
        'work/by-org "A paper by a company" (authors.txt:4): an author of a paper '
        "(schema:author) must be a person (a schema:Person node) and this one is not "
        "[value: org/deepmind]",
    ]


def test_to_json_parses(seed_report: ValidationReport) -> None:
    data = json.loads(seed_report.to_json())
    assert data["conforms"] is False
    assert len(data["findings"]) == len(seed_report.findings)
    first = data["findings"][0]
    assert set(first) == {
        "focus",
        "value",
        "node",
        "label",
        "rule",
        "message",
        "source",
        "severity",
    }
    dup = next(f for f in data["findings"] if f["rule"] == "UniqueTitle")
    assert dup["focus"] == GRAPH_NODE and dup["node"] == dup["value"]
    assert dup["severity"] == "Violation"


def test_findings_do_not_depend_on_input_order(seed_graph: rdflib.Graph) -> None:
    rows = sorted(seed_graph, key=lambda t: tuple(str(x) for x in t))
    texts = set()
    for seed in (1, 2):
        random.Random(seed).shuffle(rows)
        store = ox.Store()
        nt = "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in rows)
        store.load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        texts.add(validate_store(store).to_text())
    assert len(texts) == 1


# ---------------------------------------------------------------- pySHACL plumbing


def test_read_only_store_is_validated_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = ox.Store(str(path))
    store.load(path=str(CASES / "duplicate_ids.ttl"), format=ox.RdfFormat.TURTLE)
    store.flush()
    size = len(store)
    del store
    readonly = ox.Store.read_only(str(path))
    report = validate_store(readonly)
    assert {f.rule for f in report.findings} == {"UniqueDoi", "UniqueArxivId"}
    assert len(readonly) == size


def test_oxigraph_truthiness_workaround_is_applied_once() -> None:
    from pyshacl.graph_abstraction import OxigraphDataGraph

    validate_file(CASES / "clean.ttl")
    patched = vars(OxigraphDataGraph)["__bool__"]
    validate_file(CASES / "clean.ttl")
    assert vars(OxigraphDataGraph)["__bool__"] is patched
    graph = OxigraphDataGraph(ox.Store())
    assert bool(graph) is True  # even when empty: never a COUNT over the store


BROKEN_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/shapes#> .
ex:Broken a sh:NodeShape ;
    sh:targetNode ex:Graph ;
    sh:message "broken" ;
    sh:sparql [ sh:select "SELECT $this WHERE { ?s ?p ?o MINUS { ?s ?p ?o } }" ] .
"""


def test_broken_shapes_raise_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """pySHACL returns (does not raise) a ValidationFailure; it must not pass as a report."""
    monkeypatch.setattr(validate, "_shapes_text", lambda: BROKEN_SHAPES)
    with pytest.raises(ScholarKGError, match="validation could not run"):
        validate_file(CASES / "clean.ttl")


def test_unparsable_shapes_raise_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "_shapes_text", lambda: "this is not turtle")
    with pytest.raises(ScholarKGError, match="do not parse"):
        load_shapes()


def test_naive_pipeline_reports_timings_and_writes_files(tmp_path: Path) -> None:
    timings = naive.naive_pipeline([SEED], tmp_path)
    assert {"parse", "build", "validate", "turtle", "jsonld"} <= set(timings)
    assert all(timings[k] >= 0 for k in ("parse", "build", "validate", "turtle", "jsonld"))
    assert timings["conforms"] == 0.0
    assert timings["results"] > 10
    back = rdflib.Graph().parse(tmp_path / "graph.jsonld", format="json-ld")
    assert len(back) == timings["triples"]
    assert len(rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle")) == len(back)
