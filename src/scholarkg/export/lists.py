"""Each list's items beside its holder, by a merge join on the list's label (no store lookups).

The dump gives two sorted streams: the holders (``l<hash>x0 <holder>``, one per list) and the
list cells (``_:l<hash>x<i> rdf:first|rdf:rest … .``), both in label order. Walking them side by
side gives each list's items; the lists are then sorted again by holder (in bounded runs, like
the lines) so that the writers can take them in step with the subjects they write.

A record in those runs is ``holder label item␍item…``: a carriage return never appears raw in an
N-Triples line (the format escapes it, as it does the newline that ends each line).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..vocab import RDF
from .extsort import Sorter

Held = dict[bytes, list[bytes]]
"""The lists one subject holds: label (``l<hash>x0``) → items (N-Triples terms)."""

_FIRST = f"<{RDF}first>".encode()
_NIL = f"<{RDF}nil>".encode()
_LABEL = slice(2, 19)  # "_:" then "l" and 16 hex digits: the part every cell of a list shares


class Tally:
    """How many list cells the join read (they are triples of the export too)."""

    cells = 0


def held_lists(
    holders: Iterable[bytes], cells: Iterable[bytes], run_bytes: int, tmpdir: Path, tally: Tally
) -> Iterator[tuple[bytes, bytes, list[bytes]]]:
    """(holder, label, items) of every well-formed list, sorted by holder."""
    out = Sorter(tmpdir, "lists")
    for label, holder, items in _join(holders, cells, tally):
        out.add(holder + b" " + label + b" " + b"\r".join(items))
        if out.size >= run_bytes:
            out.spill()
    for rec in out.sorted():
        h_end = rec.index(b" ")
        l_end = rec.index(b" ", h_end + 1)
        yield rec[:h_end], rec[h_end + 1 : l_end], rec[l_end + 1 :].split(b"\r")


def _counted(cells: Iterable[bytes], tally: Tally) -> Iterator[bytes]:
    for line in cells:
        tally.cells += 1
        yield line


def _join(
    holders: Iterable[bytes], cells: Iterable[bytes], tally: Tally
) -> Iterator[tuple[bytes, bytes, list[bytes]]]:
    groups = itertools.groupby(_counted(cells, tally), key=lambda line: line[_LABEL])
    key, lines = next(groups, (None, None))
    group: list[bytes] | None = None
    for h in holders:
        sp = h.index(b" ")
        label, holder = h[:sp], h[sp + 1 :]
        want = label[:17]
        while key is not None and key < want:
            key, lines = next(groups, (None, None))
            group = None
        if key != want or lines is None:
            continue  # no cells: the holder keeps the bare label
        if group is None:
            group = list(lines)  # several holders may share a label (a hash collision)
        items = _items(group)
        if items is not None:
            yield label, holder, items
    for _ in groups:  # count the cells no holder asked for
        pass


def _items(lines: list[bytes]) -> list[bytes] | None:
    """The items of a list from its cells, or None when it is not one well-formed list."""
    firsts: dict[int, list[bytes]] = {}
    rests: dict[int, list[bytes]] = {}
    for line in lines:
        s_end = line.index(b" ")
        p_end = line.index(b" ", s_end + 1)
        i = int(line[20:s_end])
        target = firsts if line[s_end + 1 : p_end] == _FIRST else rests
        target.setdefault(i, []).append(line[p_end + 1 : -2])
    items: list[bytes] = []
    i = 0
    while True:
        first, rest = firsts.get(i, ()), rests.get(i, ())
        if len(first) != 1 or len(rest) != 1:
            return None
        items.append(first[0])
        if rest[0] == _NIL:
            return items
        i += 1  # the dump checked that a rest is the next cell of the same list
