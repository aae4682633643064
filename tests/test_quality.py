"""benchmarks/quality.py: B-cubed on tiny hand-made clusterings, and a quality floor per world.

The floors are what the resolver on main measured when they were set (scored evidence and
agglomerative clustering, RULES_VERSION 2026.12.2; seed 7, 1,000 listings per world;
people B-cubed F1, pairwise precision and recall, papers B-cubed F1, all as printed in the
table below) less a margin of about 0.01, so that a regression in any rule fails here. Raise a
floor when resolution improves; never lower one to make a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CONFIG
from test_generate import TINY

from scholarkg.pipeline import build

# -- B-cubed and the other figures on tiny clusterings ---------------------------------

# TINY: the two hand-made pages of tests/test_generate.py, with their truth
# people: pA = {1:3, 1:14, 2:13}, pB = {1:13, 2:3}, pC = {2:15}; 6 mentions
# papers: w1 = {1:12, 2:12} with authors pA (both owners' lines count) and pB; w2 = {1:15}
# (pA alone); w3 = {2:14} (pB, pC)
PEOPLE = {
    "pages/0001.txt:3": "A", "pages/0001.txt:14": "A", "pages/0002.txt:13": "A",
    "pages/0001.txt:13": "B", "pages/0002.txt:3": "B", "pages/0002.txt:15": "C",
}  # fmt: skip
PAPERS = {
    "pages/0001.txt:12": "W1", "pages/0002.txt:12": "W1",
    "pages/0001.txt:15": "W2", "pages/0002.txt:14": "W3",
}  # fmt: skip


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "truth.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in TINY), encoding="utf-8")
    return path


def _score(truth: Path, people: dict[str, str], papers: dict[str, str] = PAPERS):  # type: ignore[no-untyped-def]
    from quality import score_sections

    return score_sections(truth, people, papers)


def test_perfect_clustering_scores_one_everywhere(tiny: Path) -> None:
    s = _score(tiny, PEOPLE)
    for kind in (s.people, s.papers):
        assert kind.b3_precision == kind.b3_recall == kind.b3_f1 == 1.0
        assert kind.precision == kind.recall == 1.0
    assert (s.person_nodes, s.true_people) == (3, 3)
    assert (s.author_lists_exact, s.papers_total) == (3, 3)


def test_b3_of_a_merge_of_two_people(tiny: Path) -> None:
    merged = {k: "AB" if v in ("A", "B") else v for k, v in PEOPLE.items()}
    people = _score(tiny, merged).people
    # pA's 3 mentions: 3/5 each; pB's 2: 2/5 each; pC: 1 -> (1.8 + 0.8 + 1) / 6 = 0.6
    assert people.b3_precision == pytest.approx(0.6)
    assert people.b3_recall == 1.0
    assert people.b3_f1 == pytest.approx(0.75)


def test_b3_of_a_split_of_one_person(tiny: Path) -> None:
    split = dict(PEOPLE, **{"pages/0002.txt:13": "A2"})
    people = _score(tiny, split).people
    # pA: 2/3 + 2/3 + 1/3, pB: 1 + 1, pC: 1 -> (14/3) / 6 = 7/9
    assert people.b3_precision == 1.0
    assert people.b3_recall == pytest.approx(7 / 9)
    assert people.b3_f1 == pytest.approx(2 * (7 / 9) / (1 + 7 / 9))


def test_b3_of_one_cluster_for_everyone(tiny: Path) -> None:
    people = _score(tiny, dict.fromkeys(PEOPLE, "X")).people
    assert people.b3_precision == pytest.approx((9 + 4 + 1) / 36)  # sum n_i^2 / 6 / 6
    assert people.b3_recall == 1.0
    assert people.predicted_clusters == 1


def test_a_missing_mention_is_a_singleton(tiny: Path) -> None:
    partial = {k: v for k, v in PEOPLE.items() if k != "pages/0002.txt:13"}
    people = _score(tiny, partial).people
    assert people.missing == 1
    assert people.b3_precision == 1.0
    # pA: 2/3 + 2/3 (the two kept) + 1/3 (the missing one alone) -> same as the split
    assert people.b3_recall == pytest.approx(7 / 9)


def test_author_lists_exactly_right(tiny: Path) -> None:
    split = dict(PEOPLE, **{"pages/0002.txt:13": "A2"})  # pA's node is A; w1 has 2:13 in A2
    assert _score(tiny, split).author_lists_exact == 2  # w2, w3
    merged = {k: "AB" if v in ("A", "B") else v for k, v in PEOPLE.items()}
    assert _score(tiny, merged).author_lists_exact == 1  # AB is pA's node: only w2 holds
    papers = dict(PAPERS, **{"pages/0002.txt:14": "W2"})  # w2 and w3 one paper
    assert _score(tiny, PEOPLE, papers).author_lists_exact == 1  # only w1
    assert _score(tiny, PEOPLE, papers).person_nodes == 3


def test_an_author_line_read_as_a_title_is_counted(tiny: Path) -> None:
    people = {k: v for k, v in PEOPLE.items() if k != "pages/0002.txt:15"}
    papers = dict(PAPERS, **{"pages/0002.txt:15": "W9"})
    s = _score(tiny, people, papers)
    assert s.authors_read_as_titles == 1
    assert s.people.missing == 1
    assert s.unmatched == 0
    assert s.person_nodes == 3  # the lost mention still counts as a node of its own


def test_scores_without_indistinguishable_namesakes(tmp_path: Path, tiny: Path) -> None:
    header = {"pages_truth": tiny.name, "indistinguishable": ["pB"]}
    (tmp_path / "truth.json").write_text(json.dumps(header), encoding="utf-8")
    merged = {k: "AB" if v in ("A", "B") else v for k, v in PEOPLE.items()}
    s = _score(tmp_path / "truth.json", merged)
    assert s.indistinguishable_persons == 1
    assert s.people_separable is not None
    assert s.people_separable.items == 4  # pB's two mentions left out
    assert s.people_separable.b3_precision == 1.0  # AB restricted to pA's mentions
    assert s.people.b3_precision == pytest.approx(0.6)
    assert _score(tiny, merged).people_separable is None  # no header: nothing to leave out


def test_score_reads_a_report(tmp_path: Path, tiny: Path) -> None:
    from quality import score

    report = tmp_path / "report.json"
    report.write_text(json.dumps({"mentions": PEOPLE, "listings": PAPERS}), encoding="utf-8")
    s = score(tiny, report)
    assert s.people.b3_f1 == s.papers.b3_f1 == 1.0


# -- a floor per world ---------------------------------------------------------------------

LISTINGS = 1000
# world: (people B3 F1, people pairwise precision, recall, papers B3 F1); measured values in
# the comment, floor = measured less ~0.01
FLOORS = {
    "default": (0.98, 0.97, 0.98, 0.99),  # 0.9896 0.9834 0.9913 1.0000
    "population": (0.97, 0.965, 0.96, 0.985),  # 0.9803 0.9777 0.9724 0.9958
    "dense": (0.965, 0.95, 0.975, 0.985),  # 0.9772 0.9585 0.9880 0.9971
    "namesakes": (0.95, 0.89, 0.98, 0.98),  # 0.9594 0.9016 0.9934 0.9948
    "double": (0.915, 0.80, 0.94, 0.985),  # 0.9248 0.8131 0.9535 0.9978
    "acl": (0.96, 0.98, 0.93, 0.985),  # 0.9743 0.9934 0.9412 0.9978
    "heldout": (0.915, 0.85, 0.92, 0.98),  # 0.9286 0.8631 0.9363 0.9947
}


@pytest.mark.parametrize("world", sorted(FLOORS))
def test_resolution_quality_floor(world: str, tmp_path: Path) -> None:
    from quality import score
    from worlds import WORLDS, generate_world

    assert set(FLOORS) == set(WORLDS)  # every world has a floor
    truth = generate_world(world, tmp_path / "inst", LISTINGS, seed=7)
    result = build([tmp_path / "inst" / "pages"], tmp_path / "out", CONFIG)
    assert result.conforms is True
    s = score(truth.truth_path, tmp_path / "out" / "report.json")
    assert s.unmatched == 0
    got = (s.people.b3_f1, s.people.precision, s.people.recall, s.papers.b3_f1)
    names = ("people B3 F1", "people pairwise precision", "people pairwise recall", "papers B3 F1")
    low = [
        f"{name} {g:.4f} < {f}"
        for name, g, f in zip(names, got, FLOORS[world], strict=True)
        if g < f
    ]
    assert not low, f"{world}: " + "; ".join(low)
