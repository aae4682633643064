"""Several profile pages into one graph: shared papers, members as each other's coauthors, order.

The pages in ``tests/cases/multipage/`` belong to three members of one institute:

* ``brandt.txt``: Katherine L. Brandt, printed elsewhere as ``Kate Brandt``, ``Katherine Brandt``
* ``wojcik.txt``: Tomasz Wójcik, printed elsewhere as ``Tomasz W'ojcik``, ``T. Wojcik``
* ``aguilar.txt``: Daniel Aguilar, printed elsewhere as ``Dan Aguilar``, ``Daniel Alberto Aguilar``

"Uncertainty-Aware Planning for Household Robots" is listed on all three pages (each leaving out
its owner); "Sparse Reward Shaping with Language Feedback" on Brandt's and Aguilar's; "Tactile
Pretraining for Dexterous Manipulation" on Wójcik's and Aguilar's. Diego Aguilar shares a surname
with Daniel and is someone else. Lena Fischer is printed once as ``Lena FISCHER``, Ana Pérez once as
``Ana P'erez``.

The bundled example in ``examples/pages/`` is built here too (see ``examples/README.md``).
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CASES, EXAMPLES, SEED
from conftest import EXAMPLE_CONFIG as CONFIG

from scholarkg import build, open_build
from scholarkg.export import export
from scholarkg.pipeline import BuildResult
from scholarkg.query import coauthors
from scholarkg.store import select

CASE = CASES / "multipage"
PAGES = [CASE / "aguilar.txt", CASE / "brandt.txt", CASE / "wojcik.txt"]
EXAMPLE_PAGES = EXAMPLES / "pages"

SCHEMA = "http://schema.org/"
SKG = "https://w3id.org/scholarkg/ns#"

PLANNING = "Uncertainty-Aware Planning for Household Robots"
SHAPING = "Sparse Reward Shaping with Language Feedback"
TACTILE = "Tactile Pretraining for Dexterous Manipulation"
BENCHMARK = "Benchmarking Tactile Sensors for Dexterous Grasping"


# ---------------------------------------------------------------- helpers


Built = tuple[BuildResult, ox.Store]


def _build(inputs: list[Path] | list[str], out: Path, check: bool = True) -> Built:
    result = build(inputs, out_dir=out, config=CONFIG, check=check)
    return result, open_build(out)


def _ntriples(out: Path) -> bytes:
    store = open_build(out)
    sink = io.BytesIO()
    export(store, "ntriples", sink)
    return sink.getvalue()


def _people(store: ox.Store) -> dict[str, set[str]]:
    """Canonical name → alternate names, for every schema:Person."""
    rows = select(
        store,
        f"""SELECT ?p ?name ?alt WHERE {{
          ?p a <{SCHEMA}Person> ; <{SCHEMA}name> ?name .
          OPTIONAL {{ ?p <{SCHEMA}alternateName> ?alt }}
        }}""",
    )
    by_iri: dict[str, tuple[str, set[str]]] = {}
    for r in rows:
        name, alts = by_iri.setdefault(r["p"], (r["name"], set()))
        assert name == r["name"], f"{r['p']} has two names"
        if r["alt"] is not None:
            alts.add(r["alt"])
    names = [n for n, _ in by_iri.values()]
    assert len(names) == len(set(names)), f"two people share a canonical name: {sorted(names)}"
    return {n: alts for n, alts in by_iri.values()}


def _papers(store: ox.Store) -> dict[str, set[str]]:
    """Canonical title → names of its authors, for every schema:ScholarlyArticle."""
    rows = select(
        store,
        f"""SELECT ?w ?title ?name WHERE {{
          ?w a <{SCHEMA}ScholarlyArticle> ; <{SCHEMA}name> ?title .
          OPTIONAL {{ ?w <{SCHEMA}author> ?a . ?a <{SCHEMA}name> ?name }}
        }}""",
    )
    by_iri: dict[str, tuple[str, set[str]]] = {}
    for r in rows:
        _, authors = by_iri.setdefault(r["w"], (r["title"], set()))
        if r["name"] is not None:
            authors.add(r["name"])
    titles = [t for t, _ in by_iri.values()]
    assert len(titles) == len(set(titles)), f"two papers share a title: {sorted(titles)}"
    return {t: a for t, a in by_iri.values()}


def _iris_named(store: ox.Store, text: str) -> set[str]:
    """People whose canonical or alternate name is exactly ``text``."""
    rows = select(
        store,
        f"""SELECT DISTINCT ?p WHERE {{
          ?p a <{SCHEMA}Person> .
          {{ ?p <{SCHEMA}name> ?n }} UNION {{ ?p <{SCHEMA}alternateName> ?n }}
          FILTER(STR(?n) = "{text}")
        }}""",
    )
    return {r["p"] for r in rows}


def _members(store: ox.Store) -> dict[str, str]:
    """Canonical name → IRI of every person with a membership of the configured institute."""
    rows = select(
        store,
        f"""SELECT ?p ?name WHERE {{
          ?p <{SCHEMA}name> ?name ; <{SCHEMA}memberOf> ?role .
          ?role <{SCHEMA}memberOf> <{CONFIG.institute_iri}> .
        }}""",
    )
    return {r["name"]: r["p"] for r in rows}


def _printed_forms(store: ox.Store, name: str) -> set[str]:
    rows = select(
        store,
        f"""SELECT ?text WHERE {{
          ?p <{SCHEMA}name> "{name}" ; <{SKG}printedForm> ?f . ?f <{SKG}text> ?text .
        }}""",
    )
    return {r["text"] for r in rows}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("multipage") / "out"
    return _build(PAGES, out)


# ---------------------------------------------------------------- the three members' pages


def test_build_reads_every_record_and_conforms(built: Built) -> None:
    result, _ = built
    assert (result.files, result.listings, result.author_lines) == (3, 8, 19)
    assert result.rejected == 0
    assert result.conforms is True
    assert result.violations == 0


def test_people_and_paper_counts_are_exact(built: Built) -> None:
    result, store = built
    assert (result.people, result.works) == (6, 4)
    assert len(_people(store)) == 6
    assert len(_papers(store)) == 4


def test_canonical_names_and_alternate_names_are_exact(built: Built) -> None:
    _, store = built
    assert _people(store) == {
        "Katherine L. Brandt": {"Kate Brandt", "Katherine Brandt"},
        "Tomasz Wójcik": {"T. Wojcik"},
        "Daniel Aguilar": {"Dan Aguilar", "Daniel Alberto Aguilar"},
        "Diego Aguilar": set(),
        "Lena Fischer": set(),
        "Ana Pérez": set(),
    }


def test_repaired_and_recased_printings_are_kept_as_printed_forms(built: Built) -> None:
    _, store = built
    assert _printed_forms(store, "Tomasz Wójcik") == {"Tomasz W'ojcik"}
    assert _printed_forms(store, "Lena Fischer") == {"Lena FISCHER"}
    assert _printed_forms(store, "Ana Pérez") == {"Ana P'erez"}


def test_paper_listed_on_two_or_three_pages_is_one_node_with_every_owner(built: Built) -> None:
    _, store = built
    assert _papers(store) == {
        PLANNING: {"Katherine L. Brandt", "Tomasz Wójcik", "Daniel Aguilar", "Lena Fischer"},
        SHAPING: {"Katherine L. Brandt", "Daniel Aguilar", "Diego Aguilar"},
        TACTILE: {"Tomasz Wójcik", "Daniel Aguilar", "Ana Pérez"},
        BENCHMARK: {"Tomasz Wójcik", "Lena Fischer", "Ana Pérez"},
    }
    rows = list(
        select(
            store,
            f"""SELECT ?w (COUNT(?src) AS ?n) WHERE {{
              ?w <{SCHEMA}name> "{PLANNING}" ; <{SKG}source> ?src .
            }} GROUP BY ?w""",
        )
    )
    assert [int(r["n"]) for r in rows] == [3]  # one node, from the three listings


def test_member_printed_as_coauthor_is_the_node_of_their_own_profile(built: Built) -> None:
    _, store = built
    members = _members(store)
    assert set(members) == {"Katherine L. Brandt", "Tomasz Wójcik", "Daniel Aguilar"}
    for variant, member in [
        ("Kate Brandt", "Katherine L. Brandt"),  # nickname, on Wójcik's page
        ("Katherine Brandt", "Katherine L. Brandt"),  # middle initial dropped, Aguilar's page
        ("T. Wojcik", "Tomasz Wójcik"),  # initial and no accent, Aguilar's page
        ("Dan Aguilar", "Daniel Aguilar"),  # nickname, on two pages
        ("Daniel Alberto Aguilar", "Daniel Aguilar"),  # middle name added, Brandt's page
    ]:
        assert _iris_named(store, variant) == {members[member]}, variant


def test_people_sharing_a_surname_stay_apart(built: Built) -> None:
    _, store = built
    daniel = _iris_named(store, "Daniel Aguilar")
    diego = _iris_named(store, "Diego Aguilar")
    assert len(daniel) == len(diego) == 1
    assert daniel != diego


def test_coauthors_of_a_member_looked_up_by_a_variant(built: Built) -> None:
    _, store = built
    answer = coauthors(store, "Kate Brandt")
    assert answer.person == "Katherine L. Brandt"
    got = {(c.name, c.shared_papers) for c in answer.coauthors}
    assert got == {
        ("Daniel Aguilar", 2),
        ("Diego Aguilar", 1),
        ("Lena Fischer", 1),
        ("Tomasz Wójcik", 1),
    }
    answer = coauthors(store, "Dan Aguilar")
    assert answer.person == "Daniel Aguilar"
    assert {(c.name, c.shared_papers) for c in answer.coauthors} == {
        ("Katherine L. Brandt", 2),
        ("Tomasz Wójcik", 2),
        ("Ana Pérez", 1),
        ("Diego Aguilar", 1),
        ("Lena Fischer", 1),
    }


# ---------------------------------------------------------------- order of the inputs


def test_export_is_byte_identical_whatever_the_order_of_the_inputs(tmp_path: Path) -> None:
    exports = set()
    for i, order in enumerate(itertools.permutations(PAGES)):
        _build(list(order), tmp_path / f"o{i}", check=False)
        exports.add(_ntriples(tmp_path / f"o{i}"))
    assert len(exports) == 1
    assert next(iter(exports))  # not empty


def test_files_named_one_by_one_or_their_folder_give_the_same_bytes(tmp_path: Path) -> None:
    _build([str(p) for p in PAGES], tmp_path / "files", check=False)
    _build([str(CASE)], tmp_path / "folder", check=False)
    _build([str(CASE), str(PAGES[1])], tmp_path / "both", check=False)  # named twice
    files = _ntriples(tmp_path / "files")
    assert files == _ntriples(tmp_path / "folder")
    assert files == _ntriples(tmp_path / "both")


def _renamed_build(tmp_path: Path, tag: str, names: dict[str, str]) -> bytes:
    """Build copies of the pages under other file names; give back the export with the file
    names mapped back to the originals (``skg:source`` values name the file). A person's
    ``skg:source`` values are every mention merged into them, so they map back too."""
    folder = tmp_path / tag
    folder.mkdir()
    for page in PAGES:
        shutil.copy(page, folder / names[page.name])
    out = tmp_path / f"{tag}-out"
    _build([folder], out, check=False)
    text = _ntriples(out).decode("utf-8")
    for original, renamed in names.items():
        text = text.replace(str(folder / renamed), original)
    return "".join(sorted(text.splitlines(keepends=True))).encode("utf-8")


def test_renaming_the_page_files_changes_nothing_but_the_source_paths(tmp_path: Path) -> None:
    forward = {"aguilar.txt": "1.txt", "brandt.txt": "2.txt", "wojcik.txt": "3.txt"}
    backward = {"aguilar.txt": "3.txt", "brandt.txt": "2.txt", "wojcik.txt": "1.txt"}
    swapped = {"aguilar.txt": "2.txt", "brandt.txt": "1.txt", "wojcik.txt": "3.txt"}
    first = _renamed_build(tmp_path, "forward", forward)
    assert first == _renamed_build(tmp_path, "backward", backward)
    assert first == _renamed_build(tmp_path, "swapped", swapped)


# ---------------------------------------------------------------- the bundled example

SEED_PAGE = EXAMPLE_PAGES / "razvan-pascanu.txt"
FICTIONAL_PAGES = [
    EXAMPLE_PAGES / f"{n}.txt" for n in ("helene-lefevre", "jurgen-kohler", "william-okafor")
]

IN_CONTEXT = (
    "On the generalization of language models from in-context learning and finetuning: "
    "a controlled study"
)
GREEDY = "LLMs are Greedy Agents: Effects of RL Fine-tuning on Decision-Making Abilities"
FIRST_TOKEN = "Why do LLMs attend to the first token?"
NOPROP = "NoProp: Training Neural Networks without Back-propagation or Forward-propagation"
FACTS = "How do language models learn facts? Dynamics, curricula and hallucinations"
MAMBA = "From Markov to Laplace: How Mamba In-Context Learns Markov Chains"
REPLAY = "Replay-Free Continual Reinforcement Learning with Frozen Policy Anchors"
LINEAR = "Linear Recurrences as Warm Starts for Deep State Space Models"
PART_1 = "Sparse Credit Assignment in Recurrent Networks: Part I"
PART_2 = "Sparse Credit Assignment in Recurrent Networks: Part II"
EFFICIENT = "Efficient Graph Message Passing for Multi-Robot Coordination"
COORDINATION = "Graph Message Passing for Multi-Robot Coordination"  # earlier title of EFFICIENT
EXPLORATION = "Graph Message Passing for Multi-Robot Exploration"

# Canonical title → authors, for every paper of the example: the seed page's 6, then the 6
# invented papers of the three fictional members, which share no author with the seed page.
EXPECTED_EXAMPLE_PAPERS = {
    IN_CONTEXT: {
        "Razvan Pascanu",
        "Andrew Lampinen",
        "Arslan Chaudhry",
        "Stephanie C.Y. Chan",
        "Cody Wild",
        "Diane Wan",
        "Alexander Y. Ku",
        "Jorg Bornschein",
        "Murray P. Shanahan",
        "James L McClelland",
    },
    GREEDY: {
        "Razvan Pascanu",
        "Thomas Schmied",
        "Jorg Bornschein",
        "Jordi Grau-Moya",
        "Markus Wulfmeier",
    },
    FIRST_TOKEN: {
        "Razvan Pascanu",
        "Federico Barbero",
        "Álvaro Arroyo",
        "Xiangming Gu",
        "Christos Perivolaropoulos",
        "Michael M. Bronstein",
        "Petar Veličković",
    },
    NOPROP: {"Razvan Pascanu", "Qinyu Li", "Yee Whye Teh"},
    FACTS: {
        "Razvan Pascanu",
        "Nicolas Zucchet",
        "Jorg Bornschein",
        "Stephanie C.Y. Chan",
        "Andrew Lampinen",
        "Soham De",
    },
    MAMBA: {
        "Razvan Pascanu",
        "Marco Bondaschi",
        "Nived Rajaraman",
        "Xiuying Wei",
        "Kannan Ramchandran",
        "Caglar Gulcehre",
        "Michael C. Gastpar",
        "Ashok Vardhan Makkuva",
    },
    REPLAY: {"Hélène Lefèvre", "William J. Okafor", "Jürgen Köhler", "Sergio Peña"},
    LINEAR: {"Jürgen Köhler", "Hélène Lefèvre", "Ivana Marković"},
    PART_1: {"Hélène Lefèvre", "Jürgen Köhler", "Ivana Marković"},
    PART_2: {"Hélène Lefèvre", "Jürgen Köhler", "Ivana Marković"},
    EFFICIENT: {"Jürgen Köhler", "William J. Okafor", "Daniel Okafor"},
    EXPLORATION: {"William J. Okafor", "Daniel Okafor", "Sergio Peña"},
}

# Canonical name → alternate names, for every person of the example.
EXPECTED_EXAMPLE_PEOPLE = {
    # the seed page: its owner and his 29 coauthors
    "Razvan Pascanu": set(),
    "Andrew Lampinen": set(),
    "Arslan Chaudhry": set(),
    "Stephanie C.Y. Chan": {"Stephanie Chan"},
    "Cody Wild": set(),
    "Diane Wan": set(),
    "Alexander Y. Ku": {"Alex Ku"},
    "Jorg Bornschein": set(),
    "Murray P. Shanahan": set(),
    "James L McClelland": set(),
    "Thomas Schmied": set(),
    "Jordi Grau-Moya": set(),
    "Markus Wulfmeier": set(),
    "Federico Barbero": set(),
    "Álvaro Arroyo": set(),
    "Xiangming Gu": set(),
    "Christos Perivolaropoulos": set(),
    "Michael M. Bronstein": set(),
    "Petar Veličković": set(),
    "Qinyu Li": set(),
    "Yee Whye Teh": set(),
    "Nicolas Zucchet": set(),
    "Soham De": set(),
    "Marco Bondaschi": set(),
    "Nived Rajaraman": set(),
    "Xiuying Wei": set(),
    "Kannan Ramchandran": set(),
    "Caglar Gulcehre": set(),
    "Michael C. Gastpar": set(),
    "Ashok Vardhan Makkuva": set(),
    # the fictional pages: three members and three other people
    "Hélène Lefèvre": set(),  # repairs, dropped accents and capitals are not other names
    "William J. Okafor": {"Bill Okafor", "W. Okafor", "William Okafor"},
    "Jürgen Köhler": {"J. Köhler"},
    "Sergio Peña": set(),
    "Ivana Marković": set(),
    "Daniel Okafor": set(),
}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("example") / "out"
    return _build([EXAMPLE_PAGES], out)


def test_example_builds_and_conforms(example: Built) -> None:
    result, _ = example
    assert (result.files, result.listings, result.author_lines) == (4, 25, 91)
    assert result.rejected == 0
    assert result.conforms is True
    assert result.violations == 0


def test_example_export_does_not_depend_on_input_order(tmp_path: Path) -> None:
    pages = sorted(EXAMPLE_PAGES.glob("*.txt"))
    _build(pages, tmp_path / "a", check=False)
    _build(list(reversed(pages)), tmp_path / "b", check=False)
    _build([EXAMPLE_PAGES], tmp_path / "c", check=False)
    assert _ntriples(tmp_path / "a") == _ntriples(tmp_path / "b") == _ntriples(tmp_path / "c")


def test_example_seed_page_is_the_seed_but_for_the_abstracts() -> None:
    """The page made from a real researcher's profile holds only the seed's listings: the same
    lines in the same order, with the abstracts rewritten in other words (nothing invented)."""
    ours = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    theirs = SEED.read_text(encoding="utf-8").splitlines()
    assert len(ours) == len(theirs)
    differ = [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
    assert len(differ) == 3  # the three abstracts
    assert all(len(a) > 300 and len(b) > 300 and "(see more)" in a for a, b in differ)


def test_example_fictional_pages_name_no_one_from_the_seed_page(example: Built) -> None:
    _, store = example
    papers = _papers(store)
    seed_side = set().union(*(a for a in papers.values() if "Razvan Pascanu" in a))
    fictional_side = set().union(*(a for a in papers.values() if "Razvan Pascanu" not in a))
    assert seed_side & fictional_side == set()
    for page in FICTIONAL_PAGES:
        text = page.read_text(encoding="utf-8")
        for real in seed_side:  # not even the surname, in any letter case
            surname = re.escape(real.split()[-1])
            assert not re.search(rf"\b{surname}\b", text, re.IGNORECASE), (page.name, real)


def test_example_members_are_one_node_each_under_their_variants(example: Built) -> None:
    _, store = example
    members = _members(store)
    assert set(members) == {
        "Razvan Pascanu",
        "Hélène Lefèvre",
        "William J. Okafor",
        "Jürgen Köhler",
    }
    for variant, member in [
        ("Bill Okafor", "William J. Okafor"),  # nickname, Köhler's page
        ("W. Okafor", "William J. Okafor"),  # initial, Lefèvre's page
        ("William Okafor", "William J. Okafor"),  # middle initial dropped, Köhler's page
        ("J. Köhler", "Jürgen Köhler"),  # initial, Lefèvre's page
    ]:
        assert _iris_named(store, variant) == {members[member]}, variant
    assert _printed_forms(store, "Hélène Lefèvre") == {
        "H'el`ene Lef`evre",  # stripped LaTeX, Köhler's page
        "Helene Lefevre",  # accents dropped, Okafor's page
        "Hélène LEFÈVRE",  # surname in capitals, Köhler's page
    }
    assert _printed_forms(store, "Jürgen Köhler") == {
        'J"urgen K"ohler',  # stripped LaTeX, Lefèvre's and Okafor's pages
        "Jurgen Kohler",  # accents dropped, Okafor's page
    }
    assert _printed_forms(store, "William J. Okafor") == set()
    assert _printed_forms(store, "Razvan Pascanu") == set()


def test_example_keeps_the_seed_page_repairs(example: Built) -> None:
    _, store = example
    assert _printed_forms(store, "Petar Veličković") == {"Petar Velivckovi 'c"}
    assert _printed_forms(store, "Álvaro Arroyo") == {"'Alvaro Arroyo"}
    assert _printed_forms(store, "Stephanie C.Y. Chan") == set()
    assert _printed_forms(store, "Sergio Peña") == {"Sergio Pe~na", "Sergio Pena"}
    assert _printed_forms(store, "Ivana Marković") == {"Ivana Markovi 'c"}


def test_example_papers_are_exactly_the_twelve_listed(example: Built) -> None:
    result, store = example
    assert result.works == 12
    assert _papers(store) == EXPECTED_EXAMPLE_PAPERS


def test_example_listings_fold_into_their_paper(example: Built) -> None:
    _, store = example
    rows = select(
        store,
        f"""SELECT ?title (COUNT(?src) AS ?n) WHERE {{
          ?w a <{SCHEMA}ScholarlyArticle> ; <{SCHEMA}name> ?title ; <{SKG}source> ?src .
        }} GROUP BY ?title""",
    )
    assert {r["title"]: int(r["n"]) for r in rows} == {
        IN_CONTEXT: 2,  # carousel duplicate
        GREEDY: 2,
        FIRST_TOKEN: 2,
        NOPROP: 3,  # twice, then under the "Full" title
        FACTS: 2,
        MAMBA: 1,
        REPLAY: 3,  # Lefèvre's, Köhler's and Okafor's pages
        LINEAR: 2,  # Köhler's and Lefèvre's pages
        PART_1: 3,  # twice on Lefèvre's page, once on Köhler's
        PART_2: 2,
        EFFICIENT: 2,  # Köhler's page, and Okafor's under the earlier title
        EXPLORATION: 1,
    }
    rows = select(
        store,
        f"""SELECT ?title ?alt WHERE {{
          ?w a <{SCHEMA}ScholarlyArticle> ; <{SCHEMA}name> ?title ; <{SCHEMA}alternateName> ?alt .
        }}""",
    )
    assert {(r["title"], r["alt"]) for r in rows} == {
        (EFFICIENT, COORDINATION),
        (
            NOPROP,
            "NoProp: Training Neural Networks without Full Back-propagation or "
            "Full Forward-propagation",
        ),
    }


def test_example_similar_titles_that_are_different_papers_stay_apart(example: Built) -> None:
    _, store = example
    papers = _papers(store)
    assert PART_1 in papers and PART_2 in papers  # Part I and Part II
    assert EFFICIENT in papers and EXPLORATION in papers  # one word apart
    assert COORDINATION not in papers  # an earlier title of EFFICIENT, not a paper of its own


def test_example_people_sharing_a_surname_stay_apart(example: Built) -> None:
    _, store = example
    daniel = _iris_named(store, "Daniel Okafor")
    william = _iris_named(store, "William J. Okafor")
    assert len(daniel) == len(william) == 1
    assert daniel != william


def test_example_people_are_exactly_thirty_six(example: Built) -> None:
    result, store = example
    assert result.people == 36
    assert _people(store) == EXPECTED_EXAMPLE_PEOPLE


def test_example_config_file_names_the_institute() -> None:
    from scholarkg import load_config

    cfg = load_config(EXAMPLES / "scholarkg.toml")
    assert cfg.base == "https://kg.example.org/"
    assert cfg.institute_name == "Example Institute for AI"  # as examples/README.md says
    assert cfg.institute_iri == "https://institute.example.org/"


def test_example_demo_question_coauthors_on_a_topic(example: Built) -> None:
    _, store = example
    answer = coauthors(store, "Razvan Pascanu", topic="Reinforcement Learning")
    assert answer.person == "Razvan Pascanu"
    assert {(c.name, c.shared_papers) for c in answer.coauthors} == {
        ("Thomas Schmied", 1),
        ("Jorg Bornschein", 1),
        ("Jordi Grau-Moya", 1),
        ("Markus Wulfmeier", 1),
    }


def test_example_second_demo_question_a_member_by_a_variant(example: Built) -> None:
    _, store = example
    answer = coauthors(store, "Bill Okafor", topic="Reinforcement Learning")
    assert answer.person == "William J. Okafor"
    # the Replay-Free paper, printed on three pages with each coauthor spelled two ways
    assert {(c.name, c.shared_papers) for c in answer.coauthors} == {
        ("Hélène Lefèvre", 1),
        ("Jürgen Köhler", 1),
        ("Sergio Peña", 1),
    }
    answer = coauthors(store, "Helene Lefevre")
    assert answer.person == "Hélène Lefèvre"
    assert {(c.name, c.shared_papers) for c in answer.coauthors} == {
        ("Jürgen Köhler", 4),
        ("Ivana Marković", 3),
        ("William J. Okafor", 1),
        ("Sergio Peña", 1),
    }
