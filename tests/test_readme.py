"""Every code block of the README that shows something running is run here.

* each ``console`` transcript: every ``$ `` line runs in bash in a folder holding a copy of
  ``examples/`` (and ``naive.ttl``), and what it prints (stdout and stderr, as a terminal shows
  them) must be the lines under it; a line ``…`` stands for any number of lines;
* the ``python`` block runs in such a folder, and what it prints is the ``text`` block after it;
* the ``json`` and ``turtle`` excerpts are found in the exports of that build;
* the ``toml`` block is ``examples/scholarkg.toml``.

Nothing is normalised: the commands run with relative paths, as the README shows them.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
GAP = "…"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", README, flags=re.M | re.S)


def transcript(block: str) -> list[tuple[str, list[str]]]:
    """The block as (command, expected output lines) pairs."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"output before any command: {line!r}"
            steps[-1][1].append(line)
    return steps


def matches(expected: list[str], actual: list[str]) -> bool:
    """``actual`` is ``expected`` with each ``…`` line standing for any number of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head.strip().startswith(GAP):
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(rest, actual[1:])


def shell(command: str, cwd: Path, env: dict[str, str] | None = None) -> list[str]:
    """Run one transcript line in bash: stdout and stderr together, as a terminal shows them."""
    if env is None:
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        env.pop("SCHOLARKG_DEBUG", None)
    r = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    return r.stdout.splitlines()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a copy of examples/ and the naive graph of the real profile's page."""
    from naive import naive_graph

    here = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "examples", here / "examples")
    page = Path("examples/pages/razvan-pascanu.txt")
    cwd = Path.cwd()
    os.chdir(here)  # the naive graph names the page by the path it was given
    try:
        naive_graph([page]).serialize("naive.ttl", format="turtle")
    finally:
        os.chdir(cwd)
    return here


@pytest.fixture(scope="module")
def transcripts_run(demo: Path) -> list[tuple[str, list[str], list[str]]]:
    """Every transcript command run in order, in the demo folder."""
    runs = []
    for block in blocks("console"):
        for command, expected in transcript(block):
            runs.append((command, expected, shell(command, demo)))
    return runs


def test_readme_has_the_blocks_these_tests_run() -> None:
    assert len(blocks("console")) == 5
    assert len(blocks("python")) == 1
    assert len(blocks("json")) == 1
    assert len(blocks("turtle")) == 1
    assert len(blocks("toml")) == 1


def test_matches_treats_an_ellipsis_line_as_a_gap() -> None:
    assert matches(["a", GAP, "d"], ["a", "b", "c", "d"])
    assert matches(["a", GAP, "b"], ["a", "b"])
    assert not matches(["a", GAP, "d"], ["a", "b", "c"])
    assert not matches(["a", "b"], ["a", "b", "c"])


def test_every_transcript_command_prints_what_the_readme_shows(
    transcripts_run: list[tuple[str, list[str], list[str]]],
) -> None:
    assert len(transcripts_run) >= 7
    for command, expected, actual in transcripts_run:
        assert matches(expected, actual), (command, expected, actual)


def test_naive_check_prints_as_many_violations_as_the_readme_says(demo: Path) -> None:
    said = re.search(r"one line per violation \((\d+) here\)", README)
    assert said is not None
    lines = shell("scholarkg check naive.ttl", demo)
    assert len(lines) == int(said.group(1))


def test_python_example_runs_and_prints_what_the_readme_shows(tmp_path: Path) -> None:
    (code,) = blocks("python")
    printed = README.split(code, 1)[1]
    shown = re.search(r"```text\n(.*?)```", printed, flags=re.S)
    assert shown is not None, "the python block is followed by the text block of its output"
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    finally:
        os.chdir(cwd)
    assert out.getvalue() == shown.group(1)
    graph = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert len(graph["@graph"]) > 50


def test_json_excerpt_is_a_node_of_the_jsonld_export(
    demo: Path, transcripts_run: list[tuple[str, list[str], list[str]]]
) -> None:
    (block,) = blocks("json")
    shown = json.loads("\n".join(ln for ln in block.splitlines() if GAP not in ln))
    abbreviated = [ln for ln in block.splitlines() if GAP in ln]
    graph = json.loads((demo / "out" / "graph.jsonld").read_text(encoding="utf-8"))
    node = next(n for n in graph["@graph"] if n["@id"] == shown["@id"])
    assert {k: node[k] for k in shown} == shown
    for line in abbreviated:  # "key": ["…/a", "…/b", "…"]: the items shown are there
        key, items = json.loads("{" + line.rstrip(",") + "}").popitem()
        base = shown["@id"].split("/work/")[0]
        for item in items:
            if item != GAP:
                assert item.replace(GAP, base) in node[key], (key, item)


def test_turtle_excerpt_is_in_the_turtle_export(
    demo: Path, transcripts_run: list[tuple[str, list[str], list[str]]]
) -> None:
    (block,) = blocks("turtle")
    actual = shell("scholarkg export --format turtle", demo)
    starts = [i for i, ln in enumerate(actual) if ln and not ln.startswith(" ")]
    chunks = [c.splitlines() for c in block.strip().split("\n\n")]
    assert len(chunks) == 4
    for chunk in chunks:
        i = actual.index(chunk[0])
        end = next((j for j in starts if j > i), len(actual))
        assert matches(chunk, [ln for ln in actual[i:end] if ln]), chunk[0]


def test_toml_block_is_the_example_config() -> None:
    (block,) = blocks("toml")
    config = (REPO / "examples" / "scholarkg.toml").read_text(encoding="utf-8")
    lines = [ln for ln in config.splitlines() if ln and not ln.startswith("#")]
    assert block.splitlines() == lines
