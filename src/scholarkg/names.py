"""Personal names: parsing, folding, and whether two printed names can be one person.

Parsing is a small, predictable splitter for the two orders found in inputs (``First Middle
Last`` on profile pages, ``Last, First`` in bibliographies): no title guessing (nameparser, tried
first, reads ``King Wong`` as the title King and cost ~130 µs a name; this costs ~5 µs).

:func:`compare` returns how strongly two names agree:

``EXACT``      the same name up to case, accents, punctuation and spacing
``STRONG``     same family name and same full first name; middle names missing on one side
``WEAK``       same family name; a first name given as an initial or a nickname (Alex/Alexander)
``CONFLICT``   cannot be the same person by name (different first names, clashing middles)

Names that conflict are never merged; ``WEAK`` needs evidence from context (see resolve.py).

Where those rules find no more than ``WEAK``, other spellings of one name are still recognised
(each measured on the ACL Anthology's curated variants: ``benchmarks/NAMES.md``). They can
raise a pair to:

* ``STRONG``: umlauts and rings written out, in given and family names (``Jörg``/``Joerg``,
  ``Søgaard``/``Soegaard``, ``Åsa``/``Aasa``); leading initials before the name someone goes by
  (``W. Bruce Croft``/``Bruce Croft``); a nickname printed in the name (``Albert (Skip) Rizzo``
  is Albert Rizzo and Skip Rizzo); middle names left out anywhere, not only at the end
  (``Jean E. Fox Tree``/``Jean Fox Tree``), as strong as the first and family names agree.
* ``WEAK``: the same words in another order (family name first, given names reordered); one
  name's words a subsequence of the other's, anchored at the first or the last word (a dropped
  second surname ``Laura Alonso Alemany``/``Laura Alonso``, a dropped first given name
  ``Ivana Romina X``/``Romina X``); family names differing in doubled letters
  (``Hoffmann``/``Hoffman``; not given names: Michele and Michelle are two names).

These rules keep a hyphenated given name whole (``Xiao-Ming`` is not ``Ming``), never let a full
word stand for an initial (``Andrew Smith`` is not ``David A. Smith``), and never look at edit
distance, so ``Wei``/``Wen`` and ``Xiaojun``/``Xiaoyun`` stay apart. :func:`block_keys` puts
every pair they can join into a shared block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from functools import lru_cache
from typing import Any

from .records import PersonName
from .rules import (
    BLOCK_FAMILY_WORD_MIN_LETTERS,
    CAPS_FAMILY_WORD_MIN_LETTERS,
    CAPS_GIVEN_WORD_MIN_LETTERS,
    DROPPED_WORDS_MIN_FULL_WORDS,
    FULL_GIVEN_NAME_SPECIFICITY,
)
from .text import (
    CAP_PARTICLES,
    PARTICLES,
    ROMAN_NUMERAL,
    fold,
    fold_tight,
    is_suffix,
    suffix_key,
    write_out,
)


class Compat(IntEnum):
    CONFLICT = 0
    WEAK = 1
    STRONG = 2
    EXACT = 3


def _split_suffix(words: list[str]) -> tuple[list[str], str]:
    """Words, and the suffix that ends them if any: ``John Jr.`` → [John], ``Jr.``. A lone
    letter is an initial here, not a Roman numeral (``Smith, John V``)."""
    if len(words) > 1 and len(words[-1]) > 1 and is_suffix(words[-1]):
        return words[:-1], words[-1]
    return words, ""


def _parse_inverted(parts: list[str]) -> PersonName:
    """``Last, First`` with the suffix wherever bibliographies print it: ``Smith, Jr., John``,
    ``Smith, John Jr.``, ``Smith Jr., John``. A suffix is never a given name."""
    if len(parts) >= 3 and is_suffix(parts[1]):
        return PersonName(tuple(parts[-1].split()), parts[0], parts[1])
    given, suffix = _split_suffix(" ".join(parts[1:]).split())
    family, family_suffix = _split_suffix(parts[0].split())
    return PersonName(tuple(given), " ".join(family), suffix or family_suffix)


@lru_cache(maxsize=1 << 20)
def parse_name(text: str) -> PersonName:
    """Split a cleaned name into given names, family name and suffix."""
    text = " ".join(text.split())
    if "," in text:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) == 2 and is_suffix(parts[1]):
            inner = parse_name(parts[0])
            return PersonName(inner.given, inner.family, parts[1])
        if len(parts) >= 2:
            return _parse_inverted(parts)
        text = parts[0] if parts else ""
    tokens = text.split()
    suffix = ""
    if len(tokens) > 2 and is_suffix(tokens[-1]):
        suffix = tokens.pop()
    if not tokens:
        return PersonName((), "", suffix)
    i = len(tokens) - 1
    # extend the family name leftwards over particles: "Ludwig van der Waals", "Marco Di Marco"
    while i > 1 and (
        tokens[i - 1] in PARTICLES or (tokens[i - 1].lower() in CAP_PARTICLES and i - 1 >= 1)
    ):
        i -= 1
    if i == 1 and tokens[0] in PARTICLES:
        i = 0
    family = " ".join(tokens[i:])
    return PersonName(tuple(tokens[:i]), family, suffix)


@lru_cache(maxsize=1 << 20)
def _given_parts(name: PersonName) -> tuple[str, ...]:
    """Folded given-name parts: ``Jean-Pierre`` → jean, pierre; ``C.Y.`` → c, y."""
    out: list[str] = []
    for g in name.given:
        for part in re.split(r"[-‐.]", g):
            f = fold_tight(part)
            if f:
                out.append(f)
    return tuple(out)


@lru_cache(maxsize=1 << 20)
def name_key(name: PersonName) -> str:
    """Identity key for EXACT agreement: given parts run together | family | suffix, folded."""
    key = "".join(_given_parts(name)) + "|" + fold_tight(name.family)
    return f"{key}|{suffix_key(name.suffix)}" if name.suffix else key


def lookup_key(text: str) -> str:
    """The key a user's typed name is looked up by (stored as skg:nameKey)."""
    return fold(text)


