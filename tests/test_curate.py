"""Curation beats every automatic rule, says what it did, and warns of entries matching nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scholarkg.curate import load_curation
from scholarkg.errors import InputError
from scholarkg.explain import explain
from scholarkg.pipeline import build
from scholarkg.query import coauthors, run_query
from scholarkg.store import open_build
from scholarkg.vocab import DEFAULT_BASE

ADA = """Portrait of Ada Lovelace
Ada Lovelace
Core Member
Professor, Example University
Publications
Notes on the Analytical Engine
Ada Lovelace
Charles Babbage
Sketch of the Analytical Engine
Ada Lovelace
Luigi Menabrea
"""
GRACE = """Portrait of Grace Hopper
Grace Hopper
Core Member
Professor, Example University
Publications
A Compiler for Business Languages
Grace Hopper
Ada Byron
Howard Aiken
The Education of a Computer
Grace Hopper
Ada Lovelace
Jean Sammet
"""


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "ada.txt").write_text(ADA, encoding="utf-8")
    (folder / "grace.txt").write_text(GRACE, encoding="utf-8")
    return folder


def _curation(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "curation.toml"
    p.write_text(text, encoding="utf-8")
    return p


def _coauthors(out: Path, name: str) -> list[str]:
    return sorted(c.name for c in coauthors(open_build(out), name).coauthors)


def test_a_curated_homonym_split_makes_two_people(pages: Path, tmp_path: Path) -> None:
    plain = build([pages], tmp_path / "plain", check=False)
    (before,) = explain("Ada Lovelace", tmp_path / "plain")
    assert "grace.txt:12" in {src.rsplit("/", 1)[-1] for src, _ in before.records}
    cur = _curation(
        tmp_path, '[[different_people]]\nnames = ["Ada Lovelace @ grace.txt", "Ada Lovelace"]\n'
    )
    split = build([pages], tmp_path / "split", check=True, curation=cur)
    assert split.conforms is True
    assert split.people == plain.people + 1
    found = explain("Ada Lovelace", tmp_path / "split")
    assert len(found) == 2
    owner, other = sorted(found, key=lambda e: len(e.records), reverse=True)
    assert all("grace.txt" not in src for src, _ in owner.records)
    assert [src.rsplit("/", 1)[-1] for src, _ in other.records] == ["grace.txt:12"]
    assert other.curation == (
        ("different_people #1", f"split off {owner.key} (Ada Lovelace): another person"),
    )
    assert (other.key, "Ada Lovelace", "curation: different_people #1") in owner.apart
    iri = f"{DEFAULT_BASE}person/{other.key}"
    assert _coauthors(tmp_path / "split", iri) == ["Grace Hopper", "Jean Sammet"]
    assert "Jean Sammet" not in _coauthors(tmp_path / "split", owner.key and "Ada Lovelace")
    text = other.to_text()
    assert "curation:\n  different_people #1: split off" in text


def test_a_curated_merge_makes_one_person_with_the_canonical_name(
    pages: Path, tmp_path: Path
) -> None:
    plain = build([pages], tmp_path / "plain", check=False)
    assert len(explain("Ada Byron", tmp_path / "plain")) == 1  # apart: a surname change
    cur = _curation(
        tmp_path,
        '[[same_person]]\nnames = ["Ada Byron", "Ada Lovelace"]\ncanonical = "Ada King"\n',
    )
    merged = build([pages], tmp_path / "merged", check=True, curation=cur)
    assert merged.conforms is True
    assert merged.people == plain.people - 1
    (one,) = explain("Ada Byron", tmp_path / "merged")
    assert one.name == "Ada King"
    assert {p for _, p in one.records} == {"Ada Lovelace", "Ada Byron"}
    assert ("same_person #1", "canonical name 'Ada King'") in one.curation
    assert any(did.startswith("merged ") for _, did in one.curation)
    assert explain("Ada King", tmp_path / "merged")[0].key == one.key
    assert "Ada King" in _coauthors(tmp_path / "merged", "Grace Hopper")
    assert "Ada Byron" not in _coauthors(tmp_path / "merged", "Grace Hopper")


def test_paper_topics_and_merge_by_curation(pages: Path, tmp_path: Path) -> None:
    cur = _curation(
        tmp_path,
        "[[same_paper]]\n"
        'titles = ["Notes on the Analytical Engine", "Sketch of the Analytical Engine"]\n'
        '[[paper]]\ntitle = "The Education of a Computer"\ntopics = ["Programming"]\n',
    )
    plain = build([pages], tmp_path / "plain", check=False)
    result = build([pages], tmp_path / "cur", check=True, curation=cur)
    assert result.conforms is True
    assert result.works == plain.works - 1
    (paper,) = explain("Sketch of the Analytical Engine", tmp_path / "cur")
    assert len(paper.records) == 2
    assert paper.joins[0][2] == ("curation",)
    (taught,) = explain("The Education of a Computer", tmp_path / "cur")
    assert taught.curation == (("paper #1", "about Programming"),)


def test_an_entry_that_matches_nothing_is_a_warning_naming_it(pages: Path, tmp_path: Path) -> None:
    cur = _curation(tmp_path, '[[same_person]]\nnames = ["Nobody Here", "Ada Lovelace"]\n')
    result = build([pages], tmp_path / "out", check=False, curation=cur)
    assert result.warnings == (
        f"{cur}: same_person #1 ['Nobody Here', 'Ada Lovelace']: 'Nobody Here' matches no person",
    )


def test_a_bad_curation_file_is_an_input_error_naming_the_entry(tmp_path: Path) -> None:
    cur = _curation(tmp_path, '[[same_person]]\nname = ["Ada"]\n')
    with pytest.raises(InputError, match=r"same_person #1: expected the key\(s\) canonical, names"):
        load_curation(cur)
    cur = _curation(tmp_path, '[[merge]]\nnames = ["Ada"]\n')
    with pytest.raises(InputError, match="unknown curation table"):
        load_curation(cur)


def _orcids(out: Path) -> dict[str, str]:
    from scholarkg.query import run_query

    rows = run_query(
        open_build(out),
        "SELECT ?n ?o WHERE { ?p <http://schema.org/name> ?n ; "
        "<https://w3id.org/scholarkg/ns#orcid> ?o }",
    ).rows
    return {str(n): str(o) for n, o in rows}


def test_a_curated_orcid_is_on_the_person_and_explain_shows_it(pages: Path, tmp_path: Path) -> None:
    cur = _curation(
        tmp_path,
        '[[person]]\nname = "Grace Hopper"\norcid = "https://orcid.org/0000-0002-1825-0097"\n',
    )
    result = build([pages], tmp_path / "out", check=True, curation=cur)
    assert result.conforms is True and result.warnings == ()
    assert _orcids(tmp_path / "out") == {"Grace Hopper": "0000-0002-1825-0097"}
    (grace,) = explain("Grace Hopper", tmp_path / "out")
    assert grace.curation == (("person #1", "ORCID 0000-0002-1825-0097"),)
    assert "curation:\n  person #1: ORCID 0000-0002-1825-0097" in grace.to_text()


def test_a_curated_orcid_beats_the_sources_orcid(pages: Path, tmp_path: Path) -> None:
    (pages / "ada.json").write_text(
        json.dumps(
            [
                {
                    "id": "notes",
                    "type": "article-journal",
                    "title": "Notes on the Analytical Engine",
                    "author": [
                        {"family": "Lovelace", "given": "Ada", "ORCID": "0000-0001-5109-3700"},
                        {"family": "Babbage", "given": "Charles"},
                    ],
                }
            ]
        ),
        encoding="utf-8",
    )
    plain = build([pages], tmp_path / "plain", check=False)
    assert _orcids(tmp_path / "plain") == {"Ada Lovelace": "0000-0001-5109-3700"}
    cur = _curation(
        tmp_path, '[[person]]\nname = "Ada Lovelace @ ada.txt"\norcid = "0000-0002-1694-233X"\n'
    )
    result = build([pages], tmp_path / "out", check=True, curation=cur)
    assert result.conforms is True and result.people == plain.people
    assert _orcids(tmp_path / "out") == {"Ada Lovelace": "0000-0002-1694-233X"}
    (ada,) = explain("Ada Lovelace", tmp_path / "out")
    assert ada.curation == (
        ("person #1", "ORCID 0000-0002-1694-233X (the sources said 0000-0001-5109-3700)"),
    )


def test_a_curated_canonical_name_for_one_person(pages: Path, tmp_path: Path) -> None:
    cur = _curation(tmp_path, '[[person]]\nname = "Jean Sammet"\ncanonical = "Jean E. Sammet"\n')
    build([pages], tmp_path / "out", check=False, curation=cur)
    (jean,) = explain("Jean Sammet", tmp_path / "out")
    assert jean.name == "Jean E. Sammet"
    assert jean.curation == (("person #1", "canonical name 'Jean E. Sammet'"),)


def test_a_person_entry_that_is_ambiguous_or_matches_nothing_is_a_warning(
    pages: Path, tmp_path: Path
) -> None:
    cur = _curation(
        tmp_path,
        '[[person]]\nname = "Nobody Here"\norcid = "0000-0002-1825-0097"\n'
        '[[different_people]]\nnames = ["Ada Lovelace @ grace.txt", "Ada Lovelace"]\n'
        '[[person]]\nname = "Ada Lovelace"\norcid = "0000-0002-1825-0097"\n',
    )
    result = build([pages], tmp_path / "out", check=False, curation=cur)
    assert result.warnings[0] == (
        f"{cur}: person #1 ['Nobody Here']: 'Nobody Here' matches no person"
    )
    assert result.warnings[1].startswith(
        f"{cur}: person #2 ['Ada Lovelace']: 'Ada Lovelace' matches 2 people ("
    )
    assert result.warnings[1].endswith("say where it is printed: 'Ada Lovelace @ FILE'")
    assert len(result.warnings) == 2
    assert _orcids(tmp_path / "out") == {}


def test_a_bad_orcid_in_a_curation_file_names_file_line_and_entry(tmp_path: Path) -> None:
    cur = _curation(
        tmp_path,
        '[[person]]\nname = "Ada"\norcid = "0000-0002-1825-0097"\n\n'
        '[[person]]\nname = "Grace"\norcid = "0000-0002-1825-0098"\n',
    )
    with pytest.raises(InputError) as err:
        load_curation(cur)
    assert str(err.value).startswith(
        f"{cur}:5: person #2: orcid '0000-0002-1825-0098' is not an ORCID iD"
    )
    cur = _curation(tmp_path, '[[person]]\nname = "Ada"\n')
    with pytest.raises(InputError, match=r":1: person #1: say orcid or canonical"):
        load_curation(cur)


def test_the_curation_of_scholarkg_toml_beside_the_inputs_applies_then_the_file_named(
    pages: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from scholarkg.cli import app

    (pages / "scholarkg.toml").write_text(
        'base = "https://kg.example.org/"\n'
        '[[curation.same_person]]\nnames = ["Ada Byron", "Ada Lovelace"]\ncanonical = "Ada B."\n'
        '[[curation.person]]\nname = "Nobody"\ncanonical = "N."\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["build", str(pages), "--out", str(out), "--no-check"])
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines()[:2] == [
        f"config: {pages / 'scholarkg.toml'} (beside the inputs)",
        f"warning: {pages / 'scholarkg.toml'}: curation.person #1 ['Nobody']: "
        "'Nobody' matches no person",
    ]
    (ada,) = explain("Ada Byron", out)
    assert ada.name == "Ada B."
    iris = {str(s) for (s,) in run_query(open_build(out), "SELECT ?s WHERE { ?s ?p ?o }").rows}
    assert f"https://kg.example.org/person/{ada.key}" in iris  # its base is used too
    # a --curation file named as well applies after it: it has the last word
    cur = _curation(tmp_path, '[[same_person]]\nnames = ["Ada B."]\ncanonical = "Ada King"\n')
    r = CliRunner().invoke(
        app, ["build", str(pages), "--out", str(out), "--no-check", "--curation", str(cur)]
    )
    assert r.exit_code == 0, r.output
    (ada,) = explain("Ada Byron", out)
    assert ada.name == "Ada King"
    assert [entry for entry, _ in ada.curation] == [
        "curation.same_person #1",
        "curation.same_person #1",
        "same_person #1",
    ]


def test_curation_splits_an_editor_off_the_author_of_the_same_name(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{vol, title = {Engines}, editor = {Lovelace, Ada}}\n"
        "@article{ch, title = {Notes}, author = {Ada Lovelace and Charles Babbage}}\n",
        encoding="utf-8",
    )
    joined = build([bib], tmp_path / "joined", check=False)
    (ada,) = explain("Ada Lovelace", tmp_path / "joined")
    assert [src.rsplit("#", 1)[1] for src, _ in ada.records] == ["vol/editor/1", "ch/author/1"]
    cur = _curation(
        tmp_path, '[[different_people]]\nnames = ["Lovelace, Ada @ vol/editor/1", "Ada Lovelace"]\n'
    )
    split = build([bib], tmp_path / "split", check=True, curation=cur)
    assert split.conforms is True and split.people == joined.people + 1
    editor, author = sorted(explain("Ada Lovelace", tmp_path / "split"), key=lambda e: e.key)[::-1]
    assert [src.rsplit("#", 1)[1] for src, _ in editor.records] == ["vol/editor/1"]
    rows = run_query(
        open_build(tmp_path / "split"),
        "SELECT ?t ?role ?p WHERE { ?w <http://schema.org/name> ?t ; ?role ?p . "
        "FILTER(?role IN (<http://schema.org/editor>, <http://schema.org/author>)) } ORDER BY ?t",
    ).rows
    people = {t: (role.rsplit("/", 1)[1], p.rsplit("/", 1)[1]) for t, role, p in rows if "ada" in p}
    assert people == {"Engines": ("editor", editor.key), "Notes": ("author", author.key)}
