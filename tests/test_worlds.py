"""The generator's worlds (benchmarks/worlds/): each deterministic, each with the property it
is made for, and the truth (namesakes nothing tells apart included) consistent with the pages."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from worlds import HELD_OUT, TUNING, WORLDS, generate_world
from worlds.acl import ACL_PATH, load_acl, patch_text
from worlds.write import generate

SMALL = 1000


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _people(root: Path) -> dict[str, str]:
    with (root / "people.jsonl").open(encoding="utf-8") as f:
        return {r["person"]: r["name"] for r in map(json.loads, f)}


def _records(root: Path) -> list[dict]:  # type: ignore[type-arg]
    with (root / "truth.jsonl").open(encoding="utf-8") as f:
        return [json.loads(t) for t in f]


def _printed(root: Path) -> list[tuple[str, str, list[str]]]:
    """(text as printed, true person id, mess tags) for every author line."""
    out = []
    for record in _records(root):
        lines = (root / record["page"]).read_text(encoding="utf-8").split("\n")
        tags: dict[int, list[str]] = {}
        for tag, numbers in record["mess"].items():
            for n in numbers:
                tags.setdefault(n, []).append(tag)
        out += [(lines[n - 1], pid, tags.get(n, [])) for n, pid in record["authors"]]
    return out


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("worlds")
    out = {}
    for name in WORLDS:
        generate_world(name, root / name, SMALL, seed=3)
        out[name] = root / name
    return out


def test_the_worlds_and_the_held_out_one() -> None:
    assert set(TUNING) | {HELD_OUT} == set(WORLDS)
    assert HELD_OUT not in TUNING
    assert len(WORLDS) == 7
    with pytest.raises(ValueError, match="unknown world"):
        generate_world("nowhere", "/nonexistent", SMALL)


@pytest.mark.parametrize("name", sorted(WORLDS))
def test_every_world_is_deterministic(name: str, tmp_path: Path) -> None:
    generate_world(name, tmp_path / "a", 300, seed=5)
    generate_world(name, tmp_path / "b", 300, seed=5)
    generate_world(name, tmp_path / "c", 300, seed=6)
    a, b, c = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert a == b
    assert a != c


def test_truth_is_consistent_in_every_world(worlds: dict[str, Path]) -> None:
    for name, root in worlds.items():
        header = json.loads((root / "truth.json").read_text(encoding="utf-8"))
        world = WORLDS[name]
        assert header["world"] == name
        records = _records(root)
        sizes = [len(r["titles"]) for r in records]
        assert sum(sizes) == SMALL == header["summary"]["listings"]
        assert world.min_page <= min(sizes) and max(sizes) <= world.max_page
        people = _people(root)
        for record in records:
            lines = (root / record["page"]).read_text(encoding="utf-8").split("\n")
            assert lines[2] == people[record["owner"]["person"]]
            titles = {n for n, _ in record["titles"]}
            assert all(n not in titles and lines[n - 1] for n, _ in record["authors"])
        # namesakes: groups of people printed under one usual name, in people.jsonl too
        for group in header["namesake_groups"]:
            assert len({people[p] for p in group}) == 1 and len(group) > 1
        grouped = {p for g in header["namesake_groups"] for p in g}
        assert set(header["indistinguishable"]) <= grouped
        assert header["summary"]["indistinguishable_persons"] == len(header["indistinguishable"])


def test_short_titles_of_capitalised_words(worlds: dict[str, Path]) -> None:
    for name, root in worlds.items():
        short = []
        for record in _records(root):
            lines = (root / record["page"]).read_text(encoding="utf-8").split("\n")
            short += [lines[n - 1] for n in record["mess"].get("short_title", [])]
        if name == "default":
            assert short == []  # the default world stays byte-identical to the old generator
            continue
        assert short, name
        assert all(re.fullmatch(r"[A-Z]\w*( [A-Z]\w*){1,2}", t) for t in short), short[:5]


def test_population_names_make_namesakes_by_frequency(tmp_path: Path) -> None:
    # with no deliberate namesakes, drawing names by frequency still makes some
    pop = WORLDS["population"]
    quiet = replace(pop, rates=replace(pop.rates, homonym=0.0))
    assert generate(tmp_path / "p", 3000, 1, world=quiet).summary.namesake_groups > 0
    default = WORLDS["default"]
    quiet = replace(default, rates=replace(default.rates, homonym=0.0))
    assert generate(tmp_path / "d", 3000, 1, world=quiet).summary.namesake_groups == 0


def test_population_surnames_are_concentrated(worlds: dict[str, Path]) -> None:
    names = list(_people(worlds["population"]).values())
    families = Counter(n.split()[-1] for n in names)
    top = families.most_common(3)
    assert top[0][1] >= 10, top  # a few family names are carried by many people


def test_dense_pools_share_parts_but_not_full_names(worlds: dict[str, Path]) -> None:
    root = worlds["dense"]
    names = list(_people(root).values())
    givens = Counter(n.split()[0] for n in names)
    families = Counter(n.split()[-1] for n in names)
    assert givens.most_common(1)[0][1] >= 10
    assert families.most_common(1)[0][1] >= 15
    header = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    assert header["summary"]["namesake_groups"] <= len(names) // 50  # full names unique, nearly
    records = _records(root)
    director_pages: Counter[str] = Counter()
    for record in records:
        for n in record["mess"].get("director", []):
            pid = dict(map(tuple, record["authors"]))[n]
            director_pages[pid] += 1
    assert len(director_pages) == 3
    assert min(director_pages.values()) >= 20  # a director on many coauthors' pages


def test_namesakes_world_counts_the_indistinguishable(worlds: dict[str, Path]) -> None:
    header = json.loads((worlds["namesakes"] / "truth.json").read_text(encoding="utf-8"))
    summary = header["summary"]
    assert summary["homonym_persons"] >= 50
    assert 0 < summary["indistinguishable_persons"] < summary["homonym_persons"]
    assert summary["indistinguishable_mentions"] > summary["indistinguishable_persons"]


def test_double_surnames_and_their_parts_are_different_people(worlds: dict[str, Path]) -> None:
    root = worlds["double"]
    people = _people(root)
    by_name = {name: pid for pid, name in people.items()}
    pairs = []
    for pid, name in people.items():
        given, _, family = name.rpartition(" ")
        if "-" in family:
            for part in family.split("-"):
                other = by_name.get(f"{given} {part}")
                if other is not None and other != pid:
                    pairs.append((name, f"{given} {part}"))
    assert len(pairs) >= 10, pairs
    dropped = [
        (text, people[pid])
        for text, pid, tags in _printed(root)
        if "hyphen" in tags and "-" in people[pid] and "-" not in text.rsplit(" ", 1)[-1]
    ]
    assert dropped  # a bearer printed with one part of the double surname, or spaced


def test_the_acl_file_needs_its_one_line_patch() -> None:
    import yaml

    text = ACL_PATH.read_text(encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(text)
    patched = patch_text(text)
    assert patched.count("\n") == text.count("\n") + 1
    people = load_acl()
    assert len(people) == 3735
    printed = {p.printed for p in people} | {v for p in people for v in p.variants}
    hard = ("Ting-Hao (Kenneth) Huang", "Jan Hajič, jr.", "‘Ōiwi Parker Jones", "Chi-shing Wang")
    assert all(name in printed for name in hard)
    assert "John Henry Clippinger, Jr." in printed  # the unquoted comma put back


def test_acl_world_prints_real_names_and_variants(worlds: dict[str, Path]) -> None:
    root = worlds["acl"]
    real = {p.printed: p for p in load_acl()}
    people = _people(root)
    acl_people = {pid: name for pid, name in people.items() if name in real}
    assert len(acl_people) >= 500
    variants = [(text, pid) for text, pid, tags in _printed(root) if "acl_variant" in tags]
    assert len(variants) >= 500
    assert all(text in real[people[pid]].variants for text, pid in variants)
    owners = [people[r["owner"]["person"]] for r in _records(root)]
    assert any(re.search(r"[^\w .\-]|-[a-z]", o) for o in owners)  # hard names are members


def test_held_out_world_differs_from_every_tuning_world() -> None:
    held = WORLDS[HELD_OUT]
    for name in TUNING:
        world = WORLDS[name]
        assert held.rates != world.rates
        assert held.culture_weights != world.culture_weights
        assert (held.min_page, held.max_page) != (world.min_page, world.max_page)
        assert held.lab_size_weights != world.lab_size_weights
        assert held.author_count_weights != world.author_count_weights


def test_generate_cli_takes_a_world(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    args = [sys.executable, str(script), str(tmp_path / "w"), "--listings", "200"]
    done = subprocess.run([*args, "--world", "double"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["listings"] == 200
    header = json.loads((tmp_path / "w" / "truth.json").read_text(encoding="utf-8"))
    assert header["world"] == "double"
    bad = subprocess.run([*args, "--world", "nowhere"], capture_output=True, text=True)
    assert bad.returncode == 2
