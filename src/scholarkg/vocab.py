"""Namespaces and IRI minting, in one place.

schema.org is used with ``http://schema.org/`` (what the schema.org JSON-LD context expands to),
FOAF alongside it, SKOS for topics, and the project's own terms under :data:`SKG`.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .errors import UsageError
from .records import SourceRef
from .text import fold

SCHEMA = "http://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"
SKG = "https://w3id.org/scholarkg/ns#"

PREFIXES: dict[str, str] = {
    "schema": SCHEMA,
    "foaf": FOAF,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "skg": SKG,
}

DEFAULT_BASE = "https://example.org/kg/"


@lru_cache(maxsize=1 << 16)
def slugify(text: str, max_words: int = 0) -> str:
    """A lowercase ASCII slug of the folded words: ``Petar Veličković`` → ``petar-velickovic``.

    The words are :func:`scholarkg.text.fold`'s, the same that names and topics are matched by;
    letters outside ASCII that folding keeps (Greek, CJK …) are left out of the slug.
    """
    words = re.findall(r"[a-z0-9]+", fold(text))
    if max_words:
        words = words[:max_words]
    return "-".join(words) or "x"


def short_hash(text: str, n: int = 8, *, digest_size: int = 16) -> str:
    """The first ``n`` hex digits of BLAKE2b(``text``): the one hash behind every minted name.

    ``digest_size`` (bytes) is a BLAKE2b parameter, so it changes every digit, not only the
    length: IRIs use 16, blank-node labels 8. Both are pinned by the golden exports.
    """
    return hashlib.blake2b(text.encode("utf-8"), digest_size=digest_size).hexdigest()[:n]


def blank_label(text: str) -> str:
    """A blank-node label derived from ``text`` (what the node holds or is held by)."""
    return short_hash(text, 16, digest_size=8)


def list_node(holder: str, prop: str, i: int) -> str:
    """The label of the ``i``-th node of the ``rdf:List`` that ``holder`` has under ``prop``.

    ``holder`` and ``prop`` are N-Triples terms (``<iri>``): the same list gets the same labels
    when it is written (``map``) and when an export relabels what the store gave back.
    """
    return f"l{blank_label(f'{holder}|{prop}')}x{i}"


def printed_form(holder: str, text: str) -> str:
    """The IRI of the node for one printed form ``text`` of the person or work at ``holder``.

    A fragment of the holder's IRI, so a printed form goes wherever its holder goes; named by
    the text's hash, so the same spelling on several pages is one node.
    """
    return f"{holder}#printed-{short_hash(text)}"


class Minter:
    """Mints the graph's IRIs under a configurable base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"{}|\\^`]*/$", base):
            raise UsageError(
                f"base IRI must be absolute and end with '/': {base!r}",
                'give one like "https://kg.example.org/" (--base or base = … in the config)',
            )
        self.base = base

    def person(self, key: str) -> str:
        return f"{self.base}person/{key}"

    def work(self, key: str) -> str:
        return f"{self.base}work/{key}"

    def topic(self, label: str) -> str:
        return f"{self.base}topic/{slugify(label)}"

    def topic_scheme(self) -> str:
        return f"{self.base}topic/"

    def organization(self, name: str) -> str:
        return f"{self.base}org/{slugify(name)}"

    def venue(self, name: str) -> str:
        return f"{self.base}venue/{slugify(name)}"

    def prefixes(self) -> dict[str, str]:
        """Prefixes for Turtle output, chosen so that local names need no escaping."""
        return {
            **PREFIXES,
            "person": f"{self.base}person/",
            "work": f"{self.base}work/",
            "topic": f"{self.base}topic/",
            "org": f"{self.base}org/",
        }


# ---------------------------------------------------------------- local names of people and works
# Resolution decides who is who and hands over the facts below; the shape of the local name
# (the part after ``person/`` or ``work/``) is decided here alone.


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What a person's local name is made of: their canonical name and first source."""

    name: str
    first_source: SourceRef


