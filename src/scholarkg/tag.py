"""Tag papers with the research topics of the profiles that list them, where their text says so.

A paper listed on a member's page may be tagged with that member's topics, and only where its
title or abstract supports it:

* the topic's words appear in order (case, accents, hyphens and plurals aside):
  "Training Neural Networks" → Neural Networks;
* a well-known abbreviation of the topic appears as a word, in capitals: "RL Fine-tuning" →
  Reinforcement Learning. Abbreviations come from the table below, not from the topic's
  initials, because initials collide (RL is also Representation Learning's).

Every tag keeps its evidence (:class:`TopicTag`): the words matched, the rule, and the field.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .records import CleanProfile, Resolution, TopicTag, Work
from .rules import PLURAL_ES_MIN_LETTERS, PLURAL_S_MIN_LETTERS
from .text import WORD, fold_tight

# abbreviation → expansion (words, singular). Only abbreviations with one common meaning.
KNOWN_ABBREVIATIONS: dict[str, str] = {
    "RL": "reinforcement learning",
    "DRL": "deep reinforcement learning",
    "MARL": "multi agent reinforcement learning",
    "RLHF": "reinforcement learning from human feedback",
    "ML": "machine learning",
    "DL": "deep learning",
    "GDL": "geometric deep learning",
    "NN": "neural network",
    "DNN": "deep neural network",
    "RNN": "recurrent neural network",
    "GNN": "graph neural network",
    "CNN": "convolutional neural network",
    "GAN": "generative adversarial network",
    "VAE": "variational autoencoder",
    "LLM": "large language model",
    "NLP": "natural language processing",
    "NLU": "natural language understanding",
    "CV": "computer vision",
    "ASR": "automatic speech recognition",
    "NMT": "neural machine translation",
    "MT": "machine translation",
    "QA": "question answering",
    "NER": "named entity recognition",
    "IR": "information retrieval",
    "KG": "knowledge graph",
    "ICL": "in context learning",
    "SSL": "self supervised learning",
    "FSL": "few shot learning",
    "XAI": "explainable artificial intelligence",
    "HCI": "human computer interaction",
    "BO": "bayesian optimization",
    "GP": "gaussian process",
    "SGD": "stochastic gradient descent",
    "MDP": "markov decision process",
}


@lru_cache(maxsize=1 << 18)
def singular(word: str) -> str:
    """A crude singular, applied alike to topics and text: networks → network, studies → study."""
    if len(word) >= PLURAL_ES_MIN_LETTERS and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) >= PLURAL_ES_MIN_LETTERS and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if (
        len(word) >= PLURAL_S_MIN_LETTERS
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    ):
        return word[:-1]
    return word


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The text's words, folded as names and IRIs fold them and made singular, with where each
    starts and ends in the text."""
    return [(singular(fold_tight(m.group())), m.start(), m.end()) for m in WORD.finditer(text)]


@lru_cache(maxsize=1 << 14)
def _topic_words(label: str) -> tuple[str, ...]:
    return tuple(tok for tok, _, _ in _tokens(label))


@lru_cache(maxsize=1 << 14)
def _abbreviations(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(a for a, exp in KNOWN_ABBREVIATIONS.items() if tuple(exp.split()) == words)


class _Field:
    """A field's text tokenized once, with where each word starts."""

    __slots__ = ("name", "positions", "text", "tokens")

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.tokens = _tokens(text)
        self.positions: dict[str, list[int]] = defaultdict(list)
        for i, (tok, _, _) in enumerate(self.tokens):
            self.positions[tok].append(i)


def _find(label: str, fields: Sequence[_Field]) -> TopicTag | None:
    words = _topic_words(label)
    if not words:
        return None
    abbreviations = _abbreviations(words)
    n = len(words)
    for f in fields:
        toks = f.tokens
        for i in f.positions.get(words[0], ()):
            if i + n <= len(toks) and all(toks[i + j][0] == words[j] for j in range(1, n)):
                matched = f.text[toks[i][1] : toks[i + n - 1][2]]
                return TopicTag(label, matched, "topic words in the text", f.name)
        for abbr in abbreviations:
            m = re.search(rf"(?<![\w-]){re.escape(abbr)}s?(?![\w])", f.text)
            if m:
                rule = f"known abbreviation {abbr} ({KNOWN_ABBREVIATIONS[abbr]})"
                return TopicTag(label, m.group(), rule, f.name)
    return None


def tag_works(resolution: Resolution, profiles: Sequence[CleanProfile]) -> Resolution:
    """Tag each work with the topics of the profiles that list it, where the text supports it."""
    topics_of: dict[str, dict[str, None]] = defaultdict(dict)
    for prof in profiles:
        for li in prof.listings:
            key = resolution.listing_to_work.get(li.source)
            if key is not None:
                for t in prof.topics:
                    topics_of[key][t] = None
    works: list[Work] = []
    for w in resolution.works:
        labels = sorted(topics_of.get(w.key, {}))
        if not labels:
            works.append(w)
            continue
        fields = [_Field("title", w.title)]
        fields += [_Field("title", t) for t in w.alternate_titles]
        if w.abstract:
            fields.append(_Field("abstract", w.abstract))
        tags = [tag for label in labels if (tag := _find(label, fields))]
        works.append(replace(w, topics=tuple(tags)) if tags else w)
    return replace(resolution, works=tuple(works))


__all__ = ["KNOWN_ABBREVIATIONS", "tag_works"]
