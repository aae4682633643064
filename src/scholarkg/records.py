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
    """Where a record came from: a file and a 1-based line number."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


# ---------------------------------------------------------------- read


@dataclass(frozen=True, slots=True)
class RawAuthor:
    text: str
    source: SourceRef


@dataclass(frozen=True, slots=True)
class RawListing:
    """One publication card as printed on a profile page."""

    title: str
    authors: tuple[RawAuthor, ...]
    abstract: str | None
    source: SourceRef
    doi: str | None = None
    arxiv: str | None = None


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
class Mention:
    """One printing of a person's name: as printed, as repaired, and where."""

    printed: str
    name: PersonName
    repaired: bool
    source: SourceRef
    is_profile_owner: bool = False

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
