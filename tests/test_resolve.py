"""Resolution: versions of one paper join, similar papers do not; the seams of person resolution
(candidates, evidence, acceptance, merging); local names minted by vocab."""

from __future__ import annotations

import pytest

from scholarkg.names import Compat, name_key, parse_name
from scholarkg.records import SourceRef
from scholarkg.resolve import is_version_title
from scholarkg.resolve.blocks import candidate_pairs
from scholarkg.resolve.cluster import accepted_pairs, merge_accepted
from scholarkg.resolve.evidence import Context, pair_evidence
from scholarkg.resolve.state import Form
from scholarkg.rules import SAME_LISTING_BONUS, SHARED_COAUTHOR_WEIGHT, SHARED_WORK_WEIGHT
from scholarkg.vocab import PersonFacts, WorkFacts, person_local_names, work_local_names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "NoProp: Training Neural Networks without Back-propagation or Forward-propagation",
            "NoProp: Training Neural Networks without Full Back-propagation or Full "
            "Forward-propagation",
        ),
        (
            "Scalable curriculum learning for autoregressive models",
            "Scalable curriculum learning for autoregressive models: A simple baseline",
        ),
        (
            "Benchmarking GFlowNets on the Open Graph Benchmark",
            "Benchmarking GFlowNets on the Open Graph Benchmark: Lessons for image segmentation",
        ),
        ("Towards Robust Message Passing on Graphs", "Robust Message Passing on Graphs"),
    ],
)
def test_versions_of_one_paper(a: str, b: str) -> None:
    assert is_version_title(a, b)
    assert is_version_title(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deep Message Passing: Part I", "Deep Message Passing: Part II"),
        ("Deep Message Passing", "Deep Message Passing: Part II"),
        ("Attention is all you need", "Attention is not all you need"),
        ("Graph Networks for Robot Coordination", "Graph Networks for Robot Exploration"),
        ("Scaling Laws for Language Models", "Scaling Laws for Language Models for Code"),
        ("Scaling Laws for Language Models", "Scaling Laws for Language Models 2"),
    ],
)
def test_different_papers(a: str, b: str) -> None:
    assert not is_version_title(a, b)
    assert not is_version_title(b, a)


# ---------------------------------------------------------------- the seams of person resolution


def _forms(*names: str) -> list[Form]:
    return [Form(name_key(parse_name(n)), parse_name(n)) for n in names]


def test_candidates_share_a_block_and_never_conflict() -> None:
    forms = _forms("Wei Wang", "Wen Wang", "W. Wang", "Ada Lovelace")
    pairs = dict(candidate_pairs(forms))
    assert (0, 1) not in pairs  # Wei / Wen: a conflict is never a candidate
    assert pairs[(0, 2)] == pairs[(1, 2)] == Compat.WEAK  # an initial fits either
    assert all(3 not in pair for pair in pairs)  # another block entirely


def test_evidence_weighs_papers_coauthors_and_the_same_listing_by_the_rules() -> None:
    ctx = Context(
        own_key=["wang/w", "wang/w"],
        works=[{1, 2}, {2}],
        coauthors=[{"wang/w", "smith/j", "doe/a"}, {"wang/w", "smith/j"}],
        same_listing={(0, 1)},
    )
    expected = SHARED_WORK_WEIGHT * 1 + SHARED_COAUTHOR_WEIGHT * 1 + SAME_LISTING_BONUS
    assert pair_evidence(ctx, (0, 1)) == expected
    ctx.same_listing.clear()
    assert pair_evidence(ctx, (0, 1)) == SHARED_WORK_WEIGHT + SHARED_COAUTHOR_WEIGHT


def test_an_initial_without_context_joins_no_one() -> None:
    forms = _forms("Wei Wang", "W. Wang")
    assert accepted_pairs(forms, {(0, 1): (int(Compat.WEAK), 0)}) == []
    assert accepted_pairs(forms, {(0, 1): (int(Compat.WEAK), 3)}) == [(0, 1)]


def test_an_initial_two_people_fit_as_well_stays_apart() -> None:
    forms = _forms("Wei Wang", "Wen Wang", "W. Wang")
    tie = {(0, 2): (int(Compat.WEAK), 3), (1, 2): (int(Compat.WEAK), 3)}
    assert accepted_pairs(forms, tie) == []
    backed = {(0, 2): (int(Compat.WEAK), 6), (1, 2): (int(Compat.WEAK), 3)}
    assert accepted_pairs(forms, backed) == [(0, 2)]


def test_merging_never_joins_conflicting_names_through_a_third() -> None:
    forms = _forms("Wei Wang", "Wen Wang", "W. Wang")
    uf = merge_accepted(forms, [(0, 2), (1, 2)])
    assert uf.find(0) == uf.find(2) != uf.find(1)


# ---------------------------------------------------------------- local names (minted in vocab)


def test_namesakes_are_numbered_in_order_of_first_source() -> None:
    names = person_local_names(
        {
            7: PersonFacts("Wei Wang", SourceRef("b.txt", 1)),
            3: PersonFacts("Wéi Wang", SourceRef("a.txt", 9)),
            5: PersonFacts("Ada Lovelace", SourceRef("a.txt", 2)),
        }
    )
    assert names == {3: "wei-wang", 7: "wei-wang-2", 5: "ada-lovelace"}


def test_a_paper_name_hashes_its_doi_before_its_title() -> None:
    src = SourceRef("a.txt", 1)
    with_doi = WorkFacts("Deep Nets", "deepnets", "10.1/x", "2101.00001", src)
    same_doi = WorkFacts("Deep Nets, Revised", "deepnetsrevised", "10.1/x", None, src)
    no_ids = WorkFacts("Deep Nets", "deepnets", None, None, src)
    a, b, c = (work_local_names({0: f})[0] for f in (with_doi, same_doi, no_ids))
    assert a.startswith("deep-nets-") and b.startswith("deep-nets-revised-")
    assert a.rsplit("-", 1)[1] == b.rsplit("-", 1)[1] != c.rsplit("-", 1)[1]
