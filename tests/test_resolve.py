"""Resolution: versions of one paper join, similar papers do not; the seams of person resolution
(candidates, evidence, acceptance, merging); local names minted by vocab."""

from __future__ import annotations

import pytest

from scholarkg import rules
from scholarkg.names import Compat, compare, name_key, parse_name
from scholarkg.population import expected_namesakes
from scholarkg.records import SourceRef
from scholarkg.resolve import is_version_title
from scholarkg.resolve.blocks import candidate_pairs, strong_keys
from scholarkg.resolve.evidence import (
    coauthor_weight,
    context_terms,
    name_prior,
    name_priors,
    name_term,
)
from scholarkg.resolve.state import Form
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


def test_without_context_only_names_that_can_agree_strongly_are_candidates() -> None:
    forms = _forms("Wei Wang", "W. Wang", "Wei X. Wang", "J. Robert Smith", "Robert Smith")
    alone = dict(candidate_pairs(forms, related=lambda a, b: False))
    assert (0, 1) not in alone  # an initial fits, weakly: nothing to score it with
    assert alone[(0, 2)] == Compat.STRONG
    assert alone[(3, 4)] >= Compat.STRONG  # after a leading initial
    together = dict(candidate_pairs(forms, related=lambda a, b: True))
    assert together == dict(candidate_pairs(forms))
    assert together[(0, 1)] == Compat.WEAK


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Emma Nilsson", "Emma Hamström Nilsson"),
        ("Duc Dinh", "Đức Hữu Đinh"),
        ("Sebastian Lora", "Sebasti'an A. Lora"),
        ("Andreas Kühn", "Andreas Kuehn"),
        ("André Valeiro-Valo", "André Valeiro Valo"),
        ("Paula Blanco Pérez", "Paula Blanco-Pérez"),
        ("Y.W. Chan", "Y. Chan"),
        ("W. Bruce Croft", "Bruce Croft"),
        ("Albert (Skip) Rizzo", "Skip Rizzo"),
        ("Solomon Teferra Abate", "Solomon Teferra-Abate"),
    ],
)
def test_names_that_agree_strongly_share_a_strong_key(a: str, b: str) -> None:
    na, nb = parse_name(a), parse_name(b)
    assert compare(na, nb) >= Compat.STRONG
    assert strong_keys(na) & strong_keys(nb)


def test_evidence_weighs_papers_coauthors_and_the_same_listing_by_the_rules() -> None:
    terms = context_terms(True, 1, [("smith/j", 2.0), ("doe/a", 0.0)], False)
    assert terms == [
        ("same listing", rules.SAME_LISTING),
        ("shared paper", rules.SHARED_WORK),
        ("coauthors smith/j", 2.0),
    ]
    many = context_terms(False, 5, [("smith/j", rules.CONTEXT_CAP)] * 3, True)
    assert dict(many)["shared paper"] == rules.SHARED_WORK * rules.SHARED_WORK_MAX
    assert dict(many)["coauthors smith/j, smith/j, smith/j"] == rules.CONTEXT_CAP
    assert dict(many)["same page"] == rules.SAME_PAGE


def test_a_rare_coauthor_weighs_more_than_a_busy_one() -> None:
    rare, busy = coauthor_weight(2, 10_000), coauthor_weight(500, 10_000)
    assert rules.COAUTHOR_CAP >= rare > busy >= 0
    # a group on many listings meets a busy coauthor by chance
    assert coauthor_weight(50, 10_000, span=100) < coauthor_weight(50, 10_000)


def test_an_initial_without_context_cannot_reach_a_join() -> None:
    _name, weak = name_term(rules.NAME_CAP, rules.NAME_CAP, strong=False)
    assert weak <= rules.WEAK_CAP < rules.JOIN
    _name, strong = name_term(rules.NAME_CAP, -1.0, strong=True)
    assert strong == -1.0 - rules.STRONG_COST  # the more common name decides


def test_a_common_name_has_a_lower_prior_than_a_rare_one() -> None:
    common = name_prior(expected_namesakes(parse_name("Wei Wang"), 100_000))
    rare = name_prior(expected_namesakes(parse_name("Razvan Pascanu"), 100_000))
    assert common < rare == rules.NAME_CAP
    # a dense input: Charles Ahn where Charles B. Ahn and Charles K. Ahn are printed too
    bare, *_ = name_priors(
        [parse_name(n) for n in ("Charles Ahn", "Charles B. Ahn", "Charles K. Ahn")]
    )
    assert bare <= name_prior(1.0) == 0.0


def test_an_initial_is_as_common_as_the_full_names_it_stands_for() -> None:
    names = ["J. Xu", "Jing Xu", "Jun Xu", "Jian Xu", "J.-W. Moon", "J.-H. Moon", "J. Moon"]
    names.append("A. Ko")
    xu, *_, moon, ko = name_priors([parse_name(n) for n in names])
    assert xu <= name_prior(2.0) < 0  # three J-names printed with Xu: J. Xu is any of them
    assert moon <= name_prior(1.0)  # J.-W. and J.-H. Moon are two people
    alone, *_ = name_priors([parse_name(n) for n in ("J. Xu", "Jing Xu", "Ana Ortiz")])
    assert alone > 0 and ko > 0  # one full name behind the initial (or none): the world decides


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
