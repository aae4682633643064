"""Curation: what a person says about people and papers beats every automatic rule.

A curation file is TOML, given to ``build --curation FILE``::

    [[same_person]]                 # these names are one person (must-link)
    names = ["Ada Lovelace", "A. K. Lovelace"]
    canonical = "Ada King Lovelace" # optional: the name the graph shows

    [[different_people]]            # these names are different people (cannot-link)
    names = ["Bo Li", "B. Li"]

    [[same_paper]]                  # these titles are one paper
    titles = ["Deep Nets", "Deep Nets: A Survey"]

    [[different_papers]]            # these titles are different papers
    titles = ["Graph Memory", "Graph Memory Networks"]

    [[paper]]                       # this paper is about these topics
    title = "Deep Nets"
    topics = ["Machine Learning"]

    [[person]]                      # this person's ORCID (and/or canonical name)
    name = "Ada Lovelace"
    orcid = "0000-0002-1825-0097"   # its check digit is verified; it beats the sources' ORCID

A name matches a person whose name, alternate name or any printed form folds to the same text
(:func:`text.fold`: case and accents aside); a title matches a paper the same way. A name may
say where it is printed, ``"Ada Lovelace @ grace.txt"`` (a file, or ``file:line``): that is how
namesakes are told apart (``different_people = ["Ada Lovelace @ grace.txt", "Ada Lovelace"]``
makes the printings on ``grace.txt`` another person than the others). Curation is
applied to the resolution, after every automatic rule, so it wins over all of them. Every entry
that matches nothing is a warning that names the entry, never a silent no-op. What each entry did
is returned as :class:`CurationNote` records, which ``explain`` shows.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .ids import normalize_orcid
from .records import CleanProfile, Mention, Person, Resolution, SourceRef, TopicTag, Work
from .text import fold

KINDS = {
    "same_person": "names",
    "different_people": "names",
    "same_paper": "titles",
    "different_papers": "titles",
    "paper": "title",
    "person": "name",
}
_OPTIONAL = {"same_person": ("canonical",), "paper": ("topics",), "person": ("orcid", "canonical")}
CURATION_RULE = "curation"


@dataclass(frozen=True, slots=True)
class CurationEntry:
    """One entry of a curation file: its kind, its place (``same_person #2``) and values."""

    kind: str
    label: str
    values: tuple[str, ...]
    canonical: str | None = None
    topics: tuple[str, ...] = ()
    orcid: str | None = None

    def __str__(self) -> str:
        return f"{self.label} {list(self.values)}"


@dataclass(frozen=True, slots=True)
class Curation:
    path: str
    entries: tuple[CurationEntry, ...]


@dataclass(frozen=True, slots=True)
class CurationNote:
    """What one curation entry did to one node (a person or a paper key), in words."""

    node: str
    entry: str
    did: str


@dataclass(frozen=True, slots=True)
class Curated:
    resolution: Resolution
    notes: tuple[CurationNote, ...]
    warnings: tuple[str, ...]


def load_curation(path: str | Path) -> Curation:
    """Read and check a curation file; a bad one is an :class:`InputError` naming the entry."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise InputError(str(p), None, f"cannot read: {exc.strerror}", "check --curation") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(p), None, f"not valid TOML: {exc}", "fix the syntax") from exc
    return curation_from_mapping(data, str(p), text)


def curation_from_mapping(
    data: Mapping[str, Any], path: str, text: str = "", prefix: str = ""
) -> Curation:
    """The entries of a curation, from TOML already parsed (``text``, when given, is the file's
    text: errors then name the entry's line). ``prefix`` is where the tables sit in the file:
    ``"curation."`` for the ``[curation]`` part of a ``scholarkg.toml``."""
    unknown = sorted(set(data) - set(KINDS))
    if unknown:
        raise InputError(
            path,
            _line_of_table(text, prefix + unknown[0], 1),
            f"unknown curation table(s): {', '.join(prefix + u for u in unknown)}",
            f"allowed: {', '.join(f'[[{prefix}{k}]]' for k in KINDS)}",
        )
    entries: list[CurationEntry] = []
    for kind, field in KINDS.items():
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise InputError(
                path,
                _line_of_table(text, prefix + kind, 1),
                f"{prefix}{kind} must be a list of tables",
                f"write [[{prefix}{kind}]]",
            )
        for i, item in enumerate(items, start=1):
            where = _Where(path, _line_of_table(text, prefix + kind, i), f"{prefix}{kind} #{i}")
            entries.append(_entry(where, kind, field, item))
    return Curation(path, tuple(entries))


@dataclass(frozen=True, slots=True)
class _Where:
    path: str
    line: int | None
    label: str

    def error(self, message: str, hint: str) -> InputError:
        return InputError(self.path, self.line, f"{self.label}: {message}", hint)


def _line_of_table(text: str, table: str, n: int) -> int | None:
    """The line of the ``n``-th ``[[table]]`` header in a TOML text (None if not found)."""
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
    lines = [i for i, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]
    return lines[n - 1] if len(lines) >= n else None


def _entry(where: _Where, kind: str, field: str, item: Any) -> CurationEntry:
    allowed = {field, *_OPTIONAL.get(kind, ())}
    if not isinstance(item, dict) or set(item) - allowed or field not in item:
        raise where.error(
            f"expected the key(s) {', '.join(sorted(allowed))}",
            f"write {field} = " + ('"…"' if kind in ("paper", "person") else '["…", "…"]'),
        )
    raw = item[field]
    values = (raw,) if isinstance(raw, str) else raw
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise where.error(f"{field} must be text", f'write {field} = ["…"]')
    need = 1 if kind in ("paper", "same_person", "person") else 2
    if len(values) < need:
        raise where.error(f"name at least {need}", f"add to {field}")
    topics = item.get("topics", [])
    canonical = item.get("canonical")
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise where.error("topics must be a list of text", 'topics = ["…"]')
    if canonical is not None and not isinstance(canonical, str):
        raise where.error("canonical must be text", 'canonical = "…"')
    orcid = item.get("orcid")
    if orcid is not None:
        if not isinstance(orcid, str) or normalize_orcid(orcid) is None:
            raise where.error(
                f"orcid {orcid!r} is not an ORCID iD (16 digits, the last a check digit)",
                'write orcid = "0000-0002-1825-0097" (or the https://orcid.org/… form)',
            )
        orcid = normalize_orcid(orcid)
    if kind == "person" and orcid is None and canonical is None:
        raise where.error("say orcid or canonical", 'orcid = "0000-…" or canonical = "…"')
    return CurationEntry(kind, where.label, tuple(values), canonical, tuple(topics), orcid)


# ---------------------------------------------------------------- applying


def curate(resolution: Resolution, curation: Curation, profiles: Sequence[CleanProfile]) -> Curated:
    """Apply every entry, in the file's order; curation beats every automatic rule."""
    state = _State(resolution, profiles)
    for entry in curation.entries:
        if entry.kind == "same_person":
            state.same_person(entry)
        elif entry.kind == "different_people":
            state.different_people(entry)
        elif entry.kind == "same_paper":
            state.same_paper(entry)
        elif entry.kind == "different_papers":
            state.different_papers(entry)
        elif entry.kind == "person":
            state.person(entry)
        else:
            state.paper_topics(entry)
    warnings = tuple(f"{curation.path}: {w}" for w in state.warnings)
    return Curated(state.result(), tuple(state.notes), warnings)


def _titles(w: Work) -> set[str]:
    return {fold(w.title), *(fold(a) for a in w.alternate_titles)}


class _State:
    def __init__(self, resolution: Resolution, profiles: Sequence[CleanProfile]) -> None:
        self.base = resolution
        self.people: dict[str, Person] = {p.key: p for p in resolution.people}
        self.works: dict[str, Work] = {w.key: w for w in resolution.works}
        self.mention_to_person = dict(resolution.mention_to_person)
        self.listing_to_work = dict(resolution.listing_to_work)
        self.listings = {li.source: li for prof in profiles for li in prof.listings}
        self.mentions: dict[SourceRef, Mention] = {}
        for prof in profiles:
            if prof.owner is not None:
                self.mentions[prof.owner.source] = prof.owner
            for li in prof.listings:
                self.mentions.update((m.source, m) for m in (*li.authors, *li.editors))
        self.refs_of: dict[str, set[SourceRef]] = defaultdict(set)
        for ref, key in self.mention_to_person.items():
            self.refs_of[key].add(ref)
        self.notes: list[CurationNote] = []
        self.warnings: list[str] = []

    # ------------------------------------------------------------ people

    @staticmethod
    def _new_key(key: str, taken: dict[str, Any]) -> str:
        n = 2
        while f"{key}-{n}" in taken:
            n += 1
        return f"{key}-{n}"

    def _matches(self, selector: str, ref: SourceRef) -> bool:
        name, _, where = selector.partition(" @ ")
        m = self.mentions.get(ref)
        if m is None or fold(m.printed) != fold(name):
            return False
        where = where.strip()
        return not where or str(ref).endswith(where) or ref.path.endswith(where)

    def _forms(self, key: str) -> set[str]:
        p = self.people[key]
        return {fold(p.name), *(fold(a) for a in p.alternate_names)} | {
            fold(self.mentions[r].printed) for r in self.refs_of[key] if r in self.mentions
        }

    def _people_named(self, name: str) -> list[str]:
        if " @ " in name:
            return sorted(
                {self.mention_to_person[r] for r in self.mentions if self._matches(name, r)}
                & set(self.people)
            )
        key = fold(name)
        return sorted(k for k in self.people if key in self._forms(k))

    def same_person(self, e: CurationEntry) -> None:
        found: dict[str, None] = {}
        for name in e.values:
            keys = self._people_named(name)
            if not keys:
                self.warnings.append(f"{e}: {name!r} matches no person")
            found.update(dict.fromkeys(keys))
        if not found:
            return
        keys = list(found)
        target = keys[0]
        for other in keys[1:]:
            self._merge_people(target, other)
            self.notes.append(CurationNote(target, e.label, f"merged {other} into this person"))
        if e.canonical:
            self._canonical(target, e)
        elif len(keys) == 1:
            self.notes.append(CurationNote(target, e.label, "confirmed as one person"))

    def person(self, e: CurationEntry) -> None:
        keys = self._people_named(e.values[0])
        if len(keys) != 1:
            self.warnings.append(
                f"{e}: {e.values[0]!r} matches no person"
                if not keys
                else f"{e}: {e.values[0]!r} matches {len(keys)} people ({', '.join(keys)}); "
                f"say where it is printed: '{e.values[0]} @ FILE'"
            )
            return
        key = keys[0]
        p = self.people[key]
        if e.orcid:
            held = sorted(k for k, o in self.people.items() if o.orcid == e.orcid and k != key)
            if held:
                self.warnings.append(
                    f"{e}: ORCID {e.orcid} is also {', '.join(held)}'s (from the sources); "
                    "a [[same_person]] entry makes them one person"
                )
            was = f" (the sources said {p.orcid})" if p.orcid and p.orcid != e.orcid else ""
            self.people[key] = p = replace(p, orcid=e.orcid)
            self.notes.append(CurationNote(key, e.label, f"ORCID {e.orcid}{was}"))
        if e.canonical:
            self._canonical(key, e)

    def _canonical(self, key: str, e: CurationEntry) -> None:
        assert e.canonical is not None
        p = self.people[key]
        alts = sorted({*p.alternate_names, p.name} - {e.canonical})
        self.people[key] = replace(p, name=e.canonical, alternate_names=tuple(alts))
        self.notes.append(CurationNote(key, e.label, f"canonical name {e.canonical!r}"))

    def _merge_people(self, target: str, other: str) -> None:
        a, b = self.people[target], self.people.pop(other)
        alts = sorted({*a.alternate_names, *b.alternate_names, b.name} - {a.name})
        self.people[target] = replace(
            a,
            alternate_names=tuple(alts),
            printed_forms=tuple(sorted({*a.printed_forms, *b.printed_forms})),
            sources=tuple(sorted({*a.sources, *b.sources})),
            membership=a.membership or b.membership,
            orcid=a.orcid or b.orcid,
        )
        for ref in self.refs_of.pop(other, set()):
            self.mention_to_person[ref] = target
            self.refs_of[target].add(ref)
        for wk, w in self.works.items():
            if other in w.authors or other in w.editors:
                self.works[wk] = replace(
                    w,
                    authors=tuple(dict.fromkeys(target if k == other else k for k in w.authors)),
                    editors=tuple(dict.fromkeys(target if k == other else k for k in w.editors)),
                )

    def different_people(self, e: CurationEntry) -> None:
        # a selector that says where it is printed is tried before one that does not
        order = sorted(range(len(e.values)), key=lambda i: (" @ " not in e.values[i], i))
        split_any = False
        for key in sorted(self.people):
            p = self.people[key]
            groups: dict[int, list[tuple[str, SourceRef]]] = defaultdict(list)
            for src in sorted(self.refs_of[key]):
                for i in order:
                    if self._matches(e.values[i], src):
                        groups[i].append((self.mentions[src].printed, src))
                        break
            if len(groups) < 2:
                continue
            split_any = True
            # the group printed with the node's own name keeps it (and its key), else the
            # largest; the others become new people
            own = fold(p.name)
            keep = max(
                sorted(groups),
                key=lambda i: (fold(e.values[i].partition(" @ ")[0]) == own, len(groups[i]), -i),
            )
            for i in sorted(groups):
                if i == keep:
                    continue
                new_key = self._new_key(key, self.people)
                self._split_person(key, new_key, groups[i])
                self.notes.append(
                    CurationNote(key, e.label, f"{e.values[i]!r} split off as {new_key}")
                )
                self.notes.append(
                    CurationNote(new_key, e.label, f"split off {key} ({p.name}): another person")
                )
        if not split_any:
            held = [n for n in e.values if not self._people_named(n)]
            why = (
                f"{', '.join(map(repr, held))} match(es) no person"
                if held
                else "the names are already different people"
            )
            self.warnings.append(f"{e}: {why}")

    def _split_person(self, key: str, new_key: str, forms: list[tuple[str, SourceRef]]) -> None:
        p = self.people[key]
        moved = {src for _, src in forms}
        name = self.mentions[forms[0][1]].name.display
        kept = tuple(f for f in p.printed_forms if f[1] not in moved)
        self.refs_of[key] -= moved
        remaining = sorted(self.refs_of[key])
        sources = tuple(s for s in p.sources if s not in moved)
        self.people[key] = replace(
            p,
            printed_forms=kept,
            sources=sources,
            alternate_names=tuple(a for a in p.alternate_names if fold(a) != fold(name)),
            name=self.mentions[remaining[0]].name.display if fold(p.name) == fold(name) else p.name,
        )
        first_of: dict[str, SourceRef] = {}
        for text, src in sorted(forms, key=lambda f: f[1]):
            first_of.setdefault(text, src)
        self.people[new_key] = Person(
            key=new_key,
            name=name,
            alternate_names=(),
            printed_forms=tuple(
                sorted(((t, s) for t, s in first_of.items() if t != name), key=lambda f: f[1])
            ),
            sources=tuple(sorted(moved)),
        )
        for ref in moved:
            self.mention_to_person[ref] = new_key
        self.refs_of[new_key] = set(moved)
        for wk, w in self.works.items():
            lists = [self.listings[src] for src in w.sources if src in self.listings]
            self.works[wk] = replace(
                w,
                authors=self._moved(w.authors, [a for li in lists for a in li.authors], key, moved),
                editors=self._moved(w.editors, [a for li in lists for a in li.editors], key, moved),
            )

    def _moved(
        self, keys: tuple[str, ...], mentions: list[Mention], key: str, moved: set[SourceRef]
    ) -> tuple[str, ...]:
        """A work's author (or editor) keys once ``moved`` went from ``key`` to a new person:
        the new person replaces ``key`` if every printing moved, else joins the list."""
        refs = {m.source for m in mentions}
        if key not in keys or not refs & moved:
            return keys
        new_key = self.mention_to_person[min(refs & moved)]
        out = list(keys)
        if not any(self.mention_to_person.get(r) == key for r in refs):
            out = [new_key if k == key else k for k in out]
        else:
            out.append(new_key)
        return tuple(dict.fromkeys(out))

    # ------------------------------------------------------------ papers

    def _works_titled(self, title: str) -> list[str]:
        key = fold(title)
        return sorted(k for k, w in self.works.items() if key in _titles(w))

    def same_paper(self, e: CurationEntry) -> None:
        found: dict[str, None] = {}
        for title in e.values:
            keys = self._works_titled(title)
            if not keys:
                self.warnings.append(f"{e}: {title!r} matches no paper")
            found.update(dict.fromkeys(keys))
        keys = list(found)
        if len(keys) == 1 and len(e.values) > 1:
            self.notes.append(CurationNote(keys[0], e.label, "confirmed as one paper"))
        for other in keys[1:]:
            a, b = self.works[keys[0]], self.works.pop(other)
            self.works[keys[0]] = replace(
                a,
                alternate_titles=tuple(sorted({*a.alternate_titles, b.title} - {a.title})),
                sources=tuple(sorted({*a.sources, *b.sources})),
                authors=tuple(dict.fromkeys([*a.authors, *b.authors])),
                abstract=a.abstract or b.abstract,
                doi=a.doi or b.doi,
                arxiv=a.arxiv or b.arxiv,
                topics=tuple({t.topic: t for t in (*b.topics, *a.topics)}.values()),
            )
            for ref, wk in self.listing_to_work.items():
                if wk == other:
                    self.listing_to_work[ref] = keys[0]
            self.notes.append(CurationNote(keys[0], e.label, f"merged paper {other} into it"))

    def different_papers(self, e: CurationEntry) -> None:
        wanted = [fold(t) for t in e.values]
        split_any = False
        for key in sorted(self.works):
            w = self.works[key]
            groups: dict[int, list[SourceRef]] = defaultdict(list)
            for src in w.sources:
                li = self.listings.get(src)
                if li is not None and fold(li.title) in wanted:
                    groups[wanted.index(fold(li.title))].append(src)
            if len(groups) < 2:
                continue
            split_any = True
            keep = min(groups)
            for i in sorted(groups):
                if i == keep:
                    continue
                new_key = self._new_key(key, self.works)
                moved = set(groups[i])
                first = self.listings[groups[i][0]]
                self.works[key] = replace(
                    self.works[key],
                    sources=tuple(s for s in self.works[key].sources if s not in moved),
                    alternate_titles=tuple(
                        a for a in self.works[key].alternate_titles if fold(a) != wanted[i]
                    ),
                )
                authors = [
                    self.mention_to_person[m.source]
                    for m in first.authors
                    if m.source in self.mention_to_person
                ]
                self.works[new_key] = Work(
                    key=new_key,
                    title=first.title,
                    alternate_titles=(),
                    abstract=first.abstract,
                    authors=tuple(dict.fromkeys(authors)),
                    sources=tuple(sorted(moved)),
                )
                for ref in moved:
                    self.listing_to_work[ref] = new_key
                self.notes.append(CurationNote(key, e.label, f"{e.values[i]!r} split off"))
                self.notes.append(CurationNote(new_key, e.label, f"split off {key}"))
        if not split_any:
            self.warnings.append(f"{e}: no paper holds listings of two of these titles")

    def paper_topics(self, e: CurationEntry) -> None:
        keys = self._works_titled(e.values[0])
        if not keys:
            self.warnings.append(f"{e}: {e.values[0]!r} matches no paper")
            return
        if not e.topics:
            self.warnings.append(f"{e}: no topics given")
            return
        for key in keys:
            w = self.works[key]
            tags = {t.topic: t for t in w.topics}
            for topic in e.topics:
                tags[topic] = TopicTag(topic, e.label, CURATION_RULE, CURATION_RULE)
            self.works[key] = replace(w, topics=tuple(sorted(tags.values(), key=_tag_key)))
            self.notes.append(CurationNote(key, e.label, f"about {', '.join(e.topics)}"))

    def result(self) -> Resolution:
        return replace(
            self.base,
            people=tuple(sorted(self.people.values(), key=lambda p: p.key)),
            works=tuple(sorted(self.works.values(), key=lambda w: w.key)),
            mention_to_person=self.mention_to_person,
            listing_to_work=self.listing_to_work,
        )


def _tag_key(t: TopicTag) -> tuple[str, str]:
    return (t.topic, t.rule)


def entries_of(curation: Curation | None) -> Iterable[CurationEntry]:
    return curation.entries if curation else ()
