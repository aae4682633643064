"""Benchmark: `scholarkg site` on generated institutes, up to ~10^4 people and beyond.

For each size (listings) it generates an institute (benchmarks/generate.py, seed 0), builds it,
and then, in this process, times reading the graph for the web (scholarkg.web.data.load), the
whole site (scholarkg.web.build_site: read, JSON-LD, HTML, SVG, files), and one member's
JSON-LD block (scholarkg.web.person_jsonld, as `export --person` does). Writes
benchmarks/SITE.md.

Usage::

    python benchmarks/site.py [--sizes 1000 14000 30000] [--work benchmarks/work/site] [--reuse]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from scholarkg.config import Config  # noqa: E402
from scholarkg.pipeline import build  # noqa: E402
from scholarkg.store import open_build  # noqa: E402
from scholarkg.web import build_site, data, person_jsonld  # noqa: E402

BASE = "https://kg.example.org/"


def measure(listings: int, work: Path, reuse: bool = False) -> dict[str, str]:
    inst = work / f"inst-{listings}"
    if not (inst / "pages").is_dir():
        generate(inst, listings, seed=0, overwrite=True)
    out = work / f"out-{listings}"
    if not (reuse and (out / "store").is_dir()):  # a build of older code is no measure
        shutil.rmtree(out, ignore_errors=True)
        build([inst / "pages"], out, Config(base=BASE), check=False)
    store = open_build(out)
    t = time.perf_counter()
    graph = data.load(store)
    load_s = time.perf_counter() - t
    member = min(p.iri for p in graph.people.values() if p.is_member)
    del graph
    dest = work / f"site-{listings}"
    load_avg = os.getloadavg()[0]
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    result = build_site(store, dest, BASE)
    site_s = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu_s = cpu1.ru_utime - cpu0.ru_utime + cpu1.ru_stime - cpu0.ru_stime
    t = time.perf_counter()
    person_jsonld(store, member, BASE)
    one_s = time.perf_counter() - t
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    shutil.rmtree(dest)
    return {
        "listings": f"{listings:,}",
        "people (pages)": f"{result.people:,}",
        "members": f"{result.members:,}",
        "papers (pages)": f"{result.papers:,}",
        "files written": f"{result.files:,}",
        "site size, MB": f"{size / 1e6:.1f}",
        "read the graph for the web, s": f"{load_s:.2f}",
        "**whole site** (read + JSON-LD + HTML + SVG + write), wall s": f"{site_s:.2f}",
        "&nbsp;&nbsp;its CPU time (user + system), s": f"{cpu_s:.2f}",
        "&nbsp;&nbsp;machine load average when it started": f"{load_avg:.1f}",
        "one member's block (`export --person`), s": f"{one_s:.3f}",
        "peak memory of this process so far, MB": (
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
        ),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 14000])
    ap.add_argument("--work", type=Path, default=HERE / "work" / "site")
    ap.add_argument("--output", type=Path, default=HERE / "SITE.md")
    ap.add_argument("--reuse", action="store_true", help="reuse earlier builds in --work")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    columns = []
    for n in args.sizes:
        print(f"measuring {n:,} listings …", file=sys.stderr)
        columns.append(measure(n, args.work, args.reuse))
    rows = list(columns[0])
    lines = [
        "# Benchmark: the static site",
        "",
        f"Run {dt.date.today()} by `python benchmarks/site.py --sizes "
        f"{' '.join(map(str, args.sizes))}` on {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Seconds are in-process, after the build. The machine is "
        "shared: where its load average is above its cores, wall time is mostly waiting, "
        "and the CPU time is what the site costs.",
        "",
        "| | " + " | ".join(c["listings"] + " listings" for c in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for r in rows[1:]:
        lines.append(f"| {r} | " + " | ".join(c[r] for c in columns) + " |")
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.output.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
