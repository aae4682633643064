"""CSL-JSON: names (family/given, literal, family only), dates, container, identifiers, and the
real files' faults (a leading-zero number, a key given twice) read around with their lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES, SHARED

from scholarkg.errors import InputError
from scholarkg.readers.csl import read_csl

CSL = SHARED / "data" / "csl"


def _csl(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "items.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_item_is_read_whole(tmp_path: Path) -> None:
    path = _csl(
        tmp_path,
        """[{"id": "x", "type": "paper-conference", "title": "T",
  "author": [{"family": "Gennep", "non-dropping-particle": "van", "given": "Arnold"},
             {"family": "Janeway", "given": "Charles A.", "suffix": "Jr.",
              "ORCID": "http://orcid.org/0000-0002-1825-0097"},
             {"literal": "World Health Organization"}, {"family": "NIH", "given": ""}],
  "issued": {"date-parts": [["2020", "3", "9"]]}, "container-title": "Proc. X",
  "page": " 29-38", "volume": "14", "DOI": "10.1000/ABC", "URL": "https://arxiv.org/abs/2003.01234v2",
  "abstract": "<jats:p>Cells &gt; 5</jats:p>"}]""",
    )
    [li] = read_csl(path).listings
    assert [(a.text, a.organization, a.orcid) for a in li.authors] == [
        ("van Gennep, Arnold", False, None),
        ("Janeway, Charles A., Jr.", False, "0000-0002-1825-0097"),
        ("World Health Organization", True, None),
        ("NIH", True, None),
    ]
    assert li.authors[1].parts is not None
    assert (li.authors[1].parts.family, li.authors[1].parts.suffix) == ("Janeway", "Jr.")
    assert li.meta is not None
    assert (li.meta.kind, li.meta.date, li.meta.venue, li.meta.pages) == (
        "paper-conference",
        "2020-03-09",
        "Proc. X",
        "29-38",
    )
    assert (li.doi, li.arxiv, li.meta.arxiv_version) == ("10.1000/abc", "2003.01234", "v2")
    assert li.abstract == "Cells > 5"
    assert (li.source.line, li.source.part) == (1, "x")


@pytest.mark.parametrize(
    ("name", "items", "authors", "organizations", "dois", "dated", "types"),
    [
        (
            "deep-review-manual-references.json",
            29,
            79,
            3,
            5,
            28,
            {
                "webpage": 16,
                "article-journal": 5,
                "paper-conference": 4,
                "report": 3,
                "chapter": 1,
            },
        ),
        (
            "covid19-review-manual-references.json",
            76,
            125,
            14,
            13,
            65,
            {"webpage": 54, "article-journal": 18, "book": 4},
        ),
    ],
)
def test_real_files_are_read_without_loss(
    name: str,
    items: int,
    authors: int,
    organizations: int,
    dois: int,
    dated: int,
    types: dict[str, int],
) -> None:
    bib = read_csl(CSL / name)
    assert len(bib.listings) == items and bib.skipped == 0
    assert sum(len(li.authors) for li in bib.listings) == authors
    assert sum(a.organization for li in bib.listings for a in li.authors) == organizations
    assert sum(1 for li in bib.listings if li.doi) == dois
    assert sum(1 for li in bib.listings if li.meta and li.meta.date) == dated
    kinds: dict[str, int] = {}
    for li in bib.listings:
        assert li.meta is not None
        kinds[li.meta.kind] = kinds.get(li.meta.kind, 0) + 1
    assert kinds == types


def test_covid_leading_zeros_are_read_as_numbers_with_a_warning() -> None:
    bib = read_csl(CSL / "covid19-review-manual-references.json")
    assert [(p.source.line, p.message) for p in bib.problems] == [
        (1056, "the number 01 has a leading zero (not JSON); read as 1"),
        (1077, "the number 01 has a leading zero (not JSON); read as 1"),
    ]
    assert sum(1 for li in bib.listings if li.meta and li.meta.date == "2022-06-01") == 2


def test_deep_review_repeated_key_keeps_the_last_with_a_warning() -> None:
    bib = read_csl(CSL / "deep-review-manual-references.json")
    [problem] = bib.problems
    assert problem.source.line == 685
    assert "key 'type' is given twice" in problem.message
    assert "the last is used" in problem.message


def test_broken_json_is_an_input_error_naming_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_csl(CASES / "sources" / "broken.json")
    assert (err.value.line, err.value.exit_code) == (3, 2)
    assert "not valid JSON" in str(err.value)


def test_an_item_without_title_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = _csl(tmp_path, '[{"id": "a", "title": "Kept", "DOI": "10.1/x"},\n {"id": "b"},\n 7]')
    bib = read_csl(path)
    assert [li.title for li in bib.listings] == ["Kept"]
    assert [(p.source.line, p.message) for p in bib.problems] == [
        (1, "DOI '10.1/x' is not a DOI; ignored"),
        (2, "no title; the item is skipped"),
        (3, "item 3 is not an object; skipped"),
    ]


def test_a_bad_orcid_is_a_warning_naming_item_name_and_value(tmp_path: Path) -> None:
    path = _csl(
        tmp_path,
        '[{"id": "a", "title": "T",\n'
        ' "author": [{"family": "Hopper", "given": "Grace", "ORCID": "0000-0002-1825-0098"},\n'
        '            {"family": "Lovelace", "given": "Ada", "ORCID": "0000-0002-1825-0097"}]}]',
    )
    bib = read_csl(path)
    [li] = bib.listings
    assert [(a.text, a.orcid) for a in li.authors] == [
        ("Hopper, Grace", None),
        ("Lovelace, Ada", "0000-0002-1825-0097"),
    ]
    assert [(str(p.source), p.message, p.warning) for p in bib.problems] == [
        (
            f"{path}:1#a/author/1",
            "ORCID '0000-0002-1825-0098' of Hopper, Grace is not an ORCID iD (bad form or "
            "check digit); the name is read without it",
            True,
        )
    ]


def test_editors_are_read_apart_from_authors(tmp_path: Path) -> None:
    path = _csl(
        tmp_path,
        '[{"id": "a", "title": "T", "author": [{"family": "Hopper", "given": "Grace"}],\n'
        ' "editor": [{"family": "Lovelace", "given": "Ada", "ORCID": "0000-0002-1825-0098"},\n'
        '            {"literal": "ACM"}]}]',
    )
    bib = read_csl(path)
    [li] = bib.listings
    assert [a.text for a in li.authors] == ["Hopper, Grace"]
    assert [(e.text, e.orcid, e.source.part) for e in li.editors] == [
        ("Lovelace, Ada", None, "a/editor/1")
    ]
    assert [(p.source.part, p.message) for p in bib.problems] == [
        (
            "a/editor/1",
            "ORCID '0000-0002-1825-0098' of Lovelace, Ada is not an ORCID iD (bad form or "
            "check digit); the name is read without it",
        ),
        ("a/editor/2", "editor 'ACM' is an organization, not a person; ignored"),
    ]


def test_people_in_roles_the_graph_does_not_hold_are_a_warning_not_a_silent_drop(
    tmp_path: Path,
) -> None:
    names = ", ".join(f'{{"family": "F{i}", "given": "G"}}' for i in range(1, 5))
    path = _csl(
        tmp_path,
        '[{"id": "a", "title": "T", "author": [{"family": "Hopper", "given": "Grace"}],\n'
        f' "translator": [{names}], "container-author": [{{"literal": "ACM"}}],\n'
        ' "recipient": []}]',
    )
    bib = read_csl(path)
    [li] = bib.listings
    assert [a.text for a in li.authors] == ["Hopper, Grace"]
    assert [(p.source.part, p.message) for p in bib.problems] == [
        (
            "a",
            "container-author (1: ACM) is not read: the graph holds authors and editors "
            "only, so these names are left out",
        ),
        (
            "a",
            "translator (4: F1, G; F2, G; F3, G; …) is not read: the graph holds authors and "
            "editors only, so these names are left out",
        ),
    ]
