"""Questions asked of a built graph: any SPARQL query, and coauthors of a person on a topic.

User input never reaches SPARQL unescaped: names and topics are first looked up by their folded
keys in Python, and what goes into a query is an IRI we minted or a literal escaped by Oxigraph.
Constants are written into the query text, not passed as ``substitutions=`` (~40× slower).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from .errors import UsageError
from .names import lookup_key
from .resolve.papers import title_key
from .store import run_sparql, select, sparql_iri, sparql_literal, term_text
from .text import fold
from .vocab import SCHEMA, SKG, SKOS

RESULT_FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a SELECT (as text cells), the answer of an ASK, or triples of a CONSTRUCT."""

    kind: str  # "select" | "ask" | "graph"
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    boolean: bool | None = None
    serialized: bytes = b""


def run_query(store: ox.Store, sparql: str, fmt: str = "table") -> QueryResult:
    """Run SPARQL; for csv/tsv/json the W3C result serialization is in ``serialized``."""
    if fmt not in RESULT_FORMATS:
        raise UsageError(
            f"unknown result format {fmt!r}", f"use one of {', '.join(RESULT_FORMATS)}"
        )
    result = run_sparql(store, sparql)
    w3c = {
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
        "json": ox.QueryResultsFormat.JSON,
    }
    if isinstance(result, ox.QueryBoolean):
        data = result.serialize(format=w3c[fmt]) if fmt in w3c else b""
        return QueryResult("ask", boolean=bool(result), serialized=data or b"")
    if isinstance(result, ox.QueryTriples):
        data = result.serialize(format=ox.RdfFormat.N_TRIPLES)
        return QueryResult("graph", serialized=data or b"")
    variables = tuple(v.value for v in result.variables)
    if fmt in w3c:
        return QueryResult("select", variables, serialized=result.serialize(format=w3c[fmt]) or b"")
    rows = tuple(
        tuple("" if (t := sol[v]) is None else term_text(t) for v in variables) for sol in result
    )
    return QueryResult("select", variables, rows)


# ---------------------------------------------------------------- coauthors


@dataclass(frozen=True, slots=True)
class Coauthor:
    name: str
    iri: str
    shared_papers: int


@dataclass(frozen=True, slots=True)
class CoauthorAnswer:
    person: str
    person_iri: str
    topic: str | None
    topic_iri: str | None
    coauthors: tuple[Coauthor, ...]


def find_people(store: ox.Store, name: str) -> list[tuple[str, str]]:
    """People whose name or alternate name folds to the same key as ``name``: (iri, name)."""
    key = lookup_key(name)
    if not key:
        raise UsageError("an empty name", 'give a person\'s name, e.g. "Ada Lovelace"')
    q = f"""SELECT ?p ?name WHERE {{
      ?p <{SKG}nameKey> {sparql_literal(key)} ; <{SCHEMA}name> ?name .
    }} ORDER BY ?name ?p"""
    return [(r["p"], r["name"]) for r in select(store, q)]


def _suggest_people(store: ox.Store, name: str) -> list[str]:
    words = fold(name).split()
    if not words:
        return []
    q = f"""SELECT DISTINCT ?name WHERE {{
      ?p <{SKG}nameKey> ?k ; <{SCHEMA}name> ?name .
      FILTER(STRENDS(?k, {sparql_literal(" " + words[-1])}) || ?k = {sparql_literal(words[-1])})
    }} ORDER BY ?name LIMIT 8"""
    return [r["name"] for r in select(store, q)]


def find_topic(store: ox.Store, label: str) -> tuple[str, str]:
    """The topic concept whose label folds to the same words as ``label``: (iri, label)."""
    q = f"SELECT ?t ?l WHERE {{ ?t <{SKOS}prefLabel> ?l }} ORDER BY ?l"
    topics = [(r["t"], r["l"]) for r in select(store, q)]
    want = fold(label)
    hits = [t for t in topics if fold(t[1]) == want]
    if not hits:
        close = [t[1] for t in topics if want and (want in fold(t[1]) or fold(t[1]) in want)]
        hint = (
            f"did you mean: {', '.join(close[:8])}?"
            if close
            else (
                "known topics: "
                + ", ".join(t[1] for t in topics[:12])
                + (" …" if len(topics) > 12 else "")
                if topics
                else "the graph has no topics"
            )
        )
        raise UsageError(f"no topic {label!r} in the graph", hint)
    return hits[0]


def _person_by_iri(store: ox.Store, iri: str) -> list[tuple[str, str]]:
    try:
        node = sparql_iri(iri)
    except ValueError:
        return []
    q = f"SELECT ?name WHERE {{ {node} a <{SCHEMA}Person> ; <{SCHEMA}name> ?name }}"
    return [(iri, r["name"]) for r in select(store, q)]


