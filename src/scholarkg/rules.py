"""Every threshold and weight of reading, cleaning, resolution and tagging, each with why.

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
* ``2026.12.3`` people by scored evidence (resolve/evidence.py, homonyms.py, cluster.py): name
  priors from population name frequencies, log-odds weights below, agglomerative clustering
  with cannot-links; the old common-name, prolific-coauthor and evidence-count rules removed.
* ``2026.12.4`` WEAK_CAP -1.0 → -0.25: an initial of a rare name joins its one full form on
  one informative shared coauthor (recall on the generated worlds; precision unchanged).
* ``2026.12.5`` the page reader weighs a line's words to tell a title from a name after an
  author line (population share as a name against frequency in a title's text, with the odds
  below: ``AUTHOR_PRIOR_ODDS`` … ``MAX_TITLE_WORD_FREQUENCY``), admits names with nicknames in
  brackets, an okina, a suffix in digits, combining marks, glued particles.
* ``2026.12.6`` a name with an initial (``J. Xu``) is shared by at least as many people as the
  input prints full given names with its letters beside its family name (``Jing Xu``, ``Jun
  Xu``), less one, or different second initials (``J.-W. Moon``, ``J.-H. Moon``): its prior
  is no longer the world's alone (resolve/evidence.py ``_witnessed``).
* ``2026.12.7`` two groups printed as two authors of one listing on ``COAUTHORS_MIN_WORKS``
  papers are coauthors: those papers, their pages and their other authors no longer count as
  evidence that the two are one person (resolve/cluster.py ``_apart``).
* ``2026.12.8`` the page reader: each initial counts (``D. M. W. Powers``), a line of capitalised
  words gets ``CAPITALISED_ODDS``, the last word of a line is weighed as a family name even
  after an initial (``J. White``), a line in Title Case is no abstract (``TITLE_CASE_*``);
  conjunctions of the other title languages, an article after a word that is no particle
  (``Kritik der …``), a possessive and an acronym glued to a word make a title; letters none of
  the vocabulary's languages writes are no title word (``Hồ``); a page's last authors are known
  names on the page; the vocabulary table drops contractions (``you'd`` was ``Youd``).
* ``2026.12.9`` pages are read knowing what the other pages of the input decided by position
  (their owners, and first authors printed after two different titles; ``read.known_from``),
  and a line in capitals stays so with a scraper's accent residue (``KUvCERA``); no value
  changed.
* ``2026.12.10`` the page reader: Dutch particles ``op`` and ``te`` inside a line weigh nothing
  (``Rieks Op den Akker``); the vocabulary table keeps accents and a word printed with them is
  looked up as written (``Tô`` is no ``to``); no value changed.
* ``2026.12.11`` the page reader: a one-word line whose word the name table lists, far more a
  name than a word, is a person printed with one name (``MONONYM_ODDS``); a word neither table
  lists is weighed by its letters (``SHAPE_*``, readers.namelines.shape_weight); the name
  table takes Korea's family names from its census (``Oh``, ``Moon``, ``Son`` were
  under-counted some 30 to 80 times), which resolution's name priors read too.
* ``2026.12.12`` the page reader: a word's letters are weighed by order-4 letter models, their
  ratio scaled and bounded as measured on the tables' held-out entries (``SHAPE_ORDER``,
  ``SHAPE_SCALE``, ``SHAPE_WEIGHT_MAX`` 2.5 → 5.5); a word of the reader's title vocabulary that
  the name table lists as a family name is weighed as a line's last word
  (``TITLE_VOCABULARY_FREQUENCY``), not taken for a title outright.
* ``2026.12.13`` two clusters joined on their names alone (no paper, page or coauthor in common
  though both print coauthors) weigh that absence: one person's would have met with chance m
  (``COAUTHOR_M``), so the join costs log(1 - m) (resolve/evidence.py ``nothing_in_common``);
  no value changed.
* ``2026.12.14`` a particle printed as the last word of a line is the family name itself
  ("Hai-Son Le": nothing follows for it to join), weighed as one (readers.namelines
  ``_word_kind``); no value changed.
* ``2026.12.15`` the page reader weighs a line's words together, not each on its own: as one
  title's words in one language (``TITLE_LANGUAGE_SHARES``) against one person's name from one
  region (``population.REGIONS``); a line whose words all start with a capital is weighed by
  how often each language's titles are so written (``TITLE_CAPITALISED``, replacing
  ``CAPITALISED_ODDS``); one name in ten mixes regions (``MIXED_NAME_SHARE``).
* ``2026.12.16`` two authors of one listing are two people, coauthors, unless another copy of
  the paper prints one of them without the other (one author printed twice: the copies' lists
  differ by the extra line): what they share on that paper (the listing, the paper, its page,
  its other authors) is no longer evidence that they are one (resolve/cluster.py
  ``_together``); no value changed.
"""

