"""The ``scholarkg`` command: a thin layer over the library.

Exit codes: 0 ok / conformant, 1 the graph does not conform, 2 usage or bad input (a typed
error of :mod:`scholarkg.errors` whose ``exit_code`` is 2), 3 internal error: any other
exception is a bug, reported in one line (the traceback with ``--debug`` or
``SCHOLARKG_DEBUG=1``). Heavy modules (pyoxigraph, pyshacl, rdflib) are imported only by the
commands that need them, so ``scholarkg --help`` starts fast.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .cli_progress import ProgressBar
from .errors import ScholarKGError
from .readers import SourceFormat

MAX_WARNINGS = 20  # printed; report.json lists them all
INPUTS_HELP = (
    "Input files or folders (read recursively): profile pages (.txt), BibTeX (.bib), CSL-JSON "
    "or scholarkg records (.json), records (.jsonl)."
)
FORMAT_HELP = "Read every input as this format instead of telling it from the suffix."

EXIT_HELP = (
    "Exit codes: 0 ok or conformant; 1 the graph breaks a rule; 2 usage or bad input "
    "(the message names the file and line); 3 internal error (a bug: please report it; "
    "--debug or SCHOLARKG_DEBUG=1 shows the traceback)."
)

app = typer.Typer(
    name="scholarkg",
    help="Turn scraped researcher profile pages into one validated knowledge graph "
    "(schema.org + FOAF, SHACL-checked, in an embedded Oxigraph store). " + EXIT_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

OutOpt = Annotated[
    Path, typer.Option("--out", "-o", help="Build folder (DIR/store is the Oxigraph store).")
]


# The choices of the options, as enums so that --help and shell completion list them.
# tests/test_cli.py checks that they are the library's own lists.
class CheckFormat(StrEnum):
    text = "text"
    json = "json"


class Engine(StrEnum):
    fast = "fast"
    pyshacl = "pyshacl"


class ExportFormat(StrEnum):
    turtle = "turtle"
    jsonld = "jsonld"
    ntriples = "ntriples"
    nquads = "nquads"


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class CoauthorsFormat(StrEnum):
    table = "table"
    json = "json"


_debug = False
REPORT_BUG = "this is a bug in scholarkg {version}: please report it with the command you ran"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"scholarkg {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_show_version, is_eager=True
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", envvar="SCHOLARKG_DEBUG", help="Show the traceback of an internal error."
        ),
    ] = False,
) -> None:
    global _debug
    _debug = debug


def _fail(exc: ScholarKGError) -> typer.Exit:
    if exc.exit_code == 3:
        return _internal(exc, str(exc))
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


def _internal(exc: BaseException, what: str) -> typer.Exit:
    """A bug, not the user's fault: one line (the traceback too with --debug), exit code 3."""
    if _debug:
        traceback.print_exception(exc, file=sys.stderr)
    first = what.splitlines()[0] if what.strip() else type(exc).__name__
    hint = "" if _debug else " (--debug shows the traceback)"
    typer.echo(
        f"error: internal error: {first}; {REPORT_BUG.format(version=__version__)}{hint}",
        err=True,
    )
    return typer.Exit(3)


F = TypeVar("F", bound=Callable[..., None])


