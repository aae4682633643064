"""The SHACL→SPARQL compiler of the fast engine: shapes in, :class:`CompiledShapes` out.

Each shape is compiled into its constraints, and each constraint is evaluated (by
:mod:`.fast_engine`) for ALL its focus nodes at once by one SPARQL query inside Oxigraph: COUNT …
GROUP BY for sh:minCount and sh:maxCount, MINUS for sh:class, the shape's own query for sh:sparql.
sh:pattern is matched in Python, with `re` as pySHACL does, over the distinct values Oxigraph
returns: Rust's `regex` (SPARQL REGEX in Oxigraph) disagrees with `re` on some input (`$` before a
final newline, `\\s` and U+001C-U+001F), so REGEX in SPARQL could not promise pySHACL's findings.

The engine mirrors pySHACL 0.40 result by result: the same focus nodes (targets, subclasses
included), one result per focus node per failed count, one per value node that fails a pattern
or a class, one per distinct (this, path, value, other variables) row of a SPARQL query, and
the same messages ({?var} filled in with `re.sub`, as pySHACL does). Everything else in SHACL is
refused with :class:`UnsupportedShapeError`, and validation then runs pySHACL instead.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

from ..errors import ScholarKGError
from ..vocab import RDF, RDFS, SH, XSD
from . import shapes as _shapes
from .shapes import local_name

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

RDF_TYPE = f"{RDF}type"
_OWL = "http://www.w3.org/2002/07/owl#"


#: sh: predicates the fast engine implements or may ignore; any other in the shapes is refused.
_SH_PREDICATES = frozenset(
    SH + name
    for name in (
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "path",
        "minCount",
        "maxCount",
        "pattern",
        "flags",
        "class",
        "sparql",
        "select",
        "prefixes",
        "declare",
        "prefix",
        "namespace",
        "message",
        "severity",
        "deactivated",
        "name",
        "description",
        "order",
        "group",
    )
)
#: sh: classes a node of the shapes graph may be an instance of.
_SH_CLASSES = frozenset(
    SH + name for name in ("NodeShape", "PropertyShape", "SPARQLConstraint", "PrefixDeclaration")
)
_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")

# pySHACL's checks of a constraint's query text (pyshacl/helper/sparql_query_helper.py): a query
# it rejects is refused here, so that pySHACL reports the error.
_HAS_MINUS = re.compile(r"^(?:[^#]*|M)(?!#)#?[^\?\$\#]M?INUS[\s\{]", flags=re.M | re.I)
_HAS_VALUES = re.compile(
    r"^(?!\s*#).*?(?<![\w\-\:])VALUES\b(?:\s*(?:\(|[\?\$]\w+|\{|\w|\s))", flags=re.M | re.I
)
_HAS_SERVICE = re.compile(r"^(?:[^#]*|S)(?!#)#?[^\?\$\#]S?ERVICE[\s\<]", flags=re.M | re.I)
_NESTED_SELECT = re.compile(
    r"SELECT[\s\(\)\$\?\a-z]*\{[^\}]*SELECT\s+((?:(?:[\?\$]\w+\s+)|(?:\*\s+))+)", flags=re.M | re.I
)
_AS_VAR = re.compile(r"[^\w]+AS[\s]+[\$\?](\w+)", flags=re.M | re.I)
_BIND_THIS = re.compile(r"([\s{}()])[\$\?]this", flags=re.M)
_BIND_PATH = re.compile(r"([\s{}()])[\$\?]PATH", flags=re.M)
_BIND_SHAPES_GRAPH = re.compile(r"([\s{}()])[\$\?]shapesGraph", flags=re.M)
_BIND_CURRENT_SHAPE = re.compile(r"([\s{}()])[\$\?]currentShape", flags=re.M)


class UnsupportedShapeError(ScholarKGError):
    """The shapes use a SHACL feature the fast engine does not implement exactly as pySHACL does.

    :func:`validate_store` then validates with pySHACL instead.
    """


@dataclass(frozen=True, slots=True)
class Focus:
    """A shape's targets: class IRIs, explicit nodes (as SPARQL terms), predicate IRIs."""

    classes: tuple[str, ...]
    nodes: tuple[str, ...]
    subjects_of: tuple[str, ...]
    objects_of: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Shape:
    rule: str
    severity: str
    focus: Focus
    path: str | None  # the IRI of sh:path; None for a node shape (the value is the focus node)


