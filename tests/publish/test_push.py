"""``push`` against two real stores: the Oxigraph server and Virtuoso (see stores.py).

Each store is started once per module on 127.0.0.1 and a free port, in a temp folder, and
stopped after; the tests that stop or kill it start it again on the same folder. The generated
institute here has 2,000 listings (about 43k triples), so that the suite stays inside CI's time;
the 10⁵-listing push (2.16M triples) is measured by benchmarks/push.py (docs/scaling.md).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CONFIG
from stores import PUSH_PASSWORD, PUSH_USER, OxigraphServer, Server, VirtuosoServer
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.errors import RemoteError
from scholarkg.publish.http import Client
from scholarkg.publish.push import Remote, Target, push, staging_graph
from scholarkg.store import open_build
from scholarkg.vocab import RDF, SCHEMA, SKG, list_node

STORES = {"oxigraph": OxigraphServer, "virtuoso": VirtuosoServer}


@pytest.fixture(scope="module", params=sorted(STORES))
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    srv = STORES[request.param](tmp_path_factory.mktemp(request.param))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def institute(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generate import generate

    from scholarkg.pipeline import build

    tmp = tmp_path_factory.mktemp("institute")
    generate(tmp / "inst", 2000, seed=5)
    build([tmp / "inst" / "pages"], tmp / "out", CONFIG, check=False)
    return tmp / "out"


def _remote(target: Target) -> Remote:
    return Remote(target, Client(target.update, retries=0))


def _literals(rows: list[dict[str, dict[str, str]]]) -> list[tuple[str, str]]:
    return sorted((r["o"]["value"], r["o"].get("xml:lang", "")) for r in rows)


def test_push_replaces_the_graph_instead_of_doubling_it(
    server: Server, seed_store: ox.Store
) -> None:
    graph = "https://kg.example.org/graph/seed"
    first = push(seed_store, server.target(), graph, chunk_bytes=8_000)
    assert first.plan.chunks > 3
    assert first.remote_triples == len(seed_store) == 515
    assert first.sample_rows > 5
    # the second push goes by SPARQL Update (the fallback), and replaces
    second = push(seed_store, server.target(graph_store=False), graph, chunk_bytes=8_000)
    assert second.plan.protocol == "SPARQL update"
    remote = _remote(server.target())
    assert remote.count(graph) == len(seed_store)
    assert remote.count(staging_graph(graph)) == 0


def test_push_a_generated_institute(server: Server, institute: Path) -> None:
    store = open_build(institute)
    graph = "https://kg.example.org/graph/institute"
    result = push(store, server.target(), graph, chunk_bytes=256_000)
    assert result.plan.triples == len(store) > 30_000
    assert result.remote_triples == len(store)
    assert result.plan.chunks > 10


def test_push_by_update_with_the_default_chunk_size(server: Server, institute: Path) -> None:
    """Default chunks (4 MB) go by SPARQL Update in several requests each (Virtuoso's SPARQL
    compiler refused a 4 MB INSERT: "SP030 … memory exhausted")."""
    store = open_build(institute)
    graph = "https://kg.example.org/graph/institute-update"
    result = push(store, server.target(graph_store=False), graph)
    assert result.plan.chunks <= 2
    assert result.remote_triples == len(store) > 30_000
    assert result.requests > result.plan.chunks + 10  # each chunk went in pieces


def _awkward_store() -> ox.Store:
    """Names in many scripts (NFC and NFD kept apart), and abstracts of 300k characters."""
    names = [
        "Jürgen Köhler",
        unicodedata.normalize("NFD", "Hélène Lefèvre"),
        "Đỗ Văn Thành",
        "Παναγιώτης Τσακίρης",
        "王小明",
        "محمد الخوارزمي",
        'Zoë 😀 O\'Brien-"Quote" \\ back',
        "tab\there\r\nnewline",
    ]
    s = ox.NamedNode("https://kg.example.org/work/long")
    authors = [ox.NamedNode(f"https://kg.example.org/person/p{i}") for i in range(len(names))]
    quads = [
        ox.Quad(s, ox.NamedNode(RDF + "type"), ox.NamedNode(SCHEMA + "ScholarlyArticle")),
        ox.Quad(s, ox.NamedNode(SCHEMA + "name"), ox.Literal("Ünïcödé title", language="en")),
    ]
    long_text = "".join(f"{n} ¶ {i} — «abstract» line\n" for i, n in enumerate(names * 1200))
    assert len(long_text) > 300_000
    quads.append(ox.Quad(s, ox.NamedNode(SCHEMA + "abstract"), ox.Literal(long_text)))
    for a, n in zip(authors, names, strict=True):
        quads.append(ox.Quad(a, ox.NamedNode(SCHEMA + "name"), ox.Literal(n)))
        quads.append(ox.Quad(s, ox.NamedNode(SCHEMA + "author"), a))
    holder, prop = str(s), f"<{SKG}authorList>"
    quads.append(
        ox.Quad(s, ox.NamedNode(SKG + "authorList"), ox.BlankNode(list_node(holder, prop, 0)))
    )
    for i, a in enumerate(authors):
        cell = ox.BlankNode(list_node(holder, prop, i))
        nxt = (
            ox.NamedNode(RDF + "nil")
            if i + 1 == len(authors)
            else ox.BlankNode(list_node(holder, prop, i + 1))
        )
        quads += [
            ox.Quad(cell, ox.NamedNode(RDF + "first"), a),
            ox.Quad(cell, ox.NamedNode(RDF + "rest"), nxt),
        ]
    store = ox.Store()
    store.extend(quads)
    return store


def test_unicode_names_and_long_abstracts_survive_byte_for_byte(server: Server) -> None:
    store = _awkward_store()
    graph = "https://kg.example.org/graph/unicode"
    result = push(store, server.target(), graph, chunk_bytes=1_000)
    assert result.remote_triples == len(store)
    # Virtuoso's Graph Store refuses the 300k-character literal; SPARQL Update takes it
    assert result.update_fallbacks == (1 if isinstance(server, VirtuosoServer) else 0)
    query = f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o FILTER(isLiteral(?o)) }} }}"
    remote = _literals(_remote(server.target()).select(query, "literals"))
    local = sorted(
        (q.object.value, q.object.language or "") for q in store if isinstance(q.object, ox.Literal)
    )
    assert remote == local
    assert max(len(v) for v, _ in remote) > 300_000
    # the list came back whole, in order
    path = f"<{SKG}authorList>/<{RDF}rest>*/<{RDF}first>"
    order = _remote(server.target()).select(
        f"SELECT ?a WHERE {{ GRAPH <{graph}> {{ ?w {path} ?a }} }}", "the list"
    )
    assert len(order) == 8


def test_push_to_a_stopped_server_fails_cleanly_and_the_graph_survives(
    server: Server, seed_store: ox.Store, seed_build: Path
) -> None:
    graph = "https://kg.example.org/graph/stopped"
    push(seed_store, server.target(), graph)
    target = server.target()
    server.stop()
    try:
        result = CliRunner().invoke(
            app,
            [
                "push",
                "--endpoint",
                target.endpoint,
                "--update",
                target.update,
                "--graph-store",
                target.graph_store or "",
                "--graph",
                graph,
                "--retries",
                "1",
                "--out",
                str(seed_build),
            ],
        )
    finally:
        server.start()
    assert result.exit_code == 2
    assert "failed after 2 tries" in result.stderr
    assert "check that the store is running" in result.stderr
    assert result.stdout == ""  # no success the server did not confirm
    assert _remote(server.target()).count(graph) == len(seed_store)


def test_a_server_killed_mid_push_leaves_the_graph_and_the_next_push_succeeds(
    server: Server, seed_store: ox.Store, institute: Path
) -> None:
    graph = "https://kg.example.org/graph/killed"
    push(seed_store, server.target(), graph)
    big = open_build(institute)

    def kill_after_three(stage: str, done: int, total: int) -> None:
        kill_after_three.calls += 1  # type: ignore[attr-defined]
        if kill_after_three.calls == 3:  # type: ignore[attr-defined]
            server.kill()

    kill_after_three.calls = 0  # type: ignore[attr-defined]
    try:
        with pytest.raises(RemoteError, match="failed after"):
            push(
                big,
                server.target(),
                graph,
                chunk_bytes=64_000,
                progress=kill_after_three,
                retries=1,
                backoff=0.1,
            )
    finally:
        server.start()
    remote = _remote(server.target())
    assert remote.count(graph) == len(seed_store)  # the previous graph, intact
    again = push(big, server.target(), graph, chunk_bytes=256_000)
    assert again.remote_triples == len(big)
    assert remote.count(staging_graph(graph)) == 0


def test_wrong_credentials_give_a_clear_error_and_exit_2(
    server: Server, seed_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not isinstance(server, VirtuosoServer):
        pytest.skip("the Oxigraph server has no authentication")
    target = server.target(auth=True)
    args = [
        "push",
        "--endpoint",
        target.endpoint,
        "--graph-store",
        target.graph_store or "",
        "--graph",
        "https://kg.example.org/graph/auth",
        "--out",
        str(seed_build),
    ]
    monkeypatch.setenv("NETRC", str(tmp_path / "none"))
    monkeypatch.setenv("SCHOLARKG_PUSH_USER", PUSH_USER)
    monkeypatch.setenv("SCHOLARKG_PUSH_PASSWORD", "wrong")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "the store refused the credentials (HTTP 401)" in result.stderr
    assert "$SCHOLARKG_PUSH_USER/$SCHOLARKG_PUSH_PASSWORD were not accepted" in result.stderr
    assert result.stdout == ""
    # the right ones, from a netrc file this time (digest auth)
    monkeypatch.delenv("SCHOLARKG_PUSH_USER")
    monkeypatch.delenv("SCHOLARKG_PUSH_PASSWORD")
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {PUSH_USER} password {PUSH_PASSWORD}\n")
    os.chmod(netrc, 0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "the store confirms: 515 triples in the graph; the sample query gives the same 20 "
        "rows as the build"
    )
