"""The rules module: every threshold is pinned to the rules version that carries it."""

from __future__ import annotations

from pathlib import Path

from scholarkg import rules

# The values each rules version stands for. Changing a value in rules.py without bumping
# RULES_VERSION fails here: a graph's report would claim rules that did not make it. After a
# bump, add the new version as the previous one and what it changed (keep the old rows: they
# document what each version was).
PINNED: dict[str, dict[str, object]] = {
    "2026.12.1": {
        "COMMON_NAME": 0.2,
        "PROLIFIC_LISTINGS_PER": 500,
        "PROLIFIC_MIN_LISTINGS": 20,
        "SAME_LISTING_BONUS": 100,
        "SHARED_COAUTHOR_WEIGHT": 1,
        "SHARED_WORK_WEIGHT": 3,
        "SUBTITLE_MIN_MAIN_WORDS": 3,
        "VERSION_MAX_EDITED_SHARE": 0.25,
        "VERSION_MAX_EDITED_WORDS": 3,
        "VERSION_MIN_SHARED_AUTHORS": 0.5,
        "VERSION_MIN_WORDS": 4,
    },
    "2026.12.2": {
        "COMMON_NAME": 0.2,
        "PROLIFIC_LISTINGS_PER": 500,
        "PROLIFIC_MIN_LISTINGS": 20,
        "SAME_LISTING_BONUS": 100,
        "SHARED_COAUTHOR_WEIGHT": 1,
        "SHARED_WORK_WEIGHT": 3,
        "SUBTITLE_MIN_MAIN_WORDS": 3,
        "VERSION_MAX_EDITED_SHARE": 0.25,
        "VERSION_MAX_EDITED_WORDS": 3,
        "VERSION_MIN_SHARED_AUTHORS": 0.5,
        "VERSION_MIN_WORDS": 4,
        "NAME_LINE_MAX_CHARS": 80,
        "NAME_MIN_WORDS": 2,
        "NAME_MAX_WORDS": 6,
        "UNLISTED_PARTICLE_MAX_LETTERS": 3,
        "SHORT_NAME_WORD_MAX_LETTERS": 3,
        "SHORT_TITLE_WORDS_IN_A_NAME": 1,
        "HYPHEN_TITLE_WORD_MIN_LETTERS": 3,
        "ABSTRACT_MIN_WORDS": 25,
        "ABSTRACT_SENTENCES_MIN_WORDS": 12,
        "GARBLED_WORD_LIKELY_SITES": 2,
        "MAX_STACKED_ACCENTS": 3,
        "MAX_UNCERTAIN_SITES": 4,
        "MAX_NAME_CANDIDATES": 64,
        "EVIDENCE_WORD_MIN_LETTERS": 3,
        # gathered from names.py and tag.py later, under the same version (no value changed)
        "BLOCK_FAMILY_WORD_MIN_LETTERS": 3,
        "DROPPED_WORDS_MIN_FULL_WORDS": 2,
        "FULL_GIVEN_NAME_SPECIFICITY": 3,
        "CAPS_FAMILY_WORD_MIN_LETTERS": 2,
        "CAPS_GIVEN_WORD_MIN_LETTERS": 3,
        "PLURAL_ES_MIN_LETTERS": 5,
        "PLURAL_S_MIN_LETTERS": 4,
    },
    "2026.12.3": {
        "ABSTRACT_MIN_WORDS": 25,
        "ABSTRACT_SENTENCES_MIN_WORDS": 12,
        "ALL_UNIT_PAIRS_MAX": 400,
        "AMBIGUITY_MARGIN": 1.5,
        "BLOCK_FAMILY_WORD_MIN_LETTERS": 3,
        "CAPS_FAMILY_WORD_MIN_LETTERS": 2,
        "CAPS_GIVEN_WORD_MIN_LETTERS": 3,
        "COAUTHOR_CAP": 4.0,
        "COAUTHOR_M": 0.1,
        "COAUTHOR_WORLD_MIN": 1000,
        "CONTEXT_CAP": 12.0,
        "DROPPED_WORDS_MIN_FULL_WORDS": 2,
        "EVIDENCE_WORD_MIN_LETTERS": 3,
        "FULL_GIVEN_NAME_SPECIFICITY": 3,
        "GARBLED_WORD_LIKELY_SITES": 2,
        "HYPHEN_TITLE_WORD_MIN_LETTERS": 3,
        "JOIN": 0.0,
        "MAX_NAME_CANDIDATES": 64,
        "MAX_STACKED_ACCENTS": 3,
        "MAX_UNCERTAIN_SITES": 4,
        "NAME_CAP": 6.0,
        "NAME_LINE_MAX_CHARS": 80,
        "NAME_MAX_WORDS": 6,
        "NAME_MIN_WORDS": 2,
        "PAIR_POSTING_MAX": 40,
        "PLURAL_ES_MIN_LETTERS": 5,
        "PLURAL_S_MIN_LETTERS": 4,
        "SAME_LISTING": 6.0,
        "SAME_PAGE": 1.0,
        "SHARED_WORK": 4.0,
        "SHARED_WORK_MAX": 2,
        "SHORT_NAME_WORD_MAX_LETTERS": 3,
        "SHORT_TITLE_WORDS_IN_A_NAME": 1,
        "STRONG_COST": 0.7,
        "SUBTITLE_MIN_MAIN_WORDS": 3,
        "UNLISTED_PARTICLE_MAX_LETTERS": 3,
        "VERSION_MAX_EDITED_SHARE": 0.25,
        "VERSION_MAX_EDITED_WORDS": 3,
        "VERSION_MIN_SHARED_AUTHORS": 0.5,
        "VERSION_MIN_WORDS": 4,
        "WEAK_CAP": -1.0,
        "WEAK_COST": 1.0,
    },
}

