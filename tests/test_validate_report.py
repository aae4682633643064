"""Findings and reports (scholarkg.validate.report): their text, their JSON, their order."""

from __future__ import annotations

import json
import random
from typing import Any

import pyoxigraph as ox
from conftest import SEED
from validate_support import NOPROP, VALIDATE_CASES, naive_seed_graph, naive_seed_report

from scholarkg.validate import GRAPH_NODE, Finding, validate_file, validate_store
from scholarkg.validate.report import RawResult, make_report


def test_to_text_names_nodes_by_title_and_file_line() -> None:
    seed_report = naive_seed_report()
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
    text = validate_file(VALIDATE_CASES / "bad_authors.ttl").to_text()
    assert text.splitlines() == [
        'work/orphan "A paper nobody wrote" (authors.txt:1): a paper must have at least one '
        "author (a person as schema:author, or an organization as schema:creator) and this one "
        "has none",
        'work/by-org "A paper by a company" (authors.txt:4): an author of a paper '
        "(schema:author) must be a person (a schema:Person node) and this one is not "
        "[value: org/deepmind]",
    ]


def test_to_json_parses() -> None:
    seed_report = naive_seed_report()
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


def test_findings_do_not_depend_on_input_order() -> None:
    seed_graph = naive_seed_graph()
    rows = sorted(seed_graph, key=lambda t: tuple(str(x) for x in t))
    texts = set()
    for seed in (1, 2):
        random.Random(seed).shuffle(rows)
        store = ox.Store()
        nt = "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in rows)
        store.load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        texts.add(validate_store(store).to_text())
    assert len(texts) == 1


def _finding(**fields: Any) -> Finding:
    base = {
        "focus": "https://example.org/kg/person/ada",
        "value": None,
        "label": None,
        "rule": "R",
        "message": "m",
        "source": None,
        "severity": "Violation",
    }
    return Finding(**{**base, **fields})


def test_to_text_shortens_iris_and_names_a_lesser_severity() -> None:
    assert _finding().to_text() == "person/ada: m"
    assert (
        _finding(severity="Warning", value="x").to_text() == 'person/ada: warning: m [value: "x"]'
    )
    assert _finding(focus="https://e.org/x").to_text() == "https://e.org/x: m"  # too short to cut
    assert _finding(focus="_:b0", label="Ada").to_text() == '_:b0 "Ada": m'


def test_whole_graph_findings_are_about_the_value() -> None:
    finding = _finding(focus=GRAPH_NODE, value="https://example.org/kg/work/a")
    assert finding.node == "https://example.org/kg/work/a"
    assert finding.to_text() == "work/a: m"


def test_findings_are_sorted_by_source_path_then_line_number() -> None:
    raw = [
        RawResult(f"https://e.org/n/{i}", None, "R", "m", "Violation") for i in ("a", "b", "c", "d")
    ]
    described = {
        "https://e.org/n/a": (None, "p.txt:10"),
        "https://e.org/n/b": (None, "p.txt:9"),
        "https://e.org/n/c": (None, None),
        "https://e.org/n/d": (None, "a.txt:99"),
    }
    report = make_report(True, raw, described)
    assert [f.source for f in report.findings] == ["a.txt:99", "p.txt:9", "p.txt:10", None]
