"""scholarkg.map: resolved records become the graph's triples (schema.org + FOAF + SKOS + skg)."""

from __future__ import annotations

import rdflib
from conftest import CONFIG
from rdflib import RDF, Literal, URIRef
from rdflib.collection import Collection

from scholarkg.map import to_ntriples
from scholarkg.records import Membership, Person, Resolution, SourceRef, TopicTag, Work
from scholarkg.vocab import list_node, short_hash

BASE = CONFIG.base
SCHEMA = rdflib.Namespace("http://schema.org/")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
SKG = rdflib.Namespace("https://w3id.org/scholarkg/ns#")
PERSON = rdflib.Namespace(f"{BASE}person/")
WORK = rdflib.Namespace(f"{BASE}work/")
TOPIC = rdflib.Namespace(f"{BASE}topic/")


def src(line: int) -> SourceRef:
    return SourceRef("pages/ada.txt", line)


ADA = Person(
    key="ada-lovelace",
    name="Ada Lovelace",
    alternate_names=("A. Lovelace", "Augusta Ada King"),
    printed_forms=(("Ada Lovel'ace", src(9)),),
    sources=(src(2), src(9)),
    membership=Membership(
        role="Affiliate Member",
        job_title="Analyst",
        employer="Analytical Engines Ltd",
        topics=("Reinforcement Learning",),
        source=src(2),
    ),
)
CHARLES = Person("charles-babbage", "Charles Babbage", (), (), (src(10),))
MARY = Person("mary-somerville", "Mary Somerville", (), (), (src(11),))
TITLE = 'Notes on "the Engine" \\ a\nsecond line'
NOTES = Work(
    key="notes-on-the-engine-1234abcd",
    title=TITLE,
    alternate_titles=("Notes on the Engine",),
    abstract="We describe reinforcement learning (RL) on an engine.",
    authors=("mary-somerville", "charles-babbage", "ada-lovelace"),  # printed order
    sources=(src(8), src(20)),
    doi="10.1234/notes",
    arxiv="2401.00001",
    topics=(TopicTag("Reinforcement Learning", "RL", "known abbreviation RL", "abstract"),),
)


def graph(resolution: Resolution) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data="".join(to_ntriples(resolution, CONFIG)), format="nt")
    return g


def test_author_order_is_an_rdf_list_and_authors_a_set() -> None:
    g = graph(Resolution(people=(ADA, CHARLES, MARY), works=(NOTES,)))
    work = WORK[NOTES.key]
    (head,) = g.objects(work, SKG.authorList)
    assert list(Collection(g, head)) == [
        PERSON["mary-somerville"],
        PERSON["charles-babbage"],
        PERSON["ada-lovelace"],
    ]
    assert set(g.objects(work, SCHEMA.author)) == set(Collection(g, head))
    assert set(g.objects(work, FOAF.maker)) == set(Collection(g, head))


def test_list_nodes_are_labelled_by_vocab_list_node() -> None:
    lines = list(to_ntriples(Resolution(people=(ADA, CHARLES, MARY), works=(NOTES,)), CONFIG))
    holder, prop = f"<{WORK[NOTES.key]}>", f"<{SKG.authorList}>"
    labels = [list_node(holder, prop, i) for i in range(3)]
    assert f"{holder} {prop} _:{labels[0]} .\n" in lines
    assert f"_:{labels[2]} <{RDF.rest}> <{RDF.nil}> .\n" in lines
    assert lines == list(
        to_ntriples(Resolution(people=(ADA, CHARLES, MARY), works=(NOTES,)), CONFIG)
    )


def test_a_work_without_authors_has_no_author_list() -> None:
    orphan = Work("orphan-00000000", "Orphan", (), None, (), (src(30),))
    g = graph(Resolution(people=(), works=(orphan,)))
    assert list(g.objects(WORK["orphan-00000000"], SKG.authorList)) == []
    assert (None, RDF.first, None) not in g


