"""Records shared by the generator's modules: mess rates, world parameters, what is written.

``MessRates`` are per-mention or per-card probabilities of each kind of mess; ``World`` holds
the parameters that shape a whole world (name distributions, page sizes, namesakes, directors,
double surnames, real names). The default ``World()`` with the default ``MessRates()`` is the
original generator, byte for byte: every new knob draws from the random stream only when it is
switched on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

TRUTH_FORMAT = "scholarkg-synthetic-truth/1"
MIN_LISTINGS_PER_PAGE = 20
MAX_LISTINGS_PER_PAGE = 300

MESS_TAGS = {
    # author lines
    "nickname": "given name swapped with its nickname (Alexander <-> Alex)",
    "initials": "given (and middle) names reduced to initials (S. Chan, S.C.Y. Chan)",
    "middle": "middle name or initial dropped, added, or printed in another form",
    "case": "letter case changed (ALL CAPS surname, all lower, all upper)",
    "latex": "LaTeX accents with backslashes and braces stripped (Velivckovi 'c)",
    "ascii": "diacritics folded to plain ASCII (Jörg -> Jorg, Joerg)",
    "hyphen": "hyphenated name printed with a space, joined, or shortened",
    "particle": "surname particle capitalised or dropped (van der -> Van Der)",
    "suffix": "name suffix dropped or reformatted (Jr.)",
    "double": "an extra line printing an author already in the same list another way",
    "member": "a mention of a member of the institute on another member's page",
    "confusable": "a person sharing surname (and maybe first initial) with a lab colleague",
    "homonym": "a person whose usual name is exactly that of another person",
    "director": "a prolific member (a director) added to a paper of another lab",
    "part_surname": "a person named by one part of another person's double surname",
    "acl_variant": "a real person printed as one of their curated spelling variants",
    # title lines
    "dup": "second carousel copy of a card",
    "dup_altered": "second carousel copy whose author list differs from the first",
    "shared": "a paper listed on two or more members' pages",
    "version": "a title differing from the paper's main title by arXiv-version edits",
    "sibling": "a different paper with a deliberately similar title by the same authors",
    "short_title": "a short title of capitalised words (it can pass for a name)",
    # abstract lines
    "abstract": "an abstract line",
    "abstract_cut": "an abstract line cut by the '… (see more)' marker",
}


@dataclass(frozen=True, slots=True)
class MessRates:
    """Probabilities of each kind of mess. Per-mention rates apply where they can."""

    duplicate: float = 0.45  # a card is shown twice by the carousel
    duplicate_altered: float = 0.2  # the second copy's author list differs
    double_print: float = 0.02  # per card: one author printed two ways in the list
    nickname: float = 0.3  # per mention of a person whose given name has a nickname
    initials: float = 0.06  # per mention
    middle: float = 0.2  # per mention of a person with middle names
    case: float = 0.01  # per mention
    latex: float = 0.2  # per mention of a name with diacritics
    ascii: float = 0.25  # per mention of a name with diacritics
    latex_space: float = 0.35  # LaTeX residue: space before a word-final accent
    hyphen: float = 0.15  # per mention of a hyphenated name
    particle: float = 0.2  # per mention of a name with a particle
    suffix: float = 0.3  # per mention of a name with a suffix
    shared: float = 0.15  # a new paper in a multi-member lab is also another member's
    member_coauthor: float = 0.03  # an author slot goes to a member of another lab
    version: float = 0.05  # a paper also appears under a version title
    sibling: float = 0.02  # a paper comes with a similar-titled different paper
    abstract: float = 0.3  # a paper has an abstract
    abstract_shown: float = 0.85  # a listing of a paper with an abstract shows it
    abstract_cut: float = 0.85  # a shown abstract is cut by the marker
    confusable: float = 0.35  # a lab gets a person confusable with a colleague
    homonym: float = 0.01  # a new coauthor has exactly the usual name of another person
    # knobs added for the worlds (0 keeps the original stream of random draws)
    short_title: float = 0.0  # a new paper gets a short title of capitalised words
    hyphen_drop: float = 0.0  # a hyphen variant drops one part (either) of a double surname
    acl_variant: float = 0.0  # a mention of a real person prints a curated variant

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"rate {f.name}={value} must be between 0 and 1")


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over everything written."""

    pages: int
    listings: int
    page_papers: int
    papers: int
    persons: int
    members: int
    author_lines: int
    abstract_lines: int
    confusable_persons: int  # made to share surname (and maybe initial) with a colleague
    homonym_persons: int  # printed people whose usual name another printed person also has
    namesake_groups: int  # usual names printed for two or more people
    indistinguishable_persons: int  # namesakes nothing on the pages tells apart (see truth)
    indistinguishable_mentions: int  # their mention lines (author and owner lines)
    lines: int
    bytes: int
    mess: dict[str, int]  # lines per tag of MESS_TAGS


@dataclass(frozen=True, slots=True)
class GroundTruth:
    """Where the generated institute is, and what it holds."""

    world: str
    out_dir: Path
    truth_path: Path
    pages_truth_path: Path
    summary: Summary


@dataclass(frozen=True, slots=True)
class World:
    """Parameters of one world; the defaults are the original generator.

    Every knob that is 0 / empty / default draws nothing from the random stream, so the
    ``default`` world stays byte-identical to what the generator always wrote.
    """

    name: str = "default"
    about: str = "the original generator: unique usual names, 1% namesakes of prolific people"
    rates: MessRates = field(default_factory=lambda: MessRates())
    # culture mix: (culture key, weight) pairs replacing the tables' weights; () keeps them
    culture_weights: tuple[tuple[str, float], ...] = ()
    # "unique": every usual name is one person (clashes redrawn); "population": given and
    # family names drawn by Zipf-like frequencies, namesakes arise as they do in the world
    name_mode: str = "unique"
    given_zipf: float = 1.0  # population mode: exponent over a culture's given names
    # population mode: (culture key, exponent, share of surnames from the long tail)
    surname_zipf: tuple[tuple[str, float, float], ...] = ()
    surname_zipf_default: tuple[float, float] = (1.0, 0.5)
    given_tail: float = -1.0  # share of syllable given names; < 0 keeps the tables' share
    surname_tail: float = -1.0  # share of generated tail surnames; < 0 keeps the tables'
    head_names: int = 0  # > 0: only the first N given and family names of each list
    hyphen_boost: float = 1.0  # multiplies each culture's double-surname probability
    part_surname: float = 0.0  # a double-surname person has a different person named by a part
    homonym_scope: str = "pool"  # "pool": namesakes of prolific pool people; "all": anyone
    member_homonym: float = 0.0  # a member carries the usual name of an earlier person
    directors: int = 0  # prolific members who coauthor across every lab
    director_rate: float = 0.0  # a paper of another lab gets a director as an author
    acl_names: bool = False  # people are real names from the ACL variants list while they last
    min_page: int = MIN_LISTINGS_PER_PAGE
    max_page: int = MAX_LISTINGS_PER_PAGE
    page_tail: float = 1.3  # Pareto exponent of listings per page (smaller: longer tail)
    lab_size_weights: tuple[float, ...] = (30, 25, 18, 12, 8, 7)  # 1..6 members
    author_count_weights: tuple[float, ...] = (3, 10, 16, 17, 15, 11, 8, 6, 5, 4, 3, 2)
    pool_divisor: int = 30  # pool of external collaborators: listings // this
