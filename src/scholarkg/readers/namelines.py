"""Whether a line of a publication list reads as a personal name: its form and its words.

The page reader (:mod:`scholarkg.readers.page`) asks this of a line that follows an author line,
which is either one more author or the next entry's title. Two kinds of evidence live here: the
*form* of a name (what never occurs in one: digits, colons, title words, a lower-case word of
running text) and the *words* (how much likelier each is among the world's given and family names
than in a title's running text). Every threshold and weight is in :mod:`scholarkg.rules`.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

from ..population import (
    UNKNOWN_SHARE,
    family_share,
    given_share,
    known_names,
    region_weights,
    regional_shares,
)
from ..rules import (
    AUTHOR_PRIOR_ODDS,
    HYPHEN_TITLE_WORD_MIN_LETTERS,
    INITIAL_ODDS,
    MAX_TITLE_WORD_FREQUENCY,
    MIXED_NAME_SHARE,
    MONONYM_ODDS,
    NAME_LINE_MAX_CHARS,
    NAME_MAX_WORDS,
    NAME_MIN_WORDS,
    SHAPE_MIN_LETTERS,
    SHAPE_ORDER,
    SHAPE_SCALE,
    SHAPE_WEIGHT_MAX,
    SHORT_LINE_ODDS,
    SHORT_LINE_WORDS,
    SHORT_NAME_WORD_MAX_LETTERS,
    SHORT_TITLE_WORDS_IN_A_NAME,
    TITLE_CAPITALISED,
    TITLE_LANGUAGE_SHARES,
    TITLE_VOCABULARY_FREQUENCY,
    UNKNOWN_WORD_FREQUENCY,
    UNLISTED_PARTICLE_MAX_LETTERS,
)
from ..text import (
    ACCENT_MARKS,
    COMBINING_MARKS,
    LETTER_COMMANDS,
    PARTICLES,
    fold_tight,
    is_suffix,
)

# Words that occur in titles but are not personal names. A line with any of them (capitalised
# or not) is a title, not an author line. Function words first (English, then the conjunctions
# and prepositions of the other languages titles are written in: German, French, Spanish,
# Italian, Portuguese; none of which is a surname particle), then common title vocabulary.
_FUNCTION_WORDS = frozenset(
    """a an the of and or for to in on at by with without from into onto via vs versus is are
    be being been was were do does did can could should would we our you your it its
    this that these those how what why when where which who not no all any more less than as
    using towards toward beyond under over through between among against about after before
    und oder für mit auf über et ou pour sur dans avec une para con sobre
    """.split()
)
_TITLE_VOCABULARY = frozenset(
    """learning learn learns learned network networks neural deep model models modeling
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
_TITLE_WORDS = _FUNCTION_WORDS | _TITLE_VOCABULARY
# Articles that are surname particles only after another particle ("van der Goot", "op den
# Akker", "von der Leyen", "das Graças" after "Maria" is Portuguese "das"): lower case and
# after a word that is no particle, they are articles of running text ("Kritik der Vernunft").
_ARTICLE_PARTICLES = frozenset("der den dem die".split())
# The letters of the languages of the vocabulary table (English, German, French, Spanish,
# Italian, Portuguese, Dutch): a word with any other letter ("Hồ", "Sơn", "Đức") is none of
# their words, whatever it folds to.
_VOCABULARY_LETTERS = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿŒœ.'’‐-]*$")
# a letter command a scraper left of an accent inside a word in capitals ("KUvCERA": Kučera)
_COMMAND_RESIDUE = re.compile(rf"(?<=[A-Z])[{''.join(LETTER_COMMANDS)}](?=[A-Z])")
# Dutch surname particles the shared list (text.PARTICLES) leaves out, since there they would
# join the family name ("Rieks op den Akker", "de Vries te Lintelo"): inside a line they weigh
# nothing when lower case, or capitalised before a listed particle ("Rieks Op den Akker").
_READER_PARTICLES = frozenset("op te".split())
# A possessive ("Aristotle's") never ends a word of an author line.
_POSSESSIVE = re.compile(r"['’]s$")
# An acronym glued to a word or made plural ("METAFONTbook", "GANs", "LLMs"): three capitals
# and two lower-case letters, or capitals and a plural "s". Names in capitals run on to their
# end ("McENERY", "DiMARCO"); a garbled accent in one leaves a single lower-case letter
# ("DEMIROuGLU").
_GLUED_ACRONYM = re.compile(r"[A-Z]{3,}[a-z]{2,}|^[A-Z]{2,}s$")
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
INITIAL = re.compile(r"(?<![^\s.-])[^\W\d_a-z]\.(?=[\s.-]|$)")


