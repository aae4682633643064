"""The text rules of names and titles (text.py), and that every stage reads a string alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from scholarkg.clean import NameCleaner, name_candidates
from scholarkg.names import Compat, compare, lookup_key, name_key, parse_name
from scholarkg.readers.page import read_page
from scholarkg.records import (
    CleanListing,
    CleanProfile,
    Mention,
    PersonName,
    Resolution,
    SourceRef,
    Work,
)
from scholarkg.resolve import title_key
from scholarkg.tag import tag_works
from scholarkg.text import (
    PARTICLES,
    WORD,
    fold,
    fold_tight,
    is_suffix,
    suffix_key,
    write_out,
)
from scholarkg.vocab import Minter, slugify

# The same name or title, spelled two ways every stage must take for one: letters Unicode does
# not decompose (ø ł ß æ), composed and combining accents, a look-alike Cyrillic letter, and
# case and punctuation.
SAME = [
    ("Søren Kierkegaard", "Soren Kierkegaard", "soren kierkegaard"),
    ("Łukasz Kaiser", "Lukasz Kaiser", "lukasz kaiser"),
    ("Lena Großmann", "Lena Grossmann", "lena grossmann"),
    ("Æsa Ægidius", "Aesa Aegidius", "aesa aegidius"),
    ("Véronique Naïve", "Ve\u0301ronique Nai\u0308ve", "veronique naive"),
    ("Hélène Bœuf", "HELENE BOEUF", "helene boeuf"),
    ("Bali Malanҫon", "Bali Malancon", "bali malancon"),  # Cyrillic ҫ inside a Latin word
    ("Jean-Pierre Ðoković", "Jean Pierre Dokovic", "jean pierre dokovic"),
]
# Names as a LaTeX-stripping scraper prints them, and as they are spelled
RESIDUE = [
    ("Petar Velivckovi 'c", "Petar Veličković"),
    ("'Alvaro Arroyo", "Álvaro Arroyo"),
    ('J"urgen M"uller', "Jürgen Müller"),
    ("Nguy~^en Vi^det", "Nguyễn Việt"),
]


def _read_author(tmp_path: Path, name: str) -> str:
    """The author line of a page listing one paper by ``name``, as reading gives it."""
    page = tmp_path / "page.txt"
    lines = ["Portrait of Ada Byron", "Ada Byron", "Publications", "A Study of Things", name]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (listing,) = read_page(page).listings
    (author,) = listing.authors
    return author.text


def _tags(label: str, title: str) -> tuple[str, ...]:
    """The topics tagging finds in a work titled ``title`` listed by a member with ``label``."""
    src = SourceRef("p.txt", 1)
    owner = Mention("A B", PersonName(("A",), "B"), False, src, True)
    listing = CleanListing(title, (owner,), None, src, owner)
    profile = CleanProfile("p.txt", owner, None, None, None, (label,), (listing,))
    work = Work("w", title, (), None, ("a",), (src,))
    res = tag_works(Resolution((), (work,), {src: "w"}), [profile])
    return tuple(t.topic for t in res.works[0].topics)


@pytest.mark.parametrize(("a", "b", "key"), SAME)
def test_every_stage_folds_one_string_to_one_key(a: str, b: str, key: str, tmp_path: Path) -> None:
    assert fold(a) == fold(b) == key
    # reading: either spelling on a page is read as an author line that folds to the key
    assert fold(_read_author(tmp_path, a)) == fold(_read_author(tmp_path, b)) == key
    # resolution: names look up, key and compare alike; titles group together
    assert lookup_key(a) == lookup_key(b) == key
    assert name_key(parse_name(a)) == name_key(parse_name(b))
    assert compare(parse_name(a), parse_name(b)) == Compat.EXACT
    assert title_key(a) == title_key(b) == key.replace(" ", "")
    # tagging: a topic spelled one way is found in a title spelled the other
    assert _tags(a, f"On {b} today") == (a,)
    assert _tags(b, f"On {a} today") == (b,)
    # IRIs: the slug is the folded words
    assert slugify(a) == slugify(b) == key.replace(" ", "-")
    assert Minter().topic(a) == Minter().topic(b)


@pytest.mark.parametrize(("printed", "spelled"), RESIDUE)
def test_a_name_repaired_from_latex_residue_keys_like_its_spelling(
    printed: str, spelled: str
) -> None:
    repaired = name_candidates(printed)[0]
    assert repaired == spelled
    cleaned, changed = NameCleaner([printed]).clean(printed)
    assert changed
    assert name_key(cleaned) == name_key(parse_name(spelled))
    assert lookup_key(cleaned.display) == lookup_key(spelled) == fold(spelled)
    assert slugify(cleaned.display) == slugify(spelled)
    assert fold(spelled).isascii()


def test_fold_drops_punctuation_and_keeps_words_apart() -> None:
    assert fold("  Véli-Čko, (Jr.)  ") == "veli cko jr"
    assert fold_tight("Grau-Moya") == fold_tight("Grau Moya") == "graumoya"
    assert fold("") == ""
    assert fold("—") == ""


def test_fold_keeps_letters_of_other_scripts() -> None:
    # a look-alike is replaced only inside a word that mixes scripts
    assert fold("Малан Petrоva") == "малан petrova"
    assert fold("王小明") == "王小明"
    assert slugify("王小明") == "x"  # no ASCII letters: the slug's placeholder


def test_word_keeps_combining_marks_inside_the_word() -> None:
    assert WORD.findall("nai\u0308ve Bayes") == ["nai\u0308ve", "Bayes"]
    assert [fold_tight(w) for w in WORD.findall("nai\u0308ve Bayes")] == fold("naïve Bayes").split()


def test_slugify_keeps_at_most_max_words() -> None:
    assert slugify("Graph Neural Networks for Molecules", max_words=3) == "graph-neural-networks"


@pytest.mark.parametrize(
    ("token", "suffix"),
    [
        ("Jr.", True),
        ("jr", True),
        ("Sr.", True),
        ("III", True),
        ("IV", True),
        ("2nd", True),
        ("PhD", True),
        ("Junior", False),
        ("Ivan", False),
        ("X", False),
    ],
)
def test_is_suffix(token: str, suffix: bool) -> None:
    assert is_suffix(token) is suffix


def test_suffix_key_agrees_across_spellings() -> None:
    assert suffix_key("Jr.") == suffix_key("jr") == suffix_key("JR") == "jr"
    assert suffix_key("2nd") == suffix_key("II") == "ii"
    assert suffix_key("3rd") == suffix_key("III") == "iii"
    assert suffix_key("Jr.") != suffix_key("Sr.")


def test_particles_are_lower_case_words() -> None:
    assert {"van", "von", "de", "di", "al", "bin"} <= PARTICLES
    assert all(p == p.lower() for p in PARTICLES)


def test_write_out_umlauts_and_rings() -> None:
    assert write_out("Jörg Müller") == "Joerg Mueller"
    assert write_out("Søgaard Åsa") == "Soegaard Aasa"
    assert write_out("Jo\u0308rg") == "Joerg"  # decomposed: composed first
    assert write_out("Jorge") == "Jorge"
