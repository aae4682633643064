"""``scholarkg site``: the pages, their links, escaping, determinism, all-or-nothing writing."""

from __future__ import annotations

import filecmp
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.store import open_build
from scholarkg.web import build_site, pages, site_from_build
from scholarkg.web.paths import Layout
from web.conftest import (
    BASE,
    EVE,
    FOLD_A,
    FOLD_B,
    HOSTILE_ABSTRACT,
    HOSTILE_NAME,
    HOSTILE_TITLE,
    HOSTILE_WORK,
    TRAVERSAL,
)

LAYOUT = Layout(BASE, BASE)


class Page(HTMLParser):
    """What a browser's parser makes of a page: elements, attributes, script bodies, text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def hrefs(self) -> list[str]:
        return [a["href"] or "" for t, a in self.tags if "href" in a]


def test_site_has_an_index_a_page_per_person_and_per_paper(example_site: Path) -> None:
    assert (example_site / "index.html").is_file() and (example_site / "style.css").is_file()
    assert len(list((example_site / "people").glob("*.html"))) == 36
    assert len(list((example_site / "papers").glob("*.html"))) == 12
    index = Page((example_site / "index.html").read_text(encoding="utf-8"))
    members = [a["href"] for t, a in index.tags if a.get("class") == "member"]
    assert members == [
        "people/helene-lefevre.html",
        "people/jurgen-kohler.html",
        "people/razvan-pascanu.html",
        "people/william-j-okafor.html",
    ]
    assert sum(a.get("class") == "paper" for t, a in index.tags) == 12


def test_every_link_in_the_site_resolves_to_a_page_of_the_site(example_site: Path) -> None:
    checked = 0
    for page in example_site.rglob("*.html"):
        rel = page.relative_to(example_site).as_posix()
        for href in Page(page.read_text(encoding="utf-8")).hrefs():
            if href.startswith(("https://doi.org/", "https://arxiv.org/")):
                continue
            target = urlsplit(urljoin(BASE + rel, href))
            assert target.netloc == "kg.example.org", (rel, href)
            assert (example_site / target.path.lstrip("/")).is_file(), (rel, href)
            checked += 1
    assert checked > 300


def test_pages_load_nothing_from_elsewhere(example_site: Path) -> None:
    for page in example_site.rglob("*.html"):
        parsed = Page(page.read_text(encoding="utf-8"))
        for tag, attrs in parsed.tags:
            assert tag not in ("img", "iframe", "object", "embed", "link") or (
                tag == "link" and attrs.get("rel") in ("stylesheet", "canonical")
            )
            if tag == "script":
                assert attrs == {"type": "application/ld+json"} and "src" not in attrs
            if tag == "link" and attrs["rel"] == "stylesheet":
                assert not re.match(r"^[a-z]+:", attrs["href"] or "")
    assert "url(" not in pages.STYLE and "@import" not in pages.STYLE


def test_hostile_text_stays_text(hostile_site: Path) -> None:
    for path, shown in (
        (LAYOUT.person_path(EVE), HOSTILE_NAME),
        (LAYOUT.paper_path(HOSTILE_WORK), HOSTILE_TITLE),
    ):
        html = (hostile_site / path).read_text(encoding="utf-8")
        parsed = Page(html)
        assert [
            t for t, _ in parsed.tags if t in ("script", "img", "iframe", "b", "u", "style")
        ] == ["script"]
        assert not any(k.startswith("on") for _, a in parsed.tags for k in a)
        assert shown in "".join(parsed.text)
        [block] = parsed.scripts
        assert not re.search(r"[<>&\u2028\u2029]", block)
        assert "<!--" not in html.split("<body>")[1].split("</body>")[0].replace("&lt;!--", "")
    paper = (hostile_site / LAYOUT.paper_path(HOSTILE_WORK)).read_text(encoding="utf-8")
    assert HOSTILE_ABSTRACT in "".join(Page(paper).text)


def test_people_whose_names_fold_the_same_get_their_own_pages(hostile_site: Path) -> None:
    files = {LAYOUT.person_path(i) for i in (FOLD_A, FOLD_B, TRAVERSAL, EVE)}
    assert len(files) == 4
    for f in files:
        assert (hostile_site / f).is_file()
        assert re.fullmatch(r"people/[a-z0-9-]+\.html", f)
    assert sorted(
        p.name for p in hostile_site.rglob("*") if p.is_file() and "people" in p.parts
    ) == (sorted(f.split("/")[1] for f in files))


def test_same_graph_same_bytes(example_build: Path, example_site: Path, tmp_path: Path) -> None:
    again = site_from_build(example_build, tmp_path / "again").path
    cmp = filecmp.dircmp(example_site, again)
    files = [p.relative_to(example_site).as_posix() for p in example_site.rglob("*") if p.is_file()]
    match, mismatch, errors = filecmp.cmpfiles(example_site, again, files, shallow=False)
    assert (len(match), mismatch, errors) == (len(files), [], [])
    assert not cmp.left_only and not cmp.right_only


def test_a_failed_build_leaves_the_previous_site(
    example_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "site"
    site_from_build(example_build, dest)
    before = sorted(p.relative_to(dest) for p in dest.rglob("*"))

    def boom(*args: object) -> str:  # the paper pages come after the people's
        raise RuntimeError("disk full")

    monkeypatch.setattr(pages.Renderer, "paper_page", boom)
    with pytest.raises(RuntimeError):
        build_site(open_build(example_build), dest, BASE)
    assert sorted(p.relative_to(dest) for p in dest.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_site_command(example_build: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "site",
            "--out",
            str(example_build),
            "--dest",
            str(tmp_path / "s"),
            "--base-url",
            "https://people.example.org/lab",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote 50 files to {tmp_path / 's'}: 4 members, 36 people, 12 papers; "
        "published at https://people.example.org/lab/",
        "fields Google reads that the data cannot fill:",
        "  ProfilePage: dateCreated, dateModified, mainEntity.description, mainEntity.identifier,"
        " mainEntity.image, mainEntity.sameAs (all 36); mainEntity.alternateName (32 of 36)",
        "  ScholarlyArticle: datePublished, dateModified, image (all 12)",
    ]
    html = (tmp_path / "s" / "people" / "razvan-pascanu.html").read_text(encoding="utf-8")
    assert (
        '<link rel="canonical" href="https://people.example.org/lab/people/razvan-pascanu.html">'
        in html
    )
    assert '"url": "https://people.example.org/lab/people/razvan-pascanu.html"' in html


def test_site_command_refuses_a_relative_base_url(example_build: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["site", "--out", str(example_build), "--dest", str(tmp_path / "s"), "--base-url", "lab/"],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --base-url 'lab/' is not an absolute http(s) URL; ")
    assert not (tmp_path / "s").exists()
