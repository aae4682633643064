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

import gzip
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError
from .population import family_share, given_share
from .records import Profile, RawAuthor, RawListing, SourceRef
from .rules import (
    ABSTRACT_MIN_WORDS,
    ABSTRACT_SENTENCES_MIN_WORDS,
    AUTHOR_PRIOR_ODDS,
    HYPHEN_TITLE_WORD_MIN_LETTERS,
    INITIAL_ODDS,
    MAX_TITLE_WORD_FREQUENCY,
    NAME_LINE_MAX_CHARS,
    NAME_MAX_WORDS,
    NAME_MIN_WORDS,
    SHORT_LINE_ODDS,
    SHORT_LINE_WORDS,
    SHORT_NAME_WORD_MAX_LETTERS,
    SHORT_TITLE_WORDS_IN_A_NAME,
    UNKNOWN_WORD_FREQUENCY,
    UNLISTED_PARTICLE_MAX_LETTERS,
)
from .text import (
    ACCENT_MARKS,
    COMBINING_MARKS,
    LETTER_COMMANDS,
    PARTICLES,
    fold,
    fold_tight,
    is_suffix,
)

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
# accent residue, apostrophes (the typographic one too: O’Brien) and the okina that opens a
# Hawaiian name (‘Ōiwi, ʻŌiwi), as a character class
_MARK_CLASS = re.escape("".join(ACCENT_MARKS) + "’‘ʻ")
# a name word: letters, with accent residue, apostrophes, hyphens, periods and combining marks
# inside (``Benoı̂t``: a dotless i and a circumflex Unicode does not compose); no digits
_NAME_TOKEN = re.compile(
    rf"^[{_MARK_CLASS}.]*[^\W\d_](?:[^\W\d_]|[-‐.{_MARK_CLASS}{COMBINING_MARKS}])*$"
)
# "Back-propagation", "Fine-tuning", "Decision-Making": an English word after a hyphen
_HYPHEN_WORD = re.compile(
    r"[-‐]([a-z]{2,}(?:tion|sion|ing|ed|ive|able|ity|ness|ment|ware|wise|free|based|aware|"
    r"level|scale|shot|style|like|order|time|agent|step|head|tune|play|wide)s?)$"
)
# a nickname printed inside a name, in brackets or quotes: "Ting-Hao (Kenneth) Huang",
# "Ting-Hao ‘Kenneth’ Huang", "Drahomíra “johanka” Spoustová"
_NICKNAME = re.compile(
    r"(?<=\S)\s+(?:\(([^\W\d_][\w.'’-]*)\)|[‘“\"']([^\W\d_][\w.'’-]*)[’”\"'])(?=\s)"
)

# an initial: a lone capital and a period, as a word or inside one ("A.", "J.-P.", "C.Y.")
_INITIAL = re.compile(r"(?<![^\s.-])[^\W\d_a-z]\.(?=[\s.-]|$)")

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


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, float]:
    """Word frequencies in running text (``data/words.tsv.gz``, derived by
    ``tools/title_words.py``, which documents its source and method), folded like names."""
    data = resources.files("scholarkg").joinpath("data/words.tsv.gz").read_bytes()
    table: dict[str, float] = {}
    for row in gzip.decompress(data).decode("ascii").splitlines():
        word, ppb = row.split("\t")
        table[word] = int(ppb) * 1e-9
    return table


def word_frequency(word: str) -> float:
    """How often a word occurs in a title's running text (a share of all words), folded like
    names; at most :data:`rules.MAX_TITLE_WORD_FREQUENCY`."""
    freq = _vocabulary().get(fold_tight(word), UNKNOWN_WORD_FREQUENCY)
    return min(freq, MAX_TITLE_WORD_FREQUENCY)


def _name_weight(word: str, share: Callable[[str], float] | None = None) -> float:
    """log of how much likelier a word is in a name line than in a title line: its share among
    the world's people (as a given name, a family name, or either: ``share``) over its
    frequency in a title's running text. Each part of a hyphenated word counts (``Ting-Hao``,
    ``Self-supervised``); an initial weighs nothing."""
    lookup: Callable[[str], float] = share or (lambda k: given_share(k) + family_share(k))
    whole = fold_tight(word)
    if "-" in word or "‐" in word:
        known = lookup(whole)
        if known > 2 * UNKNOWN_WORD_FREQUENCY:  # a name as a whole: "Bar-On" is Baron
            return math.log(known / word_frequency(whole))
    total = 0.0
    for part in re.split(r"[-‐]", word):
        key = fold_tight(part)  # one key: "Prud’hommeaux" is one word, not two rare ones
        if len(key) < 2:
            continue
        total += math.log(lookup(key) / word_frequency(key))
    return total


def _line_weight(words: list[str]) -> float:
    """:func:`_name_weight` of a line's words by their place in a name: the first is a given
    name, the last a family name, any between either."""
    if not words:
        return 0.0
    total = _name_weight(words[0], given_share)
    if len(words) > 1:
        total += _name_weight(words[-1], family_share)
    return total + sum(_name_weight(w) for w in words[1:-1])


