"""Benchmarks: scholarkg beside the naive pipeline and beside splink, on generated worlds.

    python benchmarks/run.py [--sizes 1000,10000,100000] [--stretch] [--out benchmarks/RESULTS.md]
                             [--quality-sizes 10000,100000] [--worlds a,b] [--splink-timeout S]
                             [--skip-system] [--skip-quality] [--saved-quality]

Two parts, each written to RESULTS.md:

**System** (``--sizes``; ``--skip-system`` keeps the part already in RESULTS.md as it is):
For each size (listings) it generates an institute (benchmarks/generate.py, seeded), then
measures, each as a whole process under /usr/bin/time -v (wall time, peak memory):

* ``scholarkg build`` (read, clean, resolve, map, load, check) and its stages' shares;
* ``scholarkg check`` on the build; ``scholarkg coauthors NAME --topic T`` (the process, and the
  query alone in-process); the all-coauthor-pairs aggregation on the store;
* ``scholarkg export`` to Turtle and to JSON-LD;
* the floor: pyoxigraph bulk-loading the same triples from an N-Triples file;
* the naive pipeline (benchmarks/naive.py: rdflib graph triple by triple, pySHACL, rdflib
  serializers) on the same pages;
* resolution quality against the generator's ground truth (benchmarks/quality.py).

**Resolution quality per world** (``--quality-sizes``, ``--worlds``; every world of
``benchmarks/worlds``, the held-out one last): for each world and size, the world is generated
(seed ``--seed``), built by ``scholarkg build`` and resolved by splink
(``benchmarks/splink_peer.py``, the same mentions from scholarkg's reader and cleaner), and
both are scored by ``benchmarks/quality.py``: people B-cubed precision/recall/F1, pairwise
precision/recall, the same without the namesakes nothing on the pages tells apart, person nodes
against true people, papers with their author list exactly right, and seconds (resolution
alone, and the whole process). splink runs under ``--splink-timeout``; a run stopped there is
reported as such. Rows are saved per world and size in ``benchmarks/work/quality``;
``--saved-quality`` renders from them without running anything.

It prints the tables and writes them to RESULTS.md with the machine and the date. Timings are
measurements, not assertions: nothing here fails when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
BIN = Path(sys.executable).parent
SCHOLARKG = str(BIN / "scholarkg")


@dataclass
class Run:
    seconds: float
    peak_mb: float
    stdout: str = ""


@dataclass
class Row:
    listings: int
    values: dict[str, Any] = field(default_factory=dict)


def timed(
    cmd: list[str], cwd: Path = REPO, timeout: float | None = None, allow_failure: bool = False
) -> Run:
    """Run a command under /usr/bin/time -v: wall seconds and peak resident memory.

    With a timeout, a command still running then is stopped: ``seconds`` is the time it ran
    and ``stdout`` is "TIMEOUT".
    """
    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(timer + cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Run(time.perf_counter() - t0, float("nan"), "TIMEOUT")
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1) and allow_failure:
        return Run(wall, float("nan"), proc.stderr[-3000:])
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    peak = float("nan")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if m:
        peak = int(m.group(1)) / 1024
    return Run(wall, peak, proc.stdout)


def generate(listings: int, seed: int) -> Path:
    folder = WORK / f"inst-{listings}-s{seed}"
    if (folder / "truth.json").exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(folder), "--listings", str(listings),
         "--seed", str(seed)],
        check=True, capture_output=True,
    )  # fmt: skip
    return folder


def pick_question(out: Path) -> tuple[str, str]:
    """A member with many papers, and the topic most of their tagged papers carry."""
    from scholarkg.store import open_build, select

    store = open_build(out)
    q = """SELECT ?name ?label (COUNT(DISTINCT ?w) AS ?n) WHERE {
      ?p <http://schema.org/memberOf> ?m ; <http://schema.org/name> ?name .
      ?w <http://schema.org/author> ?p ; <http://schema.org/about> ?t .
      ?t <http://www.w3.org/2004/02/skos/core#prefLabel> ?label .
    } GROUP BY ?name ?label ORDER BY DESC(?n) ?name ?label LIMIT 1"""
    rows = list(select(store, q))
    return rows[0]["name"], rows[0]["label"]


def in_process_queries(out: Path, name: str, topic: str, pairs: bool = True) -> dict[str, float]:
    from scholarkg.query import coauthor_pairs, coauthors
    from scholarkg.store import open_build

    store = open_build(out)
    coauthors(store, name, topic)  # warm-up
    samples = []
    for _ in range(7):
        t0 = time.perf_counter()
        answer = coauthors(store, name, topic)
        samples.append(time.perf_counter() - t0)
    result = {
        "coauthors_query_ms": statistics.median(samples) * 1000,
        "coauthors_rows": len(answer.coauthors),
    }
    if pairs:
        t0 = time.perf_counter()
        result["pairs_rows"] = len(coauthor_pairs(store))
        result["pairs_s"] = time.perf_counter() - t0
    return result


def floor(out: Path, tmp: Path) -> Run:
    nt = tmp / "floor.nt"
    with nt.open("wb") as fh:
        subprocess.run(
            [SCHOLARKG, "export", "--format", "ntriples", "--out", str(out)], stdout=fh, check=True
        )
    code = (
        "import pyoxigraph as ox, sys; s = ox.Store(sys.argv[1]); "
        "s.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_TRIPLES); s.flush()"
    )
    store_dir = tmp / "floor-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    run = timed([sys.executable, "-c", code, str(store_dir), str(nt)])
    nt.unlink()
    shutil.rmtree(store_dir, ignore_errors=True)
    return run


def bench(listings: int, seed: int, naive: bool, naive_timeout: float, quick: bool) -> Row:
    from quality import score

    row = Row(listings)
    inst = generate(listings, seed)
    pages = sorted((inst / "pages").glob("*.txt"))
    tmp = WORK / f"run-{listings}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    out = tmp / "out"
    v = row.values
    v["pages"] = len(pages)

    build = timed([SCHOLARKG, "build", str(inst / "pages"), "--out", str(out)])
    report = json.loads((out / "report.json").read_text())
    v["build_s"], v["build_mb"] = build.seconds, build.peak_mb
    v["triples"] = report["summary"]["triples"]
    v["stages"] = report["timings_seconds"]
    v["conforms"] = report["check"]["conforms"]

    check = timed([SCHOLARKG, "check", "--out", str(out)])
    v["check_s"], v["check_mb"] = check.seconds, check.peak_mb

    name, topic = pick_question(out)
    v["question"] = (name, topic)
    cmd = timed([SCHOLARKG, "coauthors", name, "--topic", topic, "--out", str(out)])
    v["coauthors_process_s"] = cmd.seconds
    v.update(in_process_queries(out, name, topic, pairs=not quick))

    for fmt, ext in () if quick else (("turtle", "ttl"), ("jsonld", "jsonld")):
        r = timed(
            [
                SCHOLARKG,
                "export",
                "--format",
                fmt,
                "--output",
                str(tmp / f"g.{ext}"),
                "--out",
                str(out),
            ]
        )
        v[f"export_{fmt}_s"], v[f"export_{fmt}_mb"] = r.seconds, r.peak_mb
        (tmp / f"g.{ext}").unlink()

    fl = floor(out, tmp)
    v["floor_s"], v["floor_mb"] = fl.seconds, fl.peak_mb

    scores = score(inst / "truth.json", out / "report.json")
    v["quality"] = {
        kind: {
            "precision": getattr(scores, kind).precision,
            "recall": getattr(scores, kind).recall,
            "b3_f1": getattr(scores, kind).b3_f1,
        }
        for kind in ("people", "papers")
    }

    if naive:
        r = timed(
            [sys.executable, str(HERE / "naive.py"), *map(str, pages), "--out", str(tmp / "naive")],
            timeout=naive_timeout,
        )
        if r.stdout == "TIMEOUT":
            v["naive_timeout_s"] = r.seconds
            shutil.rmtree(tmp, ignore_errors=True)
            return row
        steps = dict(
            (ln.split()[0], float(ln.split()[1])) for ln in r.stdout.splitlines() if ln.strip()
        )
        v["naive_s"], v["naive_mb"] = r.seconds, r.peak_mb
        v["naive_steps"] = steps
    shutil.rmtree(tmp, ignore_errors=True)
    return row


# -- resolution quality per world -------------------------------------------------------

QUALITY_MARK = "## Resolution quality per world"


def world_dir(world: str, listings: int, seed: int) -> Path:
    from worlds import generate_world

    folder = WORK / f"world-{world}-{listings}-s{seed}"
    if (folder / "truth.json").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    generate_world(world, folder, listings, seed)
    return folder


def _people_figures(scores: Any) -> dict[str, Any]:
    p = scores.people
    sep = scores.people_separable
    return {
        "b3_p": p.b3_precision,
        "b3_r": p.b3_recall,
        "b3_f1": p.b3_f1,
        "pw_p": p.precision,
        "pw_r": p.recall,
        "sep_b3_f1": sep.b3_f1 if sep else None,
        "sep_pw_p": sep.precision if sep else None,
        "sep_pw_r": sep.recall if sep else None,
        "nodes": scores.person_nodes,
        "people": scores.true_people,
        "missing": p.missing,
        "exact": scores.author_lists_exact,
        "papers": scores.papers_total,
        "authors_as_titles": scores.authors_read_as_titles,
        "titles_as_authors": scores.titles_read_as_authors,
    }


def bench_world(world: str, listings: int, seed: int, splink_timeout: float) -> dict[str, Any]:
    from quality import load_report_sections, score_sections

    inst = world_dir(world, listings, seed)
    header = json.loads((inst / "truth.json").read_text(encoding="utf-8"))
    tmp = WORK / f"quality-run-{world}-{listings}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    row: dict[str, Any] = {"world": world, "listings": listings, "summary": header["summary"]}
    out = tmp / "out"
    build = timed([SCHOLARKG, "build", str(inst / "pages"), "--out", str(out)])
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    mentions, listings = load_report_sections(out / "report.json")
    scores = score_sections(inst / "truth.json", mentions, listings)
    ours = _people_figures(scores)
    ours.update(
        process_s=build.seconds,
        resolve_s=report["timings_seconds"].get("resolve"),
        peak_mb=build.peak_mb,
        papers_b3_f1=scores.papers.b3_f1,
        papers_pw_p=scores.papers.precision,
        papers_pw_r=scores.papers.recall,
        conforms=report["check"]["conforms"],
    )
    row["ours"] = ours
    shutil.rmtree(out, ignore_errors=True)
    predictions = tmp / "splink.json"
    if splink_timeout <= 0:  # not run
        shutil.rmtree(tmp, ignore_errors=True)
        return row
    run = timed(
        [sys.executable, str(HERE / "splink_peer.py"), str(inst / "pages"), "--out",
         str(predictions)],
        timeout=splink_timeout,
        allow_failure=True,
    )  # fmt: skip
    if run.stdout == "TIMEOUT":
        row["splink"] = {"timeout_s": run.seconds}
    elif not predictions.exists():
        row["splink"] = {"failed": run.stdout[-500:]}
    else:
        data = json.loads(predictions.read_text(encoding="utf-8"))
        # splink resolves the people; the papers are ours, so that "exact lists" compare
        peer = _people_figures(score_sections(inst / "truth.json", data["mentions"], listings))
        peer.update(
            process_s=run.seconds,
            resolve_s=data["timings_seconds"]["resolve"],
            peak_mb=run.peak_mb,
            version=data["splink"],
            threshold=data["threshold"],
        )
        row["splink"] = peer
    shutil.rmtree(tmp, ignore_errors=True)
    return row


def _f(x: Any, digits: int = 4) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def render_quality(rows: list[dict[str, Any]], seed: int) -> str:
    from worlds import HELD_OUT, WORLDS

    order = {name: i for i, name in enumerate(WORLDS)}
    rows = sorted(rows, key=lambda r: (order.get(r["world"], 99), r["listings"]))
    lines = [
        QUALITY_MARK,
        "",
        f"Run {dt.date.today().isoformat()} by `benchmarks/run.py` (worlds of "
        f"`benchmarks/worlds`, seed {seed}) on: {machine()}.",
        "",
        "The worlds (`benchmarks/worlds/__init__.py`); *indistinguishable* namesakes are people "
        "sharing their usual name with another printed person whose mentions no page, "
        "coauthor or paper links together apart from the other's "
        "(`benchmarks/worlds/namesakes.py`). The held-out world "
        f"(`{HELD_OUT}`) was built last and is reported, never tuned on.",
        "",
        "| world | listings | pages | author lines | true people | namesake groups "
        "| indistinguishable people (their mention lines) | what it tests |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        s = r["summary"]
        about = WORLDS[r["world"]].about if r["world"] in WORLDS else ""
        lines.append(
            f"| {r['world']} | {r['listings']:,} | {s['pages']:,} | {s['author_lines']:,} "
            f"| {s['persons']:,} | {s['namesake_groups']:,} | {s['indistinguishable_persons']:,} "
            f"({s['indistinguishable_mentions']:,}) | {about} |"
        )
    lines += [
        "",
        "People, per mention (every author line and owner line). B³ = B-cubed (as S2AND "
        "publishes); *w/o indist.* = the same without the indistinguishable namesakes' "
        "mentions; *nodes* = person nodes made / true people; *exact lists* = papers whose "
        "author list is exactly right (`quality.py`; splink's people with our papers); *lost* "
        "= author lines without a person (read as titles by the reader both share). Seconds: "
        "*resolve* is resolution alone (ours: the build's resolve stage; splink: training, "
        "prediction and clustering), *process* the "
        "whole process (ours: `scholarkg build`, read → check with the store written; splink: "
        "read, clean and resolve).",
        "",
        "| world | listings | resolver | B³ P | B³ R | **B³ F1** | pairwise P | pairwise R "
        "| B³ F1 w/o indist. | pairwise P / R w/o indist. | nodes | exact lists | lost "
        "| resolve s | process s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        for who in ("ours", "ours_before", "splink"):
            v = r.get(who)
            if who == "ours_before" and v is None:
                continue
            name = {"ours": "scholarkg", "splink": "splink"}.get(who, r.get("before_label", who))
            head = f"| {r['world']} | {r['listings']:,} | {name} "
            if v is None:
                lines.append(head + "| not run |" + " |" * 12)
                continue
            if "timeout_s" in v:
                lines.append(
                    head + f"| stopped after {v['timeout_s']:.0f} s (time limit) |" + " |" * 12
                )
                continue
            if "failed" in v:
                lines.append(head + "| failed |" + " |" * 12)
                continue
            sep = f"{_f(v['sep_pw_p'])} / {_f(v['sep_pw_r'])}" if v["sep_pw_p"] is not None else "—"
            lost = v["missing"]
            lines.append(
                head + f"| {_f(v['b3_p'])} | {_f(v['b3_r'])} | **{_f(v['b3_f1'])}** "
                f"| {_f(v['pw_p'])} | {_f(v['pw_r'])} | {_f(v['sep_b3_f1'])} | {sep} "
                f"| {v['nodes']:,} / {v['people']:,} | {v['exact']:,} / {v['papers']:,} "
                f"| {lost:,} | {fmt_s(v['resolve_s'])} | {fmt_s(v['process_s'])} |"
            )
    lines += [
        "",
        "Papers (ours; splink resolves people only): B³ F1 and pairwise precision / recall, "
        "and title lines read as author lines.",
        "",
        "| world | listings | papers B³ F1 | pairwise P / R | titles read as authors "
        "| graph conforms |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        v = r["ours"]
        lines.append(
            f"| {r['world']} | {r['listings']:,} | {_f(v['papers_b3_f1'])} "
            f"| {_f(v['papers_pw_p'])} / {_f(v['papers_pw_r'])} | {v['titles_as_authors']:,} "
            f"| {v['conforms']} |"
        )
    versions = sorted({r["splink"]["version"] for r in rows if "version" in r.get("splink", {})})
    if versions:
        lines += [
            "",
            f"splink {', '.join(versions)} (DuckDB backend), set up as "
            "`benchmarks/splink_peer.py` says: blocking on surname and first initial, "
            "Jaro-Winkler name comparisons with term-frequency adjustments, coauthor overlap, "
            "same page, EM training, clusters at match probability 0.95.",
        ]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    import pyoxigraph
    import pyshacl
    import rdflib

    return (
        f"{os.cpu_count()} cores ({cpu}){mem}; Python {platform.python_version()}, "
        f"pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}, "
        f"pyshacl {pyshacl.__version__}"
    )


def fmt_s(x: float) -> str:
    return f"{x:.2f}" if x < 100 else f"{x:.0f}"


def render(rows: list[Row], seed: int) -> str:
    def col(key: str, f: Any = fmt_s) -> list[str]:
        return [f(r.values[key]) if key in r.values else "—" for r in rows]

    heads = [f"{r.listings:,} listings" for r in rows]
    lines = [
        "# Benchmarks",
        "",
        f"Run {dt.date.today().isoformat()} by `make bench` (benchmarks/run.py, generator "
        f"seed {seed}) on: {machine()}.",
        "",
        "Seconds are wall time of the whole process (`/usr/bin/time -v`) unless marked "
        "in-process; memory is peak resident set size.",
        "",
        "| | " + " | ".join(heads) + " |",
        "|---|" + "---|" * len(rows),
    ]

    def add(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    add("profile pages", col("pages", str))
    add("triples written", col("triples", lambda x: f"{x:,}"))
    add("**build** (read→check), s", col("build_s"))
    add("build peak memory, MB", col("build_mb", lambda x: f"{x:,.0f}"))
    stage_names = ("read", "clean", "resolve", "map", "load", "check")
    for st in stage_names:
        add(
            f"&nbsp;&nbsp;{st} share",
            [
                f"{100 * r.values['stages'].get(st, 0) / r.values['build_s']:.0f}% "
                f"({r.values['stages'].get(st, 0):.2f} s)"
                if "stages" in r.values
                else "—"
                for r in rows
            ],
        )
    add("graph conforms to the shapes", col("conforms", str))
    add("`check` on the build, s", col("check_s"))
    add("`coauthors NAME --topic T`, whole process, s", col("coauthors_process_s"))
    add(
        "&nbsp;&nbsp;its query alone (in-process, median of 7), ms",
        col("coauthors_query_ms", lambda x: f"{x:.1f}"),
    )
    add("all coauthor pairs with counts (in-process), s", col("pairs_s"))
    add("export Turtle, s", col("export_turtle_s"))
    add("export JSON-LD (compacted), s", col("export_jsonld_s"))
    add(
        "export peak memory (Turtle / JSON-LD), MB",
        [
            f"{r.values['export_turtle_mb']:,.0f} / {r.values['export_jsonld_mb']:,.0f}"
            if "export_turtle_mb" in r.values
            else "—"
            for r in rows
        ],
    )
    add("floor: pyoxigraph bulk load of the same N-Triples, s", col("floor_s"))
    add(
        "build ÷ floor",
        [
            f"{r.values['build_s'] / r.values['floor_s']:.1f}×" if "floor_s" in r.values else "—"
            for r in rows
        ],
    )
    add(
        "**naive pipeline**: parse + rdflib graph + pySHACL, s",
        [
            fmt_s(sum(r.values["naive_steps"].get(k, 0) for k in ("parse", "build", "validate")))
            if "naive_steps" in r.values
            else "not run"
            for r in rows
        ],
    )
    add(
        "naive pipeline, whole process incl. Turtle + JSON-LD, s",
        [
            fmt_s(r.values["naive_s"])
            if "naive_s" in r.values
            else f"> {r.values['naive_timeout_s']:.0f} (stopped)"
            if "naive_timeout_s" in r.values
            else "not run"
            for r in rows
        ],
    )
    add("naive peak memory, MB", col("naive_mb", lambda x: f"{x:,.0f}"))
    add(
        "**naive (whole process) ÷ build**",
        [
            f"{r.values['naive_s'] / r.values['build_s']:.1f}×"
            if "naive_s" in r.values
            else f"> {r.values['naive_timeout_s'] / r.values['build_s']:.0f}×"
            if "naive_timeout_s" in r.values
            else "—"
            for r in rows
        ],
    )
    add(
        "naive Turtle / JSON-LD serialization, s",
        [
            f"{r.values['naive_steps']['turtle']:.2f} / {r.values['naive_steps']['jsonld']:.2f}"
            if "naive_steps" in r.values
            else "—"
            for r in rows
        ],
    )
    for kind in ("people", "papers"):
        add(
            f"{kind}: B³ F1",
            [
                _f(r.values["quality"][kind].get("b3_f1")) if "quality" in r.values else "—"
                for r in rows
            ],
        )
        add(
            f"{kind}: pairwise precision / recall",
            [
                f"{r.values['quality'][kind]['precision']:.4f} / "
                f"{r.values['quality'][kind]['recall']:.4f}"
                if "quality" in r.values
                else "—"
                for r in rows
            ],
        )
    lines.append("")
    qs = [
        f"{r.listings:,}: coauthors of {r.values['question'][0]!r} on "
        f"{r.values['question'][1]!r} ({r.values.get('coauthors_rows', 0)} rows)"
        for r in rows
        if "question" in r.values
    ]
    lines.append("Questions asked: " + "; ".join(qs) + ".")
    lines.append("")
    if len(rows) >= 2:
        growth = []
        for a, b in itertools.pairwise(rows):
            growth.append(
                f"{a.listings:,} → {b.listings:,} listings: build time "
                f"×{b.values['build_s'] / a.values['build_s']:.1f}"
            )
        lines.append("Growth: " + "; ".join(growth) + ".")
        lines.append("")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--stretch", action="store_true", help="also run 1,000,000 listings")
    parser.add_argument(
        "--naive-max",
        type=int,
        default=100_000,
        help="run the naive pipeline up to this many listings",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--naive-timeout",
        type=float,
        default=1800.0,
        help="stop the naive pipeline after this many seconds",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="skip the exports and the all-pairs query (for the stretch size)",
    )
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    parser.add_argument(
        "--saved", default="", help="sizes to take from an earlier run's saved rows"
    )
    parser.add_argument("--quality-sizes", default="10000,100000")
    parser.add_argument("--worlds", default="", help="comma-separated; default: every world")
    parser.add_argument(
        "--splink-timeout",
        type=float,
        default=1800.0,
        help="stop splink after this many seconds (reported as stopped); 0: do not run it",
    )
    parser.add_argument(
        "--skip-system", action="store_true", help="keep RESULTS.md's system part as it is"
    )
    parser.add_argument(
        "--skip-quality", action="store_true", help="keep RESULTS.md's quality part as it is"
    )
    parser.add_argument(
        "--saved-quality",
        action="store_true",
        help="render the quality part from saved rows, running nothing",
    )
    args = parser.parse_args(argv)
    out_path = Path(args.out)
    old = out_path.read_text(encoding="utf-8") if out_path.exists() else ""
    system = None if args.skip_system else run_system(args)
    quality = None if args.skip_quality else run_quality(args)
    text = splice(old, system, quality)
    out_path.write_text(text, encoding="utf-8")
    print(text)
    return 0


def splice(old: str, system: str | None, quality: str | None) -> str:
    """RESULTS.md with its system part and its quality part replaced (None keeps a part as it
    is); the sections other benchmarks write after the quality part (exports, push) are kept."""
    old_system, mark, old_quality = old.partition(QUALITY_MARK)
    cut = old_quality.find("\n## ")
    after = old_quality[cut:] if cut >= 0 else ""
    old_quality = old_quality[:cut] if cut >= 0 else old_quality
    system = old_system.rstrip() + "\n" if system is None else system
    quality = mark + old_quality if quality is None else quality
    text = system.rstrip() + "\n\n" + quality if quality else system
    return text.rstrip() + "\n\n" + after.lstrip("\n") if after else text


def run_quality(args: argparse.Namespace) -> str:
    from worlds import WORLDS

    names = [w for w in args.worlds.split(",") if w] or list(WORLDS)
    sizes = [int(x) for x in args.quality_sizes.split(",") if x]
    rows_dir = WORK / "quality"
    rows_dir.mkdir(parents=True, exist_ok=True)
    if args.saved_quality:
        rows = [json.loads(p.read_text()) for p in sorted(rows_dir.glob(f"*-s{args.seed}.json"))]
        return render_quality(rows, args.seed)
    rows = []
    for n in sizes:
        for name in names:
            print(f"… {name}, {n:,} listings", file=sys.stderr, flush=True)
            row = bench_world(name, n, args.seed, args.splink_timeout)
            (rows_dir / f"{name}-{n}-s{args.seed}.json").write_text(json.dumps(row, indent=1))
            rows.append(row)
            print(render_quality(rows, args.seed), file=sys.stderr, flush=True)
    # rows saved earlier for other worlds or sizes join the table
    for path in sorted(rows_dir.glob(f"*-s{args.seed}.json")):
        row = json.loads(path.read_text())
        if not any((r["world"], r["listings"]) == (row["world"], row["listings"]) for r in rows):
            rows.append(row)
    return render_quality(rows, args.seed)


def run_system(args: argparse.Namespace) -> str:
    sizes = [int(x) for x in args.sizes.split(",") if x]
    if args.stretch:
        sizes.append(1_000_000)
    saved = {int(x) for x in args.saved.split(",") if x}
    rows_dir = WORK / "rows"
    rows_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in sorted(set(sizes) | saved):
        path = rows_dir / f"{n}-s{args.seed}.json"
        if n in saved:
            rows.append(Row(n, json.loads(path.read_text())))
            continue
        print(f"… {n:,} listings", file=sys.stderr, flush=True)
        row = bench(n, args.seed, n <= args.naive_max, args.naive_timeout, args.quick)
        path.write_text(json.dumps(row.values, indent=1))
        rows.append(row)
        print(render(rows, args.seed), file=sys.stderr)
    return render(rows, args.seed)


if __name__ == "__main__":
    sys.exit(main())
