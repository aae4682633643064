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
from functools import lru_cache
from pathlib import Path
from typing import Literal

from .errors import InputError
from .records import Profile, RawAuthor, RawListing, SourceRef
from .rules import (
    ABSTRACT_MIN_WORDS,
    ABSTRACT_SENTENCES_MIN_WORDS,
    HYPHEN_TITLE_WORD_MIN_LETTERS,
    NAME_LINE_MAX_CHARS,
    NAME_MAX_WORDS,
    NAME_MIN_WORDS,
    SHORT_NAME_WORD_MAX_LETTERS,
    SHORT_TITLE_WORDS_IN_A_NAME,
    UNLISTED_PARTICLE_MAX_LETTERS,
)
from .text import ACCENT_MARKS, LETTER_COMMANDS, PARTICLES, is_suffix

PAGE_SUFFIXES = (".txt",)
SEE_MORE = re.compile(r"(?:…|\.\.\.)\s*\(see more\)", re.IGNORECASE)

# Words that occur in titles but are not personal names. A line with any of them (capitalised
# or not) is a title, not an author line. Function words first, then common title vocabulary.
_TITLE_WORDS = frozenset(
    """a an the of and or for to in on at by with without from into onto via vs versus is are
    be being been was were do does did can could should would we our you your it its
    this that these those how what why when where which who not no all any more less than as
    using towards toward beyond under over through between among against about after before
    learning learn learns learned network networks neural deep model models modeling
    modelling language languages training train data dataset datasets large small efficient
    efficiently scalable robust fast faster optimal optimization generalization
    representation representations reinforcement agents agent graph graphs transformer
    transformers attention inference analysis theory theoretical study survey approach
    method methods system systems toward self supervised unsupervised semi generative
    adversarial diffusion policy policies gradient gradients descent stochastic bayesian
    probabilistic causal continual lifelong meta transfer multi task tasks vision visual
    image images video speech text texts knowledge reasoning memory recurrent convolutional
    sparse dense linear nonlinear dynamics dynamic control planning search benchmark
    benchmarks evaluation evaluating understanding improving improved revisiting rethinking
    beyond scaling laws law emergent world worlds game games loss function functions space
    spaces state states time series part new neurons neuron circuits interpretability
    mechanistic features feature
    """.split()
)
# accent residue and apostrophes (the typographic one too: O’Brien), as a character class
_MARK_CLASS = re.escape("".join(ACCENT_MARKS) + "’")
# a name word: letters, with accent residue, apostrophes, hyphens and periods inside; no digits
_NAME_TOKEN = re.compile(rf"^[{_MARK_CLASS}.]*[^\W\d_](?:[^\W\d_]|[-‐.{_MARK_CLASS}])*$")
# "Back-propagation", "Fine-tuning", "Decision-Making": an English word after a hyphen
_HYPHEN_WORD = re.compile(
    r"[-‐]([a-z]{2,}(?:tion|sion|ing|ed|ive|able|ity|ness|ment|ware|wise|free|based|aware|"
    r"level|scale|shot|style|like|order|time|agent|step|head|tune|play|wide)s?)$"
)


@lru_cache(maxsize=1 << 18)
def looks_like_name(line: str) -> bool:
    """Whether a line of a publication entry reads as a person's name rather than a title."""
    text = _name_part(line)
    if text is None:
        return False
    tokens = text.split()
    if not NAME_MIN_WORDS <= len(tokens) <= NAME_MAX_WORDS:
        return False
    short_title_words = 0
    for i, tok in enumerate(tokens):
        kind = _word_kind(tok, i, tokens, text)
        if kind == "title":
            return False
        if kind == "short title word":
            # "An Nguyen", "Lan Gia Anh To": a capitalised short word may be a name; two of
            # them ("Who Are You") make a title
            short_title_words += 1
            if short_title_words > SHORT_TITLE_WORDS_IN_A_NAME:
                return False
    return True


def _name_part(line: str) -> str | None:
    """The line without a trailing comma or ``, Jr.``; None if the line cannot be a name."""
    text = line.strip().rstrip(",")
    if (
        not text
        or len(text) > NAME_LINE_MAX_CHARS
        or any(c in text for c in ":?!;()[]{}0123456789")
    ):
        return None
    if "," in text:
        head, _, tail = text.rpartition(",")
        if not is_suffix(tail.strip()):
            return None
        text = head
    return text