def _family_folds(family: str) -> set[str]:
    """A family name folded, and as written without umlauts and rings (Schröder → schroeder)."""
    return {fold_tight(family), fold_tight(write_out(family))}


def block_keys(name: PersonName) -> set[str]:
    """Blocking keys: family (whole, first and last word) + first initial, and nickname initials."""
    fam = fold(name.family).split()
    if not fam:
        return set()
    parts = _given_parts(name)
    initials = {parts[0][0]} if parts else {""}
    if parts and len(parts[0]) > 1:
        initials |= {n[0] for n in nickname_relatives(parts[0])}
    fams = {"".join(fam), fam[-1]} | _family_folds(name.family)
    if fam[0] not in PARTICLES and len(fam[0]) >= BLOCK_FAMILY_WORD_MIN_LETTERS:
        fams.add(fam[0])
    return {f"{f}/{i}" for f in fams for i in initials} | _more_block_keys(name)


@lru_cache(maxsize=1 << 16)
def nickname_relatives(first: str) -> frozenset[str]:
    """First names that are nicknames or full forms of ``first`` (hand-curated list)."""
    nn = _nicknamer()
    rel = set(nn.canonicals_of(first)) | set(nn.nicknames_of(first))
    return frozenset(r.lower() for r in rel)


_NN = None


def _nicknamer() -> Any:
    global _NN
    if _NN is None:
        from nicknames import NickNamer

        _NN = NickNamer()
    return _NN


def _first_compat(a: str, b: str) -> Compat:
    if a == b:
        return Compat.STRONG
    if len(a) == 1 or len(b) == 1:
        initial, full = (a, b) if len(a) == 1 else (b, a)
        if full[0] == initial or any(n[0] == initial for n in nickname_relatives(full)):
            return Compat.WEAK  # "M." for Margaret, and for Peggy (a Margaret)
        return Compat.CONFLICT
    if b in nickname_relatives(a) or a in nickname_relatives(b):
        return Compat.WEAK  # Alex / Alexander, Bill / William
    return Compat.CONFLICT