@dataclass(frozen=True, slots=True)
class CountConstraint:
    """sh:minCount and/or sh:maxCount of one property shape."""

    shape: Shape
    message: str
    min_count: int | None
    max_count: int | None


@dataclass(frozen=True, slots=True)
class PatternConstraint:
    """One sh:pattern (with the shape's sh:flags), matched with Python's ``re``."""

    shape: Shape
    message: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class ClassConstraint:
    """One sh:class: every value node is an instance of it or of a subclass (in the data)."""

    shape: Shape
    message: str
    cls: str


@dataclass(frozen=True, slots=True)
class SparqlConstraint:
    """One sh:sparql SELECT constraint of a node shape, run once per focus node."""

    shape: Shape
    messages: tuple[str, ...]  # templates: {?var} / {$var} are filled in per result
    query: str  # with the PREFIX lines pySHACL puts in front
    bind_this: bool
    current_shape: str | None  # the shape's IRI when the query uses $currentShape


Constraint: TypeAlias = CountConstraint | PatternConstraint | ClassConstraint | SparqlConstraint


@dataclass(frozen=True, slots=True)
class CompiledShapes:
    """A shapes graph compiled for the fast engine: the constraints to evaluate, in order."""

    constraints: tuple[Constraint, ...]


def compile_shapes(shapes: rdflib.Graph) -> CompiledShapes:
    """Compile a SHACL shapes graph into set-based SPARQL constraints for the fast engine.

    Implemented: node and property shapes found as pySHACL finds them (typed ``sh:NodeShape`` /
    ``sh:PropertyShape``, or with a target); targets ``sh:targetClass`` (with ``rdfs:subClassOf*``
    in the data), ``sh:targetNode``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``; ``sh:path``
    that is an IRI; ``sh:minCount``, ``sh:maxCount``, ``sh:pattern`` with ``sh:flags``,
    ``sh:class``; ``sh:sparql`` SELECT constraints on node shapes (prefixes from ``sh:prefixes``
    / ``sh:declare``); ``sh:message``, ``sh:severity``, ``sh:deactivated``.

    Raises :class:`UnsupportedShapeError` for anything else (another constraint component, a
    complex path, ``sh:property``, custom components, a shape without ``sh:message`` whose
    results pySHACL would word itself, …), and for shapes pySHACL itself would reject.
    """
    import rdflib

    sh = rdflib.Namespace(SH)
    rdf_type = rdflib.URIRef(RDF_TYPE)
    for s, p, o in shapes:
        if str(p).startswith(SH) and str(p) not in _SH_PREDICATES:
            raise UnsupportedShapeError(f"{_show(s)} uses sh:{str(p)[len(SH) :]}")
        if p == rdf_type and str(o).startswith(SH) and str(o) not in _SH_CLASSES:
            raise UnsupportedShapeError(f"{_show(s)} is an sh:{str(o)[len(SH) :]}")
    nodes: set[Any] = set(shapes.subjects(rdf_type, sh.NodeShape))
    nodes |= set(shapes.subjects(rdf_type, sh.PropertyShape))
    for target in _TARGETS:
        nodes |= set(shapes.subjects(sh[target], None))
    constraints: list[Constraint] = []
    for node in sorted(nodes, key=str):
        constraints.extend(_compile_shape(_ShapeNode(shapes, node)))
    return CompiledShapes(tuple(constraints))


@functools.lru_cache(maxsize=8)
def _compile_text(text: str) -> CompiledShapes:
    return compile_shapes(_shapes.parse_shapes(text))


def compiled_shapes() -> CompiledShapes:
    """The shapes in use, compiled (once per process for the same text)."""
    return _compile_text(_shapes.shapes_text())


class _ShapeNode:
    """One shape node of the shapes graph: its values, and the refusal that names it."""

    def __init__(self, graph: rdflib.Graph, node: Any) -> None:
        self.graph = graph
        self.node = node

    def values(self, pred: Any) -> list[Any]:
        return list(self.graph.objects(self.node, pred))

    def refuse(self, why: str) -> UnsupportedShapeError:
        return UnsupportedShapeError(f"shape {_show(self.node)}: {why}")


