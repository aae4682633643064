"""Read profile pages as scraped from an institute's website into :class:`Profile` records.

The page format::

    Portrait of NAME
    NAME
    ROLE                          e.g. "Affiliate Member" (optional)
    JOB TITLE, EMPLOYER           (optional)
    Research Topics               (optional) followed by one topic a line
    Publications
    TITLE                         then one line per author, then optionally one abstract line

Blank lines are ignored. Reading knows nothing of RDF and repairs nothing: text is kept as
printed, with its file and line, for the clean stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar, cast

from ..errors import InputError
from ..records import Profile, RawAuthor, RawListing, SourceRef
from ..rules import (
    ABSTRACT_MIN_WORDS,
    ABSTRACT_SENTENCES_MIN_WORDS,
    TITLE_CASE_MIN_SHARE,
    TITLE_CASE_WORD_MIN_LETTERS,
)
from ..text import fold
from . import expand_inputs
from .namelines import mononym, mononym_odds, name_form, name_odds, name_weight

PAGE_SUFFIXES = (".txt",)
_S = TypeVar("_S")
SEE_MORE = re.compile(r"(?:…|\.\.\.)\s*\(see more\)", re.IGNORECASE)

TITLE, AUTHOR, ABSTRACT = "title", "author", "abstract"


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a publication list as read: its line number, its text and what it was read as
    (:data:`TITLE`, :data:`AUTHOR` or :data:`ABSTRACT`)."""

    number: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a line was read as, and the evidence that decided it, in words."""

    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class Known:
    """Lines read elsewhere where position alone decided them (folded with :func:`fold`):
    names printed as a page's owner or as an entry's first author, and titles printed first
    in a list or after an abstract. A line printed so elsewhere is read the same here."""

    names: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()


NOTHING_KNOWN = Known()


def classify_line(
    text: str,
    previous: Line | None = None,
    following: str | None = None,
    known: Known = NOTHING_KNOWN,
) -> Verdict:
    """Read one line of a publication list as a title, an author or an abstract, with why.

    ``previous`` is the line before it as read (``None`` at the top of the list) and
    ``following`` the text of the line after it (``None`` at the end). The evidence, in order:

    1. position: the first line of the list and the line after an abstract open an entry;
    2. the form of an abstract (long, sentences, "… (see more)");
    3. position: the line after a title is its first author (an entry lists its authors);
    4. the form of a name: what never occurs in names (digits, colons, title words, a
       lower-case word of running text, an acronym first) makes a title;
    5. what is known from elsewhere (``known``): a line printed elsewhere where its position
       decided it (an owner's name, a first author, a first title) is read the same here;
    6. what follows: a title needs an author after it, so a line followed by the end of the
       list, an abstract or a line that cannot be a name is an author;
    7. the words: for each, how much likelier it is among the world's given and family names
       than in running text (``population`` and the vocabulary table), summed with the prior
       odds of an author after an author (:data:`rules.AUTHOR_PRIOR_ODDS`), those of a short
       line (:data:`rules.SHORT_LINE_ODDS`) and those of an initial (:data:`rules.INITIAL_ODDS`).
    """
    if previous is None:
        if looks_like_abstract(text):
            return Verdict(ABSTRACT, "an abstract before any title")
        return Verdict(TITLE, "the first line of the list opens an entry")
    if looks_like_abstract(text):
        return Verdict(ABSTRACT, "long text in sentences")
    if previous.kind == ABSTRACT:
        return Verdict(TITLE, "the line after an abstract opens an entry")
    words, against = name_form(text)
    one = mononym(text) if against is not None else None
    if one is not None and mononym_odds(one) >= 0:
        return Verdict(AUTHOR, f"one word, a name far likelier than a word of a title: {text!r}")
    if previous.kind == TITLE:
        if against is None:
            return Verdict(AUTHOR, "the line after a title is its first author")
        return Verdict(TITLE, f"after a title, but not a name: {against}")
    if against is not None:
        return Verdict(TITLE, f"not a name: {against}")
    key = fold(text)
    if key in known.names and key not in known.titles:
        return Verdict(AUTHOR, "printed elsewhere as an owner's name or a first author")
    if key in known.titles and key not in known.names:
        return Verdict(TITLE, "printed elsewhere as a title where only a title can be")
    if following is None:
        return Verdict(AUTHOR, "a title would need an author after it, and the list ends")
    if looks_like_abstract(following):
        return Verdict(AUTHOR, "a title would need an author after it, and an abstract follows")
    if name_form(following)[1] is not None:
        return Verdict(AUTHOR, "a title would need an author after it, and the next line is none")
    score = name_odds(text, words)
    if score < 0:
        common = min((w for w, _place in words), key=name_weight)
        return Verdict(TITLE, f"words of running text, not names (such as {common!r})")
    return Verdict(AUTHOR, "its words are names, or no likelier in a title")


def _title_case(words: list[str]) -> bool:
    """Whether a line is written in Title Case, as titles are and sentences are not (see
    :data:`rules.TITLE_CASE_MIN_SHARE`)."""
    long = [w for w in words if sum(c.isalpha() for c in w) >= TITLE_CASE_WORD_MIN_LETTERS]
    capitalised = sum(w[0].isupper() for w in long)
    return len(long) >= TITLE_CASE_WORD_MIN_LETTERS and capitalised >= TITLE_CASE_MIN_SHARE * len(
        long
    )


@lru_cache(maxsize=1 << 18)
def looks_like_name(line: str) -> bool:
    """Whether a line read right after an author line, with nothing after it known, is a name."""
    previous = Line(0, "", AUTHOR)
    return classify_line(line, previous, following="Ada Lovelace").kind == AUTHOR


@lru_cache(maxsize=1 << 18)
def looks_like_abstract(line: str) -> bool:
    words = line.split()
    if SEE_MORE.search(line):
        return True
    if _title_case(words):
        return False
    if len(words) >= ABSTRACT_MIN_WORDS:
        return True
    return (
        len(words) >= ABSTRACT_SENTENCES_MIN_WORDS
        and bool(re.search(r"[a-z]\. [A-Z]", line))
        and line.rstrip()[-1:] in ".!?"
    )


def read_text_lines(path: Path) -> list[str]:
    """A text file's lines, NFC-normalised. Binary data or bad UTF-8 is an :class:`InputError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            str(path),
            None,
            f"cannot read the file: {exc.strerror}",
            "check that it exists and is readable",
        ) from exc
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(
            str(path),
            line,
            "binary data (a NUL byte), not a text page",
            "pass the scraped page as UTF-8 text",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            str(path),
            line,
            f"not UTF-8 text (byte 0x{data[exc.start]:02x})",
            "save the page as UTF-8",
        ) from exc
    return [unicodedata.normalize("NFC", ln) for ln in text.splitlines()]


