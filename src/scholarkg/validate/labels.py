"""Labels and sources of the nodes findings are about: the ``schema:name`` a person reads, and
the earliest ``skg:source`` (``path:line``) to fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..store import term_text
from ..vocab import SCHEMA, SKG
from .report import Described, source_key

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

_NAME = f"{SCHEMA}name"
_SOURCE = f"{SKG}source"


def describe_in_store(store: pyoxigraph.Store, nodes: list[str]) -> Described:
    """Label and source of each node, from the default graph: two index look-ups per node
    (2.5x faster than batches of nodes in SPARQL VALUES: 0.8 s for 45,000 nodes)."""
    import pyoxigraph as ox

    name, source, default = ox.NamedNode(_NAME), ox.NamedNode(_SOURCE), ox.DefaultGraph()
    out: dict[str, tuple[str | None, str | None]] = {}
    for n in nodes:
        subject = ox.BlankNode(n[2:]) if n.startswith("_:") else _iri_or_none(n)
        if subject is None:  # the text of a literal focus node
            out[n] = (None, None)
            continue
        names = {term_text(q.object) for q in store.quads_for_pattern(subject, name, None, default)}
        sources = {
            term_text(q.object) for q in store.quads_for_pattern(subject, source, None, default)
        }
        out[n] = (_label(names), _first_source(sources))
    return out


def _iri_or_none(text: str) -> pyoxigraph.NamedNode | None:
    """The node as an IRI; None for the text of a literal focus node (it has no label)."""
    import pyoxigraph as ox

    try:
        return ox.NamedNode(text)
    except ValueError:
        return None


def describe_in_graph(graph: rdflib.Graph, nodes: list[str]) -> Described:
    """Label and source of each node of an rdflib Graph."""
    from rdflib import BNode, URIRef

    name_p, source_p = URIRef(_NAME), URIRef(_SOURCE)
    out: dict[str, tuple[str | None, str | None]] = {}
    for n in nodes:
        subject = BNode(n[2:]) if n.startswith("_:") else URIRef(n)
        names = {term_text(o) for o in graph.objects(subject, name_p)}  # type: ignore[arg-type]
        sources = {term_text(o) for o in graph.objects(subject, source_p)}  # type: ignore[arg-type]
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
    return min(sources, key=source_key)
