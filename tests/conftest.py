"""Shared fixtures: the seed page (in ../shared, beside the checkout) and builds of it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scholarkg.config import Config

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_6fc97eff0b4194ae.txt"
CONFIG = Config(
    base="https://kg.example.org/",
    institute_name="Example Institute",
    institute_iri="https://institute.example.org/",
)

sys.path.insert(0, str(REPO / "benchmarks"))


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
