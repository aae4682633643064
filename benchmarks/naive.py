"""The naive pipeline, for comparison: what a user would write with rdflib and pySHACL alone.

It reads profile pages of the seed's format, builds an rdflib Graph triple by triple with the same
vocabulary as scholarkg, validates it with pySHACL on rdflib using the same shapes, and writes
Turtle and JSON-LD with rdflib. It does none of scholarkg's cleaning or resolution:

- one paper node per listing (IRIs from a counter), so a paper listed twice is two papers;
- names exactly as printed, so ``'Alvaro Arroyo`` and ``Petar Velivckovi 'c`` are published;
- person IRIs from the folded surname and first initial, so ``Alexander Y. Ku`` and ``Alex Ku``
  become one node with two ``schema:name`` values (and two different people could collide).

Usage: ``python benchmarks/naive.py PAGE… --out DIR`` prints the timings of each step.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.collection import Collection

SCHEMA = Namespace("http://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SKG = Namespace("https://w3id.org/scholarkg/ns#")
DEFAULT_BASE = "https://example.org/kg/"
SHAPES = Path(__file__).resolve().parents[1] / "shapes" / "scholarkg.ttl"

JSONLD_CONTEXT = {
    "@vocab": "http://schema.org/",
    "schema": "http://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "skg": "https://w3id.org/scholarkg/ns#",
    "author": {"@id": "schema:author", "@type": "@id"},
    "worksFor": {"@id": "schema:worksFor", "@type": "@id"},
    "knowsAbout": {"@id": "schema:knowsAbout", "@type": "@id"},
    "memberOf": {"@id": "schema:memberOf", "@type": "@id"},
    "skg:authorList": {"@type": "@id", "@container": "@list"},
}

# ---------------------------------------------------------------- parse


@dataclass
class Listing:
    title: str
    line: int
    authors: list[tuple[str, int]] = field(default_factory=list)
    abstract: str | None = None


@dataclass
class Page:
    path: str
    name: str
    name_line: int
    role: str | None = None
    job_title: str | None = None
    employer: str | None = None
    topics: list[str] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)


_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "du",
    "la",
    "le",
    "wa",
    "bin",
    "al",
    "y",
}


def looks_like_name(line: str) -> bool:
    """A short line of capitalized words without sentence punctuation is an author.

    One lower-case word is allowed after the first (a stripped accent leaves ``Velivckovi 'c``).
    """
    if any(c in line for c in ":?!;()[]") or any(c.isdigit() for c in line):
        return False
    words = line.split()
    if not 1 <= len(words) <= 5:
        return False
    odd = [w for w in words if not (w.lstrip("'")[:1].isupper() or w.lower() in _PARTICLES)]
    return not odd or (len(odd) == 1 and odd[0] != words[0] and len(words) > 2)


def looks_like_abstract(line: str) -> bool:
    return len(line) > 200 or "(see more)" in line


def parse_page(path: str | Path) -> Page:
    """Read one profile page: owner, role, job, topics, then the publication listings."""
    text = Path(path).read_text(encoding="utf-8")
    lines = [(i, line.strip()) for i, line in enumerate(text.splitlines(), start=1)]
    content = [(i, line) for i, line in lines if line]
    if not content:
        raise ValueError(f"{path}: empty page")
    it = iter(content)
    first_no, first = next(it)
    name, name_line = first.removeprefix("Portrait of ").strip(), first_no
    page = Page(path=str(path), name=name, name_line=name_line)
    section = "header"
    header: list[str] = []
    state = "title"  # what the next publication line is expected to be
    current: Listing | None = None
    for no, line in it:
        if section != "publications" and line == "Research Topics":
            section = "topics"
            continue
        if line == "Publications":
            section = "publications"
            continue
        if section == "header":
            if line != page.name:
                header.append(line)
            continue
        if section == "topics":
            page.topics.append(line)
            continue
        # publications: title, author lines, maybe an abstract, next title
        if state == "title":
            current = Listing(title=line, line=no)
            page.listings.append(current)
            state = "authors"
        elif current is not None and looks_like_abstract(line):
            current.abstract = line
            state = "title"
        elif current is not None and looks_like_name(line):
            current.authors.append((line, no))
        else:
            current = Listing(title=line, line=no)
            page.listings.append(current)
    if header:
        page.role = header[0]
    if len(header) > 1:
        job, _, employer = header[1].rpartition(", ")
        page.job_title, page.employer = (job, employer) if job else (header[1], None)
    return page


# ---------------------------------------------------------------- build


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", text.lower())


def person_key(name: str) -> str:
    """Folded surname + first initial: ``Alexander Y. Ku`` and ``Alex Ku`` are both ``ku-a``."""
    words = name.split()
    surname = fold(words[-1]) or "x"
    initial = (fold(words[0]) or "x")[:1]
    return f"{surname}-{initial}"


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).lower()
    return "-".join(re.findall(r"[a-z0-9]+", text)) or "x"


def _add_person(g: rdflib.Graph, base: str, name: str, source: str) -> URIRef:
    node = URIRef(f"{base}person/{person_key(name)}")
    g.add((node, RDF.type, SCHEMA.Person))
    g.add((node, RDF.type, FOAF.Person))
    g.add((node, SCHEMA.name, Literal(name)))
    g.add((node, FOAF.name, Literal(name)))
    g.add((node, SKG.source, Literal(source)))
    return node


def naive_graph(paths: Iterable[str | Path], base: str = DEFAULT_BASE) -> rdflib.Graph:
    """Parse the pages and build the graph triple by triple, without any resolution."""
    return build_graph((parse_page(p) for p in paths), base)


def build_graph(pages: Iterable[Page], base: str = DEFAULT_BASE) -> rdflib.Graph:
    g = rdflib.Graph(bind_namespaces="core")
    for prefix, ns in (("schema", SCHEMA), ("foaf", FOAF), ("skos", SKOS), ("skg", SKG)):
        g.bind(prefix, ns, override=True, replace=True)
    scheme = URIRef(f"{base}topic/")
    counter = 0
    for page in pages:
        owner = _add_person(g, base, page.name, f"{page.path}:{page.name_line}")
        if page.job_title:
            g.add((owner, SCHEMA.jobTitle, Literal(page.job_title)))
        if page.employer:
            org = URIRef(f"{base}org/{slug(page.employer)}")
            g.add((org, RDF.type, SCHEMA.Organization))
            g.add((org, SCHEMA.name, Literal(page.employer)))
            g.add((owner, SCHEMA.worksFor, org))
        if page.role:
            role = URIRef(f"{owner}#membership")
            g.add((role, RDF.type, SCHEMA.OrganizationRole))
            g.add((role, SCHEMA.roleName, Literal(page.role)))
            g.add((owner, SCHEMA.memberOf, role))
        for label in page.topics:
            topic = URIRef(f"{base}topic/{slug(label)}")
            g.add((topic, RDF.type, SKOS.Concept))
            g.add((topic, SKOS.prefLabel, Literal(label)))
            g.add((topic, SKOS.inScheme, scheme))
            g.add((owner, SCHEMA.knowsAbout, topic))
        for listing in page.listings:
            counter += 1
            work = URIRef(f"{base}work/{counter}")
            g.add((work, RDF.type, SCHEMA.ScholarlyArticle))
            g.add((work, SCHEMA.name, Literal(listing.title)))
            g.add((work, SKG.source, Literal(f"{page.path}:{listing.line}")))
            if listing.abstract:
                g.add((work, SCHEMA.abstract, Literal(listing.abstract)))
            authors: list[rdflib.term.Node] = []
            for name, line in listing.authors:
                person = _add_person(g, base, name, f"{page.path}:{line}")
                g.add((work, SCHEMA.author, person))
                g.add((work, FOAF.maker, person))
                authors.append(person)
            if authors:
                head = rdflib.BNode()
                Collection(g, head, authors)
                g.add((work, SKG.authorList, head))
    return g


# ---------------------------------------------------------------- pipeline


def naive_pipeline(
    paths: Iterable[str | Path], out_dir: str | Path, base: str = DEFAULT_BASE
) -> dict[str, float]:
    """Parse, build, validate (pySHACL on rdflib), write Turtle and JSON-LD; seconds per step.

    The result also holds ``conforms`` (1.0 or 0.0) and ``results`` (the number of SHACL results).
    """
    import pyshacl
    from rdflib import Namespace as Ns

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}

    t = time.perf_counter()
    pages = [parse_page(p) for p in paths]
    timings["parse"] = time.perf_counter() - t

    t = time.perf_counter()
    g = build_graph(pages, base)
    timings["build"] = time.perf_counter() - t

    t = time.perf_counter()
    shapes = rdflib.Graph().parse(SHAPES, format="turtle")
    conforms, report, _ = pyshacl.validate(g, shacl_graph=shapes, inference="none")
    timings["validate"] = time.perf_counter() - t

    t = time.perf_counter()
    g.serialize(out / "graph.ttl", format="turtle", encoding="utf-8")
    timings["turtle"] = time.perf_counter() - t

    t = time.perf_counter()
    g.serialize(out / "graph.jsonld", format="json-ld", context=JSONLD_CONTEXT, encoding="utf-8")
    timings["jsonld"] = time.perf_counter() - t

    sh = Ns("http://www.w3.org/ns/shacl#")
    timings["conforms"] = 1.0 if conforms else 0.0
    timings["results"] = float(len(set(report.subjects(RDF.type, sh.ValidationResult))))
    timings["triples"] = float(len(g))
    return timings


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--out", default="benchmarks/work/naive")
    args = parser.parse_args(argv)
    for step, seconds in naive_pipeline(args.pages, args.out).items():
        print(f"{step:10} {seconds:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
