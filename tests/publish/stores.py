"""Real SPARQL stores for the publishing tests, each on 127.0.0.1, a free port, a temp folder.

* :class:`OxigraphServer`: the server the ``oxigraph`` package ships (the ``serve`` extra).
* :class:`VirtuosoServer`: ``virtuoso-t`` from Debian's ``virtuoso-opensource-7-bin``, installed
  here with apt-get when missing and this runs as root, started in the foreground with a minimal
  ini; the anonymous SPARQL user and a user ``pusher`` (digest auth at ``/sparql-auth``) are
  granted SPARQL_UPDATE with ``isql-vt``.

Where a store cannot be had (no package, not root, no apt), :func:`require` skips the test and
says why.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scholarkg.publish.push import Target

BIN = Path(sys.executable).parent
VIRTUOSO_PACKAGE = "virtuoso-opensource-7-bin"
PUSH_USER, PUSH_PASSWORD = "pusher", "s3cret-Pässword"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen[bytes], timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"no answer from {url} in {timeout} s: {log.read_text()[-2000:]}")


class Server:
    name = ""
    proc: subprocess.Popen[bytes] | None = None

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()

    def start(self) -> None:
        raise NotImplementedError

    def target(self, *, graph_store: bool = True, auth: bool = False) -> Target:
        raise NotImplementedError

    def kill(self) -> None:
        """SIGKILL, as a crash would."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(30)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(30)
        self.proc = None


class OxigraphServer(Server):
    name = "oxigraph"

    def start(self) -> None:
        exe = BIN / "oxigraph"
        if not exe.exists() and shutil.which("oxigraph") is None:
            pytest.skip("the oxigraph server is not installed (pip install 'scholarkg[serve]')")
        log = self.folder / "oxigraph.log"
        argv = [str(exe if exe.exists() else shutil.which("oxigraph"))]
        argv += ["serve", "--location", str(self.folder / "db"), "--bind", f"127.0.0.1:{self.port}"]
        with log.open("ab") as fh:
            self.proc = subprocess.Popen(argv, stdout=fh, stderr=fh)
        # a restart after a kill replays the store's log: slow on a busy machine
        wait_for(f"http://127.0.0.1:{self.port}/query?query=ASK%7B%7D", self.proc, 180, log)

    def target(self, *, graph_store: bool = True, auth: bool = False) -> Target:
        base = f"http://127.0.0.1:{self.port}"
        return Target(f"{base}/query", f"{base}/update", f"{base}/store" if graph_store else None)


def _virtuoso_missing() -> str | None:
    """Why Virtuoso cannot be had here, after trying to install it; None when it can."""
    if shutil.which("virtuoso-t") and shutil.which("isql-vt"):
        return None
    if shutil.which("apt-get") is None:
        return f"virtuoso-t is not installed and there is no apt-get to install {VIRTUOSO_PACKAGE}"
    if os.geteuid() != 0:
        return f"virtuoso-t is not installed; installing {VIRTUOSO_PACKAGE} needs root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for argv in (["apt-get", "update"], ["apt-get", "install", "-y", VIRTUOSO_PACKAGE]):
        r = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=1200)
        if r.returncode != 0:
            return f"`{' '.join(argv)}` failed: {r.stderr.strip()[-300:]}"
    if shutil.which("virtuoso-t") is None:
        return f"{VIRTUOSO_PACKAGE} installed but virtuoso-t is not on PATH"
    return None


_WHY_NOT: list[str | None] = []


def virtuoso_unavailable() -> str | None:
    if not _WHY_NOT:
        _WHY_NOT.append(_virtuoso_missing())
    return _WHY_NOT[0]


INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {d}
CheckpointInterval = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
"""


class VirtuosoServer(Server):
    name = "virtuoso"

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.sql_port = free_port()
        self.granted = False

    def start(self) -> None:
        why = virtuoso_unavailable()
        if why:
            pytest.skip(f"Virtuoso cannot be had here: {why}")
        ini = self.folder / "virtuoso.ini"
        ini.write_text(
            INI.format(d=self.folder, sql=self.sql_port, http=self.port), encoding="utf-8"
        )
        log = self.folder / "stdout.log"
        with log.open("ab") as fh:
            self.proc = subprocess.Popen(
                ["virtuoso-t", "+foreground", "+configfile", str(ini)],
                cwd=self.folder,
                stdout=fh,
                stderr=fh,
            )
        wait_for(f"http://127.0.0.1:{self.port}/sparql?query=ASK%7B%7D", self.proc, 300, log)
        if not self.granted:
            self.isql(
                'GRANT SPARQL_UPDATE TO "SPARQL"; '
                f"DB.DBA.USER_CREATE('{PUSH_USER}', '{PUSH_PASSWORD}'); "
                f'GRANT SPARQL_UPDATE TO "{PUSH_USER}"; '
                "DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 7); "
                f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{PUSH_USER}', 7);"
            )
            self.granted = True

    def isql(self, sql: str) -> str:
        r = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0 and "Error" not in r.stdout + r.stderr, r.stdout + r.stderr
        return r.stdout

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            subprocess.run(
                ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", "exec=shutdown;"],
                capture_output=True,
                timeout=120,
            )
        super().stop()

    def target(self, *, graph_store: bool = True, auth: bool = False) -> Target:
        base = f"http://127.0.0.1:{self.port}"
        if auth:
            crud = f"{base}/sparql-graph-crud-auth" if graph_store else None
            return Target(f"{base}/sparql-auth", f"{base}/sparql-auth", crud)
        crud = f"{base}/sparql-graph-crud" if graph_store else None
        return Target(f"{base}/sparql", f"{base}/sparql", crud)