def _compile_shape(s: _ShapeNode) -> list[Constraint]:
    """The constraints of one shape, in a fixed order: counts, patterns, classes, queries."""
    import rdflib

    sh = rdflib.Namespace(SH)
    paths = s.values(sh.path)
    _check_shape_kind(s, paths)
    if _is_deactivated(s):
        return []
    shape = _shape_header(s, paths)
    messages = s.values(sh.message)
    # pySHACL's own wording ("Less than 1 values on …") is not reproduced: every shape says it.
    core_message = " ".join(sorted(str(m) for m in messages))
    constraints: list[Constraint] = []
    count = _count_constraint(s, shape, core_message)
    if count is not None:
        constraints.append(count)
    constraints += _pattern_constraints(s, shape, core_message)
    constraints += _class_constraints(s, shape, core_message)
    for constraint in s.values(sh.sparql):
        if shape.path is not None:
            raise s.refuse("sh:sparql on a property shape")
        compiled = _compile_sparql(s.graph, s.node, constraint, shape, messages, s.refuse)
        if compiled is not None:
            constraints.append(compiled)
    return constraints


def _check_shape_kind(s: _ShapeNode, paths: list[Any]) -> None:
    """Refuse a shape that is both node and property shape, a property shape without one IRI
    path, an implicit class target, and a shape that is a literal."""
    import rdflib

    sh = rdflib.Namespace(SH)
    rdfs = rdflib.Namespace(RDFS)
    types = set(s.values(rdflib.URIRef(RDF_TYPE)))
    if sh.NodeShape in types and (sh.PropertyShape in types or paths):
        raise s.refuse("a node shape with sh:path")
    if len(paths) > 1 or (sh.PropertyShape in types and not paths):
        raise s.refuse("a property shape needs exactly one sh:path")
    if types & ({rdfs.Class} | set(s.graph.subjects(rdfs.subClassOf, rdfs.Class))):
        raise s.refuse("an implicit class target (a shape that is also a class)")
    if not isinstance(s.node, rdflib.URIRef | rdflib.BNode):
        raise s.refuse("a shape must be an IRI or a blank node")


def _is_deactivated(s: _ShapeNode) -> bool:
    import rdflib

    deactivated = s.values(rdflib.URIRef(f"{SH}deactivated"))
    if len(deactivated) > 1 or (deactivated and not isinstance(deactivated[0], rdflib.Literal)):
        raise s.refuse("sh:deactivated must be one literal")
    return bool(deactivated and bool(deactivated[0].value))


def _shape_header(s: _ShapeNode, paths: list[Any]) -> Shape:
    """What every constraint of the shape shares: rule name, severity, focus nodes, path."""
    import rdflib

    severity = s.values(rdflib.URIRef(f"{SH}severity"))
    if len(severity) > 1:
        raise s.refuse("more than one sh:severity")
    path: str | None = None
    if paths:
        if not isinstance(paths[0], rdflib.URIRef):
            raise s.refuse("only IRI paths are implemented (no sequence, inverse, … paths)")
        path = _checked_iri(paths[0], s.refuse)
    return Shape(
        rule=local_name(s.node) if isinstance(s.node, rdflib.URIRef) else "",
        severity=local_name(severity[0]) if severity else "Violation",
        focus=_compile_focus(s.graph, s.node, s.refuse),
        path=path,
    )


def _count_constraint(s: _ShapeNode, shape: Shape, message: str) -> CountConstraint | None:
    """sh:minCount and sh:maxCount of the shape as one constraint (None if it has neither)."""
    import rdflib

    counts = {}
    for name in ("minCount", "maxCount"):
        given = s.values(rdflib.URIRef(f"{SH}{name}"))
        if not given:
            continue
        if shape.path is None:
            raise s.refuse(f"sh:{name} on a node shape")
        value = given[0]
        if (
            len(given) > 1
            or not isinstance(value, rdflib.Literal)
            or value.datatype != rdflib.URIRef(f"{XSD}integer")
            or int(value.value) < 0
        ):
            raise s.refuse(f"sh:{name} must be one non-negative xsd:integer")
        counts[name] = int(value.value)
    min_count = counts.get("minCount") or None  # sh:minCount 0 never fails
    max_count = counts.get("maxCount")
    if min_count is None and max_count is None:
        return None
    _require_message(s, message)
    return CountConstraint(shape, message, min_count, max_count)


