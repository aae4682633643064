"""Exports side by side with pyoxigraph's own ``Store.dump`` of the same store.

    python benchmarks/exports.py [BUILD_DIR…] [--names "10⁵ listings|…"] [--note TEXT]
                                 [--out benchmarks/RESULTS.md]

Each step runs as its own process under /usr/bin/time -v (wall time, peak memory) and writes a
file: ``scholarkg export`` in each format, and ``Store.read_only(…).dump(…)`` in N-Quads, Turtle
and JSON-LD. ``Store.dump`` is not deterministic (its order is the store's) and its JSON-LD is
expanded, not compacted; it is the speed to compare with. The table goes into RESULTS.md under
its own heading (the rest of the file is left as it is), with every size measured so far
(``benchmarks/work/exports-NAME.json``, one run each); with no BUILD_DIR it only rewrites the
table from those. Measurements, not assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
WORK = HERE / "work"
HEADING = "## Exports beside pyoxigraph's own dump"

DUMP = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
fmt = {"nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
       "jsonld": ox.RdfFormat.JSON_LD}[sys.argv[2]]
kw = {} if fmt is ox.RdfFormat.N_QUADS else {"from_graph": ox.DefaultGraph()}
store.dump(sys.argv[3], format=fmt, **kw)
"""

# (our format, the dump it is held against, the ratio the issue asks for)
PAIRS = [
    ("ntriples", "nquads", 1.5),
    ("nquads", "nquads", 1.5),
    ("turtle", "turtle", 2.0),
    ("jsonld", "jsonld", 2.0),
]


def timed(argv: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak MB, CPU seconds: user + system) of one process."""
    r = subprocess.run(["/usr/bin/time", "-v", *argv], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{r.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", r.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    assert wall and peak, r.stderr
    parts = [float(x) for x in wall.group(1).split(":")]
    seconds = sum(p * 60**i for i, p in enumerate(reversed(parts)))
    cpu = sum(
        float(m.group(1))
        for m in re.finditer(r"(?:User|System) time \(seconds\): ([\d.]+)", r.stderr)
    )
    return seconds, int(peak.group(1)) / 1024, cpu


def measure(build: Path, tmp: Path) -> dict[str, Any]:
    store = build / "store"
    n = subprocess.run(
        [
            str(BIN / "python"),
            "-c",
            "import sys, pyoxigraph as ox; print(len(ox.Store.read_only(sys.argv[1])))",
            str(store),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    row: dict[str, Any] = {"triples": int(n), "load": [os.getloadavg()[0]]}
    for fmt in ("nquads", "turtle", "jsonld"):
        out = tmp / f"dump.{fmt}"
        row[f"dump {fmt}"] = timed([str(BIN / "python"), "-c", DUMP, str(store), fmt, str(out)])
        row[f"dump {fmt} bytes"] = out.stat().st_size
        out.unlink()
    for fmt, _, _ in PAIRS:
        out = tmp / f"ours.{fmt}"
        argv = [str(BIN / "scholarkg"), "export", "--format", fmt, "--output", str(out)]
        row[f"ours {fmt}"] = timed([*argv, "--out", str(build)])
        row[f"ours {fmt} bytes"] = out.stat().st_size
        out.unlink()
    row["load"].append(os.getloadavg()[0])
    row["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return row


def table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    head = "| | " + " | ".join(name for name, _ in rows) + " |"
    lines = [head, "|---" * (len(rows) + 1) + "|"]
    lines.append("| triples | " + " | ".join(f"{r['triples']:,}" for _, r in rows) + " |")
    for fmt, against, target in PAIRS:
        cells = []
        for _, r in rows:
            ours_s, ours_mb, ours_cpu = r[f"ours {fmt}"]
            dump_s, dump_mb, dump_cpu = r[f"dump {against}"]
            ratio = ours_cpu / dump_cpu
            mark = "✓" if ratio <= target else "✗"
            cells.append(
                f"CPU {ours_cpu:.1f} s vs {dump_cpu:.1f} s: **{ratio:.2f}×** {mark}; wall "
                f"{ours_s:.1f} s vs {dump_s:.1f} s ({ours_s / dump_s:.2f}×); peak "
                f"{ours_mb:,.0f} MB vs {dump_mb:,.0f} MB"
            )
        label = f"`export --format {fmt}` vs `Store.dump` {against} (target ≤ {target}×)"
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("builds", nargs="*", type=Path)
    parser.add_argument("--names", help="column names, '|'-separated (default: folder names)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--note", default="", help="a paragraph to add below the table")
    args = parser.parse_args()
    names = args.names.split("|") if args.names else [b.name for b in args.builds]
    WORK.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scholarkg-bench-") as tmp:
        for name, build in zip(names, args.builds, strict=True):
            row = measure(build, Path(tmp))
            (WORK / f"exports-{name}.json").write_text(json.dumps(row), encoding="utf-8")
    # every size measured so far (a later, bigger run joins the table)
    saved = [
        (p.stem.removeprefix("exports-"), json.loads(p.read_text(encoding="utf-8")))
        for p in WORK.glob("exports-*.json")
    ]
    rows = sorted(saved, key=lambda nr: int(nr[1]["triples"]))
    print(table(rows), flush=True)
    cpus = os.cpu_count()
    runs = "; ".join(
        f"{name}: {r.get('date', 'date not recorded')}, load average "
        + (" → ".join(f"{x:.1f}" for x in r["load"]) if "load" in r else "not recorded")
        for name, r in rows
    )
    section = (
        f"{HEADING}\n\n"
        f"`python benchmarks/exports.py BUILD…` on {platform.machine()} with {cpus} cores shared "
        f"with other jobs ({runs}; each column is one run of every step). The ratio ✓/✗ is "
        "taken on CPU time, user + system, which the sharing inflates much less than wall time; "
        "wall time is shown too. Each cell: ours vs pyoxigraph `Store.dump` of the same "
        "store, each a whole process writing a file, peak memory of each. Ours is "
        "byte-deterministic (sorted; compacted JSON-LD); `Store.dump` writes in store order "
        "and expanded JSON-LD.\n\n" + table(rows) + "\n" + (f"\n{args.note}\n" if args.note else "")
    )
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else "# Benchmarks\n"
    if HEADING in text:
        start = text.index(HEADING)
        nxt = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[nxt + 1 :] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
