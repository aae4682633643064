"""An external merge sort of byte lines: runs sorted in memory, spilled to files, merged."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from pathlib import Path


class Sorter:
    """Lines sorted in bounded memory: runs sorted in memory, spilled to files, merged."""

    def __init__(self, tmpdir: Path, name: str) -> None:
        self.tmpdir = tmpdir
        self.name = name
        self.lines: list[bytes] = []
        self.size = 0
        self.files: list[Path] = []

    def add(self, line: bytes) -> None:
        self.lines.append(line)
        self.size += len(line) + 1

    def spill(self) -> None:
        if not self.lines:
            return
        self.lines.sort()
        path = self.tmpdir / f"{self.name}{len(self.files):05d}"
        with path.open("wb") as fh:
            fh.write(b"\n".join(self.lines))
            fh.write(b"\n")
        self.files.append(path)
        self.lines = []
        self.size = 0

    def sorted(self) -> Iterator[bytes]:
        """Every line once, in byte order, without its newline."""
        if self.files:
            self.spill()
            merged: Iterator[bytes] = heapq.merge(*(_read_run(p) for p in self.files))
        else:
            self.lines.sort()
            merged = iter(self.lines)
        last = None
        for line in merged:
            if line != last:
                yield line
                last = line


def _read_run(path: Path) -> Iterator[bytes]:
    with path.open("rb", buffering=1 << 20) as fh:
        for line in fh:
            yield line[:-1]