def _pattern_constraints(s: _ShapeNode, shape: Shape, message: str) -> list[PatternConstraint]:
    """One constraint per sh:pattern, compiled with the shape's sh:flags."""
    import rdflib

    re_flags = _regex_flags(s)
    found = []
    for pattern in s.values(rdflib.URIRef(f"{SH}pattern")):
        if not isinstance(pattern, rdflib.Literal) or not isinstance(pattern.value, str):
            raise s.refuse("sh:pattern must be a string literal")
        _require_message(s, message)
        try:
            regex = re.compile(str(pattern), re_flags)
        except re.error as exc:
            raise s.refuse(f"sh:pattern does not compile: {exc}") from exc
        found.append(PatternConstraint(shape, message, regex))
    return found


def _regex_flags(s: _ShapeNode) -> int:
    """The ``re`` flags of the shape's sh:flags: pySHACL honours only i and m."""
    import rdflib

    flags_given = s.values(rdflib.URIRef(f"{SH}flags"))
    if len(flags_given) > 1 or (flags_given and not isinstance(flags_given[0], rdflib.Literal)):
        raise s.refuse("sh:flags must be one literal")
    re_flags = 0
    if flags_given:
        flags = str(flags_given[0].value).lower()
        re_flags |= re.I if "i" in flags else 0
        re_flags |= re.M if "m" in flags else 0
    return re_flags


def _class_constraints(s: _ShapeNode, shape: Shape, message: str) -> list[ClassConstraint]:
    import rdflib

    found = []
    for cls in s.values(rdflib.URIRef(f"{SH}class")):
        if not isinstance(cls, rdflib.URIRef):
            raise s.refuse("sh:class must be an IRI")
        _require_message(s, message)
        found.append(ClassConstraint(shape, message, _checked_iri(cls, s.refuse)))
    return found


def _require_message(s: _ShapeNode, message: str) -> None:
    """Every core constraint needs the shape's own sh:message (pySHACL's wording is not
    imitated)."""
    if not message:
        raise s.refuse("no sh:message")


def _compile_focus(g: rdflib.Graph, node: Any, refuse: Any) -> Focus:
    import rdflib

    sh = rdflib.Namespace(SH)
    found: dict[str, list[str]] = {}
    for target in _TARGETS:
        terms = list(g.objects(node, sh[target]))
        texts: set[str] = set()
        for term in terms:
            if isinstance(term, rdflib.URIRef):
                iri = _checked_iri(term, refuse)
                texts.add(f"<{iri}>" if target == "targetNode" else iri)
            elif target == "targetNode" and isinstance(term, rdflib.Literal):
                texts.add(str(_ox_literal(term)))
            else:
                raise refuse(f"sh:{target} {_show(term)} is not implemented")
        found[target] = sorted(texts)
    return Focus(
        classes=tuple(found["targetClass"]),
        nodes=tuple(found["targetNode"]),
        subjects_of=tuple(found["targetSubjectsOf"]),
        objects_of=tuple(found["targetObjectsOf"]),
    )


def _compile_sparql(
    g: rdflib.Graph,
    shape_node: Any,
    constraint: Any,
    shape: Shape,
    shape_messages: list[Any],
    refuse: Any,
) -> SparqlConstraint | None:
    import rdflib

    sh = rdflib.Namespace(SH)
    selects = list(g.objects(constraint, sh.select))
    if len(selects) != 1 or not isinstance(selects[0], rdflib.Literal):
        raise refuse("an sh:sparql constraint needs one sh:select")
    text = selects[0].value
    if not isinstance(text, str):
        raise refuse("sh:select must be a string")
    deactivated = list(g.objects(constraint, sh.deactivated))
    if deactivated:
        flag = deactivated[0]
        if not isinstance(flag, rdflib.Literal) or not isinstance(flag.value, bool):
            raise refuse("sh:deactivated of an sh:sparql constraint must be an xsd:boolean")
        if flag.value:
            return None
    templates: set[str] = set()
    for message in [*shape_messages, *g.objects(constraint, sh.message)]:
        if not isinstance(message, rdflib.Literal) or not isinstance(message.value, str):
            raise refuse("a message of an sh:sparql constraint must be a string literal")
        templates.add(message.value)
    _check_query(text, refuse)
    current_shape: str | None = None
    if _BIND_CURRENT_SHAPE.search(text):
        if not isinstance(shape_node, rdflib.URIRef):
            raise refuse("$currentShape of a blank-node shape")
        current_shape = str(shape_node)
    prefixes = _query_prefixes(g, constraint, refuse)
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items())
    return SparqlConstraint(
        shape=shape,
        messages=tuple(sorted(templates)),
        query=f"{head}\n{text}",
        bind_this=bool(_BIND_THIS.search(text)),
        current_shape=current_shape,
    )


