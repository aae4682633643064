"""Editors: the people who edited a work (BibTeX and CSL ``editor``), never its authors.

Editor mentions are resolved after the authors, by the rules that need no context: the same
ORCID is the same person (a different ORCID never is), and a name that agrees exactly with one
person's (the same name key the resolver's forms use, after the same cleaning) is that person.
Otherwise the editor is a person of their own; the editor mentions of one name key (or one
ORCID) are one such person. Editors bring no coauthor evidence: editing a volume is not writing
its chapters. A name shared by several people (namesakes) joins none of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..names import name_key, specificity
from ..records import (
    CleanListing,
    CleanProfile,
    Mention,
    Person,
    Resolution,
    SourceRef,
    Work,
)
from ..vocab import slugify


def attach_editors(profiles: Sequence[CleanProfile], result: Resolution) -> Resolution:
    """``result`` with every editor mention a person's and every work's editors in order."""
    listings = sorted(
        (li for prof in profiles for li in prof.listings if li.editors), key=lambda li: li.source
    )
    if not listings:
        return result
    people = {p.key: p for p in result.people}
    by_orcid = {p.orcid: p.key for p in result.people if p.orcid}
    by_name: dict[str, set[str]] = defaultdict(set)
    for prof in profiles:
        mentions = [
            *([prof.owner] if prof.owner else []),
            *(m for li in prof.listings for m in li.authors),
        ]
        for m in mentions:
            key = result.mention_to_person.get(m.source)
            if key is not None:
                by_name[name_key(m.name)].add(key)
    found: dict[SourceRef, str] = {}
    new_groups: dict[str, list[Mention]] = defaultdict(list)
    for li in listings:
        for m in li.editors:
            key = by_orcid.get(m.orcid) if m.orcid else None
            if key is None and not m.orcid and len(by_name.get(name_key(m.name), ())) == 1:
                (key,) = by_name[name_key(m.name)]
            if key is not None:
                found[m.source] = key
            else:
                new_groups[f"orcid {m.orcid}" if m.orcid else name_key(m.name)].append(m)
    for mentions in sorted(new_groups.values(), key=lambda ms: ms[0].source):
        person = _new_person(mentions, people)
        people[person.key] = person
        found.update((m.source, person.key) for m in mentions)
    for li in listings:
        for m in li.editors:
            key = found[m.source]
            people[key] = _with_mention(people[key], m)
    return replace(
        result,
        people=tuple(sorted(people.values(), key=lambda p: p.key)),
        works=tuple(_works(result, listings, found)),
        mention_to_person={**result.mention_to_person, **found},
    )


def _new_person(mentions: list[Mention], people: dict[str, Person]) -> Person:
    name = max(mentions, key=lambda m: (specificity(m.name), m.name.display)).name.display
    key = slug = slugify(name)
    n = 2
    while key in people:
        key, n = f"{slug}-{n}", n + 1
    orcid = next((m.orcid for m in mentions if m.orcid), None)
    return Person(key, name, (), (), (), orcid=orcid)


def _with_mention(p: Person, m: Mention) -> Person:
    """``p`` with one more source record; a new printed form is kept with its first source."""
    printed = dict(p.printed_forms)
    shown = m.printed != p.name and m.printed not in p.alternate_names
    if shown and (m.printed not in printed or m.source < printed[m.printed]):
        printed[m.printed] = m.source
    return replace(
        p,
        sources=tuple(sorted({*p.sources, m.source})),
        printed_forms=tuple(sorted(printed.items(), key=lambda kv: (kv[1], kv[0]))),
    )


def _works(
    result: Resolution, listings: list[CleanListing], found: dict[SourceRef, str]
) -> list[Work]:
    """Each work with its editors: in the printed order of its first listing that names
    editors, then those only later listings name."""
    editors: dict[str, dict[str, None]] = defaultdict(dict)
    for li in listings:
        wk = result.listing_to_work[li.source]
        editors[wk].update(dict.fromkeys(found[m.source] for m in li.editors))
    return [
        replace(w, editors=tuple(editors[w.key])) if w.key in editors else w for w in result.works
    ]
