"""Builds from every kind of source: the shared real files into one conforming graph, one paper
from a page, a BibTeX entry and a CSL item as one node, identity by DOI and ORCID, and local
faults read around (exit 0 with warnings) or refused (exit 2), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CASES, SHARED
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.pipeline import build
from scholarkg.query import run_query
from scholarkg.store import open_build

DATA = SHARED / "data"
SOURCES = CASES / "sources"
S = "http://schema.org/"
SKG = "https://w3id.org/scholarkg/ns#"


def _rows(out: Path, sparql: str) -> list[tuple[str, ...]]:
    return [tuple(r) for r in run_query(open_build(out), sparql).rows]


@pytest.fixture(scope="module")
def shared_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shared") / "out"
    result = build([DATA], out)
    assert result.conforms is True
    return out


def test_shared_real_files_build_into_one_conforming_graph(shared_build: Path) -> None:
    report = json.loads((shared_build / "report.json").read_text(encoding="utf-8"))
    summary = report["summary"]
    assert (summary["files"], summary["listings_read"], summary["author_lines_read"]) == (
        4,
        333,
        926,
    )
    # editors (37 lines) are people too: 29 of their own, 2 who are also authors here
    assert summary["editor_lines_read"] == 37
    assert (summary["works"], summary["people"], summary["rejected"]) == (325, 750, 0)
    assert report["check"]["conforms"] is True
    # every input record accounted for: each listing is a work, each author a person or an
    # organization, and the faults read around are listed
    assert len(report["listings"]) == 333
    assert len(report["mentions"]) + len(report["organization_authors"]) == 926 + 37
    warnings = [p for p in report["problems"] if p["kind"] == "warning"]
    unread = [p for p in warnings if p["message"].endswith("so these names are left out")]
    # biblatex-examples.bib prints 20 name lists of roles the graph does not hold (translator,
    # bookauthor, holder…): each is said, none silently dropped
    assert len(unread) == 20
    assert {Path(p["source"].split(":")[0]).name for p in unread} == {"biblatex-examples.bib"}
    assert [p["source"].rsplit("/", 1)[1] for p in warnings if p not in unread] == [
        "covid19-review-manual-references.json:1056",
        "covid19-review-manual-references.json:1077",
        "deep-review-manual-references.json:685",
    ]
    types = dict(
        _rows(
            shared_build,
            f"SELECT ?c (COUNT(DISTINCT ?w) AS ?n) WHERE {{ ?w a ?c ; <{SKG}source> ?s }} "
            "GROUP BY ?c ORDER BY ?c",
        )
    )
    assert {k.rsplit("/", 1)[-1]: int(v) for k, v in types.items() if "schema.org" in k} == {
        "Book": 49,
        "Chapter": 10,
        "CreativeWork": 4,
        "Periodical": 1,
        "Person": 750,
        "Report": 6,
        "ScholarlyArticle": 177,
        "Thesis": 4,
        "WebPage": 74,
    }  # 325 works in all


def test_shared_build_sample_of_names_and_identifiers(shared_build: Path) -> None:
    names = {
        r[0] for r in _rows(shared_build, f"SELECT ?n WHERE {{ ?p a <{S}Person> ; <{S}name> ?n }}")
    }
    assert {
        "Tomáš Kočiský",  # one person from 'Tom\'a\v{s} Ko\v{c}isk\'y' and the braced spelling
        "Łukasz Kaiser",
        "Tim Rocktäschel",
        "Petr Baudiš",
        "Arnold van Gennep",
        "Luis Vázques de Parga",
        "Ahasver von Brandt",
        "Özge Aksın",
    } <= names
    assert not {n for n in names if "\\" in n or "{" in n or n.lower() == "others"}
    assert sum(1 for n in names if "Ko" in n and "isk" in n) == 1
    ids = _rows(
        shared_build,
        f"SELECT ?t ?d WHERE {{ ?w <{S}name> ?t ; <{SKG}doi> ?d }} ORDER BY ?d LIMIT 3",
    )
    assert all(d.startswith("10.") and d == d.lower() for _, d in ids)
    adam = _rows(
        shared_build,
        f'SELECT ?same WHERE {{ ?w <{SKG}arxivId> "1412.6980" ; <{S}sameAs> ?same }}',
    )
    assert adam == [("https://arxiv.org/abs/1412.6980",)]
    orgs = _rows(
        shared_build,
        f"SELECT (COUNT(?w) AS ?n) WHERE {{ ?w <{S}creator> ?o . ?o <{S}name> "
        '"World Health Organization" }',
    )
    assert orgs == [("4",)]


def test_editors_are_people_as_schema_editor_never_authors(shared_build: Path) -> None:
    rows = _rows(
        shared_build,
        f"SELECT ?n (COUNT(DISTINCT ?w) AS ?e) (COUNT(DISTINCT ?a) AS ?au) WHERE {{ "
        f"?w <{S}editor> ?p . ?p a <{S}Person> ; <{S}name> ?n . "
        f"OPTIONAL {{ ?a <{S}author> ?p }} }} GROUP BY ?n ORDER BY ?n",
    )
    counts = {n: (int(e), int(a)) for n, e, a in rows}
    assert len(counts) == 31
    # Colli and Montinari edit three entries (a @mvbook and the volumes that crossref it)
    assert counts["Giorgio Colli"] == counts["Mazzino Montinari"] == (3, 0)
    # an editor who is an author elsewhere in the same file is one person
    assert counts["Gary Westfahl"] == (2, 1)
    assert counts["Dilip Parameshwar Gaonkar"] == (2, 1)
    assert counts["Charles A Janeway Jr"] == (1, 0)  # a CSL item's editor
    # author and editor of one work: only the two chapters their volume's editor wrote
    # (westfahl:space inherits its editor by crossref; gaonkar:in names him as both)
    both = _rows(
        shared_build,
        f"SELECT ?s WHERE {{ ?w <{S}editor> ?p ; <{S}author> ?p ; <{SKG}source> ?s }} ORDER BY ?s",
    )
    assert [s.rsplit("/", 1)[1] for (s,) in both] == [
        "biblatex-examples.bib:10#westfahl:space",
        "biblatex-examples.bib:1150#gaonkar:in",
    ]


def test_one_paper_from_a_page_a_bibtex_entry_and_a_csl_item_is_one_node(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build([SOURCES / "engine"], out)
    assert (result.works, result.people, result.conforms) == (1, 2, True)
    [(work, title)] = _rows(
        out, f"SELECT ?w ?t WHERE {{ ?w a <{S}ScholarlyArticle> ; <{S}name> ?t }}"
    )
    assert title == "Notes on the Analytical Engine"
    sources = {r[0] for r in _rows(out, f"SELECT ?s WHERE {{ <{work}> <{SKG}source> ?s }}")}
    assert {s.split("/", s.count("/") - 1)[-1] for s in sources} == {
        "engine/lovelace.txt:6",
        "engine/engine.bib:4#lovelace1843",
        "engine/engine.json:2#engine",
    }
    same = {r[0] for r in _rows(out, f"SELECT ?s WHERE {{ <{work}> <{S}sameAs> ?s }}")}
    assert same == {"https://doi.org/10.5555/engine.1843", "https://arxiv.org/abs/1843.00001"}
    ids = set(
        _rows(
            out,
            f"SELECT ?k ?v WHERE {{ <{work}> <{S}identifier> ?i . ?i a <{S}PropertyValue> ; "
            f"<{S}propertyID> ?k ; <{S}value> ?v }}",
        )
    )
    assert ids == {("DOI", "10.5555/engine.1843"), ("arXiv", "1843.00001")}
    # per field the fuller value wins, and the other title is kept as an alternate
    facts = dict(
        _rows(
            out,
            f"SELECT ?p ?o WHERE {{ <{work}> ?p ?o . FILTER(?p IN (<{S}datePublished>, "
            f"<{S}pagination>, <{S}alternateName>)) }}",
        )
    )
    assert facts == {
        f"{S}datePublished": "1843-10",
        f"{S}pagination": "666–731",
        f"{S}alternateName": "Sketch of the Analytical Engine, with notes by the translator",
    }
    versions = {r[0] for r in _rows(out, f"SELECT ?v WHERE {{ <{work}> <{SKG}arxivVersion> ?v }}")}
    assert versions == {"v1", "v2"}
    # 'Lovelace, Ada' (BibTeX), 'Ada' + 'Lovelace' (CSL) and the page's 'Ada K. Lovelace'
    people = _rows(
        out,
        f"SELECT ?n ?alt WHERE {{ ?p a <{S}Person> ; <{S}name> ?n . "
        f"OPTIONAL {{ ?p <{S}alternateName> ?alt }} }} ORDER BY ?n",
    )
    assert people == [("Ada K. Lovelace", "Ada Lovelace"), ("Charles Babbage", "")]
    # each person records every source record merged into them: page, BibTeX entry, CSL item
    provenance = _rows(
        out,
        f"SELECT ?n ?s WHERE {{ ?p a <{S}Person> ; <{S}name> ?n ; <{SKG}source> ?s }} "
        "ORDER BY ?n ?s",
    )
    assert [(n, s.split("/engine/", 1)[1]) for n, s in provenance] == [
        ("Ada K. Lovelace", "engine.bib:6#lovelace1843/author/1"),
        ("Ada K. Lovelace", "engine.json:2#engine/author/1"),
        ("Ada K. Lovelace", "lovelace.txt:2"),
        ("Charles Babbage", "engine.bib:6#lovelace1843/author/2"),
        ("Charles Babbage", "engine.json:2#engine/author/2"),
        ("Charles Babbage", "lovelace.txt:7"),
    ]


def test_two_orcids_are_two_people_and_one_orcid_one_person(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([SOURCES / "people.jsonl", SOURCES / "engine"], out)
    rows = _rows(
        out,
        f"SELECT ?n ?o WHERE {{ ?p <{S}name> ?n ; <{SKG}orcid> ?o }} ORDER BY ?o",
    )
    # the same printed name with two ORCIDs is two people; 'A. Lovelace' with Ada's ORCID is Ada
    assert rows == [
        ("Ada Lovelace", "0000-0001-5109-3700"),
        ("Ada K. Lovelace", "0000-0002-1825-0097"),
    ]
    alts = {
        r[0]
        for r in _rows(
            out,
            f'SELECT ?a WHERE {{ ?p <{SKG}orcid> "0000-0002-1825-0097" ; <{S}alternateName> ?a }}',
        )
    }
    assert alts == {"A. Lovelace", "Ada Lovelace"}
    member = _rows(
        out,
        f'SELECT ?r WHERE {{ ?p <{SKG}orcid> "0000-0002-1825-0097" ; <{S}memberOf> ?m . '
        f"?m <{S}roleName> ?r }}",
    )
    assert member == [("Affiliate Member",)]


def test_same_doi_merges_different_titles_and_different_dois_never_merge(tmp_path: Path) -> None:
    bib = tmp_path / "refs.bib"
    bib.write_text(
        """@article{a, title = {Deep Learning}, author = {LeCun, Yann}, doi = {10.1038/nature14539}}
