"""Tests for the synthetic institute generator and the pairwise quality scorer."""

from __future__ import annotations

import difflib
import importlib.util
import itertools
import json
import os
import random
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO

BENCHMARKS = REPO / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


gen = _load("generate")
quality = _load("quality")

LISTINGS = 2000


@pytest.fixture(scope="module")
def institute(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("institute")
    gen.generate(out, LISTINGS, seed=7)
    return out


@pytest.fixture(scope="module")
def pages(institute: Path) -> list[tuple[dict, list[str]]]:
    """(truth record, lines of the page) for every page."""
    out = []
    with (institute / "truth.jsonl").open(encoding="utf-8") as f:
        for text in f:
            record = json.loads(text)
            lines = (institute / record["page"]).read_text(encoding="utf-8").split("\n")
            out.append((record, lines))
    return out


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


# -- generator -------------------------------------------------------------------


def test_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    gen.generate(tmp_path / "a", 700, seed=3)
    gen.generate(tmp_path / "b", 700, seed=3)
    gen.generate(tmp_path / "c", 700, seed=4)
    a, b, c = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert a == b
    assert len(a) > 3
    assert a != c


def test_bytes_do_not_depend_on_the_process(tmp_path: Path) -> None:
    """String hashing differs between processes; the output must not."""
    gen.generate(tmp_path / "here", 300, seed=5)
    script = BENCHMARKS / "generate.py"
    args = [sys.executable, str(script), str(tmp_path / "there"), "--listings", "300"]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([*args, "--seed", "5"], check=True, capture_output=True, env=env)
    assert _files(tmp_path / "here") == _files(tmp_path / "there")


def test_listings_count_is_exact_and_pages_hold_20_to_300(pages: list, institute: Path) -> None:
    sizes = [len(record["titles"]) for record, _ in pages]
    assert sum(sizes) == LISTINGS
    assert min(sizes) >= 20
    assert max(sizes) <= 300
    header = json.loads((institute / "truth.json").read_text(encoding="utf-8"))
    assert header["summary"]["listings"] == LISTINGS
    assert header["summary"]["pages"] == len(pages)
    assert header["pages_truth"] == "truth.jsonl"
    assert len(list((institute / "pages").glob("*.txt"))) == len(pages)


def test_pages_have_the_seed_layout(pages: list, institute: Path) -> None:
    for record, lines in pages:
        text = (institute / record["page"]).read_text(encoding="utf-8")
        assert not text.endswith("\n")  # like the seed: no newline after the last line
        assert lines[0].startswith("Portrait of ")
        assert lines[1] == "" and lines[3] == ""
        assert lines[2] == lines[0].removeprefix("Portrait of ")
        assert lines[4] in gen.ROLES
        assert ", " in lines[5]
        assert lines[6] == "Research Topics"
        pub = lines.index("Publications")
        topics = lines[7 : pub - 1]
        assert topics and all(topics) and topics == sorted(topics)
        assert lines[pub - 1] == "" and lines[pub + 1] == ""
        assert all(lines[pub + 2 :]), f"{record['page']}: blank line among entries"


def test_truth_lines_point_at_the_right_kinds_of_lines(pages: list) -> None:
    for record, lines in pages:
        page = record["page"]
        assert record["owner"]["line"] == 3
        owner = record["owner"]["person"]
        titles = {line: wid for line, wid in record["titles"]}
        authors = {line: pid for line, pid in record["authors"]}
        abstracts = set(record["mess"].get("abstract", []))
        cut = set(record["mess"].get("abstract_cut", []))
        first = lines.index("Publications") + 3  # 1-based number of the first entry line
        assert first in titles, page
        entry_lines = set(range(first, len(lines) + 1))
        assert titles.keys() | authors.keys() | abstracts == entry_lines, page
        assert not titles.keys() & authors.keys()
        assert not (titles.keys() | authors.keys()) & abstracts
        assert owner not in authors.values(), f"{page}: owner listed as own coauthor"
        for line in abstracts:
            text = lines[line - 1]
            assert len(text) > 300
            assert ("… (see more)" in text) == (line in cut)
            assert line - 1 in titles or line - 1 in authors  # closes an entry
        for line in authors:  # every author line belongs to a card opened by a title
            back = line - 1
            while back in authors:
                back -= 1
            assert back in titles, f"{page}:{line}"
        for line, wid in titles.items():
            assert re.match(r"^w\d+$", wid)
            assert lines[line - 1][:1].isalnum() or lines[line - 1][:1] in "'\""


def test_mess_tags_are_counted_at_2000_listings(institute: Path) -> None:
    summary = json.loads((institute / "truth.json").read_text(encoding="utf-8"))["summary"]
    assert summary["confusable_persons"] > 0
    mess = summary["mess"]
    for tag in (
        "latex", "ascii", "nickname", "initials", "middle", "case", "double", "member",
        "confusable", "homonym", "dup", "dup_altered", "shared", "version", "sibling", "abstract",
        "abstract_cut",
    ):  # fmt: skip
        assert mess.get(tag, 0) > 0, tag
    assert set(mess) <= set(gen.MESS_TAGS)


def _tagged(pages: list, tag: str) -> list[str]:
    """The text of every line tagged ``tag``."""
    return [lines[line - 1] for record, lines in pages for line in record["mess"].get(tag, [])]


def test_latex_residue_and_nicknames_show_in_the_text(pages: list) -> None:
    latex = _tagged(pages, "latex")
    assert any(re.search(r"['`\"~^][A-Za-z]", text) for text in latex)
    assert all(text.isascii() for text in latex)
    names = set(gen.NICKNAMES) | {n for nicks in gen.NICKNAMES.values() for n in nicks}
    nick = _tagged(pages, "nickname")
    assert nick
    assert all(text.split()[0].strip(",").title() in names for text in nick if "." not in text)
    initials = _tagged(pages, "initials")
    assert any(re.match(r"^[A-Z]\.", text) for text in initials)


def test_latex_residue_matches_a_scraper() -> None:
    rng = random.Random(0)
    assert gen.latex_residue("Petar Veličković", rng, 1.0) == "Petar Velivckovi 'c"
    assert gen.latex_residue("Petar Veličković", rng, 0.0) == "Petar Velivckovi'c"
    assert gen.latex_residue("Álvaro Arroyo", rng, 1.0) == "'Alvaro Arroyo"
    assert gen.latex_residue("Jörg François", rng, 0.0) == 'J"org Franccois'
    assert gen.latex_residue("Muñoz Bjørn Łukasz", rng, 0.0) == "Mu~noz Bjorn Lukasz"
    assert gen._ascii_fold("Jörg Çağlar Gülçehre") == "Jorg Caglar Gulcehre"


def test_duplicates_shared_papers_and_versions_are_present(pages: list) -> None:
    # carousel copy: same title text and paper as an earlier title line of the page
    dup_ok = 0
    for record, lines in pages:
        wid_at = dict((ln, wid) for ln, wid in record["titles"])
        for line in record["mess"].get("dup", []):
            earlier = [ln for ln, wid in wid_at.items() if ln < line and wid == wid_at[line]]
            dup_ok += any(lines[ln - 1] == lines[line - 1] for ln in earlier)
    assert dup_ok > 0
    pages_of: dict[str, set[str]] = defaultdict(set)
    texts_of: dict[str, set[str]] = defaultdict(set)
    for record, lines in pages:
        for line, wid in record["titles"]:
            pages_of[wid].add(record["page"])
            texts_of[wid].add(lines[line - 1])
    assert any(len(p) >= 2 for p in pages_of.values()), "no paper listed on two pages"
    assert any(len(t) >= 2 for t in texts_of.values()), "no paper under two titles"
    # similar titles that are different papers, on the same page
    similar = 0
    for record, lines in pages:
        tagged = set(record["mess"].get("sibling", []))
        sib = [(wid, lines[ln - 1]) for ln, wid in record["titles"] if ln in tagged]
        for (w1, t1), (w2, t2) in itertools.pairwise(sib):
            if w1 != w2 and difflib.SequenceMatcher(None, t1, t2).ratio() > 0.75:
                similar += 1
    assert similar > 0


def test_people_mess_double_prints_members_and_shared_surnames(pages: list) -> None:
    double = 0
    for record, lines in pages:
        authors = record["authors"]
        for (l1, p1), (l2, p2) in itertools.pairwise(authors):
            if p1 == p2 and l2 == l1 + 1 and lines[l1 - 1] != lines[l2 - 1]:
                double += 1
    assert double > 0, "no author printed two ways in one list"
    owners = {record["owner"]["person"] for record, _ in pages}
    assert any(pid in owners for record, _ in pages for _, pid in record["authors"])
    surname_people: dict[str, set[str]] = defaultdict(set)
    initial_people: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record, lines in pages:
        for line, pid in [(3, record["owner"]["person"]), *record["authors"]]:
            words = lines[line - 1].split()
            if len(words) >= 2 and words[0][0].isupper():
                surname_people[words[-1]].add(pid)
                initial_people[(words[-1], words[0][0])].add(pid)
    assert any(len(p) >= 3 for p in surname_people.values())
    assert any(len(p) >= 2 for p in initial_people.values())


def test_rates_can_turn_the_mess_off(tmp_path: Path) -> None:
    zero = {name: 0.0 for name in gen.MessRates.__dataclass_fields__}
    truth = gen.generate(tmp_path, 300, seed=1, rates=gen.MessRates(**zero))
    mess = truth.summary.mess
    for tag in ("dup", "latex", "nickname", "version", "sibling", "shared", "double"):
        assert mess.get(tag, 0) == 0, tag
    with pytest.raises(ValueError, match="between 0 and 1"):
        gen.MessRates(duplicate=1.5)


def test_too_few_listings_and_existing_output_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 20"):
        gen.generate(tmp_path / "x", 19)
    gen.generate(tmp_path / "y", 40)
    with pytest.raises(FileExistsError, match="overwrite"):
        gen.generate(tmp_path / "y", 40)
    gen.generate(tmp_path / "y", 40, overwrite=True)


def test_generate_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(tmp_path), "--listings", "60", "--seed", "2", "--rate", "duplicate=0"]
    assert gen.main(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["listings"] == 60
    assert summary["mess"].get("dup", 0) == 0
    assert gen.main(args) == 2
    assert "already holds" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:  # argparse: usage error
        gen.main([str(tmp_path / "z"), "--listings", "50", "--rate", "nope=1"])
    assert exc.value.code == 2
    assert "NAME=VALUE" in capsys.readouterr().err


# -- quality ---------------------------------------------------------------------


def _truth_prediction(truth: Path, prefix: str = "") -> dict[str, str]:
    return {prefix + key: f"iri:{tid}" for _, key, tid in quality.iter_truth(truth)}


def test_truth_scores_perfectly(institute: Path) -> None:
    truth = institute / "truth.json"
    for prefix in ("", f"{institute}/"):
        scores = quality.pairwise_scores(truth, _truth_prediction(truth, prefix))
        for kind in (scores.people, scores.papers):
            assert kind.precision == kind.recall == 1.0
            assert kind.missing == 0
            assert kind.true_pairs > 0
        assert scores.unmatched == 0
    header = json.loads(truth.read_text(encoding="utf-8"))["summary"]
    assert scores.papers.items == header["listings"]
    assert scores.people.items == header["author_lines"] + header["pages"]


TINY = [
    {
        "page": "pages/0001.txt",
        "owner": {"line": 3, "person": "pA"},
        "authors": [[13, "pB"], [14, "pA"]],
        "titles": [[12, "w1"], [15, "w2"]],
        "mess": {},
    },
    {
        "page": "pages/0002.txt",
        "owner": {"line": 3, "person": "pB"},
        "authors": [[13, "pA"], [15, "pC"]],
        "titles": [[12, "w1"], [14, "w3"]],
        "mess": {},
    },
]
# people: pA = {1:3, 1:14, 2:13}, pB = {1:13, 2:3}, pC = {2:15} -> 3 + 1 = 4 true pairs
# papers: w1 = {1:12, 2:12}, w2, w3 -> 1 true pair
PERFECT = {
    "pages/0001.txt:3": "A", "pages/0001.txt:14": "A", "pages/0002.txt:13": "A",
    "pages/0001.txt:13": "B", "pages/0002.txt:3": "B", "pages/0002.txt:15": "C",
    "pages/0001.txt:12": "W1", "pages/0002.txt:12": "W1",
    "pages/0001.txt:15": "W2", "pages/0002.txt:14": "W3",
}  # fmt: skip


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "truth.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in TINY), encoding="utf-8")
    return path


def test_tiny_perfect(tiny: Path) -> None:
    scores = quality.pairwise_scores(tiny, PERFECT)
    assert (scores.people.true_pairs, scores.people.correct_pairs) == (4, 4)
    assert (scores.papers.true_pairs, scores.papers.correct_pairs) == (1, 1)
    assert scores.people.precision == scores.people.recall == 1.0


def test_tiny_merge_of_two_people_lowers_precision(tiny: Path) -> None:
    merged = dict(PERFECT, **{k: "AB" for k, v in PERFECT.items() if v in ("A", "B")})
    people = quality.pairwise_scores(tiny, merged).people
    # one cluster of 5: C(5,2) = 10 predicted pairs, of which 3 + 1 = 4 are true
    assert (people.predicted_pairs, people.correct_pairs) == (10, 4)
    assert people.precision == pytest.approx(0.4)
    assert people.recall == 1.0


def test_tiny_split_of_one_person_lowers_recall(tiny: Path) -> None:
    split = dict(PERFECT, **{"pages/0002.txt:13": "A2"})
    people = quality.pairwise_scores(tiny, split).people
    # A -> {1:3, 1:14} + {2:13}: 1 + 1 (B) = 2 predicted pairs, both true, of 4
    assert (people.predicted_pairs, people.correct_pairs) == (2, 2)
    assert people.precision == 1.0
    assert people.recall == pytest.approx(0.5)


def test_tiny_missing_and_unmatched_are_counted(tiny: Path) -> None:
    partial = {k: v for k, v in PERFECT.items() if k != "pages/0002.txt:13"}
    partial["pages/0009.txt:4"] = "Z"
    partial["pages/0001.txt:12"] = "W"  # all titles one paper
    partial.update({"pages/0002.txt:12": "W", "pages/0001.txt:15": "W", "pages/0002.txt:14": "W"})
    scores = quality.pairwise_scores(tiny, partial)
    assert scores.people.items == 6
    assert scores.people.missing == 1
    assert scores.people.predicted == 5
    assert scores.people.recall == pytest.approx(0.5)
    assert scores.unmatched == 1
    assert scores.papers.precision == pytest.approx(1 / 6)  # C(4,2) = 6 pairs, 1 true
    assert scores.papers.recall == 1.0


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("pages/0001.txt:3", "pages/0001.txt:3"),
        ("/tmp/run/pages/0001.txt:03", "pages/0001.txt:3"),
        ("run\\pages\\0001.txt:7", "pages/0001.txt:7"),
        ("/data/pages/x/pages/0001.txt:7", "pages/0001.txt:7"),
        ("0001.txt:7", "pages/0001.txt:7"),
    ],
)
def test_keys_are_normalized_to_the_pages_folder(key: str, expected: str) -> None:
    assert quality.normalize_key(key) == expected


def test_conflicting_keys_are_refused(tiny: Path) -> None:
    with pytest.raises(ValueError, match="same line"):
        quality.pairwise_scores(tiny, {"pages/0001.txt:3": "A", "/x/pages/0001.txt:3": "B"})
    with pytest.raises(ValueError, match="PATH:LINE"):
        quality.normalize_key("pages/0001.txt")


def test_quality_cli(institute: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mentions, listings = {}, {}
    for kind, key, tid in quality.iter_truth(institute / "truth.json"):
        (mentions if kind == "person" else listings)[f"{institute}/{key}"] = f"iri:{tid}"
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"mentions": mentions, "listings": listings}), encoding="utf-8")
    assert quality.main([str(institute / "truth.json"), str(report)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["people"]["precision"] == out["papers"]["recall"] == 1.0
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert quality.main([str(institute / "truth.json"), str(bad)]) == 2
    assert "expected a JSON object" in capsys.readouterr().err
