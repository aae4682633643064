"""Readers: every kind of source file into the typed records the pipeline consumes.

===========  ==========  ======================================================
format       suffixes    reader
===========  ==========  ======================================================
``page``     ``.txt``    :func:`.page.read_page`   → :class:`Profile`
``bibtex``   ``.bib``    :func:`.bibtex.read_bibtex` → :class:`Bibliography`
``csl``      ``.json``   :func:`.csl.read_csl` (CSL-JSON) → :class:`Bibliography`
``records``  ``.jsonl``  :func:`.jsonrec.read_records` → :class:`Bibliography`
===========  ==========  ======================================================

A ``.json`` file is CSL-JSON or scholarkg records: told apart by content (records carry a
``record`` key). ``format=`` overrides the suffix for files named and picks, in folders, the
files of that format's suffixes. Folders are read recursively.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from ..errors import InputError, UsageError
from ..records import Bibliography, Problem, Profile


class SourceFormat(StrEnum):
    page = "page"
    bibtex = "bibtex"
    csl = "csl"
    records = "records"


SUFFIXES: dict[str, tuple[SourceFormat, ...]] = {
    ".txt": (SourceFormat.page,),
    ".bib": (SourceFormat.bibtex,),
    ".json": (SourceFormat.csl, SourceFormat.records),
    ".jsonl": (SourceFormat.records,),
}

Source = Profile | Bibliography


def _format(value: str | SourceFormat | None) -> SourceFormat | None:
    if value is None or isinstance(value, SourceFormat):
        return value
    try:
        return SourceFormat(value)
    except ValueError:
        known = ", ".join(f.value for f in SourceFormat)
        raise UsageError(f"unknown input format {value!r}", f"use one of {known}") from None


def expand_inputs(
    inputs: Iterable[str | Path], format: str | SourceFormat | None = None
) -> list[Path]:
    """Files named, and the readable files in folders named (recursively), sorted and unique."""
    fmt = _format(format)
    suffixes = {s for s, fs in SUFFIXES.items() if fmt is None or fmt in fs}
    files: set[Path] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes]
            if not found:
                kinds = ", ".join(f"*{s}" for s in sorted(suffixes))
                raise InputError(
                    str(p),
                    None,
                    f"the folder holds no input files ({kinds})",
                    "name the files, or a folder that holds them",
                )
            files.update(found)
        elif p.is_file():
            if fmt is None and p.suffix.lower() not in SUFFIXES:
                raise InputError(
                    str(p),
                    None,
                    f"cannot tell the format from the suffix {p.suffix or '(none)'!r}",
                    "use .txt (profile page), .bib, .json (CSL-JSON or records) or .jsonl, "
                    "or say --format page|bibtex|csl|records",
                )
            files.add(p)
        elif p.exists():
            raise InputError(str(p), None, "not a regular file", "name a file or a folder")
        else:
            raise InputError(str(p), None, "no such file or folder", "check the path")
    return sorted(files, key=lambda f: str(f))


def read_source(path: str | Path, format: str | SourceFormat | None = None) -> Source:
    """Read one file in the format its suffix (or ``format``) says."""
    from .bibtex import read_bibtex
    from .common import read_text
    from .csl import csl_items
    from .jsonrec import is_records, read_records, records_from_items, unwrap
    from .jsontext import parse_json_items
    from .page import read_page

    p = Path(path)
    fmt = _format(format)
    suffix = p.suffix.lower()
    if fmt is None:
        fmt = SUFFIXES.get(suffix, (SourceFormat.page,))[0]
        if suffix == ".json":
            problems: list[Problem] = []
            items, is_array = parse_json_items(read_text(p), str(p), problems)
            inner = unwrap(items, is_array)
            if inner is not None or is_records(items):
                return records_from_items(str(p), inner or items, problems)
            return csl_items(str(p), items, problems)
    if fmt is SourceFormat.page:
        return read_page(p)
    if fmt is SourceFormat.bibtex:
        return read_bibtex(p)
    if fmt is SourceFormat.records:
        return read_records(p)
    problems = []
    items, _ = parse_json_items(read_text(p), str(p), problems)
    return csl_items(str(p), items, problems)


def read_sources(
    inputs: Iterable[str | Path], format: str | SourceFormat | None = None
) -> list[Source]:
    """Every file named or found in folders, read; the first unreadable file is an error."""
    return [read_source(f, format) for f in expand_inputs(inputs, format)]
