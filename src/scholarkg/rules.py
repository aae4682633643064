"""Every threshold and weight of reading, cleaning and resolution, each with why it has its value.

A graph records which rules made it: ``report.json`` carries :data:`RULES_VERSION`. Change any
value here, or any rule that changes which lines are names, how names are repaired or which
mentions and listings are joined (text.py, names.py, resolve/), and bump the version with a line
below; ``tests/test_rules.py`` pins the values of each version so that a change without a bump
fails.

Versions:

* ``2026.12.1`` resolution's thresholds and weights gathered here (no rule changed).
* ``2026.12.2`` a suffix after an inverted name is a suffix (``Smith, John Jr.`` no longer
  matches ``John Smith Sr.``), suffixes are no longer block keys, ø/å family spellings block
  together (the text rules in one place, text.py); reading and cleaning cut-offs gathered here
  (no value changed).
"""

from __future__ import annotations

RULES_VERSION = "2026.12.2"

# ---------------------------------------------------------------- people: common names

# A name is common when the names seen suggest several people carry it: the number of other
# names with its first given name times the number with its family name, over all names, is
# the expected number of people printed so (were given and family names independent). At or
# above this, mentions of the name are joined only where their context joins them. 0.2 means
# "one chance in five that a namesake is in the input": a namesake costs a wrong merge of two
# people's papers, a missed join only a second node that the same context re-joins.
COMMON_NAME = 0.2

# A coauthor on many papers links too much: namesakes would chain through them. A coauthor
# counts as context for splitting a common name only on at most this many listings (twenty
# is more than two people usually write together, fewer than a lab head signs) …
PROLIFIC_MIN_LISTINGS = 20
# … or on at most one listing in this many, whichever is larger: in a large input a group
# leader legitimately appears on many listings without being a hub for every namesake.
PROLIFIC_LISTINGS_PER = 500

# ---------------------------------------------------------------- people: evidence for a pair

# Evidence that two name forms are one person, counted over their contexts. The unit is a
# coauthor in common (by family name and initial, the pair's own names aside) …
SHARED_COAUTHOR_WEIGHT = 1
# … and a paper both forms are listed on (two profiles listing one paper, one printing an
# initial) weighs three: coauthors recur across different people's papers in one field, a
# shared paper does not.
SHARED_WORK_WEIGHT = 3
# Two forms on the very same listing: mostly a page's owner (added to each of their listings)
# and an author line that fits the owner's name (``J. Smith`` on John Smith's page), which is
# the owner printed by the page. No count of shared papers and coauthors that a rival pair
# reaches in practice should outweigh this, hence a bonus far above them. (It applies as well
# to two fitting author lines of one listing, which are more likely two people; kept as it
# was when the rules were gathered here, since changing it changes graphs.)
SAME_LISTING_BONUS = 100

# ---------------------------------------------------------------- papers: versions of one title

# Titles shorter than this (in words) are too generic to join by version edits ("Deep
# Learning", "Graph Networks"): only exact title or identifier matches join them. Version
# blocking also looks only at titles at least this long.
VERSION_MIN_WORDS = 4
# An arXiv version inserts or drops a few words ("Towards", "Full", "simple"); more than this
# many is a rewrite, which may be a different paper …
VERSION_MAX_EDITED_WORDS = 3
# … and no more than this share of the longer title's words (3 of 12 is an edit, 3 of 5 not).
VERSION_MAX_EDITED_SHARE = 0.25
# A subtitle added or dropped ("X" / "X: A Controlled Study") joins when the main title has at
# least this many words: a two-word main title ("Graph Networks: …") is a topic, not a paper.
# (In a build, version blocking applies VERSION_MIN_WORDS to both titles first.)
SUBTITLE_MIN_MAIN_WORDS = 3
# Versions of one paper share most authors (an author or two join in a revision): at least
# this share of the smaller author set must be the same people.
VERSION_MIN_SHARED_AUTHORS = 0.5

# ---------------------------------------------------------------- reading: name or title?

# An author line longer than this is a title: the longest personal names (several given names,
# particles, a double surname, a suffix) stay well under it; titles often reach it.
NAME_LINE_MAX_CHARS = 80
# Pages print authors with given and family name: a single word on its own line is far more
# often a one-word title than a mononym …
NAME_MIN_WORDS = 2
# … and names with particles ("Maria del Carmen de la Cruz") reach six words; a line of seven
# words or more is a title.
NAME_MAX_WORDS = 6
# A lowercase word inside a name that no particle list has ("Ngugi wa Thiong'o") is a particle
# if it is this short; a longer lowercase word is a title word.
UNLISTED_PARTICLE_MAX_LETTERS = 3
# A capitalised title word this short may be part of a name ("An Nguyen", "Lan Gia Anh To") …
SHORT_NAME_WORD_MAX_LETTERS = 3
# … but only one of them: two ("Who Are You") make the line a title.
SHORT_TITLE_WORDS_IN_A_NAME = 1
# A title word after a hyphen makes a title ("Self-supervised", "Multi-task") when it has at
# least this many letters; shorter parts are names ("Bar-On").
HYPHEN_TITLE_WORD_MIN_LETTERS = 3

# ---------------------------------------------------------------- reading: abstract or title?

# A line of this many words after the authors is an abstract: titles stay well under it.
ABSTRACT_MIN_WORDS = 25
# A shorter line is an abstract when it reads as sentences (a full stop mid-line and at the
# end) and has at least this many words: a title is one phrase, short abstracts exist.
ABSTRACT_SENTENCES_MIN_WORDS = 12

# ---------------------------------------------------------------- cleaning: repairing names

# A word with this many distinctive accent-residue sites ("Velivckovi 'c") was garbled by a
# LaTeX-stripping scraper even when no other word of its name shows it; one site alone may be
# a real spelling.
GARBLED_WORD_LIKELY_SITES = 2
# Accents stack at most two deep on one letter in the names seen (Vietnamese "ễ" is ~^e);
# repairing in this many rounds decodes them with a round to spare.
MAX_STACKED_ACCENTS = 3
# Each uncertain residue site doubles the repairs to weigh against the spellings seen
# elsewhere; up to this many sites (16 variants of a word) are weighed, more are left as read.
MAX_UNCERTAIN_SITES = 4
# The repairs of a whole name (the product over its words) are cut at this many: it bounds
# the work per name, and evidence rarely decides between more.
MAX_NAME_CANDIDATES = 64
# Words this short (initials, "de", "Li") are spelt the same in many names: a clean spelling
# elsewhere is evidence for a repair only for words of at least this many letters.
EVIDENCE_WORD_MIN_LETTERS = 3


def values() -> dict[str, object]:
    """Every rule of this module by name (what ``tests/test_rules.py`` pins per version)."""
    return {k: v for k, v in globals().items() if k.isupper() and k != "RULES_VERSION"}
