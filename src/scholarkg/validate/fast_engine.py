"""The fast engine: compiled shapes (see :mod:`.compile`) run as set-based SPARQL in Oxigraph.

Each constraint is one query over all its focus nodes at once, never one query per node; the
results are pySHACL's, result by result, message by message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..store import term_text
from ..vocab import RDF, RDFS, XSD
from .compile import (
    RDF_TYPE,
    ClassConstraint,
    CompiledShapes,
    Constraint,
    CountConstraint,
    Focus,
    PatternConstraint,
    Shape,
    SparqlConstraint,
    UnsupportedShapeError,
)
from .report import RawResult

if TYPE_CHECKING:
    import pyoxigraph

_SUBCLASS_OF = f"{RDFS}subClassOf"
_STRING_TYPES = frozenset((f"{XSD}string", f"{RDF}langString"))
_BATCH = 1000  # values per look-up query


def run_fast(store: pyoxigraph.Store, plan: CompiledShapes) -> tuple[bool, list[RawResult]]:
    if next(iter(store.named_graphs()), None) is not None:
        # pySHACL validates each named graph of a dataset too; the fast engine only the default
        raise UnsupportedShapeError("the store has named graphs")
    run = _FastRun(store)
    raw: list[RawResult] = []
    for constraint in plan.constraints:
        raw.extend(run.evaluate(constraint))
    return not raw, raw  # pySHACL is run with warnings and infos not allowed


class _FastRun:
    """One validation of one store: the queries, and the subclasses looked up so far."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store
        self._subclasses: dict[str, list[str] | None] = {}

    def evaluate(self, constraint: Constraint) -> Iterator[RawResult]:
        if isinstance(constraint, CountConstraint):
            return self._count(constraint)
        if isinstance(constraint, PatternConstraint):
            return self._pattern(constraint)
        if isinstance(constraint, ClassConstraint):
            return self._class(constraint)
        return self._sparql(constraint)

    def _select(self, query: str, substitutions: Any = None) -> pyoxigraph.QuerySolutions:
        import pyoxigraph as ox

        result = self.store.query(query, substitutions=substitutions)
        if not isinstance(result, ox.QuerySolutions):  # pragma: no cover - a SELECT always is
            raise TypeError("expected solutions from a SELECT query")
        return result

    # -------------------------------------------------------- focus nodes

    def _subclasses_of(self, cls: str) -> list[str] | None:
        """``cls`` and its subclasses in the data (as SPARQL IRIs), or None if one is a blank
        node (that cannot be written into a query)."""
        import pyoxigraph as ox

        if cls not in self._subclasses:
            query = f"SELECT DISTINCT ?c WHERE {{ ?c <{_SUBCLASS_OF}>* <{cls}> }}"
            found = {row["c"] for row in self._select(query)} | {ox.NamedNode(cls)}
            named = all(isinstance(c, ox.NamedNode) for c in found)
            self._subclasses[cls] = sorted(str(c) for c in found) if named else None
        return self._subclasses[cls]

    def _instances(self, var: str, cls: str) -> tuple[str, bool]:
        """A pattern binding ``var`` to each instance of ``cls``; and whether it binds each
        instance once."""
        subclasses = self._subclasses_of(cls)
        if subclasses is None:
            return f"{var} <{RDF_TYPE}>/<{_SUBCLASS_OF}>* <{cls}> .", False
        if len(subclasses) == 1:
            return f"{var} <{RDF_TYPE}> {subclasses[0]} .", True
        return f"VALUES ?_class {{ {' '.join(subclasses)} }} {var} <{RDF_TYPE}> ?_class .", False

    def _focus(self, focus: Focus) -> str:
        """A group pattern binding ``?this`` once to each focus node ("" when there is none)."""
        parts: list[str] = []
        unique = False
        for cls in focus.classes:
            pattern, unique = self._instances("?this", cls)
            parts.append(pattern)
        if focus.nodes:
            parts.append(f"VALUES ?this {{ {' '.join(focus.nodes)} }}")
            unique = True
        parts += [f"?this <{p}> ?_object ." for p in focus.subjects_of]
        parts += [f"?_subject <{p}> ?this ." for p in focus.objects_of]
        if len(parts) == 1 and unique:
            return parts[0]
        if not parts:
            return ""
        union = " UNION ".join(f"{{ {p} }}" for p in parts)
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    # -------------------------------------------------------- constraints

    def _count(self, c: CountConstraint) -> Iterator[RawResult]:
        """Focus nodes with fewer than sh:minCount / more than sh:maxCount values (one result
        each, without a value). The queries are written in the order Oxigraph runs fastest."""
        focus = self._focus(c.shape.focus)
        if not focus:
            return
        path = c.shape.path
        queries = []
        if c.min_count == 1:  # the usual case: no value at all
            queries.append(f"SELECT ?this WHERE {{ {focus} MINUS {{ ?this <{path}> ?_value }} }}")
        elif c.min_count is not None:
            queries.append(
                f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this <{path}> ?value }} }} "
                f"GROUP BY ?this HAVING (COUNT(?value) < {c.min_count})"
            )
        if c.max_count is not None:  # count over the whole graph, then keep the focus nodes
            queries.append(
                f"SELECT ?this WHERE {{ {{ SELECT ?this WHERE {{ ?this <{path}> ?value }} "
                f"GROUP BY ?this HAVING (COUNT(?value) > {c.max_count}) }} {focus} }}"
            )
        for query in queries:
            for row in self._select(query):
                yield _fast_raw(c.shape, row["this"], None, c.message)

    def _pattern(self, c: PatternConstraint) -> Iterator[RawResult]:
        import pyoxigraph as ox

        focus = self._focus(c.shape.focus)
        if not focus:
            return
        if c.shape.path is None:  # a node shape: the value is the focus node
            for row in self._select(f"SELECT ?this WHERE {{ {focus} }}"):
                this = row["this"]  # a blank node never matches (pySHACL)
                text = term_text(_as_pyshacl_sees(this))
                if isinstance(this, ox.BlankNode) or c.regex.search(text) is None:
                    yield _fast_raw(c.shape, this, this, c.message)
            return
        # Match each distinct value of the path once (focus node or not), then look up which
        # focus nodes have the few values that do not match.
        failing: list[str] = []
        blank = False
        for row in self._select(f"SELECT DISTINCT ?value WHERE {{ ?_s <{c.shape.path}> ?value }}"):
            value = row["value"]
            if isinstance(value, ox.BlankNode):
                blank = True  # a blank node never matches; it cannot be written in VALUES
            elif c.regex.search(term_text(_as_pyshacl_sees(value))) is None:  # as pySHACL does
                failing.append(str(value))
        queries = [
            f"SELECT ?this ?value WHERE {{ VALUES ?value {{ {' '.join(batch)} }} "
            f"?this <{c.shape.path}> ?value . {focus} }}"
            for batch in _batches(failing)
        ]
        if blank:
            queries.append(
                f"SELECT ?this ?value WHERE {{ ?this <{c.shape.path}> ?value "
                f"FILTER (isBlank(?value)) {focus} }}"
            )
        for query in queries:
            for row in self._select(query):
                yield _fast_raw(c.shape, row["this"], row["value"], c.message)

    def _class(self, c: ClassConstraint) -> Iterator[RawResult]:
        focus = self._focus(c.shape.focus)
        if not focus:
            return
        typed, _ = self._instances("?value", c.cls)
        if c.shape.path is None:
            where = f"{focus} BIND (?this AS ?value) MINUS {{ {typed} }}"
        else:  # the values that are not instances first, then their focus nodes: fastest
            where = f"?this <{c.shape.path}> ?value MINUS {{ {typed} }} {focus}"
        query = f"SELECT ?this ?value WHERE {{ {where} }}"
        for row in self._select(query):
            yield _fast_raw(c.shape, row["this"], row["value"], c.message)

    def _sparql(self, c: SparqlConstraint) -> Iterator[RawResult]:
        """pySHACL's SPARQLBasedConstraint, row for row (see _evaluate_sparql_constraint)."""
        import pyoxigraph as ox

        focus = self._focus(c.shape.focus)
        if not focus:
            return
        for focus_row in list(self._select(f"SELECT ?this WHERE {{ {focus} }}")):
            this = focus_row["this"]
            bindings: dict[Any, Any] = {}
            if c.bind_this:
                bindings[ox.Variable("this")] = this
            if c.current_shape is not None:
                bindings[ox.Variable("currentShape")] = ox.NamedNode(c.current_shape)
            try:
                result = self._select(c.query, bindings or None)
                names = [v.value for v in result.variables]
                terms: dict[Any, Any] = {}  # the same term recurs in many rows: convert once
                rows = [
                    {
                        n: terms[t] if t in terms else terms.setdefault(t, _to_rdflib(t))
                        for n in names
                        if (t := row[n]) is not None
                    }
                    for row in result
                ]
            except (SyntaxError, OSError, ValueError, TypeError) as exc:
                raise UnsupportedShapeError(f"Oxigraph cannot run the query: {exc}") from exc
            yield from _sparql_results(c, _to_rdflib(this), rows)


