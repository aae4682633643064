"""The store's triples as sorted N-Triples lines, in bounded memory.

Oxigraph dumps the default graph as N-Triples (in Rust, fast, in its own order). The lines are
gathered into runs of at most ``run_bytes``; each run is sorted and, when there is more than one,
written to a temporary file; the runs are then merged (an external merge sort). UTF-8 byte order
is code-point order, so the lines come out in the order ``sorted()`` gives on ``str``: the order
the in-memory writers produce.

Nothing needs relabelling when the blank nodes are the list cells that
:func:`~scholarkg.vocab.list_node` labels (what ``map`` writes and the build loads unrenamed).
The dump checks that as it goes: every blank node a list cell with such a label, every list held
under the label its holder and property give, each rest pointing at the next cell of the same
list, and as many ``rdf:first`` as ``rdf:rest`` as cells referenced. A store that fails any of
this (another tool's graph, a build from before stable labels, named graphs) is exported by the
in-memory writers (:mod:`.memory`), which relabel by content.
"""

from __future__ import annotations

import heapq
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..vocab import RDF, list_node

RUN_BYTES = 128 * 2**20
"""Bytes of N-Triples text sorted in memory at once (Python holds about twice that)."""

_FIRST = f"<{RDF}first>".encode()
_REST = f"<{RDF}rest>".encode()
_NIL = f"<{RDF}nil>".encode()
_CELL = re.compile(rb"_:(l[0-9a-f]{16})x(0|[1-9][0-9]*)")


class _Runs:
    """A write target for ``Store.dump``: splits lines, checks blank nodes, spills sorted runs."""

    def __init__(self, tmpdir: Path, run_bytes: int) -> None:
        self.tmpdir = tmpdir
        self.run_bytes = run_bytes
        self.lines: list[bytes] = []
        self.size = 0
        self.tail = b""
        self.files: list[Path] = []
        self.canonical = True
        self.firsts = self.rests = self.holders = self.links = 0
        self.count = 0

    def write(self, data: bytes) -> int:
        if not self.canonical:
            return len(data)
        parts = (self.tail + bytes(data)).split(b"\n")
        self.tail = parts.pop()
        for line in parts:
            if b"_:" in line and not self._check(line):
                self.canonical = False
                self.lines.clear()
                return len(data)
        self.lines.extend(parts)
        self.size += len(data)
        if self.size >= self.run_bytes:
            self.spill()
        return len(data)

    def flush(self) -> None:
        pass

    def _check(self, line: bytes) -> bool:
        """A line that mentions ``_:`` (a blank node, or text in a literal) is as built."""
        s_end = line.index(b" ")
        p_end = line.index(b" ", s_end + 1)
        p = line[s_end + 1 : p_end]
        o = line[p_end + 1 : -2]
        if line.startswith(b"_:"):
            cell = _CELL.fullmatch(line, 0, s_end)
            if cell is None:
                return False
            if p == _FIRST:
                self.firsts += 1
                return not o.startswith(b"_:")
            if p != _REST:
                return False
            self.rests += 1
            if o == _NIL:
                return True
            nxt = _CELL.fullmatch(o)
            if nxt is None or nxt.group(1) != cell.group(1):
                return False
            self.links += 1
            return int(nxt.group(2)) == int(cell.group(2)) + 1
        if not o.startswith(b"_:"):
            return True  # "_:" inside a literal
        self.holders += 1
        holder = list_node(line[:s_end].decode("utf-8"), p.decode("utf-8"), 0)
        return o[2:] == holder.encode("utf-8")

    def spill(self) -> None:
        if not self.lines:
            return
        self.lines.sort()
        path = self.tmpdir / f"run{len(self.files):05d}.nt"
        with path.open("wb") as fh:
            fh.write(b"\n".join(self.lines))
            fh.write(b"\n")
        self.files.append(path)
        self.lines = []
        self.size = 0

    def finish(self) -> None:
        if self.tail:
            self.write(b"\n")
        cells = self.firsts
        if self.canonical and not (cells == self.rests == self.holders + self.links):
            self.canonical = False

    def sorted_lines(self) -> Iterator[bytes]:
        """Every line once, in byte order, without its newline."""
        if not self.files:
            self.lines.sort()
            merged: Iterator[bytes] = iter(self.lines)
        else:
            self.spill()
            merged = heapq.merge(*(_read_run(p) for p in self.files))
        last = None
        for line in merged:
            if line != last:
                yield line
                last = line


def _read_run(path: Path) -> Iterator[bytes]:
    with path.open("rb", buffering=1 << 20) as fh:
        for line in fh:
            yield line[:-1]


@contextmanager
def sorted_ntriples(
    store: ox.Store, run_bytes: int = RUN_BYTES
) -> Iterator[Iterator[bytes] | None]:
    """The default graph's lines in byte order, or None when the store needs relabelling."""
    if next(iter(store.named_graphs()), None) is not None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="scholarkg-export-") as tmp:
        runs = _Runs(Path(tmp), run_bytes)
        sink: Any = runs  # a writable object: dump calls write() and flush()
        store.dump(sink, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        runs.finish()
        yield runs.sorted_lines() if runs.canonical else None