# the languages of the vocabulary table, in its column order
_LANGUAGES = tuple(TITLE_LANGUAGE_SHARES)


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, tuple[float, ...]], dict[str, tuple[float, ...]]]:
    """Word frequencies in each language's running text (:data:`_LANGUAGES`;
    ``data/words.tsv.gz``, derived by ``tools/title_words.py``, which documents its source and
    method): by the word as written (:func:`exact_key`) and by the word folded like names (the
    sum over its spellings)."""
    data = resources.files("scholarkg").joinpath("data/words.tsv.gz").read_bytes()
    exact: dict[str, tuple[float, ...]] = {}
    folded: dict[str, tuple[float, ...]] = {}
    for row in gzip.decompress(data).decode("utf-8").splitlines():
        word, *ppb = row.split("\t")
        freqs = exact[word] = tuple(int(n) * 1e-9 for n in ppb)
        key = word if word.isascii() else fold_tight(word)  # the table's words are lower case
        other = folded.get(key)
        folded[key] = freqs if other is None else tuple(map(sum, zip(other, freqs, strict=True)))
    return exact, folded


def exact_key(word: str) -> str:
    """A word as the vocabulary table keys it: lower case with its accents, letters only."""
    return "".join(c for c in unicodedata.normalize("NFC", word.lower()) if c.isalpha())


def _frequencies(word: str) -> tuple[float, ...] | None:
    """A word's frequency in each language's running text, or ``None`` for a word of letters
    none of them writes ("Hồ", "Sơn", "T^o": a scraper's residue of an accent). A word printed
    with accents is looked up as written ("Tô" is no "to"), one printed without them under
    every spelling ("Etude")."""
    if not _VOCABULARY_LETTERS.match(word):
        return None
    exact, folded = _vocabulary()
    key = exact_key(word)
    found = folded.get(fold_tight(word)) if key.isascii() else exact.get(key)
    return found or (0.0,) * len(_LANGUAGES)


def word_frequency(word: str) -> float:
    """How often a word occurs in a title's running text (a share of all words; the languages'
    frequencies weighed by :data:`rules.TITLE_LANGUAGE_SHARES`); at most
    :data:`rules.MAX_TITLE_WORD_FREQUENCY`."""
    freqs = _frequencies(word)
    if freqs is None:
        return UNKNOWN_WORD_FREQUENCY
    if exact_key(word) in _TITLE_VOCABULARY:
        return TITLE_VOCABULARY_FREQUENCY  # far commoner in titles than in running text
    mixed = sum(TITLE_LANGUAGE_SHARES[lang] * f for lang, f in zip(_LANGUAGES, freqs, strict=True))
    return min(mixed or UNKNOWN_WORD_FREQUENCY, MAX_TITLE_WORD_FREQUENCY)


def language_frequencies(word: str) -> tuple[float, ...]:
    """:func:`word_frequency` in each language of :data:`_LANGUAGES` on its own: at least the
    frequency of a word the table lacks, and bounded so that its share of titles in that
    language is at most :data:`rules.MAX_TITLE_WORD_FREQUENCY` (a word of the reader's title
    vocabulary is an English word at :data:`rules.TITLE_VOCABULARY_FREQUENCY`)."""
    freqs = _frequencies(word)
    if freqs is None:
        return (UNKNOWN_WORD_FREQUENCY,) * len(_LANGUAGES)
    out = [
        min(max(f, UNKNOWN_WORD_FREQUENCY), MAX_TITLE_WORD_FREQUENCY / TITLE_LANGUAGE_SHARES[lang])
        for lang, f in zip(_LANGUAGES, freqs, strict=True)
    ]
    if exact_key(word) in _TITLE_VOCABULARY:
        out[_LANGUAGES.index("en")] = TITLE_VOCABULARY_FREQUENCY / TITLE_LANGUAGE_SHARES["en"]
    return tuple(out)


