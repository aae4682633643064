"""Name parsing and comparison: the levels the resolver relies on."""

from __future__ import annotations

import pytest

from scholarkg.names import Compat, compare, parse_name
from scholarkg.records import PersonName


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("Alexander Y. Ku", "Alex Ku", Compat.WEAK),
        ("Stephanie C.Y. Chan", "Stephanie Chan", Compat.STRONG),
        ("James L McClelland", "James L. McClelland", Compat.EXACT),
        ("Wei Wang", "Wen Wang", Compat.CONFLICT),
        ("Wei Q. Wang", "Wei Z. Wang", Compat.CONFLICT),
        ("Michael M. Bronstein", "Michael C. Gastpar", Compat.CONFLICT),
        ("Margaret Pillai", "M. Pillai", Compat.WEAK),
        ("Peggy Pillai", "M. Pillai", Compat.WEAK),  # M. may be Peggy's Margaret
        ("Niklas Schröder", "Niklas Schroeder", Compat.STRONG),
        ("Paula Blanco Pérez", "Paula Blanco", Compat.WEAK),
        ("Paula Blanco Pérez", "Paula Blanco-Pérez", Compat.STRONG),
        ("Hoi Whye Chan", "Hoi Yan Chan", Compat.CONFLICT),
        ("Xin Li", "Xinyi Li", Compat.CONFLICT),  # a prefix is not a nickname
        ("John Smith Jr.", "John Smith Sr.", Compat.CONFLICT),  # regression: suffixes ignored
        ("John Smith Jr.", "John Smith", Compat.STRONG),
    ],
)
def test_compare(a: str, b: str, level: Compat) -> None:
    assert compare(parse_name(a), parse_name(b)) == level
    assert compare(parse_name(b), parse_name(a)) == level


@pytest.mark.parametrize(
    ("text", "given", "family", "suffix"),
    [
        ("Soham De", ("Soham",), "De", ""),
        ("Ludwig van der Waals", ("Ludwig",), "van der Waals", ""),
        ("Marco Di Marco", ("Marco",), "Di Marco", ""),
        ("Abate, Solomon Teferra", ("Solomon", "Teferra"), "Abate", ""),
        ("John Henry Clippinger Jr.", ("John", "Henry"), "Clippinger", "Jr."),
        ("King Wong", ("King",), "Wong", ""),  # no title guessing
    ],
)
def test_parse(text: str, given: tuple[str, ...], family: str, suffix: str) -> None:
    n = parse_name(text)
    assert (n.given, n.family, n.suffix) == (given, family, suffix)


# ---------------------------------------------------------------- suffixes (regressions)


@pytest.mark.parametrize(
    ("text", "given", "family", "suffix"),
    [
        ("Smith, John Jr.", ("John",), "Smith", "Jr."),
        ("Smith, John A. III", ("John", "A."), "Smith", "III"),
        ("Smith, Jr., John", ("John",), "Smith", "Jr."),
        ("Smith Jr., John", ("John",), "Smith", "Jr."),
        ("Daumé III, Hal", ("Hal",), "Daumé", "III"),
        ("John Smith, Jr.", ("John",), "Smith", "Jr."),
        ("Smith, John, PhD", ("John",), "Smith", "PhD"),
    ],
)
def test_suffix_of_an_inverted_name_is_a_suffix_not_a_given_name(
    text: str, given: tuple[str, ...], family: str, suffix: str
) -> None:
    n = parse_name(text)
    assert (n.given, n.family, n.suffix) == (given, family, suffix)


def test_lone_letter_after_inverted_given_name_is_an_initial() -> None:
    # "V" and "I" are Roman numerals too, but "Last, First M" prints initials without periods
    assert parse_name("Smith, John V") == PersonName(("John", "V"), "Smith", "")
    assert parse_name("Ii, Naomi") == PersonName(("Naomi",), "Ii", "")


def test_inverted_junior_is_not_a_strong_match_for_senior() -> None:
    # regression: "Jr." was read as a middle name and rated STRONG against John Smith Sr.
    assert compare(parse_name("Smith, John Jr."), parse_name("John Smith Sr.")) == Compat.CONFLICT
    assert compare(parse_name("John Smith Sr."), parse_name("Smith, John Jr.")) == Compat.CONFLICT


@pytest.mark.parametrize(
    ("a", "b", "level"),
    [
        ("Smith, John Jr.", "John Smith Jr.", Compat.EXACT),
        ("John Smith Jr", "John Smith Jr.", Compat.EXACT),
        ("John Smith II", "John Smith 2nd", Compat.EXACT),
        ("John Smith II", "John Smith III", Compat.CONFLICT),
        ("J. Smith III", "John Smith IV", Compat.CONFLICT),
        ("Smith, John Jr.", "John Smith", Compat.STRONG),  # printed without the suffix
    ],
)
def test_suffixes_agree_or_conflict(a: str, b: str, level: Compat) -> None:
    assert compare(parse_name(a), parse_name(b)) == level
    assert compare(parse_name(b), parse_name(a)) == level