def command(fn: F) -> F:
    """A command of the app whose errors become exit codes: typed errors their own, others 3."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except typer.Exit:
            raise
        except ScholarKGError as exc:
            raise _fail(exc) from None
        except Exception as exc:
            raise _internal(exc, f"{type(exc).__name__}: {exc}") from None

    app.command()(run)
    return fn


def _print_warnings(warnings: tuple[str, ...], report: Path) -> None:
    """Local faults read around, on stderr: the first MAX_WARNINGS, then how many more."""
    for w in warnings[:MAX_WARNINGS]:
        typer.echo(f"warning: {w}", err=True)
    if len(warnings) > MAX_WARNINGS:
        more = len(warnings) - MAX_WARNINGS
        typer.echo(f"warning: … and {more} more (all in {report})", err=True)


@command
def build(
    inputs: Annotated[list[Path], typer.Argument(help=INPUTS_HELP)],
    out: OutOpt = Path("out"),
    config: Annotated[
        Path | None,
        typer.Option(help="A scholarkg.toml (base IRI, institute, [curation]); default: beside."),
    ] = None,
    base: Annotated[str | None, typer.Option(help="Base IRI for minted nodes (ends in /).")] = None,
    institute_name: Annotated[str | None, typer.Option(help="Institute's name.")] = None,
    institute_iri: Annotated[str | None, typer.Option(help="Institute's IRI.")] = None,
    check: Annotated[bool, typer.Option(help="Validate the graph with the SHACL shapes.")] = True,
    input_format: Annotated[SourceFormat | None, typer.Option("--format", help=FORMAT_HELP)] = None,
    curation: Annotated[
        Path | None,
        typer.Option(help="A curation TOML: one person, different people, one paper, topics."),
    ] = None,
) -> None:
    """Build the graph from profile pages, BibTeX, CSL-JSON and JSON records into --out; print
    what was read, merged and rejected, and warn of local faults read around."""
    from dataclasses import replace

    from .config import find_config, load_config
    from .pipeline import build as run_build

    bar = ProgressBar()
    try:
        if config is None and (config := find_config(inputs)) is not None:
            typer.echo(f"config: {config} (beside the inputs)", err=True)
        cfg = load_config(config)
        overrides: dict[str, Any] = {
            k: v
            for k, v in (
                ("base", base),
                ("institute_name", institute_name),
                ("institute_iri", institute_iri),
            )
            if v is not None
        }
        cfg = replace(cfg, **overrides)
        result = run_build(
            inputs, out, cfg, check=check, progress=bar, format=input_format, curation=curation
        )
    finally:
        bar.stop()
    _print_warnings(result.warnings, result.report_path)
    typer.echo(
        f"read {result.files} file(s): {result.listings} listings, {result.author_lines} "
        f"author lines{f', {result.editor_lines} editor lines' if result.editor_lines else ''}"
        f"\ngraph: {result.works} papers ({result.listings - result.works} listings "
        f"merged), {result.people} people, {result.triples} triples; {result.rejected} rejected"
    )
    if result.conforms is not None:
        status = "conforms" if result.conforms else f"{result.violations} violation(s)"
        typer.echo(f"check: {status}")
    typer.echo(f"wrote {out / 'store'} and {result.report_path}")
    if result.conforms is False:
        raise typer.Exit(1)


@command
def check(
    file: Annotated[
        Path | None, typer.Argument(help="An RDF file to check instead of the build.")
    ] = None,
    out: OutOpt = Path("out"),
    fmt: Annotated[CheckFormat, typer.Option("--format", help="Findings as text or JSON.")] = (
        CheckFormat.text
    ),
    rdf_format: Annotated[
        str | None, typer.Option(help="Syntax of FILE when its extension does not tell.")
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(help="fast (the shapes as SPARQL in Oxigraph) or pyshacl; same findings."),
    ] = Engine.fast,
) -> None:
    """Validate the built graph (or an RDF file) with the SHACL shapes; exit 1 if it breaks one."""
    from .store import open_build
    from .validate import validate_file, validate_store

    report = (
        validate_file(file, rdf_format, engine=engine.value)
        if file
        else validate_store(open_build(out), engine=engine.value)
    )
    typer.echo(report.to_json() if fmt is CheckFormat.json else report.to_text())
    raise typer.Exit(0 if report.conforms else 1)


SplitOpt = Annotated[
    float | None,
    typer.Option(
        "--split-mb",
        help="With --format nquads or ntriples and --output F.nq: files F-00001.nq, … "
        "of at most N MB each, each loadable alone (for bulk loaders).",
    ),
]


@command
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="RDF syntax.")] = (
        ExportFormat.turtle
    ),
    output: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
    person: Annotated[
        str | None,
        typer.Option(help="Only this person's page block (JSON-LD): a name or IRI."),
    ] = None,
    paper: Annotated[
        str | None, typer.Option(help="Only this paper's page block (JSON-LD): a title or IRI.")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option(help="Where the site is published (for url and @id).")
    ] = None,
    split_mb: SplitOpt = None,
    out: OutOpt = Path("out"),
) -> None:
    """Export the built graph; the same input always gives the same bytes.

    With --person or --paper (and --format jsonld): one paste-ready schema.org block for that
    person's profile page or that paper's page, as `scholarkg site` embeds it.
    """
    from .export import export as run_export
    from .pipeline import build_config
    from .store import open_build
    from .vocab import Minter

    if person is not None or paper is not None:
        _export_block(fmt, output, person, paper, base_url, out)
        return
    if split_mb is not None:
        _export_split(fmt.value, output, split_mb, out)
        return
    store = open_build(out)
    prefixes = Minter(build_config(out).base).prefixes()
    if output is None:
        try:
            run_export(store, fmt.value, sys.stdout.buffer, prefixes)
            sys.stdout.flush()
        except BrokenPipeError:  # `scholarkg export | head` is fine
            sys.stderr.close()
        return
    tmp = output.with_name(output.name + ".part")
    try:
        try:
            with tmp.open("wb") as fh:
                n = run_export(store, fmt.value, fh, prefixes)
            tmp.replace(output)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {n} triples to {output}", err=True)


def _export_block(
    fmt: ExportFormat,
    output: Path | None,
    person: str | None,
    paper: str | None,
    base_url: str | None,
    out: Path,
) -> None:
    from .pipeline import build_config
    from .store import open_build
    from .web import dumps, paper_jsonld, person_jsonld

    if fmt is not ExportFormat.jsonld or (person is not None and paper is not None):
        typer.echo("error: --person and --paper go with --format jsonld, one at a time", err=True)
        raise typer.Exit(2)
    store, base = open_build(out), build_config(out).base
    if person is not None:
        _, doc = person_jsonld(store, person, base, base_url)
    else:
        _, doc = paper_jsonld(store, paper or "", base, base_url)
    text = dumps(doc) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote the block to {output}", err=True)


@command
def site(
    out: OutOpt = Path("out"),
    dest: Annotated[
        Path | None, typer.Option(help="Write the site here instead of DIR/site.")
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(help="Where the site will be published; default: the graph's base IRI."),
    ] = None,
) -> None:
    """Write a static site of the build: members, papers, JSON-LD and citation tags."""
    from .web import site_from_build

    try:
        result = site_from_build(out, dest, base_url)
    except OSError as exc:
        typer.echo(f"error: cannot write the site: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(
        f"wrote {result.files} files to {result.path}: {result.members} members, "
        f"{result.people} people, {result.papers} papers; published at {result.base_url}"
    )
    if result.unfilled:
        typer.echo("fields Google reads that the data cannot fill:")
    for kind in dict.fromkeys(s.type for s in result.unfilled):
        rows = [s for s in result.unfilled if s.type == kind]
        every = [s.field for s in rows if s.missing == s.total]
        some = [f"{s.field} ({s.missing} of {s.total})" for s in rows if s.missing < s.total]
        total = f" (all {rows[0].total})" if every else ""
        typer.echo(f"  {kind}: " + "; ".join(x for x in (", ".join(every) + total, *some) if x))


def _export_split(fmt: str, output: Path | None, split_mb: float, out: Path) -> None:
    from .export import export_split
    from .store import open_build

    if output is None:
        typer.echo("error: --split-mb needs --output (the files are named after it)", err=True)
        raise typer.Exit(2)
    try:
        files = export_split(open_build(out), fmt, output, int(split_mb * 2**20))
    except OSError as exc:
        typer.echo(f"error: {output}: cannot write: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    total = sum(n for _, n in files)
    names = f"{files[0][0]} … {files[-1][0]}" if len(files) > 1 else str(files[0][0])
    typer.echo(f"wrote {total} triples to {len(files)} file(s): {names}", err=True)


@command
def serve(
    out: OutOpt = Path("out"),
    bind: Annotated[
        str,
        typer.Option(help="HOST:PORT to listen on; anything but loopback is reachable by others."),
    ] = "127.0.0.1:7878",
) -> None:
    """Serve the build as a read-only SPARQL 1.1 endpoint (the Oxigraph server) until Ctrl-C."""
    import os

    from .publish.serve import server

    srv = server(out, bind)
    if not srv.loopback:
        typer.echo(
            f"note: binding to {srv.host}, not loopback: other machines can query this endpoint",
            err=True,
        )
    typer.echo(
        f"serving {out / 'store'} read-only: SPARQL at {srv.query_url}, graph store reads at "
        f"{srv.url}/store; Ctrl-C stops",
        err=True,
    )
    sys.stderr.flush()
    sys.stdout.flush()
    # the server takes this process's place: Ctrl-C and SIGTERM reach it, nothing is orphaned
    os.execv(srv.argv[0], list(srv.argv))


@command
def push(
    endpoint: Annotated[
        str, typer.Option(help="The store's SPARQL query URL (answers COUNT and the sample).")
    ],
    graph: Annotated[
        str | None, typer.Option(help="The named graph to replace; default: BASE + 'graph'.")
    ] = None,
    update: Annotated[
        str | None, typer.Option(help="SPARQL Update URL, if not the --endpoint.")
    ] = None,
    graph_store: Annotated[
        str | None,
        typer.Option(help="Graph Store Protocol URL; without it, chunks go as SPARQL Update."),
    ] = None,
    chunk_mb: Annotated[float, typer.Option(help="Largest request, in MB of N-Triples.")] = 4.0,
    retries: Annotated[int, typer.Option(help="Tries after the first on 5xx/no answer.")] = 4,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be sent; send nothing.")
    ] = False,
    out: OutOpt = Path("out"),
) -> None:
    """Replace a named graph in a remote SPARQL store with the build, whole or not at all; it
    goes into a staging graph, swapped in (MOVE) only when all of it arrived. Credentials:
    $SCHOLARKG_PUSH_USER and $SCHOLARKG_PUSH_PASSWORD, or a netrc entry for the host (never
    options: they would show in process lists)."""
    from .pipeline import build_config
    from .publish.push import Target, plan
    from .publish.push import push as run_push
    from .store import open_build

    store = open_build(out)
    iri = graph or build_config(out).base + "graph"
    target = Target(endpoint, update or endpoint, graph_store)
    chunk_bytes = int(chunk_mb * 2**20)
    if dry_run:
        p = plan(store, target, iri, chunk_bytes)
        typer.echo(
            f"would replace <{p.graph}> with {p.triples} triples: {p.chunks} chunk(s), "
            f"{p.bytes / 2**20:.1f} MB by {p.protocol}, into <{p.staging}> then MOVE"
        )
        return
    bar = ProgressBar()
    try:
        result = run_push(
            store, target, iri, chunk_bytes=chunk_bytes, progress=bar, retries=retries
        )
    finally:
        bar.stop()
    typer.echo(result.to_text())


@command
def query(
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL query.")] = None,
    file: Annotated[Path | None, typer.Option(help="Read the query from this file.")] = None,
    fmt: Annotated[
        ResultFormat, typer.Option("--format", help="A table, or W3C CSV, TSV or JSON results.")
    ] = ResultFormat.table,
    out: OutOpt = Path("out"),
) -> None:
    """Run a SPARQL query on the build; print a table or W3C CSV/TSV/JSON results."""
    from .query import run_query
    from .store import open_build

    if (sparql is None) == (file is None):
        typer.echo("error: give a query as an argument or with --file, not both", err=True)
        raise typer.Exit(2)
    try:
        text = sparql if sparql is not None else file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    except OSError as exc:
        typer.echo(f"error: {file}: cannot read: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    result = run_query(open_build(out), text, fmt.value)
    if result.serialized:
        sys.stdout.buffer.write(result.serialized)
        if not result.serialized.endswith(b"\n"):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
        return
    if result.kind == "ask":
        typer.echo("true" if result.boolean else "false")
        return
    typer.echo(_table(result.variables, result.rows))


def _table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> str:
    widths = [len(h) for h in header]
    for r in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, r, strict=True)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()
    sep = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([line, sep, *body, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


@command
def coauthors(
    name: Annotated[str, typer.Argument(help="A person's name, any spelling the graph knows.")],
    topic: Annotated[str | None, typer.Option(help="Only papers tagged with this topic.")] = None,
    fmt: Annotated[CoauthorsFormat, typer.Option("--format", help="A table or JSON.")] = (
        CoauthorsFormat.table
    ),
    out: OutOpt = Path("out"),
) -> None:
    """List NAME's coauthors (on --topic) with the number of papers they share."""
    from .query import coauthors as find_coauthors
    from .store import open_build

    answer = find_coauthors(open_build(out), name, topic)
    if fmt is CoauthorsFormat.json:
        import json

        typer.echo(
            json.dumps(
                {
                    "person": answer.person,
                    "person_iri": answer.person_iri,
                    "topic": answer.topic,
                    "topic_iri": answer.topic_iri,
                    "coauthors": [
                        {"name": c.name, "iri": c.iri, "shared_papers": c.shared_papers}
                        for c in answer.coauthors
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    about = f" on {answer.topic}" if answer.topic else ""
    typer.echo(f"coauthors of {answer.person}{about}:")
    typer.echo(
        _table(
            ("coauthor", "shared papers"),
            tuple((c.name, str(c.shared_papers)) for c in answer.coauthors),
        )
    )


def main() -> None:
    app()


@command
def explain(
    query: Annotated[
        str, typer.Argument(help="A person's name, a paper's title, a node key or an IRI.")
    ],
    out: OutOpt = Path("out"),
) -> None:
    """Show the records merged into a person or paper, why they joined, and near misses."""
    from .explain import explain as run_explain

    for i, found in enumerate(run_explain(query, out)):
        if i:
            typer.echo("")
        typer.echo(found.to_text())
