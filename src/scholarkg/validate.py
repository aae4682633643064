"""Validate a graph against the SHACL shapes in ``shapes/scholarkg.ttl``.

The only module that imports pySHACL. It runs pySHACL straight on the Oxigraph store (SPARQL runs
inside Oxigraph; nothing is copied into rdflib) and turns pySHACL's report graph into a typed
:class:`ValidationReport` of :class:`Finding` values, sorted so that the same data always gives the
same report.

Heavy imports (pyshacl, rdflib, pyoxigraph) happen inside the functions, so importing this module
is cheap.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ScholarKGError
from .vocab import SCHEMA, SH, SKG

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

SHAPES_NS = "https://w3id.org/scholarkg/shapes#"
#: The one focus node of the whole-graph rules (one entry per paper); their results name the
#: offending paper as the value.
GRAPH_NODE = f"{SHAPES_NS}Graph"
SHAPES_FILE = "scholarkg.ttl"

_NAME = f"{SCHEMA}name"
_SOURCE = f"{SKG}source"
_BATCH = 1000  # nodes per look-up query


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of validation, in words a person can act on.

    ``focus`` is the node the rule was checked on and ``value`` the offending value (a literal's
    text, or an IRI). For the whole-graph rules the focus is :data:`GRAPH_NODE` and the value is the
    duplicate paper; :attr:`node` gives the node the finding is about in both cases, and ``label``
    and ``source`` describe that node (its ``schema:name``, its first ``skg:source``).
    """

    focus: str
    value: str | None
    label: str | None
    rule: str
    message: str
    source: str | None
    severity: str

    @property
    def node(self) -> str:
        """The node the finding is about: the duplicate paper for whole-graph rules."""
        return _subject(self.focus, self.value)

    def to_text(self) -> str:
        """``work/abc "NoProp: …" (seed.txt:40): 2 paper entries have the same title …``"""
        node = self.node
        parts = [_short(node)]
        if self.label is not None:
            parts.append(f'"{self.label}"')
        if self.source is not None:
            parts.append(f"({self.source})")
        line = " ".join(parts) + ": "
        if self.severity != "Violation":
            line += f"{self.severity.lower()}: "
        line += self.message
        if self.value is not None and self.value not in (node, self.label):
            shown = _short(self.value) if "://" in self.value else f'"{self.value}"'
            line += f" [value: {shown}]"
        return line


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether the graph conforms, and every finding in a fixed order."""

    conforms: bool
    findings: tuple[Finding, ...]

    def to_text(self) -> str:
        """One line per finding; a single line saying so when there is none."""
        if not self.findings:
            return "the graph conforms to the shapes: no violations"
        return "\n".join(f.to_text() for f in self.findings)

    def to_json(self) -> str:
        """``{"conforms": …, "findings": [{focus, value, node, label, rule, …}]}``"""
        findings = [{**asdict(f), "node": f.node} for f in self.findings]
        return json.dumps(
            {"conforms": self.conforms, "findings": findings},
            ensure_ascii=False,
            indent=2,
            sort_keys=True,
        )


# ---------------------------------------------------------------- shapes


def shapes_file() -> Traversable:
    """Where the shapes are: inside the installed package (the wheel ships them as
    ``scholarkg/shapes/``), else the repository's top-level ``shapes/``."""
    try:
        packaged = resources.files("scholarkg").joinpath("shapes", SHAPES_FILE)
        if packaged.is_file():
            return packaged
    except (ModuleNotFoundError, OSError, TypeError):  # pragma: no cover - odd loaders
        pass
    return Path(__file__).resolve().parents[2] / "shapes" / SHAPES_FILE


@functools.cache
def _shapes_text() -> str:
    resource = shapes_file()
    try:
        return resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScholarKGError(
            f"cannot read the SHACL shapes at {resource}: {exc.strerror}",
            "reinstall scholarkg; the wheel ships scholarkg/shapes/scholarkg.ttl",
        ) from exc


def load_shapes() -> rdflib.Graph:
    """The SHACL shapes graph (a fresh rdflib Graph on each call)."""
    import rdflib

    graph = rdflib.Graph()
    try:
        graph.parse(data=_shapes_text(), format="turtle")
    except SyntaxError as exc:  # rdflib's Turtle errors derive from SyntaxError
        raise ScholarKGError(
            f"{shapes_file()}: the SHACL shapes do not parse: {exc}",
            "this is a bug in scholarkg; fix the Turtle in shapes/scholarkg.ttl",
        ) from exc
    return graph


# ---------------------------------------------------------------- validate


def validate_store(store: pyoxigraph.Store) -> ValidationReport:
    """Validate the default graph of an Oxigraph store (read-only stores work too)."""
    _patch_oxigraph_truthiness()
    conforms, report = _run_pyshacl(store)
    raw = list(_raw_results(report))
    described = _describe_in_store(store, _nodes_to_describe(raw))
    return _report(conforms, raw, described)


def validate_graph(graph: rdflib.Graph) -> ValidationReport:
    """Validate an rdflib Graph with the same shapes (pySHACL's own engine)."""
    conforms, report = _run_pyshacl(graph)
    raw = list(_raw_results(report))
    described = _describe_in_graph(graph, _nodes_to_describe(raw))
    return _report(conforms, raw, described)


def validate_file(path: str | Path, fmt: str | None = None) -> ValidationReport:
    """Load an RDF file (Turtle, N-Triples, JSON-LD, …; see :func:`scholarkg.store.load_file`)
    into an in-memory store and validate it."""
    from .store import load_file

    return validate_store(load_file(path, fmt))


@functools.cache
def _patch_oxigraph_truthiness() -> None:
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


