"""BibTeX: real LaTeX decoding, both name orders, particles and suffixes, "and others",
@string macros and crossrefs, identifiers, and local faults read around."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES, SHARED

from scholarkg.clean import clean_sources
from scholarkg.errors import InputError
from scholarkg.readers.bibtex import read_bibtex, split_authors

BIB = SHARED / "data" / "bib"


def _bib(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(text, encoding="utf-8")
    return path


def _names(path: Path) -> list[list[str]]:
    [cleaned] = [c for c in clean_sources([read_bibtex(path)]) if c.owner is None]
    return [[m.name.display for m in li.authors] for li in cleaned.listings]


def test_latex_accents_are_decoded(tmp_path: Path) -> None:
    path = _bib(
        tmp_path,
        r"""@article{a, title = {T},
  author = {Veli{\v{c}}kovi{\'c}, Petar and G{\"u}l{\c{c}}ehre, {\c{C}}a{\u{g}}lar and
            Sj{\o}berg, Jon and Stra{\ss}er, Hans and Y{\i}lmaz, Ay{\c{s}}e and
            Tom\'a\v{s} Ko\v{c}isk\'y and {\L}ukasz Kaiser}}""",
    )
    assert _names(path) == [
        [
            "Petar Veličković",
            "Çağlar Gülçehre",
            "Jon Sjøberg",
            "Hans Straßer",
            "Ayşe Yılmaz",
            "Tomáš Kočiský",
            "Łukasz Kaiser",
        ]
    ]


def test_both_name_orders_particles_and_suffixes(tmp_path: Path) -> None:
    path = _bib(
        tmp_path,
        r"""@book{b, title = {T},
  author = {van Gennep, Arnold and Ludwig van Beethoven and King, Jr., Martin Luther and
            Martin Luther King Jr. and V{\'a}zques{ de }Parga, Luis and de Geer, Ingrid}}""",
    )
    [cleaned] = [c for c in clean_sources([read_bibtex(path)]) if c.owner is None]
    names = [m.name for m in cleaned.listings[0].authors]
    assert [(n.given, n.family, n.suffix) for n in names] == [
        (("Arnold",), "van Gennep", ""),
        (("Ludwig",), "van Beethoven", ""),
        (("Martin", "Luther"), "King", "Jr."),
        (("Martin", "Luther"), "King", "Jr."),
        (("Luis",), "Vázques de Parga", ""),
        (("Ingrid",), "de Geer", ""),
    ]


def test_and_others_marks_the_list_incomplete_never_a_person(tmp_path: Path) -> None:
    path = _bib(tmp_path, "@article{c, title={T}, author={Hopper, Grace  and  others}}")
    [listing] = read_bibtex(path).listings
    assert [a.text for a in listing.authors] == ["Hopper, Grace"]
    assert listing.authors_complete is False


def test_braced_name_is_an_organization_and_and_inside_braces_does_not_split() -> None:
    assert split_authors("{Barnes and Noble} and Smith, J.") == ["{Barnes and Noble}", "Smith, J."]
    assert split_authors("A B and\n  C D") == ["A B", "C D"]


def test_title_braces_and_math_are_decoded_and_the_printed_form_kept(tmp_path: Path) -> None:
    path = _bib(
        tmp_path,
        r"""@inproceedings{d, author = {Hopper, Grace},
  title = {{BERT} and $\alpha$-divergence in {\"U}ber {GAN}s}}""",
    )
    [cleaned] = [c for c in clean_sources([read_bibtex(path)]) if c.owner is None]
    [li] = cleaned.listings
    assert li.title == "BERT and α-divergence in Über GANs"
    assert li.printed_title == r"{BERT} and $\alpha$-divergence in {\"U}ber {GAN}s"


def test_string_macros_concatenation_month_and_crossref(tmp_path: Path) -> None:
    path = _bib(
        tmp_path,
        """@string{acl = "Proceedings of ACL"}
@string{pub = {Deutscher}}
@inproceedings{child, title = {Child}, author = {A, B}, crossref = {parent}, month = jun}
@proceedings{parent, title = acl # { 2017}, year = 2017, publisher = pub # { Verlag}}
""",
    )
    bib = read_bibtex(path)
    child = next(li for li in bib.listings if li.source.part == "child")
    assert child.meta is not None
    assert (child.meta.venue, child.meta.date, child.meta.publisher) == (
        "Proceedings of ACL 2017",
        "2017-06",
        "Deutscher Verlag",
    )
    assert child.source.line == 3


def test_identifiers_from_every_place_bibtex_hides_them(tmp_path: Path) -> None:
    path = _bib(
        tmp_path,
        """@article{e1, title={A}, author={A, B}, eprint={1706.03762v5}, archivePrefix={arXiv}}
@article{e2, title={B}, author={A, B}, journal={arXiv preprint arXiv:1412.6980}}
@article{e3, title={C}, author={A, B}, journal={CoRR}, volume={abs/1606.05250}}
@misc{e4, title={D}, author={A, B}, url={https://arxiv.org/abs/hep-th/9901001v2}}
@article{e5, title={E}, author={A, B}, doi={https://doi.org/10.1145/ABC.123}}
""",
    )
    got = {
        li.source.part: (li.doi, li.arxiv, li.meta.arxiv_version if li.meta else "")
        for li in read_bibtex(path).listings
    }
    assert got == {
        "e1": (None, "1706.03762", "v5"),
        "e2": (None, "1412.6980", ""),
        "e3": (None, "1606.05250", ""),
        "e4": (None, "hep-th/9901001", "v2"),
        "e5": ("10.1145/abc.123", None, ""),
    }
    venues = {li.source.part: li.meta.venue for li in read_bibtex(path).listings if li.meta}
    assert venues["e2"] == venues["e3"] == ""  # they name the identifier, not a venue


# the name-list fields of roles other than author and editor in biblatex-examples.bib, counted
# in the file by field name (biblatex's own example of every role)
UNREAD_IN_BIBLATEX_EXAMPLES = {
    "afterword": 1,
    "annotator": 1,
    "bookauthor": 4,
    "commentator": 1,
    "editora": 1,
    "holder": 2,
    "introduction": 1,
    "translator": 9,
}


@pytest.mark.parametrize(
    ("name", "entries", "authors", "arxiv", "incomplete", "types", "unread"),
    [
        (
            "danqi-thesis.bib",
            138,
            580,
            15,
            2,
            {
                "inproceedings": 105,
                "article": 25,
                "book": 4,
                "phdthesis": 2,
                "incollection": 1,
                "techreport": 1,
            },
            {},
        ),
        (
            "biblatex-examples.bib",
            90,  # 92 entries, less the 2 @set entries (read as notes, not works)
            142,
            4,
            0,
            {
                "book": 40,
                "article": 20,
                "incollection": 5,
                "collection": 5,
                "online": 5,
                "patent": 4,
                "inbook": 3,
                "inproceedings": 2,
                "report": 2,
                "thesis": 2,
                "manual": 1,
                "periodical": 1,
            },
            UNREAD_IN_BIBLATEX_EXAMPLES,
        ),
    ],
)
def test_real_files_are_read_without_loss(
    name: str,
    entries: int,
    authors: int,
    arxiv: int,
    incomplete: int,
    types: dict[str, int],
    unread: dict[str, int],
) -> None:
    bib = read_bibtex(BIB / name)
    assert len(bib.listings) == entries
    assert sum(len(li.authors) for li in bib.listings) == authors
    assert sum(1 for li in bib.listings if li.arxiv) == arxiv
    assert sum(1 for li in bib.listings if not li.authors_complete) == incomplete
    kinds: dict[str, int] = {}
    for li in bib.listings:
        assert li.meta is not None
        kinds[li.meta.kind] = kinds.get(li.meta.kind, 0) + 1
    assert kinds == types
    # the one warning a clean real file gives: people in roles the graph does not hold
    said = [p.message.split(" (")[0] for p in bib.problems if p.warning]
    assert all(p.message.endswith("so these names are left out") for p in bib.problems if p.warning)
    assert {r: said.count(r) for r in sorted(set(said))} == unread
    assert all(li.meta and li.meta.date for li in bib.listings)  # every entry has a year


def test_danqi_macros_are_expanded_and_one_person_in_two_spellings() -> None:
    bib = read_bibtex(BIB / "danqi-thesis.bib")
    venues = {li.meta.venue for li in bib.listings if li.meta}
    assert not any(v in {"acl", "emnlp", "naacl"} for v in venues)  # @string macros expanded
    cleaned = clean_sources([bib])
    spellings = {
        m.printed: m.name.display
        for c in cleaned
        for li in c.listings
        for m in li.authors
        if "Ko" in m.name.display and "isk" in m.name.display
    }
    assert spellings == {
        r"Tom\'a\v{s} Ko\v{c}isk\'y": "Tomáš Kočiský",
        r"Ko{\v{c}}isk{\`y}, Tom{\'a}{\v{s}}": "Tomáš Kočiskỳ",
    }


def test_biblatex_sets_are_notes_not_works() -> None:
    bib = read_bibtex(BIB / "biblatex-examples.bib")
    notes = [(p.source.line, p.source.part) for p in bib.problems if not p.warning]
    assert notes == [(26, "set"), (34, "stdmodel")]


def test_local_faults_are_reported_with_line_and_the_rest_read() -> None:
    bib = read_bibtex(CASES / "sources" / "bad.bib")
    assert [li.source.part for li in bib.listings] == ["good1", "good2"]
    assert [(p.source.line, p.message.split(";")[0]) for p in bib.problems] == [
        (
            3,
            "this entry could not be parsed (Unexpected block start: `@article`. Was still "
            "looking for field-value closing `,` or `}`)",
        ),
        (5, "date 'nineteen' is not a year or ISO date"),
        (6, "duplicate entry key 'good1'"),
        (7, "no title"),
    ]
    assert bib.skipped == 3


def test_nothing_readable_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_bibtex(_bib(tmp_path, "just some text, no entries\n"))
    assert "no BibTeX entry could be read" in str(err.value)
    assert err.value.exit_code == 2
    with pytest.raises(InputError) as err2:
        read_bibtex(_bib(tmp_path, "@article{x, title = {Unclosed\n"))
    assert err2.value.line == 1


def test_orcid_fields_are_read_and_a_bad_one_is_a_warning_naming_line_and_value(
    tmp_path: Path,
) -> None:
    path = _bib(
        tmp_path,
        "@article{a,\n  title = {T},\n  author = {Hopper, Grace and Ada Lovelace},\n"
        "  orcid-numbers = {Lovelace, Ada/https://orcid.org/0000-0002-1825-0097;\n"
        "                   Hopper, Grace/0000-0002-1825-0098},\n}\n"
        "@article{b,\n  title = {U},\n  author = {Sammet, Jean},\n"
        "  orcid = {0000-0002-1694-233X},\n}\n"
        "@article{c,\n  title = {V},\n  author = {Sammet, Jean and Grace Hopper},\n"
        "  orcid = {0000-0002-1694-233X},\n}\n",
    )
    bib = read_bibtex(path)
    assert [[(a.text, a.orcid) for a in li.authors] for li in bib.listings] == [
        [("Hopper, Grace", None), ("Ada Lovelace", "0000-0002-1825-0097")],
        [("Sammet, Jean", "0000-0002-1694-233X")],
        [("Sammet, Jean", None), ("Grace Hopper", None)],
    ]
    assert [(str(p.source), p.message) for p in bib.problems] == [
        (
            f"{path}:4#a/orcid-numbers",
            "orcid-numbers '0000-0002-1825-0098' is not an ORCID iD (bad form or check digit); "
            "it is ignored",
        ),
        (
            f"{path}:15#c/orcid",
            "orcid: a bare ORCID (0000-0002-1694-233X) names 2 authors of the entry, not one; "
            "it is ignored",
        ),
    ]


def test_editors_are_read_apart_from_authors_and_an_organization_editor_is_a_warning(
    tmp_path: Path,
) -> None:
    path = _bib(
        tmp_path,
        "@incollection{a,\n  title = {T},\n  author = {Hopper, Grace},\n"
        "  editor = {Lovelace, Ada and\n            {ACM} and others},\n}\n"
        "@book{b,\n  title = {U},\n  editor = {Jean Sammet},\n}\n",
    )
    bib = read_bibtex(path)
    assert [[a.text for a in li.authors] for li in bib.listings] == [["Hopper, Grace"], []]
    assert [[(a.text, str(a.source)) for a in li.editors] for li in bib.listings] == [
        [("Lovelace, Ada", f"{path}:4#a/editor/1")],
        [("Jean Sammet", f"{path}:9#b/editor/1")],
    ]
    assert [(str(p.source), p.message) for p in bib.problems] == [
        (f"{path}:1#a", "editor list ends with 'and others'; the rest is unknown"),
        (f"{path}:5#a/editor/2", "editor 'ACM' is an organization, not a person; ignored"),
    ]


def test_people_in_roles_the_graph_does_not_hold_are_a_warning_not_a_silent_drop(
    tmp_path: Path,
) -> None:
    path = _bib(
        tmp_path,
        "@book{a,\n  title = {T},\n  author = {Hopper, Grace},\n"
        "  translator = {Lovelace, Ada and Babbage, Charles},\n"
        "  foreword = {{ACM}},\n  editora = { },\n}\n",
    )
    bib = read_bibtex(path)
    [li] = bib.listings
    assert [a.text for a in li.authors] == ["Hopper, Grace"]
    assert li.editors == ()
    assert [(str(p.source), p.message) for p in bib.problems] == [
        (
            f"{path}:1#a",
            "translator (2: Lovelace, Ada; Babbage, Charles) is not read: the graph holds "
            "authors and editors only, so these names are left out",
        ),
        (
            f"{path}:1#a",
            "foreword (1: ACM) is not read: the graph holds authors and editors only, so "
            "these names are left out",
        ),
    ]
