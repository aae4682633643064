"""The peer: the same mentions resolved by splink (DuckDB backend), set up as its docs advise.

    python benchmarks/splink_peer.py PAGES_DIR --out PREDICTIONS_JSON [--threshold 0.95]

Needs the optional extra ``bench`` (``pip install -e '.[bench]'``). Writes
``{"mentions": {"path:line": "splink:CLUSTER", ...}, "timings_seconds": {...}, ...}``, which
``quality.score_sections(truth, mentions, {})`` scores beside our build (people only: splink
resolves the people; papers stay ours).

**Same mentions.** The pages are read and cleaned by scholarkg's own reader and cleaner
(``read_pages``, ``clean_profiles``: LaTeX residue repaired, names parsed into given and family
parts), so both resolvers start from identical records and only resolution differs. One record
per author line and per owner name line:

``unique_id``       ``path:line``
``given``           the first given name (or initial), folded: lower case, no accents
``middle``          initials of the other given names, or NULL
``family``          the family name, folded
``given_initial``   first letter of ``given``
``page``            the page the mention is on (its owner)
``coauthors``       folded family names of the listing's other authors, owner included (for an
                    owner's name line: every family name printed on the page)

**Model** (splink 4/5 API; the settings its documentation gives for deduplicating people by
name, with coauthors as an array column):

* blocking rule for predictions: ``block_on("family", "given_initial")`` (surname and initial);
* comparisons: ``NameComparison("given")`` and ``NameComparison("family")``, each with
  term-frequency adjustments (the library's Jaro-Winkler levels 0.92 / 0.88 / 0.7 below exact);
  ``ExactMatch("middle")``; ``ArrayIntersectAtSizes("coauthors", [3, 1])`` (coauthor overlap);
  ``ExactMatch("page")``;
* training: the prior from a deterministic rule (exact given and family, recall 0.7); u by
  random sampling (2e6 pairs); m by expectation maximisation in two sessions, blocked on
  surname and initial, then on given name and the surname's first letter; on at most 60,000
  records (a seeded sample beyond that, applied to all: EM on every record of 10^5 listings
  does not finish in bounded time on 2 cores);
* ``predict`` (pairs above match probability 0.5 kept), then
  ``cluster_pairwise_predictions_at_threshold`` at ``--threshold`` (0.95, the docs' example).

Nothing here is tuned to the generated worlds: the settings are written once, as above.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from scholarkg.clean import clean_profiles
from scholarkg.names import fold
from scholarkg.readers.page import read_pages
from scholarkg.records import CleanProfile, Mention

MAX_TRAIN = 60_000  # records the model is trained on (a seeded sample beyond that)
U_PAIRS = 2e6  # random pairs for the u probabilities (the docs' examples use 1e6 to 1e7)


def _row(m: Mention, page: str, coauthors: list[str]) -> dict[str, Any]:
    given = [fold(g) for g in m.name.given]
    given = [g for g in given if g]
    first = given[0] if given else None
    middle = "".join(g[0] for g in given[1:]) or None
    return {
        "unique_id": str(m.source),
        "given": first,
        "middle": middle,
        "family": fold(m.name.family) or None,
        "given_initial": first[0] if first else None,
        "page": page,
        "coauthors": coauthors,
    }


def records(profiles: Sequence[CleanProfile]) -> list[dict[str, Any]]:
    """One record per author line and per owner name line of the cleaned pages."""
    rows: list[dict[str, Any]] = []
    for profile in profiles:
        page = profile.path
        families: set[str] = set()
        for listing in profile.listings:
            people = list(listing.authors)
            if listing.owner is not None:
                people.append(listing.owner)
            names = [fold(p.name.family) for p in people]
            families.update(n for n in names if n)
            for i, m in enumerate(listing.authors):
                others = sorted({n for j, n in enumerate(names) if j != i and n})
                rows.append(_row(m, page, others))
        if profile.owner is not None:
            own = fold(profile.owner.name.family)
            rows.append(_row(profile.owner, page, sorted(families - {own})))
    return rows


def settings() -> Any:
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[block_on("family", "given_initial")],
        comparisons=[
            cl.NameComparison("given").configure(term_frequency_adjustments=True),
            cl.NameComparison("family").configure(term_frequency_adjustments=True),
            cl.ExactMatch("middle"),
            cl.ArrayIntersectAtSizes("coauthors", [3, 1]),
            cl.ExactMatch("page"),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def train(rows: list[dict[str, Any]], timings: dict[str, float]) -> dict[str, Any]:
    """Estimate the model on ``rows``; returns splink's model dict (settings with m, u)."""
    from splink import DuckDBAPI, Linker, block_on

    t0 = time.perf_counter()
    db_api = DuckDBAPI()
    table = db_api.register(rows, dataset_display_name="training")  # via pyarrow
    linker = Linker(table, settings())
    training = linker.training
    training.estimate_probability_two_random_records_match(
        [block_on("given", "family")], recall=0.7
    )
    t = time.perf_counter()
    timings["setup_prior"] = t - t0
    training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=1)
    timings["train_u"] = time.perf_counter() - t
    t = time.perf_counter()
    # m by EM, in two sessions: blocked on surname and initial (trains the given-name,
    # middle, coauthor and page comparisons), then on given name and the surname's first
    # letter (trains the surname comparison)
    training.estimate_parameters_using_expectation_maximisation(block_on("family", "given_initial"))
    training.estimate_parameters_using_expectation_maximisation(
        block_on("given", "substr(family, 1, 1)")
    )
    t1 = time.perf_counter()
    timings["train_m"] = t1 - t
    timings["train"] = t1 - t0
    model: dict[str, Any] = linker.misc.save_model_to_json()
    return model


