"""The person-name rules measured on the ACL Anthology's curated name variants (names alone).

The loader and the measures live in ``benchmarks/names_acl.py`` (which writes
``benchmarks/NAMES.md``); these tests pin its counts on the real file, keep the join rate above
the floor measured when the rules were last changed and the false-join rate below a ceiling, and
check ``compare`` on made-up names for every kind of variant the rules handle.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import REPO, SHARED

from scholarkg.errors import InputError
from scholarkg.names import Compat, block_keys, compare, name_key, parse_name
from scholarkg.text import fold

BENCHMARKS = REPO / "benchmarks"
DATA = SHARED / "data" / "acl-name-variants.yaml"


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "benchmarks_names_acl", BENCHMARKS / "names_acl.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()
needs_data = pytest.mark.skipif(not DATA.is_file(), reason=f"{DATA} not found")


@pytest.fixture(scope="module")
def acl() -> Any:
    return bench.load_acl(DATA)


# ---------------------------------------------------------------- the loader


@needs_data
def test_loader_accounts_for_every_canonical_name_and_variant(acl: Any) -> None:
    assert len(acl.people) == 3735
    assert acl.n_variants == 4851
    assert sum(1 for p in acl.people if not p.variants) == 2  # John F. Burger, David W. McDonald
    assert sum(1 for p in acl.people if p.comment) == 16


@needs_data
def test_loader_recovers_the_two_upstream_errors_and_says_where(acl: Any) -> None:
    where = [re.match(r"^(.*):(\d+): ", r) for r in acl.repairs]
    assert [(m.group(1), m.group(2)) for m in where if m] == [
        (str(DATA), "1916"),
        (str(DATA), "5324"),
    ]
    assert "unquoted comma in last name 'Clippinger, Jr.'" in acl.repairs[0]
    assert "variant listed without a 'variants:' key" in acl.repairs[1]
    kehler = next(p for p in acl.people if p.canonical.printed == "Andrew Kehler")
    assert [v.printed for v in kehler.variants] == ["Andy Kehler"]
    clippinger = next(p for p in acl.people if p.canonical.last == "Clippinger, Jr.")
    assert [(v.first, v.last, v.line) for v in clippinger.variants] == [
        ("John Henry", "Clippinger, Jr.", 1916)
    ]


@needs_data
def test_loader_keeps_the_oddities_as_printed(acl: Any) -> None:
    firsts = [v.first for p in acl.people for v in p.variants]
    assert firsts.count("N") == 5  # the quoted 'N', not YAML 1.1's false
    assert firsts.count("") == 2
    assert sum("ı\u0301" in f for f in firsts) == 2  # Marı́a: dotless i + combining acute


@needs_data
def test_loader_agrees_with_yaml_once_the_missing_key_is_patched(acl: Any) -> None:
    yaml = pytest.importorskip("yaml")
    lines = DATA.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(5323, "  variants:\n")
    data = yaml.load("".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert len(data) == len(acl.people)
    for entry, person in zip(data, acl.people, strict=True):
        c = entry["canonical"]
        assert (str(c["first"]), str(c["last"])) == (person.canonical.first, person.canonical.last)
        got = [(v.first, v.last) for v in person.variants]
        want = [(str(v["first"]), str(v["last"])) for v in entry.get("variants") or []]
        if "Jr." in (entry.get("variants") or [{}])[0]:
            want = [("John Henry", "Clippinger, Jr.")]  # YAML splits the unquoted comma
        assert got == want


def test_malformed_entry_is_reported_with_its_line() -> None:
    text = "- canonical: {first: Ada, last: Byron}\n  variants:\n  - {first: A., last Byron}\n"
    with pytest.raises(InputError) as err:
        bench.parse_acl(text, "names.yaml")
    assert err.value.line == 3
    assert str(err.value) == (
        "names.yaml:3: cannot read name '{first: A., last Byron}'; "
        "expected {first: ..., last: ...}; quote values that contain commas or colons"
    )


def test_unexpected_line_is_reported_with_its_line() -> None:
    text = "- canonical: {first: Ada, last: Byron}\n  similar: [x]\n"
    with pytest.raises(InputError, match=r"^names\.yaml:2: unexpected line 'similar: \[x\]'"):
        bench.parse_acl(text, "names.yaml")


def test_variant_before_any_canonical_is_an_error() -> None:
    with pytest.raises(InputError, match=r"^names\.yaml:1: entry before any '- canonical:'"):
        bench.parse_acl("  - {first: A., last: Byron}\n", "names.yaml")


def test_a_comma_that_starts_another_key_is_not_recovered() -> None:
    with pytest.raises(InputError, match=r"^names\.yaml:1: unexpected key"):
        bench.parse_acl("- canonical: {first: Ada, last: Byron, id: ada-byron}\n", "names.yaml")


# ---------------------------------------------------------------- measured rates (floors)


@needs_data
def test_join_rates_stay_above_the_measured_floor(acl: Any) -> None:
    rules = bench.load_rules(None)
    s = bench.measure_variants(acl, rules, "pipeline")
    assert s.total == 4851
    # measured 2026-11-26: 3,229 joined (66.6%), 4,524 at least WEAK (93.3%), 4,521 of them
    # sharing a block key with the canonical name (93.2%), 327 conflicts
    assert s.joined / s.total >= 0.66
    assert s.at_least_weak / s.total >= 0.925
    assert s.weak_blocked / s.total >= 0.925
    assert s.levels[0] <= 360


@needs_data
def test_false_joins_by_name_alone_stay_below_the_ceiling(acl: Any) -> None:
    rules = bench.load_rules(None)
    f = bench.measure_false_joins(acl, rules, "pipeline")
    joined = f.levels[3] + f.levels[2]
    # measured 2026-11-26: 762 blocked pairs of different people; 8 EXACT/STRONG, all the same
    # printed name up to initials (Stephen Levinson / Stephen E. Levinson, Gen-ichiro Kikui ×2)
    assert joined <= 10
    assert joined / f.pairs <= 0.015
    assert f.levels[1] <= 20


# ---------------------------------------------------------------- compare() on made-up names


def level(a: str, b: str) -> Compat:
    return compare(parse_name(a), parse_name(b))


def blocked_together(a: str, b: str) -> bool:
    return bool(block_keys(parse_name(a)) & block_keys(parse_name(b)))


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("Alexander Y. Ku", "Alex Ku", Compat.WEAK),
        ("Stephanie C.Y. Chan", "Stephanie Chan", Compat.STRONG),
        ("Wei Wang", "Wen Wang", Compat.CONFLICT),
        ("Wei Q. Wang", "Wei Z. Wang", Compat.CONFLICT),
        ("James L McClelland", "James L. McClelland", Compat.EXACT),
        ("Michael M. Bronstein", "Michael C. Gastpar", Compat.CONFLICT),
    ],
)
def test_rules_other_modules_rely_on(a: str, b: str, want: Compat) -> None:
    assert level(a, b) == want
    assert parse_name("Soham De").family == "De"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Marı\u0301a Quintero", "María Quintero"),  # dotless i + combining acute
        ("Beno\u0131\u0302t Girard", "Benoît Girard"),
        ("Tova OLI\u030aVA", "Tova Oliva"),
        ("Ana Ruiz\u2010Vega", "Ana Ruiz-Vega"),  # U+2010 hyphen
        ("Jan PREU\u1e9e", "Jan Preuß"),  # capital sharp s
        ("Samir AbdelKarim", "Samir Abdelkarim"),
        ("Lia Ranavalo Malan\u04abon", "Lia Ranavalo Malançon"),  # Cyrillic ҫ inside a Latin word
        ("Mira Petr\u043eva", "Mira Petrova"),  # Cyrillic о
    ],
)
def test_unicode_variants_are_exact(a: str, b: str) -> None:
    assert level(a, b) == Compat.EXACT


def test_homoglyphs_are_mapped_only_inside_latin_words() -> None:
    assert fold("Малан Petrоva") == "малан petrova"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jörg Brandtner", "Joerg Brandtner"),  # umlaut written out in the given name
        ("Käthe Lühr", "Kaethe Luehr"),
        ("Lise Fjøsne", "Lise Fjoesne"),  # ø and å written out
        ("Åsa Lindkvist", "Aasa Lindkvist"),
        ("R. Tobias Quade", "Tobias Quade"),  # a leading initial before the name used
        ("J. K. Tobias Quade", "Tobias M. Quade"),
        ("Albert (Skip) Ronsen", "Skip Ronsen"),  # a nickname printed in the name
        ("Albert (Skip) Ronsen", "Albert B. Ronsen"),
        ("Ilse “Ili” Varga", "Ili Varga"),
        ("Marta J. Oyarzun Lasa", "Marta Oyarzun Lasa"),  # a middle left out in the middle
        ("Jason K. T. Brill", "Jason T. Brill"),
    ],
)
def test_spellings_of_one_name_are_strong(a: str, b: str) -> None:
    assert level(a, b) == Compat.STRONG
    assert level(b, a) == Compat.STRONG
    assert blocked_together(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Takeru Imaoka", "Imaoka Takeru"),  # family name first
        ("Tzu-Han Richard Lo", "Richard Tzu-Han Lo"),  # given names reordered
        ("K. Ramaswamy", "Ramaswamy K"),
        ("Lucía Ferrer Ibarra", "Lucía Ferrer"),  # second surname dropped
        ("Ivana Rosalba Quintana", "Rosalba Quintana"),  # first given name dropped
        ("Paolo Jimmy Xiang Tao", "Xiang Tao"),
        ("Holger Kauffmann", "Holger Kaufman"),  # doubled letters in the family name
    ],
)
def test_possible_spellings_need_context(a: str, b: str) -> None:
    assert level(a, b) == Compat.WEAK
    assert level(b, a) == Compat.WEAK
    assert blocked_together(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Xiao-Ming Tan", "Ming Tan"),  # a hyphenated given name is one name
        ("Andrew Sorel", "David A. Sorel"),  # a full word never stands for an initial
        ("R. Tobias Quade", "K. Tobias Quade"),  # clashing leading initials
        ("Michele Rossi", "Michelle Rossi"),  # doubled letters count in given names
        ("Jörg Müller", "Jurg Mueller"),
    ],
)
def test_different_people_stay_apart(a: str, b: str) -> None:
    assert level(a, b) == Compat.CONFLICT
    assert level(b, a) == Compat.CONFLICT


def test_ordinal_suffixes_are_suffixes() -> None:
    name = parse_name("Eric H. Wexler, 3rd")
    assert (name.given, name.family, name.suffix) == (("Eric", "H."), "Wexler", "3rd")
    assert level("Eric H. Wexler, 3rd", "Eric Wexler") == Compat.STRONG


def test_exact_stays_the_name_key() -> None:
    a, b = parse_name("Jörg Brandtner"), parse_name("Joerg Brandtner")
    assert name_key(a) != name_key(b)  # written-out umlauts are STRONG, not one key
    assert name_key(parse_name("Jörg Brandtner")) == name_key(parse_name("Jorg Brandtner"))


# ---------------------------------------------------------------- the report


@needs_data
def test_benchmark_writes_the_markdown_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "NAMES.md"
    assert bench.main(["--data", str(DATA), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text == capsys.readouterr().out.rstrip("\n") + "\n"
    assert "3,735 people (canonical names), 4,851 variants" in text
    assert "| current | pipeline |" in text and "| current | structured |" in text
    assert "acl-name-variants.yaml:5324: variant listed without a 'variants:' key" in text


@needs_data
def test_a_baseline_file_is_measured_beside_the_current_rules(acl: Any, tmp_path: Path) -> None:
    import scholarkg.names

    copy = tmp_path / "names_copy.py"
    copy.write_text(Path(scholarkg.names.__file__).read_text(encoding="utf-8"), encoding="utf-8")
    rules = bench.load_rules(str(copy))
    assert rules is not scholarkg.names
    for how in ("pipeline", "structured"):
        same = bench.measure_variants(acl, rules, how).levels
        assert same == bench.measure_variants(acl, scholarkg.names, how).levels
    assert bench.describe_rules(str(copy)) == f"the file `{copy}`"


def test_benchmark_reports_a_bad_file_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- canonical: {first: Ada, last: Byron}\n  oops\n", encoding="utf-8")
    assert bench.main(["--data", str(bad), "--out", str(tmp_path / "x.md")]) == 2
    assert capsys.readouterr().err == (
        f"error: {bad}:2: unexpected line 'oops'; expected '- canonical:', 'variants:', "
        "'- {first: ..., last: ...}' or 'comment:'\n"
    )
