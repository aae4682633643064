"""Push a build into a remote SPARQL store, into one named graph, replacing it only when whole.

Protocols (W3C only): the SPARQL 1.1 Graph Store HTTP Protocol loads the chunks when the store
offers it (``graph_store`` URL); SPARQL 1.1 Update (``INSERT {…} WHERE {}``) otherwise. Either way:

1. ``DROP SILENT`` the staging graph (left over by a push that died), then load every chunk into
   it. A chunk is at most ``chunk_bytes`` of N-Triples, cut between subjects, with each list kept
   whole beside the node that holds it (blank nodes do not cross a request).
2. Count the staging graph. Only when it holds every triple, swap it in with one update:
   ``MOVE`` (or ``DROP`` + ``ADD`` + ``DROP`` where ``MOVE`` is refused).
3. Check the target graph: its triple count, and one sample query answered by the store as by
   the local build. On any failure before the swap the staging graph is dropped and the target
   graph is left as it was.
"""

from __future__ import annotations

import contextlib
import json
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import RemoteError
from ..export.split import chunks
from ..store import select
from .http import Client, Credentials

DEFAULT_CHUNK_BYTES = 4 * 2**20
UPDATE_BYTES = 64 * 2**10
"""The most N-Triples text one SPARQL Update request carries (a chunk goes in several). Virtuoso
refuses long INSERTs: a 4 MB chunk of a 10^4-listing build stopped its SPARQL compiler ("SP030 …
memory exhausted" at line 4,993), and 256 kB (about 1,700 triples) its SQL code generator ("SP031
… exceeded 10000 lines of code"); 64 kB is about 430 triples of this graph."""
NT = "application/n-triples"
RESULTS_JSON = "application/sparql-results+json"

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Target:
    """Where a push goes: the SPARQL endpoints of one store."""

    endpoint: str  # SPARQL 1.1 Protocol query URL
    update: str  # SPARQL 1.1 Update URL (often the same)
    graph_store: str | None = None  # Graph Store HTTP Protocol URL, if the store has one


@dataclass(frozen=True, slots=True)
class PushPlan:
    graph: str
    staging: str
    triples: int
    chunks: int
    bytes: int
    protocol: str  # "graph store protocol" or "SPARQL update"


@dataclass(frozen=True, slots=True)
class PushResult:
    plan: PushPlan
    remote_triples: int
    sample_subject: str
    sample_rows: int
    swap: str  # "MOVE" or "DROP+ADD"
    update_fallbacks: int  # chunks the Graph Store refused and SPARQL Update took
    seconds: float
    requests: int
    send_seconds: float = 0.0  # the chunks into staging, the sorted stream they come from included
    swap_seconds: float = 0.0  # the store's MOVE (or DROP + ADD) alone

    def to_text(self) -> str:
        """What the store confirmed, in words (the CLI prints it)."""
        p = self.plan
        lines = [
            f"pushed {p.triples} triples to <{p.graph}> in {p.chunks} chunk(s) by "
            f"{p.protocol}, swapped in by {self.swap}"
        ]
        if self.update_fallbacks:
            lines.append(
                f"{self.update_fallbacks} chunk(s) went by SPARQL update: the graph store "
                "refused them"
            )
        lines.append(
            f"the store confirms: {self.remote_triples} triples in the graph; the sample query "
            f"gives the same {self.sample_rows} rows as the build"
        )
        return "\n".join(lines)

    @property
    def triples_per_second(self) -> float:
        return self.plan.triples / self.seconds if self.seconds else 0.0


def staging_graph(graph: str) -> str:
    return f"urn:scholarkg:staging:{graph}"


def plan(
    store: ox.Store, target: Target, graph: str, chunk_bytes: int = DEFAULT_CHUNK_BYTES
) -> PushPlan:
    """What a push would send (reads the whole build once; contacts nothing)."""
    n = size = 0
    for chunk in chunks(store, chunk_bytes):
        n += 1
        size += len(chunk)
    return PushPlan(
        graph=graph,
        staging=staging_graph(graph),
        triples=len(store),
        chunks=n,
        bytes=size,
        protocol=_protocol(target),
    )


def _protocol(target: Target) -> str:
    return "graph store protocol" if target.graph_store else "SPARQL update"


