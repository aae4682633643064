"""Exports: every format parses back to the same graph; same input, same bytes, in any order."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
import rdflib
from conftest import CONFIG, SEED
from rdflib.compare import isomorphic

from scholarkg.export import FORMATS, export
from scholarkg.pipeline import build
from scholarkg.store import open_build
from scholarkg.vocab import Minter


def dump(out: Path, fmt: str) -> bytes:
    buf = io.BytesIO()
    export(open_build(out), fmt, buf, Minter(CONFIG.base).prefixes())
    return buf.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_back_to_the_same_graph(seed_build: Path, fmt: str) -> None:
    reference = rdflib.Graph().parse(data=dump(seed_build, "ntriples"), format="nt")
    parsed = rdflib.Graph().parse(
        data=dump(seed_build, fmt),
        format={"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "nquads": "nquads"}[fmt],
    )
    assert len(parsed) == len(reference) > 400
    assert isomorphic(parsed, reference)


def test_jsonld_is_compacted_with_inline_schema_context(seed_build: Path) -> None:
    doc = json.loads(dump(seed_build, "jsonld"))
    assert doc["@context"]["@vocab"] == "http://schema.org/"
    assert all(
        not isinstance(v, str) or not v.startswith("http") or k != "@context"
        for k, v in doc.items()
    )
    by_id = {n["@id"]: n for n in doc["@graph"]}
    owner = by_id["https://kg.example.org/person/razvan-pascanu"]
    assert owner["@type"] == ["Person", "foaf:Person"]
    assert owner["name"] == "Razvan Pascanu"
    works = [n for n in doc["@graph"] if n.get("@type") == "ScholarlyArticle"]
    assert len(works) == 6
    rl = next(w for w in works if w["name"].startswith("LLMs are Greedy"))
    assert rl["authorList"][-1] == owner["@id"]
    assert [by_id[a]["name"] for a in rl["authorList"]] == [
        "Thomas Schmied",
        "Jorg Bornschein",
        "Jordi Grau-Moya",
        "Markus Wulfmeier",
        "Razvan Pascanu",
    ]


def test_turtle_uses_prefixes_and_inline_lists(seed_build: Path) -> None:
    text = dump(seed_build, "turtle").decode()
    assert "@prefix schema: <http://schema.org/> ." in text
    assert "person:razvan-pascanu" in text
    assert "skg:authorList ( person:" in text
    assert "rdf:first" not in text


def _graph_without_sources(out: Path) -> set[str]:
    return {ln for ln in dump(out, "ntriples").decode().splitlines() if "#source>" not in ln}


def test_same_bytes_in_any_input_order(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    text = SEED.read_text(encoding="utf-8")
    # a second page: the same member's listings reversed (entry blocks kept whole)
    (pages / "a.txt").write_text(text, encoding="utf-8")
    (pages / "b.txt").write_text(text, encoding="utf-8")
    build([pages / "a.txt", pages / "b.txt"], tmp_path / "o1", CONFIG)
    build([pages / "b.txt", pages / "a.txt"], tmp_path / "o2", CONFIG)
    build([pages], tmp_path / "o3", CONFIG)
    for fmt in FORMATS:
        assert (
            dump(tmp_path / "o1", fmt) == dump(tmp_path / "o2", fmt) == dump(tmp_path / "o3", fmt)
        )


def test_result_does_not_depend_on_which_file_comes_first(tmp_path: Path) -> None:
    """Swapping the files' names changes provenance only, never the people or papers."""
    a = tmp_path / "x" / "first.txt"
    a.parent.mkdir()
    other = (
        "Portrait of Ada Example\n\nAda Example\n\nAffiliate Member\nProfessor, Example U\n"
        "Publications\n\nWhy do LLMs attend to the first token?\nFederico Barbero\n"
        "R. Pascanu\nPetar Velickovic\n"
    )
    shutil.copy(SEED, a)
    (tmp_path / "x" / "second.txt").write_text(other, encoding="utf-8")
    build([tmp_path / "x"], tmp_path / "o1", CONFIG)
    (tmp_path / "y").mkdir()
    shutil.copy(SEED, tmp_path / "y" / "second.txt")
    (tmp_path / "y" / "first.txt").write_text(other, encoding="utf-8")
    build([tmp_path / "y"], tmp_path / "o2", CONFIG)
    g1, g2 = _graph_without_sources(tmp_path / "o1"), _graph_without_sources(tmp_path / "o2")
    assert g1 == g2
    people = [ln for ln in g1 if ln.endswith("<http://schema.org/Person> .")]
    assert len(people) == 31  # the seed's 30 and Ada; R. Pascanu is Razvan, Velickovic is Petar
