"""Clean what was read: repair names garbled by stripped LaTeX, make abstracts whole.

Scrapers strip LaTeX's backslashes and braces, so ``Veli\\v{c}kovi\\'c`` arrives as
``Velivckovi 'c`` and ``\\'Alvaro`` as ``'Alvaro``. A *site* is a place in a word where an accent
command may have stood:

* a definite site: an accent mark that never stands in a clean name — ``'`` or `````  starting a
  word or standing alone before one letter (``'Alvaro``, ``Velivckovi 'c``), ``"``, ``^``, ``~``,
  ``=`` before a letter (``M"uller``), ``.`` before a lower-case letter (``Wo.zniak``);
* a possible site: a letter command followed by the letter it accents (``vc`` → č, ``cc`` → ç,
  ``Ho`` → ő …), or an apostrophe inside a word (``Jos'e``, but also ``O'Brien``, ``Thiong'o``).

Possible sites are decoded only with evidence: a definite site in the same name (one garbled word
shows the whole name went through a LaTeX-stripping scraper), two distinctive sites in one word,
or a clean spelling elsewhere in the input that the decoded form matches. Decoding uses
pylatexenc (the accent table of LaTeX itself) on the reconstructed command. Names with their
backslashes intact are decoded by pylatexenc directly.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from .names import normalize_case, parse_name
from .readers.page import SEE_MORE
from .records import (
    Bibliography,
    CleanListing,
    CleanProfile,
    Mention,
    PersonName,
    Profile,
    RawAuthor,
    RawListing,
    Rejection,
    SourceRef,
    WorkMeta,
)
from .rules import (
    EVIDENCE_WORD_MIN_LETTERS,
    GARBLED_WORD_LIKELY_SITES,
    MAX_NAME_CANDIDATES,
    MAX_STACKED_ACCENTS,
    MAX_UNCERTAIN_SITES,
)
from .text import ACCENT_MARKS, LETTER_COMMANDS, fold

# Letter-command pairs that hardly occur in clean names ("vc", "vs", "vz") are *distinctive*:
# decoded in a name that is garbled anyway. The rest ("cc" in Niccolò, "vr" in Lefèvre, "ra" …)
# only where a clean spelling elsewhere in the input shows the accent.
_DISTINCTIVE = frozenset(["vc", "vs", "vz", "vC", "vS", "vZ"])
_LATEX_CHARS = re.compile(r"[\\{}]")
_WORD_SPLIT = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def _accent(cmd: str, letter: str) -> str | None:
    """The accented letter ``\\cmd{letter}`` stands for, or None when Unicode has none."""
    from pylatexenc.latex2text import LatexNodes2Text

    text = LatexNodes2Text().latex_to_text(f"\\{cmd}{{{letter}}}")
    text = unicodedata.normalize("NFC", text)
    return text if len(text) == 1 and text != letter else None


@lru_cache(maxsize=1 << 16)
def decode_latex(text: str) -> str:
    """Decode a string that still has its LaTeX backslashes and braces: ``J{\\"u}rgen`` → Jürgen."""
    from pylatexenc.latex2text import LatexNodes2Text

    out = LatexNodes2Text(math_mode="verbatim").latex_to_text(text)
    return unicodedata.normalize("NFC", " ".join(out.split()))


@dataclass(frozen=True, slots=True)
class _Site:
    start: int  # index in the word
    length: int  # characters replaced
    replacement: str
    definite: bool
    distinctive: bool = True


def _sites(word: str) -> list[_Site]:
    """Every place in a word where an accent command may have stood, left to right."""
    sites: list[_Site] = []
    i = 0
    while i < len(word):
        site = _site_at(word, i)
        if site is None:
            i += 1
        else:
            sites.append(site)
            i += site.length
    return sites


def _site_at(word: str, i: int) -> _Site | None:
    """The site starting at ``word[i]``, trying each kind in turn."""
    for kind in (_stacked_site, _mark_site, _dot_site, _command_site):
        site = kind(word, i, word[i + 1 : i + 2], word[i + 2 : i + 3])
        if site is not None:
            return site
    return None


def _stacked_site(word: str, i: int, nxt: str, third: str) -> _Site | None:
    """A mark on a letter command: "Vi^det" is Vi\\^{\\d{e}}t → Việt."""
    c = word[i]
    if c in ACCENT_MARKS and c != "'" and nxt in LETTER_COMMANDS and third in LETTER_COMMANDS[nxt]:
        inner = _accent(nxt, third)
        outer = _accent(ACCENT_MARKS[c], inner) if inner else None
        if outer:
            return _Site(i, 3, outer, True)
    return None


def _mark_site(word: str, i: int, nxt: str, third: str) -> _Site | None:
    """A mark before a letter: ``M"uller``, ``'Alvaro``; an apostrophe inside a word only maybe."""
    c = word[i]
    if not (c in ACCENT_MARKS and nxt.isalpha()):
        return None
    acc = _accent(ACCENT_MARKS[c], nxt)
    if not acc:
        return None
    definite = True
    if c == "'" and i > 0:
        prev = word[i - 1]
        if prev.isupper() and i == 1 and nxt.isupper():
            return None  # O'Brien, D'Angelo
        definite = prev.isupper() and i == 1  # P'erez; Jos'e or Thiong'o need evidence
    return _Site(i, 2, acc, definite)


def _dot_site(word: str, i: int, nxt: str, third: str) -> _Site | None:
    """A dot accent before a lower-case letter inside a word: ``Wo.zniak``."""
    if word[i] == "." and i > 0 and nxt.islower() and word[i - 1].isalpha():
        acc = _accent(".", nxt)
        if acc:
            return _Site(i, 2, acc, True)
    return None


def _command_site(word: str, i: int, nxt: str, third: str) -> _Site | None:
    """A letter command before the letter it accents: ``vc`` → č (definite where a word starts
    lower-upper, "cTurcanu"), and ``\\AA``, ``\\DJ`` starting a word."""
    c = word[i]
    if i == 0 and c in LETTER_COMMANDS and nxt.isupper() and nxt in LETTER_COMMANDS[c]:
        acc = _accent(c, nxt)
        if acc:
            return _Site(i, 2, acc, True)
    if i == 0 and word[:2] in ("AA", "DJ") and len(word) > 2 and word[2].islower():
        return _Site(0, 2, "Å" if word[0] == "A" else "Đ", True)
    distinctive = c + nxt in _DISTINCTIVE
    if c in LETTER_COMMANDS and nxt and nxt in LETTER_COMMANDS[c] and (i > 0 or distinctive):
        acc = _accent(c, nxt)
        if acc:
            return _Site(i, 2, acc, False, distinctive)
    return None


def _apply(word: str, sites: Iterable[_Site]) -> str:
    out = word
    for s in sorted(sites, key=lambda s: -s.start):
        out = out[: s.start] + s.replacement + out[s.start + s.length :]
    return out


def _is_stray(word: str) -> bool:
    """Marks and one letter standing alone: ``'c`` in ``Velivckovi 'c``, ``~^o`` in ``DJ ~^o``."""
    return len(word) >= 2 and all(c in ACCENT_MARKS for c in word[:-1]) and word[-1].isalpha()


def _words(text: str) -> list[tuple[str, str]]:
    """Words with the stray accents that follow them decoded: ``Velivckovi 'c`` → (…, "ć")."""
    out: list[tuple[str, str]] = []
    for w in _WORD_SPLIT.split(text.strip()):
        acc: str | None = None
        if _is_stray(w):
            acc = w[-1]
            for mark in reversed(w[:-1]):  # the innermost accent first: ~^o is \~{\^o}
                acc = _accent(ACCENT_MARKS[mark], acc) if acc else None
        if out and acc:
            word, tail = out[-1]
            out[-1] = (word, tail + acc)
        elif w:
            out.append((w, ""))
    return out


def has_residue(text: str) -> bool:
    """Whether a printed name shows LaTeX residue of any kind that needs repair."""
    if _LATEX_CHARS.search(text):
        return True
    return any(tail or any(s.definite for s in _sites(w)) for w, tail in _words(text))


def name_candidates(printed: str) -> list[str]:
    """Every plausible repair of a printed name, the default (most likely) first."""
    text = " ".join(printed.split())
    if _LATEX_CHARS.search(text):
        return [decode_latex(text)]
    # \DJ or \AA with a stray accent after them: "DJ ~^o" is Đỗ
    pairs = [({"DJ": "Đ", "AA": "Å"}.get(w, w) if tail else w, tail) for w, tail in _words(text)]
    words = [(w, tail, _sites(w)) for w, tail in pairs]
    # one garbled word shows the whole name went through a LaTeX-stripping scraper
    garbled_name = any(tail or any(s.definite for s in sites) for _, tail, sites in words)
    per_word: list[list[str]] = []
    for w, tail, sites in words:
        definite = [s for s in sites if s.definite]
        possible = [s for s in sites if not s.definite]
        likely = [s for s in possible if s.distinctive]
        if garbled_name or len(likely) >= GARBLED_WORD_LIKELY_SITES:
            default = _apply(w, [*definite, *likely])  # decode what is likely
            for _ in range(MAX_STACKED_ACCENTS):  # stacked accents: "Nguy~^en" → Nguyễn
                again = [s for s in _sites(default) if s.definite]
                if not again:
                    break
                default = _apply(default, again)
        else:
            default = w
        options = [default + tail]
        if possible and len(possible) <= MAX_UNCERTAIN_SITES:
            for k in range(len(possible) + 1):
                for subset in itertools.combinations(possible, k):
                    cand = _apply(w, [*definite, *subset]) + tail
                    if cand not in options:
                        options.append(cand)
        per_word.append(options)
    out: list[str] = []
    for combo in itertools.product(*per_word):
        out.append(" ".join(combo))
        if len(out) >= MAX_NAME_CANDIDATES:
            break
    return out


def clean_abstract(text: str | None) -> str | None:
    """Remove the "… (see more)" marker and rejoin the words on either side of it."""
    if not text:
        return None

    def join(m: re.Match[str]) -> str:
        before = m.string[m.start() - 1 : m.start()] if m.start() else ""
        after = m.string[m.end() : m.end() + 1]
        return " " if (before.isspace() or after.isspace() or not before or not after) else ""

    out = SEE_MORE.sub(join, text)
    out = re.sub(r"\s+", " ", out).strip()
    return out or None


def clean_title(text: str) -> str:
    text = " ".join(text.split())
    if _LATEX_CHARS.search(text) and "\\" in text:
        text = decode_latex(text)
    return text


_NON_NAME = re.compile(r"^(?:et al\.?|others|and others|\.\.\.|…)$", re.IGNORECASE)


class NameCleaner:
    """Repairs printed names, using the clean spellings seen anywhere in the input as evidence."""

    def __init__(self, printed_names: Iterable[str]) -> None:
        # clean spellings, exactly (accents count, case does not), and their words folded
        # (a printed name is no evidence for itself: counts let it be discounted)
        self._known: Counter[str] = Counter()
        self._known_words: Counter[str] = Counter()
        for p in set(printed_names):
            if not has_residue(p):
                text = " ".join(p.split())
                self._known[text.casefold()] += 1
                self._known_words.update(
                    {w for w in fold(text).split() if len(w) >= EVIDENCE_WORD_MIN_LETTERS}
                )

        # a cache of this cleaner's own, freed with it
        self.clean = lru_cache(maxsize=1 << 18)(self._clean)

    def _clean(self, printed: str) -> tuple[PersonName, bool]:
        """The parsed, repaired name and whether it differs from the printed text."""
        candidates = name_candidates(printed)
        chosen = candidates[0]
        if len(candidates) > 1:
            text = " ".join(printed.split())
            own = text.casefold() if not has_residue(text) else ""
            own_words = (
                {w for w in fold(text).split() if len(w) >= EVIDENCE_WORD_MIN_LETTERS}
                if own
                else set()
            )
            exact = [c for c in candidates if self._known[c.casefold()] > (c.casefold() == own)]
            if exact:
                chosen = exact[0]
            else:
                # a repair whose words are spelt so elsewhere: "Natavsa" → Nataša, "Kilicc" → Kiliç
                def known_words(cand: str) -> int:
                    return sum(
                        1 for w in fold(cand).split() if self._known_words[w] > (w in own_words)
                    )

                best = max(candidates, key=known_words)
                if known_words(best) > known_words(chosen):
                    chosen = best
        name = normalize_case(parse_name(chosen))
        return name, name.display != " ".join(printed.split())


def clean_profiles(profiles: Iterable[Profile]) -> list[CleanProfile]:
    """Clean every profile; names are repaired with evidence from all of them."""
    profiles = list(profiles)
    printed = {p.name for p in profiles}
    printed.update(a.text for p in profiles for li in p.listings for a in li.authors)
    cleaner = NameCleaner(sorted(printed))
    return [clean_profile(p, cleaner) for p in profiles]


def _mention(cleaner: NameCleaner, text: str, source: SourceRef, owner: bool = False) -> Mention:
    name, repaired = cleaner.clean(text)
    return Mention(
        printed=text, name=name, repaired=repaired, source=source, is_profile_owner=owner
    )


def clean_profile(profile: Profile, cleaner: NameCleaner) -> CleanProfile:
    owner = _mention(cleaner, profile.name, profile.name_source, owner=True)
    rejections: list[Rejection] = []
    listings: list[CleanListing] = []
    for li in profile.listings:
        authors: list[Mention] = []
        for a in li.authors:
            if _NON_NAME.match(a.text.strip()):
                rejections.append(Rejection(a.source, a.text, "not a person's name"))
                continue
            m = _mention(cleaner, a.text, a.source)
            if not m.name.family:
                rejections.append(Rejection(a.source, a.text, "no family name after cleaning"))
                continue
            authors.append(m)
        listings.append(
            CleanListing(
                title=clean_title(li.title),
                authors=tuple(authors),
                abstract=clean_abstract(li.abstract),
                source=li.source,
                owner=owner,
                doi=li.doi,
                arxiv=li.arxiv,
            )
        )
    return CleanProfile(
        path=profile.path,
        owner=owner,
        role=profile.role,
        job_title=profile.job_title,
        employer=profile.employer,
        topics=profile.topics,
        listings=tuple(listings),
        rejections=tuple(rejections),
    )


# ---------------------------------------------------------------- structured sources


@lru_cache(maxsize=1 << 16)
def decode_latex_text(text: str) -> str:
    """A BibTeX title or field as text: accents decoded, case-protecting braces removed, math
    as text (``$\\alpha$-divergence`` → α-divergence)."""
    from pylatexenc.latex2text import LatexNodes2Text

    out = LatexNodes2Text(math_mode="text").latex_to_text(text)
    return unicodedata.normalize("NFC", " ".join(out.split()))


def _printed_names(sources: Iterable[Profile | Bibliography]) -> set[str]:
    printed: set[str] = set()
    for s in sources:
        if isinstance(s, Profile):
            printed.add(s.name)
            printed.update(a.text for li in s.listings for a in li.authors)
        else:
            printed.update(p.parts.display if p.parts else p.name for p in s.people)
            for li in s.listings:
                printed.update(
                    a.parts.display if a.parts else a.text
                    for a in (*li.authors, *li.editors)
                    if not a.organization
                )
    return printed


def clean_sources(sources: Iterable[Profile | Bibliography]) -> list[CleanProfile]:
    """Clean pages and structured sources together: names are repaired with evidence from all.

    A structured source becomes one :class:`CleanProfile` without an owner (its works), and
    one more per person record (the person as owner, with roles and topics, and no works).
    """
    sources = list(sources)
    cleaner = NameCleaner(sorted(_printed_names(sources)))
    out: list[CleanProfile] = []
    for s in sources:
        if isinstance(s, Profile):
            out.append(clean_profile(s, cleaner))
        else:
            out.extend(clean_bibliography(s, cleaner))
    return out


def _structured_mention(
    cleaner: NameCleaner,
    text: str,
    parts: PersonName | None,
    orcid: str | None,
    source: SourceRef,
    owner: bool = False,
) -> Mention:
    if parts is not None:
        name = normalize_case(parts)
        repaired = False
    else:
        name, repaired = cleaner.clean(text)
    return Mention(
        printed=text,
        name=name,
        repaired=repaired,
        source=source,
        is_profile_owner=owner,
        orcid=orcid,
    )


def _clean_meta(meta: WorkMeta | None, latex: bool) -> WorkMeta | None:
    if meta is None or not latex:
        return meta
    return replace(
        meta,
        venue=decode_latex_text(meta.venue) if meta.venue else "",
        publisher=decode_latex_text(meta.publisher) if meta.publisher else "",
        pages=decode_latex_text(meta.pages) if meta.pages else "",
        volume=decode_latex_text(meta.volume) if meta.volume else "",
        issue=decode_latex_text(meta.issue) if meta.issue else "",
        topics=tuple(decode_latex_text(t) for t in meta.topics),
    )


def clean_bibliography(b: Bibliography, cleaner: NameCleaner) -> list[CleanProfile]:
    rejections: list[Rejection] = []
    listings = [_clean_structured_listing(li, cleaner, rejections) for li in b.listings]
    out = [
        CleanProfile(
            path=b.path,
            owner=None,
            role=None,
            job_title=None,
            employer=None,
            topics=(),
            listings=tuple(listings),
            rejections=tuple(rejections),
        )
    ]
    for p in b.people:
        owner = _structured_mention(cleaner, p.name, p.parts, p.orcid, p.source, owner=True)
        out.append(
            CleanProfile(
                path=f"{b.path}#{p.source.part}",
                owner=owner,
                role=", ".join(p.roles) or None,
                job_title=p.job_title,
                employer=p.employer,
                topics=p.topics,
                listings=(),
            )
        )
    return out


def _clean_structured_listing(
    li: RawListing, cleaner: NameCleaner, rejections: list[Rejection]
) -> CleanListing:
    """A BibTeX entry, CSL item or work record, cleaned: LaTeX decoded, names parsed."""
    orgs = [decode_latex_text(a.text) if li.latex else a.text for a in li.authors if a.organization]
    authors = _people(li.authors, cleaner, rejections)
    title = decode_latex_text(li.title) if li.latex else clean_title(li.title)
    abstract = li.abstract
    if abstract and li.latex:
        abstract = decode_latex_text(abstract)
    return CleanListing(
        title=title,
        authors=tuple(authors),
        abstract=clean_abstract(abstract),
        source=li.source,
        owner=None,
        doi=li.doi,
        arxiv=li.arxiv,
        meta=_clean_meta(li.meta, li.latex),
        authors_complete=li.authors_complete,
        organizations=tuple(orgs),
        printed_title=li.title if title != li.title else None,
        editors=tuple(_people(li.editors, cleaner, rejections)),
    )


def _people(
    names: Iterable[RawAuthor], cleaner: NameCleaner, rejections: list[Rejection]
) -> list[Mention]:
    """The people of an author (or editor) list, cleaned; what is not a name is rejected."""
    out: list[Mention] = []
    for a in names:
        if a.organization:
            continue
        if _NON_NAME.match(a.text.strip()):
            rejections.append(Rejection(a.source, a.text, "not a person's name"))
            continue
        m = _structured_mention(cleaner, a.text, a.parts, a.orcid, a.source)
        if not m.name.family:
            rejections.append(Rejection(a.source, a.text, "no family name after cleaning"))
            continue
        out.append(m)
    return out