def _word_kind(
    tok: str, i: int, tokens: list[str], text: str
) -> Literal["name", "short title word", "title"]:
    """What word ``i`` of a would-be name line (``text``) makes of it."""
    low = tok.lower()
    letters = [c for c in tok if c.isalpha()]
    if low in PARTICLES and not (tok[0].isupper() and i == 0):
        return "name"
    if (
        0 < i < len(tokens) - 1
        and tok.islower()
        and len(tok) <= UNLISTED_PARTICLE_MAX_LETTERS
        and low not in _TITLE_WORDS
    ):
        return "name"  # a particle we do not list: "Ngugi wa Thiong'o"
    if is_suffix(tok) and i == len(tokens) - 1:
        return "name"
    if low in _TITLE_WORDS and len(letters) > 1:
        if len(letters) <= SHORT_NAME_WORD_MAX_LETTERS and tok[0].isupper():
            return "short title word"
        return "title"
    if not _NAME_TOKEN.match(tok):
        return "title"
    if any(
        len(part) >= HYPHEN_TITLE_WORD_MIN_LETTERS and part in _TITLE_WORDS
        for part in re.split(r"[-‐]", low)[1:]
    ):
        return "title"  # "Self-supervised", "Multi-task" (but "Bar-On" is a name)
    all_lower = text.islower()
    if _HYPHEN_WORD.search(tok) and not all_lower:
        return "title"
    first = letters[0] if letters else ""
    starts_with_command = len(tok) > 1 and tok[0] in LETTER_COMMANDS and tok[1].isupper()
    if first.islower() and tok[0].isalpha() and not all_lower and not starts_with_command:
        return "title"  # a lowercase word is a title word unless the whole line is lower case
    if (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and "." not in tok
        and i == 0
        and not text.isupper()
    ):
        return "title"  # an acronym first: "GNN Explainer" (but "Deepak RK Joshi" is a name)
    return "name"


def looks_like_abstract(line: str) -> bool:
    words = line.split()
    if SEE_MORE.search(line):
        return True
    if len(words) >= ABSTRACT_MIN_WORDS:
        return True
    return (
        len(words) >= ABSTRACT_SENTENCES_MIN_WORDS
        and bool(re.search(r"[a-z]\. [A-Z]", line))
        and line.rstrip()[-1:] in ".!?"
    )


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files named, and the page files in folders named (recursively), sorted and unique."""
    files: set[Path] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = [f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in PAGE_SUFFIXES]
            if not found:
                raise InputError(
                    str(p),
                    None,
                    "the folder holds no profile pages (*.txt)",
                    "name the page files, or a folder that holds them",
                )
            files.update(found)
        elif p.is_file():
            files.add(p)
        elif p.exists():
            raise InputError(str(p), None, "not a regular file", "name a page file or a folder")
        else:
            raise InputError(str(p), None, "no such file or folder", "check the path")
    return sorted(files, key=lambda f: str(f))


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
    """Read every page named or found in folders; fail on the first bad one (nothing written)."""
    return [read_page(p) for p in expand_inputs(inputs)]


def read_page(path: str | Path) -> Profile:
    p = Path(path)
    lines = read_text_lines(p)
    return parse_page(lines, str(p))


def _numbered(lines: list[str]) -> Iterator[tuple[int, str]]:
    for i, raw in enumerate(lines, start=1):
        text = " ".join(raw.split())
        if text:
            yield i, text


def parse_page(lines: list[str], path: str) -> Profile:
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
    listings = _parse_entries(items[pos:], path)
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


def _parse_entries(items: list[tuple[int, str]], path: str) -> list[RawListing]:
    listings: list[RawListing] = []
    title: tuple[int, str] | None = None
    authors: list[RawAuthor] = []
    abstract: list[str] = []
    state = "start"  # start | title | author | abstract

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

    for n, text in items:
        if state == "start":
            if looks_like_abstract(text):
                raise InputError(
                    path,
                    n,
                    "an abstract before any publication title",
                    "each entry starts with its title line",
                )
            kind = "title"
        elif state == "abstract":
            kind = "abstract" if looks_like_abstract(text) else "title"
        elif looks_like_abstract(text):
            kind = "abstract"
        elif looks_like_name(text):
            kind = "author"
        else:
            kind = "title"
        if kind == "title":
            flush()
            title, authors, abstract = (n, text), [], []
        elif kind == "author":
            authors.append(RawAuthor(text, SourceRef(path, n)))
        else:
            abstract.append(text)
        state = kind
    flush()
    return listings