from __future__ import annotations

RULES_VERSION = "2026.12.16"
# ---------------------------------------------------------------- people: scored evidence
# Every weight is a log-odds contribution (natural log), in the manner of Fellegi and Sunter:
# log(P(observation | one person) / P(observation | two people)). A pair's score is the sum of
# its name term and its context terms (resolve/evidence.py); the terms are kept by name, so a
# join can be explained.

# The prior that two printings of one full name are one person is one against the number of
# other people expected to carry it (scholarkg.population: the world's name frequencies, or the
# input's where it is denser in the name). Capped both ways: no name alone is proof (6 is
# 400:1), and no name is so common that shared context could not join it (-6 is 1:400).
NAME_CAP = 6.0
# A name the same up to a middle name left out on one side (STRONG) costs this much against an
# exact match: the person printed with fewer names could be a namesake with other middles.
STRONG_COST = 0.7
# An initial, a nickname or a part of a double surname (WEAK) says little on its own: its name
# term is at most this, so context must carry the join (a double surname and its first part,
# ``Ana Ortiz-Lee`` / ``Ana Ortiz``, are two people until a paper or coauthor joins them) …
WEAK_CAP = -0.25
# … and costs this much below the prior of the less specific name.
WEAK_COST = 1.0
# A paper both groups of mentions are printed on (two listings of one paper, a paper on two
# members' pages): two people with compatible names on one paper are rare, a person on their
# own paper is not.
SHARED_WORK = 4.0
# Further shared papers add little once one is shared (they are mostly copies of one card).
SHARED_WORK_MAX = 2
# Two compatible names on one listing: the page's owner and an author line that fits the
# owner (``J. Smith`` on John Smith's page: the owner, printed by the page), or one author
# printed twice, another way, where another copy of the paper prints them once (two author
# lines of one listing are otherwise coauthors, and the listing says nothing: cluster.py
# ``_together``). Almost always one person.
SAME_LISTING = 6.0
# A coauthor both have, weighted by how rare the coauthor is: different people share a
# coauthor on df of L listings with chance about span·df/L (u; span: listings of the larger
# group), one person's groups share a collaborator with chance about min(1, this·span) (m).
COAUTHOR_M = 0.1
# The weight of one shared coauthor is at most this (a single coauthor can be a namesake).
COAUTHOR_CAP = 4.0
# A small input is a sample of a larger world: a coauthor on 2 of 3 listings is common only in
# the sample. L is taken as at least this many listings (an institute's worth).
COAUTHOR_WORLD_MIN = 1000
# The coauthor terms of one pair together: many shared coauthors are one fact, not many.
CONTEXT_CAP = 12.0
# Two mentions on the same member's page: the member's collaborator, printed twice.
SAME_PAGE = 1.0
# Two groups of mentions printed as two authors of one listing may be one person printed twice
# (a scraped carousel repeats an author, another way, and another copy prints them once), but
# not on this many different papers: there they are coauthors, two people, whatever the
# copies print, and what they share on those papers (the paper, its other authors) is what
# coauthors share, not evidence that they are one (the bearer of a double surname and the
# other person named by one part of it write together).
COAUTHORS_MIN_WORKS = 2
# Join when one person is more likely than two (also the average-linkage threshold).
JOIN = 0.0
# A mention that fits two conflicting people (``W. Wang``: Wei Wang and Wen Wang) joins the
# better one only when it is ahead by this much (e^1.5: 4.5 times as likely).
AMBIGUITY_MARGIN = 1.5
# A coauthor on more listings of one name than this is not paired mention by mention when
# splitting the name: its weight alone decides (bounded work in a block).
PAIR_POSTING_MAX = 40
# Two names with more groups than this many pairs between them are paired only through
# shared context (a paper or coauthor): pairs without any cannot reach JOIN.
ALL_UNIT_PAIRS_MAX = 400

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

