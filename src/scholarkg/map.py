"""Map resolved records to RDF (schema.org + FOAF + SKOS + the project's own terms).

Writes N-Triples lines directly: the fastest form to bulk-load into Oxigraph, and plain text
that needs no RDF library. Every IRI comes from :class:`~scholarkg.vocab.Minter`, every list
node's blank-node label from :func:`~scholarkg.vocab.list_node`, so the output is the same on
every run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from .config import Config
from .ids import ARXIV_ABS, DOI_RESOLVER, ORCID_RESOLVER
from .names import lookup_key
from .records import Person, Resolution, Work
from .text import fold_tight
from .vocab import (
    FOAF,
    RDF,
    SCHEMA,
    SKG,
    SKOS,
    XSD,
    Minter,
    list_node,
    printed_form,
    venue_class,
    work_class,
)

_A = f"<{RDF}type>"


def iri(value: str) -> str:
    return f"<{value}>"


def literal(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def _t(s: str, p: str, o: str) -> str:
    return f"{s} {p} {o} .\n"


S = {
    name: iri(SCHEMA + name)
    for name in (
        "Person",
        "ScholarlyArticle",
        "Organization",
        "OrganizationRole",
        "name",
        "alternateName",
        "author",
        "abstract",
        "about",
        "jobTitle",
        "worksFor",
        "memberOf",
        "roleName",
        "knowsAbout",
        "datePublished",
        "isPartOf",
        "pagination",
        "volumeNumber",
        "issueNumber",
        "publisher",
        "url",
        "sameAs",
        "identifier",
        "PropertyValue",
        "propertyID",
        "value",
        "creator",
        "keywords",
        "editor",
    )
}
F = {name: iri(FOAF + name) for name in ("Person", "name", "maker")}
K = {
    name: iri(SKG + name)
    for name in (
        "authorList",
        "source",
        "nameKey",
        "PrintedForm",
        "printedForm",
        "text",
        "TopicAssignment",
        "topicEvidence",
        "topic",
        "matchedText",
        "rule",
        "field",
        "doi",
        "arxivId",
        "arxivVersion",
        "orcid",
        "authorsIncomplete",
    )
}
SK = {name: iri(SKOS + name) for name in ("Concept", "ConceptScheme", "prefLabel", "inScheme")}
RDF_FIRST, RDF_REST, RDF_NIL = iri(RDF + "first"), iri(RDF + "rest"), iri(RDF + "nil")


def to_ntriples(resolution: Resolution, config: Config) -> Iterator[str]:
    """The graph as N-Triples lines (each ends with a newline)."""
    mint = Minter(config.base)
    topics: set[str] = set()
    orgs: set[str] = set()
    has_members = False
    for p in resolution.people:
        yield from _person(p, mint, config)
        if p.membership:
            has_members = True
            topics.update(p.membership.topics)
            if p.membership.employer:
                orgs.add(p.membership.employer)
    venue_iri, venue_nodes = _venues(resolution, mint)
    for w in resolution.works:
        yield from _work(w, mint, venue_iri)
        topics.update(t.topic for t in w.topics)
        if w.meta and w.meta.publisher:
            orgs.add(w.meta.publisher)
        orgs.update(w.organizations)
    for v, (cls, name, alternates) in sorted(venue_nodes.items()):
        yield _t(iri(v), _A, iri(SCHEMA + cls))
        yield _t(iri(v), S["name"], literal(name))
        for alt in alternates:
            yield _t(iri(v), S["alternateName"], literal(alt))
    if has_members:
        inst = iri(config.institute_iri)
        yield _t(inst, _A, S["Organization"])
        yield _t(inst, S["name"], literal(config.institute_name))
    for org in sorted(orgs):
        o = iri(mint.organization(org))
        yield _t(o, _A, S["Organization"])
        yield _t(o, S["name"], literal(org))
    if topics:
        scheme = iri(mint.topic_scheme())
        yield _t(scheme, _A, SK["ConceptScheme"])
        yield _t(scheme, SK["prefLabel"], literal("Research topics"))
        for label in sorted(topics):
            t = iri(mint.topic(label))
            yield _t(t, _A, SK["Concept"])
            yield _t(t, SK["prefLabel"], literal(label))
            yield _t(t, SK["inScheme"], scheme)


def _person(p: Person, mint: Minter, config: Config) -> Iterator[str]:
    s = iri(mint.person(p.key))
    yield _t(s, _A, S["Person"])
    yield _t(s, _A, F["Person"])
    yield _t(s, S["name"], literal(p.name))
    yield _t(s, F["name"], literal(p.name))
    keys = {lookup_key(p.name)}
    for alt in p.alternate_names:
        yield _t(s, S["alternateName"], literal(alt))
        keys.add(lookup_key(alt))
    for k in sorted(keys):
        yield _t(s, K["nameKey"], literal(k))
    for src in p.sources:
        yield _t(s, K["source"], literal(str(src)))
    if p.orcid:
        yield from _identifier(s, f"{mint.person(p.key)}#orcid", "ORCID", p.orcid)
        yield _t(s, K["orcid"], literal(p.orcid))
        yield _t(s, S["sameAs"], iri(ORCID_RESOLVER + p.orcid))
    for text, src in p.printed_forms:
        node = iri(printed_form(mint.person(p.key), text))
        yield _t(s, K["printedForm"], node)
        yield _t(node, _A, K["PrintedForm"])
        yield _t(node, K["text"], literal(text))
        yield _t(node, K["source"], literal(str(src)))
    m = p.membership
    if m is None:
        return
    if m.job_title:
        yield _t(s, S["jobTitle"], literal(m.job_title))
    if m.employer:
        yield _t(s, S["worksFor"], iri(mint.organization(m.employer)))
    role = iri(f"{mint.person(p.key)}#membership")
    yield _t(s, S["memberOf"], role)
    yield _t(role, _A, S["OrganizationRole"])
    yield _t(role, S["memberOf"], iri(config.institute_iri))
    if m.role:
        yield _t(role, S["roleName"], literal(m.role))
    for topic in m.topics:
        yield _t(s, S["knowsAbout"], iri(mint.topic(topic)))


def _venues(
    resolution: Resolution, mint: Minter
) -> tuple[dict[str, str], dict[str, tuple[str, str, tuple[str, ...]]]]:
    """Each venue name's IRI: the work of that title when the graph has one (a chapter's book,
    a crossref parent), else one venue node per folded name, named by its fullest spelling.
    Returns name → IRI, and venue IRI → (class, name, alternate names)."""
    works_by_title: dict[str, str] = {}
    for w in resolution.works:
        for t in (w.title, *w.alternate_titles):
            works_by_title.setdefault(fold_tight(t), mint.work(w.key))
    spellings: dict[str, dict[str, str]] = {}
    for w in resolution.works:
        if w.meta and w.meta.venue and fold_tight(w.meta.venue) not in works_by_title:
            cls = venue_class(w.meta.kind)
            spellings.setdefault(fold_tight(w.meta.venue), {}).setdefault(w.meta.venue, cls)
    out: dict[str, str] = {}
    nodes: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for names in spellings.values():
        ordered = sorted(names)
        name = max(ordered, key=len)
        v = mint.venue(name)
        nodes[v] = (names[name], name, tuple(n for n in ordered if n != name))
        for n in names:
            out[n] = v
    for w in resolution.works:
        if w.meta and w.meta.venue and w.meta.venue not in out:
            out[w.meta.venue] = works_by_title[fold_tight(w.meta.venue)]
    return out, nodes


def _work(w: Work, mint: Minter, venue_iri: dict[str, str] | None = None) -> Iterator[str]:
    base = mint.work(w.key)
    s = iri(base)
    yield _t(s, _A, iri(SCHEMA + work_class(w.meta.kind if w.meta else "")))
    yield _t(s, S["name"], literal(w.title))
    for alt in w.alternate_titles:
        yield _t(s, S["alternateName"], literal(alt))
    if w.abstract:
        yield _t(s, S["abstract"], literal(w.abstract))
    if w.doi:
        yield _t(s, K["doi"], literal(w.doi))
        yield _t(s, S["sameAs"], iri(iri_text(DOI_RESOLVER + w.doi)))
        yield from _identifier(s, f"{base}#doi", "DOI", w.doi)
    if w.arxiv:
        yield _t(s, K["arxivId"], literal(w.arxiv))
        yield _t(s, S["sameAs"], iri(ARXIV_ABS + w.arxiv))
        yield from _identifier(s, f"{base}#arxiv", "arXiv", w.arxiv)
        for version in w.arxiv_versions:
            yield _t(s, K["arxivVersion"], literal(version))
    for src in w.sources:
        yield _t(s, K["source"], literal(str(src)))
    for text, src in w.printed_titles:
        node = iri(printed_form(base, text))
        yield _t(s, K["printedForm"], node)
        yield _t(node, _A, K["PrintedForm"])
        yield _t(node, K["text"], literal(text))
        yield _t(node, K["source"], literal(str(src)))
    yield from _work_meta(s, w, mint, venue_iri or {})
    people = [iri(mint.person(k)) for k in w.authors]
    for person in people:
        yield _t(s, S["author"], person)
        yield _t(s, F["maker"], person)
    for editor in w.editors:
        yield _t(s, S["editor"], iri(mint.person(editor)))
    orgs = [iri(mint.organization(o)) for o in w.organizations]
    for org in orgs:
        yield _t(s, S["creator"], org)
    people += [o for o in orgs if o not in people]
    if people:
        yield _t(s, K["authorList"], f"_:{list_node(s, K['authorList'], 0)}")
        for i, person in enumerate(people):
            node = f"_:{list_node(s, K['authorList'], i)}"
            yield _t(node, RDF_FIRST, person)
            last = i + 1 == len(people)
            rest = RDF_NIL if last else f"_:{list_node(s, K['authorList'], i + 1)}"
            yield _t(node, RDF_REST, rest)
    for tag in w.topics:
        topic = iri(mint.topic(tag.topic))
        ev = iri(f"{base}#topic-{mint.topic(tag.topic).rsplit('/', 1)[-1]}")
        yield _t(s, S["about"], topic)
        yield _t(s, K["topicEvidence"], ev)
        yield _t(ev, _A, K["TopicAssignment"])
        yield _t(ev, K["topic"], topic)
        yield _t(ev, K["matchedText"], literal(tag.matched))
        yield _t(ev, K["rule"], literal(tag.rule))
        yield _t(ev, K["field"], literal(tag.field))


_SAFE_IRI = re.compile(r"^[^\s<>\"{}|\\^`]+$")


def iri_text(text: str) -> str:
    """Characters an IRI may not hold, percent-encoded (DOIs may carry ``<``, ``>`` …)."""
    if _SAFE_IRI.match(text):
        return text
    return "".join(c if _SAFE_IRI.match(c) else quote(c, safe="") for c in text)


def _identifier(s: str, node_iri: str, kind: str, value: str) -> Iterator[str]:
    node = iri(node_iri)
    yield _t(s, S["identifier"], node)
    yield _t(node, _A, S["PropertyValue"])
    yield _t(node, S["propertyID"], literal(kind))
    yield _t(node, S["value"], literal(value))


_DATE_TYPES = {4: "gYear", 7: "gYearMonth", 10: "date"}


def _work_meta(s: str, w: Work, mint: Minter, venue_iri: dict[str, str]) -> Iterator[str]:
    if not w.authors_complete:
        yield _t(s, K["authorsIncomplete"], f'"true"^^<{XSD}boolean>')
    m = w.meta
    if m is None:
        return
    if m.date and len(m.date) in _DATE_TYPES:
        yield _t(s, S["datePublished"], f'"{m.date}"^^<{XSD}{_DATE_TYPES[len(m.date)]}>')
    part_of = venue_iri.get(m.venue) if m.venue else None
    if part_of and part_of != mint.work(w.key):
        yield _t(s, S["isPartOf"], iri(part_of))
    if m.pages:
        yield _t(s, S["pagination"], literal(m.pages))
    if m.volume:
        yield _t(s, S["volumeNumber"], literal(m.volume))
    if m.issue:
        yield _t(s, S["issueNumber"], literal(m.issue))
    if m.publisher:
        yield _t(s, S["publisher"], iri(mint.organization(m.publisher)))
    for url in m.urls:
        if re.match(r"^https?://", url):
            yield _t(s, S["url"], iri(iri_text(url)))
    for kw in m.topics:
        yield _t(s, S["keywords"], literal(kw))
