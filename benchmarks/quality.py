"""Score a resolver's clusters against the truth written by ``benchmarks/generate.py``.

API::

    score(truth_path, report_path) -> Scores      # report_path: a build's report.json
    score_mapping(truth_path, {"path:line": cluster, ...}) -> Scores

For people and for papers, per mention: B-cubed precision, recall and F1 (as S2AND and
other author-disambiguation work publish them) beside pairwise precision and recall; and
for the whole graph: person nodes against true people, and how many papers have their
author list exactly right. Where the truth names namesakes that nothing on the pages can
tell apart (``truth.json`` ``indistinguishable``, see ``worlds/namesakes.py``), people are
also scored without their mentions (``people_separable``), so the ceiling is visible.

B-cubed: for a mention m with true cluster T(m) and predicted cluster P(m),
precision(m) = |T(m) & P(m)| / |P(m)| and recall(m) = |T(m) & P(m)| / |T(m)|; the scores
are their means over all mentions, F1 their harmonic mean. From the contingency table:
precision = sum(n_ij^2 / |P_j|) / N and recall = sum(n_ij^2 / |T_i|) / N.

Pairwise, for people and for papers:

* people: every author line and every owner name line (line 3) of every page;
* papers: every listing title line.

Two items form a *true pair* when the truth puts them in one cluster, a *predicted
pair* when the prediction does, and a *correct pair* when both do. Precision is
correct / predicted pairs, recall is correct / true pairs (1.0 when the denominator is
0). The counts come from a contingency table, ``sum(C(n, 2))`` over true clusters,
predicted clusters and their intersections, so no pair is ever enumerated and 10^6
listings score in seconds.

A truth item with no prediction is counted in ``missing`` and scored as a cluster of
its own (in B-cubed too): it lowers recall and never raises precision, and it is never
dropped.

A paper's author list is *exactly right* when all its listings are one predicted paper that
holds no other paper's listing, and every author line and owner line of those listings is
predicted as its person's node: the node that holds most of that person's mentions, and
whose mentions are mostly that person's (ties go to the smaller cluster id). A
prediction for a key that is not a truth item is counted in ``unmatched``.

Keys are ``"PATH:LINE"``. ``PATH`` is normalised to the path relative to the folder
that holds ``pages/``: everything from the last ``pages`` component on, with ``\\``
read as ``/`` (so ``/tmp/run/pages/0001.txt``, ``run/pages/0001.txt`` and
``pages/0001.txt`` are one page). A path without a ``pages`` component is taken as a
file name inside ``pages/``.

Usage::

    python benchmarks/quality.py TRUTH REPORT_JSON

``TRUTH`` is ``truth.json`` (which names its ``truth.jsonl``) or the ``truth.jsonl``
itself. ``REPORT_JSON`` holds ``{"mentions": {"path:line": person_iri, ...},
"listings": {"path:line": work_iri, ...}}``. The scores are printed as JSON. Exit
codes: 0 scored, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class PairScores:
    """Pairwise scores over one kind of item (people or papers)."""

    items: int  # truth items
    predicted: int  # truth items that had a prediction
    missing: int  # truth items without one (scored as singletons)
    true_clusters: int
    predicted_clusters: int  # among items with a prediction
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    precision: float
    recall: float
    f1: float
    b3_precision: float = 1.0
    b3_recall: float = 1.0
    b3_f1: float = 1.0


@dataclass(frozen=True, slots=True)
class Scores:
    people: PairScores
    papers: PairScores
    unmatched: int  # predictions whose key is no truth item
    # people without the mentions of namesakes nothing on the pages tells apart
    people_separable: PairScores | None = None
    indistinguishable_persons: int = 0
    true_people: int = 0
    person_nodes: int = 0  # predicted person clusters (a missing mention counts as one)
    papers_total: int = 0
    author_lists_exact: int = 0
    authors_read_as_titles: int = 0  # author lines the report has as listings
    titles_read_as_authors: int = 0  # title lines the report has as mentions

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def normalize_key(key: str, cache: dict[str, str] | None = None) -> str:
    """``/any/prefix/pages/0001.txt:12`` -> ``pages/0001.txt:12``.

    ``cache`` (raw path -> normalised path) saves the work for the many keys of one page.
    """
    path, sep, line = key.rpartition(":")
    if not sep or not line.isdigit():
        raise ValueError(f"{key!r}: expected PATH:LINE")
    if cache is None:
        cache = {}
    norm = cache.get(path)
    if norm is None:
        norm = cache[path] = _normalize_path(key, path)
    return f"{norm}:{int(line)}" if line[0] == "0" or norm != path else key


def _normalize_path(key: str, path: str) -> str:
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    if not parts:
        raise ValueError(f"{key!r}: empty path")
    tail = parts[-1:]
    for i in range(len(parts) - 2, -1, -1):
        if parts[i] == "pages":
            tail = parts[i + 1 :]
            break
    return "pages/" + "/".join(tail)


def pages_truth_path(truth_path: str | Path) -> Path:
    """The JSON Lines file of page records, given ``truth.json`` or the file itself."""
    path = Path(truth_path)
    if path.suffix == ".jsonl":
        return path
    with path.open(encoding="utf-8") as f:
        header = json.load(f)
    if not isinstance(header, dict) or "pages_truth" not in header:
        raise ValueError(f"{path}: not a generated truth.json (no 'pages_truth' key)")
    return path.parent / str(header["pages_truth"])


def iter_truth(truth_path: str | Path) -> Iterator[tuple[str, str, str]]:
    """Yield ``(kind, key, true_id)`` with kind ``person`` or ``paper``, page by page."""
    path = pages_truth_path(truth_path)
    with path.open(encoding="utf-8") as f:
        for number, text in enumerate(f, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
                page = record["page"]
                owner = record["owner"]
                yield "person", f"{page}:{owner['line']}", owner["person"]
                for line, pid in record["authors"]:
                    yield "person", f"{page}:{line}", pid
                for line, wid in record["titles"]:
                    yield "paper", f"{page}:{line}", wid
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: bad truth record ({exc})") from exc


class _Table:
    """Contingency counts for one kind of item."""

    def __init__(self) -> None:
        self.true_sizes: Counter[str] = Counter()
        self.pred_sizes: Counter[int] = Counter()
        self.cells: Counter[tuple[str, int]] = Counter()
        self.pred_ids: dict[str, int] = {}
        self.items = 0
        self.missing = 0
        self.missing_ids: list[str] = []

    def add(self, true_id: str, predicted: str | None) -> None:
        self.items += 1
        self.true_sizes[true_id] += 1
        if predicted is None:
            self.missing += 1  # a singleton: no pair, predicted or correct
            self.missing_ids.append(true_id)
            return
        pred = self.pred_ids.setdefault(predicted, len(self.pred_ids))
        self.pred_sizes[pred] += 1
        self.cells[(true_id, pred)] += 1

    def b3(self) -> tuple[float, float, float]:
        """B-cubed precision, recall, F1; a missing item is a singleton (precision 1)."""
        n = self.items
        if not n:
            return 1.0, 1.0, 1.0
        precision = float(self.missing)
        recall = 0.0
        for (true_id, pred), count in self.cells.items():
            precision += count * count / self.pred_sizes[pred]
            recall += count * count / self.true_sizes[true_id]
        recall += sum(1 / self.true_sizes[t] for t in self.missing_ids)
        precision, recall = precision / n, recall / n
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def scores(self) -> PairScores:
        true_pairs = _pairs(self.true_sizes.values())
        predicted_pairs = _pairs(self.pred_sizes.values())
        correct = _pairs(self.cells.values())
        precision = correct / predicted_pairs if predicted_pairs else 1.0
        recall = correct / true_pairs if true_pairs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        b3_precision, b3_recall, b3_f1 = self.b3()
        return PairScores(
            items=self.items,
            predicted=self.items - self.missing,
            missing=self.missing,
            true_clusters=len(self.true_sizes),
            predicted_clusters=len(self.pred_sizes),
            true_pairs=true_pairs,
            predicted_pairs=predicted_pairs,
            correct_pairs=correct,
            precision=precision,
            recall=recall,
            f1=f1,
            b3_precision=b3_precision,
            b3_recall=b3_recall,
            b3_f1=b3_f1,
        )


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def normalize_predictions(predicted: Mapping[str, str]) -> dict[str, str]:
    """Normalise every key; two keys naming one line with different clusters is an error."""
    out: dict[str, str] = {}
    cache: dict[str, str] = {}
    for key, cluster in predicted.items():
        norm = normalize_key(key, cache)
        if out.setdefault(norm, cluster) != cluster:
            raise ValueError(
                f"{key!r}: names the same line as another key ({norm}) with another cluster"
            )
    return out


def pairwise_scores(truth_path: str | Path, predicted: Mapping[str, str]) -> Scores:
    """Score ``predicted`` ("path:line" -> cluster id) against the truth at ``truth_path``.

    Person clusters are read from the keys of author and owner lines, paper clusters from
    the keys of title lines; one mapping holds both.
    """
    normalized = normalize_predictions(predicted)
    tables = {"person": _Table(), "paper": _Table()}
    matched = 0
    for kind, key, true_id in iter_truth(truth_path):
        cluster = normalized.get(key)
        matched += cluster is not None
        tables[kind].add(true_id, cluster)
    return Scores(
        people=tables["person"].scores(),
        papers=tables["paper"].scores(),
        unmatched=len(normalized) - matched,
    )


def truth_header(truth_path: str | Path) -> dict[str, object]:
    """``truth.json`` as a dict, or ``{}`` when given the JSON Lines file alone."""
    path = Path(truth_path)
    if path.suffix == ".jsonl":
        return {}
    with path.open(encoding="utf-8") as f:
        header = json.load(f)
    return header if isinstance(header, dict) else {}


def iter_records(truth_path: str | Path) -> Iterator[dict[str, Any]]:
    path = pages_truth_path(truth_path)
    with path.open(encoding="utf-8") as f:
        for text in f:
            if text.strip():
                yield json.loads(text)


def _majority(counts: Mapping[str, Counter[str]]) -> dict[str, str]:
    """For each key, the value it holds most (ties: the smallest value)."""
    return {
        key: min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for key, counter in counts.items()
    }


def _author_lists(
    truth_path: str | Path, normalized: Mapping[str, str], paper_pred: Mapping[str, str]
) -> tuple[int, int]:
    """(papers whose author list is exactly right, papers) — see the module docstring."""
    by_person: dict[str, Counter[str]] = {}
    by_node: dict[str, Counter[str]] = {}
    paper_listings: dict[str, list[str]] = {}
    pred_paper_true: dict[str, set[str]] = {}
    paper_mentions: dict[str, list[tuple[str, str]]] = {}
    for record in iter_records(truth_path):
        page = record["page"]
        owner_key = f"{page}:{record['owner']['line']}"
        owner = record["owner"]["person"]
        mentions = [(owner_key, owner)] + [(f"{page}:{ln}", pid) for ln, pid in record["authors"]]
        for key, pid in mentions:
            node = normalized.get(key)
            if node is not None:
                by_person.setdefault(pid, Counter())[node] += 1
                by_node.setdefault(node, Counter())[pid] += 1
        titles = sorted(record["titles"])
        authors = sorted(record["authors"])
        ai = 0
        for i, (line, wid) in enumerate(titles):
            end = titles[i + 1][0] if i + 1 < len(titles) else float("inf")
            key = f"{page}:{line}"
            paper_listings.setdefault(wid, []).append(key)
            pred = paper_pred.get(key)
            if pred is not None:
                pred_paper_true.setdefault(pred, set()).add(wid)
            listed = paper_mentions.setdefault(wid, [])
            listed.append((owner_key, owner))
            while ai < len(authors) and authors[ai][0] < end:
                if authors[ai][0] > line:
                    listed.append((f"{page}:{authors[ai][0]}", authors[ai][1]))
                ai += 1
    node_of = _majority(by_person)  # each person's node
    owner_of = _majority(by_node)  # each node's person
    exact = 0
    for wid, keys in paper_listings.items():
        preds = {paper_pred.get(k) for k in keys}
        if len(preds) != 1 or None in preds:
            continue
        (pred,) = preds
        if pred_paper_true.get(pred) != {wid}:
            continue
        if all(
            (node := normalized.get(key)) is not None
            and node_of.get(pid) == node
            and owner_of.get(node) == pid
            for key, pid in paper_mentions[wid]
        ):
            exact += 1
    return exact, len(paper_listings)


def score_mapping(truth_path: str | Path, predicted: Mapping[str, str]) -> Scores:
    """All scores of ``predicted`` ("path:line" -> cluster id) against the truth."""
    normalized = normalize_predictions(predicted)
    return _score(truth_path, normalized, normalized)


def score_sections(
    truth_path: str | Path, mentions: Mapping[str, str], listings: Mapping[str, str]
) -> Scores:
    """Like ``score_mapping``, but people are looked up only among ``mentions`` and papers
    only among ``listings``: an author line read as a title is a missing person (and a
    title read as an author a missing paper), counted in ``authors_read_as_titles``."""
    return _score(truth_path, normalize_predictions(mentions), normalize_predictions(listings))


def _score(
    truth_path: str | Path, people_pred: Mapping[str, str], paper_pred: Mapping[str, str]
) -> Scores:
    both = people_pred is paper_pred
    tables = {"person": _Table(), "paper": _Table()}
    separable = _Table()
    hidden = set(truth_header(truth_path).get("indistinguishable", ()) or ())  # type: ignore[call-overload]
    matched = 0
    misread = {"person": 0, "paper": 0}
    for kind, key, true_id in iter_truth(truth_path):
        own, other = (people_pred, paper_pred) if kind == "person" else (paper_pred, people_pred)
        cluster = own.get(key)
        if cluster is not None:
            matched += 1
        elif not both and key in other:
            misread[kind] += 1
            matched += 1
        tables[kind].add(true_id, cluster)
        if kind == "person" and true_id not in hidden:
            separable.add(true_id, cluster)
    people = tables["person"]
    exact, papers_total = _author_lists(truth_path, people_pred, paper_pred)
    predicted_keys = len(people_pred) + (0 if both else len(paper_pred))
    return Scores(
        people=people.scores(),
        papers=tables["paper"].scores(),
        unmatched=predicted_keys - matched,
        authors_read_as_titles=misread["person"],
        titles_read_as_authors=misread["paper"],
        people_separable=separable.scores() if hidden else None,
        indistinguishable_persons=len(hidden),
        true_people=len(people.true_sizes),
        person_nodes=len(people.pred_sizes) + people.missing,
        papers_total=papers_total,
        author_lists_exact=exact,
    )


def score(truth_path: str | Path, report_path: str | Path) -> Scores:
    """Score a build's ``report.json`` (or any ``{"mentions", "listings"}`` file)."""
    mentions, listings = load_report_sections(report_path)
    return score_sections(truth_path, mentions, listings)


