"""The README's ``console oxigraph`` and ``console virtuoso`` transcripts, run against real stores.

tests/test_readme.py runs the plain ``console`` blocks; these need a server. Each block runs in a
folder with a copy of ``examples/`` built as the README's first transcript builds it, with the
store the block names started on a free port: the README's port (7878, 7879; 8890) is replaced
by that port in each command and its output, and nothing else is changed. For the Virtuoso block
the netrc file the README describes is written (``$NETRC``).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import REPO
from stores import PUSH_PASSWORD, PUSH_USER, OxigraphServer, Server, VirtuosoServer, free_port
from test_readme import matches, shell, transcript

README = (REPO / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def blocks(store: str) -> list[str]:
    return re.findall(rf"^```console {store}\n(.*?)^```$", README, flags=re.M | re.S)


@pytest.mark.parametrize(
    ("store", "ports"), [("oxigraph", ("7878", "7879")), ("virtuoso", ("8890",))]
)
def test_publishing_transcripts_print_what_the_readme_shows(
    store: str, ports: tuple[str, ...], tmp_path: Path
) -> None:
    found = blocks(store)
    assert found, f"no ```console {store} block in the README"
    cls: type[Server] = OxigraphServer if store == "oxigraph" else VirtuosoServer
    server = cls(tmp_path / "server")
    (tmp_path / "server").mkdir()
    server.start()
    try:
        here = tmp_path / "readme"
        shutil.copytree(REPO / "examples", here / "examples")
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        env.pop("SCHOLARKG_PUSH_USER", None)
        env.pop("SCHOLARKG_PUSH_PASSWORD", None)
        netrc = tmp_path / "netrc"
        netrc.write_text(f"machine 127.0.0.1 login {PUSH_USER} password {PUSH_PASSWORD}\n")
        netrc.chmod(0o600)
        env["NETRC"] = str(netrc)
        shell("scholarkg build examples/pages --config examples/scholarkg.toml", here, env)
        # the README's ports → the free ones of this run (the last is the pushed-to store)
        mapping = {p: str(free_port()) for p in ports[:-1]} | {ports[-1]: str(server.port)}
        ran = 0
        for block in found:
            for command, expected in transcript(block):
                for old, new in mapping.items():
                    command = command.replace(f"127.0.0.1:{old}", f"127.0.0.1:{new}")
                    expected = [e.replace(f"127.0.0.1:{old}", f"127.0.0.1:{new}") for e in expected]
                actual = shell(command, here, env)
                assert matches(expected, actual), (command, expected, actual)
                ran += 1
        assert ran >= 3
    finally:
        server.stop()