class Remote:
    """The requests a push makes, on one store."""

    def __init__(self, target: Target, client: Client) -> None:
        self.target = target
        self.client = client

    def update(self, text: str, what: str) -> None:
        self.client.request(
            "POST",
            self.target.update,
            text.encode("utf-8"),
            {"Content-Type": "application/sparql-update; charset=utf-8"},
            what,
        )

    def select(self, text: str, what: str) -> list[dict[str, dict[str, str]]]:
        resp = self.client.request(
            "POST",
            self.target.endpoint,
            urllib.parse.urlencode({"query": text}).encode("ascii"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS_JSON},
            what,
        )
        try:
            rows: list[dict[str, dict[str, str]]] = json.loads(resp.body)["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as exc:
            raise RemoteError(
                f"{what}: the store's answer is not SPARQL JSON results: {resp.body[:120]!r}",
                "check that --endpoint is the store's SPARQL query URL",
            ) from exc
        return rows

    def count(self, graph: str) -> int:
        rows = self.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
            f"counting the triples of <{graph}>",
        )
        return int(rows[0]["n"]["value"]) if rows else 0

    def load(self, graph: str, chunk: bytes, i: int) -> bool:
        """Send one chunk into ``graph``; True when the Graph Store refused it and SPARQL Update
        took it instead (Virtuoso's Graph Store refuses a literal over about 100k characters
        as "unsupported type text/plain"; its Update takes it)."""
        what = f"sending chunk {i + 1}"
        if self.target.graph_store:
            url = _with_query(self.target.graph_store, {"graph": graph})
            try:
                self.client.request("POST", url, chunk, {"Content-Type": NT}, what, False)
                return False
            except RemoteError as exc:
                if "HTTP " not in exc.message or "credentials" in exc.message:
                    raise  # not an answer the store gave to this chunk
        parts = list(pieces(chunk, UPDATE_BYTES))
        for k, part in enumerate(parts):
            body = part.decode("utf-8")
            # not INSERT DATA: some stores (Virtuoso) refuse blank nodes there
            self.update(
                f"INSERT {{ GRAPH <{graph}> {{\n{body}}} }} WHERE {{}}",
                what if len(parts) == 1 else f"{what} (part {k + 1} of {len(parts)})",
            )
        return bool(self.target.graph_store)


def pieces(chunk: bytes, max_bytes: int) -> Iterator[bytes]:
    """``chunk`` (N-Triples lines) cut between subjects into pieces of at most ``max_bytes`` (a
    subject bigger than that is a piece of its own); list cells stay with the subject before
    them, as :func:`~scholarkg.export.split.chunks` put them, so no blank node crosses a piece."""
    piece: list[bytes] = []
    size = 0
    for block in _subject_blocks(chunk):
        if piece and size + len(block) > max_bytes:
            yield b"".join(piece)
            piece, size = [], 0
        piece.append(block)
        size += len(block)
    if piece:
        yield b"".join(piece)


def _subject_blocks(chunk: bytes) -> Iterator[bytes]:
    block: list[bytes] = []
    subject = b""
    for line in chunk.split(b"\n"):
        if not line:
            continue
        if not line.startswith(b"_:"):  # a list cell belongs to the subject before it
            s = line[: line.index(b" ")]
            if s != subject and block:
                yield b"".join(block)
                block = []
            subject = s
        block.append(line + b"\n")
    if block:
        yield b"".join(block)


def _with_query(url: str, params: dict[str, str]) -> str:
    sep = "&" if urllib.parse.urlsplit(url).query else "?"
    return url + sep + urllib.parse.urlencode(params)


