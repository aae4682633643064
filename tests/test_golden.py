"""Exports are pinned byte for byte: a refactor that changes no rule changes no output.

`tests/golden/exports.json` holds the SHA-256 of every export format for two builds: the bundled
example (`examples/`) and a small generated institute (seed 11, 600 listings). A change that is
meant to change the graph (a new resolution rule, a new term) regenerates it with
`SCHOLARKG_REGEN_GOLDEN=1 pytest tests/test_golden.py` and says so in its commit.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import CONFIG, REPO

from scholarkg.config import load_config
from scholarkg.export import FORMATS, export
from scholarkg.pipeline import build
from scholarkg.store import open_build

GOLDEN = REPO / "tests" / "golden" / "exports.json"


def _digests(out: Path) -> dict[str, str]:
    store = open_build(out)
    digests = {}
    for fmt in sorted(FORMATS):
        sink = io.BytesIO()
        export(store, fmt, sink)
        digests[fmt] = hashlib.sha256(sink.getvalue()).hexdigest()
    return digests


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    from generate import generate

    # Provenance names each page by the path it was given: build from fixed relative paths.
    tmp = tmp_path_factory.mktemp("golden")
    here = Path.cwd()
    os.chdir(tmp)
    try:
        shutil.copytree(REPO / "examples", "examples")
        build(
            [Path("examples/pages")], tmp / "examples-out", load_config("examples/scholarkg.toml")
        )
        generate(Path("inst"), 600, seed=11)
        build([Path("inst/pages")], tmp / "generated-out", CONFIG)
    finally:
        os.chdir(here)
    return {name: _digests(tmp / f"{name}-out") for name in ("examples", "generated")}


def test_exports_are_byte_identical_to_the_pinned_ones(
    builds: dict[str, dict[str, str]],
) -> None:
    if os.environ.get("SCHOLARKG_REGEN_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(builds, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    pinned = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert builds == pinned
