"""benchmarks/run.py: the per-world quality table renders every figure, and says so when
splink was stopped by its time limit."""

from __future__ import annotations

from typing import Any

from run import QUALITY_MARK, render_quality, splice

SUMMARY = {
    "pages": 3,
    "author_lines": 40,
    "persons": 20,
    "namesake_groups": 2,
    "indistinguishable_persons": 1,
    "indistinguishable_mentions": 4,
}
FIGURES: dict[str, Any] = {
    "b3_p": 0.9, "b3_r": 0.8, "b3_f1": 0.847, "pw_p": 0.95, "pw_r": 0.75, "sep_b3_f1": 0.9,
    "sep_pw_p": 0.97, "sep_pw_r": 0.8, "nodes": 22, "people": 20, "missing": 1, "exact": 7,
    "papers": 10, "authors_as_titles": 1, "titles_as_authors": 2, "process_s": 3.0,
    "resolve_s": 1.5,
}  # fmt: skip


def test_render_quality_rows() -> None:
    ours = dict(
        FIGURES, papers_b3_f1=0.99, papers_pw_p=1.0, papers_pw_r=0.98, conforms=True, peak_mb=1.0
    )
    rows = [
        {"world": "heldout", "listings": 10, "summary": SUMMARY, "ours": ours,
         "splink": {"timeout_s": 900.4}},
        {"world": "dense", "listings": 10, "summary": SUMMARY, "ours": ours,
         "splink": dict(FIGURES, version="5.0.0", threshold=0.95),
         "ours_before": dict(ours, b3_f1=0.5), "before_label": "scholarkg before"},
    ]  # fmt: skip
    text = render_quality(rows, seed=0)
    assert text.startswith(QUALITY_MARK)
    table = [ln for ln in text.splitlines() if ln.startswith(("| dense", "| heldout"))]
    # the held-out world comes last, whatever the order of the rows
    assert [ln.split(" | ")[0] for ln in table[:2]] == ["| dense", "| heldout"]
    assert "| dense | 10 | splink | 0.9000 | 0.8000 | **0.8470** | 0.9500 | 0.7500 |" in text
    assert "22 / 20 | 7 / 10 | 1 | 1.50 | 3.00 |" in text
    assert "| heldout | 10 | splink | stopped after 900 s (time limit) |" in text
    assert "splink 5.0.0 (DuckDB backend)" in text
    assert "| dense | 10 | scholarkg before | 0.9000 | 0.8000 | **0.5000** |" in text


def test_a_new_quality_table_keeps_the_sections_after_it() -> None:
    after = "## Exports\n\nexports\n\n## Push\n\npush\n"
    old = f"# R\n\nsystem\n\n{QUALITY_MARK}\n\nold table\n\n{after}"
    text = splice(old, None, f"{QUALITY_MARK}\n\nnew table\n")
    assert text == f"# R\n\nsystem\n\n{QUALITY_MARK}\n\nnew table\n\n{after}"
    assert splice(old, None, None) == old  # nothing run: nothing changes
