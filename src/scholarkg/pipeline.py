"""The build: read → clean → resolve → tag → map → store (→ validate), into a build folder.

A build folder ``DIR`` holds ``DIR/store`` (the Oxigraph store) and ``DIR/report.json`` (what
happened to every input record). Everything is first written into a temporary folder inside
``DIR`` and moved into place only when the build has succeeded: a failed build leaves the
previous one as it was, and never a half-written one.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .clean import clean_sources
from .config import Config, config_from_mapping, config_to_mapping
from .curate import Curation, CurationNote, curate, load_curation
from .errors import AccountingError, ConfigError, InputError, UsageError
from .joins import EVIDENCE_NAME, evidence_records, write_evidence
from .map import to_ntriples
from .readers import Source, SourceFormat, expand_inputs, read_source
from .records import Bibliography, CleanProfile, Profile, Resolution
from .resolve import resolve
from .rules import RULES_VERSION
from .store import STORE_DIRNAME, create_store, open_build
from .tag import tag_works
from .vocab import Minter

REPORT_NAME = "report.json"
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class BuildResult:
    out_dir: Path
    files: int
    listings: int
    author_lines: int
    people: int
    works: int
    rejected: int
    triples: int
    conforms: bool | None
    violations: int
    timings: dict[str, float] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # local faults read around: "file:line: what was done"
    editor_lines: int = 0  # BibTeX and CSL editors: people as schema:editor, never authors

    @property
    def report_path(self) -> Path:
        return self.out_dir / REPORT_NAME


class _Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path = "out",
    config: Config | None = None,
    check: bool = True,
    progress: Progress | None = None,
    format: str | SourceFormat | None = None,
    curation: str | Path | None = None,
) -> BuildResult:
    """Build the graph from input files or folders into ``out_dir``: profile pages, BibTeX,
    CSL-JSON and JSON records, each format told by its suffix unless ``format`` says.

    ``curation`` names a curation file (:mod:`scholarkg.curate`), applied after every automatic
    rule and after the ``[curation]`` of ``config`` (both apply, in that order); entries that
    match nothing are returned as warnings."""
    config = config or Config()
    out = Path(out_dir)
    timer = _Timer()
    # the [curation] of scholarkg.toml first, then the file named: both apply, in that order
    cur = [c for c in (config.curation,) if c is not None]
    cur += [load_curation(curation)] if curation is not None else []
    files, profiles, resolution, cleaned = _read_and_resolve(inputs, timer, progress, format)
    _check_accounting(profiles, resolution)
    warnings = tuple(
        str(pr) for p in profiles if isinstance(p, Bibliography) for pr in p.problems if pr.warning
    )

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out))
    try:
        # the evidence goes to its file as it is made, and the cleaned records go with it
        resolution, curation_warnings = _curate(resolution, cur, cleaned, timer, tmp)
        warnings += curation_warnings
        del cleaned
        with timer.stage("map"):
            chunks = _write_ntriples(resolution, config, tmp)
        counts = _counts(files, profiles, resolution)
        report_doc = _report(files, profiles, resolution, config)
        # the records are in the files and the report now: free them before the store loads
        del profiles, resolution
        gc.collect()
        triples = _load(tmp, chunks, timer, progress)
        checked = _check(tmp, timer) if check else _Checked(None, 0, [])
        result = BuildResult(
            out_dir=out,
            triples=triples,
            conforms=checked.conforms,
            violations=checked.violations,
            timings=dict(timer.timings),
            warnings=warnings,
            **counts,
        )
        _finish_report(report_doc, result, checked.findings)
        _write_report(tmp / REPORT_NAME, report_doc)
        _install(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return result


def _curate(
    resolution: Resolution,
    cur: list[Curation],
    cleaned: list[CleanProfile],
    timer: _Timer,
    folder: Path,
) -> tuple[Resolution, tuple[str, ...]]:
    """Apply the curations after every automatic rule, in order; write the evidence of every
    join into ``folder``."""
    notes: tuple[CurationNote, ...] = ()
    warnings: tuple[str, ...] = ()
    for c in cur:
        with timer.stage("curate"):
            curated = curate(resolution, c, cleaned)
            resolution = curated.resolution
            notes, warnings = notes + curated.notes, warnings + curated.warnings
    write_evidence(folder / EVIDENCE_NAME, evidence_records(cleaned, resolution, notes))
    return resolution, warnings


def _read_and_resolve(
    inputs: Iterable[str | Path],
    timer: _Timer,
    progress: Progress | None,
    format: str | SourceFormat | None = None,
) -> tuple[list[Path], list[Source], Resolution, list[CleanProfile]]:
    """Read every input, clean, resolve and tag: the files, what each held, the resolution."""
    with timer.stage("read"):
        files = expand_inputs(inputs, format)
        profiles: list[Source] = []
        for i, f in enumerate(files, start=1):
            profiles.append(read_source(f, format))
            if progress:
                progress("read", i, len(files))
        from .readers.page import reread_with_known

        profiles = reread_with_known(profiles)
    with timer.stage("clean"):
        cleaned = clean_sources(profiles)
        release_caches()  # reading's and cleaning's memos: resolution makes its own
    with timer.stage("resolve"):
        resolution = tag_works(resolve(cleaned, progress=progress), cleaned)
        release_caches()
    return files, profiles, resolution, cleaned


def _counts(files: list[Path], profiles: list[Source], resolution: Resolution) -> dict[str, int]:
    return {
        "files": len(files),
        "listings": sum(len(p.listings) for p in profiles),
        "author_lines": sum(len(li.authors) for p in profiles for li in p.listings),
        "editor_lines": sum(len(li.editors) for p in profiles for li in p.listings),
        "people": len(resolution.people),
        "works": len(resolution.works),
        "rejected": len(resolution.rejections),
    }


def _load(tmp: Path, chunks: list[Path], timer: _Timer, progress: Progress | None) -> int:
    """Bulk-load the N-Triples chunks into a new store in ``tmp``; the number of triples."""
    if progress:
        progress("load", 0, len(chunks))
    with timer.stage("load"):
        triples = create_store(tmp / STORE_DIRNAME, chunks)
    for chunk in chunks:
        chunk.unlink()
    if progress:
        progress("load", len(chunks), len(chunks))
    return triples


@dataclass(frozen=True, slots=True)
class _Checked:
    conforms: bool | None
    violations: int
    findings: list[dict[str, Any]]


def _check(tmp: Path, timer: _Timer) -> _Checked:
    """Validate the new store against the shapes."""
    from .validate import validate_store

    with timer.stage("check"):
        store = open_build(tmp)
        report = validate_store(store)
        del store
        gc.collect()
    findings = json.loads(report.to_json()).get("findings", [])
    return _Checked(report.conforms, len(report.findings), findings)


def _write_report(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(
        json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def release_caches() -> None:
    """Empty the memo caches of reading, cleaning and resolving (hundreds of MB at scale)."""
    from . import clean, names, tag, text
    from .readers import namelines, page

    for module in (clean, namelines, names, page, tag, text):
        for obj in vars(module).values():
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()
    gc.collect()


# bulk-loading in chunks keeps Oxigraph's memory flat; what a chunk adds to the peak, loading
# the 2.5M triples of 10^5 listings: 500k +425 MB (CPU 21.7 s), 200k +163 MB (24.7 s), 100k +80 MB
CHUNK_TRIPLES = 200_000


def _write_ntriples(resolution: Resolution, config: Config, folder: Path) -> list[Path]:
    """Write the graph as N-Triples files of at most CHUNK_TRIPLES lines each."""
    chunks: list[Path] = []
    buf: list[str] = []
    written = 0
    fh = None
    try:
        for line in to_ntriples(resolution, config):
            if fh is None or written >= CHUNK_TRIPLES:
                if fh is not None:
                    fh.write("".join(buf))
                    buf.clear()
                    fh.close()
                chunks.append(folder / f"graph-{len(chunks):04d}.nt")
                fh = chunks[-1].open("w", encoding="utf-8")
                written = 0
            buf.append(line)
            written += 1
            if len(buf) >= 50_000:
                fh.write("".join(buf))
                buf.clear()
        if fh is not None:
            fh.write("".join(buf))
    finally:
        if fh is not None:
            fh.close()
    return chunks


def _install(tmp: Path, out: Path) -> None:
    """Move the finished build into place, replacing the previous one."""
    old = Path(tempfile.mkdtemp(prefix=".old-", dir=out))
    for name in (STORE_DIRNAME, REPORT_NAME, EVIDENCE_NAME):
        if (out / name).exists():
            os.replace(out / name, old / name)
    for name in (STORE_DIRNAME, REPORT_NAME, EVIDENCE_NAME):
        os.replace(tmp / name, out / name)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)


def _check_accounting(profiles: list[Source], resolution: Resolution) -> None:
    missing: list[str] = []
    rejected = {r.source for r in resolution.rejections}
    for p in profiles:
        if isinstance(p, Profile) and p.name_source not in resolution.mention_to_person:
            missing.append(str(p.name_source))
        if isinstance(p, Bibliography):
            missing.extend(
                str(pr.source) for pr in p.people if pr.source not in resolution.mention_to_person
            )
        for li in p.listings:
            if li.source not in resolution.listing_to_work:
                missing.append(str(li.source))
            for a in (*li.authors, *li.editors):
                if a.organization:
                    continue  # a corporate author: on the work as schema:creator
                if a.source not in resolution.mention_to_person and a.source not in rejected:
                    missing.append(str(a.source))
    if missing:
        raise AccountingError(
            f"{len(missing)} input record(s) were neither merged nor rejected, e.g. {missing[0]}",
            "this is a bug in scholarkg; please report it with the input",
        )


def _report(
    files: list[Path], profiles: list[Source], resolution: Resolution, config: Config
) -> dict[str, Any]:
    mint = Minter(config.base)
    per_file: list[dict[str, Any]] = []
    organizations: dict[str, str] = {}
    problems: list[dict[str, Any]] = []
    for f, p in zip(files, profiles, strict=True):
        per_file.append(_file_report(f, p))
        if isinstance(p, Profile):
            continue
        for li in p.listings:
            for a in li.authors:
                if a.organization:
                    organizations[str(a.source)] = a.text
        problems.extend(
            {
                "source": str(pr.source),
                "message": pr.message,
                "kind": "warning" if pr.warning else "note",
            }
            for pr in p.problems
        )
    return {
        "config": config_to_mapping(config),
        "rules_version": RULES_VERSION,
        "inputs": per_file,
        "listings": {str(k): mint.work(v) for k, v in sorted(resolution.listing_to_work.items())},
        "mentions": {
            str(k): mint.person(v) for k, v in sorted(resolution.mention_to_person.items())
        },
        "rejected": [
            {"source": str(r.source), "text": r.text, "reason": r.reason}
            for r in resolution.rejections
        ],
        # corporate authors (as printed): on their works as schema:creator, not people
        "organization_authors": dict(sorted(organizations.items())),
        # local faults read around (warnings) and entries that are not works (notes)
        "problems": problems,
        "profiles": len(profiles),
    }


def _file_report(f: Path, p: Source) -> dict[str, Any]:
    """What one input file held (report.json's ``inputs``)."""
    counts = {
        "path": str(f),
        "listings": len(p.listings),
        "author_lines": sum(len(li.authors) for li in p.listings),
    }
    if isinstance(p, Profile):
        return {**counts, "owner": p.name, "topics": len(p.topics)}
    return {
        **counts,
        "format": p.format,
        "editor_lines": sum(len(li.editors) for li in p.listings),
        "people": len(p.people),
        "skipped": p.skipped,
        "warnings": sum(1 for pr in p.problems if pr.warning),
    }


def _finish_report(
    doc: dict[str, Any], result: BuildResult, findings: list[dict[str, Any]]
) -> None:
    doc["summary"] = {
        "files": result.files,
        "listings_read": result.listings,
        "author_lines_read": result.author_lines,
        "editor_lines_read": result.editor_lines,
        "profiles": doc.pop("profiles"),
        "works": result.works,
        "listings_merged_into_other_listings": result.listings - result.works,
        "people": result.people,
        "rejected": result.rejected,
        "triples": result.triples,
    }
    doc["check"] = {
        "conforms": result.conforms,
        "violations": result.violations,
        "findings": findings[:1000],
    }
    doc["timings_seconds"] = {k: round(v, 4) for k, v in result.timings.items()}


_REBUILD = "rebuild it: `scholarkg build PAGES… --out DIR`"


def load_report(out_dir: str | Path) -> dict[str, Any]:
    """The ``report.json`` of the build in ``out_dir``.

    Raises :class:`UsageError` when there is no build, :class:`InputError` (file, line, what is
    wrong, how to fix it) when the report is not a JSON object.
    """
    path = Path(out_dir) / REPORT_NAME
    if not path.is_file():
        raise UsageError(
            f"no build in {out_dir}: {path} does not exist",
            "run `scholarkg build PAGES… --out DIR` first",
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(
            str(path), exc.lineno, f"build report is not valid JSON ({exc.msg})", _REBUILD
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), None, f"cannot read the build report: {exc}", _REBUILD) from exc
    if not isinstance(data, dict):
        raise InputError(
            str(path),
            None,
            f"build report is not a JSON object but {type(data).__name__}",
            _REBUILD,
        )
    return data


def build_config(out_dir: str | Path) -> Config:
    """The configuration a build was made with (for prefixes and IRIs)."""
    path = Path(out_dir) / REPORT_NAME
    settings = load_report(out_dir).get("config", {})
    if not isinstance(settings, dict):
        raise InputError(str(path), None, "build report's 'config' is not an object", _REBUILD)
    try:
        return config_from_mapping(settings, str(path))
    except ConfigError as exc:
        raise InputError(str(path), None, f"build report's config: {exc.detail}", _REBUILD) from exc
