"""Which of the fields Google reads for profile pages and articles the blocks fill.

The field lists are Google Search Central's structured-data pages for ``ProfilePage`` and
``Article`` (which covers ``ScholarlyArticle``), and Google Scholar's inclusion guidelines for
the ``citation_*`` meta tags. A field the graph has no data for (no dates, no portraits) is
reported, never invented.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

# (type, field path, level); a path "a.b" means: every value of a has b
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("ProfilePage", "mainEntity", "required"),
    ("ProfilePage", "mainEntity.name", "required"),
    ("ProfilePage", "dateCreated", "recommended"),
    ("ProfilePage", "dateModified", "recommended"),
    ("ProfilePage", "mainEntity.alternateName", "recommended"),
    ("ProfilePage", "mainEntity.description", "recommended"),
    ("ProfilePage", "mainEntity.identifier", "recommended"),
    ("ProfilePage", "mainEntity.image", "recommended"),
    ("ProfilePage", "mainEntity.sameAs", "recommended"),
    ("ScholarlyArticle", "author", "recommended"),
    ("ScholarlyArticle", "author.name", "recommended"),
    ("ScholarlyArticle", "author.url", "recommended"),
    ("ScholarlyArticle", "headline", "recommended"),
    ("ScholarlyArticle", "datePublished", "recommended"),
    ("ScholarlyArticle", "dateModified", "recommended"),
    ("ScholarlyArticle", "image", "recommended"),
)

# Google Scholar: title, authors and publication date are required
CITATION_TAGS: tuple[tuple[str, str], ...] = (
    ("citation_title", "required"),
    ("citation_author", "required"),
    ("citation_publication_date", "required"),
    ("citation_doi", "optional"),
)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """``field`` of ``type`` (``level``) is missing in ``missing`` of ``total`` nodes."""

    type: str
    field: str
    level: str
    missing: int
    total: int


def nodes(doc: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The top-level nodes of a block (its ``@graph`` members, or the block itself)."""
    graph = doc.get("@graph")
    if isinstance(graph, list):
        yield from (n for n in graph if isinstance(n, Mapping))
    else:
        yield doc


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def has(node: Mapping[str, Any], path: str) -> bool:
    head, _, rest = path.partition(".")
    value = node.get(head)
    if value in (None, "", []):
        return False
    if not rest:
        return True
    return all(isinstance(v, Mapping) and has(v, rest) for v in _as_list(value))


def shortfalls(docs: Iterable[Mapping[str, Any]]) -> list[Shortfall]:
    """Every field some node lacks, with how many lack it."""
    total: Counter[str] = Counter()
    missing: Counter[tuple[str, str, str]] = Counter()
    for doc in docs:
        for node in nodes(doc):
            t = node.get("@type")
            if t not in ("ProfilePage", "ScholarlyArticle"):
                continue
            total[t] += 1
            for ftype, path, level in FIELDS:
                if ftype == t and not has(node, path):
                    missing[(ftype, path, level)] += 1
    return [
        Shortfall(t, path, level, missing[(t, path, level)], total[t])
        for t, path, level in FIELDS
        if missing[(t, path, level)]
    ]