def push(
    store: ox.Store,
    target: Target,
    graph: str,
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    progress: Progress | None = None,
    retries: int = 4,
    backoff: float = 0.5,
    timeout: float = 120.0,
    credentials: Credentials | None = None,
) -> PushResult:
    """Replace ``graph`` in the remote store with the build, or leave it as it was."""
    start = time.monotonic()
    client = Client(
        target.update, retries=retries, backoff=backoff, timeout=timeout, credentials=credentials
    )
    remote = Remote(target, client)
    staging = staging_graph(graph)
    total = len(store)
    remote.update(f"DROP SILENT GRAPH <{staging}>", "clearing the staging graph")
    swapped = False
    try:
        sending = time.monotonic()
        n_chunks, size, fallbacks = _send(store, remote, staging, chunk_bytes, progress)
        send_seconds = time.monotonic() - sending
        arrived = remote.count(staging)
        if arrived != total:
            raise RemoteError(
                f"the staging graph <{staging}> holds {arrived} triples, the build {total}",
                "the store lost or doubled part of the push; <" + graph + "> was not touched",
            )
        swapping = time.monotonic()
        swap = _swap(remote, staging, graph)
        swap_seconds = time.monotonic() - swapping
        swapped = True
    finally:
        if not swapped:
            # if the store is gone, the next push clears the staging graph first
            with contextlib.suppress(RemoteError):
                remote.update(f"DROP SILENT GRAPH <{staging}>", "removing the staging graph")
    held = remote.count(graph)
    if held != total:
        raise RemoteError(
            f"<{graph}> holds {held} triples after the swap, the build {total}",
            "the store changed the data on the way in; compare the two with a query",
        )
    subject, rows = _sample(store, remote, graph)
    return PushResult(
        plan=PushPlan(graph, staging, total, n_chunks, size, _protocol(target)),
        remote_triples=held,
        sample_subject=subject,
        sample_rows=rows,
        swap=swap,
        update_fallbacks=fallbacks,
        seconds=time.monotonic() - start,
        requests=client.tries,
        send_seconds=send_seconds,
        swap_seconds=swap_seconds,
    )


def _send(
    store: ox.Store, remote: Remote, staging: str, chunk_bytes: int, progress: Progress | None
) -> tuple[int, int, int]:
    """Every chunk into the staging graph: (chunks, bytes, chunks that went by Update)."""
    sent = n_chunks = size = fallbacks = 0
    total = len(store)
    for i, chunk in enumerate(chunks(store, chunk_bytes)):
        fallbacks += remote.load(staging, chunk, i)
        n_chunks += 1
        size += len(chunk)
        sent += chunk.count(b"\n")
        if progress is not None:
            progress("pushing", sent, total)
    return n_chunks, size, fallbacks


def _swap(remote: Remote, staging: str, graph: str) -> str:
    try:
        remote.update(f"MOVE SILENT GRAPH <{staging}> TO GRAPH <{graph}>", "swapping in (MOVE)")
        return "MOVE"
    except RemoteError as exc:
        if "HTTP 4" not in exc.message or "credentials" in exc.message:
            raise
    remote.update(
        f"DROP SILENT GRAPH <{graph}> ;\nADD SILENT GRAPH <{staging}> TO GRAPH <{graph}> ;\n"
        f"DROP SILENT GRAPH <{staging}>",
        "swapping in (DROP + ADD)",
    )
    return "DROP+ADD"


_SAMPLE_TYPE = "http://schema.org/ScholarlyArticle"


def _sample(store: ox.Store, remote: Remote, graph: str) -> tuple[str, int]:
    """One node's IRI-and-literal values, asked of both stores: they must be equal."""
    rows = list(select(store, f"SELECT ?s WHERE {{ ?s a <{_SAMPLE_TYPE}> }} ORDER BY ?s LIMIT 1"))
    if not rows:
        rows = list(
            select(store, "SELECT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) } ORDER BY ?s LIMIT 1")
        )
    if not rows:
        return "", 0
    s = ox.NamedNode(rows[0]["s"])
    local = sorted(
        (str(q.predicate), str(q.object))
        for q in store.quads_for_pattern(s, None, None, ox.DefaultGraph())
        if not isinstance(q.object, ox.BlankNode)
    )
    answer = remote.select(
        f"SELECT ?p ?o WHERE {{ GRAPH <{graph}> {{ {s} ?p ?o FILTER(!isBlank(?o)) }} }}",
        f"the sample query on {s}",
    )
    got = sorted((f"<{r['p']['value']}>", _term(r["o"])) for r in answer)
    if got != local:
        missing = sorted(set(local) - set(got))[:3]
        raise RemoteError(
            f"the sample query on {s} differs: the store gives {len(got)} rows, the build "
            f"{len(local)}; e.g. missing {missing}",
            "the store changed the data on the way in (check its character encoding)",
        )
    return s.value, len(answer)


def _term(b: dict[str, str]) -> str:
    """A SPARQL JSON result term as N-Triples text (as pyoxigraph prints it)."""
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return str(ox.NamedNode(value))
    if kind == "bnode":
        return f"_:{value}"
    lang = b.get("xml:lang")
    if lang:
        return str(ox.Literal(value, language=lang))
    dt = b.get("datatype")
    return str(ox.Literal(value, datatype=ox.NamedNode(dt) if dt else None))
