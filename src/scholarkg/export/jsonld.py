"""Compacted JSON-LD from sorted lines, one node at a time: the bytes the in-memory writer gives.

The document is ``json.dumps({"@context": …, "@graph": […]}, indent=2)``; it is written here
piece by piece (the context, then each node indented as it would be inside the list).
"""

from __future__ import annotations

import json
from functools import lru_cache
from json.encoder import encode_basestring
from typing import IO, Any

from ..vocab import RDF, SKG, XSD
from .groups import by_subject, literal_parts
from .memory import NODE_VALUED, compact_iri, jsonld_context, node_object
from .sort import Sorted

_TYPE = f"<{RDF}type>"
_AUTHOR_LIST = f"<{SKG}authorList>"
_NODE_VALUED = {f"<{k}>": v for k, v in NODE_VALUED.items()}
_FLUSH = 1 << 14
"""Pieces of text gathered before a write."""
_compact = lru_cache(maxsize=1 << 12)(compact_iri)  # few distinct IRIs: properties, types


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
            return {"@value": lex, "@type": _compact(datatype, False)}
        return lex
    if node_valued:
        return _node_id(t)
    return {"@id": _node_id(t)}


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)


def indented(obj: Any, level: int, out: list[str]) -> None:
    """Append the text ``json.dumps(obj, ensure_ascii=False, indent=2)`` gives for ``obj`` when
    it sits ``level`` deep in a document (its inner lines indented by ``2 * level + 2``).

    The standard encoder writes indented JSON in pure Python, for any object; this one knows the
    shapes a node has (strings, lists and objects of them) and hands anything else to it.
    """
    if isinstance(obj, str):
        out.append(encode_basestring(obj))
    elif isinstance(obj, dict):
        if not obj:
            out.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "{" + inner
        for k, v in obj.items():
            out.append(sep + encode_basestring(k) + ": ")
            indented(v, level + 1, out)
            sep = "," + inner
        out.append("\n" + "  " * level + "}")
    elif isinstance(obj, list | tuple):
        if not obj:
            out.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        sep = "[" + inner
        for v in obj:
            out.append(sep)
            indented(v, level + 1, out)
            sep = "," + inner
        out.append("\n" + "  " * level + "]")
    else:
        out.append(json.dumps(obj, ensure_ascii=False))


def _node(s: str, pairs: list[tuple[str, str]], held: dict[str, list[str]]) -> dict[str, Any]:
    """One subject's node object, its author lists inline."""
    types: list[str] = []
    props: dict[str, list[Any]] = {}
    for p, o in pairs:
        if p == _TYPE and o[0] == "<":
            types.append(_compact(o[1:-1], True))
            continue
        if p == _AUTHOR_LIST and o[0] == "_":
            items = held.get(o[2:])
            if items is not None:
                props.setdefault("authorList", []).append([_node_id(i) for i in items])
                continue
        if p in _NODE_VALUED and o[0] != '"':
            props.setdefault(_NODE_VALUED[p], []).append(_value(o, True))
            continue
        props.setdefault(_compact(p[1:-1], True), []).append(_value(o, False))
    return node_object(_node_id(s), types, props)


def write_jsonld(graph: Sorted, sink: IO[bytes]) -> int:
    """Write the document; return the triples it holds."""
    head = _dump({"@context": jsonld_context()})[:-2] + ',\n  "@graph": ['
    out = [head]
    sep = "\n    "
    for s, pairs, held in by_subject(graph):
        out.append(sep)
        sep = ",\n    "
        indented(_node(s, pairs, held), 2, out)
        if len(out) > _FLUSH:
            sink.write("".join(out).encode("utf-8"))
            out = []
    out.append("]\n}\n" if sep == "\n    " else "\n  ]\n}\n")
    sink.write("".join(out).encode("utf-8"))
    return graph.count
