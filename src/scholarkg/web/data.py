"""What the web output shows, read from the built store: typed records of people and papers.

A handful of set-wide SELECTs (one per property, no OPTIONAL cross products) read everything at
once for a site, or only the given people and papers for one JSON-LD block. Author order comes
from each paper's ``skg:authorList``, rebuilt in Python from its list cells; a paper without one
(a graph from elsewhere) lists its ``schema:author``\\s by name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..store import select_rows, sparql_iri
from ..vocab import RDF, SCHEMA, SKG, SKOS


@dataclass(frozen=True, slots=True)
class Org:
    iri: str
    name: str


@dataclass(frozen=True, slots=True)
class Membership:
    """A ``schema:OrganizationRole``: the person is ``role`` of ``org``."""

    iri: str
    role: str | None
    org: Org | None


@dataclass(frozen=True, slots=True)
class Topic:
    iri: str
    label: str


@dataclass(frozen=True, slots=True)
class PersonRec:
    iri: str
    name: str
    alternate_names: tuple[str, ...]
    job_title: str | None
    works_for: tuple[Org, ...]
    memberships: tuple[Membership, ...]
    topics: tuple[Topic, ...]
    same_as: tuple[str, ...]

    @property
    def is_member(self) -> bool:
        return bool(self.memberships)


@dataclass(frozen=True, slots=True)
class WorkRec:
    iri: str
    title: str
    alternate_titles: tuple[str, ...]
    abstract: str | None
    doi: str | None
    arxiv: str | None
    authors: tuple[str, ...]  # person IRIs, in printed order
    topics: tuple[Topic, ...]
    first_source: tuple[str, int]  # (file, line) of the earliest listing; orders publications


@dataclass(frozen=True, slots=True)
class WebGraph:
    """People and papers by IRI; ``works_of`` gives each person's papers in listing order."""

    people: Mapping[str, PersonRec]
    works: Mapping[str, WorkRec]
    works_of: Mapping[str, tuple[str, ...]]

    def coauthors(self, person: str) -> list[tuple[str, int]]:
        """(coauthor IRI, shared papers), most shared first, then by name."""
        counts: dict[str, int] = defaultdict(int)
        for w in self.works_of.get(person, ()):
            for a in set(self.works[w].authors):
                if a != person:
                    counts[a] += 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], self.name_of(kv[0]), kv[0]))

    def name_of(self, person: str) -> str:
        rec = self.people.get(person)
        return rec.name if rec else person


_S, _K = SCHEMA, SKG


def _values(var: str, iris: Iterable[str] | None) -> str:
    if iris is None:
        return ""
    return f"VALUES ?{var} {{ {' '.join(sparql_iri(i) for i in sorted(iris))} }}"


def _rows(store: Any, q: str) -> list[tuple[Any, ...]]:
    return select_rows(store, q)


def _source_key(text: str) -> tuple[str, int]:
    m = re.match(r"^(.*):(\d+)$", text)
    return (m.group(1), int(m.group(2))) if m else (text, 0)


def _multi(store: Any, values: str, var: str, cls: str, prop: str) -> dict[str, list[str]]:
    """Each node's values of ``prop``, sorted (no ORDER BY: Oxigraph sorts slowly)."""
    out: dict[str, list[str]] = defaultdict(list)
    for node, v in _rows(
        store, f"SELECT ?{var} ?v WHERE {{ {values} ?{var} a {cls} ; {prop} ?v }}"
    ):
        out[node].append(v)
    return {k: sorted(set(v)) for k, v in out.items()}


def _topics(store: Any, values: str, var: str, cls: str, prop: str) -> dict[str, tuple[Topic, ...]]:
    out: dict[str, set[Topic]] = defaultdict(set)
    for r in _rows(
        store,
        f"""SELECT ?{var} ?t ?l WHERE {{ {values}
        ?{var} a {cls} ; {prop} ?t . ?t <{SKOS}prefLabel> ?l }}""",
    ):
        out[r[0]].add(Topic(r[1], r[2]))
    return {k: tuple(sorted(v, key=lambda t: (t.label, t.iri))) for k, v in out.items()}


def works_by(store: Any, person: str) -> list[str]:
    q = f"SELECT DISTINCT ?w WHERE {{ ?w <{_S}author> {sparql_iri(person)} }}"
    return sorted(r[0] for r in _rows(store, q))


def authors_of(store: Any, works: Iterable[str]) -> list[str]:
    q = f"SELECT DISTINCT ?p WHERE {{ {_values('w', works)} ?w <{_S}author> ?p }}"
    return sorted(r[0] for r in _rows(store, q))


def load(
    store: Any, people: Iterable[str] | None = None, works: Iterable[str] | None = None
) -> WebGraph:
    """Read people and papers (all of them where ``None``) into typed records."""
    people = None if people is None else sorted(set(people))
    works = None if works is None else sorted(set(works))
    person_recs = _people(store, _values("p", people))
    work_recs = _works(store, _values("w", works))
    works_of: dict[str, list[str]] = defaultdict(list)
    for w, rec in work_recs.items():
        for a in dict.fromkeys(rec.authors):
            works_of[a].append(w)
    order = {w: (r.first_source, r.title, w) for w, r in work_recs.items()}
    return WebGraph(
        person_recs,
        work_recs,
        {p: tuple(sorted(ws, key=order.__getitem__)) for p, ws in works_of.items()},
    )


