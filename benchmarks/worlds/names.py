"""People and how they are printed: cultures, name tables (``data/names.json``), mess.

The name tables are data, not code: ``data/names.json`` holds, per culture, its given names,
family names (the common head, most frequent first), middle names, particles and weights, and
the roots and patterns of the long tail of family names. Draws are by index, so the order of
every list is part of the generator's output.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .spec import MessRates

if TYPE_CHECKING:
    from .acl import AclPerson

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class Culture:
    key: str
    weight: float
    firsts: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_skew: float = 1.2
    middles: tuple[str, ...] = ()
    middle_prob: float = 0.08
    # weights for middle display: initial, bare initial, full, hidden
    middle_styles: tuple[float, float, float, float] = (0.6, 0.05, 0.1, 0.25)
    particles: tuple[str, ...] = ()
    particle_prob: float = 0.0
    hyphen_prob: float = 0.02
    suffix_prob: float = 0.0


def _load_tables() -> dict[str, object]:
    with (DATA / "names.json").open(encoding="utf-8") as f:
        tables = json.load(f)
    assert isinstance(tables, dict)
    return tables


_TABLES = _load_tables()
_ENGLISH: dict[str, list[str]] = _TABLES["english"]  # type: ignore[assignment]
ENGLISH_FIRSTS: tuple[str, ...] = (*_ENGLISH["male"], *_ENGLISH["female"])
FEMALE_FIRSTS = frozenset(_ENGLISH["female"])
ENGLISH_MIDDLES: tuple[str, ...] = tuple(_ENGLISH["middles"])
ENGLISH_FEMALE_MIDDLES: tuple[str, ...] = tuple(_ENGLISH["female_middles"])
_REFS: dict[str, tuple[str, ...]] = {
    "@english_firsts": ENGLISH_FIRSTS,
    "@english_middles": ENGLISH_MIDDLES,
}


def _culture(spec: dict[str, object]) -> Culture:
    kwargs: dict[str, object] = {}
    for key, value in spec.items():
        if isinstance(value, str) and value.startswith("@"):
            value = _REFS[value]
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[key] = value
    return Culture(**kwargs)  # type: ignore[arg-type]


NICKNAMES: dict[str, tuple[str, ...]] = {
    k: tuple(v)
    for k, v in _TABLES["nicknames"].items()  # type: ignore[attr-defined]
}
CULTURES: tuple[Culture, ...] = tuple(_culture(c) for c in _TABLES["cultures"])  # type: ignore[attr-defined]
CULTURE_BY_KEY = {c.key: c for c in CULTURES}
# The long tail of names: surnames built from a root and a culture's pattern, and given
# names built from syllables, so that a million listings do not run out of names. The
# lists are the common head; SURNAME_TAIL_SHARE of surnames come from the tail.
SURNAME_TAIL_SHARE: float = _TABLES["surname_tail_share"]  # type: ignore[assignment]
SURNAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    k: (tuple(v["roots"]), tuple(v["patterns"]))
    for k, v in _TABLES["surname_parts"].items()  # type: ignore[attr-defined]
}
GIVEN_SYLLABLE_SHARE: float = _TABLES["given_syllable_share"]  # type: ignore[assignment]
GIVEN_SYLLABLES: dict[str, tuple[str, ...]] = {
    k: tuple(v)
    for k, v in _TABLES["given_syllables"].items()  # type: ignore[attr-defined]
}
SUFFIXES: tuple[str, ...] = tuple(_TABLES["suffixes"])  # type: ignore[arg-type]


# LaTeX residue: what is left of a LaTeX accent once a scraper strips "\", "{" and "}".
_LATEX_SYMBOL = {
    "\u0301": "'",
    "\u0300": "`",
    "\u0302": "^",
    "\u0308": '"',
    "\u0303": "~",
    "\u0307": ".",
    "\u0304": "=",
}
_LATEX_LETTER = {
    "\u030c": "v",
    "\u0327": "c",
    "\u0326": "c",
    "\u0306": "u",
    "\u030a": "r",
    "\u030b": "H",
    "\u0328": "k",
    "\u0323": "d",
    "\u0309": "h",
    "\u031b": "",
}
_LATEX_SPECIAL = {
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "đ": "dj",
    "Đ": "DJ",
    "ı": "i",
    "å": "aa",
    "Å": "AA",
}
_FOLD_SPECIAL = {
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "œ": "oe",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
}
_GERMAN_FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


def latex_residue(text: str, rng: random.Random, space_rate: float) -> str:
    """Spell ``text`` as LaTeX accents would look after a scraper dropped ``\\``, ``{``, ``}``.

    ``é`` (``\\'e``) becomes ``'e``, ``č`` (``\\v{c}``) becomes ``vc``, ``ø`` (``\\o``)
    becomes ``o``; with probability ``space_rate`` a word-final symbol accent gets a
    space before it, as in ``Velivckovi 'c``.
    """
    out: list[str] = []
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            out.append(ch)
            continue
        special = _LATEX_SPECIAL.get(ch)
        if special is not None:
            out.append(special)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        if not marks:
            out.append(_ascii_fold(ch))
            continue
        commands = "".join(_LATEX_SYMBOL.get(m, _LATEX_LETTER.get(m, "")) for m in reversed(marks))
        word_final = i + 1 == len(text) or not text[i + 1].isalpha()
        if (
            word_final
            and commands[:1] in _LATEX_SYMBOL.values()
            and i > 0
            and text[i - 1].isalpha()
            and rng.random() < space_rate
        ):
            out.append(" ")
        out.append(commands + base)
    return "".join(out)


def _ascii_fold(text: str, german: bool = False) -> str:
    out: list[str] = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        elif german and ch in _GERMAN_FOLD:
            out.append(_GERMAN_FOLD[ch])
        elif ch in _FOLD_SPECIAL:
            out.append(_FOLD_SPECIAL[ch])
        else:
            out.append(
                "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            )
    return "".join(out)


def _initial(name: str) -> str:
    return name[0] + "." if name else ""  # real names may have no given name


@dataclass(frozen=True, slots=True)
class Person:
    """One true person; ``canonical`` is how the person is usually printed."""

    pid: int
    culture: str
    given: str  # formal given name, with diacritics
    nick: str  # a nickname of ``given``, or ""
    goes_by_nick: bool
    middles: tuple[str, ...]
    middle_style: str  # "initial", "bare", "full", "hidden"
    particle: str
    surname: str
    suffix: str
    canonical: str
    ops: tuple[str, ...]  # variant operations that apply to this name
    op_weights: tuple[float, ...]
    variant_prob: float
    variants: tuple[str, ...] = ()  # curated spellings of a real person (ACL world)


def _middle_tokens(middles: tuple[str, ...], style: str) -> list[str]:
    if not middles or style == "hidden":
        return []
    if style == "full":
        return list(middles)
    if style == "bare":
        return ["".join(m[0] for m in middles)]
    return ["".join(_initial(m) for m in middles)]


def _join_name(
    given: str, middles: list[str], particle: str, surname: str, suffix: str, comma: bool
) -> str:
    parts = [given, *middles]
    if particle:
        parts.append(particle)
    parts.append(surname)
    text = " ".join(p for p in parts if p)
    if suffix:
        text += (", " if comma else " ") + suffix
    return text


def make_person(
    pid: int, culture: Culture, given: str, surname: str, rng: random.Random, rates: MessRates
) -> Person:
    """A person of ``culture`` named ``given surname``, with culture-typical extras."""
    middles: tuple[str, ...] = ()
    if culture.middle_prob and rng.random() < culture.middle_prob:
        pool = culture.middles or culture.firsts
        if given in FEMALE_FIRSTS and pool is ENGLISH_MIDDLES:
            pool = ENGLISH_FEMALE_MIDDLES
        count = 2 if rng.random() < 0.1 else 1
        middles = tuple(rng.choice(pool) for _ in range(count))
    style = rng.choices(("initial", "bare", "full", "hidden"), weights=culture.middle_styles)[0]
    particle = ""
    if culture.particles and rng.random() < culture.particle_prob:
        particle = rng.choice(culture.particles)
    suffix = ""
    if given not in FEMALE_FIRSTS and rng.random() < culture.suffix_prob:
        suffix = rng.choice(SUFFIXES)
    nicks = NICKNAMES.get(given, ())
    nick = rng.choice(nicks) if nicks else ""
    goes_by_nick = bool(nick) and rng.random() < 0.3
    return _build_person(
        pid, culture.key, given, nick, goes_by_nick, middles, style, particle, surname, suffix,
        rates,
    )  # fmt: skip


def _build_person(
    pid: int,
    culture: str,
    given: str,
    nick: str,
    goes_by_nick: bool,
    middles: tuple[str, ...],
    style: str,
    particle: str,
    surname: str,
    suffix: str,
    rates: MessRates,
) -> Person:
    shown_given = nick if goes_by_nick else given
    canonical = _join_name(
        shown_given, _middle_tokens(middles, style), particle, surname, suffix, comma=False
    )
    applicable: list[tuple[str, float]] = [("initials", rates.initials), ("case", rates.case)]
    if nick:
        applicable.append(("nickname", rates.nickname))
    if middles:
        applicable.append(("middle", rates.middle))
    if any(ord(c) > 127 for c in canonical):
        applicable += [("latex", rates.latex), ("ascii", rates.ascii)]
    if "-" in surname or "-" in given:
        applicable.append(("hyphen", rates.hyphen))
    if particle:
        applicable.append(("particle", rates.particle))
    if suffix:
        applicable.append(("suffix", rates.suffix))
    applicable = [(op, w) for op, w in applicable if w > 0]
    keep = 1.0
    for _, w in applicable:
        keep *= 1.0 - w
    return Person(
        pid=pid,
        culture=culture,
        given=given,
        nick=nick,
        goes_by_nick=goes_by_nick,
        middles=middles,
        middle_style=style,
        particle=particle,
        surname=surname,
        suffix=suffix,
        canonical=canonical,
        ops=tuple(op for op, _ in applicable),
        op_weights=tuple(w for _, w in applicable),
        variant_prob=1.0 - keep,
    )


def _rebuild(person: Person, rates: MessRates) -> Person:
    """``person`` with its derived fields (canonical name, variant operations) recomputed."""
    return _build_person(
        person.pid, person.culture, person.given, person.nick, person.goes_by_nick,
        person.middles, person.middle_style, person.particle, person.surname, person.suffix,
        rates,
    )  # fmt: skip


_INITIALS = tuple("ABCDEFGHJKLMNPQRSTVWXYZ")


def render_variant(person: Person, ops: Sequence[str], rng: random.Random, rates: MessRates) -> str:
    """Print ``person`` with the variant operations ``ops`` applied."""
    given = person.nick if person.goes_by_nick else person.given
    if "nickname" in ops and person.nick:
        given = person.given if person.goes_by_nick else person.nick
    style = person.middle_style
    if "middle" in ops and person.middles:
        if style == "hidden":
            style = rng.choice(("initial", "initial", "full"))
        elif style == "full":
            style = rng.choice(("hidden", "initial"))
        else:
            style = rng.choice(
                ("hidden", "hidden", "full", "bare" if style == "initial" else "initial")
            )
    middles = _middle_tokens(person.middles, style)
    surname = person.surname
    if "hyphen" in ops:
        if "-" in surname:
            first, _, rest = surname.partition("-")
            if rates.hyphen_drop and rng.random() < rates.hyphen_drop:
                how = 1.0  # the person drops a part: the first or the second
                first = first if rng.random() < 0.6 else rest
            else:
                how = rng.random()
            if how < 0.5:
                surname = first + " " + rest
            elif how < 0.75:
                surname = first + rest.lower()
            else:
                surname = first
        elif "-" in given:
            first, _, rest = given.partition("-")
            given = rng.choice(
                (first + rest, first + " " + rest.capitalize(), f"{first}-{rest.capitalize()}")
            )
    if "initials" in ops:
        if "-" in given and rng.random() < 0.5:
            first, _, rest = given.partition("-")
            letters = [f"{first[0]}.-{rest[0].upper()}."]
        else:
            letters = [_initial(given)]
        if middles and style != "hidden":
            letters += [_initial(m) for m in person.middles]
        how = rng.random()
        if how < 0.55:
            given, middles = "".join(letters), []
        elif how < 0.85:
            given, middles = " ".join(letters), []
        else:
            given, middles = letters[0], []
    particle = person.particle
    if "particle" in ops and particle:
        particle = particle.title() if rng.random() < 0.5 else ""
    suffix = person.suffix
    comma = False
    if "suffix" in ops and suffix:
        how = rng.random()
        if how < 0.5:
            suffix = ""
        elif how < 0.8:
            comma = True
        else:
            suffix = suffix.rstrip(".")
    if "case" in ops:
        how = rng.random()
        if how < 0.5:
            surname = surname.upper()
        else:
            text = _join_name(given, middles, particle, surname, suffix, comma)
            text = text.lower() if how < 0.75 else text.upper()
            return _char_level(text, person, ops, rng, rates)
    text = _join_name(given, middles, particle, surname, suffix, comma)
    return _char_level(text, person, ops, rng, rates)


def _char_level(
    text: str, person: Person, ops: Sequence[str], rng: random.Random, rates: MessRates
) -> str:
    if "latex" in ops:
        return latex_residue(text, rng, rates.latex_space)
    if "ascii" in ops:
        return _ascii_fold(text, german=person.culture == "german" and rng.random() < 0.3)
    return text


def make_acl_person(pid: int, real: AclPerson, rates: MessRates) -> Person:
    """A real person: printed as their curated canonical name, now and then a variant."""
    person = _build_person(
        pid, "acl", real.first, "", False, (), "hidden", "", real.last, "", rates
    )  # fmt: skip
    canonical = real.printed
    variants = tuple(v for v in real.variants if v != canonical)
    return replace(person, canonical=canonical, variants=variants)