# the letters a word's shape is told by (folded words), with the end of a word
_SHAPE_LETTERS = 27


class _Shape:
    """A letter model of a list of words (each word once): Witten–Bell interpolated n-grams of
    order :data:`rules.SHAPE_ORDER`, words padded with ``^`` before and ``$`` after."""

    def __init__(self, keys: Iterable[str]) -> None:
        pad = "^" * (SHAPE_ORDER - 1)
        padded = [pad + k + "$" for k in keys if k.isascii() and k.isalpha()]
        top = Counter(
            w[i : i + SHAPE_ORDER] for w in padded for i in range(len(w) - SHAPE_ORDER + 1)
        )
        # every order's counts from the top order's: the j-gram ending where a top gram ends
        self.grams: list[dict[str, int]] = [{} for _ in range(SHAPE_ORDER + 1)]
        for gram, n in top.items():
            for j in range(1, SHAPE_ORDER + 1):
                g = self.grams[j]
                g[gram[-j:]] = g.get(gram[-j:], 0) + n
        self.seen: list[dict[str, int]] = [{} for _ in range(SHAPE_ORDER + 1)]
        self.kinds: list[dict[str, int]] = [{} for _ in range(SHAPE_ORDER + 1)]
        for j in range(2, SHAPE_ORDER + 1):
            seen, kinds = self.seen[j], self.kinds[j]
            for gram, n in self.grams[j].items():
                seen[gram[:-1]] = seen.get(gram[:-1], 0) + n
                kinds[gram[:-1]] = kinds.get(gram[:-1], 0) + 1
        self.letters = sum(self.grams[1].values())

    def log_p(self, key: str) -> float:
        """log probability of a folded word under this model."""
        padded = "^" * (SHAPE_ORDER - 1) + key + "$"
        total = 0.0
        for i in range(SHAPE_ORDER - 1, len(padded)):
            p = (self.grams[1].get(padded[i], 0) + 1) / (self.letters + _SHAPE_LETTERS)
            for j in range(2, SHAPE_ORDER + 1):
                context = padded[i - j + 1 : i]
                seen = self.seen[j].get(context, 0)
                if seen:
                    kinds = self.kinds[j][context]
                    p = (self.grams[j].get(context + padded[i], 0) + kinds * p) / (seen + kinds)
            total += math.log(p)
        return total


@lru_cache(maxsize=1)
def _shapes() -> tuple[_Shape, _Shape]:
    """Letter models of the names the name table lists and of the words the vocabulary table
    lists (a word that is both is a name here)."""
    names = known_names()
    words = {fold_tight(w) for w in _vocabulary()[0]} - names
    return _Shape(names), _Shape(words)


@lru_cache(maxsize=1 << 18)
def shape_weight(word: str) -> float:
    """log of how much likelier a word neither table lists is among names than among the
    words of running text, by its letters alone (:class:`_Shape`), bounded by
    :data:`rules.SHAPE_WEIGHT_MAX`. "Blejer" and "Sukhada" are spelt like names,
    "Elektromagnetisches" and "Dexamethasone" like words."""
    key = fold_tight(word)
    if len(key) < SHAPE_MIN_LETTERS or not (key.isascii() and key.isalpha() and word.isalpha()):
        return 0.0  # a scraper's accent residue ("Conceicc~ao") spoils a word's letters
    if not word[1:].islower():
        return 0.0  # glued words ("CrossLens", "SungRim"): the models know single words
    names, words = _shapes()
    weight = SHAPE_SCALE * (names.log_p(key) - words.log_p(key))
    return max(-SHAPE_WEIGHT_MAX, min(SHAPE_WEIGHT_MAX, weight))


