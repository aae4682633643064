"""N-Triples (and N-Quads of the default graph, the same lines) from sorted lines, streamed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

_BATCH = 1 << 14


def write_lines(lines: Iterable[bytes], sink: IO[bytes]) -> int:
    """Write each line with its newline; return how many."""
    n = 0
    batch: list[bytes] = []
    for line in lines:
        batch.append(line)
        if len(batch) == _BATCH:
            n += len(batch)
            batch.append(b"")
            sink.write(b"\n".join(batch))
            batch = []
    if batch:
        n += len(batch)
        batch.append(b"")
        sink.write(b"\n".join(batch))
    return n
