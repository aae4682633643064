"""Generated worlds: messy profile pages with mention-level ground truth.

API (stable; other benchmarks and the resolution work build on it)::

    from worlds import WORLDS, generate_world        # with benchmarks/ on sys.path
    truth = generate_world("dense", out_dir, listings=10_000, seed=0)
    truth.truth_path   # truth.json: header, summary, namesake groups, indistinguishable ids
    truth.pages_truth_path  # truth.jsonl: every author line -> person id, title line -> paper id

    from quality import score
    scores = score(truth.truth_path, build_dir / "report.json")   # B-cubed and pairwise

``generate_world(name, out_dir, listings, seed=0, *, overwrite=False) -> GroundTruth`` writes
``out_dir/pages/*.txt``, ``out_dir/truth.jsonl`` and ``out_dir/truth.json``; the same
arguments give the same bytes. ``WORLDS`` maps each name to its ``World`` (all parameters).

The worlds (``WORLDS``; ``TUNING`` are the ones to tune on, ``HELD_OUT`` the one not to):

``default``
    The original generator, byte for byte: unique usual names, 1% namesakes of prolific
    pool people, every kind of page mess.
``population``
    (a) Given and family names drawn with Zipf-like population frequencies per culture
    (Chinese, Korean and Vietnamese surnames very concentrated, long tails elsewhere), and
    no redraw on a clash: namesakes arise as often as the frequencies make them.
``dense``
    (b) Dense pools: only the 25 most common given and family names of eight cultures, so
    many people share a given name and a family name, but each full name (with a middle
    initial where needed) is one person; three directors coauthor across every lab and
    sit on hundreds of pages.
``namesakes``
    (c) Many exact namesakes: 12% of new people and 5% of members carry the usual name of
    an earlier person (anyone, not only prolific ones). ``truth.json`` counts the ones
    nothing on the pages can tell apart (see ``worlds/namesakes.py``).
``double``
    (d) Double surnames: many hyphenated family names; half of their bearers have a
    different person named by one part (``Ana Ortiz-Lee`` / ``Ana Ortiz``) printed nearby;
    bearers sometimes drop a part themselves.
``acl``
    (e) Real names: people are the ACL Anthology's curated people
    (``../shared/data/acl-name-variants.yaml``), printed as their canonical name or, 35% of
    mentions, one of their curated variants, exactly as the file has them; once the 3,735
    real people are used up, new people get generated names.
``heldout``
    (f) HELD OUT: built last, with its own culture mix, name frequencies, page sizes (10-450,
    longer tail), lab sizes, author counts and mess rates (more initials, duplicates,
    namesakes, LaTeX, short titles). Nobody tunes on it: report it, never fit to it. Its
    parameters were set once when it was written, without looking at any resolver's
    score on it, and are not to be changed to move a score.

Every world also prints short titles of capitalised words (``Neural Tangents``) now and then
(``MessRates.short_title``), which after an author list can pass for one more name; the
``default`` world does not, to stay byte-identical.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .spec import GroundTruth, MessRates, World
from .write import generate

__all__ = ["HELD_OUT", "TUNING", "WORLDS", "GroundTruth", "MessRates", "World", "generate_world"]

_SHORT = 0.02  # short capitalised titles in every world but the default

WORLDS: dict[str, World] = {
    "default": World(),
    "population": World(
        name="population",
        about="(a) names drawn with Zipf-like population frequencies; natural namesakes",
        rates=MessRates(short_title=_SHORT),
        name_mode="population",
        given_zipf=0.9,
        given_tail=0.5,
        surname_zipf=(
            ("chinese", 1.0, 0.0),
            ("cantonese", 1.0, 0.0),
            ("korean", 1.2, 0.0),
            ("vietnamese", 1.3, 0.0),
            ("indian", 0.8, 0.4),
            ("english", 0.9, 0.75),
        ),
        surname_zipf_default=(0.9, 0.6),
    ),
    "dense": World(
        name="dense",
        about="(b) dense pools of given and family names, each full name one person; directors",
        rates=MessRates(short_title=_SHORT),
        culture_weights=(
            ("english", 0.2),
            ("chinese", 0.3),
            ("indian", 0.15),
            ("iberian", 0.1),
            ("french", 0.05),
            ("german", 0.05),
            ("vietnamese", 0.05),
            ("korean", 0.1),
        ),
        head_names=25,
        given_tail=0.0,
        surname_tail=0.0,
        directors=3,
        director_rate=0.12,
        pool_divisor=15,
    ),
    "namesakes": World(
        name="namesakes",
        about="(c) many exact namesakes: same printed name, different people",
        rates=MessRates(short_title=_SHORT, homonym=0.12),
        homonym_scope="all",
        member_homonym=0.05,
    ),
    "double": World(
        name="double",
        about="(d) double surnames whose parts are other people; bearers drop a part",
        rates=MessRates(short_title=_SHORT, hyphen=0.3, hyphen_drop=0.4),
        culture_weights=(
            ("iberian", 0.3),
            ("english", 0.2),
            ("french", 0.1),
            ("german", 0.1),
            ("chinese", 0.15),
            ("indian", 0.15),
        ),
        hyphen_boost=4.0,
        part_surname=0.5,
    ),
    "acl": World(
        name="acl",
        about="(e) real names and their curated spelling variants (ACL Anthology)",
        rates=MessRates(
            short_title=_SHORT, acl_variant=0.35, initials=0.03, latex=0.1, ascii=0.1, case=0.005
        ),
        acl_names=True,
    ),
    # HELD OUT: built last; not to be tuned on (see the module docstring).
    "heldout": World(
        name="heldout",
        about="(f) held out: other culture mix, frequencies, page sizes and mess rates",
        rates=MessRates(
            duplicate=0.6,
            duplicate_altered=0.3,
            double_print=0.04,
            nickname=0.4,
            initials=0.12,
            middle=0.3,
            case=0.02,
            latex=0.3,
            ascii=0.3,
            hyphen=0.25,
            hyphen_drop=0.3,
            particle=0.3,
            suffix=0.4,
            shared=0.25,
            member_coauthor=0.06,
            version=0.08,
            sibling=0.04,
            abstract=0.5,
            confusable=0.5,
            homonym=0.04,
            short_title=0.03,
        ),
        culture_weights=(
            ("chinese", 0.25),
            ("vietnamese", 0.1),
            ("korean", 0.1),
            ("indian", 0.15),
            ("persian", 0.05),
            ("arabic", 0.05),
            ("english", 0.1),
            ("slavic", 0.05),
            ("turkish", 0.05),
            ("african", 0.05),
            ("japanese", 0.05),
        ),
        name_mode="population",
        given_zipf=1.1,
        given_tail=0.4,
        surname_zipf_default=(1.1, 0.4),
        part_surname=0.3,
        hyphen_boost=2.0,
        homonym_scope="all",
        member_homonym=0.02,
        directors=2,
        director_rate=0.06,
        min_page=10,
        max_page=450,
        page_tail=1.1,
        lab_size_weights=(20, 20, 20, 15, 10, 8, 7),
        author_count_weights=(2, 6, 10, 12, 13, 12, 10, 9, 8, 6, 5, 4, 3),
        pool_divisor=20,
    ),
}
TUNING = ("default", "population", "dense", "namesakes", "double", "acl")
HELD_OUT = "heldout"


def generate_world(
    name: str, out_dir: str | Path, listings: int, seed: int = 0, *, overwrite: bool = False
) -> GroundTruth:
    """Write world ``name`` with ``listings`` title lines into ``out_dir`` (see the module)."""
    try:
        world = WORLDS[name]
    except KeyError:
        raise ValueError(f"unknown world {name!r}; known: {', '.join(WORLDS)}") from None
    return generate(out_dir, listings, seed, overwrite=overwrite, world=replace(world))
