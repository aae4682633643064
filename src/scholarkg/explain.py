"""Explain a node: every source record merged into a person or paper, and why.

Reads what the build saved (``evidence.jsonl``, see :mod:`scholarkg.joins`); needs no store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError
from .joins import read_evidence
from .text import fold


@dataclass(frozen=True, slots=True)
class Explanation:
    kind: str
    key: str
    name: str
    records: tuple[tuple[str, str], ...]
    joins: tuple[tuple[str, str, tuple[str, ...]], ...]
    apart: tuple[tuple[str, str, str], ...]
    curation: tuple[tuple[str, str], ...]

    def to_text(self) -> str:
        what = "person" if self.kind == "person" else "paper"
        lines = [f"{what} {self.name} ({self.key})", f"{len(self.records)} source record(s):"]
        lines += [f"  {src}  {printed}" for src, printed in self.records]
        tree = [j for j in self.joins if j[0]]
        if tree:
            lines.append("joined by:")
            lines += [f"  {a} + {b}: {'; '.join(ev)}" for a, b, ev in tree]
        if self.curation:
            lines.append("curation:")
            lines += [f"  {entry}: {did}" for entry, did in self.curation]
        if self.apart:
            lines.append("kept apart:")
            lines += [f"  {name} ({key}): {why}" for key, name, why in self.apart]
        return "\n".join(lines)


def explain(query: str, out_dir: str | Path = "out") -> list[Explanation]:
    """The people and papers that ``query`` names (a name, a title, a key or an IRI)."""
    records = read_evidence(out_dir)
    tail = query.rstrip("/").rsplit("/", 1)[-1]
    wanted = fold(query)
    hits = [r for r in records if r["key"] == (tail if "/" in query else query)]
    if not hits:
        hits = [r for r in records if fold(r["name"]) == wanted]
    if not hits:
        hits = [r for r in records if any(fold(x["printed"]) == wanted for x in r["records"])]
    if not hits:
        raise UsageError(
            f"no person or paper is named {query!r} in {out_dir}",
            "give a name or title as the graph prints it, a node key or its IRI",
        )
    return [_explanation(r) for r in hits]


def _explanation(r: dict[str, Any]) -> Explanation:
    return Explanation(
        kind=r["kind"],
        key=r["key"],
        name=r["name"],
        records=tuple((x["source"], x["printed"]) for x in r["records"]),
        joins=tuple((j["a"], j["b"], tuple(j["evidence"])) for j in r["joins"]),
        apart=tuple((x["key"], x["name"], x["why"]) for x in r["apart"]),
        curation=tuple((c["entry"], c["did"]) for c in r["curation"]),
    )
