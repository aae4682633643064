"""The evidence of every join, saved with a build (``evidence.jsonl``) for ``explain``.

One JSON object a line, sorted by kind and key, so that the same input gives the same file:

* a **person**: ``{"kind": "person", "key", "name", "records": [{"source": "file:line",
  "printed": "…"}…], "joins": [{"a", "b", "evidence": ["…"…]}…], "apart": [{"key", "name",
  "why"}…], "curation": [{"entry", "did"}…]}``;
* a **paper**: the same with ``"title"`` for ``"name"`` and its listings as records.

``joins`` link each record to one already in the node (a spanning tree: every record is reached)
and say why, in the words of the rules: *same name as printed*, *initial of*, *nickname of*,
*LaTeX or accent repair*, *names agree*, *shared paper*, *shared coauthors (n)*, *same title*,
*same DOI*, *same arXiv id*, *version title*, *curation*. Where the resolver records its own
joins (``Resolution.joins``: a score and named terms), those are written as they are; otherwise
the evidence is read from the resolved records, by the same rules the resolver uses.
``apart`` lists near misses (a name that agrees, in another node) and what kept them apart.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .curate import CurationNote
from .names import Compat, block_keys, compare, nickname_relatives, parse_name
from .records import CleanProfile, Mention, Resolution, SourceRef
from .resolve import is_version_title, normalize_arxiv, normalize_doi, title_key
from .text import fold

EVIDENCE_NAME = "evidence.jsonl"


def _name_evidence(a: Mention, b: Mention) -> list[str]:
    """Why two printings of a name may be one person, in the rules' words."""
    if a.printed == b.printed:
        return ["same name as printed"]
    if a.name == b.name:
        return ["same name once repaired (LaTeX, accents or case)"]
    if fold(a.name.display) == fold(b.name.display):
        return ["same name but for accents"]
    ga, gb = a.name.given, b.name.given
    if ga and gb and fold(ga[0]) != fold(gb[0]):
        x, y = fold(ga[0]), fold(gb[0])
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            return ["initial of"]
        if y in nickname_relatives(x) or x in nickname_relatives(y):
            return ["nickname of"]
    return [f"names agree ({compare(a.name, b.name).name.lower()})"]


class _Index:
    def __init__(self, profiles: Sequence[CleanProfile], resolution: Resolution) -> None:
        self.mention: dict[SourceRef, Mention] = {}
        self.listing_of: dict[SourceRef, SourceRef] = {}
        self.listing: dict[SourceRef, Any] = {}
        for prof in profiles:
            if prof.owner is not None:
                self.mention[prof.owner.source] = prof.owner
            for li in prof.listings:
                self.listing[li.source] = li
                for m in li.authors:
                    self.mention[m.source] = m
                    self.listing_of[m.source] = li.source
                # an editor shares no paper with its authors: a record, never a coauthor
                self.mention.update((m.source, m) for m in li.editors)
        self.person_of = resolution.mention_to_person
        self.work_of = resolution.listing_to_work

    def work(self, ref: SourceRef) -> str | None:
        li = self.listing_of.get(ref)
        return self.work_of.get(li) if li else None

    def coauthors(self, ref: SourceRef) -> set[str]:
        li = self.listing_of.get(ref)
        if li is None:
            return set()
        me = self.person_of.get(ref)
        return {
            k
            for m in self.listing[li].authors
            if (k := self.person_of.get(m.source)) is not None and k != me
        }


