"""Score a resolver's clusters against the truth written by ``benchmarks/generate.py``.

Pairwise precision and recall, for people and for papers:

* people: every author line and every owner name line (line 3) of every page;
* papers: every listing title line.

Two items form a *true pair* when the truth puts them in one cluster, a *predicted
pair* when the prediction does, and a *correct pair* when both do. Precision is
correct / predicted pairs, recall is correct / true pairs (1.0 when the denominator is
0). The counts come from a contingency table, ``sum(C(n, 2))`` over true clusters,
predicted clusters and their intersections, so no pair is ever enumerated and 10^6
listings score in seconds.

A truth item with no prediction is counted in ``missing`` and scored as a cluster of
its own: it lowers recall and never raises precision, and it is never dropped. A
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


@dataclass(frozen=True, slots=True)
class Scores:
    people: PairScores
    papers: PairScores
    unmatched: int  # predictions whose key is no truth item

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

    def add(self, true_id: str, predicted: str | None) -> None:
        self.items += 1
        self.true_sizes[true_id] += 1
        if predicted is None:
            self.missing += 1  # a singleton: no pair, predicted or correct
            return
        pred = self.pred_ids.setdefault(predicted, len(self.pred_ids))
        self.pred_sizes[pred] += 1
        self.cells[(true_id, pred)] += 1

    def scores(self) -> PairScores:
        true_pairs = _pairs(self.true_sizes.values())
        predicted_pairs = _pairs(self.pred_sizes.values())
        correct = _pairs(self.cells.values())
        precision = correct / predicted_pairs if predicted_pairs else 1.0
        recall = correct / true_pairs if true_pairs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
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
        description="Pairwise precision/recall of people and papers against generated truth."
    )
    parser.add_argument("truth", type=Path, help="truth.json or truth.jsonl")
    parser.add_argument("report", type=Path, help='{"mentions": {...}, "listings": {...}}')
    args = parser.parse_args(argv)
    try:
        scores = pairwise_scores(args.truth, load_report(args.report))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(scores.to_dict(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
