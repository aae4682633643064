"""``export --format nquads --split-mb N``: files of bounded size, each a document on its own."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.export import export
from scholarkg.export.memory import export_in_memory


def test_split_files_are_bounded_and_load_back_to_the_same_graph(
    seed_build: Path, seed_store: ox.Store, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--format",
            "nquads",
            "--output",
            str(tmp_path / "kg.nq"),
            "--split-mb",
            "0.01",
            "--out",
            str(seed_build),
        ],
    )
    assert result.exit_code == 0, result.stderr
    files = sorted(tmp_path.glob("kg-*.nq"))
    assert [f.name for f in files[:2]] == ["kg-00001.nq", "kg-00002.nq"]
    assert result.stderr == (
        f"wrote 515 triples to {len(files)} file(s): {files[0]} … {files[-1]}\n"
    )
    assert len(files) > 5
    assert not list(tmp_path.glob("*.part"))
    # at most the bound, or one subject alone
    for f in files:
        subjects = {ln.split(b" ", 1)[0] for ln in f.read_bytes().splitlines()}
        assert f.stat().st_size <= 0.01 * 2**20 or len({s for s in subjects if s[0] != 95}) == 1
    # each file loaded on its own (blank nodes are per document): the same graph comes back
    merged = ox.Store()
    for f in files:
        merged.load(path=str(f), format=ox.RdfFormat.N_QUADS)
    a, b = io.BytesIO(), io.BytesIO()
    export_in_memory(merged, "ntriples", a)
    export(seed_store, "ntriples", b)
    assert a.getvalue() == b.getvalue()


def test_split_needs_an_output_and_a_line_format(seed_build: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app, ["export", "--format", "nquads", "--split-mb", "1", "--out", str(seed_build)]
    )
    assert r.exit_code == 2
    assert r.stderr == "error: --split-mb needs --output (the files are named after it)\n"
    r = runner.invoke(
        app,
        [
            "export",
            "--format",
            "turtle",
            "--split-mb",
            "1",
            "--output",
            str(tmp_path / "x.ttl"),
            "--out",
            str(seed_build),
        ],
    )
    assert r.exit_code == 2
    assert (
        r.stderr
        == "error: --split-mb writes N-Quads or N-Triples, not turtle; use --format nquads\n"
    )
    assert not list(tmp_path.iterdir())
