"""The in-memory writers: every triple held and sorted in Python.

They are the reference the streaming writers (:mod:`.stream`) are proven against, and the path
for a store whose blank nodes do not carry the labels :func:`~scholarkg.vocab.list_node` mints
(a build made by an older version, or a graph with other blank nodes): those are relabelled by
content here, which needs the whole graph in memory.

JSON-LD is compacted against an inline schema.org context (``@vocab`` http://schema.org/), with
author order as ``@list``. Nothing is fetched from the network: the context is written out whole,
ready for a ``<script type="application/ld+json">`` block.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import IO, Any

import pyoxigraph as ox

from ..vocab import FOAF, PREFIXES, RDF, SCHEMA, SKG, SKOS, XSD, blank_label, list_node

_RDF_TYPE = RDF + "type"
_FIRST, _REST, _NIL = RDF + "first", RDF + "rest", RDF + "nil"
LOCAL_NAME = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")

# properties whose values are always nodes: written as plain IRIs in JSON-LD
NODE_VALUED = {
    SCHEMA + "author": "author",
    SCHEMA + "about": "about",
    SCHEMA + "worksFor": "worksFor",
    SCHEMA + "memberOf": "memberOf",
    SCHEMA + "knowsAbout": "knowsAbout",
    FOAF + "maker": "foaf:maker",
    SKG + "topicEvidence": "skg:topicEvidence",
    SKG + "topic": "skg:topic",
    SKG + "printedForm": "skg:printedForm",
    SKOS + "inScheme": "skos:inScheme",
}


def jsonld_context() -> dict[str, Any]:
    ctx: dict[str, Any] = {
        "@vocab": SCHEMA,
        "schema": SCHEMA,
        "foaf": FOAF,
        "skos": SKOS,
        "skg": SKG,
        "rdf": RDF,
        "xsd": XSD,
        "authorList": {"@id": "skg:authorList", "@container": "@list", "@type": "@id"},
    }
    for term in NODE_VALUED.values():
        if ":" in term:
            ctx[term] = {"@type": "@id"}
        else:
            ctx[term] = {"@id": f"schema:{term}", "@type": "@id"}
    return ctx


_CONTEXT_PREFIXES = [
    (k, v) for k, v in jsonld_context().items() if isinstance(v, str) and not k.startswith("@")
]


def export_in_memory(
    store: ox.Store, fmt: str, sink: IO[bytes], prefixes: dict[str, str] | None = None
) -> int:
    """Write the store's graph to ``sink`` in ``fmt``; return the number of triples written."""
    quads = canonical_blank_nodes(list(store.quads_for_pattern(None, None, None, None)))
    if fmt == "ntriples":
        lines = sorted({f"{q.subject} {q.predicate} {q.object} .\n" for q in quads})
        sink.write("".join(lines).encode("utf-8"))
        return len(lines)
    if fmt == "nquads":
        lines = sorted({_nquad(q) for q in quads})
        sink.write("".join(lines).encode("utf-8"))
        return len(lines)
    triples = [(q.subject, q.predicate, q.object) for q in quads]
    if fmt == "turtle":
        sink.write(turtle(triples, prefixes or PREFIXES).encode("utf-8"))
    else:
        doc = jsonld(triples)
        sink.write(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8"))
        sink.write(b"\n")
    return len(set(triples))


def canonical_blank_nodes(quads: list[ox.Quad]) -> list[ox.Quad]:
    """Relabel blank nodes by content: the store invents new labels on every load.

    A list node is named after the node and property that hold the list and its position;
    any other blank node after its properties and neighbours (a few rounds of refinement).
    """
    triples = [(q.subject, q.predicate, q.object) for q in quads]
    if not any(isinstance(t, ox.BlankNode) for tr in triples for t in (tr[0], tr[2])):
        return quads
    heads, _ = _lists(triples)
    rest = {s.value: o for s, p, o in triples if isinstance(s, ox.BlankNode) and p.value == _REST}
    label: dict[str, str] = {}
    for s, p, o in triples:
        if isinstance(o, ox.BlankNode) and o.value in heads and o.value not in label:
            cur: Any = o
            i = 0
            while isinstance(cur, ox.BlankNode) and cur.value not in label:
                label[cur.value] = list_node(str(s), str(p), i)
                cur = rest.get(cur.value)
                i += 1
    others = {
        t.value
        for tr in triples
        for t in (tr[0], tr[2])
        if isinstance(t, ox.BlankNode) and t.value not in label
    }
    if others:
        sig = {b: "" for b in others}

        def show(t: Any) -> str:
            if isinstance(t, ox.BlankNode):
                return label.get(t.value) or sig[t.value]
            return str(t)

        for _ in range(4):
            parts: dict[str, list[str]] = {b: [] for b in others}
            for s, p, o in triples:
                if isinstance(s, ox.BlankNode) and s.value in parts:
                    parts[s.value].append(f">{p}{show(o)}")
                if isinstance(o, ox.BlankNode) and o.value in parts:
                    parts[o.value].append(f"<{p}{show(s)}")
            sig = {b: blank_label("".join(sorted(v))) for b, v in parts.items()}
        seen: dict[str, int] = {}
        for b in sorted(others, key=lambda b: sig[b]):
            n = seen.get(sig[b], 0)
            seen[sig[b]] = n + 1
            label[b] = f"b{sig[b]}" + (f"x{n}" if n else "")

    def relabel(t: Any) -> Any:
        return ox.BlankNode(label[t.value]) if isinstance(t, ox.BlankNode) else t

    return [
        ox.Quad(relabel(q.subject), q.predicate, relabel(q.object), q.graph_name) for q in quads
    ]


def _nquad(q: ox.Quad) -> str:
    if isinstance(q.graph_name, ox.DefaultGraph):
        return f"{q.subject} {q.predicate} {q.object} .\n"
    return f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n"


Triple = tuple[Any, Any, Any]


def _lists(triples: Iterable[Triple]) -> tuple[dict[str, list[Any]], set[str]]:
    """Well-formed rdf:Lists on blank nodes: head label → items; and the labels they use."""
    first: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    props: dict[str, int] = defaultdict(int)
    refs: dict[str, int] = defaultdict(int)
    for s, p, o in triples:
        if isinstance(s, ox.BlankNode):
            props[s.value] += 1
            if p.value == _FIRST:
                first[s.value] = o
            elif p.value == _REST:
                rest[s.value] = o
        if isinstance(o, ox.BlankNode):
            refs[o.value] += 1
    heads: dict[str, list[Any]] = {}
    used: set[str] = set()
    rest_targets = {o.value for o in rest.values() if isinstance(o, ox.BlankNode)}
    for node in first:
        if node in rest_targets:
            continue
        items: list[Any] = []
        chain: list[str] = []
        cur: Any = ox.BlankNode(node)
        ok = True
        while isinstance(cur, ox.BlankNode):
            label = cur.value
            if label not in first or label not in rest or props[label] != 2 or refs[label] != 1:
                ok = False
                break
            if label in chain:
                ok = False
                break
            chain.append(label)
            items.append(first[label])
            cur = rest[label]
        if ok and isinstance(cur, ox.NamedNode) and cur.value == _NIL:
            heads[node] = items
            used.update(chain)
    return heads, used


def _sort_key(term: Any) -> tuple[int, str]:
    kind = 0 if isinstance(term, ox.NamedNode) else 1 if isinstance(term, ox.BlankNode) else 2
    return (kind, str(term))


def turtle(triples: list[Triple], prefixes: dict[str, str]) -> str:
    """Turtle with prefixes, subjects and values sorted, author lists inline as ( … )."""
    heads, in_list = _lists(triples)
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))

    def term(t: Any) -> str:
        if isinstance(t, ox.NamedNode):
            if t.value == _RDF_TYPE:
                return "a"
            for prefix, ns in ordered:
                if t.value.startswith(ns) and LOCAL_NAME.match(t.value[len(ns) :]):
                    return f"{prefix}:{t.value[len(ns) :]}"
            return str(t)
        if isinstance(t, ox.BlankNode) and t.value in heads:
            return "( " + " ".join(term(i) for i in heads[t.value]) + " )"
        return str(t)

    by_subject: dict[Any, dict[Any, set[Any]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        if isinstance(s, ox.BlankNode) and s.value in in_list:
            continue
        by_subject[s][p].add(o)
    used_prefixes = sorted(prefixes.items())
    out = [f"@prefix {p}: <{ns}> .\n" for p, ns in used_prefixes]
    out.append("\n")
    for s in sorted(by_subject, key=_sort_key):
        preds = by_subject[s]
        parts: list[str] = []
        for p in sorted(preds, key=lambda p: (p.value != _RDF_TYPE, term(p))):
            objs = " ,\n        ".join(term(o) for o in sorted(preds[p], key=_sort_key))
            parts.append(f"    {term(p)} {objs}")
        out.append(term(s) + "\n" + " ;\n".join(parts) + " .\n\n")
    return "".join(out)


def compact_iri(iri: str, vocab: bool) -> str:
    """An IRI as the JSON-LD context writes it: a schema.org term, ``prefix:local``, or whole."""
    if vocab and iri.startswith(SCHEMA) and ":" not in iri[len(SCHEMA) :]:
        return iri[len(SCHEMA) :]
    for k, ns in _CONTEXT_PREFIXES:
        if k != "schema" and iri.startswith(ns) and LOCAL_NAME.match(iri[len(ns) :]):
            return f"{k}:{iri[len(ns) :]}"
    return iri


def node_object(node: str, types: list[str], props: dict[str, list[Any]]) -> dict[str, Any]:
    """One node of the ``@graph``: ``@id``, sorted ``@type``, properties and values sorted."""
    obj: dict[str, Any] = {"@id": node}
    ts = sorted(set(types))
    if ts:
        obj["@type"] = ts[0] if len(ts) == 1 else ts
    for prop in sorted(props):
        vals = props[prop]
        if prop == "authorList":
            if len(vals) == 1:
                obj[prop] = vals[0]
            else:  # several lists: written without the term's @list container
                lists = sorted(vals)
                obj["skg:authorList"] = [{"@list": [{"@id": i} for i in v]} for v in lists]
            continue
        if len(vals) == 1:
            obj[prop] = vals[0]
            continue
        uniq = sorted({json.dumps(v, sort_keys=True, ensure_ascii=False): v for v in vals}.items())
        items = [v for _, v in uniq]
        obj[prop] = items[0] if len(items) == 1 else items
    return obj


def jsonld(triples: list[Triple]) -> dict[str, Any]:
    """Compacted JSON-LD: inline context, one object per node, sorted."""
    heads, in_list = _lists(triples)

    def node_id(t: Any) -> str:
        return t.value if isinstance(t, ox.NamedNode) else f"_:{t.value}"

    def value(t: Any, node_valued: bool) -> Any:
        if isinstance(t, ox.Literal):
            if t.language:
                return {"@value": t.value, "@language": t.language}
            if t.datatype.value != XSD + "string":
                return {"@value": t.value, "@type": compact_iri(t.datatype.value, False)}
            return t.value
        if node_valued:
            return node_id(t)
        return {"@id": node_id(t)}

    nodes: dict[Any, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    types: dict[Any, list[str]] = defaultdict(list)
    for s, p, o in triples:
        if isinstance(s, ox.BlankNode) and s.value in in_list:
            continue
        nodes[s]
        if p.value == _RDF_TYPE and isinstance(o, ox.NamedNode):
            types[s].append(compact_iri(o.value, True))
            continue
        if p.value == SKG + "authorList" and isinstance(o, ox.BlankNode) and o.value in heads:
            nodes[s]["authorList"].append([node_id(i) for i in heads[o.value]])
            continue
        if p.value in NODE_VALUED and not isinstance(o, ox.Literal):
            nodes[s][NODE_VALUED[p.value]].append(value(o, True))
            continue
        nodes[s][compact_iri(p.value, True)].append(value(o, False))
    graph = [
        node_object(node_id(s), types.get(s, []), nodes[s]) for s in sorted(nodes, key=_sort_key)
    ]
    return {"@context": jsonld_context(), "@graph": graph}
