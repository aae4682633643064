"""Read CSL-JSON (Zotero, pandoc, Crossref, Manubot) into a ``Bibliography``.

Names: ``family``/``given`` (with ``suffix`` and the particles CSL keeps apart), ``literal``
(an organization), and a name with a family part only (``"NIH"``: CSL tools put organizations
there) read as an organization. ``issued`` from ``date-parts`` (numbers or strings), ``raw`` or
``literal``; ``container-title``, ``page``, ``volume``, ``issue``, ``publisher``, ``DOI``,
``URL``, ``abstract`` (Crossref's JATS tags and HTML entities removed), ``type``; an ORCID on a
name (Crossref's ``ORCID``). Each item's line is where its object starts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from ..ids import arxiv_in_text, arxiv_in_url, doi_in_url, normalize_doi, normalize_orcid
from ..records import Bibliography, PersonName, Problem, RawAuthor, RawListing, SourceRef, WorkMeta
from .common import iso_date, organization_editors, read_text, unread_roles
from .jsontext import Item, parse_json_items

_TAG = re.compile(r"<[^>]+>")
NAME_ROLES = ("author", "editor")  # the CSL name variables read as people
# the other name variables of CSL 1.0.2 (its specification, "Name Variables"): the graph holds
# none of these roles, so each is a warning, not a silent drop
UNREAD_ROLES = (
    "chair",
    "collection-editor",
    "compiler",
    "composer",
    "container-author",
    "contributor",
    "curator",
    "director",
    "editor-translator",
    "editorial-director",
    "executive-producer",
    "guest",
    "host",
    "illustrator",
    "interviewer",
    "narrator",
    "organizer",
    "original-author",
    "performer",
    "producer",
    "recipient",
    "reviewed-author",
    "script-writer",
    "series-creator",
    "translator",
)


def read_csl(path: str | Path, items: list[Item] | None = None) -> Bibliography:
    """Read a CSL-JSON file (an array of items, or one item)."""
    p = Path(path)
    problems: list[Problem] = []
    if items is None:
        items, _ = parse_json_items(read_text(p), str(p), problems)
    return csl_items(str(p), items, problems)


def csl_items(path: str, items: list[Item], problems: list[Problem]) -> Bibliography:
    listings: list[RawListing] = []
    skipped = 0
    for n, item in enumerate(items, start=1):
        if not isinstance(item.value, dict):
            problems.append(
                Problem(SourceRef(path, item.line), f"item {n} is not an object; skipped")
            )
            skipped += 1
            continue
        listing = csl_listing(item.value, SourceRef(path, item.line, _item_id(item.value, n)))
        if isinstance(listing, str):
            problems.append(Problem(SourceRef(path, item.line, _item_id(item.value, n)), listing))
            skipped += 1
        else:
            doi = _text(item.value.get("DOI"))
            if doi and listing.doi is None:
                problems.append(Problem(listing.source, f"DOI {doi!r} is not a DOI; ignored"))
            problems.extend(bad_orcids(item.value, listing.source))
            problems.extend(organization_editors(_names(item.value, "editor", listing.source)))
            problems.extend(
                unread_roles(
                    listing.source,
                    (
                        (r, [a.text for a in _names(item.value, r, listing.source)])
                        for r in UNREAD_ROLES
                    ),
                )
            )
            listings.append(listing)
    problems.sort(key=lambda pr: pr.source)
    return Bibliography(path, "csl", tuple(listings), (), tuple(problems), skipped)


def bad_orcids(item: dict[str, Any], src: SourceRef) -> list[Problem]:
    """A warning for each name whose ORCID is not one (bad form or check digit): the name is
    read without it, never silently."""
    out: list[Problem] = []
    for role in NAME_ROLES:
        names = item.get(role)
        for i, name in enumerate(names if isinstance(names, list) else [], start=1):
            raw = _text(name.get("ORCID") or name.get("orcid")) if isinstance(name, dict) else ""
            if raw and normalize_orcid(raw) is None:
                who = ", ".join(
                    x for x in (_text(name.get("family")), _text(name.get("given"))) if x
                )
                out.append(
                    Problem(
                        SourceRef(src.path, src.line, f"{src.part}/{role}/{i}"),
                        f"ORCID {raw!r} of {who or f'{role} {i}'} is not an ORCID iD "
                        "(bad form or check digit); the name is read without it",
                    )
                )
    return out


def _item_id(item: dict[str, Any], n: int) -> str:
    ident = item.get("id")
    return str(ident) if isinstance(ident, str | int) and str(ident).strip() else f"item-{n}"


def _text(value: Any) -> str:
    if isinstance(value, list):  # some tools give container-title as a list
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    return " ".join(value.split()) if isinstance(value, str) else ""


def strip_markup(text: str) -> str:
    """Crossref abstracts: ``<jats:p>`` tags and ``&gt;`` entities out, spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def csl_name(name: Any, src: SourceRef) -> RawAuthor | None:
    """One CSL name as a raw author (None when it holds no name at all)."""
    if not isinstance(name, dict):
        text = _text(name)
        return RawAuthor(text, src) if text else None
    literal = _text(name.get("literal"))
    family = _text(name.get("family"))
    given = _text(name.get("given"))
    orcid = normalize_orcid(_text(name.get("ORCID") or name.get("orcid")))
    if literal or (family and not given):
        return RawAuthor(literal or family, src, organization=True)
    if not family:
        return RawAuthor(given, src) if given else None
    particle = " ".join(
        x for x in (_text(name.get("dropping-particle")), _text(name.get("non-dropping-particle")))
    ).strip()
    family_full = f"{particle} {family}".strip()
    suffix = _text(name.get("suffix"))
    parts = PersonName(tuple(given.split()), family_full, suffix) if given else None
    printed = ", ".join(x for x in (family_full, given, suffix) if x)
    return RawAuthor(printed, src, parts=parts, orcid=orcid)