@article{b, title = {Deep learning (review)}, author = {Yann LeCun}, doi = {10.1038/NATURE14539}}
@book{c, title = {Deep Learning}, author = {Goodfellow, Ian}, doi = {10.5555/3086952}}
@book{d, title = {Deep Learning}, author = {Goodfellow, Ian}}
""",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = build([bib], out)
    assert (result.works, result.conforms) == (2, True)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    work_of = {k.rsplit("#", 1)[1]: v for k, v in report["listings"].items()}
    assert work_of["a"] == work_of["b"] != work_of["c"]
    assert work_of["d"] in (work_of["a"], work_of["c"])  # a title joins one of them, never both


def test_cli_warns_of_local_faults_and_exits_0(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(SOURCES / "bad.bib"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"warning: {SOURCES / 'bad.bib'}:3: this entry could not be parsed (Unexpected block "
        "start: `@article`. Was still looking for field-value closing `,` or `}`); it is skipped"
    )
    assert "read 1 file(s): 2 listings, 2 author lines" in result.stdout


def test_cli_nothing_sensible_to_read_exits_2_without_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["build", str(SOURCES / "broken.json"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {SOURCES / 'broken.json'}:3: not valid JSON: Expecting value (column 23); "
        "fix the JSON syntax at that place\n"
    )
    assert not (tmp_path / "out" / "report.json").exists()


def test_cli_format_option(tmp_path: Path) -> None:
    renamed = tmp_path / "refs.txt"
    renamed.write_text((SOURCES / "engine" / "engine.bib").read_text(encoding="utf-8"))
    runner = CliRunner()
    ok = runner.invoke(
        app, ["build", str(renamed), "--format", "bibtex", "--out", str(tmp_path / "out")]
    )
    assert ok.exit_code == 0, ok.output
    assert "1 papers" in ok.stdout
    as_page = runner.invoke(app, ["build", str(renamed), "--out", str(tmp_path / "out2")])
    assert as_page.exit_code == 2  # read as a profile page, it is not one


def test_an_editor_joins_the_author_of_the_same_name_or_orcid_and_is_counted(
    tmp_path: Path,
) -> None:
    from scholarkg.explain import explain

    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{vol, title = {Engines}, editor = {Lovelace, Ada and Hopper, Grace}}\n"
        "@incollection{ch, title = {Notes}, author = {Ada Lovelace and Charles Babbage},\n"
        "  booktitle = {Engines}}\n"
        "@incollection{ch2, title = {Compilers}, author = {Grace Murray Hopper},\n"
        "  editor = {Sammet, Jean}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = runner_build(bib, out)
    assert "read 1 file(s): 3 listings, 3 author lines, 3 editor lines" in result.stdout
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["editor_lines_read"] == 3
    assert report["summary"]["people"] == 5  # Ada, Babbage, Grace (as editor), G. M. Hopper, Jean
    rows = _rows(
        out,
        f"SELECT ?t ?n WHERE {{ ?w <{S}name> ?t ; <{S}editor> ?p . ?p <{S}name> ?n }} "
        "ORDER BY ?t ?n",
    )
    assert rows == [
        ("Compilers", "Jean Sammet"),
        ("Engines", "Ada Lovelace"),
        ("Engines", "Grace Hopper"),
    ]
    (ada,) = explain("Ada Lovelace", out)
    assert [src.rsplit("#", 1)[1] for src, _ in ada.records] == ["vol/editor/1", "ch/author/1"]
    # 'Grace Hopper' as editor and 'Grace Murray Hopper' as author do not agree exactly: two
    # nodes (editing brings no coauthor evidence to tell they are one)
    assert len(explain("Grace Hopper", out)) == 1


def runner_build(path: Path, out: Path) -> object:
    result = CliRunner().invoke(app, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result
