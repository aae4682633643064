"""Paper titles and abstracts: vocabulary, templates, title and sentence case."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _bar(text: str) -> tuple[str, ...]:
    return tuple(" ".join(item.split()) for item in text.split("|"))


VOCAB: dict[str, tuple[str, ...]] = {
    "task": (
        "image classification", "language modeling", "in-context learning",
        "continual learning", "graph representation learning", "molecular property prediction",
        "protein structure prediction", "offline reinforcement learning", "few-shot learning",
        "out-of-distribution generalization", "causal discovery", "text-to-image generation",
        "speech recognition", "machine translation", "code generation", "3D reconstruction",
        "weather forecasting", "drug discovery", "question answering", "semantic segmentation",
        "object detection", "anomaly detection", "time series forecasting",
        "neural architecture search", "program synthesis", "mathematical reasoning",
        "visual question answering", "domain adaptation", "federated learning",
        "active learning", "imitation learning", "multi-agent coordination",
        "robot manipulation", "motion planning", "single-cell analysis",
        "materials discovery", "link prediction", "decision-making", "exploration",
        "credit assignment", "video prediction", "image segmentation", "summarization",
        "retrieval", "planning", "density estimation", "representation learning",
    ),
    "model": (
        "transformers", "graph neural networks", "diffusion models", "large language models",
        "state space models", "neural networks", "recurrent neural networks",
        "vision transformers", "variational autoencoders", "normalizing flows",
        "energy-based models", "mixture-of-experts models", "language models", "world models",
        "neural ODEs", "Gaussian processes", "kernel machines", "spiking neural networks",
        "implicit neural representations", "LLMs", "GFlowNets", "hypernetworks",
        "deep networks", "linear networks", "autoregressive models", "agents",
    ),
    "property": (
        "generalization", "robustness", "calibration", "sample efficiency",
        "interpretability", "fairness", "privacy", "scalability", "stability",
        "expressivity", "uncertainty", "memorization", "compositionality", "plasticity",
        "emergence", "sparsity", "faithfulness", "alignment", "hallucination", "grokking",
        "identifiability", "transferability", "invariance", "consistency",
    ),
    "technique": (
        "contrastive learning", "knowledge distillation", "data augmentation",
        "meta-learning", "curriculum learning", "self-supervision", "weight decay",
        "low-rank adaptation", "gradient clipping", "attention", "pruning", "quantization",
        "retrieval augmentation", "chain-of-thought prompting", "reward modeling",
        "optimal transport", "Bayesian inference", "variational inference",
        "Monte Carlo tree search", "score matching", "flow matching", "message passing",
        "tokenization", "preference optimization", "synthetic data", "model merging",
        "back-propagation", "fine-tuning", "RL fine-tuning", "Markov chains",
        "energy minimization", "sparse coding", "dropout", "batch normalization",
    ),
    "adj": (
        "efficient", "scalable", "robust", "provable", "adaptive", "sparse", "hierarchical",
        "unsupervised", "self-supervised", "equivariant", "causal", "differentiable",
        "probabilistic", "modular", "lightweight", "fast", "principled", "continual",
        "multimodal", "decentralized", "interpretable", "zero-shot", "model-based",
        "data-efficient", "long-context", "geometric", "greedy", "offline", "online",
        "generative", "compositional", "stochastic",
    ),
    "domain": (
        "healthcare", "robotics", "climate science", "drug discovery",
        "low-resource languages", "autonomous driving", "materials science", "education",
        "genomics", "medical imaging", "finance", "scientific discovery", "edge devices",
        "ecology", "neuroscience", "chemistry", "astronomy", "agriculture",
    ),
    "dataset": (
        "ImageNet", "CIFAR-10", "CIFAR-100", "MNIST", "COCO", "Atari", "MuJoCo", "GSM8K",
        "MMLU", "the Open Graph Benchmark", "Procgen", "Minecraft", "NetHack", "ARC",
        "WikiText", "QM9",
    ),
    "ving": (
        "training", "scaling", "learning", "rethinking", "understanding", "revisiting",
        "improving", "benchmarking", "evaluating", "explaining", "measuring", "steering",
        "distilling", "compressing", "aligning", "probing", "regularizing",
    ),
    "verb": (
        "learn", "generalize to", "forget", "reason about", "memorize", "attend to",
        "fail on", "compose", "plan over", "extrapolate to", "represent", "exploit",
    ),
    "entity": (
        "the first token", "long sequences", "rare events", "spurious features",
        "distribution shift", "noisy labels", "the edge of stability", "symmetric structures",
        "out-of-distribution data", "simple reversals", "facts", "new tasks",
        "adversarial examples", "hidden confounders", "sparse rewards", "long horizons",
    ),
    "role": ("agents", "learners", "planners", "reasoners", "optimizers", "critics"),
    "noun": (
        "dynamics", "curricula", "hallucinations", "benchmarks", "baselines", "pitfalls",
        "limits", "scaling", "theory", "practice", "trade-offs", "failure modes",
    ),
    "dim": ("2", "3", "4"),
    "num": ("2", "3", "4", "5", "8", "10", "16", "32", "100", "1000"),
    # short titles of capitalised words ("Neural Tangents"): after an author list they
    # read like one more name
    "sadj": (
        "Deep", "Neural", "Sparse", "Fast", "Implicit", "Latent", "Soft", "Hyper", "Graph",
        "Causal", "Linear", "Gated", "Dense", "Spectral", "Robust", "Lazy", "Tiny", "Open",
        "Mixed", "Hidden", "Noisy", "Quiet", "Bright", "Early", "Grounded", "Stable",
    ),
    "snoun": (
        "Sets", "Tangents", "Ensembles", "Weights", "Networks", "Fields", "Flows", "Kernels",
        "Critics", "Capsules", "Machines", "Diffusion", "Transformers", "Routing", "Memory",
        "Attention", "Priors", "Experts", "Features", "Mixtures", "Dreams", "Agents", "Maps",
        "Gardens", "Mirrors", "Bridges", "Echoes", "Anchors",
    ),
}  # fmt: skip
SHORT_TEMPLATES: tuple[str, ...] = ("{sadj} {snoun}", "{sadj} {sadj2} {snoun}", "{method} {snoun}")

TITLE_TEMPLATES: tuple[str, ...] = (
    "{method}: {ving} {model} without {technique}",
    "{method}: {adj} {task} with {technique}",
    "why do {model} {verb} {entity}?",
    "do {model} really {verb} {entity}?",
    "when does {technique} help {task}?",
    "on the {property} of {model}",
    "on the {property} of {model} trained with {technique}: a controlled study",
    "{ving} {model} for {task}",
    "{adj} {task} via {technique}",
    "towards {adj} {task} in {domain}",
    "a {adj} framework for {task}",
    "{method}: a {adj} benchmark for {task}",
    "from {technique} to {technique2}: how {model} {verb} {entity}",
    "{technique} is all you need for {task}",
    "beyond {technique}: {adj} {task} with {model}",
    "{ving} the {property} of {model} on {dataset}",
    "scaling laws for {task} with {model}",
    "{property} in {model}: theory and experiments",
    "how do {model} {verb} {entity}? {noun}, {noun2} and {noun3}",
    "{model} are {adj} {role}: effects of {technique} on {property}",
    "{method}-{num}: {adj} {task} at scale",
    "{ving} {task} in {dim}D with {model}",
    "learning to {verb} {entity} with {model}",
    "{adj} {technique} for {model}",
    "the {property} of {technique} in {task}",
    "can {model} {verb} {entity}?",
    "is {technique} necessary for {task}?",
    "{ving} and {ving2} {model}",
    "{adj} and {adj2} {task} for {domain}",
    "{method}: {adj} {technique} for {task} on {dataset}",
    "provable {property} of {technique} under {entity}",
    "a theory of {property} in {model}",
    "{ving} {model} through the lens of {technique}",
    "{task} from {entity}: a {adj} approach",
    "benchmarking {model} on {dataset}: lessons for {task}",
    "{num} lessons from {task} with {model}",
    "{method}: {ving} {model} with {num} billion parameters",
    "what makes {technique} work for {task}?",
    "{adj} {model} for {task} in {domain}",
    "{ving} {property} in {model} with {technique}",
)

_SUBTITLES = (
    "a case study", "theory and practice", "an empirical study", "a unifying view",
    "a controlled study", "a survey", "extended version", "a benchmark",
    "lessons learned", "a simple baseline",
)  # fmt: skip
_LOWER_WORDS = frozenset(
    part
    for text in (*(w for ws in VOCAB.values() for w in ws), *TITLE_TEMPLATES, *_SUBTITLES)
    for word in text.replace("{", " ").replace("}", " ").split()
    for part in word.strip(":?,.").split("-")
    if part.islower()
) | frozenset(("full", "efficient", "scalable", "improved", "simple", "general", "deep"))
_VERSION_WORDS = ("full", "efficient", "scalable", "improved", "simple", "general", "deep")
_SMALL_WORDS = frozenset(
    _w("a an and as at but by for from in into of on or over the to under via vs with without")
)
_METHOD_HEADS = _w(
    """No Graph Diff Meta Auto Flow Deep Hyper Neuro Vi Sym Quant Spec Mem Poly Omni Uni
    Trans Cross Self Sparse Fast Mamba Dyna Gen Tok Mol Geo Chrono Lumo Astra Nova Hydra"""
)
_METHOD_TAILS = _w(
    """Prop Mix Former Net GAN Seq Fusion Bench Align Diff Tune Match Flow Gen Lens Pilot
    Sketch Route Mamba Coder Fold Grad Plan Prompt Vision Walk Sat"""
)
_ACRONYM_C = "BCDFGHKLMNPRSTVZ"
_ACRONYM_V = "AEIOU"

_ABSTRACT_OPENERS = (
    "{model} have achieved remarkable success in {task}, yet their {property} remains "
    "poorly understood.",
    "Recent work has shown that {technique} can improve {property} in {task}, but the "
    "reasons for this improvement are unclear.",
    "{task} is a central problem in machine learning with applications in {domain}.",
    "While {model} have driven rapid progress in {task}, their computational cost has "
    "spurred growing interest in {adj} alternatives.",
    "The canonical approach to {task} relies on {technique}, which requires large amounts "
    "of labelled data.",
)  # fmt: skip
_ABSTRACT_SENTENCES = (
    "However, existing approaches rely on {technique}, which is expensive and often unstable.",
    "In this paper, we study {task} through the lens of {technique}.",
    "We introduce {method}, a {adj} method that combines {technique} with {technique2}.",
    "Our key insight is that {model} implicitly perform {technique} when trained on {dataset}.",
    "We show theoretically that {property} is governed by the interplay between {technique} "
    "and {entity}.",
    "Empirically, {method} outperforms strong baselines on {dataset} while using far fewer "
    "resources.",
    "We further analyse the failure modes of {model} under {entity}.",
    "These results suggest that {property} and {property2} are closely linked.",
    "Finally, we release code and data to facilitate future research on {task}.",
    "Extensive experiments on {num} benchmarks demonstrate consistent gains in {property}.",
    "To address this gap, we propose a {adj} framework for {task} in {domain}.",
    "Unlike prior work, our approach does not require {technique} or access to {entity}.",
    "We find that, in data-matched settings, {model} can {verb} {entity} more reliably than "
    "expected.",
    "Our analysis reveals a surprising phenomenon: {model} {verb} {entity} even without "
    "{technique}.",
    "This opens new directions for {adj} {task} and for understanding {property} more broadly.",
    "We demonstrate the effectiveness of our method on {dataset} and on {task} tasks.",
    "To do so, we construct several novel datasets that isolate {entity} from the rest of "
    "the training signal.",
    "Our results have implications for understanding the inductive biases of {model} and for "
    "improving their {property} in practice.",
)  # fmt: skip
_SEE_MORE = "… (see more)"
_NOT_ALNUM = re.compile(r"[\W_]+")
_ARTICLE = re.compile(r"\b([Aa]) (?=[aeioAEIO])")


@dataclass(frozen=True, slots=True)
class TitleSpec:
    """A title before casing: a template and the words put into it."""

    template: str
    fillers: tuple[tuple[str, str], ...]
    style: str  # "title" or "sentence"
    hyphen_caps: bool

    def render(self) -> str:
        text = _articles(self.template.format(**dict(self.fillers)))
        return title_case(text, self.hyphen_caps) if self.style == "title" else sentence_case(text)


def _articles(text: str) -> str:
    """``a efficient`` -> ``an efficient``."""
    return _ARTICLE.sub(r"\1n ", text)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:] if word and word[:1].islower() else word


def _decap(text: str) -> str:
    """Lower the first letter unless the first word is an acronym or a CamelCase name."""
    first = text.split(" ", 1)[0]
    return text if any(c.isupper() for c in first[1:]) else text[:1].lower() + text[1:]


def to_sentence_case(text: str) -> str:
    """Undo title case: lower capitalised common words, keep names, acronyms and starts."""
    out: list[str] = []
    start = True
    for word in text.split(" "):
        if not start:
            parts = word.split("-")
            word = "-".join(
                p.lower() if p.lower().strip(":?,.") in _LOWER_WORDS and p[1:].islower() else p
                for p in parts
            )
        out.append(word)
        start = word.endswith((":", "?"))
    return " ".join(out)


def sentence_case(text: str) -> str:
    """Capitalise the first letter and the first letter after ": " or "? "."""
    out = _cap(text)
    for sep in (": ", "? "):
        if sep in out:
            head, *tails = out.split(sep)
            out = sep.join([head, *(_cap(t) for t in tails)])
    return out


def title_case(text: str, hyphen_caps: bool) -> str:
    """Capitalise major words; words that already hold a capital are left alone."""
    words = text.split(" ")
    out: list[str] = []
    start = True
    for word in words:
        if not word or any(c.isupper() for c in word) or (word in _SMALL_WORDS and not start):
            out.append(word)
        elif "-" in word:
            head, *rest = word.split("-")
            rest = [_cap(r) if hyphen_caps and r not in _SMALL_WORDS else r for r in rest]
            out.append("-".join([_cap(head), *rest]))
        else:
            out.append(_cap(word))
        start = word.endswith((":", "?"))
    return " ".join(out)


def _title_key(title: str) -> int:
    """A 64-bit key of the lower-cased letters and digits (case and punctuation ignored)."""
    norm = _NOT_ALNUM.sub("", title.lower()).encode()
    return zlib.crc32(norm) | (len(norm) << 32)