def csl_date(value: Any) -> str:
    if not isinstance(value, dict):
        return iso_date(_text(value)[:10]) if value else ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = [str(x).strip() for x in parts[0]]
        rest = [*first[1:3], None, None]
        return iso_date(first[0], rest[0], rest[1])
    for key in ("raw", "literal"):
        if text := _text(value.get(key)):
            m = re.search(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", text)
            return iso_date(m.group(0)) if m else ""
    return ""


def csl_listing(item: dict[str, Any], src: SourceRef) -> RawListing | str:
    """A CSL item as a raw listing, or why it cannot be one."""
    title = _text(item.get("title"))
    if not title:
        return "no title; the item is skipped"
    authors = _names(item, "author", src)
    editors = _names(item, "editor", src)
    url = _text(item.get("URL"))
    urls = (url,) if url else ()
    doi = normalize_doi(_text(item.get("DOI"))) or doi_in_url(url)
    arxiv = (
        arxiv_in_url(url)
        or arxiv_in_text(_text(item.get("number")))
        or arxiv_in_text(_text(item.get("container-title")))
    )
    abstract = strip_markup(_text(item.get("abstract"))) or None
    page = _text(item.get("page"))
    meta = WorkMeta(
        kind=_text(item.get("type")),
        date=csl_date(item.get("issued")),
        venue=_text(item.get("container-title")),
        pages=page,
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        publisher=_text(item.get("publisher")),
        urls=urls,
        arxiv_version=arxiv[1] if arxiv else "",
        topics=tuple(k.strip() for k in _text(item.get("keyword")).split(",") if k.strip()),
    )
    return RawListing(
        title=title,
        authors=tuple(authors),
        abstract=abstract,
        source=src,
        doi=doi,
        arxiv=arxiv[0] if arxiv else None,
        meta=meta,
        editors=tuple(e for e in editors if not e.organization),
    )


def _names(item: dict[str, Any], role: str, src: SourceRef) -> list[RawAuthor]:
    out: list[RawAuthor] = []
    names = item.get(role)
    if isinstance(names, list):
        for i, name in enumerate(names, start=1):
            a = csl_name(name, SourceRef(src.path, src.line, f"{src.part}/{role}/{i}"))
            if a is not None:
                out.append(a)
    return out