def test_iris_are_minted_under_the_base() -> None:
    g = graph(Resolution(people=(ADA, CHARLES, MARY), works=(NOTES,)))
    ada = PERSON["ada-lovelace"]
    assert (ada, RDF.type, SCHEMA.Person) in g and (ada, RDF.type, FOAF.Person) in g
    assert (WORK[NOTES.key], RDF.type, SCHEMA.ScholarlyArticle) in g
    assert (ada, SCHEMA.worksFor, URIRef(f"{BASE}org/analytical-engines-ltd")) in g
    role = URIRef(f"{ada}#membership")
    assert (ada, SCHEMA.memberOf, role) in g
    assert (role, SCHEMA.memberOf, URIRef(CONFIG.institute_iri)) in g
    assert (role, SCHEMA.roleName, Literal("Affiliate Member")) in g
    institute = URIRef(CONFIG.institute_iri)
    assert (institute, SCHEMA.name, Literal(CONFIG.institute_name)) in g


def test_names_keys_and_sources() -> None:
    g = graph(Resolution(people=(ADA,), works=()))
    ada = PERSON["ada-lovelace"]
    assert set(g.objects(ada, SCHEMA.name)) == {Literal("Ada Lovelace")}
    assert set(g.objects(ada, FOAF.name)) == {Literal("Ada Lovelace")}
    assert set(g.objects(ada, SCHEMA.alternateName)) == {
        Literal("A. Lovelace"),
        Literal("Augusta Ada King"),
    }
    keys = {str(k) for k in g.objects(ada, SKG.nameKey)}
    assert keys == {"ada lovelace", "a lovelace", "augusta ada king"}
    assert {str(s) for s in g.objects(ada, SKG.source)} == {"pages/ada.txt:2", "pages/ada.txt:9"}


def test_printed_form_is_provenance_never_a_name() -> None:
    g = graph(Resolution(people=(ADA,), works=()))
    ada = PERSON["ada-lovelace"]
    (node,) = g.objects(ada, SKG.printedForm)
    printed = "Ada Lovel'ace"
    assert node == URIRef(f"{ada}#printed-{short_hash(printed)}")
    assert (node, RDF.type, SKG.PrintedForm) in g
    assert (node, SKG.text, Literal("Ada Lovel'ace")) in g
    assert (node, SKG.source, Literal("pages/ada.txt:9")) in g
    names = {
        str(o) for p in (SCHEMA.name, SCHEMA.alternateName, FOAF.name) for o in g.objects(ada, p)
    }
    assert "Ada Lovel'ace" not in names


def test_topics_with_evidence_and_a_concept_scheme() -> None:
    g = graph(Resolution(people=(ADA, CHARLES, MARY), works=(NOTES,)))
    work, topic = WORK[NOTES.key], TOPIC["reinforcement-learning"]
    assert (work, SCHEMA.about, topic) in g
    evidence = URIRef(f"{work}#topic-reinforcement-learning")
    assert (work, SKG.topicEvidence, evidence) in g
    assert (evidence, RDF.type, SKG.TopicAssignment) in g
    assert (evidence, SKG.topic, topic) in g
    assert (evidence, SKG.matchedText, Literal("RL")) in g
    assert (evidence, SKG.rule, Literal("known abbreviation RL")) in g
    assert (evidence, SKG.field, Literal("abstract")) in g
    assert (topic, RDF.type, SKOS.Concept) in g
    assert (topic, SKOS.prefLabel, Literal("Reinforcement Learning")) in g
    assert (topic, SKOS.inScheme, TOPIC[""]) in g
    assert (PERSON["ada-lovelace"], SCHEMA.knowsAbout, topic) in g


def test_literals_survive_quotes_backslashes_and_newlines() -> None:
    g = graph(Resolution(people=(ADA, CHARLES, MARY), works=(NOTES,)))
    work = WORK[NOTES.key]
    assert set(g.objects(work, SCHEMA.name)) == {Literal(TITLE)}
    assert set(g.objects(work, SCHEMA.alternateName)) == {Literal("Notes on the Engine")}
    assert (work, SKG.doi, Literal("10.1234/notes")) in g
    assert (work, SKG.arxivId, Literal("2401.00001")) in g
    sources = {str(s) for s in g.objects(work, SKG.source)}
    assert sources == {"pages/ada.txt:8", "pages/ada.txt:20"}


def test_no_member_no_institute_and_no_topics_no_scheme() -> None:
    g = graph(Resolution(people=(CHARLES,), works=()))
    assert (URIRef(CONFIG.institute_iri), None, None) not in g
    assert (None, RDF.type, SKOS.ConceptScheme) not in g
    assert len(g) == 6  # a plain person: 2 types, schema:name, foaf:name, 1 name key, 1 source
