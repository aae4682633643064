"""The resolution and repair rules on pages that have nothing to do with the seed page.

Each folder in ``tests/cases/generalize/`` is one case: one to three small profile pages and an
``expected.json`` that says what the graph must hold:

``names``           the canonical name of every person, exactly (so also how many people)
``papers_titles``   every paper as the set of its titles (``schema:name`` + ``alternateName``)
``alternate_names`` ``schema:alternateName`` of the people named; everyone else has none
``printed_forms``   ``skg:printedForm`` texts of the people named, exactly
``about``           what the case shows; ``xfail`` the pipeline bug that makes it fail, if any

The case is built through the library (``scholarkg.build``) and read back with SPARQL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import CASES, CONFIG

from scholarkg import build, open_build
from scholarkg.store import select

GENERALIZE = CASES / "generalize"
SCHEMA = "http://schema.org/"
SKG = "https://w3id.org/scholarkg/ns#"


def _cases() -> list[Any]:
    params = []
    for folder in sorted(p for p in GENERALIZE.iterdir() if p.is_dir()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        marks = []
        if "xfail" in expected:
            marks.append(pytest.mark.xfail(strict=True, reason=expected["xfail"]))
        params.append(pytest.param(folder, expected, id=folder.name, marks=marks))
    return params


def _graph(folder: Path, out: Path) -> dict[str, Any]:
    result = build([folder], out_dir=out, config=CONFIG)
    store = open_build(out)
    people: dict[str, dict[str, Any]] = {}
    rows = select(
        store,
        f"""SELECT ?p ?name ?alt WHERE {{
          ?p a <{SCHEMA}Person> ; <{SCHEMA}name> ?name .
          OPTIONAL {{ ?p <{SCHEMA}alternateName> ?alt }}
        }}""",
    )
    for r in rows:
        person = people.setdefault(r["p"], {"name": r["name"], "alts": set(), "printed": set()})
        if r["alt"] is not None:
            person["alts"].add(r["alt"])
    rows = select(
        store,
        f"""SELECT ?p ?text WHERE {{
          ?p a <{SCHEMA}Person> ; <{SKG}printedForm> ?f . ?f <{SKG}text> ?text .
        }}""",
    )
    for r in rows:
        people[r["p"]]["printed"].add(r["text"])
    papers: dict[str, set[str]] = {}
    rows = select(
        store,
        f"""SELECT ?w ?t WHERE {{
          ?w a <{SCHEMA}ScholarlyArticle> .
          {{ ?w <{SCHEMA}name> ?t }} UNION {{ ?w <{SCHEMA}alternateName> ?t }}
        }}""",
    )
    for r in rows:
        papers.setdefault(r["w"], set()).add(r["t"])
    return {"result": result, "people": list(people.values()), "papers": list(papers.values())}


def test_every_case_folder_has_pages_and_a_consistent_expectation() -> None:
    folders = [p for p in GENERALIZE.iterdir() if p.is_dir()]
    assert len(folders) >= 20
    for folder in folders:
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        assert list(folder.glob("*.txt")), folder.name
        assert expected["people"] == len(expected["names"]) == len(set(expected["names"]))
        assert expected["papers"] == len(expected["papers_titles"])
        assert set(expected["alternate_names"]) <= set(expected["names"]), folder.name
        assert set(expected["printed_forms"]) <= set(expected["names"]), folder.name
        assert expected["about"].strip(), folder.name


@pytest.mark.parametrize(("folder", "expected"), _cases())
def test_case(folder: Path, expected: dict[str, Any], tmp_path: Path) -> None:
    graph = _graph(folder, tmp_path / "out")
    result = graph["result"]
    assert result.rejected == 0
    assert result.conforms is True

    names = sorted(p["name"] for p in graph["people"])
    assert names == sorted(expected["names"])
    assert result.people == expected["people"]

    papers = sorted(sorted(titles) for titles in graph["papers"])
    assert papers == sorted(sorted(titles) for titles in expected["papers_titles"])
    assert result.works == expected["papers"]

    by_name = {p["name"]: p for p in graph["people"]}
    alternates = {n: sorted(p["alts"]) for n, p in by_name.items() if p["alts"]}
    assert alternates == {n: sorted(a) for n, a in expected["alternate_names"].items()}
    for name, printed in expected["printed_forms"].items():
        assert sorted(by_name[name]["printed"]) == sorted(printed), name
