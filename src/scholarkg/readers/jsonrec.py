"""Read scholarkg's own JSON / JSON Lines records: people (ORCID, roles, topics) and works (ids,
ordered authors). The schema is ``schemas/records.schema.json`` (shipped in the wheel as
``scholarkg/schemas/``); each record is validated against it with :mod:`jsonschema`.

A record that breaks the schema is a :class:`~scholarkg.records.Problem` naming the file, the
line, the record (its number and id) and the field; the other records are read. A work names
its authors inline (``{"name": …, "orcid": …}``) or by a person record's id (``{"person": …}``).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ids import normalize_arxiv, normalize_doi, normalize_orcid, split_arxiv
from ..records import (
    Bibliography,
    PersonName,
    PersonRecord,
    Problem,
    RawAuthor,
    RawListing,
    SourceRef,
    WorkMeta,
)
from .common import read_text
from .jsontext import Item, parse_json_items, parse_json_lines

SCHEMA_FILE = "records.schema.json"


def schema_file() -> Traversable:
    """The records schema: in the installed package, else the repository's ``schemas/``."""
    try:
        packaged = resources.files("scholarkg").joinpath("schemas", SCHEMA_FILE)
        if packaged.is_file():
            return packaged
    except (ModuleNotFoundError, OSError, TypeError):  # pragma: no cover - odd loaders
        pass
    return Path(__file__).resolve().parents[3] / "schemas" / SCHEMA_FILE


@functools.cache
def records_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_file().read_text(encoding="utf-8"))
    return schema


@functools.cache
def _validator(kind: str) -> Any:
    import jsonschema

    schema = records_schema()
    sub = {**schema["$defs"][kind], "$defs": schema["$defs"]}
    return jsonschema.Draft202012Validator(sub)


def is_records(items: list[Item]) -> bool:
    """Whether JSON items are scholarkg records (each has a ``record`` key) rather than CSL."""
    return bool(items) and all(
        isinstance(i.value, dict) and "record" in i.value for i in items[: min(len(items), 20)]
    )


def unwrap(items: list[Item], is_array: bool) -> list[Item] | None:
    """``{"records": [...]}`` → its records (lines unknown inside: the object's line)."""
    if is_array or len(items) != 1 or not isinstance(items[0].value, dict):
        return None
    inner = items[0].value.get("records")
    if not isinstance(inner, list):
        return None
    return [Item(v, items[0].line) for v in inner]


def read_records(path: str | Path, items: list[Item] | None = None) -> Bibliography:
    """Read a ``.jsonl`` (one record a line) or ``.json`` (an array of records) file."""
    p = Path(path)
    problems: list[Problem] = []
    if items is None:
        text = read_text(p)
        if p.suffix.lower() == ".jsonl":
            items = parse_json_lines(text, str(p), problems)
        else:
            items, is_array = parse_json_items(text, str(p), problems)
            items = unwrap(items, is_array) or items
    return records_from_items(str(p), items, problems)


def _where(item: Item, n: int) -> str:
    ident = item.value.get("id") if isinstance(item.value, dict) else None
    return f"record {n}" + (f" (id {ident!r})" if isinstance(ident, str) else "")


def _check(item: Item, n: int) -> str | None:
    """Why a record breaks the schema (naming the record and field), or None."""
    from jsonschema.exceptions import best_match

    v = item.value
    if not isinstance(v, dict):
        return f"{_where(item, n)} is not a JSON object"
    kind = v.get("record")
    if kind not in ("person", "work"):
        return f'{_where(item, n)}: field \'record\' must be "person" or "work", not {kind!r}'
    err = best_match(_validator(kind).iter_errors(v))
    if err is None:
        named = [("orcid", v)] if kind == "person" else []
        named += [(f"authors/{i}/orcid", a) for i, a in enumerate(v.get("authors", []))]
        for field, holder in named:
            orcid = holder.get("orcid")
            if orcid and not normalize_orcid(orcid):
                return f"{_where(item, n)}: field {field!r}: {orcid!r} has a wrong check digit"
        return None
    field = "/".join(str(x) for x in err.absolute_path) or "(the record)"
    return f"{_where(item, n)}: field {field!r}: {err.message}"


