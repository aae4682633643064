"""Turtle from sorted lines, one subject at a time: the bytes the in-memory writer gives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import pyoxigraph as ox

from ..vocab import RDF
from .groups import Counter, by_subject, list_items
from .memory import LOCAL_NAME

_TYPE = f"<{RDF}type>"
_FLUSH = 1 << 16


def _kind(t: str) -> int:
    return 0 if t[0] == "<" else 1 if t[0] == "_" else 2


def write_turtle(
    lines: Iterable[bytes], store: ox.Store, sink: IO[bytes], prefixes: dict[str, str]
) -> int:
    """Prefixes, subjects and values sorted, lists inline as ( … ); return the triples."""
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
    names: dict[str, str] = {}

    def iri(t: str) -> str:
        short = names.get(t)
        if short is not None:
            return short
        short = t
        if t == _TYPE:
            short = "a"
        else:
            v = t[1:-1]
            for prefix, ns in ordered:
                if v.startswith(ns) and LOCAL_NAME.match(v[len(ns) :]):
                    short = f"{prefix}:{v[len(ns) :]}"
                    break
        if len(names) > 1 << 18:
            names.clear()
        names[t] = short
        return short

    def term(t: str) -> str:
        if t[0] == "<":
            return iri(t)
        if t[0] == "_":
            items = list_items(store, t[2:])
            if items is not None:
                return "( " + " ".join(term(i) for i in items) + " )"
        return t

    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items())]
    out.append("\n")
    size = 0
    counter = Counter()
    for s, pairs in by_subject(lines, counter):
        preds: dict[str, list[str]] = {}
        for p, o in pairs:
            preds.setdefault(p, []).append(o)
        parts: list[str] = []
        for p in sorted(preds, key=lambda p: (p != _TYPE, iri(p))):
            objs = " ,\n        ".join(
                term(o) for o in sorted(preds[p], key=lambda o: (_kind(o), o))
            )
            parts.append(f"    {iri(p)} {objs}")
        block = term(s) + "\n" + " ;\n".join(parts) + " .\n\n"
        out.append(block)
        size += len(block)
        if size > _FLUSH:
            sink.write("".join(out).encode("utf-8"))
            out, size = [], 0
    sink.write("".join(out).encode("utf-8"))
    return counter.lines