def read_pages(inputs: Iterable[str | Path]) -> list[Profile]:
    """Read every page named or found in folders; fail on the first bad one (nothing written).
    What one page decides by position is known on the others (:func:`reread_with_known`)."""
    return reread_with_known([read_page(p) for p in expand_inputs(inputs, "page")])


def read_page(path: str | Path, known: Known = NOTHING_KNOWN) -> Profile:
    p = Path(path)
    lines = read_text_lines(p)
    return parse_page(lines, str(p), known)


def known_from(sources: Iterable[object]) -> Known:
    """What the pages among ``sources`` decided by position: their owners' names and every
    entry's first author (the line after a title), and each list's first title."""
    names: set[str] = set()
    titles: set[str] = set()
    after: dict[str, set[str]] = {}
    for page in sources:
        if isinstance(page, Profile):
            names.add(fold(page.name))
            for li in page.listings:
                if li.authors:
                    after.setdefault(fold(li.authors[0].text), set()).add(fold(li.title))
            if page.listings:
                titles.add(fold(page.listings[0].title))
    names.update(k for k, v in after.items() if len(v) >= 2)
    return Known(frozenset(names), frozenset(titles))


def reread_with_known(sources: list[_S]) -> list[_S]:
    """Read again, knowing what every page decided by position (:func:`known_from`), each page
    that opened an entry with a line another page prints as an owner or a first author: a
    name printed as a colleague's name or a first author elsewhere is a name here too."""
    known = known_from(sources)
    out: list[_S] = []
    for page in sources:
        if isinstance(page, Profile) and any(
            fold(li.title) in known.names and fold(li.title) not in known.titles
            for li in page.listings[1:]
        ):
            page = cast(_S, read_page(page.path, known))
        out.append(page)
    return out


def _numbered(lines: list[str]) -> Iterator[tuple[int, str]]:
    for i, raw in enumerate(lines, start=1):
        text = " ".join(raw.split())
        if text:
            yield i, text


