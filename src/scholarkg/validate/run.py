"""Validation as callers ask for it: pick the engine, run it, label and sort the findings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import UsageError
from .compile import UnsupportedShapeError, compiled_shapes
from .fast_engine import run_fast
from .labels import describe_in_graph, describe_in_store
from .pyshacl_engine import patch_oxigraph_truthiness, raw_results, run_pyshacl
from .report import RawResult, ValidationReport, make_report, nodes_to_describe

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

Engine = Literal["fast", "pyshacl"]
#: The validation engines :func:`validate_store` can use.
ENGINES: tuple[Engine, ...] = ("fast", "pyshacl")

_log = logging.getLogger(__name__)


def validate_store(store: pyoxigraph.Store, engine: Engine = "fast") -> ValidationReport:
    """Validate the default graph of an Oxigraph store (read-only stores work too).

    ``engine="fast"`` evaluates the shapes as set-based SPARQL inside Oxigraph (falling back to
    pySHACL, with a logged warning, if the shapes use a SHACL feature it does not implement);
    ``engine="pyshacl"`` runs pySHACL on the store. Both give the same report.
    """
    if engine not in ENGINES:
        raise UsageError(
            f"unknown validation engine {engine!r}", f"use one of: {', '.join(ENGINES)}"
        )
    patch_oxigraph_truthiness()
    result: tuple[bool, list[RawResult]] | None = None
    if engine == "fast":
        try:
            result = run_fast(store, compiled_shapes())
        except UnsupportedShapeError as exc:
            _log.warning("the fast validation engine cannot be used (%s); using pySHACL", exc)
    if result is None:
        conforms, report = run_pyshacl(store)
        result = (conforms, list(raw_results(report)))
    conforms, raw = result
    described = describe_in_store(store, nodes_to_describe(raw))
    return make_report(conforms, raw, described)


def validate_graph(graph: rdflib.Graph) -> ValidationReport:
    """Validate an rdflib Graph with the same shapes (pySHACL's own engine)."""
    conforms, report = run_pyshacl(graph)
    raw = list(raw_results(report))
    described = describe_in_graph(graph, nodes_to_describe(raw))
    return make_report(conforms, raw, described)


def validate_file(
    path: str | Path, fmt: str | None = None, engine: Engine = "fast"
) -> ValidationReport:
    """Load an RDF file (Turtle, N-Triples, JSON-LD, …; see :func:`scholarkg.store.load_file`)
    into an in-memory store and validate it."""
    from ..store import load_file

    return validate_store(load_file(path, fmt), engine)
