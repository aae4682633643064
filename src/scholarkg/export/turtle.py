"""Turtle from sorted lines, one subject at a time: the bytes the in-memory writer gives."""

from __future__ import annotations

from typing import IO

from ..vocab import RDF
from .groups import by_subject
from .memory import LOCAL_NAME
from .sort import Sorted

_TYPE = f"<{RDF}type>"
_FLUSH = 1 << 11
"""Pieces of text gathered before a write."""
_NAMES = 1 << 18
"""Short names remembered at once (the vocabulary and the most recent nodes)."""


def _object_key(t: str) -> tuple[int, str]:
    return (0 if t[0] == "<" else 1 if t[0] == "_" else 2, t)


class _Names:
    """IRIs as Turtle writes them: ``a``, ``prefix:local`` or ``<iri>``, remembered."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.names: dict[str, str] = {}

    def __call__(self, t: str) -> str:
        short = self.names.get(t)
        if short is not None:
            return short
        short = t
        if t == _TYPE:
            short = "a"
        else:
            v = t[1:-1]
            for prefix, ns in self.ordered:
                if v.startswith(ns) and LOCAL_NAME.match(v[len(ns) :]):
                    short = f"{prefix}:{v[len(ns) :]}"
                    break
        if len(self.names) > _NAMES:
            self.names.clear()
        self.names[t] = short
        return short


def write_turtle(graph: Sorted, sink: IO[bytes], prefixes: dict[str, str]) -> int:
    """Prefixes, subjects and values sorted, lists inline as ( … ); return the triples."""
    iri = _Names(prefixes)

    def term(t: str, held: dict[str, list[str]]) -> str:
        if t[0] == "<":
            return iri(t)
        if t[0] == "_":
            items = held.get(t[2:])
            if items is not None:
                return "( " + " ".join([term(i, held) for i in items]) + " )"
        return t

    def pred_key(p: str) -> tuple[bool, str]:
        return (p != _TYPE, iri(p))

    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())]
    out.append("\n")
    for s, pairs, held in by_subject(graph):
        preds: dict[str, list[str]] = {}
        for p, o in pairs:
            objs = preds.get(p)
            if objs is None:
                preds[p] = [o]
            else:
                objs.append(o)
        parts: list[str] = []
        for p in sorted(preds, key=pred_key) if len(preds) > 1 else preds:
            objs = preds[p]
            if len(objs) > 1:
                objs.sort(key=_object_key)
            parts.append(f"    {iri(p)} " + " ,\n        ".join([term(o, held) for o in objs]))
        out.append(term(s, held) + "\n" + " ;\n".join(parts) + " .\n\n")
        if len(out) > _FLUSH:
            sink.write("".join(out).encode("utf-8"))
            out = []
    sink.write("".join(out).encode("utf-8"))
    return graph.count
