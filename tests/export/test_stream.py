"""The streaming writers give the bytes the in-memory writers give, in every format.

The in-memory writers (``scholarkg.export.memory``) hold and sort every triple; they are the
reference. The streaming path dumps, sorts in bounded runs and merges; these tests force many
runs (a tiny ``run_bytes``) on graphs with the awkward parts of N-Triples text.
"""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from scholarkg.export import FORMATS, export
from scholarkg.export.memory import export_in_memory
from scholarkg.export.sort import sorted_ntriples
from scholarkg.vocab import RDF, SCHEMA, SKG, list_node

FIRST, REST, NIL = f"<{RDF}first>", f"<{RDF}rest>", f"<{RDF}nil>"
AUTHOR_LIST = f"<{SKG}authorList>"


def _work(i: int, authors: list[str], title: str) -> list[str]:
    s = f"<https://kg.example.org/work/w{i}>"
    lines = [
        f"{s} <{RDF}type> <{SCHEMA}ScholarlyArticle> .",
        f"{s} <{SCHEMA}name> {title} .",
        f"{s} {AUTHOR_LIST} _:{list_node(s, AUTHOR_LIST, 0)} .",
    ]
    for k, a in enumerate(authors):
        cell = f"_:{list_node(s, AUTHOR_LIST, k)}"
        nxt = NIL if k + 1 == len(authors) else f"_:{list_node(s, AUTHOR_LIST, k + 1)}"
        person = f"<https://kg.example.org/person/{a}>"
        lines += [
            f"{s} <{SCHEMA}author> {person} .",
            f"{cell} {FIRST} {person} .",
            f"{cell} {REST} {nxt} .",
        ]
    return lines


AWKWARD_TITLES = [
    '"Quotes \\" and backslash \\\\ and tab \\t and newline \\n"',
    '"Ünïcödé Ελληνικά 中文 😀 Đỗ"@en',
    '"_:not a blank node"',
    '"42"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '"a\\u0001control"',
    '"x"@de-CH',
    '"/slash/and <angle>"',
]


def _nt(n: int) -> bytes:
    lines: list[str] = []
    for i in range(n):
        authors = [f"p{(i * 7 + k) % 13}" for k in range(1 + i % 12)]
        lines += _work(i, authors, AWKWARD_TITLES[i % len(AWKWARD_TITLES)])
    return ("\n".join(lines) + "\n").encode("utf-8")


def _store(data: bytes, *, rename: bool) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(ox.parse(data, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=rename))
    return store


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("run_bytes", [300, 1 << 30])
def test_streaming_gives_the_in_memory_bytes(fmt: str, run_bytes: int) -> None:
    store = _store(_nt(60), rename=False)
    with sorted_ntriples(store) as lines:
        assert lines is not None  # the streaming path is the one under test
    streamed, reference = io.BytesIO(), io.BytesIO()
    n = export(store, fmt, streamed, run_bytes=run_bytes)
    m = export_in_memory(store, fmt, reference)
    assert n == m == len(store)
    assert streamed.getvalue() == reference.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_renamed_blank_nodes_give_the_same_bytes_through_the_fallback(fmt: str) -> None:
    data = _nt(20)
    renamed = _store(data, rename=True)
    with sorted_ntriples(renamed) as lines:
        assert lines is None  # random labels: relabelled in memory
    a, b = io.BytesIO(), io.BytesIO()
    export(renamed, fmt, a)
    export(_store(data, rename=False), fmt, b, run_bytes=500)
    assert a.getvalue() == b.getvalue()


def test_a_list_under_the_wrong_label_is_not_streamed() -> None:
    data = _nt(3).replace(b"/work/w0>", b"/work/w9>")  # the holder no longer gives the label
    with sorted_ntriples(_store(data, rename=False)) as lines:
        assert lines is None


def test_named_graphs_go_through_the_in_memory_writers() -> None:
    store = _store(_nt(3), rename=False)
    g = ox.NamedNode("https://kg.example.org/graph")
    store.add(
        ox.Quad(
            ox.NamedNode("https://x.org/a"), ox.NamedNode("https://x.org/p"), ox.Literal("v"), g
        )
    )
    with sorted_ntriples(store) as lines:
        assert lines is None
    sink = io.BytesIO()
    export(store, "nquads", sink)
    assert b"<https://kg.example.org/graph> .\n" in sink.getvalue()


def test_empty_store_exports_the_same_as_in_memory() -> None:
    for fmt in FORMATS:
        a, b = io.BytesIO(), io.BytesIO()
        assert export(ox.Store(), fmt, a) == export_in_memory(ox.Store(), fmt, b) == 0
        assert a.getvalue() == b.getvalue()


def test_runs_are_merged_in_byte_order_once_each() -> None:
    store = _store(_nt(40), rename=False)
    sink = io.BytesIO()
    export(store, "ntriples", sink, run_bytes=200)
    lines = sink.getvalue().split(b"\n")[:-1]
    assert lines == sorted(set(lines))
    assert len(lines) == len(store)


def test_lists_of_awkward_literals_stream_as_in_memory() -> None:
    """List items travel through the join's records: text with CR, LF, tabs and spaces."""
    s = "<https://kg.example.org/work/w999>"  # not one of _nt's works
    prop = f"<{SKG}authorList>"
    items = ['"a\\r\\nb"', '"tab\\there and  spaces"', '"\\u0000 x"@en', "<https://x.org/p>"]
    lines = [f'{s} <{SCHEMA}name> "One" .', f"{s} {prop} _:{list_node(s, prop, 0)} ."]
    for k, item in enumerate(items):
        cell = f"_:{list_node(s, prop, k)}"
        nxt = NIL if k + 1 == len(items) else f"_:{list_node(s, prop, k + 1)}"
        lines += [f"{cell} {FIRST} {item} .", f"{cell} {REST} {nxt} ."]
    data = ("\n".join(lines) + "\n").encode("utf-8") + _nt(5)
    store = _store(data, rename=False)
    with sorted_ntriples(store) as graph:
        assert graph is not None  # streamed, not relabelled in memory
    for fmt in FORMATS:
        for run_bytes in (120, 1 << 30):
            a, b = io.BytesIO(), io.BytesIO()
            assert export(store, fmt, a, run_bytes=run_bytes) == len(store)
            export_in_memory(store, fmt, b)
            assert a.getvalue() == b.getvalue(), (fmt, run_bytes)