def _person_joins(
    refs: list[SourceRef], ix: _Index, recorded: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The resolver's own joins (``recorded``, without repeats), then, for each record they do
    not reach, the best evidence linking it to an earlier record, by the rules' words."""
    index = {str(r): i for i, r in enumerate(refs)}
    root = list(range(len(refs)))

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    joins: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for j in recorded:
        pair = (j["a"], j["b"])
        if j["a"] == j["b"] or pair in seen or j["a"] not in index or j["b"] not in index:
            continue
        seen.add(pair)
        joins.append(j)
        root[find(index[j["a"]])] = find(index[j["b"]])
    for i in range(1, len(refs)):
        if find(i) == find(0):
            continue
        best = _best_link(refs, i, ix)
        if best is not None:
            joins.append(best[1])
            root[find(i)] = find(index[best[1]["a"]])
    return joins


def _best_link(refs: list[SourceRef], i: int, ix: _Index) -> tuple[int, dict[str, Any]] | None:
    b = ix.mention[refs[i]]
    best: tuple[int, dict[str, Any]] | None = None
    for j in range(i):
        a = ix.mention[refs[j]]
        evidence = _name_evidence(a, b)
        strength = 3 if evidence[0].startswith("same name") else 1
        wa, wb = ix.work(refs[j]), ix.work(refs[i])
        if wa is not None and wa == wb:
            evidence.append("shared paper")
            strength += 2
        shared = ix.coauthors(refs[j]) & ix.coauthors(refs[i])
        if shared:
            evidence.append(f"shared coauthors ({len(shared)})")
            strength += 1
        if best is None or strength > best[0]:
            best = (strength, {"a": str(refs[j]), "b": str(refs[i]), "evidence": evidence})
        if strength >= 5:
            break
    return best


def _paper_joins(refs: list[SourceRef], ix: _Index) -> list[dict[str, Any]]:
    joins: list[dict[str, Any]] = []
    for i in range(1, len(refs)):
        b = ix.listing[refs[i]]
        for j in range(i):
            a = ix.listing[refs[j]]
            evidence: list[str] = []
            if title_key(a.title) == title_key(b.title):
                evidence.append("same title")
            da, db = normalize_doi(a.doi), normalize_doi(b.doi)
            if da and da == db:
                evidence.append("same DOI")
            xa, xb = normalize_arxiv(a.arxiv), normalize_arxiv(b.arxiv)
            if xa and xa == xb:
                evidence.append("same arXiv id")
            if not evidence and is_version_title(a.title, b.title):
                evidence.append("version title")
            if evidence:
                joins.append({"a": str(refs[j]), "b": str(refs[i]), "evidence": evidence})
                break
        else:
            joins.append({"a": str(refs[0]), "b": str(refs[i]), "evidence": ["curation"]})
    return joins


def evidence_records(
    profiles: Sequence[CleanProfile],
    resolution: Resolution,
    notes: Sequence[CurationNote] = (),
) -> Iterator[dict[str, Any]]:
    """Every person and paper with its source records, the joins between them and why, one
    record at a time (at 10^6 listings the whole list held 1.3 million records)."""
    ix = _Index(profiles, resolution)
    by_note: dict[str, list[dict[str, str]]] = defaultdict(list)
    for n in notes:
        by_note[n.node].append({"entry": n.entry, "did": n.did})
    recorded: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for j in getattr(resolution, "joins", ()):
        key = resolution.mention_to_person.get(j.a)
        if key is not None:
            terms = [f"{name} ({value:+.1f})" for name, value in j.terms]
            recorded[key].append({"a": str(j.a), "b": str(j.b), "evidence": terms})
    by_block: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Any] = {}
    shown = {p.key: p.name for p in resolution.people}
    for p in resolution.people:
        names[p.key] = parse_name(p.name)
        for k in block_keys(names[p.key]):
            by_block[k].add(p.key)
    refs_of: dict[str, list[SourceRef]] = defaultdict(list)
    for ref, pkey in resolution.mention_to_person.items():
        if ref in ix.mention:
            refs_of[pkey].append(ref)
    for p in sorted(resolution.people, key=lambda p: p.key):
        refs = sorted(refs_of[p.key])
        joins = _person_joins(refs, ix, recorded.get(p.key, []))
        for note in by_note.get(p.key, []):
            joins.append({"a": "", "b": "", "evidence": [f"curation: {note['entry']}"]})
        yield (
            {
                "kind": "person",
                "key": p.key,
                "name": p.name,
                "records": [{"source": str(s), "printed": ix.mention[s].printed} for s in refs],
                "joins": joins,
                "apart": list(_apart(p.key, names, shown, by_block, by_note)),
                "curation": by_note.get(p.key, []),
            }
        )
    for w in sorted(resolution.works, key=lambda w: w.key):
        refs = sorted(s for s in w.sources if s in ix.listing)
        yield (
            {
                "kind": "paper",
                "key": w.key,
                "name": w.title,
                "records": [{"source": str(s), "printed": ix.listing[s].title} for s in refs],
                "joins": _paper_joins(refs, ix),
                "apart": [],
                "curation": by_note.get(w.key, []),
            }
        )


def _apart(
    key: str,
    names: dict[str, Any],
    shown: dict[str, str],
    by_block: dict[str, set[str]],
    by_note: dict[str, list[dict[str, str]]],
) -> Iterator[dict[str, str]]:
    """Other people whose names agree with this one's, and what kept them apart."""
    me = names[key]
    near = sorted({k for b in block_keys(me) for k in by_block[b]} - {key})
    for other in near[:20]:
        level = compare(me, names[other])
        if level is Compat.CONFLICT:
            continue
        curated = [n["entry"] for n in by_note.get(other, []) if "split" in n["did"]]
        if curated:
            why = f"curation: {curated[0]}"
        elif level is Compat.EXACT:
            why = "same name, but their papers and coauthors tell two people (namesakes)"
        else:
            why = f"names agree ({level.name.lower()}), but no shared paper or coauthor joins them"
        yield {"key": other, "name": shown[other], "why": why}


def write_evidence(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def read_evidence(out_dir: str | Path) -> list[dict[str, Any]]:
    from .errors import InputError

    path = Path(out_dir) / EVIDENCE_NAME
    if not path.is_file():
        raise InputError(
            str(path), None, "no evidence saved with this build", "run scholarkg build first"
        )
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(str(path), n, f"not JSON: {exc.msg}", "rebuild") from exc
    return records
