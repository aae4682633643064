"""The text rules of names and titles, in one place: every stage imports them from here.

Reading, cleaning, name comparison, resolution, tagging and IRI minting must agree on what a
string *is*; a rule copied into each of them drifts (tagging once folded ``ø`` differently from
names and IRIs). This module holds:

* accent folding: :func:`fold` and :func:`fold_tight`, with :data:`SPECIAL_LETTERS` (letters
  Unicode does not decompose: ``ø``, ``ł``, ``ß`` …) and look-alike letters from other scripts;
* words: :data:`WORD`, a word as printed, with any combining marks on it;
* surname particles: :data:`PARTICLES` and :data:`CAP_PARTICLES`;
* name suffixes: :func:`is_suffix` and :func:`suffix_key`;
* umlauts and rings as written without them: :func:`write_out`;
* what a LaTeX-stripping scraper leaves of accents: :data:`ACCENT_MARKS` and
  :data:`LETTER_COMMANDS`.

It knows nothing of records, RDF or the pipeline, and imports nothing from the package.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ---------------------------------------------------------------- accent folding

# Letters that NFKD does not decompose into a base letter and a mark.
SPECIAL_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
    }
)

# Cyrillic and Greek letters that look like Latin ones, mistaken for them inside Latin words
_HOMOGLYPHS = str.maketrans(
    "аеорсухіјѕԁһԛԝҫАВЕКМНОРСТХІЈЅҪΑΒΕΖΗΙΚΜΝΟΡΤΥΧο",
    "aeopcyxijsdhqwcABEKMHOPCTXIJSCABEZHIKMNOPTYXo",
)
_LETTERS = re.compile(r"[^\W\d_]+")
_FOLDED_WORD = re.compile(r"[^\W_]+")

# Combining marks (the blocks in use for Latin, Greek and Cyrillic text)
_MARK_CHARS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# the same, for use inside a character class elsewhere (a name word may carry them: ``Benoı̂t``)
COMBINING_MARKS = _MARK_CHARS
# A word as printed: letters and digits, with any combining marks on them (``nai\u0308ve`` is one
# word, as :func:`fold` reads it)
WORD = re.compile(rf"[^\W_](?:[^\W_]|[{_MARK_CHARS}])*")


def _unmix(text: str) -> str:
    """Latin letters for look-alikes in words that mix scripts: ``Malanҫon`` → ``Malancon``."""
    if text.isascii():
        return text

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if any(c.isascii() for c in word):
            return word.translate(_HOMOGLYPHS)
        return word

    return _LETTERS.sub(fix, text)


@lru_cache(maxsize=1 << 20)
def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces kept: ``Véli-Čko`` → ``veli cko``.

    The one accent folding of the project: name keys, look-up keys, title keys, topic words and
    IRI slugs are all made by it.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = _unmix("".join(c for c in decomposed if not unicodedata.combining(c)))
    stripped = stripped.translate(SPECIAL_LETTERS).casefold()
    return " ".join(_FOLDED_WORD.findall(stripped))


@lru_cache(maxsize=1 << 20)
def fold_tight(text: str) -> str:
    """:func:`fold` without spaces: ``Grau-Moya`` and ``Grau Moya`` agree."""
    return fold(text).replace(" ", "")


# ---------------------------------------------------------------- surname particles

# Lower-case words that belong to the family name that follows them ("Ludwig van der Waals")
PARTICLES = frozenset(
    """van von der den de del della dei degli da das dos do di du la le les lo ter ten zu zur
    bin ibn al el y e st. st
    """.split()
)
# Particles that still join the family name when capitalised ("Marco Di Marco")
CAP_PARTICLES = frozenset(
    """de di da del della van von der den du le la dos das ter ten
    """.split()
)

# ---------------------------------------------------------------- name suffixes

SUFFIXES = frozenset(
    """jr jr. sr sr. ii iii iv v 2nd 3rd 4th phd ph.d.
    """.split()
)
ROMAN_NUMERAL = re.compile(r"^(?:I{1,3}|IV|V)$")
# ordinals written as numbers are the same generation as the Roman numeral
_GENERATION = {"2nd": "ii", "3rd": "iii", "4th": "iv"}


def is_suffix(token: str) -> bool:
    """Whether a word is a name suffix: ``Jr.``, ``sr``, ``III``, ``2nd``, ``PhD``."""
    return token.lower() in SUFFIXES or bool(ROMAN_NUMERAL.match(token))


def suffix_key(suffix: str) -> str:
    """A suffix folded so that its spellings agree: ``Jr.`` and ``jr`` → ``jr``, ``2nd`` and
    ``II`` → ``ii``."""
    key = fold_tight(suffix)
    return _GENERATION.get(key, key)


# ---------------------------------------------------------------- umlauts written out

_WRITTEN_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
    | {"ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa"}
)


def write_out(text: str) -> str:
    """Umlauts and rings as written without them: ``Jörg Søgaard`` → ``Joerg Soegaard``."""
    return unicodedata.normalize("NFC", text).translate(_WRITTEN_OUT)


# ---------------------------------------------------------------- stripped LaTeX

# accent mark as printed after a scraper stripped the backslash → the LaTeX command it was
ACCENT_MARKS = {"'": "'", "`": "`", '"': '"', "^": "^", "~": "~", "=": "="}
# letter commands and the letters they can accent (only where Unicode has the composed letter)
LETTER_COMMANDS = {
    "v": "cszrnedtlCSZRNEDTL",  # caron: č š ž ř ň ě ď ť ľ
    "c": "cstCST",  # cedilla: ç ş ţ
    "u": "agAG",  # breve: ă ğ
    "H": "ouOU",  # double acute: ő ű
    "k": "aeAE",  # ogonek: ą ę
    "r": "auAU",  # ring: å ů
    "d": "aeiouyAEIOUY",  # dot below: ạ ẹ ị ọ ụ ỵ (Vietnamese)
}