def _name_form(line: str) -> tuple[list[str], str | None]:
    """The words of a line that could be a name, or why its form cannot be a name.

    Returns the words to weigh (no particles, suffixes or initials) and ``None``, or ``[]`` and
    the reason the line is a title by its form alone."""
    text, against = _name_text(line)
    if against is not None:
        return [], against
    tokens = [t for t in text.split() if t not in ("-", "‐", "–")]
    if not NAME_MIN_WORDS <= len(tokens) <= NAME_MAX_WORDS:
        return [], f"{len(tokens)} words: a name has {NAME_MIN_WORDS} to {NAME_MAX_WORDS}"
    short_function_words = 0
    weigh: list[str] = []
    for i, tok in enumerate(tokens):
        kind = _word_kind(tok, i, tokens, text)
        if kind == "skip":
            continue
        if kind == "short title word":
            # "An Nguyen", "Lan Gia Anh To": a capitalised short word may be a name; two of
            # them ("Who Are You") make a title
            short_function_words += 1
            if short_function_words > SHORT_TITLE_WORDS_IN_A_NAME:
                return [], "two function words"
            continue
        if kind != "name":
            return [], kind
        letters = [c for c in tok if c.isalpha()]
        if len(letters) >= 2 and not (len(letters) == 2 and tok.endswith(".")):
            weigh.append(tok)
    return weigh, None


def _name_text(line: str) -> tuple[str, str | None]:
    """The line without nicknames, a trailing comma or ``, Jr.``; or why it cannot be a name."""
    text = _NICKNAME.sub("", line.strip().rstrip(","))
    if not text:
        return text, "an empty line"
    if len(text) > NAME_LINE_MAX_CHARS:
        return text, "longer than a name"
    if "," in text:
        head, _, tail = text.rpartition(",")
        if not is_suffix(tail.strip()):
            return text, "a comma not followed by a name suffix"
        text = head.strip()
    bad = next((c for c in text if c in ":?!;()[]{}0123456789"), None)
    if bad is not None:
        return text, f"{bad!r} does not occur in names"
    return text, None


def _word_kind(tok: str, i: int, tokens: list[str], text: str) -> str:
    """What word ``i`` of a would-be name line makes of it: ``skip`` (a particle, a suffix),
    ``short title word``, ``name``, or why it makes the line a title."""
    low = tok.lower()
    letters = [c for c in tok if c.isalpha()]
    if low in PARTICLES and not (tok[0].isupper() and i == 0):
        return "skip"
    if (
        0 < i < len(tokens) - 1
        and tok.islower()
        and len(tok) <= UNLISTED_PARTICLE_MAX_LETTERS
        and low not in _TITLE_WORDS
    ):
        return "skip"  # a particle we do not list: "Ngugi wa Thiong'o"
    if is_suffix(tok) and i == len(tokens) - 1 and i > 0:
        return "skip"
    if low in _TITLE_WORDS and len(letters) > 1:
        if len(letters) <= SHORT_NAME_WORD_MAX_LETTERS and tok[0].isupper():
            return "short title word"
        return f"{tok!r} is a title word"
    if not _NAME_TOKEN.match(tok):
        return f"{tok!r} is not a name word"
    if any(
        len(part) >= HYPHEN_TITLE_WORD_MIN_LETTERS and part in _TITLE_WORDS
        for part in re.split(r"[-‐]", low)[1:]
    ):
        return f"{tok!r} joins a title word"  # "Self-supervised" (but "Bar-On")
    all_lower = text.islower()
    hyphen = _HYPHEN_WORD.search(tok)
    if hyphen and not all_lower and _name_weight(hyphen.group(1)) < 0:
        return f"{tok!r} joins an English word"  # "Back-propagation" ("Chi-shing")
    return _case_kind(tok, letters, i, text)


def _case_kind(tok: str, letters: list[str], i: int, text: str) -> str:
    """What the letter case of a word makes of a would-be name line."""
    low = tok.lower()
    first = letters[0] if letters else ""
    starts_with_command = len(tok) > 1 and tok[0] in LETTER_COMMANDS and tok[1].isupper()
    glued_particle = any(
        low.startswith(p) and len(tok) > len(p) and tok[len(p)].isupper() for p in PARTICLES
    )  # "deRoeck", "vanDeemter"
    lower_word = first.islower() and tok[0].isalpha() and not text.islower()
    if lower_word and not (starts_with_command or glued_particle) and _name_weight(tok) < 0:
        return f"{tok!r}: a lower-case word of running text"
    if (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and "." not in tok
        and i == 0
        and not text.isupper()
    ):
        return f"{tok!r}: an acronym first"  # "GNN Explainer" ("Deepak RK Joshi")
    return "name"


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
    words, against = _name_form(text)
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
    if _name_form(following)[1] is not None:
        return Verdict(AUTHOR, "a title would need an author after it, and the next line is none")
    score = math.log(AUTHOR_PRIOR_ODDS) + _line_weight(words)
    if len(words) <= SHORT_LINE_WORDS:
        score += math.log(SHORT_LINE_ODDS)
    if _INITIAL.search(text):
        score += math.log(INITIAL_ODDS)
    if score < 0:
        common = min(words, key=_name_weight)
        return Verdict(TITLE, f"words of running text, not names (such as {common!r})")
    return Verdict(AUTHOR, "its words are names, or no likelier in a title")


@lru_cache(maxsize=1 << 18)
def looks_like_name(line: str) -> bool:
    """Whether a line read right after an author line, with nothing after it known, is a name."""
    previous = Line(0, "", AUTHOR)
    return classify_line(line, previous, following="Ada Lovelace").kind == AUTHOR


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
    """What position alone decided in a publication list: first authors and first titles."""
    names = {fold(owner)}
    titles: set[str] = set()
    for (_n, text), verdict, before in zip(items, verdicts, [None, *verdicts], strict=False):
        if verdict.kind == AUTHOR and before is not None and before.kind == TITLE:
            names.add(fold(text))
        elif verdict.kind == TITLE and (before is None or before.kind == ABSTRACT):
            titles.add(fold(text))
    return Known(frozenset(names), frozenset(titles))


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