@dataclass(frozen=True, slots=True)
class WorkFacts:
    """What a paper's local name is made of: its title, identifiers and first source."""

    title: str
    title_key: str  # the folded title resolution joins listings by
    doi: str | None
    arxiv: str | None
    first_source: SourceRef


def person_local_names(people: Mapping[int, PersonFacts]) -> dict[int, str]:
    """A unique local name per person: the slug of the name (``petar-velickovic``).

    Namesakes get ``-2``, ``-3`` … in order of their first source.
    """
    return _unique_local_names(
        [(pid, slugify(f.name), f.first_source) for pid, f in people.items()]
    )


def work_local_names(works: Mapping[int, WorkFacts]) -> dict[int, str]:
    """A unique local name per paper: up to 8 title words and a hash of its best identifier.

    The identifier is the DOI, else the arXiv id, else the folded title, so that a paper keeps
    its IRI when another listing of it is added. Collisions get ``-2``, ``-3`` … in order of
    first source.
    """
    return _unique_local_names(
        [
            (
                wid,
                slugify(f.title, max_words=8) + "-" + short_hash(f.doi or f.arxiv or f.title_key),
                f.first_source,
            )
            for wid, f in works.items()
        ]
    )


def _unique_local_names(items: list[tuple[int, str, SourceRef]]) -> dict[int, str]:
    """Give each item a unique slug: ties get -2, -3 … in (first source, id) order.

    Slugs are taken in the order the items come (the caller's order is deterministic), so
    a suffixed slug never takes a slug that some item wanted plainly.
    """
    by_slug: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for item_id, slug, src in items:
        by_slug[slug].append((src.path, src.line, item_id))
    out: dict[int, str] = {}
    taken = set(by_slug)
    for slug, sort_keys in by_slug.items():
        for n, (_path, _line, item_id) in enumerate(sorted(sort_keys)):
            if n == 0:
                out[item_id] = slug
                continue
            k = n + 1
            while f"{slug}-{k}" in taken:
                k += 1
            taken.add(f"{slug}-{k}")
            out[item_id] = f"{slug}-{k}"
    return out


# ---------------------------------------------------------------- work types

#: schema.org class of a work, by the source's type (BibTeX, biblatex and CSL names); a page's
#: listings (no type) and unknown types are ScholarlyArticle when they have authors
WORK_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        """article inproceedings conference unpublished misc preprint article-journal
        paper-conference article-magazine article-newspaper manuscript""".split(),
        "ScholarlyArticle",
    ),
    **dict.fromkeys(
        "book mvbook collection mvcollection proceedings mvproceedings manual booklet".split(),
        "Book",
    ),
    **dict.fromkeys("incollection inbook chapter inproceedings-chapter".split(), "Chapter"),
    **dict.fromkeys("phdthesis mastersthesis thesis".split(), "Thesis"),
    **dict.fromkeys("techreport report".split(), "Report"),
    **dict.fromkeys("online webpage post post-weblog www electronic".split(), "WebPage"),
    "periodical": "Periodical",
    "dataset": "Dataset",
    "software": "SoftwareSourceCode",
    "patent": "CreativeWork",
}
#: every class a work node may have (the shapes target each)
WORK_CLASS_NAMES = ("ScholarlyArticle", *sorted(set(WORK_CLASSES.values()) - {"ScholarlyArticle"}))
#: the class of the container a work is part of: a journal, a book (of proceedings)
VENUE_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        "article article-journal article-magazine article-newspaper periodical".split(),
        "Periodical",
    ),
    **dict.fromkeys(
        """inproceedings conference paper-conference incollection inbook chapter
        proceedings""".split(),
        "Book",
    ),
}


def venue_class(kind: str) -> str:
    """The schema.org class of the venue a work of the source's ``kind`` is part of."""
    return VENUE_CLASSES.get(kind.lower(), "CreativeWork")


def work_class(kind: str) -> str:
    """The schema.org class (local name) of a work of the source's ``kind``."""
    return WORK_CLASSES.get(kind.lower(), "ScholarlyArticle" if not kind else "CreativeWork")
