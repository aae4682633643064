"""Who is who: scored evidence, clustering that cannot chain, and the evidence of every join."""

from __future__ import annotations

from pathlib import Path

from scholarkg.clean import clean_profiles
from scholarkg.readers.page import read_page
from scholarkg.records import Resolution
from scholarkg.resolve import resolve


def _page(owner: str, papers: list[tuple[str, list[str]]]) -> str:
    lines = [f"Portrait of {owner}", "", owner, "", "Associate Member", "", "Publications", ""]
    for title, authors in papers:
        lines += [title, *authors]
    return "\n".join(lines)


def _resolve(tmp_path: Path, pages: dict[str, str]) -> Resolution:
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return resolve(clean_profiles([read_page(tmp_path / n) for n in sorted(pages)]))


def _people_named(res: Resolution, *names: str) -> set[str]:
    return {p.key for p in res.people if p.name in names or set(p.alternate_names) & set(names)}


def test_a_double_surname_and_its_first_part_alone_are_two_people_without_context(
    tmp_path: Path,
) -> None:
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page("Ana Ortiz-Lee", [("Sparse Coding of Natural Images", ["Zed Quon"])]),
            "b.txt": _page(
                "Bo Kim", [("Graph Kernels for Molecules", ["Ana Ortiz", "Rita Sousa"])]
            ),
        },
    )
    assert len(_people_named(res, "Ana Ortiz-Lee", "Ana Ortiz")) == 2


def test_a_double_surname_and_its_first_part_join_through_a_shared_coauthor(
    tmp_path: Path,
) -> None:
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page("Ana Ortiz-Lee", [("Sparse Coding of Natural Images", ["Zed Quon"])]),
            "b.txt": _page("Bo Kim", [("Graph Kernels for Molecules", ["Ana Ortiz", "Zed Quon"])]),
        },
    )
    assert len(_people_named(res, "Ana Ortiz-Lee", "Ana Ortiz")) == 1


def test_an_initial_that_fits_two_people_equally_joins_neither(tmp_path: Path) -> None:
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page(
                "Ann Lee",
                [
                    ("Robust Planning under Partial Observability", ["Robert Park", "Zed Quon"]),
                    ("Sparse Coding of Natural Images", ["Richard Park", "Yan Ruiz"]),
                ],
            ),
            "b.txt": _page("Bo Kim", [("Graph Kernels for Molecules", ["R. Park"])]),
        },
    )
    # R. Park shares the owner Ann Lee's page with neither: no context; and never chains the two
    assert len(_people_named(res, "Robert Park", "Richard Park", "R. Park")) == 3


def test_an_initial_two_people_fit_as_well_stays_apart_and_never_chains_them(
    tmp_path: Path,
) -> None:
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page(
                "Ann Lee",
                [
                    ("Robust Planning under Partial Observability", ["Robert Park", "Zed Quon"]),
                    ("Sparse Coding of Natural Images", ["Richard Park", "Zed Quon"]),
                ],
            ),
            "b.txt": _page("Bo Kim", [("Graph Kernels for Molecules", ["R. Park", "Zed Quon"])]),
        },
    )
    assert len(_people_named(res, "Robert Park", "Richard Park", "R. Park")) == 3


def test_an_initial_joins_the_person_its_context_clearly_backs(tmp_path: Path) -> None:
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page(
                "Ann Lee",
                [
                    ("Robust Planning", ["Robert Park", "Zed Quon", "Yan Ruiz", "Rita Sousa"]),
                    ("Sparse Coding of Natural Images", ["Richard Park", "Paul Otto"]),
                ],
            ),
            "b.txt": _page(
                "Bo Kim", [("Graph Kernels", ["R. Park", "Zed Quon", "Yan Ruiz", "Rita Sousa"])]
            ),
        },
    )
    robert = _people_named(res, "Robert Park", "R. Park")
    assert len(robert) == 1
    assert robert.isdisjoint(_people_named(res, "Richard Park"))


def test_two_members_pages_owned_by_one_name_are_two_people(tmp_path: Path) -> None:
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page("Sharon Everworth", [("Sparse Coding of Images", ["Zed Quon"])]),
            "b.txt": _page("Sharon Everworth", [("Graph Kernels for Molecules", ["Zed Quon"])]),
        },
    )
    assert len(_people_named(res, "Sharon Everworth")) == 2


def test_every_join_records_its_evidence(tmp_path: Path) -> None:
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page("William Turner", [("Sparse Coding of Images", ["Zed Quon"])]),
            "b.txt": _page(
                "Bo Kim", [("Graph Kernels for Molecules", ["Bill Turner", "Zed Quon"])]
            ),
        },
    )
    assert len(_people_named(res, "William Turner", "Bill Turner")) == 1
    sources = {str(j.a) for j in res.joins} | {str(j.b) for j in res.joins}
    assert any(s.endswith("b.txt:10") for s in sources)  # the Bill Turner line
    for j in res.joins:
        assert j.score > 0
        assert abs(j.score - sum(w for _, w in j.terms)) < 1e-9
    nickname = next(j for j in res.joins if str(j.b).endswith("b.txt:10"))
    assert any(name.startswith("coauthors") for name, _ in nickname.terms)


