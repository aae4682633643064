"""Sorted lines regrouped by subject, N-Triples terms read back, and lists looked up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..vocab import RDF


@dataclass(slots=True)
class Counter:
    """How many lines went past (the triples an export wrote, list cells included)."""

    lines: int = field(default=0)


def by_subject(
    lines: Iterable[bytes], counter: Counter
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(subject, [(predicate, object)]) in line order, N-Triples text; list cells are left out.

    List cells are the only blank subjects on this path, and they sort after every IRI.
    """
    subject = b""
    pairs: list[tuple[str, str]] = []
    n = 0
    for line in lines:
        n += 1
        s_end = line.index(b" ")
        if line[0] == 0x5F:  # "_": the list cells, last in byte order
            continue
        p_end = line.index(b" ", s_end + 1)
        s = line[:s_end]
        if s != subject:
            if pairs:
                yield subject.decode("utf-8"), pairs
            subject = s
            pairs = []
        pairs.append(
            (line[s_end + 1 : p_end].decode("utf-8"), line[p_end + 1 : -2].decode("utf-8"))
        )
    if pairs:
        yield subject.decode("utf-8"), pairs
    counter.lines = n


_FIRST = RDF + "first"
_REST = RDF + "rest"
_NIL = RDF + "nil"


def list_items(store: ox.Store, head: str) -> list[str] | None:
    """The items (N-Triples text) of the well-formed list whose first cell is ``_:head``."""
    items: list[str] = []
    cur = head
    seen: set[str] = set()
    while True:
        first = rest = None
        n = 0
        for q in store.quads_for_pattern(ox.BlankNode(cur), None, None, ox.DefaultGraph()):
            n += 1
            if q.predicate.value == _FIRST:
                first = q.object
            elif q.predicate.value == _REST:
                rest = q.object
        if n != 2 or first is None or rest is None or cur in seen:
            return None
        seen.add(cur)
        items.append(str(first))
        if isinstance(rest, ox.NamedNode) and rest.value == _NIL:
            return items
        if not isinstance(rest, ox.BlankNode):
            return None
        cur = rest.value


_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape_one(m: re.Match[str]) -> str:
    hex_ = m.group(1) or m.group(2)
    if hex_:
        return chr(int(hex_, 16))
    return _ECHAR[m.group(3)]


def literal_parts(text: str) -> tuple[str, str | None, str | None]:
    """``"lex"@lang`` / ``"lex"^^<dt>`` / ``"lex"`` → (lexical form, language, datatype IRI)."""
    end = text.rindex('"')
    lex = text[1:end]
    if "\\" in lex:
        lex = _ESCAPE.sub(_unescape_one, lex)
    tail = text[end + 1 :]
    if tail.startswith("@"):
        return lex, tail[1:], None
    if tail.startswith("^^"):
        return lex, None, tail[3:-1]
    return lex, None, None
