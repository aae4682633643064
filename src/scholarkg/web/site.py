"""``scholarkg site``: a static site from a build, written whole or not at all.

Pages go to a fresh folder beside the destination, which then replaces the destination in one
rename, so a failed run leaves the previous site as it was. Every page's file name comes from
:mod:`~scholarkg.web.paths`; two nodes that would share a file stop the run (it would be a bug).
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ScholarKGError, UsageError
from . import data, jsonld, pages
from .paths import Layout, normalize_base_url
from .richresults import Shortfall, shortfalls


class SiteError(ScholarKGError):
    """Two pages would share one file: a bug in the naming, never the input's fault."""

    exit_code = 3


@dataclass(frozen=True, slots=True)
class SiteResult:
    path: Path
    base_url: str
    members: int
    people: int
    papers: int
    files: int
    seconds: float
    unfilled: tuple[Shortfall, ...]  # Google fields the data cannot fill: per page, with counts


def layout_for(graph_base: str, base_url: str | None) -> Layout:
    return Layout(graph_base, normalize_base_url(base_url or graph_base))


def build_site(
    store: Any,
    dest: str | Path,
    graph_base: str,
    base_url: str | None = None,
    title: str = "Members and papers",
) -> SiteResult:
    """Write the site for the graph in ``store`` into ``dest`` (replacing what was there)."""
    start = time.perf_counter()
    layout = layout_for(graph_base, base_url)
    graph = data.load(store)
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise UsageError(f"{dest} is a file", "give a folder for the site")
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    written: dict[str, str] = {}
    docs: list[dict[str, Any]] = []
    try:
        (tmp / "people").mkdir(parents=True)
        (tmp / "papers").mkdir()

        def write(rel: str, iri: str, text: str) -> None:
            if rel in written:
                raise SiteError(f"{written[rel]} and {iri} would share the page {rel}")
            written[rel] = iri
            (tmp / rel).write_text(text, encoding="utf-8")

        render = pages.Renderer(graph, layout)
        articles: dict[str, dict[str, Any]] = {}
        for iri in sorted(graph.people):
            doc = jsonld.person_document(graph, iri, layout, articles)
            docs.append(doc["@graph"][0])  # its papers are counted once, from their own pages
            write(layout.person_path(iri), iri, render.person_page(graph.people[iri], doc))
        for iri in sorted(graph.works):
            doc = jsonld.paper_document(graph, iri, layout)
            docs.append(doc)
            write(layout.paper_path(iri), iri, render.paper_page(graph.works[iri], doc))
        (tmp / "index.html").write_text(render.index_page(title), encoding="utf-8")
        (tmp / "style.css").write_text(pages.STYLE, encoding="utf-8")
        old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
        if dest.exists():
            dest.rename(old)
        tmp.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteResult(
        dest,
        layout.base_url,
        sum(p.is_member for p in graph.people.values()),
        len(graph.people),
        len(graph.works),
        len(written) + 2,
        time.perf_counter() - start,
        tuple(shortfalls(docs)),
    )


def site_from_build(
    out_dir: str | Path, dest: str | Path | None = None, base_url: str | None = None
) -> SiteResult:
    """The site of the build in ``out_dir`` (into ``out_dir/site`` unless ``dest``)."""
    from ..pipeline import build_config
    from ..store import open_build

    store = open_build(out_dir)
    cfg = build_config(out_dir)
    return build_site(
        store,
        Path(dest) if dest is not None else Path(out_dir) / "site",
        cfg.base,
        base_url,
        title=f"{cfg.institute_name}: members and papers",
    )
