"""The build: every input record accounted for, the report it writes, nothing half-written."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE_CONFIG, EXAMPLES
from typer.testing import CliRunner

from scholarkg import pipeline
from scholarkg.cli import app
from scholarkg.config import config_to_mapping
from scholarkg.errors import AccountingError, InputError, UsageError
from scholarkg.pipeline import BuildResult, build, build_config, load_report
from scholarkg.readers import expand_inputs
from scholarkg.readers.page import read_page
from scholarkg.rules import RULES_VERSION
from scholarkg.vocab import Minter

PAGES = EXAMPLES / "pages"
CONFIG = EXAMPLE_CONFIG


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    out = tmp_path_factory.mktemp("pipeline") / "out"
    return out, build([PAGES], out, CONFIG)


def _snapshot(out: Path) -> dict[str, bytes | None]:
    """Every file under a build folder with its bytes (None for folders)."""
    return {
        str(p.relative_to(out)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(out.rglob("*"))
    }


def test_every_listing_and_author_line_is_in_the_report(
    example: tuple[Path, BuildResult],
) -> None:
    out, result = example
    report = load_report(out)
    mint = Minter(CONFIG.base)
    profiles = [read_page(f) for f in expand_inputs([PAGES])]
    rejected = {r["source"] for r in report["rejected"]}
    listings = [str(li.source) for p in profiles for li in p.listings]
    authors = [str(a.source) for p in profiles for li in p.listings for a in li.authors]
    assert sorted(report["listings"]) == sorted(listings)
    assert all(v.startswith(mint.work("")) for v in report["listings"].values())
    for source in authors:
        assert source in report["mentions"] or source in rejected, source
    for p in profiles:
        assert report["mentions"][str(p.name_source)].startswith(mint.person(""))
    assert (result.listings, result.author_lines) == (len(listings), len(authors))


def test_report_summary_matches_the_result(example: tuple[Path, BuildResult]) -> None:
    out, result = example
    report = load_report(out)
    assert report["summary"] == {
        "files": result.files,
        "listings_read": result.listings,
        "author_lines_read": result.author_lines,
        "editor_lines_read": result.editor_lines,
        "profiles": result.files,
        "works": result.works,
        "listings_merged_into_other_listings": result.listings - result.works,
        "people": result.people,
        "rejected": result.rejected,
        "triples": result.triples,
    }
    assert len(set(report["listings"].values())) == result.works
    assert report["check"]["conforms"] is True and result.conforms is True
    assert set(report["timings_seconds"]) == {"read", "clean", "resolve", "map", "load", "check"}


def test_report_records_the_rules_version_and_config(example: tuple[Path, BuildResult]) -> None:
    out, _ = example
    report = load_report(out)
    assert report["rules_version"] == RULES_VERSION
    assert report["config"] == config_to_mapping(CONFIG)
    assert build_config(out) == CONFIG


def test_build_without_check_leaves_conformance_open(tmp_path: Path) -> None:
    result = build([PAGES / "razvan-pascanu.txt"], tmp_path / "out", CONFIG, check=False)
    report = load_report(tmp_path / "out")
    assert result.conforms is None and report["check"]["conforms"] is None
    assert "check" not in report["timings_seconds"]


def _failing(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("injected")


@pytest.mark.parametrize("stage", ["create_store", "_check", "_install"])
def test_a_failed_build_leaves_the_previous_one_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    out = tmp_path / "out"
    build([PAGES / "razvan-pascanu.txt"], out, CONFIG)
    before = _snapshot(out)
    monkeypatch.setattr(pipeline, stage, _failing)
    with pytest.raises(RuntimeError, match="injected"):
        build([PAGES], out, CONFIG)
    assert _snapshot(out) == before  # no temporary folder left, old build untouched


def test_a_record_lost_between_stages_is_an_accounting_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.resolve

    def losing(*args: Any, **kwargs: Any) -> Any:
        res = real(*args, **kwargs)
        lost = min(res.listing_to_work)
        kept = {k: v for k, v in res.listing_to_work.items() if k != lost}
        return replace(res, listing_to_work=kept)

    monkeypatch.setattr(pipeline, "resolve", losing)
    with pytest.raises(AccountingError, match="neither merged nor rejected"):
        build([PAGES], tmp_path / "out", CONFIG)
    assert not (tmp_path / "out").exists()


def test_no_build_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no build in"):
        load_report(tmp_path)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('{"config": {\n  "base": }\n', 2, "build report is not valid JSON"),
        ("", 1, "build report is not valid JSON"),
        ("[1, 2]\n", None, "build report is not a JSON object but list"),
    ],
)
def test_a_malformed_report_names_file_and_problem_and_says_rebuild(
    tmp_path: Path, text: str, line: int | None, problem: str
) -> None:
    (tmp_path / "report.json").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_report(tmp_path)
    assert (err.value.path, err.value.line) == (str(tmp_path / "report.json"), line)
    assert problem in str(err.value)
    assert err.value.hint == "rebuild it: `scholarkg build PAGES… --out DIR`"


def test_a_report_with_a_bad_config_is_an_input_error(tmp_path: Path) -> None:
    report = {"config": {"base": "https://kg.example.org/", "institute": {"name": 3}}}
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    with pytest.raises(InputError, match=r"build report's config: 'institute\.name' must be"):
        build_config(tmp_path)


def test_cli_on_a_malformed_report_exits_2(tmp_path: Path) -> None:
    """Regression: a truncated report.json gave a traceback and exit 1."""
    build([PAGES / "razvan-pascanu.txt"], tmp_path, CONFIG, check=False)
    (tmp_path / "report.json").write_text('{"config": ', encoding="utf-8")
    r = CliRunner().invoke(app, ["export", "--out", str(tmp_path)])
    assert r.exit_code == 2
    assert "report.json:1: build report is not valid JSON" in r.stderr
    assert "rebuild it" in r.stderr


def test_release_caches_empties_the_caches_of_text_itself() -> None:
    from scholarkg import text

    text.fold("Veličković")
    text.fold_tight("Veličković")
    assert text.fold.cache_info().currsize and text.fold_tight.cache_info().currsize
    pipeline.release_caches()
    assert text.fold.cache_info().currsize == 0
    assert text.fold_tight.cache_info().currsize == 0
