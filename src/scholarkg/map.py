"""Map resolved records to RDF (schema.org + FOAF + SKOS + the project's own terms).

Writes N-Triples lines directly: the fastest form to bulk-load into Oxigraph, and plain text
that needs no RDF library. Every IRI comes from :class:`~scholarkg.vocab.Minter`, every list
node's blank-node label from :func:`~scholarkg.vocab.list_node`, so the output is the same on
every run.
"""

from __future__ import annotations

from collections.abc import Iterator

from .config import Config
from .names import lookup_key
from .records import Person, Resolution, Work
from .vocab import FOAF, RDF, SCHEMA, SKG, SKOS, Minter, list_node, printed_form

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
    for w in resolution.works:
        yield from _work(w, mint)
        topics.update(t.topic for t in w.topics)
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


def _work(w: Work, mint: Minter) -> Iterator[str]:
    base = mint.work(w.key)
    s = iri(base)
    yield _t(s, _A, S["ScholarlyArticle"])
    yield _t(s, S["name"], literal(w.title))
    for alt in w.alternate_titles:
        yield _t(s, S["alternateName"], literal(alt))
    if w.abstract:
        yield _t(s, S["abstract"], literal(w.abstract))
    if w.doi:
        yield _t(s, K["doi"], literal(w.doi))
    if w.arxiv:
        yield _t(s, K["arxivId"], literal(w.arxiv))
    for src in w.sources:
        yield _t(s, K["source"], literal(str(src)))
    people = [iri(mint.person(k)) for k in w.authors]
    for person in people:
        yield _t(s, S["author"], person)
        yield _t(s, F["maker"], person)
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
