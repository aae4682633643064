"""Tagging: a work gets a topic of a member who lists it only where its text says so, with the
evidence (matched text, rule, field)."""

from __future__ import annotations

import pytest

from scholarkg.records import (
    CleanListing,
    CleanProfile,
    Mention,
    PersonName,
    Resolution,
    SourceRef,
    TopicTag,
    Work,
)
from scholarkg.tag import KNOWN_ABBREVIATIONS, singular, tag_works

WORDS = "topic words in the text"


def _profile(path: str, topics: tuple[str, ...], lines: tuple[int, ...]) -> CleanProfile:
    owner = Mention("Ada Byron", PersonName(("Ada",), "Byron"), False, SourceRef(path, 1), True)
    listings = tuple(
        CleanListing(f"title {n}", (owner,), None, SourceRef(path, n), owner) for n in lines
    )
    return CleanProfile(path, owner, None, None, None, topics, listings)


def _work(key: str, title: str, abstract: str | None = None, alt: tuple[str, ...] = ()) -> Work:
    return Work(key, title, alt, abstract, ("ada",), (SourceRef("a.txt", 2),))


def _tag_one(
    topics: tuple[str, ...], title: str, abstract: str | None = None, alt: tuple[str, ...] = ()
) -> tuple[TopicTag, ...]:
    """The tags of one work titled ``title``, listed by one member with ``topics``."""
    work = _work("w", title, abstract, alt)
    res = Resolution((), (work,), {SourceRef("a.txt", 2): "w"})
    (tagged,) = tag_works(res, [_profile("a.txt", topics, (2,))]).works
    return tagged.topics


def test_topic_words_in_the_title() -> None:
    tags = _tag_one(("Neural Networks",), "Training Neural Networks at Scale")
    assert tags == (TopicTag("Neural Networks", "Neural Networks", WORDS, "title"),)


@pytest.mark.parametrize(
    ("topic", "title", "matched"),
    [
        ("Neural Networks", "Pruning a neural network", "neural network"),  # case, plural
        ("Neural Network", "Sparse Neural Networks", "Neural Networks"),
        ("Self-Supervised Learning", "Self supervised learning now", "Self supervised learning"),
        ("Multi Task Learning", "Multi-task learning revisited", "Multi-task learning"),
        ("Causal Inference", "CAUSAL INFERENCE FROM TEXT", "CAUSAL INFERENCE"),
        ("Bayesian Optimisation", "Bayésian optimisation", "Bayésian optimisation"),  # accents
        ("Case Studies", "A case study in robotics", "case study"),  # studies → study
    ],
)
def test_topic_words_match_aside_from_case_accents_hyphens_and_plurals(
    topic: str, title: str, matched: str
) -> None:
    assert _tag_one((topic,), title) == (TopicTag(topic, matched, WORDS, "title"),)


@pytest.mark.parametrize(
    ("topic", "title"),
    [
        ("Neural Networks", "Networks of neural populations"),  # words out of order
        ("Neural Networks", "Neural tangent networks"),  # words apart
        ("Reinforcement Learning", "Learning to reinforce"),
        ("Computer Vision", "Large language models"),  # nothing of it
        ("Graph", "Graphene sheets"),  # a word is matched whole, not as a prefix
    ],
)
def test_no_tag_where_the_text_does_not_say_so(topic: str, title: str) -> None:
    assert _tag_one((topic,), title) == ()


@pytest.mark.parametrize(
    ("topic", "title", "matched", "abbr"),
    [
        ("Reinforcement Learning", "RL Fine-tuning of Language Models", "RL", "RL"),
        ("Large Language Models", "Do LLMs plan?", "LLMs", "LLM"),  # plural abbreviation
        ("Graph Neural Networks", "Explaining GNN predictions", "GNN", "GNN"),
        ("Reinforcement Learning", "RL-based control", "RL", "RL"),
    ],
)
def test_known_abbreviation_in_capitals(topic: str, title: str, matched: str, abbr: str) -> None:
    rule = f"known abbreviation {abbr} ({KNOWN_ABBREVIATIONS[abbr]})"
    assert _tag_one((topic,), title) == (TopicTag(topic, matched, rule, "title"),)


@pytest.mark.parametrize(
    ("topic", "title"),
    [
        ("Reinforcement Learning", "An rl agent"),  # not in capitals
        ("Reinforcement Learning", "CURL: contrastive features"),  # inside a word
        ("Reinforcement Learning", "Deep-RL agents"),  # the tail of a hyphenated word
        ("Representation Learning", "RL for robots"),  # initials collide: RL is not this topic's
    ],
)
def test_no_tag_from_an_abbreviation_that_does_not_stand_alone_for_the_topic(
    topic: str, title: str
) -> None:
    assert _tag_one((topic,), title) == ()


def test_evidence_names_the_field_it_was_found_in() -> None:
    abstract = "We study continual learning in agents that never stop."
    tags = _tag_one(("Continual Learning",), "Agents that never stop", abstract)
    assert tags == (TopicTag("Continual Learning", "continual learning", WORDS, "abstract"),)


def test_the_title_is_searched_before_the_abstract() -> None:
    tags = _tag_one(("Meta Learning",), "Meta-Learning at scale", "We use meta learning.")
    assert tags == (TopicTag("Meta Learning", "Meta-Learning", WORDS, "title"),)


def test_an_alternate_title_is_evidence_from_the_title() -> None:
    tags = _tag_one(("Speech Recognition",), "Listen!", alt=("Listening: speech recognition",))
    assert tags == (TopicTag("Speech Recognition", "speech recognition", WORDS, "title"),)


def test_tags_are_sorted_by_topic_and_each_topic_is_tagged_once() -> None:
    topics = ("Vision", "Reinforcement Learning", "Robotics")
    tags = _tag_one(topics, "Robotics and RL: reinforcement learning for robotics")
    assert [t.topic for t in tags] == ["Reinforcement Learning", "Robotics"]
    assert tags[0] == TopicTag("Reinforcement Learning", "reinforcement learning", WORDS, "title")


def test_a_work_is_tagged_only_with_topics_of_members_who_list_it() -> None:
    lister = _profile("a.txt", ("Robotics",), (2,))
    other = _profile("b.txt", ("Neural Networks",), (7,))
    works = (_work("w1", "Neural networks for robotics"), _work("w2", "Neural networks"))
    res = Resolution((), works, {SourceRef("a.txt", 2): "w1", SourceRef("b.txt", 9): "w2"})
    tagged = {w.key: w for w in tag_works(res, [lister, other]).works}
    assert [t.topic for t in tagged["w1"].topics] == ["Robotics"]  # not Neural Networks
    assert tagged["w2"].topics == ()  # b.txt lists line 7, not the work's line 9


def test_an_untagged_work_is_returned_unchanged() -> None:
    work = _work("w", "On nothing in particular")
    res = Resolution((), (work,), {SourceRef("a.txt", 2): "w"})
    assert tag_works(res, [_profile("a.txt", ("Robotics",), (2,))]).works[0] is work


@pytest.mark.parametrize(
    ("word", "singular_form"),
    [
        ("networks", "network"),
        ("studies", "study"),
        ("classes", "class"),
        ("boxes", "box"),
        ("process", "process"),
        ("corpus", "corpus"),
        ("analysis", "analysis"),
        ("gas", "gas"),
    ],
)
def test_singular(word: str, singular_form: str) -> None:
    assert singular(word) == singular_form