def _weighed(word: str, lookup: Callable[[str], float]) -> list[tuple[str, bool]]:
    """The parts of a word that are weighed, each with whether its letters may tell where
    neither table lists it: the word whole where the name table lists it so ("Bar-On" is
    Baron), else each part of a hyphenated word (``Ting-Hao``, ``Self-supervised``) but
    particles ("Van-der-Goot") and initials, which weigh nothing. Only a word that is no part
    of a hyphenated one is told by its letters: each part of a double surname is a name, and
    may be spelt like a word."""
    if ("-" in word or "‐" in word) and lookup(fold_tight(word)) > 2 * UNKNOWN_SHARE:
        return [(word, False)]
    out: list[tuple[str, bool]] = []
    for part in re.split(r"[-‐]", word):
        key = fold_tight(part)  # one key: "Prud’hommeaux" is one word, not two rare ones
        if len(key) < 2 or (part.lower() in PARTICLES and part != word):
            continue
        out.append((part, part == word))
    return out


def _lookup(place: str) -> Callable[[str], float]:
    """The share of a name word printed at ``place`` (:func:`name_form`): the line's first
    word is a given name, its last a family name, any between either."""
    return {"given": given_share, "family": family_share}.get(place) or _either


def _either(key: str) -> float:
    return given_share(key) + family_share(key)


def _shape_told(part: str, alone: bool, lookup: Callable[[str], float]) -> float:
    """:func:`shape_weight` of a weighed part that neither table lists, else nothing."""
    unlisted = lookup(fold_tight(part)) <= 2 * UNKNOWN_SHARE
    if alone and unlisted and word_frequency(part) <= UNKNOWN_WORD_FREQUENCY:
        return shape_weight(part)
    return 0.0


@lru_cache(maxsize=1 << 18)
def name_weight(word: str, share: Callable[[str], float] | None = None) -> float:
    """log of how much likelier a word is in a name line than in a title line, on its own:
    its share among the world's people (as a given name, a family name, or either: ``share``)
    over its frequency in a title's running text, for each part :func:`_weighed`; a word
    neither table lists is told by its letters."""
    lookup = share or _either
    total = 0.0
    for part, alone in _weighed(word, lookup):
        total += math.log(lookup(fold_tight(part)) / word_frequency(part))
        total += _shape_told(part, alone, lookup)
    return total


@lru_cache(maxsize=1 << 18)
def _part_weights(
    part: str, place: str, alone: bool
) -> tuple[tuple[float, ...], tuple[float, ...], float, float]:
    """What a weighed part of a name word (:func:`_weighed`) printed at ``place`` adds to a
    line: the log of its share among each region's people, of its frequency in each
    language's running text, of its share among the world's people, and its letters' weight
    (:func:`_shape_told`)."""
    lookup = _lookup(place)
    names = tuple(math.log(s) for s in regional_shares(part, place))
    texts = tuple(math.log(f) for f in language_frequencies(part))
    world = math.log(lookup(fold_tight(part)))
    return names, texts, world, _shape_told(part, alone, lookup)


def line_weight(words: list[tuple[str, str]], capitalised: bool = False) -> float:
    """log of how much likelier a line's words (``words`` from :func:`name_form`, each with
    its place in a name) are together one person's name than one title's words.

    A person's given and family names come from one region's names (``population.REGIONS``,
    the rest of the world as one more), and a title's words from one language's running text
    (:data:`rules.TITLE_LANGUAGE_SHARES`): each side sums over those, so a line whose words
    are common only in different languages ("Dan Weld": Dutch "dan", English "weld") is no
    likely title, and a line of one country's names and words ("Maarten de Rijke") is weighed
    as a Dutch name against a Dutch title. Some people's given and family names come from
    different regions ("Will Oh"): :data:`rules.MIXED_NAME_SHARE` of names are weighed by the
    world's shares of their words, each on its own. Where the line's words all start with a capital
    (``capitalised``), each language weighs how often its titles are so written
    (:data:`rules.TITLE_CAPITALISED`). A word neither table lists is told by its letters."""
    weights = list(region_weights().values())
    names = [math.log((1 - MIXED_NAME_SHARE) * w) for w in weights]
    # a name whose words come from different regions' names ("Will Oh"): the world's shares
    mixed = math.log(MIXED_NAME_SHARE)
    texts = [
        math.log(share * (TITLE_CAPITALISED[lang] if capitalised else 1.0))
        for lang, share in TITLE_LANGUAGE_SHARES.items()
    ]
    told = 0.0
    for word, place in words:
        for part, alone in _weighed(word, _lookup(place)):
            by_region, by_language, world, letters = _part_weights(part, place, alone)
            names = [a + b for a, b in zip(names, by_region, strict=True)]
            mixed += world
            texts = [a + b for a, b in zip(texts, by_language, strict=True)]
            told += letters
    return _log_sum([*names, mixed]) - _log_sum(texts) + told