def _part_compat(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def _family_compat(a: PersonName, b: PersonName) -> Compat:
    fa, fb = fold(a.family).split(), fold(b.family).split()
    if not fa or not fb:
        return Compat.CONFLICT
    if "".join(fa) == "".join(fb) or _family_folds(a.family) & _family_folds(b.family):
        return Compat.STRONG
    # a double surname printed in part: "Grau-Moya" / "Grau"
    short, long_ = sorted((fa, fb), key=len)
    if len(short) == 1 and len(long_) > 1 and short[0] in (long_[0], long_[-1]):
        return Compat.WEAK
    return Compat.CONFLICT


def _resplit(name: PersonName) -> PersonName | None:
    """The other reading of a spaced double surname: "Paula | Blanco Pérez" for "Paula Blanco |
    Pérez". Only a full word moves, never an initial."""
    if len(name.given) < 2 or len(fold_tight(name.given[-1])) < 2 or name.given[-1].endswith("."):
        return None
    return PersonName(name.given[:-1], f"{name.given[-1]} {name.family}", name.suffix)


@lru_cache(maxsize=1 << 20)
def compare(a: PersonName, b: PersonName) -> Compat:
    """How strongly two parsed names agree (see the module docstring).

    A name with two given words is also read with the second as part of the family name
    (Spanish double surnames printed without a hyphen); the better reading counts.
    """
    if suffixes_clash(a, b):
        return Compat.CONFLICT
    if _plainly_different_first_names(a, b):
        return Compat.CONFLICT
    level = _compare(a, b)
    if level >= Compat.STRONG:
        return level
    for compound, other in ((_resplit(a), b), (_resplit(b), a)):
        if compound is None:
            continue
        # the other must carry the whole double surname or its first (paternal) part:
        # "Paula Blanco" for "Paula Blanco Pérez"; never just the last ("Hoi Yan Chan" is not
        # "Hoi Whye Chan")
        parts = fold(compound.family).split()
        if fold_tight(other.family) in ("".join(parts), parts[0]):
            level = max(level, _compare(compound, other))
    if level == Compat.CONFLICT or (level == Compat.WEAK and not _initial_first(a, b)):
        level = max(level, _other_spellings(a, b))
    return level


def suffixes_clash(a: PersonName, b: PersonName) -> bool:
    """Two different suffixes: John Smith Jr. is not John Smith Sr., nor II III. A name printed
    without its suffix may be either. :func:`compare` tests this first, and the other readings
    and spellings it then tries keep each name's suffix, so it is tested there only."""
    return bool(a.suffix and b.suffix) and suffix_key(a.suffix) != suffix_key(b.suffix)


def _initial_first(a: PersonName, b: PersonName) -> bool:
    """One of the two names starts with an initial: WEAK is as good as it gets."""
    ga, gb = _given_parts(a), _given_parts(b)
    return bool(ga and gb) and (len(ga[0]) == 1 or len(gb[0]) == 1)


Screen = tuple[str, str, frozenset[str]]


def conflict_screen(name: PersonName) -> Screen | None:
    """What :func:`screened_conflict` needs of a name, or None when it cannot decide for it:
    the full first name, all the name's letters run together, and the first name's nicknames.
    Only plain ASCII names with a full first name qualify (no other spelling to try)."""
    parts = _given_parts(name)
    if not parts or len(parts[0]) < 2:
        return None
    raw = name.display
    if not raw.isascii() or any(c in raw for c in "()\"'“”‘’"):
        return None
    return parts[0], "".join(parts) + fold_tight(name.family), nickname_relatives(parts[0])


def screened_conflict(a: Screen, b: Screen) -> bool:
    """A cheap, certain CONFLICT: two different first names, neither a nickname of the other,
    neither among the other's letters ("Shinichi" / "Shin-ichi" is one name split twice)."""
    x, joined_a, nick_x = a
    y, joined_b, nick_y = b
    return (
        x != y and y not in nick_x and x not in nick_y and x not in joined_b and (y not in joined_a)
    )


def _plainly_different_first_names(a: PersonName, b: PersonName) -> bool:
    sa, sb = conflict_screen(a), conflict_screen(b)
    return sa is not None and sb is not None and screened_conflict(sa, sb)


def _compare(a: PersonName, b: PersonName) -> Compat:
    if name_key(a) == name_key(b):
        return Compat.EXACT
    ga, gb = _given_parts(a), _given_parts(b)
    if "".join(ga) + fold_tight(a.family) == "".join(gb) + fold_tight(b.family):
        # the same letters split differently: "Solomon | Teferra Abate" / "Solomon Teferra | Abate"
        return Compat.STRONG
    fam = _family_compat(a, b)
    if fam == Compat.CONFLICT:
        return Compat.CONFLICT
    if not ga or not gb:
        return Compat.WEAK
    level = min(fam, _first_compat(ga[0], gb[0]))
    if level == Compat.CONFLICT:
        return level
    ma, mb = ga[1:], gb[1:]
    for x, y in zip(ma, mb, strict=False):
        if not _part_compat(x, y):
            return Compat.CONFLICT
    return Compat(level)


# ---------------------------------------------------------------- other spellings of one name
# Tried only where the rules above find no more than WEAK (see the module docstring). Measured
# on the ACL Anthology's curated variants: benchmarks/names_acl.py, benchmarks/NAMES.md.

_ALIAS = re.compile(r"^[(\"“”„‘’«'].*[^\W\d_].*[)\"“”‘’»']$")
_INITIAL_SPLIT = re.compile(r"[-‐.\s]")
_DOUBLED = re.compile(r"([^\W\d_])\1+", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _is_initials(token: str) -> bool:
    """``J.``, ``C.Y.``, ``K`` (not ``Ch.``)."""
    parts = [fold_tight(p) for p in _INITIAL_SPLIT.split(token)]
    parts = [p for p in parts if p]
    return bool(parts) and all(len(p) == 1 for p in parts)


@lru_cache(maxsize=1 << 20)
def _words(name: PersonName) -> tuple[str, ...]:
    """Folded words in printed order: a hyphenated given name stays one word (``Xiao-Ming`` is
    not ``Ming``), initials stand alone (``C.Y.`` → c, y), the family splits at spaces and
    hyphens."""
    out: list[str] = []
    for g in name.given:
        if _is_initials(g):
            out.extend(p for p in (fold_tight(x) for x in _INITIAL_SPLIT.split(g)) if p)
        elif w := fold_tight(g):
            out.append(w)
    return (*out, *fold(name.family).split())


@lru_cache(maxsize=1 << 20)
def _written_out(name: PersonName) -> PersonName:
    """Umlauts and rings as written without them: ``Jörg Müller`` → ``Joerg Mueller``."""
    given = tuple(write_out(g) for g in name.given)
    family = write_out(name.family)
    if given == name.given and family == name.family:
        return name
    return PersonName(given, family, name.suffix)


@lru_cache(maxsize=1 << 20)
def _after_initials(name: PersonName) -> PersonName | None:
    """The name someone goes by after leading initials: ``W. Bruce Croft`` → ``Bruce Croft``."""
    k = 0
    while k < len(name.given) and _is_initials(name.given[k]):
        k += 1
    if k == 0 or k == len(name.given):
        return None
    return PersonName(name.given[k:], name.family, name.suffix)


@lru_cache(maxsize=1 << 20)
def _aliases(name: PersonName) -> tuple[PersonName, ...]:
    """A nickname printed in the name: ``Albert (Skip) Rizzo`` is Albert Rizzo and Skip Rizzo."""
    quoted = [g for g in name.given if _ALIAS.match(g)]
    if not quoted:
        return ()
    rest = tuple(g for g in name.given if not _ALIAS.match(g))
    out = [PersonName(rest, name.family, name.suffix)] if rest else []
    out += [PersonName((q[1:-1],), name.family, name.suffix) for q in quoted]
    return tuple(out)


def _is_subsequence(short: Sequence[str], long_: Sequence[str]) -> bool:
    """Every word of ``short`` in ``long_``, in order; an initial in ``short`` stands for a word
    (``S.`` for Sam), a full word only for itself (``Andrew`` is not ``A.``)."""
    it = iter(long_)
    return all(any(s == t or (len(s) == 1 and t[0] == s) for t in it) for s in short)


def _dropped_words(a: PersonName, b: PersonName) -> bool:
    """One name's words are the other's with some left out, and the two agree at the first
    name or at the family name: ``Laura Alonso Alemany``/``Laura Alonso`` (a second surname),
    ``Ivana Romina Altamirano``/``Romina Altamirano`` (a first given name), ``Jason J. S.
    Chang``/``Jason S. Chang``. The shorter keeps at least two full words."""
    short, long_ = sorted((_words(a), _words(b)), key=len)
    if len(short) >= len(long_) or sum(len(w) > 1 for w in short) < DROPPED_WORDS_MIN_FULL_WORDS:
        return False
    if short[0] == long_[0] and len(short[0]) > 1 and _is_subsequence(short[1:], long_[1:]):
        return True
    return short[-1] == long_[-1] and _is_subsequence(short[:-1], long_[:-1])


def _middles_left_out(a: PersonName, b: PersonName) -> Compat:
    """Middle names left out anywhere, not only at the end: ``Jean E. Fox Tree``/``Jean Fox
    Tree``, ``Jason J. S. Chang``/``Jason S. Chang``. As strong as the first and family names."""
    ga, gb = _given_parts(a), _given_parts(b)
    if not ga or not gb:
        return Compat.CONFLICT
    level = min(_family_compat(a, b), _first_compat(ga[0], gb[0]))
    short, long_ = sorted((ga[1:], gb[1:]), key=len)
    it = iter(long_)
    if level == Compat.CONFLICT or not all(any(_part_compat(s, t) for t in it) for s in short):
        return Compat.CONFLICT
    return Compat(level)


@lru_cache(maxsize=1 << 20)
def _undoubled(name: PersonName) -> PersonName:
    """The family name with doubled letters single: ``Kauffmann`` → ``Kaufman``."""
    return PersonName(name.given, _DOUBLED.sub(r"\1", name.family), name.suffix)


@lru_cache(maxsize=1 << 20)
def _signature(name: PersonName) -> frozenset[str]:
    """Words of every spelling the rules below try; two names none of whose words agree cannot
    be joined by any of them (a quick test before the rules)."""
    out: set[str] = set()
    for n in {name, _written_out(name), _undoubled(name)}:
        out.update(w for w in _words(n) if len(w) > 1)
        out.update(p for p in _given_parts(n) if len(p) > 1)
        out.update(fold(n.family).split())
        out.add(fold_tight(n.family))
    return frozenset(out)


def _other_spellings(a: PersonName, b: PersonName) -> Compat:
    """The best agreement of ``a`` and ``b`` as other spellings of one name (module docstring)."""
    if not _signature(a) & _signature(b):
        return Compat.CONFLICT
    level = Compat.CONFLICT
    # the same name, spelled another way: STRONG at most
    candidates: list[tuple[PersonName, PersonName]] = [(_written_out(a), _written_out(b))]
    for x, y in ((a, b), (b, a)):
        shorter = _after_initials(x)
        if shorter is not None and y.given and not _is_initials(y.given[0]):
            candidates.append((shorter, y))
        candidates.extend((alias, y) for alias in _aliases(x))
    for x, y in candidates:
        if (x, y) != (a, b):
            level = max(level, min(Compat.STRONG, compare(x, y)))
    level = max(level, _middles_left_out(a, b))
    if level >= Compat.WEAK:
        return level
    # could be the same person, with evidence from context: WEAK
    wa = sorted([*_given_parts(a), *fold(a.family).split()])
    if len(wa) >= 2 and wa == sorted([*_given_parts(b), *fold(b.family).split()]):
        return Compat.WEAK  # the same words in another order
    if _dropped_words(a, b):
        return Compat.WEAK
    ua, ub = _undoubled(a), _undoubled(b)
    if fold_tight(ua.family) == fold_tight(ub.family) and _compare(ua, ub) >= Compat.WEAK:
        return Compat.WEAK  # family names that differ in doubled letters: Hoffmann / Hoffman
    return Compat.CONFLICT


def _more_block_keys(name: PersonName) -> set[str]:
    """Blocking keys for the spellings :func:`_other_spellings` recognises."""
    words = _words(name)
    fam = fold(name.family).split()
    if not fam or not words:
        return set()
    given = words[: len(words) - len(fam)]
    keys = {"~" + " ".join(sorted([*_given_parts(name), *fam]))}  # the same words in any order
    spelled = {_written_out(name).family, _undoubled(name).family}
    fams = {"".join(fam), fam[0], fam[-1]}
    for s in spelled:
        if f := fold(s).split():
            fams |= {"".join(f), f[0], f[-1]}
    initials = {w[0] for w in given[:1]} | {w[0] for w in given[1:] if len(w) > 1}
    keys |= {f"{f}/{i}" for f in fams for i in initials or {""}}
    if given:  # a full middle word may be the first of two surnames: "Laura Alonso | Alemany"
        keys |= {f"{w}/{given[0][0]}" for w in given[1:] if len(w) > 1}
    return keys


def specificity(name: PersonName) -> int:
    """How much a name says: full given names count more than initials."""
    return sum(FULL_GIVEN_NAME_SPECIFICITY if len(p) > 1 else 1 for p in _given_parts(name))


_TITLECASE_PART = re.compile(r"([^\W\d_])([^\W\d_]*)")


def _titlecase(token: str) -> str:
    return _TITLECASE_PART.sub(lambda m: m.group(1).upper() + m.group(2).lower(), token)


def normalize_case(name: PersonName) -> PersonName:
    """Title-case names printed in capitals or all lower case (``Anne ABEILLE``, ``bo li``).

    Mixed case is kept as printed (``McClelland``, ``danah boyd`` printed so on purpose is
    lost only when every word is lower case). Initials and particles are left alone.
    """
    letters = [c for c in name.display if c.isalpha()]
    all_lower = bool(letters) and all(c.islower() for c in letters)

    def fix(tok: str, min_len: int) -> str:
        alpha = [c for c in tok if c.isalpha()]
        if tok in PARTICLES and not all_lower:
            return tok
        if all_lower and tok not in PARTICLES:
            return _titlecase(tok)
        if (
            len(alpha) >= min_len
            and all(c.isupper() for c in alpha)
            and not ROMAN_NUMERAL.match(tok)
        ):
            return _titlecase(tok)
        return tok

    family = " ".join(fix(t, CAPS_FAMILY_WORD_MIN_LETTERS) for t in name.family.split())
    given = tuple(g if g.endswith(".") else fix(g, CAPS_GIVEN_WORD_MIN_LETTERS) for g in name.given)
    return PersonName(given, family, name.suffix)