def _run_pyshacl(data: Any) -> tuple[bool, rdflib.Graph]:
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


@dataclass(frozen=True, slots=True)
class _Raw:
    focus: str
    value: str | None
    rule: str
    message: str
    severity: str

    @property
    def node(self) -> str:
        return _subject(self.focus, self.value)


def _subject(focus: str, value: str | None) -> str:
    """Whole-graph rules report the offending paper as the value, not the fixed focus node."""
    if focus == GRAPH_NODE and value is not None:
        return value
    return focus


def _raw_results(report: rdflib.Graph) -> Iterator[_Raw]:
    from rdflib import RDF, BNode, Namespace

    sh = Namespace(SH)
    for result in report.subjects(RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        value = report.value(result, sh.value)
        shape = report.value(result, sh.sourceShape)
        severity = report.value(result, sh.resultSeverity)
        messages = sorted(str(m) for m in report.objects(result, sh.resultMessage))
        yield _Raw(
            focus=_term_text(focus),
            value=None if value is None else _term_text(value),
            rule=_local_name(shape) if shape is not None and not isinstance(shape, BNode) else "",
            message=" ".join(messages) or "the node does not meet a rule",
            severity=_local_name(severity) if severity is not None else "Violation",
        )


def _term_text(term: Any) -> str:
    from rdflib import BNode

    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _local_name(term: Any) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _nodes_to_describe(raw: Iterable[_Raw]) -> list[str]:
    return sorted({r.node for r in raw})


# ---------------------------------------------------------------- labels and sources

_Described = Mapping[str, tuple[str | None, str | None]]


def _describe_in_store(store: pyoxigraph.Store, nodes: list[str]) -> _Described:
    """Label and source of each node, a batch of nodes per query."""
    import pyoxigraph as ox

    names: dict[str, set[str]] = {}
    sources: dict[str, set[str]] = {}
    iris = [n for n in nodes if not n.startswith("_:")]
    for start in range(0, len(iris), _BATCH):
        batch = iris[start : start + _BATCH]
        values = " ".join(str(ox.NamedNode(n)) for n in batch)
        query = (
            f"SELECT ?n ?k ?x WHERE {{ VALUES ?n {{ {values} }} "
            f'{{ ?n <{_NAME}> ?x BIND("n" AS ?k) }} UNION '
            f'{{ ?n <{_SOURCE}> ?x BIND("s" AS ?k) }} }}'
        )
        result = store.query(query)
        if not isinstance(result, ox.QuerySolutions):  # pragma: no cover - a SELECT always is
            raise TypeError("expected solutions from a SELECT query")
        for row in result:
            target = names if _text(row["k"]) == "n" else sources
            target.setdefault(_text(row["n"]), set()).add(_text(row["x"]))
    for n in nodes:  # blank nodes cannot go into VALUES: look them up by pattern
        if not n.startswith("_:"):
            continue
        subject = ox.BlankNode(n[2:])
        for pred, target in ((_NAME, names), (_SOURCE, sources)):
            for quad in store.quads_for_pattern(subject, ox.NamedNode(pred), None):
                target.setdefault(n, set()).add(_text(quad.object))
    return {n: (_label(names.get(n)), _first_source(sources.get(n))) for n in nodes}


def _text(term: object) -> str:
    """The lexical value of an Oxigraph term (IRI, blank node id or literal text)."""
    value = getattr(term, "value", None)
    return value if isinstance(value, str) else str(term)


def _describe_in_graph(graph: rdflib.Graph, nodes: list[str]) -> _Described:
    from rdflib import BNode, URIRef

    name_p, source_p = URIRef(_NAME), URIRef(_SOURCE)
    out: dict[str, tuple[str | None, str | None]] = {}
    for n in nodes:
        subject = BNode(n[2:]) if n.startswith("_:") else URIRef(n)
        names = {str(o) for o in graph.objects(subject, name_p)}
        sources = {str(o) for o in graph.objects(subject, source_p)}
        out[n] = (_label(names), _first_source(sources))
    return out


def _label(names: set[str] | None) -> str | None:
    """The node's name; several names (itself a violation) are all shown, sorted."""
    if not names:
        return None
    return " / ".join(sorted(names))


def _first_source(sources: set[str] | None) -> str | None:
    """The earliest ``path:line`` (by path, then line number) of a node."""
    if not sources:
        return None
    return min(sources, key=_source_key)


def _source_key(source: str | None) -> tuple[int, str, int, str]:
    if source is None:
        return (1, "", 0, "")
    path, _, line = source.rpartition(":")
    if path and line.isdigit():
        return (0, path, int(line), source)
    return (0, source, 0, source)


def _report(conforms: bool, raw: Iterable[_Raw], described: _Described) -> ValidationReport:
    findings = [
        Finding(
            focus=r.focus,
            value=r.value,
            label=described.get(r.node, (None, None))[0],
            rule=r.rule,
            message=r.message,
            source=described.get(r.node, (None, None))[1],
            severity=r.severity,
        )
        for r in raw
    ]
    findings.sort(key=_finding_key)
    return ValidationReport(conforms=conforms, findings=tuple(findings))


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (_source_key(f.source), f.node, f.rule, f.value or "", f.message, f.focus)


def _short(iri: str) -> str:
    """``https://example.org/kg/work/abc`` → ``work/abc``; blank nodes stay as they are."""
    if iri.startswith("_:") or "/" not in iri:
        return iri
    head, _, tail = iri.rpartition("/")
    parent = head.rpartition("/")[2]
    if not tail or not parent or "." in parent or ":" in parent:
        return iri  # too short to shorten safely (e.g. https://host/x)
    return f"{parent}/{tail}"