def _members(store: ox.Store, iris: list[str]) -> set[str]:
    values = " ".join(sparql_iri(i) for i in iris)
    q = f"SELECT DISTINCT ?p WHERE {{ VALUES ?p {{ {values} }} ?p <{SCHEMA}memberOf> ?m }}"
    return {r["p"] for r in select(store, q)}


def find_person(store: ox.Store, name: str) -> tuple[str, str]:
    """The one person ``name`` means: (iri, canonical name).

    ``name`` is any spelling the graph knows, or a person's IRI. When several people carry the
    name and exactly one of them is a member of the institute, the member is meant.
    """
    people = _person_by_iri(store, name) if "://" in name else find_people(store, name)
    if not people:
        close = _suggest_people(store, name)
        hint = f"did you mean: {', '.join(close)}?" if close else "check the spelling"
        raise UsageError(f"no person named {name!r} in the graph", hint)
    iris = sorted({p for p, _ in people})
    if len(iris) > 1:
        members = _members(store, iris)
        if len(members) == 1:
            people = [p for p in people if p[0] in members]
        else:
            listed = "; ".join(f"{n} <{p}>" for p, n in people)
            raise UsageError(
                f"{name!r} names several people: {listed}",
                "pass one of the IRIs instead of the name, or a fuller name as printed",
            )
    return people[0]


def find_paper(store: ox.Store, title: str) -> tuple[str, str]:
    """The one paper ``title`` means: (iri, title). ``title`` is its title or an alternate
    title (compared as the resolver compares titles: case, spaces and punctuation ignored),
    or the paper's IRI."""
    if "://" in title:
        try:
            node = sparql_iri(title)
        except ValueError:
            node = ""
        q = f"SELECT ?t WHERE {{ {node} a <{SCHEMA}ScholarlyArticle> ; <{SCHEMA}name> ?t }}"
        hits = [(title, r["t"]) for r in select(store, q)] if node else []
    else:
        want = title_key(title)
        if not want:
            raise UsageError("an empty title", "give a paper's title as printed")
        q = f"""SELECT ?w ?t ?k WHERE {{
          ?w a <{SCHEMA}ScholarlyArticle> ; <{SCHEMA}name> ?t .
          {{ ?w <{SCHEMA}name> ?k }} UNION {{ ?w <{SCHEMA}alternateName> ?k }}
        }}"""
        hits = sorted({(r["w"], r["t"]) for r in select(store, q) if title_key(r["k"]) == want})
    if not hits:
        raise UsageError(
            f"no paper titled {title!r} in the graph", "check the title, or pass its IRI"
        )
    if len(hits) > 1:
        listed = "; ".join(f"{t} <{w}>" for w, t in hits)
        raise UsageError(f"{title!r} names several papers: {listed}", "pass one of the IRIs")
    return hits[0]


def coauthors(store: ox.Store, name: str, topic: str | None = None) -> CoauthorAnswer:
    """Who has ``name`` written with (on ``topic``), with the number of shared papers.

    ``name`` is any spelling the graph knows, or a person's IRI (see :func:`find_person`).
    """
    person_iri, person_name = find_person(store, name)
    topic_iri = topic_label = None
    topic_clause = ""
    if topic is not None:
        topic_iri, topic_label = find_topic(store, topic)
        topic_clause = f"?w <{SCHEMA}about> {sparql_iri(topic_iri)} ."
    me = sparql_iri(person_iri)
    q = f"""SELECT ?co ?name (COUNT(DISTINCT ?w) AS ?n) WHERE {{
      ?w <{SCHEMA}author> {me} .
      {topic_clause}
      ?w <{SCHEMA}author> ?co .
      FILTER(?co != {me})
      ?co <{SCHEMA}name> ?name .
    }} GROUP BY ?co ?name ORDER BY DESC(?n) ?name ?co"""
    rows = [Coauthor(r["name"], r["co"], int(r["n"])) for r in select(store, q)]
    return CoauthorAnswer(person_name, person_iri, topic_label, topic_iri, tuple(rows))


def coauthor_pairs(store: ox.Store) -> list[tuple[str, str, int]]:
    """Every pair of people who share papers, with the count (for benchmarks and analysis)."""
    q = f"""SELECT ?a ?b (COUNT(?w) AS ?n) WHERE {{
      ?w <{SCHEMA}author> ?a, ?b . FILTER(STR(?a) < STR(?b))
    }} GROUP BY ?a ?b"""
    return [(r["a"], r["b"], int(r["n"])) for r in select(store, q)]
