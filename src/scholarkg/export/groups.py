"""Sorted lines regrouped by subject with the lists they hold, and N-Triples terms read back."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .sort import Sorted


def by_subject(graph: Sorted) -> Iterator[tuple[str, list[tuple[str, str]], dict[str, list[str]]]]:
    """(subject, [(predicate, object)], lists it holds: label → items), N-Triples text, in
    line order; the list cells are not among the pairs (their items are)."""
    for s, block, held in graph.subjects():
        pairs = []
        for line in block:
            _, p, o = line[:-2].decode("utf-8").split(" ", 2)
            pairs.append((p, o))
        lists = {k.decode("utf-8"): [i.decode("utf-8") for i in v] for k, v in held.items()}
        yield s.decode("utf-8"), pairs, lists


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
