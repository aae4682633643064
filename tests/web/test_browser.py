"""The site in a real browser: headless Debian chromium driven through selenium.

The sites are served from 127.0.0.1 on a free port and built with that address as --base-url.
The tests read the JSON-LD blocks from the live DOM, compare what the pages show with the graph
(read with rdflib, not through scholarkg.web), check that no request leaves the origin (the
server's request log and Chrome's DevTools network log), and that hostile text runs no script.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import rdflib

from scholarkg.store import open_build
from scholarkg.web import build_site, site_from_build
from scholarkg.web.paths import Layout
from web import ldtools
from web.conftest import (
    BASE,
    EVE,
    HOSTILE_ABSTRACT,
    HOSTILE_NAME,
    HOSTILE_TITLE,
    HOSTILE_WORK,
    Browser,
)

S = ldtools.S
REPO = Path(__file__).resolve().parents[2]

webdriver = pytest.importorskip("selenium.webdriver")


@dataclass
class Served:
    origin: str
    root: Path
    log: list[tuple[str, int]] = field(default_factory=list)

    def url(self, site: str, path: str = "") -> str:
        return f"{self.origin}/{site}/{path}"


@pytest.fixture(scope="module")
def served(
    example_build: Path, hostile_build: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("www")
    log: list[tuple[str, int]] = []

    class Handler(SimpleHTTPRequestHandler):
        def log_request(self, code: Any = "-", size: Any = "-") -> None:
            log.append((self.path, int(code) if str(code).isdigit() else 0))

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    site_from_build(example_build, root / "example", base_url=origin + "/example/")
    build_site(open_build(hostile_build), root / "hostile", BASE, base_url=origin + "/hostile/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(origin, root, log)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def driver(chromium: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium.chromium
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}",
        "--window-size=1000,1300",
    ):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    d = webdriver.Chrome(options=opts, service=Service(executable_path=chromium.chromedriver))
    d.set_page_load_timeout(30)
    try:
        yield d
    finally:
        d.quit()


def _blocks(d: Any) -> list[Any]:
    texts = d.execute_script(
        "return Array.from(document.querySelectorAll('script[type=\"application/ld+json\"]'))"
        ".map(s => s.textContent)"
    )
    return [json.loads(t) for t in texts]


def _texts(d: Any, css: str) -> list[str]:
    from selenium.webdriver.common.by import By

    return [e.text for e in d.find_elements(By.CSS_SELECTOR, css)]


def _name(g: rdflib.Graph, node: Any) -> str:
    return str(g.value(node, S.name))


def _requests(d: Any) -> list[str]:
    urls = []
    for entry in d.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def test_profile_pages_show_the_graph(
    driver: Any, served: Served, example_graph: rdflib.Graph
) -> None:
    g = example_graph
    layout = Layout(BASE, served.url("example"))
    members = sorted(set(g.subjects(S.memberOf, None)) & set(g.subjects(rdflib.RDF.type, S.Person)))
    assert len(members) == 4
    for person in members:
        url = layout.person_url(str(person))
        driver.get(url)
        [doc] = _blocks(driver)
        profile, *articles = doc["@graph"]
        assert profile["@type"] == "ProfilePage" and profile["@id"] == url
        assert profile["mainEntity"]["@id"] == str(person)
        assert _texts(driver, "h1.name") == [_name(g, person)]
        shown = _texts(driver, "ol.publications > li a.title")
        assert shown == [a["name"] for a in articles]
        assert set(shown) == {_name(g, w) for w in g.subjects(S.author, person)}
        for li, article in zip(
            _texts(driver, "ol.publications > li .authors"), articles, strict=True
        ):
            order = ldtools.author_list(g, rdflib.URIRef(article["@id"]))
            assert li == ", ".join(_name(g, a) for a in order)
        topics = {str(g.value(t, rdflib.SKOS.prefLabel)) for t in g.objects(person, S.knowsAbout)}
        assert set(_texts(driver, "ul.topics li")) == topics
        assert driver.execute_script("return document.querySelectorAll('svg.network a').length")


def test_paper_pages_show_authors_in_order_and_citation_tags(
    driver: Any, served: Served, example_graph: rdflib.Graph
) -> None:
    g = example_graph
    layout = Layout(BASE, served.url("example"))
    works = sorted(g.subjects(rdflib.RDF.type, S.ScholarlyArticle))
    for work in works:
        driver.get(layout.paper_url(str(work)))
        names = [_name(g, a) for a in ldtools.author_list(g, work)]
        assert _texts(driver, "ol.authors li") == names
        [doc] = _blocks(driver)
        assert [a["name"] for a in doc["author"]] == names
        assert [a["url"] for a in doc["author"]] == [
            layout.person_url(str(a)) for a in ldtools.author_list(g, work)
        ]
        meta = driver.execute_script(
            "return Array.from(document.querySelectorAll('meta[name^=citation_]'))"
            ".map(m => [m.name, m.content])"
        )
        assert [v for k, v in meta if k == "citation_author"] == names
        assert [v for k, v in meta if k == "citation_title"] == [_name(g, work)]


def test_links_between_pages_work(driver: Any, served: Served) -> None:
    from selenium.webdriver.common.by import By

    driver.get(served.url("example", "index.html"))
    driver.find_element(By.CSS_SELECTOR, "a.member").click()
    driver.find_element(By.CSS_SELECTOR, "ol.publications a.title").click()
    driver.find_element(By.CSS_SELECTOR, "ol.authors a.author").click()
    assert driver.current_url.startswith(served.url("example", "people/"))
    assert _blocks(driver)[0]["@graph"][0]["@type"] == "ProfilePage"


def test_no_request_leaves_the_origin(driver: Any, served: Served) -> None:
    _requests(driver)  # drain what the browser itself loaded before (its new-tab page)
    served.log.clear()
    driver.get(served.url("example", "index.html"))
    for path in sorted((served.root / "example" / "people").glob("*.html"))[:5]:
        driver.get(served.url("example", f"people/{path.name}"))
    urls = _requests(driver)
    assert urls, "the DevTools log recorded no request"
    # chrome:// is the browser's own UI, never the network
    outside = [
        u
        for u in urls
        if not u.startswith((served.origin + "/", "chrome://", "chrome-untrusted://"))
    ]
    assert outside == []
    assert served.log
    failed = [(p, c) for p, c in served.log if c not in (200, 304) and p != "/favicon.ico"]
    assert failed == []


def test_hostile_text_runs_no_script(driver: Any, served: Served) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    layout = Layout(BASE, served.url("hostile"))
    for url, heading, text in (
        (layout.person_url(EVE), "h1.name", HOSTILE_NAME),
        (layout.paper_url(HOSTILE_WORK), "h1.title", HOSTILE_TITLE),
    ):
        driver.get(url)
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert  # noqa: B018
        state = driver.execute_script(
            """return {
              pwned: window.__pwned === undefined ? null : window.__pwned,
              scripts: document.querySelectorAll('script').length,
              injected: document.querySelectorAll('img, iframe, b, u, style, textarea').length,
              handlers: Array.from(document.querySelectorAll('*')).filter(e =>
                  Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
              heading: document.querySelector(arguments[0]).textContent,
              bodyShown: getComputedStyle(document.body).display,
            }""",
            heading,
        )
        assert state == {
            "pwned": None,
            "scripts": 1,
            "injected": 0,
            "handlers": 0,
            "heading": text,
            "bodyShown": "block",
        }
        [doc] = _blocks(driver)
        assert json.dumps(doc, ensure_ascii=False).count("__pwned") >= 1
    assert driver.execute_script("return document.querySelector('.abstract').textContent") == (
        HOSTILE_ABSTRACT
    )


def test_screenshot_of_a_profile_page(driver: Any, served: Served, tmp_path: Path) -> None:
    """A picture of a member's page; SCHOLARKG_SCREENSHOT=1 writes it to docs/ for the README."""
    layout = Layout(BASE, served.url("example"))
    driver.set_window_size(1000, 1300)
    driver.get(layout.person_url(BASE + "person/william-j-okafor"))
    shot = tmp_path / "profile.png"
    assert driver.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    if os.environ.get("SCHOLARKG_SCREENSHOT") == "1":
        shutil.copyfile(shot, REPO / "docs" / "profile-page.png")
