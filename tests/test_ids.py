"""Identifiers: DOI, arXiv id and ORCID as the graph keeps them, and the shapes agree."""

from __future__ import annotations

import re

import pytest
from conftest import REPO

from scholarkg.ids import (
    ARXIV_PATTERN,
    DOI_PATTERN,
    ORCID_PATTERN,
    arxiv_in_text,
    normalize_arxiv,
    normalize_doi,
    normalize_orcid,
    split_arxiv,
)


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("10.1038/nature14539", "10.1038/nature14539"),
        ("https://doi.org/10.1145/ABC.123", "10.1145/abc.123"),
        ("http://dx.doi.org/10.1000/x", "10.1000/x"),
        ("doi: 10.1000/X", "10.1000/x"),
        ("11.1000/x", None),
        ("10.1/x", None),
        ("", None),
    ],
)
def test_doi_lower_case_without_resolver(text: str, doi: str | None) -> None:
    assert normalize_doi(text) == doi


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("1706.03762v5", ("1706.03762", "v5")),
        ("arXiv:1706.03762", ("1706.03762", "")),
        ("https://arxiv.org/abs/2003.01234v2", ("2003.01234", "v2")),
        ("https://arxiv.org/pdf/1706.03762.pdf", ("1706.03762", "")),
        ("hep-th/9901001", ("hep-th/9901001", "")),
        ("math.GT/0309136v1", ("math.gt/0309136", "v1")),
        ("1706.037", None),
        ("12--15", None),
    ],
)
def test_arxiv_id_and_version_apart(text: str, found: tuple[str, str] | None) -> None:
    assert split_arxiv(text) == found
    assert normalize_arxiv(text) == (found[0] if found else None)


def test_arxiv_in_journal_strings_needs_the_word_arxiv() -> None:
    assert arxiv_in_text("arXiv preprint arXiv:1412.6980") == ("1412.6980", "")
    assert arxiv_in_text("Nature 521, 1412.6980") is None


def test_orcid_check_digit_is_verified() -> None:
    assert normalize_orcid("https://orcid.org/0000-0002-1825-0097") == "0000-0002-1825-0097"
    assert normalize_orcid("000000021825009x") is None  # wrong check digit
    assert normalize_orcid("0000-0001-5109-3700") == "0000-0001-5109-3700"
    assert normalize_orcid("0000-0002-1694-233X") == "0000-0002-1694-233X"
    assert normalize_orcid("0000-0002-1825-0098") is None


def test_shapes_check_the_same_syntax_as_the_readers_keep() -> None:
    shapes = (REPO / "shapes" / "scholarkg.ttl").read_text(encoding="utf-8")
    for pattern in (DOI_PATTERN, ARXIV_PATTERN, ORCID_PATTERN):
        assert f'sh:pattern "{pattern.replace(chr(92), chr(92) * 2)}"' in shapes
    assert re.match(DOI_PATTERN, "10.5555/engine.1843")
    assert not re.match(DOI_PATTERN, "10.5555/Engine.1843")  # kept in lower case
    assert not re.match(ARXIV_PATTERN, "1706.03762v5")  # kept without a version
