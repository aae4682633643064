"""Read every generated world's pages and count author lines read as titles, and back.

Each world of ``benchmarks/worlds`` is generated at ``listings`` title lines (seed ``seed``), its
pages are read together by :func:`scholarkg.readers.page.read_pages`, as a build reads them (no
other sources), and each line the truth (``truth.jsonl``) calls an author or a title is looked up
among what the reader made of it: an author line the reader opened a listing with is an *author read
as a title*; a title line it kept as one more author of the entry before is a *title read as an
author*. Lines the truth calls short titles (``mess: short_title``, capitalised words that can pass
for a name) are counted apart, since they are the hard titles.

Usage: ``python benchmarks/titles_worlds.py [--listings 10000] [--seed 0] [--work DIR]``
(``benchmarks/titles.py --worlds N`` adds the table to ``TITLES.md``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from worlds import WORLDS, generate_world

from scholarkg.readers.page import read_pages


@dataclass(slots=True)
class WorldTally:
    """What the reader made of one world's author and title lines."""

    world: str
    author_lines: int = 0
    title_lines: int = 0
    short_titles: int = 0
    authors_as_titles: list[tuple[str, str]] = field(default_factory=list)
    titles_as_authors: list[tuple[str, str]] = field(default_factory=list)
    short_as_authors: int = 0


def tally_world(name: str, root: Path) -> WorldTally:
    """Read the pages under ``root`` (a generated world) and compare with its truth."""
    tally = WorldTally(name)
    with (root / "truth.jsonl").open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    profiles = {p.path: p for p in read_pages([root / "pages"])}
    for record in records:
        page = root / record["page"]
        profile = profiles[str(page)]
        titles = {listing.source.line for listing in profile.listings}
        authors = {a.source.line for listing in profile.listings for a in listing.authors}
        lines = page.read_text(encoding="utf-8").split("\n")
        short = set(record.get("mess", {}).get("short_title", []))
        for n, _pid in record["authors"]:
            tally.author_lines += 1
            if n in titles:
                tally.authors_as_titles.append((lines[n - 1], f"{record['page']}:{n}"))
        for n, _wid in record["titles"]:
            tally.title_lines += 1
            tally.short_titles += n in short
            if n in authors:
                tally.titles_as_authors.append((lines[n - 1], f"{record['page']}:{n}"))
                tally.short_as_authors += n in short
    return tally


def tally_worlds(
    listings: int, seed: int = 0, work: Path | None = None, names: Iterable[str] = WORLDS
) -> list[WorldTally]:
    """Generate each world (into ``work``, or a temporary folder) and tally its reading."""
    with tempfile.TemporaryDirectory() as tmp:
        base = work or Path(tmp)
        out = []
        for name in names:
            root = base / f"{name}-{listings}-{seed}"
            if not (root / "truth.jsonl").exists():
                generate_world(name, root, listings, seed, overwrite=True)
            out.append(tally_world(name, root))
        return out


def markdown(tallies: Sequence[WorldTally], listings: int, seed: int, examples: int = 20) -> str:
    out = [
        f"## Generated worlds: {listings:,} listings each (seed {seed})",
        "",
        "Every page of each world of `benchmarks/worlds` read by "
        "`scholarkg.readers.page.read_pages` "
        "(the pages together, as a build reads them), against the generator's truth "
        "(`python benchmarks/titles_worlds.py`). Short titles are the generator's titles of two "
        "or three capitalised words.",
        "",
        "| world | author lines | read as titles | title lines | read as authors "
        "| of them short titles |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for t in tallies:
        out.append(
            f"| {t.world} | {t.author_lines:,} | {len(t.authors_as_titles)} "
            f"| {t.title_lines:,} | {len(t.titles_as_authors)} "
            f"| {t.short_as_authors} of {t.short_titles} |"
        )
    out.append("")
    for label, attr in (
        ("Author lines read as titles", "authors_as_titles"),
        ("Title lines read as authors", "titles_as_authors"),
    ):
        wrong = [(t.world, text, where) for t in tallies for text, where in getattr(t, attr)]
        out += [f"### {label}", ""]
        out += [f"- {w}: `{text}` ({where})" for w, text, where in wrong[:examples]] or ["- none"]
        if len(wrong) > examples:
            out.append(f"- … and {len(wrong) - examples} more")
        out.append("")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--listings", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", type=Path, default=None, help="keep generated worlds here")
    ap.add_argument("--world", action="append", help="only this world (repeatable)")
    args = ap.parse_args(argv)
    tallies = tally_worlds(args.listings, args.seed, args.work, args.world or list(WORLDS))
    print(markdown(tallies, args.listings, args.seed, examples=200))
    return 0


if __name__ == "__main__":
    sys.exit(main())
