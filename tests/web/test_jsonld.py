"""``scholarkg export --format jsonld --person/--paper``: one paste-ready block, as the site
embeds it; people found as ``coauthors`` finds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from scholarkg.cli import app
from scholarkg.web.jsonld import script_json
from web.conftest import BASE

LLM_TITLE = "LLMs are Greedy Agents: Effects of RL Fine-tuning on Decision-Making Abilities"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


def _embedded(site: Path, rel: str) -> object:
    """The block a site page embeds (compact there), parsed."""
    html = (site / rel).read_text(encoding="utf-8")
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


def test_person_block_by_nickname_is_the_block_the_site_embeds(
    example_build: Path, example_site: Path
) -> None:
    code, out, err = run(
        "--format", "jsonld", "--person", "bill okafor", "--out", str(example_build)
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == _embedded(example_site, "people/william-j-okafor.html")
    doc = json.loads(out)
    assert doc["@context"] == "https://schema.org"
    profile, *articles = doc["@graph"]
    person = profile["mainEntity"]
    assert profile["@type"] == "ProfilePage"
    assert person["@id"] == BASE + "person/william-j-okafor"
    assert person["name"] == "William J. Okafor"
    assert person["alternateName"] == ["Bill Okafor", "W. Okafor", "William Okafor"]
    assert person["jobTitle"] == "Research Scientist"
    assert person["worksFor"]["name"] == "Lumen Robotics"
    assert person["memberOf"]["roleName"] == "Affiliate Member"
    assert person["memberOf"]["memberOf"]["name"] == "Example Institute for AI"
    assert [t["name"] for t in person["knowsAbout"]] == [
        "Graph Neural Networks",
        "Multi-Agent Systems",
        "Reinforcement Learning",
        "Robotics",
    ]
    assert [a["@type"] for a in articles] == ["ScholarlyArticle"] * 3
    first = articles[0]
    assert [a["name"] for a in first["author"]] == [
        "Hélène Lefèvre",
        "William J. Okafor",
        "Jürgen Köhler",
        "Sergio Peña",
    ]


def test_person_by_iri_and_base_url(example_build: Path) -> None:
    code, out, _ = run(
        "--format",
        "jsonld",
        "--person",
        BASE + "person/razvan-pascanu",
        "--base-url",
        "https://people.example.org",
        "--out",
        str(example_build),
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["@graph"][0]["@id"] == "https://people.example.org/people/razvan-pascanu.html"
    assert len(doc["@graph"]) == 1 + 6


def test_paper_block_by_title_in_any_case(example_build: Path, example_site: Path) -> None:
    code, out, _ = run(
        "--format", "jsonld", "--paper", LLM_TITLE.lower(), "--out", str(example_build)
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["@type"] == "ScholarlyArticle" and doc["name"] == LLM_TITLE
    assert [a["name"] for a in doc["author"]] == [
        "Thomas Schmied",
        "Jorg Bornschein",
        "Jordi Grau-Moya",
        "Markus Wulfmeier",
        "Razvan Pascanu",
    ]
    page = doc["url"].removeprefix(BASE)
    assert json.loads(out) == _embedded(example_site, page)


def test_block_to_a_file(example_build: Path, tmp_path: Path) -> None:
    target = tmp_path / "razvan.jsonld"
    code, out, err = run(
        "--format",
        "jsonld",
        "--person",
        "Razvan Pascanu",
        "--output",
        str(target),
        "--out",
        str(example_build),
    )
    assert (code, out) == (0, "")
    assert err == f"wrote the block to {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["@graph"][0]["name"] == "Razvan Pascanu"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--person", "Nobody Atall"], "error: no person named 'Nobody Atall' in the graph; "),
        (["--paper", "No Such Paper"], "error: no paper titled 'No Such Paper' in the graph; "),
        (
            ["--person", "x", "--format", "turtle"],
            "error: --person and --paper go with --format jsonld",
        ),
        (["--person", "x", "--paper", "y"], "error: --person and --paper go with --format jsonld"),
    ],
)
def test_bad_lookups_exit_2(example_build: Path, args: list[str], message: str) -> None:
    if "--format" not in args:
        args = ["--format", "jsonld", *args]
    code, out, err = run(*args, "--out", str(example_build))
    assert (code, out) == (2, "")
    assert err.startswith(message)


def test_without_person_or_paper_the_whole_graph_as_before(example_build: Path) -> None:
    code, out, _ = run("--format", "jsonld", "--out", str(example_build))
    assert code == 0
    doc = json.loads(out)
    assert "@graph" in doc and doc["@context"]["@vocab"] == "http://schema.org/"


@given(st.text())
def test_script_json_never_closes_the_script_and_parses_back(text: str) -> None:
    doc = {"@context": "https://schema.org", "name": text, "x": [text, {"y": text}]}
    out = script_json(doc)
    assert not any(c in out for c in "<>&\u2028\u2029")
    assert json.loads(out) == doc


def test_readme_shows_the_real_block(example_build: Path) -> None:
    from web.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On the web", 1)[1]
    shown = section.split("```jsonld\n", 1)[1].split("\n```", 1)[0]
    code, out, _ = run("--format", "jsonld", "--person", "bill okafor", "--out", str(example_build))
    assert code == 0
    assert shown + "\n" == out
    assert "![A member's profile page" in section and (REPO / "docs" / "profile-page.png").is_file()
