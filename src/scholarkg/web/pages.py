"""The site's HTML pages, written as Python string templates.

Every text that came from the input goes through :func:`h` (HTML-escaped, quotes too, so it is
safe in text and in attribute values) or, inside the JSON-LD block, through
:func:`~scholarkg.web.jsonld.script_json`. The pages load nothing from anywhere but their own
site: one stylesheet beside them, no scripts, no fonts, no CDNs; a Content-Security-Policy says
so to the browser as well.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .data import PersonRec, WebGraph, WorkRec
from .jsonld import Doc, arxiv_url, doi_url, script_json
from .network import coauthor_svg
from .paths import Layout

CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

STYLE = """\
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;
margin:0 auto;padding:1rem 1.5rem;line-height:1.5;color:#1d2733;background:#fff}
a{color:#2c5a8c}nav{font-size:.9rem;margin-bottom:1rem}h1{margin:.2rem 0 .4rem}
.meta{color:#4b5866;margin:.1rem 0}ol.publications>li{margin:.6rem 0}
.authors{color:#4b5866;font-size:.93rem}.topics li{display:inline-block;margin:0 .4rem .3rem 0;
padding:.05rem .5rem;border-radius:.8rem;background:#eef2f7;font-size:.9rem}
.topics{padding:0}figure{margin:1rem 0}svg.network{max-width:100%;height:auto;
border:1px solid #e3e8ef;border-radius:6px}figcaption{font-size:.85rem;color:#4b5866}
.abstract{white-space:pre-wrap}.columns{columns:2 18rem}
"""


def h(text: str) -> str:
    """Text from the input, escaped for HTML text and attribute values."""
    return escape(text, quote=True)


def _page(
    title: str,
    canonical: str,
    css: str,
    body: str,
    doc: Doc | None = None,
    meta: Iterable[tuple[str, str]] = (),
) -> str:
    head = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{h(title)}</title>",
        f'<link rel="canonical" href="{h(canonical)}">',
        f'<link rel="stylesheet" href="{h(css)}">',
    ]
    head += [f'<meta name="{h(k)}" content="{h(v)}">' for k, v in meta]
    if doc is not None:
        head.append(f'<script type="application/ld+json">{script_json(doc, None)}</script>')
    return "\n".join([*head, "</head>", "<body>", body, "</body>", "</html>", ""])


def _topics(topics: Iterable[str]) -> str:
    items = "".join(f"<li>{h(t)}</li>" for t in topics)
    return f'<ul class="topics">{items}</ul>' if items else ""


class Renderer:
    """Writes the pages of one site; what several pages share (a person's link, a paper's
    entry in a publication list) is rendered once."""

    def __init__(self, graph: WebGraph, layout: Layout) -> None:
        self.graph = graph
        self.layout = layout
        self._links: dict[str, str] = {}
        self._entries: dict[str, str] = {}

    def person_link(self, iri: str, cls: str = "author") -> str:
        """``<a>`` to a person's page from a page one folder down (people/, papers/)."""
        link = self._links.get(iri)
        if link is None:
            href = h("../" + self.layout.person_path(iri))
            link = self._links[iri] = (
                f'<a class="author" href="{href}">{h(self.graph.name_of(iri))}</a>'
            )
        return link if cls == "author" else link.replace('class="author"', f'class="{cls}"', 1)

    def entry(self, w: str) -> str:
        """A paper's ``<li>`` in a publication list: title linked, authors in order."""
        item = self._entries.get(w)
        if item is None:
            rec = self.graph.works[w]
            authors = ", ".join(self.person_link(a) for a in rec.authors)
            item = self._entries[w] = (
                f'<li class="publication"><a class="title" '
                f'href="{h("../" + self.layout.paper_path(w))}">{h(rec.title)}</a><br>'
                f'<span class="authors">{authors}</span></li>'
            )
        return item

    def person_page(self, p: PersonRec, doc: Doc) -> str:
        graph, layout, up = self.graph, self.layout, "../"
        parts = [f'<nav><a href="{up}index.html">All members and papers</a></nav>', "<main>"]
        parts.append(f'<h1 class="name">{h(p.name)}</h1>')
        if p.job_title or p.works_for:
            job = [p.job_title] if p.job_title else []
            line = ", ".join(h(t) for t in [*job, *(o.name for o in p.works_for)])
            parts.append(f'<p class="meta job">{line}</p>')
        for m in p.memberships:
            role = h(m.role) if m.role else "Member"
            at = f" of {h(m.org.name)}" if m.org else ""
            parts.append(f'<p class="meta role">{role}{at}</p>')
        if p.alternate_names:
            alts = "; ".join(h(a) for a in p.alternate_names)
            parts.append(f'<p class="meta alt">Also published as: {alts}</p>')
        if p.topics:
            parts.append("<h2>Research topics</h2>" + _topics(t.label for t in p.topics))
        works = graph.works_of.get(p.iri, ())
        coauthors = graph.coauthors(p.iri)
        if coauthors:
            svg = coauthor_svg(graph, p.iri, coauthors, lambda a: up + layout.person_path(a))
            parts.append(
                "<h2>Coauthor network</h2><figure>"
                + svg
                + "<figcaption>Spoke width: papers shared with "
                + h(p.name)
                + "; a chord: two coauthors on one of these papers.</figcaption></figure>"
            )
        parts.append(f'<h2>Publications <span class="count">({len(works)})</span></h2>')
        parts.append(f'<ol class="publications">{"".join(self.entry(w) for w in works)}</ol>')
        if coauthors:
            co = "".join(f"<li>{self.person_link(a, 'coauthor')} ({n})</li>" for a, n in coauthors)
            parts.append(f'<h2>Coauthors</h2><ul class="coauthors columns">{co}</ul>')
        parts.append("</main>")
        return _page(p.name, layout.person_url(p.iri), up + "style.css", "\n".join(parts), doc)

    def paper_page(self, w: WorkRec, doc: Doc) -> str:
        return paper_page(self.graph, w, self.layout, doc)

    def index_page(self, title: str) -> str:
        return index_page(self.graph, self.layout, title)


def citation_meta(graph: WebGraph, w: WorkRec) -> list[tuple[str, str]]:
    """Highwire Press tags, as Google Scholar reads them: authors in printed order."""
    meta = [("citation_title", w.title)]
    meta += [("citation_author", graph.name_of(a)) for a in w.authors]
    if w.doi:
        meta.append(("citation_doi", w.doi))
    if w.arxiv:
        meta.append(("citation_arxiv_id", w.arxiv))
    if w.abstract:
        meta.append(("citation_abstract", w.abstract))
    return meta


def paper_page(graph: WebGraph, w: WorkRec, layout: Layout, doc: Doc) -> str:
    up = "../"
    parts = [f'<nav><a href="{up}index.html">All members and papers</a></nav>', "<main>"]
    parts.append(f'<h1 class="title">{h(w.title)}</h1>')
    if w.alternate_titles:
        alts = "; ".join(h(a) for a in w.alternate_titles)
        parts.append(f'<p class="meta alt">Also listed as: {alts}</p>')
    authors = "".join(
        f'<li><a class="author" href="{h(up + layout.person_path(a))}">'
        f"{h(graph.name_of(a))}</a></li>"
        for a in w.authors
    )
    parts.append(f'<h2>Authors</h2><ol class="authors">{authors}</ol>')
    if w.abstract:
        parts.append(f'<h2>Abstract</h2><p class="abstract">{h(w.abstract)}</p>')
    ids = []
    if w.doi:
        ids.append(f'<li>DOI: <a class="doi" href="{h(doi_url(w.doi))}">{h(w.doi)}</a></li>')
    if w.arxiv:
        ids.append(
            f'<li>arXiv: <a class="arxiv" href="{h(arxiv_url(w.arxiv))}">{h(w.arxiv)}</a></li>'
        )
    ids.append(f'<li>In the graph: <code class="iri">{h(w.iri)}</code></li>')
    parts.append(f'<h2>Identifiers</h2><ul class="identifiers">{"".join(ids)}</ul>')
    if w.topics:
        parts.append("<h2>Topics</h2>" + _topics(t.label for t in w.topics))
    parts.append("</main>")
    return _page(
        w.title,
        layout.paper_url(w.iri),
        up + "style.css",
        "\n".join(parts),
        doc,
        citation_meta(graph, w),
    )


def index_page(graph: WebGraph, layout: Layout, title: str) -> str:
    members = sorted(
        (p for p in graph.people.values() if p.is_member), key=lambda p: (p.name, p.iri)
    )
    works = sorted(graph.works.values(), key=lambda w: (w.title.casefold(), w.iri))
    parts = [f"<main><h1>{h(title)}</h1>"]
    parts.append(
        f'<p class="meta">{len(members)} members, {len(graph.people)} people, '
        f"{len(works)} papers.</p>"
    )
    items = "".join(
        f'<li><a class="member" href="{h(layout.person_path(p.iri))}">{h(p.name)}</a>'
        + (f' <span class="meta">{h(p.job_title)}</span>' if p.job_title else "")
        + "</li>"
        for p in members
    )
    parts.append(f'<h2>Members</h2><ul class="members columns">{items}</ul>')
    items = "".join(
        f'<li><a class="paper" href="{h(layout.paper_path(w.iri))}">{h(w.title)}</a></li>'
        for w in works
    )
    parts.append(f'<h2>Papers</h2><ul class="papers">{items}</ul></main>')
    return _page(title, layout.url("index.html"), "style.css", "\n".join(parts))