PINNED["2026.12.4"] = PINNED["2026.12.3"] | {
    "WEAK_CAP": -0.25,
}
PINNED["2026.12.5"] = PINNED["2026.12.4"] | {
    "AUTHOR_PRIOR_ODDS": 4.0,
    "INITIAL_ODDS": 30.0,
    "MAX_TITLE_WORD_FREQUENCY": 0.0001,
    "SHORT_LINE_ODDS": 20.0,
    "SHORT_LINE_WORDS": 3,
    "UNKNOWN_WORD_FREQUENCY": 1e-08,
}

# 2026.12.6: no value changed (a rule did: initials are counted against the input's full names)
PINNED["2026.12.6"] = PINNED["2026.12.5"]
PINNED["2026.12.7"] = PINNED["2026.12.6"] | {"COAUTHORS_MIN_WORKS": 2}
PINNED["2026.12.8"] = PINNED["2026.12.7"] | {
    "CAPITALISED_ODDS": 1.4,
    "TITLE_CASE_MIN_SHARE": 0.6,
    "TITLE_CASE_WORD_MIN_LETTERS": 4,
}
# 2026.12.9: no value changed (rules did: pages know what other pages decided by position)
PINNED["2026.12.9"] = PINNED["2026.12.8"]
PINNED["2026.12.10"] = PINNED["2026.12.9"]  # rules did: particles "op", "te"; accents kept
PINNED["2026.12.11"] = PINNED["2026.12.10"] | {
    "MONONYM_ODDS": 0.05,
    "SHAPE_WEIGHT_MAX": 2.5,
    "SHAPE_MIN_LETTERS": 4,
}
PINNED["2026.12.12"] = PINNED["2026.12.11"] | {
    "SHAPE_ORDER": 4,
    "SHAPE_SCALE": 0.5,
    "SHAPE_WEIGHT_MAX": 5.5,
    "TITLE_VOCABULARY_FREQUENCY": 0.001,
}
PINNED["2026.12.13"] = PINNED["2026.12.12"]  # a rule did: names alone weigh nothing in common
PINNED["2026.12.14"] = PINNED["2026.12.13"]  # a rule did: a particle last is a family name
PINNED["2026.12.15"] = {
    k: v for k, v in PINNED["2026.12.14"].items() if k != "CAPITALISED_ODDS"
} | {
    "TITLE_LANGUAGE_SHARES": {
        "en": 0.9, "de": 0.016667, "fr": 0.016667, "es": 0.016667, "it": 0.016667,
        "pt": 0.016667, "nl": 0.016667,
    },
    "MIXED_NAME_SHARE": 0.1,
    "TITLE_CAPITALISED": {
        "en": 0.7, "de": 0.7, "fr": 0.1, "es": 0.1, "it": 0.1, "pt": 0.1, "nl": 0.1,
    },
}  # fmt: skip
PINNED["2026.12.16"] = PINNED["2026.12.15"]  # a rule did: two authors of one listing, coauthors


def test_a_changed_rule_comes_with_a_new_rules_version() -> None:
    assert rules.RULES_VERSION in PINNED, "a new RULES_VERSION needs its row in PINNED"
    assert rules.values() == PINNED[rules.RULES_VERSION], (
        "a rule changed: bump RULES_VERSION in rules.py and pin the new values here"
    )


def test_every_rule_says_why_it_has_its_value() -> None:
    lines = Path(rules.__file__).read_text(encoding="utf-8").splitlines()
    for name in rules.values():
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{name} = "))
        assert lines[at - 1].startswith("#"), f"{name} has no comment above it"
