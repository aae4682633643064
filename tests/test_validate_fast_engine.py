"""The fast engine (scholarkg.validate.fast_engine) gives exactly pySHACL's findings.

Every graph the tests can make is validated twice: by the fast engine (set-based SPARQL inside
Oxigraph, ``validate_store(store)``) and by pySHACL on an rdflib Graph of the same triples
(``validate_graph``), and the full :class:`Finding` tuples must be equal, in order. Blank nodes
keep their ids between the two copies, so findings about blank nodes compare too.

The ``no_fallback`` fixture makes any fallback from the fast engine to pySHACL on a store fail
the test, so these tests really exercise the fast engine.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import naive
import pyoxigraph as ox
import pytest
import rdflib
from conftest import CONFIG, REPO, SEED
from rdflib import RDF, URIRef
from validate_support import (
    BASE,
    PERSON,
    SCHEMA,
    SH,
    VALIDATE_CASES,
    WORK,
    assert_same_findings,
    inject_violations,
    no_fallback,
    rules,
    to_graph,
    to_store,
)

from scholarkg.config import Config, load_config
from scholarkg.pipeline import build
from scholarkg.store import open_build
from scholarkg.validate import GRAPH_NODE, SHAPES_NS, load_shapes, validate_store
from scholarkg.validate.compile import compiled_shapes
from scholarkg.validate.fast_engine import run_fast
from scholarkg.validate.shapes import local_name

pytestmark = pytest.mark.usefixtures(no_fallback.__name__)

GENERALIZE_CASES = REPO / "tests" / "cases" / "generalize"
EXAMPLES = REPO / "examples"


def built_store(inputs: list[Path], out: Path, config: Config = CONFIG) -> ox.Store:
    build(inputs, out, config, check=False)
    return open_build(out)


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
    every_rule = {local_name(s) for s in load_shapes().subjects(RDF.type, SH.NodeShape)}
    every_rule |= {local_name(s) for s in load_shapes().subjects(RDF.type, SH.PropertyShape)}
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
    spec = importlib.util.spec_from_file_location(
        "benchmarks_generate_fast", REPO / "benchmarks" / "generate.py"
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
    run_fast(counting, compiled_shapes())  # type: ignore[arg-type]
    yield from counting.queries


def test_query_count_does_not_grow_with_the_graph(generated_build: Path) -> None:
    """One query per constraint (plus look-ups of subclasses and of the few failing values),
    however many focus nodes: never one per person or paper."""
    small = rdflib.Graph().parse(VALIDATE_CASES / "clean.ttl", format="turtle")
    large = open_build(generated_build)
    assert len(large) > 100 * len(small)
    counts = [len(list(_queries(s))) for s in (to_store(small), large)]
    constraints = compiled_shapes().constraints
    classes = {c for k in constraints for c in k.shape.focus.classes}  # one subclass look-up each
    assert counts[1] <= counts[0] + 3 <= 2 * len(constraints) + len(classes)


def test_regex_engines_differ_so_patterns_are_matched_in_python() -> None:
    """Why sh:pattern is not pushed into SPARQL REGEX: Rust `regex` (Oxigraph) and Python `re`
    (pySHACL) disagree on these names, and the findings must be pySHACL's."""
    pattern = str(load_shapes().value(URIRef(SHAPES_NS + "PersonNameClean"), SH.pattern))
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
