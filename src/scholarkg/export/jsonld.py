"""Compacted JSON-LD from sorted lines, one node at a time: the bytes the in-memory writer gives.

The document is ``json.dumps({"@context": …, "@graph": […]}, indent=2)``; it is written here
piece by piece (the context, then each node indented as it would be inside the list).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

import pyoxigraph as ox

from ..vocab import RDF, SKG, XSD
from .groups import Counter, by_subject, list_items, literal_parts
from .memory import NODE_VALUED, compact_iri, jsonld_context, node_object

_TYPE = f"<{RDF}type>"
_AUTHOR_LIST = f"<{SKG}authorList>"
_NODE_VALUED = {f"<{k}>": v for k, v in NODE_VALUED.items()}
_FLUSH = 1 << 16


def _node_id(t: str) -> str:
    if t[0] == "<":
        return t[1:-1]
    if t[0] == "_":
        return t
    return "_:" + literal_parts(t)[0]


def _value(t: str, node_valued: bool) -> Any:
    if t[0] == '"':
        lex, lang, datatype = literal_parts(t)
        if lang:
            return {"@value": lex, "@language": lang}
        if datatype is not None and datatype != XSD + "string":
            return {"@value": lex, "@type": compact_iri(datatype, False)}
        return lex
    if node_valued:
        return _node_id(t)
    return {"@id": _node_id(t)}


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)


def write_jsonld(lines: Iterable[bytes], store: ox.Store, sink: IO[bytes]) -> int:
    """Write the document; return the triples it holds."""
    head = _dump({"@context": jsonld_context()})[:-2] + ',\n  "@graph": ['
    out = [head]
    size = 0
    first = True
    counter = Counter()
    for s, pairs in by_subject(lines, counter):
        types: list[str] = []
        props: dict[str, list[Any]] = {}
        for p, o in pairs:
            if p == _TYPE and o[0] == "<":
                types.append(compact_iri(o[1:-1], True))
                continue
            if p == _AUTHOR_LIST and o[0] == "_":
                items = list_items(store, o[2:])
                if items is not None:
                    props.setdefault("authorList", []).append([_node_id(i) for i in items])
                    continue
            if p in _NODE_VALUED and o[0] != '"':
                props.setdefault(_NODE_VALUED[p], []).append(_value(o, True))
                continue
            props.setdefault(compact_iri(p[1:-1], True), []).append(_value(o, False))
        text = _dump(node_object(_node_id(s), types, props))
        piece = ("\n" if first else ",\n") + "    " + text.replace("\n", "\n    ")
        first = False
        out.append(piece)
        size += len(piece)
        if size > _FLUSH:
            sink.write("".join(out).encode("utf-8"))
            out, size = [], 0
    out.append("]\n}\n" if first else "\n  ]\n}\n")
    sink.write("".join(out).encode("utf-8"))
    return counter.lines
