"""Page file names: safe, stable, and distinct for distinct people."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scholarkg.errors import UsageError
from scholarkg.web.paths import Layout, file_stem, normalize_base_url

PREFIX = "https://kg.example.org/person/"
SAFE = re.compile(r"^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$")


def test_minted_plain_names_are_kept() -> None:
    assert file_stem(PREFIX + "razvan-pascanu", PREFIX) == "razvan-pascanu"


@pytest.mark.parametrize(
    "iri",
    [
        PREFIX + "..%2F..%2Fetc%2Fpasswd",
        PREFIX + "../../etc/passwd",
        PREFIX + ".hidden",
        PREFIX + "Razvan-Pascanu",
        PREFIX + "jos\u00e9-garcia",
        "https://elsewhere.example.org/person/razvan-pascanu",
        PREFIX + "a/b\\c",
        PREFIX + "",
    ],
)
def test_other_names_are_slug_plus_hash(iri: str) -> None:
    stem = file_stem(iri, PREFIX)
    assert SAFE.match(stem), stem
    assert "--" in stem and ".." not in stem and "/" not in stem


def test_names_that_fold_the_same_get_two_files() -> None:
    a = file_stem(PREFIX + "jos\u00e9-garcia", PREFIX)
    b = file_stem(PREFIX + "jose-garcia", PREFIX)
    c = file_stem(PREFIX + "Jose-Garcia", PREFIX)
    assert len({a, b, c}) == 3
    assert b == "jose-garcia" and a.startswith("jose-garcia--") and c.startswith("jose-garcia--")


@given(st.lists(st.text(min_size=0, max_size=30), min_size=2, max_size=30, unique=True))
def test_distinct_iris_get_distinct_safe_names(locals_: list[str]) -> None:
    stems = [file_stem(PREFIX + s, PREFIX) for s in locals_]
    assert all(SAFE.match(s) and len(s) <= 96 for s in stems)
    assert len(set(stems)) == len(stems)


def test_layout_urls_follow_the_base_url() -> None:
    layout = Layout("https://kg.example.org/", normalize_base_url("https://people.example.org/x"))
    assert layout.person_url(PREFIX + "ada") == "https://people.example.org/x/people/ada.html"
    assert layout.paper_path("https://kg.example.org/work/t-1a2b") == "papers/t-1a2b.html"


@pytest.mark.parametrize(
    "bad", ["people.example.org", "ftp://x/", "javascript:alert(1)", "http://a b/"]
)
def test_base_url_must_be_absolute_http(bad: str) -> None:
    with pytest.raises(UsageError, match="not an absolute http"):
        normalize_base_url(bad)
