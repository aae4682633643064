"""The embedded Oxigraph store: the only module that imports pyoxigraph for storage.

A build folder holds the store in ``DIR/store``. One writer at a time: the build writes into a
fresh folder and readers open it read-only (:meth:`Store.read_only`), which sees the data as of
opening and never takes the lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .errors import InputError, QueryError, StoreError, UsageError

if TYPE_CHECKING:
    import rdflib

STORE_DIRNAME = "store"

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
}


def rdf_format_for(path: str | Path, fmt: str | None = None) -> ox.RdfFormat:
    """The RDF syntax of a file, from an explicit name or the file's extension."""
    key = (fmt or Path(path).suffix.lstrip(".")).lower()
    try:
        return _RDF_FORMATS[key]
    except KeyError:
        raise UsageError(
            f"{path}: cannot tell the RDF syntax from {key!r}",
            "use a .ttl, .nt, .nq, .jsonld or .trig file, or name the format",
        ) from None


def store_path(out_dir: str | Path) -> Path:
    return Path(out_dir) / STORE_DIRNAME


def create_store(path: str | Path, ntriples_files: list[Path]) -> int:
    """Create a new store at ``path`` by bulk-loading N-Triples files; return its size.

    Loading in chunks keeps memory flat: one 2M-triple file peaked at 1.4 GB, 500k-triple
    chunks at 0.5 GB, 200k-triple chunks added 163 MB (see ``pipeline.CHUNK_TRIPLES``). Blank
    nodes keep the labels ``map`` gave them (``Store.bulk_load`` would rename them at random), so
    exports need not relabel them.
    """
    store = ox.Store(str(path))
    for f in ntriples_files:
        quads = ox.parse(path=str(f), format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=False)
        store.bulk_extend(quads)
    store.flush()
    n = len(store)
    del store
    return n


def open_build(out_dir: str | Path) -> ox.Store:
    """Open the store of a finished build read-only."""
    path = store_path(out_dir)
    if not path.is_dir():
        raise UsageError(
            f"no build in {out_dir}: {path} does not exist",
            "run `scholarkg build PAGES… --out DIR` first, or pass --out to the build folder",
        )
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(
            f"cannot open the store in {path}: {exc}", "rebuild it with `scholarkg build`"
        ) from exc


def load_file(path: str | Path, fmt: str | None = None) -> ox.Store:
    """Parse any RDF file into an in-memory store. Nothing is fetched from the network."""
    p = Path(path)
    rdf_format = rdf_format_for(p, fmt)
    store = ox.Store()
    try:
        store.load(path=str(p), format=rdf_format)
    except OSError as exc:
        raise InputError(
            str(p), None, f"cannot read the file: {exc}", "check the path and permissions"
        ) from exc
    except SyntaxError as exc:
        line = _syntax_error_line(exc)
        raise InputError(
            str(p),
            line,
            f"not valid {rdf_format.name}: {exc}",
            "fix the syntax, or name the right format",
        ) from exc
    return store


def _syntax_error_line(exc: SyntaxError) -> int | None:
    if exc.lineno:
        return int(exc.lineno)
    return None


def run_sparql(store: ox.Store, sparql: str) -> Any:
    """Run any SPARQL query; a query that does not parse or run is a :class:`QueryError`."""
    try:
        return store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(f"the SPARQL query does not parse: {exc}", "fix the query") from exc
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}", "check the query") from exc


def select(store: ox.Store, sparql: str) -> Iterator[dict[str, Any]]:
    """Run a SELECT query; yield rows as {variable: python value} (IRIs and literals as str)."""
    result = run_sparql(store, sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query", "use SELECT for this command")
    names = [v.value for v in result.variables]
    for sol in result:
        yield {n: None if (t := sol[n]) is None else term_text(t) for n in names}


def select_rows(store: ox.Store, sparql: str) -> list[tuple[str | None, ...]]:
    """Run a SELECT query; rows as tuples in the order of its variables, each term as
    :func:`term_text` writes it (``None`` where unbound). For large results: ~1.5× faster than
    :func:`select`, which builds a dict per row."""
    result = run_sparql(store, sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query", "use SELECT for this command")
    return [tuple(None if t is None else term_text(t) for t in sol) for sol in result]


def term_text(
    term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | rdflib.term.Identifier,
) -> str:
    """The text of an RDF term, the one way every part of scholarkg shows a term.

    An IRI is itself, a blank node is ``_:id`` (as N-Triples and the W3C CSV results write it),
    and a literal is its lexical form, without quotes, language or datatype. Oxigraph terms and
    rdflib terms (pySHACL reports in rdflib) give the same text.
    """
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    if isinstance(term, str):  # rdflib's terms are str; it is loaded if one is in hand
        from rdflib import BNode

        return f"_:{term}" if isinstance(term, BNode) else str(term)
    return str(term)  # a quoted triple, as N-Triples writes it


def sparql_literal(text: str) -> str:
    """A user's string as a SPARQL literal, escaped (never pasted into a query raw)."""
    return str(ox.Literal(text))


def sparql_iri(iri: str) -> str:
    return str(ox.NamedNode(iri))
