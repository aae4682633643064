"""Real names: the ACL Anthology's curated people and their spelling variants.

``../shared/data/acl-name-variants.yaml`` (beside the checkout; see its README) lists 3,735
people, each with a canonical ``{first, last}`` and the spellings they also published under.
The stored file does not load as YAML: one entry (Andrew Kehler) lacks its ``variants:`` key.
It is patched in memory, one inserted line, exactly as the data README says; one unquoted
comma (``last: Clippinger, Jr.``) reads as an extra key ``Jr.`` and is put back into the
family name. Names are printed as a page prints them, ``First Last`` with spaces collapsed,
and otherwise exactly as the file has them (``Ting-Hao (Kenneth) Huang``,
``Jan Hajič, jr.``, ``‘Ōiwi Parker Jones``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ACL_PATH = Path(__file__).resolve().parents[3] / "shared" / "data" / "acl-name-variants.yaml"


@dataclass(frozen=True, slots=True)
class AclPerson:
    first: str
    last: str
    variants: tuple[str, ...]  # printed variants, in file order, without the canonical

    @property
    def printed(self) -> str:
        return printed(self.first, self.last)


_HARD = re.compile(r"[^\w .\-]|-[a-z]")


def hard(person: AclPerson) -> bool:
    """Printed forms a reader can stumble on: ``(Kenneth)``, ``, jr.``, ``‘Ōiwi``, ``Chi-shing``."""
    return any(_HARD.search(text) for text in (person.printed, *person.variants))


def printed(first: str, last: str) -> str:
    """``First Last`` as a profile page prints it."""
    return " ".join(f"{first} {last}".split())


def patch_text(text: str) -> str:
    """Insert the one missing ``variants:`` key (a canonical followed directly by a variant)."""
    lines = text.split("\n")
    out: list[str] = []
    patched = 0
    for i, line in enumerate(lines):
        if i and lines[i - 1].startswith("- canonical:") and line.startswith("  - {"):
            out.append("  variants:")
            patched += 1
        out.append(line)
    if patched != 1:
        raise ValueError(f"expected one entry without 'variants:', found {patched}")
    return "\n".join(out)


def _name(mapping: object) -> tuple[str, str]:
    if not isinstance(mapping, dict):
        raise ValueError(f"not a name mapping: {mapping!r}")
    first = mapping.get("first") or ""
    last = mapping.get("last") or ""
    extra = [k for k in mapping if k not in ("first", "last", "id")]
    for key in extra:  # "last: Clippinger, Jr." read as last=Clippinger plus a key "Jr."
        if mapping[key] is None:
            last = f"{last}, {key}"
    return str(first), str(last)


@lru_cache(maxsize=2)
def load_acl(path: Path = ACL_PATH) -> tuple[AclPerson, ...]:
    """Every canonical person of the file with their printed variants, in file order."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when built
    data = yaml.load(patch_text(path.read_text(encoding="utf-8")), Loader=loader)
    people: list[AclPerson] = []
    for entry in data:
        first, last = _name(entry["canonical"])
        canonical = printed(first, last)
        variants: list[str] = []
        for v in entry.get("variants") or ():
            text = printed(*_name(v))
            if text != canonical and text not in variants:
                variants.append(text)
        people.append(AclPerson(first, last, tuple(variants)))
    return tuple(people)