def _log_sum(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def name_odds(text: str, words: list[tuple[str, str]]) -> float:
    """log odds that ``text``, after an author line, is one more author rather than a title:
    the prior odds of an author there (:data:`rules.AUTHOR_PRIOR_ODDS`), the weight of its
    words together (:func:`line_weight`; ``words`` from :func:`name_form`), the odds of a
    short line and those of each initial."""
    capitalised = all(w[:1].isupper() for w, _place in words)
    score = math.log(AUTHOR_PRIOR_ODDS) + line_weight(words, capitalised)
    if len(words) <= SHORT_LINE_WORDS:
        score += math.log(SHORT_LINE_ODDS)
    # each initial is one more word drawn from a name ("D. M. W. Powers")
    return score + len(INITIAL.findall(text)) * math.log(INITIAL_ODDS)


def mononym(line: str) -> list[tuple[str, str]] | None:
    """The word of a one-word line that may be a person's only name ("Govind"), to weigh
    with :func:`mononym_odds`; ``None`` for a line that is no such word (in capitals, an
    initial, a title word, not a name word, or a word the name table does not list)."""
    text, against = _name_text(line)
    tokens = text.split()
    if against is not None or len(tokens) != 1:
        return None
    tok = tokens[0]
    if not tok[:1].isupper() or tok.isupper() or "." in tok or len(tok) < 2:
        return None  # an acronym ("CTAN") or an initial
    if _word_kind(tok, 0, tokens, text) != "name":
        return None
    if given_share(tok) + family_share(tok) <= 2 * UNKNOWN_SHARE:
        # a word the name table lacks: one-word titles are mostly rare technical words
        # ("Favipiravir", "Dexamethasone"), which the vocabulary lacks too, and a shape alone
        # cannot tell them from a rare name
        return None
    return [(tok, "either")]


def mononym_odds(words: list[tuple[str, str]]) -> float:
    """log odds that a one-word line (:func:`mononym`) after an author line is one more
    author: the prior odds of an author there, those of a one-word line
    (:data:`rules.MONONYM_ODDS`) and the weight of its word, as a given or a family name."""
    return math.log(AUTHOR_PRIOR_ODDS * MONONYM_ODDS) + line_weight(words)


def name_form(line: str) -> tuple[list[tuple[str, str]], str | None]:
    """The words of a line that could be a name, or why its form cannot be a name.

    Returns the words to weigh (no particles, suffixes or initials), each with its place in the
    name (``given``: the line's first word, ``family``: its last, ``either``), and ``None``;
    or ``[]`` and the reason the line is a title by its form alone."""
    words, against = _name_form(line)
    return list(words), against


@lru_cache(maxsize=1 << 18)
def _name_form(line: str) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """:func:`name_form`, remembered: a line is read three times (as itself, as the line after
    a title, as the line after an author) and a coauthor's name is printed on many pages."""
    text, against = _name_text(line)
    if against is not None:
        return (), against
    tokens = [t for t in text.split() if t not in ("-", "‐", "–")]
    if not NAME_MIN_WORDS <= len(tokens) <= NAME_MAX_WORDS:
        return (), f"{len(tokens)} words: a name has {NAME_MIN_WORDS} to {NAME_MAX_WORDS}"
    short_function_words = 0
    weigh: list[tuple[str, str]] = []
    last = len(tokens) - 1
    while last > 0 and is_suffix(tokens[last]):
        last -= 1
    for i, tok in enumerate(tokens):
        kind = _word_kind(tok, i, tokens, text)
        if kind == "skip":
            continue
        if kind == "short title word":
            # "An Nguyen", "Lan Gia Anh To": a capitalised short word may be a name; two of
            # them ("Who Are You") make a title
            short_function_words += 1
            if short_function_words > SHORT_TITLE_WORDS_IN_A_NAME:
                return (), "two function words"
            continue
        if kind != "name":
            return (), kind
        letters = [c for c in tok if c.isalpha()]
        if len(letters) >= 2 and not (len(letters) == 2 and tok.endswith(".")):
            place = "given" if i == 0 else "family" if i == last else "either"
            weigh.append((tok, place))
    return tuple(weigh), None


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
    if (
        low in _ARTICLE_PARTICLES
        and tok.islower()
        and i > 0
        and tokens[i - 1].lower() not in PARTICLES
        and len(tokens[i - 1]) > UNLISTED_PARTICLE_MAX_LETTERS
    ):
        return f"{tok!r}: an article after a word that is no particle"
    if low in PARTICLES and not (tok[0].isupper() and i in (0, len(tokens) - 1)):
        return "skip"  # first, capitalised, a given name; last, the family name ("Hai-Son Le")
    if (
        0 < i < len(tokens) - 1
        and tok.islower()
        and len(tok) <= UNLISTED_PARTICLE_MAX_LETTERS
        and low not in _TITLE_WORDS
    ):
        return "skip"  # a particle we do not list: "Ngugi wa Thiong'o"
    if is_suffix(tok) and i == len(tokens) - 1 and i > 0:
        return "skip"
    if (
        low in _READER_PARTICLES
        and 0 < i < len(tokens) - 1
        and (tok.islower() or tokens[i + 1] in PARTICLES)
    ):
        return "skip"
    if low in _TITLE_WORDS and len(letters) > 1:
        if len(letters) <= SHORT_NAME_WORD_MAX_LETTERS and tok[0].isupper():
            return "short title word"
        if not (
            tok[0].isupper()
            and i == len(tokens) - 1
            and i > 0
            and low not in _FUNCTION_WORDS
            and family_share(tok) > UNKNOWN_SHARE
        ):
            return f"{tok!r} is a title word"
        # a family name that is also a word of scholarly titles ("Emily Small"),
        # printed where a name prints its family name: weighed, at its frequency in titles
    if not _NAME_TOKEN.match(tok):
        return f"{tok!r} is not a name word"
    if _POSSESSIVE.search(tok):
        return f"{tok!r}: a possessive"
    if _GLUED_ACRONYM.search(tok):
        return f"{tok!r}: an acronym in a word"
    if any(
        len(part) >= HYPHEN_TITLE_WORD_MIN_LETTERS and part in _TITLE_WORDS
        for part in re.split(r"[-‐]", low)[1:]
    ):
        return f"{tok!r} joins a title word"  # "Self-supervised" (but "Bar-On")
    all_lower = text.islower()
    hyphen = _HYPHEN_WORD.search(tok)
    if hyphen and not all_lower and name_weight(hyphen.group(1)) < 0:
        return f"{tok!r} joins an English word"  # "Back-propagation" ("Chi-shing")
    return _case_kind(tok, letters, i, text)


def _in_capitals(text: str) -> bool:
    """Whether a line is printed in capitals, a scraper's residue of accents aside: a letter
    command before a capital ("DEMIROuGLU", "KUvCERA") and accent marks ("L^E")."""
    bare = _COMMAND_RESIDUE.sub("", text)
    return bare.translate({ord(m): None for m in ACCENT_MARKS}).isupper()


def _glued_particle(tok: str, low: str) -> bool:
    """A particle glued to the name it precedes: ``deRoeck``, ``vanDeemter``."""
    return any(low.startswith(p) and len(tok) > len(p) and tok[len(p)].isupper() for p in PARTICLES)


def _case_kind(tok: str, letters: list[str], i: int, text: str) -> str:
    """What the letter case of a word makes of a would-be name line."""
    low = tok.lower()
    first = letters[0] if letters else ""
    starts_with_command = len(tok) > 1 and tok[0] in LETTER_COMMANDS and tok[1].isupper()
    lower_word = first.islower() and tok[0].isalpha() and not text.islower()
    if (
        lower_word
        and not (starts_with_command or _glued_particle(tok, low))
        and name_weight(tok) < 0
    ):
        return f"{tok!r}: a lower-case word of running text"
    if (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and "." not in tok
        and i == 0
        and not _in_capitals(text)
    ):
        return f"{tok!r}: an acronym first"  # "GNN Explainer" ("Deepak RK Joshi")
    return "name"
