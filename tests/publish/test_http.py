"""The HTTP client of publishing: retries with back-off, credentials, no retry on 4xx."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from stores import free_port
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.errors import RemoteError
from scholarkg.publish.http import Client, find_credentials


class Stub(http.server.BaseHTTPRequestHandler):
    """Answers each request with the next status of ``statuses`` (then 200)."""

    statuses: ClassVar[list[int]] = []
    seen: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Stub.seen.append(self.path)
        status = Stub.statuses.pop(0) if Stub.statuses else 200
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"busy" if status >= 500 else b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[str]:
    Stub.statuses, Stub.seen = [], []
    srv = http.server.HTTPServer(("127.0.0.1", free_port()), Stub)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}/update"
    srv.shutdown()
    srv.server_close()


def test_5xx_answers_are_retried_until_one_succeeds(stub: str) -> None:
    Stub.statuses = [503, 502]
    client = Client(stub, retries=3, backoff=0.01, credentials=None)
    assert client.request("POST", stub, b"x").body == b"ok"
    assert len(Stub.seen) == 3


def test_the_last_5xx_is_a_clear_error(stub: str) -> None:
    Stub.statuses = [503] * 10
    client = Client(stub, retries=2, backoff=0.01, credentials=None)
    with pytest.raises(RemoteError) as err:
        client.request("POST", stub, b"x", what="sending chunk 1")
    assert str(err.value) == (
        f"sending chunk 1 {stub} failed after 3 tries: HTTP 503 Service Unavailable: busy; "
        "check that the store is running and reachable, then push again"
    )
    assert len(Stub.seen) == 3


def test_4xx_is_not_retried(stub: str) -> None:
    Stub.statuses = [400]
    client = Client(stub, retries=3, backoff=0.01, credentials=None)
    with pytest.raises(RemoteError, match="HTTP 400"):
        client.request("POST", stub, b"x")
    assert len(Stub.seen) == 1


def test_no_server_is_retried_then_reported() -> None:
    url = f"http://127.0.0.1:{free_port()}/update"
    client = Client(url, retries=1, backoff=0.01, credentials=None)
    with pytest.raises(RemoteError, match="failed after 2 tries: ConnectionRefusedError"):
        client.request("POST", url, b"x")
    assert client.tries == 2


def test_credentials_come_from_the_environment_before_netrc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine store.example.org login ada password from-netrc\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("SCHOLARKG_PUSH_USER", raising=False)
    monkeypatch.delenv("SCHOLARKG_PUSH_PASSWORD", raising=False)
    found = find_credentials("https://store.example.org/sparql")
    assert found is not None and (found.user, found.password) == ("ada", "from-netrc")
    assert find_credentials("https://other.example.org/sparql") is None
    monkeypatch.setenv("SCHOLARKG_PUSH_USER", "bob")
    monkeypatch.setenv("SCHOLARKG_PUSH_PASSWORD", "from-env")
    found = find_credentials("https://store.example.org/sparql")
    assert found is not None and (found.user, found.password) == ("bob", "from-env")


def test_dry_run_sends_nothing(seed_build: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"  # nothing listens there
    result = CliRunner().invoke(
        app,
        ["push", "--endpoint", url, "--dry-run", "--chunk-mb", "0.02", "--out", str(seed_build)],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "would replace <https://kg.example.org/graph> with 515 triples: 4 chunk(s), 0.1 MB by "
        "SPARQL update, into <urn:scholarkg:staging:https://kg.example.org/graph> then MOVE\n"
    )


def test_a_chunk_goes_by_update_in_pieces_cut_between_subjects() -> None:
    from scholarkg.publish.push import pieces

    lines = []
    for i in range(30):
        s = f"<https://x.org/s{i:02d}>"
        lines += [f'{s} <https://x.org/p> "{"v" * 40}" .', f"{s} <https://x.org/l> _:l{i}x0 ."]
        lines += [f"_:l{i}x0 <https://x.org/first> <https://x.org/a> .", f"_:l{i}x0 <r> <n> ."]
    chunk = ("\n".join(lines) + "\n").encode()
    parts = list(pieces(chunk, 1_000))
    assert b"".join(parts) == chunk
    assert len(parts) > 5
    for part in parts:
        assert len(part) <= 1_000
        first = part.split(b"\n")[0]
        assert first.startswith(b"<")  # never a list cell cut off from its holder
        subjects = {line.split(b" ")[0] for line in part.split(b"\n") if line.startswith(b"<")}
        assert all(b" _:l" not in ln or ln.split(b" ")[0] in subjects for ln in part.split(b"\n"))
    big = list(pieces(chunk, 10))  # a subject bigger than the bound is a piece of its own
    assert len(big) == 30 and b"".join(big) == chunk
