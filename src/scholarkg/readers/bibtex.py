"""Read BibTeX and biblatex files into :class:`~scholarkg.records.Bibliography` records.

bibtexparser 2 splits the file into entries (with their lines); this module expands ``@string``
macros and ``#`` concatenation, resolves ``crossref`` (and biblatex's inheritance of a parent's
title as the child's book title), splits author lists at ``and`` outside braces, and finds the
identifiers a BibTeX entry may hold (``doi``, ``eprint`` with ``archivePrefix``/``eprinttype``,
arXiv URLs, ``arXiv:`` journal strings, dblp's ``CoRR abs/…``).

Text is kept as printed, LaTeX and all: the clean stage decodes it (pylatexenc), and the
printed form stays as provenance. An entry bibtexparser cannot parse, or one without a title,
is a :class:`~scholarkg.records.Problem` (a warning naming file and line); the rest is read.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ids import (
    arxiv_in_text,
    arxiv_in_url,
    doi_in_text,
    normalize_doi,
    normalize_orcid,
    split_arxiv,
)
from ..records import Bibliography, Problem, RawAuthor, RawListing, SourceRef, WorkMeta
from ..text import fold
from .common import iso_date, organization_editors, read_text, unread_roles

# BibTeX's predefined month macros
_MONTHS = {
    m: str(i)
    for i, m in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(),
        start=1,
    )
}
# entries that group or hold data for others, never a work of their own
_NOT_WORKS = {
    "set": "an entry set (it groups the entries it names)",
    "xdata": "an @xdata container",
}
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
# biblatex's name lists for roles other than author and editor (its manual, 2.3.2 and 2.2.2):
# the graph holds neither, so each is a warning, not a silent drop
_UNREAD_ROLES = (
    "editora",
    "editorb",
    "editorc",
    "translator",
    "annotator",
    "commentator",
    "introduction",
    "foreword",
    "afterword",
    "bookauthor",
    "holder",
)


@contextmanager
def _quiet() -> Iterator[None]:
    """bibtexparser logs parse failures itself; the library never prints: we report them."""
    log = logging.getLogger("bibtexparser")  # its modules log to children of this logger
    was = log.level
    log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        log.setLevel(was)


def read_bibtex(path: str | Path) -> Bibliography:
    """Read a ``.bib`` file: every entry that can be read, and a problem for each that cannot."""
    from bibtexparser.entrypoint import parse_string

    p = Path(path)
    text = read_text(p)
    with _quiet():
        lib = parse_string(text, parse_stack=[])
    problems = _failed_blocks(lib.failed_blocks, str(p))
    skipped = len(problems)
    macros: dict[str, str] = dict(_MONTHS)
    for s in lib.strings:
        macros[s.key.lower()] = _expand(str(s.value), macros)
    entries = {e.key: e for e in lib.entries}
    lower_keys = {k.lower(): k for k in entries}
    listings: list[RawListing] = []
    for e in lib.entries:
        src = SourceRef(str(p), (e.start_line or 0) + 1, e.key)
        kind = e.entry_type.lower()
        if kind in _NOT_WORKS:
            problems.append(Problem(src, f"not a work: {_NOT_WORKS[kind]}", warning=False))
            continue
        fields = {
            f.key.lower(): (_expand(str(f.value), macros), f.start_line + 1) for f in e.fields
        }
        parent_key = fields.get("crossref", ("", 0))[0].strip()
        if parent_key:
            parent = entries.get(lower_keys.get(parent_key.lower(), parent_key))
            if parent is None:
                problems.append(
                    Problem(src, f"crossref {parent_key!r} names no entry in this file; read alone")
                )
            else:
                _inherit(fields, parent, macros)
        listing = _listing(fields, kind, src, problems)
        if listing is None:
            skipped += 1
        else:
            listings.append(listing)
            problems.extend(_unread(fields, src))
    if not listings and (skipped or not lib.entries):
        raise InputError(
            str(p),
            problems[0].source.line if problems else None,
            "no BibTeX entry could be read"
            + (f": {problems[0].message}" if problems else " (the file holds none)"),
            "is this a BibTeX file? each entry looks like @article{key, title = {…}, …}",
        )
    problems.sort(key=lambda pr: pr.source)
    return Bibliography(str(p), "bibtex", tuple(listings), (), tuple(problems), skipped)


def _failed_blocks(blocks: list[Any], path: str) -> list[Problem]:
    """What bibtexparser could not read: an entry that does not parse, a duplicate key."""
    problems: list[Problem] = []
    for block in blocks:
        line = (block.start_line or 0) + 1
        if type(block).__name__ == "DuplicateBlockKeyBlock":
            msg = f"duplicate entry key {getattr(block, 'key', '?')!r}; the first entry is kept"
        else:
            err = getattr(block, "error", None)
            reason = getattr(err, "abort_reason", None) or str(err or "")
            detail = " ".join(reason.split())[:160] or "a syntax error"
            msg = f"this entry could not be parsed ({detail}); it is skipped"
        problems.append(Problem(SourceRef(path, line), msg))
    return problems


def _expand(value: str, macros: dict[str, str]) -> str:
    """A raw field value with its outer braces or quotes removed, macros expanded and ``#``
    pieces joined: ``dtv # { Verlag}`` → ``Deutscher Taschenbuch-Verlag Verlag``."""
    pieces: list[str] = []
    for piece in _split_concat(value):
        piece = piece.strip()
        if len(piece) >= 2 and (piece[0], piece[-1]) in (("{", "}"), ('"', '"')):
            pieces.append(piece[1:-1])
        elif piece.lower() in macros:
            pieces.append(macros[piece.lower()])
        else:
            pieces.append(piece)  # a number, or an undefined macro kept as printed
    return "".join(pieces)


