"""Typed records that flow between the pipeline stages.

read → :class:`Profile` (raw text as printed, with file:line)
clean → :class:`CleanProfile` (repaired names, whole abstracts, parsed names)
resolve → :class:`Resolution` (one :class:`Person` per human, one :class:`Work` per paper)
tag → :class:`TopicTag` on works
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class SourceRef:
    """Where a record came from: a file, a 1-based line number and, in structured sources, the
    record within it (a BibTeX entry key, a CSL item id, an author's place in a list)."""

    path: str
    line: int
    part: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}#{self.part}" if self.part else where


# ---------------------------------------------------------------- read


@dataclass(frozen=True, slots=True)
class PersonName:
    """A parsed personal name. ``given`` holds first and middle names or initials."""

    given: tuple[str, ...]
    family: str
    suffix: str = ""

    @property
    def display(self) -> str:
        parts = [*self.given, self.family]
        text = " ".join(p for p in parts if p)
        return f"{text} {self.suffix}" if self.suffix else text


@dataclass(frozen=True, slots=True)
class RawAuthor:
    """A name as printed. Structured sources give the parts (``parts``), an ORCID, or say that
    the author is an organization (a CSL ``literal``, a braced BibTeX name)."""

    text: str
    source: SourceRef
    parts: PersonName | None = None
    orcid: str | None = None
    organization: bool = False


@dataclass(frozen=True, slots=True)
class WorkMeta:
    """What structured sources say of a work beyond its title and authors (all optional)."""

    kind: str = ""  # the source's type: article, inproceedings, book, phdthesis, webpage …
    date: str = ""  # ISO 8601: 2017, 2017-06 or 2017-06-01
    venue: str = ""  # journal, proceedings or book the work is part of
    pages: str = ""
    volume: str = ""
    issue: str = ""
    publisher: str = ""
    urls: tuple[str, ...] = ()
    arxiv_version: str = ""  # "v2" when a source names the version
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RawListing:
    """One publication: a card as printed on a profile page, a BibTeX entry, a CSL item."""

    title: str
    authors: tuple[RawAuthor, ...]
    abstract: str | None
    source: SourceRef
    doi: str | None = None
    arxiv: str | None = None
    meta: WorkMeta | None = None
    authors_complete: bool = True  # False: the source says "and others"
    latex: bool = False  # title and names are LaTeX (BibTeX): decoded by clean
    editors: tuple[RawAuthor, ...] = ()  # BibTeX and CSL ``editor``: people, never authors


@dataclass(frozen=True, slots=True)
class Problem:
    """A local fault in an input that was read around: where, and what was done instead."""

    source: SourceRef
    message: str
    warning: bool = True  # False: a note (an entry that is not a work, read as such)

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A person as a structured source describes them (JSON records): a member with roles."""

    name: str
    source: SourceRef
    parts: PersonName | None = None
    orcid: str | None = None
    roles: tuple[str, ...] = ()
    job_title: str | None = None
    employer: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Bibliography:
    """A structured source file (BibTeX, CSL-JSON, JSON records): its works and people."""

    path: str
    format: str  # bibtex | csl | records
    listings: tuple[RawListing, ...]
    people: tuple[PersonRecord, ...] = ()
    problems: tuple[Problem, ...] = ()
    skipped: int = 0  # entries that could not be read at all (each is a problem)


@dataclass(frozen=True, slots=True)
class Profile:
    """One profile page as printed: the owner and their listings."""

    path: str
    name: str
    name_source: SourceRef
    role: str | None
    job_title: str | None
    employer: str | None
    topics: tuple[str, ...]
    listings: tuple[RawListing, ...]


# ---------------------------------------------------------------- clean


@dataclass(frozen=True, slots=True)
class Mention:
    """One printing of a person's name: as printed, as repaired, and where."""

    printed: str
    name: PersonName
    repaired: bool
    source: SourceRef
    is_profile_owner: bool = False
    orcid: str | None = None

    @property
    def text(self) -> str:
        return self.name.display


@dataclass(frozen=True, slots=True)
class CleanListing:
    title: str
    authors: tuple[Mention, ...]
    abstract: str | None
    source: SourceRef
    owner: Mention | None
    doi: str | None = None
    arxiv: str | None = None
    meta: WorkMeta | None = None
    authors_complete: bool = True
    organizations: tuple[str, ...] = ()  # corporate authors, in order
    printed_title: str | None = None  # the title as printed, when cleaning changed it
    editors: tuple[Mention, ...] = ()  # in printed order


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input record that was not used, with the reason."""

    source: SourceRef
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class CleanProfile:
    path: str
    owner: Mention | None
    role: str | None
    job_title: str | None
    employer: str | None
    topics: tuple[str, ...]
    listings: tuple[CleanListing, ...]
    rejections: tuple[Rejection, ...] = ()


# ---------------------------------------------------------------- resolve


@dataclass(frozen=True, slots=True)
class Membership:
    role: str | None
    job_title: str | None
    employer: str | None
    topics: tuple[str, ...]
    source: SourceRef


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name: str
    alternate_names: tuple[str, ...]
    printed_forms: tuple[tuple[str, SourceRef], ...]
    sources: tuple[SourceRef, ...]
    membership: Membership | None = None
    orcid: str | None = None


@dataclass(frozen=True, slots=True)
class TopicTag:
    """Why a work is about a topic: which text matched, by which rule, in which field."""

    topic: str
    matched: str
    rule: str
    field: str


@dataclass(frozen=True, slots=True)
class Work:
    key: str
    title: str
    alternate_titles: tuple[str, ...]
    abstract: str | None
    authors: tuple[str, ...]  # Person keys, in order
    sources: tuple[SourceRef, ...]
    doi: str | None = None
    arxiv: str | None = None
    topics: tuple[TopicTag, ...] = ()
    meta: WorkMeta | None = None  # the fused metadata of every source
    arxiv_versions: tuple[str, ...] = ()  # "v1", "v2" … as the sources name them
    authors_complete: bool = True
    organizations: tuple[str, ...] = ()
    printed_titles: tuple[tuple[str, SourceRef], ...] = ()
    editors: tuple[str, ...] = ()  # Person keys, in printed order


@dataclass(frozen=True, slots=True)
class Join:
    """Why two mentions are one person: the score of the join and the terms it is made of
    (log-odds, by name: ``("rare name", 6.0)``, ``("shared paper", 4.0)`` …)."""

    a: SourceRef
    b: SourceRef
    score: float
    terms: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    people: tuple[Person, ...]
    works: tuple[Work, ...]
    listing_to_work: dict[SourceRef, str] = field(default_factory=dict)
    mention_to_person: dict[SourceRef, str] = field(default_factory=dict)
    rejections: tuple[Rejection, ...] = ()
    # every join of two mentions into one person, with its evidence (not exported)
    joins: tuple[Join, ...] = ()
