"""Export the graph as Turtle, N-Triples, N-Quads or compacted JSON-LD, deterministically.

Oxigraph's own ``dump`` order depends on insertion order, so every format is written from
sorted triples: the same graph gives the same bytes, whatever order the inputs came in. The
sorting streams (:mod:`.sort`: the store dumps N-Triples, Python sorts them in bounded runs and
merges them), and the writers (:mod:`.ntriples`, :mod:`.turtle`, :mod:`.jsonld`) take one
subject at a time, so memory stays bounded whatever the size of the graph. A store whose blank
nodes do not carry the labels the build gives them is written by the in-memory writers
(:mod:`.memory`), which produce the same bytes for the same graph.

JSON-LD is compacted against an inline schema.org context (``@vocab`` http://schema.org/), with
author order as ``@list``. Nothing is fetched from the network: the context is written out whole,
ready for a ``<script type="application/ld+json">`` block.
"""

from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from ..errors import UsageError
from ..vocab import PREFIXES
from .jsonld import write_jsonld
from .memory import canonical_blank_nodes, export_in_memory, jsonld, jsonld_context, turtle
from .ntriples import write_lines
from .sort import RUN_BYTES, sorted_ntriples
from .split import chunks, export_split
from .turtle import write_turtle

FORMATS = ("turtle", "jsonld", "ntriples", "nquads")

__all__ = [
    "FORMATS",
    "canonical_blank_nodes",
    "chunks",
    "export",
    "export_split",
    "jsonld",
    "jsonld_context",
    "turtle",
]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", f"use one of: {', '.join(FORMATS)}")


def export(
    store: ox.Store,
    fmt: str,
    sink: IO[bytes],
    prefixes: dict[str, str] | None = None,
    *,
    run_bytes: int = RUN_BYTES,
) -> int:
    """Write the store's graph to ``sink`` in ``fmt``; return the number of triples written.

    ``run_bytes`` bounds the N-Triples text sorted in memory at once (the rest waits in
    temporary files).
    """
    _check_format(fmt)
    with sorted_ntriples(store, run_bytes) as graph:
        if graph is None:
            return export_in_memory(store, fmt, sink, prefixes)
        if fmt in ("ntriples", "nquads"):
            return write_lines(graph, sink)
        if fmt == "turtle":
            return write_turtle(graph, sink, prefixes or PREFIXES)
        return write_jsonld(graph, sink)
