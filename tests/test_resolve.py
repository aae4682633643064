"""Paper identity rules: versions of one paper join, similar but different papers do not."""

from __future__ import annotations

import pytest

from scholarkg.resolve import is_version_title


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
