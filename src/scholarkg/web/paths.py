"""Where each page lives: safe file names and the URLs a published site gives them.

A page's file name comes from its node's IRI, never from a name typed in a page: the minted
local name (``razvan-pascanu``) where it is already plain lowercase ASCII and the IRI is one the
build minted; otherwise the slug of the local name plus a hash of the whole IRI. So a file name
never holds ``/``, ``..``, a dot-file or a capital letter (a case-insensitive file system cannot
fold two into one), and two people whose names fold the same still get two files (their IRIs
differ, so their minted keys or their hashes do). The name depends on the IRI alone, so a
person's URL is the same in a one-person export and in the whole site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..errors import UsageError
from ..vocab import short_hash, slugify

PEOPLE_DIR = "people"
PAPERS_DIR = "papers"

# plain names never hold "--"; hashed names always do, so the two kinds cannot collide
_PLAIN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=1 << 17)
def file_stem(iri: str, minted_prefix: str) -> str:
    """A safe file name stem (no extension) for the node ``iri``."""
    local = re.split(r"[/#?]", iri.rstrip("/"))[-1]
    if iri == minted_prefix + local and len(local) <= 96 and _PLAIN.match(local):
        return local
    return f"{slugify(local, max_words=8)[:60].strip('-') or 'x'}--{short_hash(iri, 16)}"


def normalize_base_url(url: str) -> str:
    """An absolute http(s) URL ending in ``/`` (the folder the site is published in)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"]", url):
        raise UsageError(
            f"--base-url {url!r} is not an absolute http(s) URL",
            "give where the site will be published, e.g. https://people.example.org/",
        )
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True, slots=True)
class Layout:
    """File paths (relative to the site folder) and absolute URLs of every page."""

    graph_base: str  # the build's base IRI: minted IRIs start with it
    base_url: str  # where the site is published, ends in /

    def person_path(self, iri: str) -> str:
        return f"{PEOPLE_DIR}/{file_stem(iri, self.graph_base + 'person/')}.html"

    def paper_path(self, iri: str) -> str:
        return f"{PAPERS_DIR}/{file_stem(iri, self.graph_base + 'work/')}.html"

    def url(self, path: str) -> str:
        return self.base_url + path

    def person_url(self, iri: str) -> str:
        return self.url(self.person_path(iri))

    def paper_url(self, iri: str) -> str:
        return self.url(self.paper_path(iri))
