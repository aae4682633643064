"""Resolution quality on a small generated institute, scored against its ground truth.

The generator (benchmarks/generate.py) writes pages with every kind of mess and the truth of
who is who; benchmarks/quality.py scores pairwise precision and recall. The floors are the
values measured when this test was written (seed 7, 2,000 listings: people 0.989 / 0.998,
papers 1.000 / 0.996) less a small margin, so a regression in any rule fails here.
"""

from __future__ import annotations

from pathlib import Path

from conftest import CONFIG

from scholarkg.pipeline import build


def test_resolution_quality_on_a_generated_institute(tmp_path: Path) -> None:
    from generate import generate
    from quality import load_report, pairwise_scores

    truth = generate(tmp_path / "inst", 2000, seed=7)
    result = build([tmp_path / "inst" / "pages"], tmp_path / "out", CONFIG)
    assert result.conforms is True
    assert result.rejected == 0
    scores = pairwise_scores(truth.truth_path, load_report(tmp_path / "out" / "report.json"))
    assert scores.people.missing == 0 and scores.papers.missing == 0
    assert scores.unmatched == 0
    assert scores.people.precision >= 0.985
    assert scores.people.recall >= 0.99
    assert scores.papers.precision >= 0.995
    assert scores.papers.recall >= 0.99