def _split_concat(value: str) -> list[str]:
    """Split at ``#`` outside braces and quotes."""
    out: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, c in enumerate(value):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == '"' and depth == 0:
            quoted = not quoted
        elif c == "#" and depth == 0 and not quoted:
            out.append(value[start:i])
            start = i + 1
    out.append(value[start:])
    return out


def _inherit(fields: dict[str, tuple[str, int]], parent: object, macros: dict[str, str]) -> None:
    """Fields the child lacks, from its crossref parent; the parent's title as the child's book
    title (biblatex: an @incollection in a @collection, an @inproceedings in @proceedings)."""
    pfields = {
        f.key.lower(): (_expand(str(f.value), macros), (f.start_line or 0) + 1)
        for f in getattr(parent, "fields", [])
    }
    for k, v in pfields.items():
        if k in ("title", "subtitle", "crossref", "ids", "entryset"):
            continue
        fields.setdefault(k, v)
    if "title" in pfields:
        fields.setdefault("booktitle", pfields["title"])


def split_authors(value: str) -> list[str]:
    """An author field split at ``and`` outside braces: ``A and {B and C}`` → two names."""
    out: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(value):
        c = value[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and c.isspace():
            m = _AND.match(value, i)
            if m:
                out.append(value[start:i])
                start = i = m.end()
                continue
        i += 1
    out.append(value[start:])
    return [" ".join(x.split()) for x in out if x.strip()]


def _is_organization(name: str) -> bool:
    """A name wholly in braces is printed as is: ``{Robert Bosch GmbH}``, a corporate author."""
    if not (name.startswith("{") and name.endswith("}")):
        return False
    depth = 0
    for i, c in enumerate(name):
        depth += c == "{"
        depth -= c == "}"
        if depth == 0 and i < len(name) - 1:
            return False  # {\v{S}}ediv{\`y}: braces around a letter, not the whole name
    return not name[1:].startswith("\\")


def _authors(
    value: str, line: int, src: SourceRef, role: str = "author"
) -> tuple[list[RawAuthor], bool]:
    """The authors (or editors) of a field, each with its line; and whether the list is
    complete."""
    names = split_authors(value)
    complete = True
    if names and names[-1].lower() in ("others", "{others}", "et al.", "et al"):
        names = names[:-1]
        complete = False
    out: list[RawAuthor] = []
    pos = 0
    flat = value
    for i, name in enumerate(names, start=1):
        first_word = name.split()[0]
        at = flat.find(first_word, pos)
        n_line = line + (flat.count("\n", 0, at) if at >= 0 else 0)
        if at >= 0:
            pos = at + len(first_word)
        org = _is_organization(name)
        text = name[1:-1].strip() if org else name
        out.append(
            RawAuthor(
                text,
                SourceRef(src.path, n_line, f"{src.part}/{role}/{i}"),
                organization=org,
            )
        )
    return out, complete


def _editors(
    fields: dict[str, tuple[str, int]], src: SourceRef, problems: list[Problem]
) -> list[RawAuthor]:
    """The people of an ``editor`` field; an organization there is a warning (schema:editor
    holds people), and so is ``and others`` (the list is cut short)."""
    if "editor" not in fields or not fields["editor"][0].strip():
        return []
    value, line = fields["editor"]
    names, complete = _authors(value, line, src, role="editor")
    if not complete:
        problems.append(Problem(src, "editor list ends with 'and others'; the rest is unknown"))
    problems.extend(organization_editors(names))
    return [a for a in names if not a.organization]


_ORCID_FIELDS = ("orcid", "orcid-numbers")  # Web of Science: "Family, Given/0000-…; …"


def _family(name: str) -> str:
    return fold(name.split(",")[0] if "," in name else (name.split() or [""])[-1])


def _with_orcids(
    fields: dict[str, tuple[str, int]],
    authors: list[RawAuthor],
    src: SourceRef,
    problems: list[Problem],
) -> list[RawAuthor]:
    """Authors with the ORCIDs an ``orcid`` or ``orcid-numbers`` field gives: ``Name/ORCID``
    pairs split by ``;`` (a bare ORCID when the entry has one author). An ORCID that is not
    one, or that names no author, is a warning naming the field's line and the value."""
    out = list(authors)
    for fname in _ORCID_FIELDS:
        if fname not in fields:
            continue
        value, line = fields[fname]
        where = SourceRef(src.path, line, f"{src.part}/{fname}")
        for piece in (x.strip() for x in value.split(";")):
            if not piece:
                continue
            name, _, raw = re.sub(r"https?://orcid\.org/", "", piece).rpartition("/")
            orcid = normalize_orcid(raw.strip())
            if orcid is None:
                problems.append(
                    Problem(
                        where,
                        f"{fname} {raw.strip()!r} is not an ORCID iD (bad form or "
                        "check digit); it is ignored",
                    )
                )
                continue
            hits = [
                i
                for i, a in enumerate(out)
                if not a.organization and (not name or _family(a.text) == _family(name))
            ]
            if len(hits) != 1:
                who = repr(name.strip()) if name else "a bare ORCID"
                problems.append(
                    Problem(
                        where,
                        f"{fname}: {who} ({orcid}) names {len(hits)} authors of the "
                        "entry, not one; it is ignored",
                    )
                )
                continue
            out[hits[0]] = replace(out[hits[0]], orcid=orcid)
    return out


def _listing(
    fields: dict[str, tuple[str, int]], kind: str, src: SourceRef, problems: list[Problem]
) -> RawListing | None:
    def get(*names: str) -> str:
        for n in names:
            if n in fields and fields[n][0].strip():
                return " ".join(fields[n][0].split())
        return ""

    title = get("title")
    if not title:
        problems.append(Problem(src, "no title; the entry is skipped"))
        return None
    if sub := get("subtitle"):
        title = f"{title}: {sub}"
    authors: list[RawAuthor] = []
    complete = True
    if "author" in fields:
        value, line = fields["author"]
        authors, complete = _authors(value, line, src)
        authors = _with_orcids(fields, authors, src, problems)
    urls = [u for u in (get("url"),) if u]
    doi = normalize_doi(get("doi")) or next((d for u in urls if (d := doi_in_text(u))), None)
    if get("doi") and not doi:
        problems.append(Problem(src, f"doi {get('doi')!r} is not a DOI; it is ignored"))
    arxiv = _arxiv(fields, get, urls)
    venue = get("journal", "journaltitle", "booktitle", "series")
    if arxiv and venue.lower().startswith("arxiv"):
        venue = ""  # "arXiv preprint arXiv:…" names the identifier, not a venue
    if venue.lower() == "corr" and arxiv:
        venue = ""
    date = iso_date(get("date") or get("year"), get("month"))
    if (get("date") or get("year")) and not date:
        problems.append(
            Problem(src, f"date {get('date') or get('year')!r} is not a year or ISO date")
        )
    meta = WorkMeta(
        kind=kind,
        date=date,
        venue=venue,
        pages=get("pages"),
        volume="" if get("volume").lower().startswith("abs/") else get("volume"),
        issue=get("number", "issue"),
        publisher=get("publisher", "school", "institution", "organization"),
        urls=tuple(urls),
        arxiv_version=arxiv[1] if arxiv else "",
        topics=tuple(k.strip() for k in get("keywords").split(",") if k.strip()),
    )
    return RawListing(
        title=title,
        authors=tuple(authors),
        abstract=get("abstract") or None,
        source=src,
        doi=doi,
        arxiv=arxiv[0] if arxiv else None,
        meta=meta,
        authors_complete=complete,
        latex=True,
        editors=tuple(_editors(fields, src, problems)),
    )


def _unread(fields: dict[str, tuple[str, int]], src: SourceRef) -> list[Problem]:
    """A warning for each name list of a role the graph does not hold (translator…)."""
    return unread_roles(
        src,
        (
            (r, [n.strip("{} ") for n in split_authors(fields[r][0])])
            for r in _UNREAD_ROLES
            if r in fields and fields[r][0].strip()
        ),
    )


def _arxiv(
    fields: dict[str, tuple[str, int]], g: Callable[..., str], urls: list[str]
) -> tuple[str, str] | None:
    prefix = g("archiveprefix", "eprinttype").lower()
    if g("eprint") and (prefix == "arxiv" or not prefix):
        found = split_arxiv(g("eprint"))
        if found:
            return found
    for u in urls:
        if found := arxiv_in_url(u):
            return found
    for name in ("journal", "journaltitle", "note", "howpublished", "booktitle"):
        if found := arxiv_in_text(g(name)):
            return found
    if g("journal").lower() == "corr" and g("volume").lower().startswith("abs/"):
        return split_arxiv(g("volume")[4:])
    return None
