"""The graph in pieces of bounded size, each a document on its own: for bulk loaders and pushes.

A blank node's label means something only inside one document (one file, one request), so each
list travels whole beside the node that holds it, and a subject is never cut. The order is the
sorted order of the N-Triples export, with list cells moved up beside their holders.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError, UsageError
from ..vocab import RDF, list_node
from .lists import Held
from .sort import sorted_ntriples


def chunks(store: ox.Store, chunk_bytes: int) -> Iterator[bytes]:
    """The build as N-Triples in chunks of at most ``chunk_bytes``, cut between subjects (one
    subject bigger than that is a chunk of its own)."""
    chunk: list[bytes] = []
    size = 0
    for block in _subjects(store):
        n = sum(len(line) + 1 for line in block)
        if chunk and size + n > chunk_bytes:
            yield b"\n".join(chunk) + b"\n"
            chunk, size = [], 0
        chunk += block
        size += n
    if chunk:
        yield b"\n".join(chunk) + b"\n"


def _subjects(store: ox.Store) -> Iterator[list[bytes]]:
    """Each subject's lines, in sorted order, with the cells of the lists it holds."""
    with sorted_ntriples(store) as graph:
        if graph is None:
            raise StoreError(
                "this build's blank nodes are not the list cells the build labels",
                "rebuild it with `scholarkg build` (a build folder is a cache) and try again",
            )
        for _, lines, held in graph.subjects():
            block: list[bytes] = []
            for line in lines:
                block.append(line)
                if held and line.endswith(b"x0 .") and b" _:" in line:
                    block += _list_lines(line, held)
            yield block


_FIRST, _REST, _NIL = f"<{RDF}first>".encode(), f"<{RDF}rest>".encode(), f"<{RDF}nil>".encode()


def _list_lines(holder_line: bytes, held: Held) -> list[bytes]:
    s_end = holder_line.index(b" ")
    p_end = holder_line.index(b" ", s_end + 1)
    o = holder_line[p_end + 1 : -2]
    if not o.startswith(b"_:"):
        return []  # "x0 ." at the end of a literal
    s, p = holder_line[:s_end].decode("utf-8"), holder_line[s_end + 1 : p_end].decode("utf-8")
    items = held.get(o[2:]) or []
    out = []
    for i, item in enumerate(items):
        cell = f"_:{list_node(s, p, i)}".encode()
        nxt = _NIL if i + 1 == len(items) else f"_:{list_node(s, p, i + 1)}".encode()
        out += [
            cell + b" " + _FIRST + b" " + item + b" .",
            cell + b" " + _REST + b" " + nxt + b" .",
        ]
    return out


def export_split(
    store: ox.Store, fmt: str, output: str | Path, max_bytes: int
) -> list[tuple[Path, int]]:
    """Write ``OUTPUT-00001.nq``, … of at most ``max_bytes`` each (a subject is never cut, so a
    file can exceed it by one subject); return (file, triples) per file. All or nothing: the
    files appear only when every one is written."""
    if fmt not in ("nquads", "ntriples"):
        raise UsageError(
            f"--split-mb writes N-Quads or N-Triples, not {fmt}", "use --format nquads"
        )
    if max_bytes <= 0:
        raise UsageError("--split-mb must be more than 0", "e.g. --split-mb 100")
    out = Path(output)
    suffix = out.suffix or (".nq" if fmt == "nquads" else ".nt")
    done: list[tuple[Path, int]] = []
    parts: list[Path] = []
    try:
        for i, chunk in enumerate(chunks(store, max_bytes)):
            path = out.with_name(f"{out.stem}-{i + 1:05d}{suffix}")
            part = path.with_name(path.name + ".part")
            parts.append(part)
            part.write_bytes(chunk)
            done.append((path, chunk.count(b"\n")))
        for part, (path, _) in zip(parts, done, strict=True):
            part.replace(path)
    except BaseException:
        for part in parts:
            part.unlink(missing_ok=True)
        raise
    return done
