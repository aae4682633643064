"""Derive the vocabulary table shipped in ``src/scholarkg/data/words.tsv.gz``.

Run once, offline, whenever the source or the method changes; the build never runs it::

    pip install --target /tmp/wf wordfreq==3.1.1                # not a dependency of ours
    apt-get install wamerican wngerman wfrench wspanish witalian wportuguese wdutch
    PYTHONPATH=/tmp/wf python tools/title_words.py src/scholarkg/data/words.tsv.gz

Source: the PyPI package ``wordfreq`` 3.1.1 (Robyn Speer; code Apache-2.0, data CC-BY-SA 4.0:
redistribution of derived data with attribution is allowed). Its "small" word lists give the
frequency of every word used at least once per million words, per language, counted over
Wikipedia, subtitles, news, books and the web.

Word frequencies count every use of a word, and running text is full of people's names
("Andrew", "Goldberg" are frequent in it), so frequency alone cannot say a word is vocabulary.
The spelling dictionaries of Debian's word-list packages (``wamerican``, ``wngerman``,
``wfrench``, ``wspanish``, ``witalian``, ``wportuguese``, ``wdutch``, from SCOWL and the
languages' spell-checking projects, free licences) list proper nouns capitalised and common
words in lower case: a language's frequency of a word counts only if that language's dictionary
lists it in lower case (so ``hunter`` and ``little`` are kept, ``andrew`` is not, and ``dan``
counts as Dutch, not as English). German capitalises its nouns, so its dictionary
adds its lower-case words only (adjectives, verbs, function words).

What is kept: for the languages scholarly titles are mostly written in (English, German,
French, Spanish, Italian, Portuguese, Dutch), each word in lower case with its accents
(``readers.namelines.exact_key``: "tô" is not "to"; the reader folds the table itself for words
printed without accents) with its frequency in each language's running text, in parts per billion
(0 where the language's dictionary does not list it). The reader mixes the languages by how
many titles each writes (``rules.TITLE_LANGUAGE_SHARES``: English about nine in ten of the
indexed scholarly literature, the other six sharing the rest), and mixes them per line, not
per word: a title is written in one language, so ``Dan Weld`` is not a Dutch ``dan`` and an
English ``weld`` at once. A mixture, not the highest frequency: ``dan`` ("then" in Dutch) or
``pierre`` ("stone" in French) are common words in one small language and common given names
everywhere.
Words written with an apostrophe are left out: folded, a contraction would pass for a name
("you'd" for ``Youd``).
The page reader weighs it against the population share of the same word as a given or family
name (``population``): a word far more common in text than among people's names is evidence of a
title. One line a word: the word, then a tab and its frequency (an integer) in each language of
``LANGUAGES``, in that order.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from scholarkg.readers.namelines import exact_key
from scholarkg.rules import TITLE_LANGUAGE_SHARES
from scholarkg.text import fold_tight

LANGUAGES = tuple(TITLE_LANGUAGE_SHARES)  # the table's columns, in this order
DICTIONARIES = {
    "en": "american-english",
    "de": "ngerman",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}


def main(argv: list[str] | None = None) -> int:
    import wordfreq  # only here, offline

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dicts", type=Path, default=Path("/usr/share/dict"))
    args = parser.parse_args(argv)
    common: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for lang, name in DICTIONARIES.items():
        for line in (args.dicts / name).read_text(encoding="utf-8", errors="replace").split():
            if line[:1].islower():
                common[lang].add(exact_key(line))
    per: dict[str, list[float]] = {}
    for lang in LANGUAGES:
        for word, freq in wordfreq.get_frequency_dict(lang, "small").items():
            key = fold_tight(word)
            if "'" in word or "’" in word:
                continue  # a contraction or an elision ("you'd", "l'amour") is no title word
            exact = exact_key(word)
            if len(key) < 2 or not key.isalpha() or not key.isascii() or exact not in common[lang]:
                continue
            per.setdefault(exact, [0.0] * len(LANGUAGES))[LANGUAGES.index(lang)] += freq
    rows = sorted((k, [round(f * 1e9) if f else 0 for f in v]) for k, v in per.items())
    text = "".join(k + "".join(f"\t{f}" for f in v) + "\n" for k, v in rows)
    with gzip.GzipFile(args.out, "wb", mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))
    print(f"wrote {len(rows)} words to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
