"""Identifiers of papers and people: DOI, arXiv id, ORCID. The one place that says what each
looks like, how it is written for identity, and where a source may hide it.

* DOI: lower case, no resolver prefix (``https://doi.org/``, ``doi:``): ``10.1000/xyz``.
* arXiv id: lower case, the version stripped for identity (``1706.03762``,
  ``hep-th/9901001``); the version (``v2``) is kept apart.
* ORCID: ``0000-0002-1825-0097``, its check digit verified (ISO 7064 mod 11-2).

The shapes (``shapes/scholarkg.ttl``) check the same syntax with :data:`DOI_PATTERN`,
:data:`ARXIV_PATTERN` and :data:`ORCID_PATTERN` written out; a test keeps the two equal.
Nothing here knows of records, RDF or the pipeline.
"""

from __future__ import annotations

import re

DOI_PATTERN = r"^10\.[0-9]{4,9}/[^\sA-Z]+$"
ARXIV_PATTERN = r"^([0-9]{4}\.[0-9]{4,5}|[a-z][a-z.-]*/[0-9]{7})$"
ORCID_PATTERN = r"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$"

DOI_RESOLVER = "https://doi.org/"
ARXIV_ABS = "https://arxiv.org/abs/"
ORCID_RESOLVER = "https://orcid.org/"

_DOI = re.compile(r"10\.[0-9]{4,9}/[^\s\"<>]+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# new-style ids (1706.03762v5) and old-style ones (hep-th/9901001, math.GT/0309136v2)
_ARXIV = re.compile(
    r"(?<![\w.])(?P<id>[0-9]{4}\.[0-9]{4,5}|[a-z][a-z-]*(?:\.[A-Za-z]{2})?/[0-9]{7})"
    r"(?P<version>v[0-9]+)?(?![\w.])",
    re.IGNORECASE,
)
_ARXIV_URL = re.compile(
    r"arxiv\.org/(?:abs|pdf|html)/(?P<rest>[^\s?#]+?)(?:\.pdf)?(?:[?#]\S*)?$",
    re.IGNORECASE,
)
_ARXIV_TEXT = re.compile(r"\barxiv\s*(?:preprint)?\s*:?\s*(?:abs/)?", re.IGNORECASE)
_ORCID = re.compile(r"^(?:https?://orcid\.org/)?([0-9]{4}-?[0-9]{4}-?[0-9]{4}-?[0-9]{3}[0-9Xx])$")


def normalize_doi(doi: str | None) -> str | None:
    """``https://doi.org/10.1000/XYZ`` → ``10.1000/xyz``; None when it is not a DOI."""
    if not doi:
        return None
    d = _DOI_PREFIX.sub("", doi.strip()).strip().lower()
    return d if re.match(DOI_PATTERN, d) else None


def split_arxiv(text: str | None) -> tuple[str, str] | None:
    """An arXiv id and its version (``("1706.03762", "v5")``, version ``""`` when none) from an
    id, an ``arXiv:`` string or an arXiv URL; None when there is none."""
    if not text:
        return None
    t = text.strip()
    m = _ARXIV_URL.search(t)
    if m:
        t = m.group("rest")
    else:
        t = _ARXIV_TEXT.sub("", t, count=1)
    m2 = _ARXIV.fullmatch(t.strip())
    if not m2:
        return None
    return m2.group("id").lower(), (m2.group("version") or "").lower()


def normalize_arxiv(arxiv: str | None) -> str | None:
    """The arXiv id for identity: lower case, no version. None when it is not an arXiv id."""
    found = split_arxiv(arxiv)
    return found[0] if found else None


def arxiv_in_text(text: str | None) -> tuple[str, str] | None:
    """An arXiv id named in free text: ``arXiv preprint arXiv:1606.05250``, ``CoRR abs/…``
    (only with the word arXiv before it, so a page range is never taken for one)."""
    if not text:
        return None
    for m in re.finditer(r"arxiv[\s:/]*(?:abs/)?([^\s,;()]+)", text, re.IGNORECASE):
        if found := split_arxiv(m.group(1).rstrip(".")):
            return found
    return None


def doi_in_url(url: str | None) -> str | None:
    """The DOI of a resolver URL (``https://doi.org/10.1/x``), else None."""
    if not url or not re.match(r"^https?://(?:dx\.)?doi\.org/", url.strip(), re.IGNORECASE):
        return None
    return normalize_doi(url)


def arxiv_in_url(url: str | None) -> tuple[str, str] | None:
    if not url or not _ARXIV_URL.search(url.strip()):
        return None
    return split_arxiv(url)


def normalize_orcid(orcid: str | None) -> str | None:
    """``https://orcid.org/0000-0002-1825-0097`` → ``0000-0002-1825-0097``; None when the text
    is not an ORCID or its check digit is wrong."""
    if not orcid:
        return None
    m = _ORCID.match(orcid.strip())
    if not m:
        return None
    digits = m.group(1).replace("-", "").upper()
    total = 0
    for c in digits[:-1]:
        total = (total + int(c)) * 2
    check = (12 - total % 11) % 11
    if digits[-1] != ("X" if check == 10 else str(check)):
        return None
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))


def doi_in_text(text: str | None) -> str | None:
    """A DOI anywhere in a string (a note, a URL)."""
    if not text:
        return None
    m = _DOI.search(text)
    return normalize_doi(m.group(0).rstrip(".,;)")) if m else None
