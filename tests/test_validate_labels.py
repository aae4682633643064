"""Labels and sources of the nodes findings are about (scholarkg.validate.labels)."""

from __future__ import annotations

import rdflib
from rdflib import BNode, Literal, URIRef
from validate_support import SCHEMA, SKG, to_store

from scholarkg.validate.labels import describe_in_graph, describe_in_store

ADA = URIRef("https://example.org/kg/person/ada")
BOB = URIRef("https://example.org/kg/person/bob")
ANON = BNode("anon")


def _graph() -> rdflib.Graph:
    g = rdflib.Graph()
    g.add((ADA, SCHEMA.name, Literal("Augusta Ada King")))
    g.add((ADA, SCHEMA.name, Literal("Ada Lovelace")))
    for source in ("b.txt:10", "b.txt:9", "c.txt:1"):
        g.add((ADA, SKG.source, Literal(source)))
    g.add((BOB, SKG.source, Literal("b.txt:10")))
    g.add((BOB, SKG.source, Literal("b.txt:9")))
    g.add((ANON, SCHEMA.name, Literal("Velivckovi 'c")))
    return g


NODES = [str(ADA), str(BOB), "_:anon", "Ada Lovelace", "https://example.org/kg/person/nobody"]
EXPECTED = {
    # several names (itself a violation) are all shown, sorted; the earliest source by path
    str(ADA): ("Ada Lovelace / Augusta Ada King", "b.txt:9"),
    # line 9 comes before line 10: lines are numbers, not text
    str(BOB): (None, "b.txt:9"),
    "_:anon": ("Velivckovi 'c", None),
    "Ada Lovelace": (None, None),  # the text of a literal focus node has no label
    "https://example.org/kg/person/nobody": (None, None),
}


def test_labels_and_earliest_sources_from_a_store() -> None:
    assert describe_in_store(to_store(_graph()), NODES) == EXPECTED


def test_labels_and_sources_from_a_graph_are_the_same() -> None:
    assert describe_in_graph(_graph(), [n for n in NODES if n != "Ada Lovelace"]) == {
        n: d for n, d in EXPECTED.items() if n != "Ada Lovelace"
    }
