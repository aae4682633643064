"""explain: every record merged into a node, the evidence that joined them, from the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_CONFIG, EXAMPLES
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.errors import InputError, UsageError
from scholarkg.explain import explain
from scholarkg.pipeline import build


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("explain") / "out"
    build([EXAMPLES / "pages"], folder, EXAMPLE_CONFIG, check=False)
    return folder


def test_a_person_shows_every_printing_and_why_each_joined(out: Path) -> None:
    (okafor,) = explain("Bill Okafor", out)
    assert okafor.name == "William J. Okafor"
    assert sorted(p for _, p in okafor.records) == [
        "Bill Okafor",
        "W. Okafor",
        "William J. Okafor",
        "William Okafor",
    ]
    # every record is reached by a join, and each join says why
    reached = {a for a, *_ in okafor.joins} | {b for _, b, _ in okafor.joins}
    assert reached == {src for src, _ in okafor.records}
    evidence = " ".join(ev for *_, evs in okafor.joins for ev in evs)
    assert "shared paper" in evidence
    assert all(a != b and evs for a, b, evs in okafor.joins)


def test_a_repaired_printing_says_so(out: Path) -> None:
    (helene,) = explain("Helene Lefevre", out)
    evidence = {ev for *_, evs in helene.joins for ev in evs}
    assert evidence & {"same name once repaired (LaTeX, accents or case)", "same paper (+4.0)"}


def test_a_node_by_its_key_or_iri(out: Path) -> None:
    (person,) = explain("razvan-pascanu", out)
    assert (person.kind, person.name) == ("person", "Razvan Pascanu")
    (by_iri,) = explain(f"{EXAMPLE_CONFIG.base}person/razvan-pascanu", out)
    assert by_iri == person


def test_unknown_names_and_missing_builds_are_typed_errors(out: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no person or paper is named 'Nobody'"):
        explain("Nobody", out)
    with pytest.raises(InputError, match="no evidence saved with this build"):
        explain("Ada", tmp_path)


def test_cli_explain_prints_the_records_and_exits_2_on_an_unknown_name(out: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["explain", "Bill Okafor", "--out", str(out)])
    assert ok.exit_code == 0
    assert ok.stdout.startswith("person William J. Okafor (william-j-okafor)\n4 source record(s):")
    bad = runner.invoke(app, ["explain", "Nobody", "--out", str(out)])
    assert bad.exit_code == 2
    assert "no person or paper is named 'Nobody'" in bad.stderr


def test_a_paper_listed_on_several_pages_shows_each_listing_and_the_same_title(out: Path) -> None:
    import json

    lines = (out / "evidence.jsonl").read_text(encoding="utf-8").splitlines()
    merged = [r for r in map(json.loads, lines) if r["kind"] == "paper" and len(r["records"]) > 1]
    assert merged, "the examples hold papers listed on several pages"
    (paper,) = explain(merged[0]["name"], out)
    assert paper.kind == "paper"
    assert len(paper.joins) == len(paper.records) - 1
    assert all(evs and evs[0] in ("same title", "version title") for *_, evs in paper.joins)


def test_the_saved_evidence_is_the_same_for_the_same_input(out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build([EXAMPLES / "pages"], again, EXAMPLE_CONFIG, check=False)
    assert (again / "evidence.jsonl").read_bytes() == (out / "evidence.jsonl").read_bytes()
