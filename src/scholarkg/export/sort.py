"""The store's triples in sorted order, in bounded memory, with each list beside its holder.

Oxigraph dumps the default graph as N-Triples (in Rust, fast, in its own order). The lines are
gathered into runs of at most ``run_bytes`` in all; each run is sorted and, when there is more
than one, written to a temporary file; the runs are then merged (an external merge sort). UTF-8
byte order is code-point order, so the lines come out in the order ``sorted()`` gives on
``str``: the order the in-memory writers produce.

List cells (``_:l…x0 rdf:first …``) are sorted apart from the other lines: they are the only
blank subjects and sort after every IRI, so the N-Triples export is the other lines and then
the cells. Turtle and JSON-LD write a list inline at its holder; :meth:`Sorted.subjects` gives
each subject with the items of the lists it holds, found by a merge join (:mod:`.lists`) rather
than a store lookup per cell, which was most of their time.

Nothing needs relabelling when the blank nodes are the list cells that
:func:`~scholarkg.vocab.list_node` labels (what ``map`` writes and the build loads unrenamed).
The dump checks that as it goes: every blank node a list cell with such a label, every list held
under the label its holder and property give, each rest pointing at the next cell of the same
list, and as many ``rdf:first`` as ``rdf:rest`` as cells referenced. A store that fails any of
this (another tool's graph, a build from before stable labels, named graphs) is exported by the
in-memory writers (:mod:`.memory`), which relabel by content.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..vocab import RDF, list_node
from .extsort import Sorter
from .lists import Held, Tally, held_lists

RUN_BYTES = 128 * 2**20
"""Bytes of N-Triples text sorted in memory at once (Python holds about twice that)."""

_FIRST = f"<{RDF}first>".encode()
_REST = f"<{RDF}rest>".encode()
_NIL = f"<{RDF}nil>".encode()
_CELL = re.compile(rb"_:(l[0-9a-f]{16})x(0|[1-9][0-9]*)")
_NOT, _PLAIN, _IS_CELL, _HOLDER = range(4)


class _Runs:
    """A write target for ``Store.dump``: splits lines, checks blank nodes, spills sorted runs."""

    def __init__(self, tmpdir: Path, run_bytes: int) -> None:
        self.run_bytes = run_bytes
        self.main = Sorter(tmpdir, "main")
        self.cells = Sorter(tmpdir, "cells")
        self.holders = Sorter(tmpdir, "holders")
        self.size = 0
        self.tail = b""
        self.canonical = True
        self.firsts = self.rests = self.n_holders = self.links = 0

    def write(self, data: bytes) -> int:
        if not self.canonical:
            return len(data)
        parts = (self.tail + bytes(data)).split(b"\n")
        self.tail = parts.pop()
        main = self.main.lines
        for line in parts:
            if b"_:" in line:
                kind = self._check(line)
                if kind == _NOT:
                    self.canonical = False
                    for sorter in (self.main, self.cells, self.holders):
                        sorter.lines.clear()
                    return len(data)
                if kind == _IS_CELL:
                    self.cells.add(line)
                    continue
            main.append(line)
        self.size += len(data)
        if self.size >= self.run_bytes:
            self.spill()
        return len(data)

    def flush(self) -> None:
        pass

    def _check(self, line: bytes) -> int:
        """A line that mentions ``_:`` (a blank node, or text in a literal) is as built."""
        s_end = line.index(b" ")
        p_end = line.index(b" ", s_end + 1)
        p = line[s_end + 1 : p_end]
        o = line[p_end + 1 : -2]
        if line.startswith(b"_:"):
            cell = _CELL.fullmatch(line, 0, s_end)
            if cell is None:
                return _NOT
            if p == _FIRST:
                self.firsts += 1
                return _NOT if o.startswith(b"_:") else _IS_CELL
            if p != _REST:
                return _NOT
            self.rests += 1
            if o == _NIL:
                return _IS_CELL
            nxt = _CELL.fullmatch(o)
            if nxt is None or nxt.group(1) != cell.group(1):
                return _NOT
            self.links += 1
            return _IS_CELL if int(nxt.group(2)) == int(cell.group(2)) + 1 else _NOT
        if not o.startswith(b"_:"):
            return _PLAIN  # "_:" inside a literal
        self.n_holders += 1
        holder = list_node(line[:s_end].decode("utf-8"), p.decode("utf-8"), 0)
        if o[2:] != holder.encode("utf-8"):
            return _NOT
        self.holders.add(o[2:] + b" " + line[:s_end])  # label and holder, joined on the label
        return _HOLDER

    def spill(self) -> None:
        for sorter in (self.main, self.cells, self.holders):
            sorter.spill()
        self.size = 0

    def finish(self) -> None:
        if self.tail:
            self.write(b"\n")
        cells = self.firsts
        if self.canonical and not (cells == self.rests == self.n_holders + self.links):
            self.canonical = False
        if self.canonical and self.main.files:
            self.spill()  # memory is the join's now: everything waits in files


class Sorted:
    """The default graph sorted: every line (iterate it), or subject by subject with lists."""

    def __init__(self, runs: _Runs) -> None:
        self._runs = runs
        self.count = 0
        """Lines gone past so far (the triples written, list cells included)."""

    def __iter__(self) -> Iterator[bytes]:
        """Every line once, in byte order, without its newline."""
        for sorter in (self._runs.main, self._runs.cells):
            for line in sorter.sorted():
                self.count += 1
                yield line

    def subjects(self) -> Iterator[tuple[bytes, list[bytes], Held]]:
        """(subject, its lines, the lists it holds: label → items), list cells left out."""
        runs = self._runs
        tally = Tally()
        lists = held_lists(
            runs.holders.sorted(), runs.cells.sorted(), runs.run_bytes, runs.main.tmpdir, tally
        )
        nxt = next(lists, None)
        block: list[bytes] = []
        subject = b""
        for line in runs.main.sorted():
            self.count += 1
            s = line[: line.index(b" ")]
            if s != subject:
                if block:
                    nxt, held = _held_by(subject, nxt, lists)
                    yield subject, block, held
                subject = s
                block = []
            block.append(line)
        if block:
            nxt, held = _held_by(subject, nxt, lists)
            yield subject, block, held
        self.count += tally.cells


def _held_by(subject: bytes, nxt: Any, lists: Iterator[tuple[bytes, bytes, list[bytes]]]) -> Any:
    """The lists ``subject`` holds, taken from the front of ``lists`` (sorted by holder)."""
    held: Held = {}
    key = subject + b" "
    while nxt is not None and nxt[0] + b" " <= key:
        if nxt[0] == subject:
            held[nxt[1]] = nxt[2]
        nxt = next(lists, None)
    return nxt, held


@contextmanager
def sorted_ntriples(store: ox.Store, run_bytes: int = RUN_BYTES) -> Iterator[Sorted | None]:
    """The default graph sorted, or None when the store needs relabelling."""
    if next(iter(store.named_graphs()), None) is not None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="scholarkg-export-") as tmp:
        runs = _Runs(Path(tmp), run_bytes)
        sink: Any = runs  # a writable object: dump calls write() and flush()
        store.dump(sink, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        runs.finish()
        yield Sorted(runs) if runs.canonical else None