def records_from_items(path: str, items: list[Item], problems: list[Problem]) -> Bibliography:
    valid: list[tuple[int, Item]] = []
    skipped = 0
    for n, item in enumerate(items, start=1):
        why = _check(item, n)
        if why:
            problems.append(Problem(SourceRef(path, item.line), f"{why}; the record is skipped"))
            skipped += 1
        else:
            valid.append((n, item))
    if items and not valid:
        first = problems[0] if problems else None
        raise InputError(
            path,
            first.source.line if first else None,
            f"no record could be read: {first.message if first else 'none valid'}",
            "records follow schemas/records.schema.json: see the README",
        )
    people = _people(path, [item for _n, item in valid], problems)
    skipped += sum(1 for pr in problems if "is used twice" in pr.message)
    listings = [
        _work(path, item, people, problems) for _n, item in valid if item.value["record"] == "work"
    ]
    problems.sort(key=lambda pr: pr.source)
    return Bibliography(
        path, "records", tuple(listings), tuple(people.values()), tuple(problems), skipped
    )


def _people(path: str, items: list[Item], problems: list[Problem]) -> dict[str, PersonRecord]:
    """The person records by id (a repeated id is a problem: the first is kept)."""
    people: dict[str, PersonRecord] = {}
    for item in items:
        v = item.value
        if v["record"] != "person":
            continue
        src = SourceRef(path, item.line, str(v["id"]))
        if v["id"] in people:
            problems.append(Problem(src, f"person id {v['id']!r} is used twice; the first is kept"))
            continue
        people[v["id"]] = PersonRecord(
            name=v["name"],
            source=src,
            parts=_parts(v),
            orcid=normalize_orcid(v.get("orcid")),
            roles=tuple(v.get("roles", ())),
            job_title=v.get("job_title"),
            employer=v.get("employer"),
            topics=tuple(v.get("topics", ())),
        )
    return people


def _authors(
    path: str, item: Item, people: dict[str, PersonRecord], problems: list[Problem]
) -> list[RawAuthor]:
    """A work record's authors in order: inline, or a person record's by its id."""
    authors: list[RawAuthor] = []
    for i, a in enumerate(item.value["authors"], start=1):
        asrc = SourceRef(path, item.line, f"{item.value['id']}/author/{i}")
        if "person" not in a:
            authors.append(
                RawAuthor(
                    a["name"],
                    asrc,
                    parts=_parts(a),
                    orcid=normalize_orcid(a.get("orcid")),
                    organization=bool(a.get("organization")),
                )
            )
            continue
        pr = people.get(a["person"])
        if pr is None:
            problems.append(
                Problem(
                    asrc,
                    f"author {i} names person {a['person']!r}, which no person record has; "
                    "that author is left out",
                )
            )
            continue
        authors.append(RawAuthor(pr.name, asrc, parts=pr.parts, orcid=pr.orcid))
    return authors


def _work(
    path: str, item: Item, people: dict[str, PersonRecord], problems: list[Problem]
) -> RawListing:
    v = item.value
    arxiv = split_arxiv(v.get("arxiv"))
    return RawListing(
        title=" ".join(v["title"].split()),
        authors=tuple(_authors(path, item, people, problems)),
        abstract=v.get("abstract"),
        source=SourceRef(path, item.line, str(v["id"])),
        doi=normalize_doi(v.get("doi")),
        arxiv=normalize_arxiv(v.get("arxiv")),
        meta=WorkMeta(
            kind=v.get("type", ""),
            date=v.get("date", ""),
            venue=v.get("venue", ""),
            pages=v.get("pages", ""),
            volume=v.get("volume", ""),
            issue=v.get("issue", ""),
            publisher=v.get("publisher", ""),
            urls=tuple(v.get("urls", ())),
            arxiv_version=arxiv[1] if arxiv else "",
            topics=tuple(v.get("topics", ())),
        ),
        authors_complete=v.get("authors_complete", True),
    )


def _parts(v: dict[str, Any]) -> PersonName | None:
    if v.get("family") and v.get("given"):
        return PersonName(tuple(str(v["given"]).split()), str(v["family"]))
    return None