def _sparql_results(c: SparqlConstraint, f: Any, rows: list[dict[str, Any]]) -> Iterator[RawResult]:
    """Results of one focus node ``f`` from the rows of its query (rdflib terms), as pySHACL
    makes them: a ``?failure`` row once; other rows once per distinct (this, path, value, rest),
    the value defaulting to the focus node."""
    seen: set[Any] = set()
    failure = False
    for row in rows:
        if row.pop("failure", None) is not None:
            if not failure:
                failure = True
                yield _sparql_raw(c, f, f, row)
            continue
        path, value, this = row.pop("path", None), row.pop("value", None), row.pop("this", None)
        if path is None and value is None and this is None:
            continue
        key = (this, path, value, frozenset(row.items()))
        if key in seen:
            continue
        seen.add(key)
        value = f if value is None else value
        fill = dict(row)
        if this is not None:
            fill["this"] = this
        if path is not None:
            fill["path"] = path
        fill["value"] = value
        yield _sparql_raw(c, this or f, value, fill)


def _sparql_raw(c: SparqlConstraint, focus: Any, value: Any, fill: dict[str, Any]) -> RawResult:
    messages = set()
    for template in c.messages:
        message = template
        for var, val in fill.items():  # pySHACL's _format_sparql_based_result_message
            message = re.sub("{{[?$]{}}}".format(var), str(val), message)  # noqa: UP032
        messages.add(message)
    return _fast_raw(c.shape, focus, value, " ".join(sorted(messages)))