# ---------------------------------------------------------------- people: comparing name forms

# The first word of a family name of several words is a blocking key of its own only when it
# has at least this many letters (and is no listed particle): two-letter words are unlisted
# particles ("af", "op") or surnames carried by very many people ("Li", "Wu"), whose blocks
# would compare nearly everyone.
BLOCK_FAMILY_WORD_MIN_LETTERS = 3
# A name with words left out ("Laura Alonso" / "Laura Alonso Alemany") may be the same person
# only when the shorter keeps at least this many full words (not initials): "J. Smith" keeps
# one and would fit every "J. … Smith".
DROPPED_WORDS_MIN_FULL_WORDS = 2
# How much a form says, for choosing the name a person is shown by: an initial counts one and
# a full given name this much, more than any two initials ("John Smith" 3 over "J. R. Smith" 2).
FULL_GIVEN_NAME_SPECIFICITY = 3

# ---------------------------------------------------------------- cleaning: names in capitals

# A family-name word printed in capitals ("ABEILLE", "LI") is title-cased when it has at least
# this many letters: one capital is an initial.
CAPS_FAMILY_WORD_MIN_LETTERS = 2
# A given-name word needs this many: two capitals there are mostly initials printed without
# full stops ("AJ Smith"), which must stay as printed.
CAPS_GIVEN_WORD_MIN_LETTERS = 3

# ---------------------------------------------------------------- topics: plurals

# Tagging matches topic words to text words made singular alike on both sides. "-ies" and
# "-es" plural endings ("studies", "classes", "approaches") are taken off words of at least this
# many letters: in a four-letter word they leave a stem that is seldom the word meant ("ties",
# "axes").
PLURAL_ES_MIN_LETTERS = 5
# A final "s" is taken off words of at least this many letters ("nets", "maps"): three-letter
# words ending in "s" are rarely plurals ("gas", "has", "its", "yes").
PLURAL_S_MIN_LETTERS = 4

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
# … unless it is written in Title Case: a sentence capitalises its first word, names and
# acronyms, a quarter of its longer words at most, while a Title Case title capitalises nearly
# all of them ("How Did We Get Here: What Are Droplets and Aerosols …", 28 words). A line is in
# Title Case when at least this share of its words of TITLE_CASE_WORD_MIN_LETTERS letters or
# more start with a capital (halfway between the two) …
TITLE_CASE_MIN_SHARE = 0.6
# … counting words of at least this many letters (short function words stay lower case in
# Title Case), and only in a line with at least this many of them.
TITLE_CASE_WORD_MIN_LETTERS = 4

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

# ---------------------------------------------------------------- page reading: title or name

