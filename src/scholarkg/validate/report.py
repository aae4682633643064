"""What validation returns: :class:`Finding` values in a :class:`ValidationReport`, in order.

Both engines first give :class:`RawResult` values (what failed, without labels);
:func:`make_report` adds each node's label and source and sorts the findings, so that the same
data always gives the same report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

SHAPES_NS = "https://w3id.org/scholarkg/shapes#"
#: The one focus node of the whole-graph rules (one entry per paper); their results name the
#: offending paper as the value.
GRAPH_NODE = f"{SHAPES_NS}Graph"

#: Label and source (``path:line``) of each node a finding is about.
Described = Mapping[str, tuple[str | None, str | None]]


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of validation, in words a person can act on.

    ``focus`` is the node the rule was checked on and ``value`` the offending value (a literal's
    text, or an IRI). For the whole-graph rules the focus is :data:`GRAPH_NODE` and the value is the
    duplicate paper; :attr:`node` gives the node the finding is about in both cases, and ``label``
    and ``source`` describe that node (its ``schema:name``, its first ``skg:source``).
    """

    focus: str
    value: str | None
    label: str | None
    rule: str
    message: str
    source: str | None
    severity: str

    @property
    def node(self) -> str:
        """The node the finding is about: the duplicate paper for whole-graph rules."""
        return subject_of(self.focus, self.value)

    def to_text(self) -> str:
        """``work/abc "NoProp: …" (seed.txt:40): 2 paper entries have the same title …``"""
        node = self.node
        parts = [_short(node)]
        if self.label is not None:
            parts.append(f'"{self.label}"')
        if self.source is not None:
            parts.append(f"({self.source})")
        line = " ".join(parts) + ": "
        if self.severity != "Violation":
            line += f"{self.severity.lower()}: "
        line += self.message
        if self.value is not None and self.value not in (node, self.label):
            shown = _short(self.value) if "://" in self.value else f'"{self.value}"'
            line += f" [value: {shown}]"
        return line


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether the graph conforms, and every finding in a fixed order."""

    conforms: bool
    findings: tuple[Finding, ...]

    def to_text(self) -> str:
        """One line per finding; a single line saying so when there is none."""
        if not self.findings:
            return "the graph conforms to the shapes: no violations"
        return "\n".join(f.to_text() for f in self.findings)

    def to_json(self) -> str:
        """``{"conforms": …, "findings": [{focus, value, node, label, rule, …}]}``"""
        findings = [{**asdict(f), "node": f.node} for f in self.findings]
        return json.dumps(
            {"conforms": self.conforms, "findings": findings},
            ensure_ascii=False,
            indent=2,
            sort_keys=True,
        )


@dataclass(frozen=True, slots=True)
class RawResult:
    """One result as an engine gives it, before labels and sources are looked up."""

    focus: str
    value: str | None
    rule: str
    message: str
    severity: str

    @property
    def node(self) -> str:
        return subject_of(self.focus, self.value)


def subject_of(focus: str, value: str | None) -> str:
    """Whole-graph rules report the offending paper as the value, not the fixed focus node."""
    if focus == GRAPH_NODE and value is not None:
        return value
    return focus


def nodes_to_describe(raw: Iterable[RawResult]) -> list[str]:
    """The nodes the results are about, each once, sorted."""
    return sorted({r.node for r in raw})


def make_report(conforms: bool, raw: Iterable[RawResult], described: Described) -> ValidationReport:
    """The findings of ``raw`` with their labels and sources, in a fixed order."""
    findings = [
        Finding(
            focus=r.focus,
            value=r.value,
            label=described.get(r.node, (None, None))[0],
            rule=r.rule,
            message=r.message,
            source=described.get(r.node, (None, None))[1],
            severity=r.severity,
        )
        for r in raw
    ]
    findings.sort(key=_finding_key)
    return ValidationReport(conforms=conforms, findings=tuple(findings))


def source_key(source: str | None) -> tuple[int, str, int, str]:
    """Orders ``path:line`` sources by path, then line number; no source sorts last."""
    if source is None:
        return (1, "", 0, "")
    path, _, line = source.rpartition(":")
    if path and line.isdigit():
        return (0, path, int(line), source)
    return (0, source, 0, source)


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (source_key(f.source), f.node, f.rule, f.value or "", f.message, f.focus)


def _short(iri: str) -> str:
    """``https://example.org/kg/work/abc`` → ``work/abc``; blank nodes stay as they are."""
    if iri.startswith("_:") or "/" not in iri:
        return iri
    head, _, tail = iri.rpartition("/")
    parent = head.rpartition("/")[2]
    if not tail or not parent or "." in parent or ":" in parent:
        return iri  # too short to shorten safely (e.g. https://host/x)
    return f"{parent}/{tail}"
