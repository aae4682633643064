"""Every exported ProfilePage and ScholarlyArticle against the fields Google lists as required
and recommended (and the citation_* tags Google Scholar requires): what the data fills, and a
report of what it cannot."""

from __future__ import annotations

from pathlib import Path

from scholarkg.web.richresults import CITATION_TAGS, FIELDS, nodes, shortfalls
from web import ldtools
from web.conftest import BASE
from web.test_site import Page

# what the graph has no data for: no dates, no portraits, no biographies, no external ids
CANNOT_FILL = {
    ("ProfilePage", "dateCreated"),
    ("ProfilePage", "dateModified"),
    ("ProfilePage", "mainEntity.description"),
    ("ProfilePage", "mainEntity.identifier"),
    ("ProfilePage", "mainEntity.image"),
    ("ProfilePage", "mainEntity.sameAs"),
    ("ScholarlyArticle", "datePublished"),
    ("ScholarlyArticle", "dateModified"),
    ("ScholarlyArticle", "image"),
}


def _docs(site: Path) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for page in sorted(site.rglob("*.html")):
        out += ldtools.blocks(page.read_text(encoding="utf-8"), BASE)
    return out


def test_google_fields(example_site: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    docs = _docs(example_site)
    found = {n["@type"] for d in docs for n in nodes(d)}
    assert {"ProfilePage", "ScholarlyArticle"} <= found
    report = shortfalls(docs)
    assert [s for s in report if s.level == "required"] == []
    everywhere = {(s.type, s.field) for s in report if s.missing == s.total}
    assert everywhere == CANNOT_FILL
    # filled where the data has it: alternate names for people printed more than one way
    partly = {(s.type, s.field): (s.missing, s.total) for s in report if s.missing < s.total}
    assert partly == {("ProfilePage", "mainEntity.alternateName"): (32, 36)}
    filled = {(t, f) for t, f, _ in FIELDS} - everywhere - set(partly)
    assert ("ScholarlyArticle", "author.url") in filled and (
        "ScholarlyArticle",
        "headline",
    ) in filled
    with capsys.disabled():
        print("\nGoogle rich-result fields the example data cannot fill:")
        for s in report:
            print(f"  {s.type} {s.field} ({s.level}): missing in {s.missing} of {s.total}")


def test_google_scholar_citation_tags(example_site: Path) -> None:
    missing: dict[str, int] = {}
    papers = sorted((example_site / "papers").glob("*.html"))
    for page in papers:
        tags = [a for t, a in Page(page.read_text(encoding="utf-8")).tags if t == "meta"]
        names = [a.get("name") for a in tags]
        for tag, level in CITATION_TAGS:
            if tag not in names:
                missing[tag] = missing.get(tag, 0) + 1
                assert level != "required" or tag == "citation_publication_date"
    # the pages have no dates to give, and the bundled example no DOIs
    assert missing == {"citation_publication_date": len(papers), "citation_doi": len(papers)}
