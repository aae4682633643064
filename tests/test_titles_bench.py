"""The title-or-name benchmark reads every real title and name it says it reads."""

from __future__ import annotations

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
