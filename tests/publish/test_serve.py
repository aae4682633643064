"""``serve``: the build as a read-only SPARQL endpoint (the Oxigraph server), on loopback."""

from __future__ import annotations

import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from stores import free_port

from scholarkg.errors import UsageError
from scholarkg.publish.serve import answers, parse_bind

BIN = Path(sys.executable).parent

# the README's coauthors question (Razvan Pascanu on Reinforcement Learning), as SPARQL
COAUTHORS = """SELECT ?name (COUNT(DISTINCT ?w) AS ?n) WHERE {
  ?me <http://schema.org/name> "Razvan Pascanu" .
  ?w <http://schema.org/author> ?me ; <http://schema.org/about> ?t ;
     <http://schema.org/author> ?co .
  ?t <http://www.w3.org/2004/02/skos/core#prefLabel> "Reinforcement Learning" .
  ?co <http://schema.org/name> ?name .
  FILTER(?co != ?me)
} GROUP BY ?name ORDER BY DESC(?n) ?name"""


def test_bind_says_whether_it_is_loopback() -> None:
    assert parse_bind("127.0.0.1:7878") == ("127.0.0.1", 7878, True)
    assert parse_bind("localhost:80") == ("localhost", 80, True)
    assert parse_bind("[::1]:7878") == ("::1", 7878, True)
    assert parse_bind("0.0.0.0:7878") == ("0.0.0.0", 7878, False)
    assert parse_bind("192.168.1.5:7878")[2] is False
    for bad in ("7878", "127.0.0.1", "host:99999", "example.org:80"):
        with pytest.raises(UsageError):
            parse_bind(bad)


def test_serve_answers_the_coauthors_query_as_scholarkg_query_does(tmp_path: Path) -> None:
    if not (BIN / "oxigraph").exists():
        pytest.skip("the oxigraph server is not installed (pip install 'scholarkg[serve]')")
    repo = Path(__file__).resolve().parents[2]
    out = tmp_path / "out"
    subprocess.run(
        [
            str(BIN / "scholarkg"),
            "build",
            str(repo / "examples" / "pages"),
            "--config",
            str(repo / "examples" / "scholarkg.toml"),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    local = subprocess.run(
        [str(BIN / "scholarkg"), "query", COAUTHORS, "--format", "csv", "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert local.splitlines()[0] == "name,n" and len(local.splitlines()) == 5
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "scholarkg"), "serve", "--out", str(out), "--bind", f"127.0.0.1:{port}"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/query"
        for _ in range(100):
            if answers(url):
                break
            subprocess.run(["sleep", "0.1"], check=True)
        req = urllib.request.Request(
            url + "?" + urllib.parse.urlencode({"query": COAUTHORS}), headers={"Accept": "text/csv"}
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            remote = resp.read().decode("utf-8")
        # a read-only endpoint: updates are refused
        upd = urllib.request.Request(
            f"http://127.0.0.1:{port}/update",
            data=b"CLEAR ALL",
            method="POST",
            headers={"Content-Type": "application/sparql-update"},
        )
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(upd, timeout=10)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert remote.replace("\r\n", "\n") == local
    assert err.splitlines()[0] == (
        f"serving {out / 'store'} read-only: SPARQL at http://127.0.0.1:{port}/query, graph "
        f"store reads at http://127.0.0.1:{port}/store; Ctrl-C stops"
    )