# Right after an author line, the next line is one more author or the next entry's title. With
# nothing else to tell them apart, an author is the likelier: an author list prints about five
# names (62 author lines over 12 entries on the seed page), so
# four lines in five after an author are authors. Prior odds for "author" there: 4 to 1.
AUTHOR_PRIOR_ODDS = 4.0
# A short line is far likelier a name than a title: nine names in ten print at most three name
# words (initials and particles aside), while a scholarly title averages about ten words and
# one of at most three is rare (about one in twenty). Odds for "author" of a line of at most
# SHORT_LINE_WORDS weighed words: 0.9 / 0.05, about 20 (a longer line gets no such odds).
SHORT_LINE_ODDS = 20.0
# (what "short" is: at most three name words, initials and particles aside)
SHORT_LINE_WORDS = 3
# An initial (a lone capital and a period: "A. Lovelace", "Ada K. Lovelace") is printed in about
# a third of author lines and almost never in a title, whose abbreviations run longer ("Phys.",
# "Rev."): say once in a hundred titles. Odds for "author" of a line with an initial: 30.
INITIAL_ODDS = 30.0
# A title is written in one language: the page reader weighs a line's words as one title's in
# one of the languages of its vocabulary table (readers.namelines.line_weight), each by the
# share of the indexed scholarly literature it writes (English about nine in ten, the other six
# sharing the rest), as it weighs them as one person's name from one region (population.REGIONS).
TITLE_LANGUAGE_SHARES = {"en": 0.9} | {
    lang: round(0.1 / 6, 6) for lang in ("de", "fr", "es", "it", "pt", "nl")
}
# A person's given and family names mostly come from one region's names; where parents and
# children, or a married couple, come from different ones, they do not ("Will Oh", "Kevin
# Nguyen"). About one person in thirty lives outside the country of their birth (UN DESA
# 2020), and researchers move far more, with children named where they live: say one name
# in ten mixes regions. The reader weighs that share of names by the world's shares of their
# words, each on its own (readers.namelines.line_weight).
MIXED_NAME_SHARE = 0.1
# A name capitalises every word but its particles. A title of two to six words does so in
# seven titles of ten (39 of 55 in half A of benchmarks/titles.py's titles, mostly English; the
# rest are sentence case, "Advanced inorganic chemistry"): English titles are often in Title
# Case and German capitalises its nouns, which short titles are mostly made of. French,
# Spanish, Italian, Portuguese and Dutch write titles in sentence case, a later word
# capitalised only as a proper noun: a short title of theirs whose words all start with a
# capital is a title of names ("Santiago de Compostela"), say one in ten (0.05 to 0.3 give the
# same readings on benchmarks/titles.py). The chance, per language, that a title's weighed
# words all start with a capital (a name's: 1).
TITLE_CAPITALISED = {"en": 0.7, "de": 0.7} | {lang: 0.1 for lang in ("fr", "es", "it", "pt", "nl")}
# A word printed in a name line is drawn from the world's given and family names; in a title,
# from the language's running text. A word is taken as neither when both tables miss it, and
# then weighs nothing: this is the share given to a word the vocabulary table lacks, the same
# as the name table gives a name it lacks (``population.UNKNOWN_SHARE``), so that two misses
# cancel.
UNKNOWN_WORD_FREQUENCY = 1e-8
# The words of a short capitalised title are content words; the commonest words of running text
# ("will", "may", "can", "so") are function words, which the reader's list of title words
# handles on its own. A word's frequency is weighed at most at this (one word in ten thousand,
# about the commonest content words'), so that a given name which is also a function word
# ("Will Klein") is not taken for a title by that alone.
MAX_TITLE_WORD_FREQUENCY = 1e-4
# The reader's list of the commonest content words of scholarly titles ("learning", "graph",
# "small", "search") is far commoner in titles than in the running text the vocabulary table
# counts ("learning" alone is in about one machine-learning title in five). Where such a word
# may be a family name (the last word of a line, and listed by the name table: "Sharon
# Small"), it is weighed at this frequency among a title's words, not taken for a title
# outright.
TITLE_VOCABULARY_FREQUENCY = 1e-3
# A line of one word after an author line: pages print a person's given and family name, and
# about one author in a thousand prints a single name (South Indian, Indonesian and Burmese
# naming), while about one title in fifty is one capitalised word ("Physics", "Poetics",
# "Favipiravir": 3 of 149 in half A of benchmarks/titles.py's titles; half A's names hold
# none of one word, so about one in a thousand is at most what they allow). Odds for "author"
# of a one-word line: 0.001 / 0.02; its word must then be a listed name far more than a word.
MONONYM_ODDS = 0.05
# A word neither the name table nor the vocabulary table lists is told by its letters
# (readers.namelines.shape_weight): a letter model of each table's entries, Witten–Bell
# interpolated n-grams of this order. On the tables' own entries, a tenth held out by hash,
# order 3 ranks a held-out name above a held-out word with AUC 0.94, order 4 with 0.96 …
SHAPE_ORDER = 4
# … and the models' log-likelihood ratio r overstates the evidence (letters are not
# independent as the models take them): held-out entries scoring r (1 to 10 either way) are
# names e^(r/2) to e^(0.6 r) times likelier than words …
SHAPE_SCALE = 0.5
# … up to about this much: entries held out with r beyond ±10 are names 240 times likelier
# (or less likely) than words, log 5.5.
SHAPE_WEIGHT_MAX = 5.5
# Only a word of at least this many letters has a shape (shorter words are mostly listed,
# and two or three letters make no shape).
SHAPE_MIN_LETTERS = 4


def values() -> dict[str, object]:
    """Every rule of this module by name (what ``tests/test_rules.py`` pins per version)."""
    return {k: v for k, v in globals().items() if k.isupper() and k != "RULES_VERSION"}
