"""Fixtures for the web output: the bundled example built, a graph of hostile text, the sites
made from both, and (for the browser tests) Debian's chromium with its driver."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
from rdflib.collection import Collection

from scholarkg.config import load_config
from scholarkg.pipeline import build
from scholarkg.store import create_store, open_build, store_path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
BASE = "https://kg.example.org/"
SCHEMA = rdflib.Namespace("http://schema.org/")
SKG = rdflib.Namespace("https://w3id.org/scholarkg/ns#")

# text that tries to break out of HTML text, attributes, the JSON-LD <script> and comments
HOSTILE_NAME = (
    'Eve <img src=x onerror="window.__pwned=1"> </script><script>window.__pwned=2</script>'
)
HOSTILE_TITLE = (
    "Breaking out </script><script>window.__pwned=3</script> <!-- of blocks \u2028 and"
    " \u2029 <svg onload=window.__pwned=4></svg>"
)
HOSTILE_ABSTRACT = (
    'An abstract with <img src=x onerror=window.__pwned=5> & </textarea> "quotes" \u2028'
    " <!-- comment --> ]]> <style>body{display:none}</style>"
)
HOSTILE_ALT = '<iframe src="javascript:window.__pwned=6"></iframe>'
HOSTILE_JOB = "</title><script>window.__pwned=7</script>"
HOSTILE_TOPIC = "<b onmouseover=window.__pwned=8>RL</b>"
HOSTILE_DOI = '10.1000/x"><script>window.__pwned=9</script>'
# two people whose names fold the same, one with a non-ASCII IRI, one trying path traversal
FOLD_A = BASE + "person/jos\u00e9-garcia"
FOLD_B = BASE + "person/jose-garcia"
TRAVERSAL = BASE + "person/..%2F..%2Fetc%2Fpasswd"
EVE = BASE + "person/eve"
HOSTILE_WORK = BASE + "work/breaking-out-0123abcd"


def hostile_graph() -> rdflib.Graph:
    g = rdflib.Graph()
    S, R = SCHEMA, rdflib.RDF
    eve, work, inst = rdflib.URIRef(EVE), rdflib.URIRef(HOSTILE_WORK), rdflib.URIRef(BASE + "i")
    role, topic = rdflib.URIRef(EVE + "#membership"), rdflib.URIRef(BASE + "topic/rl")
    lit = rdflib.Literal
    g.add((eve, R.type, S.Person))
    g.add((eve, S.name, lit(HOSTILE_NAME)))
    g.add((eve, S.alternateName, lit(HOSTILE_ALT)))
    g.add((eve, S.jobTitle, lit(HOSTILE_JOB)))
    g.add((eve, S.memberOf, role))
    g.add((role, R.type, S.OrganizationRole))
    g.add((role, S.roleName, lit("<u>Member</u>")))
    g.add((role, S.memberOf, inst))
    g.add((inst, R.type, S.Organization))
    g.add((inst, S.name, lit("Institute <!--")))
    g.add((eve, S.knowsAbout, topic))
    g.add((topic, rdflib.SKOS.prefLabel, lit(HOSTILE_TOPIC)))
    authors = [eve]
    for iri, name in (
        (FOLD_A, "Jos\u00e9 Garc\u00eda"),
        (FOLD_B, "Jose Garcia"),
        (TRAVERSAL, "Trav"),
    ):
        node = rdflib.URIRef(iri)
        g.add((node, R.type, S.Person))
        g.add((node, S.name, lit(name)))
        authors.append(node)
    g.add((work, R.type, S.ScholarlyArticle))
    g.add((work, S.name, lit(HOSTILE_TITLE)))
    g.add((work, S.abstract, lit(HOSTILE_ABSTRACT)))
    g.add((work, SKG.doi, lit(HOSTILE_DOI)))
    g.add((work, S.about, topic))
    g.add((work, SKG.source, lit("hostile.txt:12")))
    head = rdflib.BNode()
    g.add((work, SKG.authorList, head))
    Collection(g, head, authors)
    for a in authors:
        g.add((work, S.author, a))
    return g


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "out"
    result = build([EXAMPLES / "pages"], out, load_config(EXAMPLES / "scholarkg.toml"))
    assert result.conforms
    return out


@pytest.fixture(scope="session")
def example_graph(example_build: Path) -> rdflib.Graph:
    """The whole example graph in rdflib: the oracle the web output is checked against."""
    from scholarkg.export import export

    path = example_build / "graph.nt"
    with path.open("wb") as fh:
        export(open_build(example_build), "ntriples", fh)
    return rdflib.Graph().parse(path, format="nt")


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "out"
    out.mkdir()
    nt = out / "graph.nt"
    hostile_graph().serialize(nt, format="nt", encoding="utf-8")
    create_store(store_path(out), [nt])
    return out


@dataclass(frozen=True)
class Browser:
    chromium: str
    chromedriver: str


def _have() -> Browser | None:
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    return Browser(chromium, driver) if chromium and driver else None


@pytest.fixture(scope="session")
def chromium() -> Browser:
    """Debian's chromium and chromedriver, installed with apt-get when missing (as root)."""
    found = _have()
    if found:
        return found
    if not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and this machine has no apt-get to install it")
    if os.geteuid() != 0:
        pytest.skip("chromium is not installed and installing it needs root (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = (
        (["apt-get", "update", "-q"], 300),
        (["apt-get", "install", "-y", "-q", "chromium", "chromium-driver"], 900),
    )
    for cmd, limit in steps:
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            pytest.skip(f"`{' '.join(cmd)}` took longer than {limit} s")
        if done.returncode != 0:
            pytest.skip(f"`{' '.join(cmd)}` failed: {done.stderr.strip()[-400:]}")
    found = _have()
    if not found:
        pytest.skip("apt-get installed chromium but chromium or chromedriver is not on PATH")
    return found


@pytest.fixture(scope="session")
def example_site(example_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from scholarkg.web import site_from_build

    return site_from_build(example_build, tmp_path_factory.mktemp("site") / "site").path


@pytest.fixture(scope="session")
def hostile_site(hostile_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from scholarkg.web import build_site

    dest = tmp_path_factory.mktemp("hsite") / "site"
    return build_site(open_build(hostile_build), dest, BASE).path