def load_report_sections(path: str | Path) -> tuple[dict[str, str], dict[str, str]]:
    """A report's ``mentions`` and ``listings``, each normalised."""
    with Path(path).open(encoding="utf-8") as f:
        report = json.load(f)
    if not isinstance(report, dict):
        raise ValueError(f"{path}: expected a JSON object with 'mentions' and 'listings'")
    out: list[dict[str, str]] = []
    for section in ("mentions", "listings"):
        items = report.get(section, {})
        if not isinstance(items, dict):
            raise ValueError(f"{path}: '{section}' must map 'path:line' to an IRI")
        out.append({k: str(v) for k, v in normalize_predictions(items).items()})
    return out[0], out[1]


def load_report(path: str | Path) -> dict[str, str]:
    """Merge a report's ``mentions`` and ``listings`` into one normalised mapping."""
    with Path(path).open(encoding="utf-8") as f:
        report = json.load(f)
    if not isinstance(report, dict):
        raise ValueError(f"{path}: expected a JSON object with 'mentions' and 'listings'")
    merged: dict[str, str] = {}
    for section in ("mentions", "listings"):
        items = report.get(section, {})
        if not isinstance(items, dict):
            raise ValueError(f"{path}: '{section}' must map 'path:line' to an IRI")
        for key, cluster in normalize_predictions(items).items():
            if key in merged:
                raise ValueError(f"{path}: {key} is both a mention and a listing")
            merged[key] = str(cluster)
    return merged


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: print pairwise scores as JSON. Exit 0 scored, 2 bad input."""
    parser = argparse.ArgumentParser(
        description="B-cubed and pairwise scores of people and papers against generated truth."
    )
    parser.add_argument("truth", type=Path, help="truth.json or truth.jsonl")
    parser.add_argument("report", type=Path, help='{"mentions": {...}, "listings": {...}}')
    args = parser.parse_args(argv)
    try:
        scores = score(args.truth, args.report)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(scores.to_dict(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
