"""The acceptance case: the original profile page in ../shared/seeds, checked exactly."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CONFIG, SEED

from scholarkg.query import coauthors
from scholarkg.store import select
from scholarkg.validate import validate_store

P = (
    "PREFIX schema: <http://schema.org/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
    "PREFIX skg: <https://w3id.org/scholarkg/ns#> "
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
)


def rows(store, q):  # type: ignore[no-untyped-def]
    return list(select(store, P + q))


def person_names(store) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = {}
    for r in rows(store, "SELECT ?p ?n WHERE { ?p a schema:Person ; schema:name ?n }"):
        out.setdefault(r["p"], []).append(r["n"])
    return out


def test_exactly_30_people_and_6_papers(seed_store) -> None:  # type: ignore[no-untyped-def]
    people = rows(seed_store, "SELECT DISTINCT ?p WHERE { ?p a schema:Person }")
    papers = rows(seed_store, "SELECT DISTINCT ?w WHERE { ?w a schema:ScholarlyArticle }")
    assert len(people) == 30
    assert len(papers) == 6


def test_each_person_has_one_canonical_name(seed_store) -> None:  # type: ignore[no-untyped-def]
    names = person_names(seed_store)
    assert len(names) == 30
    assert all(len(v) == 1 for v in names.values()), names
    canonical = sorted(v[0] for v in names.values())
    assert "Alexander Y. Ku" in canonical
    assert "Stephanie C.Y. Chan" in canonical
    assert "Alex Ku" not in canonical
    assert "Stephanie Chan" not in canonical
    assert "Razvan Pascanu" in canonical


def test_genuine_spellings_are_alternate_names(seed_store) -> None:  # type: ignore[no-untyped-def]
    alts = {
        (r["n"], r["a"])
        for r in rows(
            seed_store,
            "SELECT ?n ?a WHERE { ?p schema:name ?n ; schema:alternateName ?a ."
            " ?p a schema:Person }",
        )
    }
    assert alts == {("Alexander Y. Ku", "Alex Ku"), ("Stephanie C.Y. Chan", "Stephanie Chan")}


def test_garbled_names_are_repaired_and_kept_in_provenance(seed_store) -> None:  # type: ignore[no-untyped-def]
    all_names = {
        r["n"]
        for r in rows(
            seed_store,
            "SELECT ?n WHERE { ?p a schema:Person ;"
            " schema:name|schema:alternateName|foaf:name ?n }",
        )
    }
    assert "Petar Veličković" in all_names
    assert "Álvaro Arroyo" in all_names
    assert not any("'" in n or "vc" in n for n in all_names), all_names
    printed = {
        (r["n"], r["t"], r["s"])
        for r in rows(
            seed_store,
            "SELECT ?n ?t ?s WHERE { ?p schema:name ?n ; skg:printedForm ?f ."
            " ?f skg:text ?t ; skg:source ?s }",
        )
    }
    assert printed == {
        ("Petar Veličković", "Petar Velivckovi 'c", f"{SEED}:59"),
        ("Álvaro Arroyo", "'Alvaro Arroyo", f"{SEED}:55"),
    }


def test_noprop_titles_are_one_paper(seed_store) -> None:  # type: ignore[no-untyped-def]
    r = rows(
        seed_store,
        "SELECT ?w ?n ?a WHERE { ?w a schema:ScholarlyArticle ; schema:name ?n ;"
        " schema:alternateName ?a }",
    )
    assert len(r) == 1
    titles = {r[0]["n"], r[0]["a"]}
    assert titles == {
        "NoProp: Training Neural Networks without Back-propagation or Forward-propagation",
        "NoProp: Training Neural Networks without Full Back-propagation or Full "
        "Forward-propagation",
    }
    sources = {
        x["s"] for x in rows(seed_store, f"SELECT ?s WHERE {{ <{r[0]['w']}> skg:source ?s }}")
    }
    assert sources == {f"{SEED}:72", f"{SEED}:75", f"{SEED}:78"}


def _author_list(store, title_start: str) -> list[str]:  # type: ignore[no-untyped-def]
    q = f"""SELECT ?w WHERE {{ ?w schema:name ?t FILTER(STRSTARTS(?t, "{title_start}")) }}"""
    (w,) = [x["w"] for x in rows(store, q)]
    q = f"""SELECT ?n (COUNT(?mid) AS ?pos) WHERE {{
      <{w}> skg:authorList ?l . ?l rdf:rest* ?mid . ?mid rdf:rest* ?node .
      ?node rdf:first ?p . ?p schema:name ?n }} GROUP BY ?node ?n ORDER BY ?pos"""
    return [x["n"] for x in rows(store, q)]


def test_authors_in_page_order_with_owner(seed_store) -> None:  # type: ignore[no-untyped-def]
    assert _author_list(seed_store, "On the generalization") == [
        "Andrew Lampinen",
        "Arslan Chaudhry",
        "Stephanie C.Y. Chan",
        "Cody Wild",
        "Diane Wan",
        "Alexander Y. Ku",
        "Jorg Bornschein",
        "Murray P. Shanahan",
        "James L McClelland",
        "Razvan Pascanu",
    ]
    assert _author_list(seed_store, "Why do LLMs") == [
        "Federico Barbero",
        "Álvaro Arroyo",
        "Xiangming Gu",
        "Christos Perivolaropoulos",
        "Michael M. Bronstein",
        "Petar Veličković",
        "Razvan Pascanu",
    ]
    n = rows(
        seed_store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?w a schema:ScholarlyArticle ;"
        " schema:author ?p . ?p schema:name 'Razvan Pascanu' }",
    )
    assert int(n[0]["n"]) == 6


def test_abstracts_whole_marker_removed(seed_store) -> None:  # type: ignore[no-untyped-def]
    abstracts = [r["a"] for r in rows(seed_store, "SELECT ?a WHERE { ?w schema:abstract ?a }")]
    assert len(abstracts) == 3
    assert not any("see more" in a or "…" in a for a in abstracts)
    joined = " ".join(abstracts)
    assert "they can fail to generalize to simple reversals" in joined
    assert "propagating the error signal from the output towards" in joined
    assert "growing interest in viable alternatives" in joined


def test_owner_job_employer_membership_topics(seed_store) -> None:  # type: ignore[no-untyped-def]
    r = rows(
        seed_store,
        """SELECT ?job ?org ?orgname ?role ?inst ?instname WHERE {
      ?p schema:name "Razvan Pascanu" ; schema:jobTitle ?job ; schema:worksFor ?org ;
         schema:memberOf ?m .
      ?org a schema:Organization ; schema:name ?orgname .
      ?m a schema:OrganizationRole ; schema:roleName ?role ; schema:memberOf ?inst .
      ?inst a schema:Organization ; schema:name ?instname }""",
    )
    assert r == [
        {
            "job": "Senior Research Scientist",
            "org": "https://kg.example.org/org/google-deepmind",
            "orgname": "Google DeepMind",
            "role": "Affiliate Member",
            "inst": CONFIG.institute_iri,
            "instname": CONFIG.institute_name,
        }
    ]
    topics = {
        x["l"]
        for x in rows(
            seed_store,
            """SELECT ?l WHERE {
      ?p schema:name "Razvan Pascanu" ; schema:knowsAbout ?t .
      ?t a skos:Concept ; skos:prefLabel ?l ; skos:inScheme ?s . ?s a skos:ConceptScheme }""",
        )
    }
    assert len(topics) == 15
    assert {"Reinforcement Learning", "Continual Learning", "Representation Learning"} <= topics


def test_topic_tags_are_traceable(seed_store) -> None:  # type: ignore[no-untyped-def]
    r = rows(
        seed_store,
        """SELECT ?title ?label ?matched ?rule ?field WHERE {
      ?w schema:name ?title ; schema:about ?t ; skg:topicEvidence ?e .
      ?e skg:topic ?t ; skg:matchedText ?matched ; skg:rule ?rule ; skg:field ?field .
      ?t skos:prefLabel ?label }""",
    )
    rl = [x for x in r if x["label"] == "Reinforcement Learning"]
    assert len(rl) == 1
    assert rl[0]["title"].startswith("LLMs are Greedy Agents")
    assert rl[0]["matched"] == "RL"
    assert rl[0]["field"] == "title"
    assert "abbreviation" in rl[0]["rule"]
    # every schema:about has its evidence
    about = rows(seed_store, "SELECT ?w ?t WHERE { ?w schema:about ?t }")
    assert len(about) == len(r)
    # no tag for the representation-learning reading of "RL"
    assert not [x for x in r if x["label"] == "Representation Learning"]


def test_coauthors_on_reinforcement_learning(seed_store) -> None:  # type: ignore[no-untyped-def]
    answer = coauthors(seed_store, "Razvan Pascanu", "Reinforcement Learning")
    got = {(c.name, c.shared_papers) for c in answer.coauthors}
    assert got == {
        ("Thomas Schmied", 1),
        ("Jorg Bornschein", 1),
        ("Jordi Grau-Moya", 1),
        ("Markus Wulfmeier", 1),
    }


def test_coauthors_by_any_known_spelling(seed_store) -> None:  # type: ignore[no-untyped-def]
    a = coauthors(seed_store, "alex ku")
    b = coauthors(seed_store, "Alexander Y. Ku")
    assert a == b
    assert a.person == "Alexander Y. Ku"
    assert len(a.coauthors) == 9


def test_built_graph_conforms(seed_store) -> None:  # type: ignore[no-untyped-def]
    report = validate_store(seed_store)
    assert report.conforms, report.to_text()
    assert report.findings == ()


def test_every_record_accounted_for(seed_build: Path) -> None:
    report = json.loads((seed_build / "report.json").read_text())
    lines = SEED.read_text(encoding="utf-8").splitlines()
    titles = [i for i, t in enumerate(lines, 1) if f"{SEED}:{i}" in report["listings"]]
    assert len(titles) == 12
    assert len(set(report["listings"].values())) == 6
    assert len(report["mentions"]) == 62 + 1  # author lines and the owner's name line
    assert report["rejected"] == []
    assert report["summary"]["listings_read"] == 12
    assert report["summary"]["author_lines_read"] == 62
    assert lines[titles[0] - 1].startswith("On the generalization")
