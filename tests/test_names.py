"""Name parsing and comparison: the levels the resolver relies on."""

from __future__ import annotations

import pytest

from scholarkg.names import Compat, compare, parse_name


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