def parse_page(lines: list[str], path: str, known: Known = NOTHING_KNOWN) -> Profile:
    items = list(_numbered(lines))
    if not items:
        raise InputError(path, None, "the file is empty", "pass a scraped profile page")
    n, first = items[0]
    m = re.match(r"^Portrait of (.+)$", first)
    if not m:
        raise InputError(
            path,
            n,
            f"expected 'Portrait of NAME' first, found {first[:60]!r}",
            "is this a scraped profile page? it must start with its portrait line",
        )
    name = m.group(1).strip()
    pos = 1
    name_source = SourceRef(path, n)
    if pos < len(items) and items[pos][1] == name:
        name_source = SourceRef(path, items[pos][0])
        pos += 1
    header: list[tuple[int, str]] = []
    while pos < len(items) and items[pos][1] not in ("Research Topics", "Publications"):
        header.append(items[pos])
        pos += 1
    if len(header) > 2:
        ln, text = header[2]
        raise InputError(
            path,
            ln,
            f"unexpected line in the profile header: {text[:60]!r}",
            "the header holds the name, a membership role and 'JOB TITLE, EMPLOYER'",
        )
    role, job_title, employer = _parse_header(header)
    topics: list[str] = []
    if pos < len(items) and items[pos][1] == "Research Topics":
        pos += 1
        while pos < len(items) and items[pos][1] != "Publications":
            topics.append(items[pos][1])
            pos += 1
    if pos >= len(items):
        raise InputError(
            path,
            len(lines),
            "no 'Publications' line",
            "a profile page lists its publications after a 'Publications' line",
        )
    pos += 1
    listings = _parse_entries(items[pos:], path, name, known)
    return Profile(
        path=path,
        name=name,
        name_source=name_source,
        role=role,
        job_title=job_title,
        employer=employer,
        topics=tuple(dict.fromkeys(topics)),
        listings=tuple(listings),
    )


def _parse_header(header: list[tuple[int, str]]) -> tuple[str | None, str | None, str | None]:
    role = job_title = employer = None
    rest = list(header)
    role_like = bool(rest) and bool(
        re.search(r"\b(Member|Fellow|Alumn\w*|Affiliate)\b", rest[0][1])
    )
    if rest and (len(rest) == 2 or ("," not in rest[0][1] and role_like)):
        role = rest.pop(0)[1]
    if rest:
        job = rest.pop(0)[1]
        if "," in job:
            title_part, _, employer_part = job.rpartition(",")
            job_title, employer = title_part.strip() or None, employer_part.strip() or None
        else:
            job_title = job
    return role, job_title, employer


def _read_kinds(items: list[tuple[int, str]], path: str, known: Known) -> list[Verdict]:
    verdicts: list[Verdict] = []
    previous: Line | None = None
    for i, (n, text) in enumerate(items):
        following = items[i + 1][1] if i + 1 < len(items) else None
        if previous is None and looks_like_abstract(text):
            raise InputError(
                path,
                n,
                "an abstract before any publication title",
                "each entry starts with its title line",
            )
        verdict = classify_line(text, previous, following, known)
        verdicts.append(verdict)
        previous = Line(n, text, verdict.kind)
    return verdicts


def known_lines(owner: str, items: list[tuple[int, str]], verdicts: list[Verdict]) -> Known:
    """What position alone decided in a publication list: first authors, last authors (an
    author line that no author follows, so that it cannot be a title) and first titles."""
    names = {fold(owner)}
    titles: set[str] = set()
    after = [text for _n, text in items[1:]] + [None]
    for (_n, text), verdict, before, following in zip(
        items, verdicts, [None, *verdicts], after, strict=False
    ):
        if verdict.kind == AUTHOR and (
            (before is not None and before.kind == TITLE) or _no_author_next(following)
        ):
            names.add(fold(text))
        elif verdict.kind == TITLE and (before is None or before.kind == ABSTRACT):
            titles.add(fold(text))
    return Known(frozenset(names), frozenset(titles))


def _no_author_next(following: str | None) -> bool:
    """Whether the line after a line cannot be an author: the list ends, an abstract follows or
    a line no name has the form of (so the line before it cannot be a title)."""
    return (
        following is None or looks_like_abstract(following) or name_form(following)[1] is not None
    )


def _parse_entries(
    items: list[tuple[int, str]], path: str, owner: str, known: Known = NOTHING_KNOWN
) -> list[RawListing]:
    listings: list[RawListing] = []
    title: tuple[int, str] | None = None
    authors: list[RawAuthor] = []
    abstract: list[str] = []

    def flush() -> None:
        if title is not None:
            listings.append(
                RawListing(
                    title=title[1],
                    authors=tuple(authors),
                    abstract=" ".join(abstract) or None,
                    source=SourceRef(path, title[0]),
                )
            )

    first = _read_kinds(items, path, known)
    here = known_lines(owner, items, first)
    merged = Known(known.names | here.names, known.titles | here.titles)
    verdicts = _read_kinds(items, path, merged)
    for (n, text), verdict in zip(items, verdicts, strict=True):
        kind = verdict.kind
        if kind == "title":
            flush()
            title, authors, abstract = (n, text), [], []
        elif kind == "author":
            authors.append(RawAuthor(text, SourceRef(path, n)))
        else:
            abstract.append(text)
    flush()
    return listings
