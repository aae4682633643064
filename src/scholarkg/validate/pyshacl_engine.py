"""pySHACL, the reference engine: the only module that imports it.

It runs straight on an Oxigraph store or on an rdflib Graph, with one patch that keeps it from
counting the whole store once per result (:func:`patch_oxigraph_truthiness`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import ScholarKGError
from ..store import term_text
from ..vocab import SH
from .report import RawResult
from .shapes import load_shapes, local_name

if TYPE_CHECKING:
    import rdflib


@functools.cache
def patch_oxigraph_truthiness() -> None:
    """Make pySHACL's Oxigraph data graph always truthy (once per process).

    pySHACL writes ``datagraph or sg`` for every result; on its Oxigraph wrapper, truth falls back
    to ``__len__``, which runs a COUNT over the whole store: one full scan per result. A data
    graph object is always the graph to use there, so ``True`` is the right answer.
    """
    from pyshacl import graph_abstraction

    if not getattr(graph_abstraction, "has_oxigraph", False):
        return
    cls = getattr(graph_abstraction, "OxigraphDataGraph", None)
    if cls is None or "__bool__" in vars(cls):  # absent, or pySHACL fixed it itself
        return
    setattr(cls, "__bool__", _always_true)  # noqa: B010 - assigning a dunder on purpose


def _always_true(self: object) -> bool:
    return True


def run_pyshacl(data: Any) -> tuple[bool, rdflib.Graph]:
    """pySHACL's verdict and report graph for a store or an rdflib Graph."""
    import rdflib
    from pyshacl import validate
    from pyshacl.errors import ReportableRuntimeError, ValidationFailure

    try:
        conforms, report, _text = validate(
            data,
            shacl_graph=load_shapes(),
            inference="none",
            abort_on_first=False,
            allow_infos=False,
            allow_warnings=False,
            meta_shacl=False,
            advanced=False,
            debug=False,
        )
    except ReportableRuntimeError as exc:
        raise ScholarKGError(
            f"the SHACL shapes could not be used: {exc}",
            "this is a bug in scholarkg; fix shapes/scholarkg.ttl",
        ) from exc
    # pySHACL returns (not raises) a ValidationFailure when a shape or query cannot run.
    if isinstance(report, ValidationFailure) or not isinstance(report, rdflib.Graph):
        raise ScholarKGError(
            f"validation could not run: {report}",
            "this is a bug in scholarkg; fix shapes/scholarkg.ttl",
        )
    return bool(conforms), report


def raw_results(report: rdflib.Graph) -> Iterator[RawResult]:
    """The results of a pySHACL report graph."""
    from rdflib import RDF, BNode, Namespace

    sh = Namespace(SH)
    for result in report.subjects(RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        value = report.value(result, sh.value)
        shape = report.value(result, sh.sourceShape)
        severity = report.value(result, sh.resultSeverity)
        messages = sorted(str(m) for m in report.objects(result, sh.resultMessage))
        yield RawResult(
            focus=term_text(focus),  # type: ignore[arg-type]
            value=None if value is None else term_text(value),  # type: ignore[arg-type]
            rule=local_name(shape) if shape is not None and not isinstance(shape, BNode) else "",
            message=" ".join(messages) or "the node does not meet a rule",
            severity=local_name(severity) if severity is not None else "Violation",
        )