def _check_query(text: str, refuse: Any) -> None:
    """Refuse what pySHACL's SPARQLQueryHelper rejects (it then reports the error itself)."""
    if _HAS_MINUS.search(text) or _HAS_VALUES.search(text) or _HAS_SERVICE.search(text):
        raise refuse("MINUS, VALUES or SERVICE in an sh:sparql query")
    if _BIND_PATH.search(text) or _BIND_SHAPES_GRAPH.search(text):
        raise refuse("$PATH or $shapesGraph in an sh:sparql query of a node shape")
    prebound = {"this", "shapesGraph", "currentShape"}
    nested = _NESTED_SELECT.search(text)
    if nested:
        names = [v.lstrip("$?").rstrip() for v in nested.group(1).split()]
        if not names or names == ["*"] or "this" not in names:
            raise refuse("a nested SELECT that does not project $this")
    as_var = _AS_VAR.search(text)
    if as_var and as_var.group(1) in prebound:
        raise refuse("a pre-bound variable rebound with AS")


def _query_prefixes(g: rdflib.Graph, constraint: Any, refuse: Any) -> dict[str, str]:
    """The PREFIX lines pySHACL writes: rdf, rdfs, owl, then sh:declare of the sh:prefixes
    values and of every owl:Ontology."""
    import rdflib

    sh = rdflib.Namespace(SH)
    prefixes = {"rdf": RDF, "rdfs": RDFS, "owl": _OWL}
    sources = list(g.objects(constraint, sh.prefixes))
    if not sources:
        return prefixes
    ontologies = set(g.subjects(rdflib.URIRef(RDF_TYPE), rdflib.URIRef(f"{_OWL}Ontology")))
    global_declares = {d for o in ontologies for d in g.objects(o, sh.declare)}
    declares: set[Any] = set()
    for source in sources:
        own = set(g.objects(source, sh.declare))
        declares |= own if own and source in ontologies else global_declares | own
    found: dict[str, str] = {}
    for declare in declares:
        names = list(g.objects(declare, sh.prefix))
        spaces = list(g.objects(declare, sh.namespace))
        if (
            isinstance(declare, rdflib.Literal)
            or len(names) != 1
            or len(spaces) != 1
            or not isinstance(names[0], rdflib.Literal)
            or not isinstance(names[0].value, str)
            or not isinstance(spaces[0], rdflib.Literal)
            or not isinstance(spaces[0].value, str)
        ):
            raise refuse("an sh:declare needs one string sh:prefix and one sh:namespace")
        name, space = names[0].value, str(spaces[0].value)
        if found.get(name, space) != space:
            raise refuse(f"prefix {name}: is declared with two namespaces")
        found[name] = space
    prefixes.update(sorted(found.items()))
    return prefixes


def _checked_iri(term: Any, refuse: Any) -> str:
    """The IRI, checked so that it can be written into a query as ``<…>``."""
    import pyoxigraph as ox

    try:
        return ox.NamedNode(str(term)).value
    except ValueError as exc:
        raise refuse(f"{_show(term)} is not an IRI Oxigraph accepts") from exc


def _show(term: Any) -> str:
    text = str(term)
    return f"<{text}>" if "://" in text else text


def _ox_literal(term: rdflib.Literal) -> pyoxigraph.Literal:
    import pyoxigraph as ox

    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))
