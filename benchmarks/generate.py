"""Generate a synthetic institute: messy profile pages plus independent ground truth.

The pages reproduce the scraped profile format of ``shared/seeds/`` line for line::

    Portrait of NAME
    <blank>
    NAME
    <blank>
    ROLE
    JOB TITLE, EMPLOYER
    Research Topics
    topic lines...
    <blank>
    Publications
    <blank>
    entries: a title line, one line per author (the page owner left out), sometimes one
    abstract line cut by a "… (see more)" marker; no blank lines between entries and no
    newline after the last line.

Nothing here looks at the resolver in ``src/``: the truth is what the generator knows
because it made the people and papers before it printed them.

Usage::

    python benchmarks/generate.py OUT_DIR --listings N [--world NAME] [--seed S]
                                  [--rate NAME=VALUE ...]

or from Python (with ``benchmarks/`` on ``sys.path``)::

    generate_world(name, out_dir, listings, seed=0) -> GroundTruth    # one of WORLDS
    generate(out_dir, listings, seed=0, rates=MessRates()) -> GroundTruth  # the default world

and score a build with ``quality.score(truth_path, report_path) -> Scores``. The worlds
(``default``, ``population``, ``dense``, ``namesakes``, ``double``, ``acl`` and the held-out
``heldout``) are described in ``benchmarks/worlds/__init__.py``; the code lives in
``benchmarks/worlds/`` (``spec``: rates and world parameters; ``names`` and
``data/names.json``: people and name tables; ``titles``; ``institute``: labs, papers, cards and
pages; ``namesakes``: which namesakes nothing tells apart; ``write``: the files; ``acl``: real
names).
The same arguments give byte-identical files: one ``random.Random(seed)`` drives
everything, in a fixed order, and nothing depends on set order or string hashing.

A *listing* is one title line on a page (carousel copies and extra version cards count),
so ``listings`` is exactly the number of title lines written. Pages get between 20 and
300 listings each, long-tailed; ``listings`` must be at least 20.

Output layout (``OUT_DIR``):

``pages/NNNN.txt``
    One profile page per member, numbered in shuffled order (width grows past 4 digits
    when needed).

``truth.jsonl``
    JSON Lines, one object per page, in generation order::

        {"page": "pages/0007.txt",
         "owner": {"line": 3, "person": "p12"},
         "authors": [[24, "p5"], [25, "p12345"], ...],
         "titles": [[23, "w9"], [29, "w9"], ...],
         "mess": {"latex": [27], "dup": [29], ...}}

    Line numbers are 1-based in the written file. ``owner`` is the name line (line 3);
    ``authors`` maps every author line to its true person id; ``titles`` maps every
    title line to its true paper id. Person ids are ``p<int>`` and paper ids ``w<int>``,
    stable for a given seed. ``mess`` lists, per kind of mess, the lines that carry it
    (see ``MESS_TAGS``); it is there for error analysis and is not needed for scoring.

``people.jsonl``
    One object per printed person, by id: ``{"person": "p12", "name": "Wei Wang",
    "culture": "chinese"}`` (``name`` is the usual printed name; for error analysis).

``truth.json``
    One small JSON object: ``format``, ``seed``, ``listings``, ``rates``, ``summary``
    and ``pages_truth`` (the name of the JSON Lines file above, relative to this file).
    ``benchmarks/quality.py`` accepts either file. ``summary`` counts pages, listings
    (title lines), page_papers (distinct papers per page, summed), papers and persons
    (distinct true ids printed), members, author_lines, abstract_lines,
    confusable_persons, homonym_persons (printed people sharing their usual name with
    another printed person: a ceiling on what any resolver can separate by name alone),
    namesake_groups, indistinguishable_persons and indistinguishable_mentions (namesakes
    that nothing on the pages tells apart, see ``worlds/namesakes.py``), lines, bytes, and
    ``mess``: lines per tag. ``truth.json`` also has ``world``, ``world_params``,
    ``namesake_groups`` (lists of person ids printed under one usual name) and
    ``indistinguishable`` (person ids), which ``quality.py`` uses to score without them.

The world behind the pages (the ``default`` world; the others change its parameters):
members are grouped in labs of 1-6; each lab has its own
students and postdocs (recurring, Zipf-weighted), a neighbourhood of a shared pool of
external collaborators (a few prolific), members of other labs now and then, and
one-off coauthors made for a single paper. Papers have 1-12 authors; in a lab of
several members some papers belong to two members and are listed on both pages.
Names come from the first-name and surname lists below (English, Chinese, Cantonese,
Indian, Iberian, French, German, Dutch, Italian, Slavic, Turkish, Vietnamese, Arabic,
Nordic, Korean, Japanese, Persian, Greek, Hungarian, Hebrew, West/East/South African,
Romanian), with middle names, particles, hyphenated surnames and suffixes where the
culture has them. Usual (canonical) names are unique, except for deliberate namesakes
(``MessRates.homonym``) and deliberate look-alikes in one lab (``confusable``). Every
rate of mess is a field of ``MessRates``; per-mention rates are approximate, since one
mention can carry several kinds of mess.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, fields, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent)) if str(
    Path(__file__).resolve().parent
) not in sys.path else None

from worlds import HELD_OUT, TUNING, WORLDS, generate_world  # noqa: E402
from worlds.institute import EMPLOYERS, JOB_TITLES, ROLES, TOPICS  # noqa: E402
from worlds.names import (  # noqa: E402
    CULTURES,
    NICKNAMES,
    Culture,
    Person,
    _ascii_fold,
    latex_residue,
    make_person,
    render_variant,
)
from worlds.spec import (  # noqa: E402
    MAX_LISTINGS_PER_PAGE,
    MESS_TAGS,
    MIN_LISTINGS_PER_PAGE,
    TRUTH_FORMAT,
    GroundTruth,
    MessRates,
    Summary,
    World,
)
from worlds.titles import TITLE_TEMPLATES, VOCAB, sentence_case, title_case  # noqa: E402
from worlds.write import generate  # noqa: E402

__all__ = [
    "CULTURES",
    "EMPLOYERS",
    "HELD_OUT",
    "JOB_TITLES",
    "MAX_LISTINGS_PER_PAGE",
    "MESS_TAGS",
    "MIN_LISTINGS_PER_PAGE",
    "NICKNAMES",
    "ROLES",
    "TITLE_TEMPLATES",
    "TOPICS",
    "TRUTH_FORMAT",
    "TUNING",
    "VOCAB",
    "WORLDS",
    "Culture",
    "GroundTruth",
    "MessRates",
    "Person",
    "Summary",
    "World",
    "_ascii_fold",
    "generate",
    "generate_world",
    "latex_residue",
    "make_person",
    "render_variant",
    "sentence_case",
    "title_case",
]


def _parse_rate(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    known = {f.name for f in fields(MessRates)}
    if not sep or name not in known:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected NAME=VALUE with NAME one of {', '.join(sorted(known))}"
        )
    try:
        return name, float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: VALUE must be a number") from None


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: generate pages and truth, print the summary as JSON. Exit 0 ok, 2 bad input."""
    parser = argparse.ArgumentParser(
        description="Generate a synthetic institute of messy profile pages with ground truth."
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--listings", type=int, required=True, help="title lines in total")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--world", default="default", choices=sorted(WORLDS))
    parser.add_argument(
        "--rate", type=_parse_rate, action="append", default=[], metavar="NAME=VALUE",
        help="override one MessRates field (repeatable)",
    )  # fmt: skip
    parser.add_argument("--force", action="store_true", help="replace earlier output")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        world = WORLDS[args.world]
        rates = replace(world.rates, **dict(args.rate))
        truth = generate(
            args.out_dir, args.listings, args.seed, rates, overwrite=args.force, world=world
        )
    except (ValueError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(json.dumps(asdict(truth.summary), ensure_ascii=False, indent=1))
    print(
        f"wrote {truth.summary.pages} pages, {truth.summary.bytes / 1e6:.1f} MB "
        f"in {elapsed:.1f} s to {truth.out_dir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
