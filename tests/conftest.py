"""Shared fixtures: paths, the one test configuration, the seed page and builds of it.

The seed page is the original scraped page in ``../shared/seeds/`` beside the checkout.
``benchmarks/`` (the naive pipeline, the generator) is importable through pytest's ``pythonpath``
setting in pyproject.toml; scholarkg itself is installed (``make install``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scholarkg.config import Config, load_config

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_6fc97eff0b4194ae.txt"  # the original page
EXAMPLES = REPO / "examples"
CASES = REPO / "tests" / "cases"
CONFIG = Config(
    base="https://kg.example.org/",
    institute_name="Example Institute",
    institute_iri="https://institute.example.org/",
)
EXAMPLE_CONFIG = load_config(EXAMPLES / "scholarkg.toml")  # the bundled example's own config


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from scholarkg.pipeline import build

    out = tmp_path_factory.mktemp("seed") / "out"
    build([SEED], out, CONFIG)
    return out


@pytest.fixture(scope="session")
def seed_store(seed_build: Path):  # type: ignore[no-untyped-def]
    from scholarkg.store import open_build

    return open_build(seed_build)
