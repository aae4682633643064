"""The build as a read-only SPARQL 1.1 endpoint: the Oxigraph server the ``oxigraph`` package
ships (``oxigraph serve-read-only``), never a server of scholarkg's own.

It answers the SPARQL 1.1 Protocol at ``/query`` and Graph Store reads at ``/store``. It binds
to the loopback interface unless told otherwise; any other address is reachable from other
machines, and :class:`Server` says so (``loopback`` is False).
"""

from __future__ import annotations

import ipaddress
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..store import store_path

DEFAULT_BIND = "127.0.0.1:7878"


@dataclass(frozen=True, slots=True)
class Server:
    """How to run the endpoint for one build."""

    argv: tuple[str, ...]
    host: str
    port: int
    loopback: bool

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.url + "/query"


def parse_bind(bind: str) -> tuple[str, int, bool]:
    """``HOST:PORT`` → (host, port, is it loopback only)."""
    host, sep, port_text = bind.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(f"--bind {bind!r} is not HOST:PORT", "e.g. --bind 127.0.0.1:7878")
    if host == "localhost":
        return host, int(port_text), True
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        raise UsageError(
            f"--bind {bind!r}: {host!r} is not an IP address",
            "give the address to listen on, e.g. 127.0.0.1 or 0.0.0.0",
        ) from None
    return host, int(port_text), addr.is_loopback


def oxigraph_binary() -> str:
    """The ``oxigraph`` server beside this Python (the ``serve`` extra), or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise UsageError(
            "the Oxigraph server is not installed",
            "install it with `pip install 'scholarkg[serve]'` (the `oxigraph` package)",
        )
    return found


def server(out_dir: str | Path, bind: str = DEFAULT_BIND) -> Server:
    """The command that serves ``out_dir``'s store read-only on ``bind``."""
    host, port, loopback = parse_bind(bind)
    store = store_path(out_dir)
    if not store.is_dir():
        raise UsageError(
            f"no build in {out_dir}: {store} does not exist",
            "run `scholarkg build PAGES… --out DIR` first, or pass --out to the build folder",
        )
    argv = (oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", bind)
    return Server(argv, host, port, loopback)


def start(srv: Server, timeout: float = 30.0) -> subprocess.Popen[bytes]:
    """Start the endpoint and wait until it answers; stop it again if it never does."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - the server writes to it while it runs
    proc = subprocess.Popen(srv.argv, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            err = log.read().decode("utf-8", "replace").strip()
            raise UsageError(
                f"the Oxigraph server stopped at once: {err[-300:]}",
                "is the port in use, or the build being written?",
            )
        if answers(srv.query_url):
            return proc
        time.sleep(0.1)
    proc.terminate()
    proc.wait(10)
    raise UsageError(f"the Oxigraph server did not answer on {srv.url} within {timeout:.0f} s")


def answers(query_url: str) -> bool:
    """Does a SPARQL endpoint answer ``ASK {}`` here?"""
    req = urllib.request.Request(query_url + "?query=ASK%7B%7D")
    try:
        with urllib.request.urlopen(req, timeout=2) as resp:
            return bool(resp.status == 200)
    except (TimeoutError, urllib.error.URLError, OSError):
        return False
