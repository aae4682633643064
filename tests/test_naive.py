"""The naive pipeline the benchmarks compare against (benchmarks/naive.py)."""

from __future__ import annotations

from pathlib import Path

import naive
import rdflib
from conftest import SEED
from validate_support import NOPROP, NOPROP_FULL


def test_naive_parser_reads_the_seed_listings() -> None:
    page = naive.parse_page(SEED)
    assert page.name == "Razvan Pascanu"
    assert (page.role, page.job_title, page.employer) == (
        "Affiliate Member",
        "Senior Research Scientist",
        "Google DeepMind",
    )
    assert len(page.topics) == 15
    titles = [listing.title for listing in page.listings]
    assert len(titles) == 12
    assert titles.count(NOPROP) == 2
    assert titles.count(NOPROP_FULL) == 1
    first_token = [x for x in page.listings if x.title.startswith("Why do LLMs")]
    assert [a for a, _ in first_token[0].authors][-1] == "Petar Velivckovi 'c"
    assert [a for a, _ in first_token[1].authors][-1] == "Petar Veličković"
    assert sum(1 for x in page.listings if x.abstract) == 3


def test_naive_pipeline_reports_timings_and_writes_files(tmp_path: Path) -> None:
    timings = naive.naive_pipeline([SEED], tmp_path)
    assert {"parse", "build", "validate", "turtle", "jsonld"} <= set(timings)
    assert all(timings[k] >= 0 for k in ("parse", "build", "validate", "turtle", "jsonld"))
    assert timings["conforms"] == 0.0
    assert timings["results"] > 10
    back = rdflib.Graph().parse(tmp_path / "graph.jsonld", format="json-ld")
    assert len(back) == timings["triples"]
    assert len(rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle")) == len(back)