def test_two_names_printed_together_on_several_papers_are_coauthors_not_one_person(
    tmp_path: Path,
) -> None:
    both = ["Ana Ortiz-Lee", "Ana Ortiz", "Zed Quon", "Rita Sousa"]
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page(
                "Bo Kim",
                [
                    ("Graph Kernels for Molecules", both),
                    ("Sparse Coding of Natural Images", both),
                ],
            ),
            "b.txt": _page("Cy Park", [("Learning to Rank Proteins", ["Ana Ortiz", "Zed Quon"])]),
        },
    )
    assert len(_people_named(res, "Ana Ortiz-Lee", "Ana Ortiz")) == 2


def test_two_authors_of_one_paper_are_two_people_though_their_names_agree_weakly(
    tmp_path: Path,
) -> None:
    # the bearer of a double surname and the person named by one part of it, on one paper
    # shown twice by the carousel: both copies print both lines, so they are coauthors
    card = ("Graph Kernels for Molecules", ["Ana Ortiz-Lee", "Ana Ortiz", "Zed Quon"])
    res = _resolve(tmp_path, {"a.txt": _page("Bo Kim", [card, card])})
    assert len(_people_named(res, "Ana Ortiz-Lee", "Ana Ortiz")) == 2


def test_an_author_printed_twice_on_one_copy_and_once_on_another_is_one_person(
    tmp_path: Path,
) -> None:
    title = "Graph Kernels for Molecules"
    res = _resolve(
        tmp_path,
        {
            "a.txt": _page(
                "Bo Kim",
                [
                    (title, ["Ana Ortiz-Lee", "Ana Ortiz", "Zed Quon"]),
                    (title, ["Ana Ortiz-Lee", "Zed Quon"]),
                ],
            )
        },
    )
    assert len(_people_named(res, "Ana Ortiz-Lee", "Ana Ortiz")) == 1


_TOPICS = (
    "Sparse Coding of Natural Images",
    "Graph Kernels for Molecular Property Prediction",
    "Robust Planning under Partial Observability",
    "Curriculum Design for Embodied Agents",
    "Calibrated Uncertainty for Medical Image Segmentation",
    "Contrastive Pretraining of Speech Encoders",
    "Efficient Attention for Long Documents",
    "Causal Discovery from Mixed Observational Data",
)
_COAUTHORS = ("Zed Quon", "Yan Ruiz", "Ida Holm", "Lars Berg", "Paul Otto", "Eva Dahl",
              "Tom Berry", "Nina Falk", "Omar Haddad", "Rosa Milani", "Ugo Ferri",
              "Vera Lindqvist", "Kai Brandt", "Lea Moser", "Finn Sauer", "Ines Vidal",
              "Gus Pereira", "Hana Sato", "Jon Keller", "Mia Novak")  # fmt: skip


def _prolific(owner: str, author: str, papers: int, first: int, suffix: str) -> str:
    return _page(
        owner,
        [
            (
                f"{_TOPICS[i % len(_TOPICS)]} {suffix}" + (" Again" if i >= len(_TOPICS) else ""),
                [author, _COAUTHORS[(first + i) % len(_COAUTHORS)]],
            )
            for i in range(papers)
        ],
    )


def test_a_name_with_and_without_a_middle_initial_that_never_meet_are_two_people(
    tmp_path: Path,
) -> None:
    """Two printings of one name, each on many papers with coauthors, that share no paper, page
    or coauthor: one person's would have met, so they are two (the evidence says so)."""
    res = _resolve(
        tmp_path,
        {
            "a.txt": _prolific("Ann Lee", "Ximena Quarto", 10, 0, "in Practice"),
            "b.txt": _prolific("Bo Kim", "Ximena B. Quarto", 10, 10, "Revisited"),
        },
    )
    assert len(_people_named(res, "Ximena Quarto", "Ximena B. Quarto")) == 2
    # two papers each: too few to tell; the names' agreement joins them, and explain says why
    (tmp_path / "few").mkdir()
    res = _resolve(
        tmp_path / "few",
        {
            "a.txt": _prolific("Ann Lee", "Ximena Quarto", 2, 0, "in Practice"),
            "b.txt": _prolific("Bo Kim", "Ximena B. Quarto", 2, 10, "Revisited"),
        },
    )
    assert len(_people_named(res, "Ximena Quarto", "Ximena B. Quarto")) == 1
    terms = [dict(j.terms) for j in res.joins if "nothing in common" in dict(j.terms)]
    assert len(terms) == 1 and terms[0]["nothing in common"] < 0
