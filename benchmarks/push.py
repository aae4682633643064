"""Push throughput into real stores: triples per second, by each protocol.

    python benchmarks/push.py [BUILD_DIR] [--name "10^5 listings"] [--stores oxigraph,virtuoso]
                              [--note TEXT]

Each store is started fresh on 127.0.0.1 and a free port, in a temp folder (the same set-up as
the tests: tests/publish/stores.py), and stopped after. For each store the build is pushed by
the Graph Store Protocol, then pushed again by SPARQL Update (which replaces it: the second
row also measures the swap of a graph that already holds the data). Each push ends with the
store's own count and the sample query, so a row is a push the store confirmed. The table goes
into RESULTS.md under its own heading, with every run saved so far (benchmarks/work/push-NAME.json);
with no BUILD_DIR it only rewrites the table from those. Measurements, not assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
HEADING = "## Push into SPARQL stores"
sys.path.insert(0, str(HERE.parent / "tests" / "publish"))

from stores import OxigraphServer, Server, VirtuosoServer  # noqa: E402

from scholarkg.publish.push import push  # noqa: E402
from scholarkg.store import open_build  # noqa: E402

STORES: dict[str, type[Server]] = {"oxigraph": OxigraphServer, "virtuoso": VirtuosoServer}


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(build: Path, store_name: str, chunk_mb: float) -> list[dict[str, Any]]:
    store = open_build(build)
    rows = []
    with tempfile.TemporaryDirectory(prefix=f"scholarkg-push-{store_name}-") as tmp:
        server = STORES[store_name](Path(tmp))
        server.start()
        try:
            for graph_store in (True, False):
                assert server.proc is not None
                server_cpu = cpu_seconds(server.proc.pid)
                client_cpu = time.process_time()
                result = push(
                    store,
                    server.target(graph_store=graph_store),
                    "https://kg.example.org/graph",
                    chunk_bytes=int(chunk_mb * 2**20),
                    timeout=1800,
                )
                rows.append(
                    {
                        "store": store_name,
                        "protocol": result.plan.protocol,
                        "triples": result.plan.triples,
                        "chunks": result.plan.chunks,
                        "seconds": result.seconds,
                        "per_second": result.triples_per_second,
                        "confirmed": result.remote_triples,
                        "swap": result.swap,
                        "send_seconds": result.send_seconds,
                        "swap_seconds": result.swap_seconds,
                        "client_cpu": time.process_time() - client_cpu,
                        "server_cpu": cpu_seconds(server.proc.pid) - server_cpu,
                    }
                )
                print(rows[-1], flush=True)
        finally:
            server.stop()
    return rows


def table(saved: list[tuple[str, list[dict[str, Any]]]]) -> str:
    lines = [
        "| build | store | protocol | triples | chunks | seconds | triples/s | sending: s, "
        "triples/s | swap s | CPU s: scholarkg, store | store's count |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, rows in saved:
        for r in rows:
            send = r.get("send_seconds")
            sending = f"{send:.1f}, {r['triples'] / send:,.0f}" if send else "–"
            swap = f"{r['swap_seconds']:.1f} ({r['swap']})" if "swap_seconds" in r else "–"
            cpu = f"{r['client_cpu']:.1f}, {r['server_cpu']:.1f}" if "client_cpu" in r else "–"
            lines.append(
                f"| {name} | {r['store']} | {r['protocol']} | {r['triples']:,} | {r['chunks']} "
                f"| {r['seconds']:.1f} | {r['per_second']:,.0f} | {sending} | {swap} | {cpu} "
                f"| {r['confirmed']:,} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build", type=Path, nargs="?")
    parser.add_argument("--name", default=None)
    parser.add_argument("--stores", default="oxigraph,virtuoso")
    parser.add_argument("--chunk-mb", type=float, default=4.0)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--note", default="", help="a paragraph to add below the table")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.build is not None:
        name = args.name or args.build.name
        rows = [r for s in args.stores.split(",") for r in measure(args.build, s, args.chunk_mb)]
        (WORK / f"push-{name}.json").write_text(json.dumps(rows), encoding="utf-8")
    saved = sorted(
        (
            (p.stem.removeprefix("push-"), json.loads(p.read_text(encoding="utf-8")))
            for p in WORK.glob("push-*.json")
        ),
        key=lambda nr: nr[1][0]["triples"],
    )
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    section = (
        f"{HEADING}\n\n`python benchmarks/push.py` on {when}, {os.cpu_count()} cores shared with "
        f"other jobs; chunks of {args.chunk_mb:g} MB; the store on the same machine (loopback), "
        "so this is the stores' ingest rate plus scholarkg's, not a network's. Seconds include "
        "clearing staging, every chunk, the count, the swap and the checks; sending is the "
        "chunks into the staging graph (the sorted stream they come from included), swap the "
        "store's MOVE alone; CPU is user + system of the pushing process and of the store's "
        "server, which a shared machine does not inflate as it does wall time.\n\n"
        + table(saved)
        + "\n"
        + (f"\n{args.note}\n" if args.note else "")
    )
    text = args.out.read_text(encoding="utf-8")
    if HEADING in text:
        start = text.index(HEADING)
        nxt = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[nxt + 1 :] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    args.out.write_text(text, encoding="utf-8")
    print(table(saved))


if __name__ == "__main__":
    main()
