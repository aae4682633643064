"""The title-or-name benchmark reads every real title and name it says it reads."""

from __future__ import annotations

import json

import titles


def test_the_benchmark_sets_hold_every_title_and_name() -> None:
    assert len(titles.all_titles()) == 326
    assert len(titles.all_titles(fields=None)) == 535
    names = titles.all_names()
    assert len(names) == 8_398
    assert "Ting-Hao (Kenneth) Huang" in names


def test_the_halves_split_each_set_and_tally_counts_wrong_readings() -> None:
    items = {"Coastal Erosion": "x", "Ada Lovelace": "y", "Chi-shing Wang": "z"}
    tally = titles.measure(items, "title")
    assert tally.total["all"] == 3 == tally.total["A"] + tally.total["B"]
    wrong = {t for t, _ in tally.wrong["all"]}
    assert wrong == {"Ada Lovelace", "Chi-shing Wang"}


def test_the_worlds_tally_counts_every_author_and_title_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from titles_worlds import markdown, tally_worlds

    (acl,) = tally_worlds(200, seed=3, work=tmp_path, names=["acl"])
    truth = json.loads(next(tmp_path.glob("acl-200-3/truth.json")).read_text(encoding="utf-8"))
    assert acl.title_lines == 200 == truth["summary"]["listings"]
    assert acl.author_lines == truth["summary"]["author_lines"]
    assert "| acl |" in markdown([acl], 200, 3)