def resolve(
    rows: list[dict[str, Any]], threshold: float, max_train: int = MAX_TRAIN
) -> tuple[dict[str, str], dict[str, float]]:
    """Cluster the records with splink; returns (unique_id -> cluster id, stage seconds).

    The model is trained on at most ``max_train`` records (a seeded sample when there are
    more: splink's EM is run on a sample for large data, as its docs suggest), then applied
    to all of them.
    """
    from splink import DuckDBAPI, Linker

    timings: dict[str, float] = {}
    sample = rows
    if len(rows) > max_train:
        sample = random.Random(1).sample(rows, max_train)
    model = train(sample, timings)
    db_api = DuckDBAPI()
    table = db_api.register(rows, dataset_display_name="mentions")
    linker = Linker(table, model)
    t1 = time.perf_counter()
    pairs = linker.inference.predict(threshold_match_probability=0.5)
    t2 = time.perf_counter()
    timings["predict"] = t2 - t1
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        pairs, threshold_match_probability=threshold
    )
    result = clusters.as_duckdbpyrelation().select("unique_id, cluster_id").fetchall()
    timings["cluster"] = time.perf_counter() - t2
    mapping = {str(uid): f"splink:{cid}" for uid, cid in result}
    return mapping, timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("pages", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--threshold", type=float, default=0.95)
    args = parser.parse_args(argv)
    import logging

    logging.getLogger("splink").setLevel(logging.WARNING)
    t0 = time.perf_counter()
    profiles = clean_profiles(read_pages([args.pages]))
    rows = records(profiles)
    t1 = time.perf_counter()
    mapping, timings = resolve(rows, args.threshold)
    timings = {"read_clean": t1 - t0, **timings, "resolve": time.perf_counter() - t1}
    import splink

    args.out.write_text(
        json.dumps(
            {
                "mentions": mapping,
                "records": len(rows),
                "splink": splink.__version__,
                "threshold": args.threshold,
                "timings_seconds": timings,
            }
        ),
        encoding="utf-8",
    )
    print(json.dumps(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