def _fast_raw(shape: Shape, focus: Any, value: Any, message: str) -> RawResult:
    """A result about the terms ``focus`` and ``value`` (Oxigraph or rdflib; value may be None),
    with the text pySHACL would give them."""
    return RawResult(
        focus=term_text(_as_pyshacl_sees(focus)),
        value=None if value is None else term_text(_as_pyshacl_sees(value)),
        rule=shape.rule,
        message=message or "the node does not meet a rule",
        severity=shape.severity,
    )


def _batches(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _as_pyshacl_sees(term: Any) -> Any:
    """The term as pySHACL (on rdflib) has it: rdflib terms, IRIs, blank nodes and strings as
    they are; any other literal as rdflib normalizes it (``"01"^^xsd:integer`` is ``1``)."""
    import pyoxigraph as ox

    if isinstance(term, str | ox.NamedNode | ox.BlankNode):  # rdflib's terms are str
        return term
    if isinstance(term, ox.Literal) and term.datatype.value in _STRING_TYPES:
        return term
    return _to_rdflib(term)  # UnsupportedShapeError for a term it cannot convert


def _to_rdflib(term: Any) -> Any:
    import pyoxigraph as ox
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == f"{XSD}string":
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise UnsupportedShapeError(f"cannot handle the RDF term {term!r}")