def _people(store: Any, vp: str) -> dict[str, PersonRec]:
    """Every ``schema:Person`` (those in the ``VALUES`` clause ``vp``) as a record."""
    names: dict[str, str] = {}
    for p, n in _rows(store, f"SELECT ?p ?n WHERE {{ {vp} ?p a <{_S}Person> ; <{_S}name> ?n }}"):
        names[p] = min(n, names.get(p, n))
    alt = _multi(store, vp, "p", f"<{_S}Person>", f"<{_S}alternateName>")
    job = {p: min(v) for p, v in _multi(store, vp, "p", f"<{_S}Person>", f"<{_S}jobTitle>").items()}
    same = _multi(store, vp, "p", f"<{_S}Person>", f"<{_S}sameAs>")
    works_for: dict[str, set[Org]] = defaultdict(set)
    for p, o, n in _rows(
        store,
        f"""SELECT ?p ?o ?n WHERE {{ {vp}
        ?p a <{_S}Person> ; <{_S}worksFor> ?o . ?o <{_S}name> ?n }}""",
    ):
        works_for[p].add(Org(o, n))
    member: dict[str, set[Membership]] = defaultdict(set)
    for p, m, role, o, on in _rows(
        store,
        f"""SELECT ?p ?m ?role ?o ?on WHERE {{ {vp}
        ?p a <{_S}Person> ; <{_S}memberOf> ?m .
        OPTIONAL {{ ?m <{_S}roleName> ?role }}
        OPTIONAL {{ ?m <{_S}memberOf> ?o . ?o <{_S}name> ?on }} }}""",
    ):
        member[p].add(Membership(m, role, Org(o, on) if o else None))
    knows = _topics(store, vp, "p", f"<{_S}Person>", f"<{_S}knowsAbout>")
    return {
        p: PersonRec(
            p,
            n,
            tuple(a for a in alt.get(p, ()) if a != n),
            job.get(p),
            tuple(sorted(works_for[p], key=lambda o: (o.name, o.iri))),
            tuple(sorted(member[p], key=lambda m: (m.iri, m.role or "", str(m.org)))),
            knows.get(p, ()),
            tuple(same.get(p, ())),
        )
        for p, n in names.items()
    }


def _works(store: Any, vw: str) -> dict[str, WorkRec]:
    """Every ``schema:ScholarlyArticle`` (those in the ``VALUES`` clause ``vw``) as a record."""
    titles: dict[str, str] = {}
    art = f"<{_S}ScholarlyArticle>"
    for w, t in _rows(store, f"SELECT ?w ?t WHERE {{ {vw} ?w a {art} ; <{_S}name> ?t }}"):
        titles[w] = min(t, titles.get(w, t))
    props: dict[str, dict[str, str]] = defaultdict(dict)
    for prop, key in (
        (f"{_S}abstract", "abstract"),
        (f"{_K}doi", "doi"),
        (f"{_K}arxivId", "arxiv"),
    ):
        for w, values in _multi(store, vw, "w", art, f"<{prop}>").items():
            props[w][key] = values[-1]
    walt = _multi(store, vw, "w", art, f"<{_S}alternateName>")
    about = _topics(store, vw, "w", art, f"<{_S}about>")
    sources = {
        w: min(_source_key(v) for v in values)
        for w, values in _multi(store, vw, "w", art, f"<{_K}source>").items()
    }
    authors = _author_lists(store, vw)
    return {
        w: WorkRec(
            w,
            t,
            tuple(a for a in walt.get(w, ()) if a != t),
            props[w].get("abstract"),
            props[w].get("doi"),
            props[w].get("arxiv"),
            tuple(authors.get(w, ())),
            about.get(w, ()),
            sources.get(w, ("", 0)),
        )
        for w, t in titles.items()
    }


def _author_lists(store: Any, vw: str) -> dict[str, list[str]]:
    """Each paper's authors in printed order (``skg:authorList``), else its authors by IRI."""
    heads = {
        w: head for w, head in _rows(store, f"SELECT ?w ?h WHERE {{ {vw} ?w <{_K}authorList> ?h }}")
    }
    path = f"?w <{_K}authorList>/<{RDF}rest>* ?n ." if vw else ""
    cells: dict[str, tuple[str, str]] = {}
    for r in _rows(
        store, f"SELECT ?n ?f ?r WHERE {{ {vw} {path} ?n <{RDF}first> ?f ; <{RDF}rest> ?r }}"
    ):
        cells[r[0]] = (r[1], r[2])
    out: dict[str, list[str]] = {}
    for w, head in heads.items():
        seq: list[str] = []
        node, seen = head, set()
        while node in cells and node not in seen:
            seen.add(node)
            first, node = cells[node]
            seq.append(first)
        out[w] = seq
    for w, p in _rows(store, f"SELECT ?w ?p WHERE {{ {vw} ?w <{_S}author> ?p }}"):
        if w not in heads:
            out.setdefault(w, []).append(p)
    for w in set(out) - set(heads):
        out[w].sort()
    return out
