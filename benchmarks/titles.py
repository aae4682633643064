"""Measure the page reader's title-or-name decision on real text nobody tuned it to.

Right after an author line, a profile page's next line is either one more author or the title of
the next entry: that is where the reader confuses the two. This script puts every real title and
every real name in that position and counts the wrong readings:

* **titles**: the ``title`` of every entry in the BibTeX and CSL-JSON files of
  ``../shared/data`` as a page prints it (LaTeX decoded, spaces collapsed), unique; a title read
  as a name is an error. Every other field whose name ends in ``title`` (``booktitle``,
  ``journaltitle``, ``container-title``, ``shorttitle`` …) is measured too, as a harder set;
* **names**: every canonical name and every variant of ``acl-name-variants.yaml``, printed
  ``First Last`` as a page prints them (and the same with a ``, Jr.``-style suffix where the file
  gives one); a name read as a title is an error.

The decision measured is :func:`scholarkg.readers.page.classify_line` for a line that follows an
author line and is followed by a name, with nothing else known (no page, no other sources): the
hardest case, since a title is followed by its first author and a name may be followed by one more.
Both sets are split in two halves by a hash of the text (deterministic) and each half is reported
beside the whole: a figure estimated from these sets is estimated on half A only
(``rules.TITLE_CAPITALISED``), and half B is held out.

Below the table, ``--worlds N`` (default 10,000; 0 leaves it out) adds what the reader makes of
every page of each generated world at N listings (``titles_worlds.py``): author lines read as
titles and title lines read as authors, against the generator's truth.

Usage: ``python benchmarks/titles.py [--out benchmarks/TITLES.md] [--examples N] [--worlds N]
[--work DIR]``
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from names_acl import load_acl
from pylatexenc.latex2text import LatexNodes2Text
from titles_worlds import markdown as worlds_markdown
from titles_worlds import tally_worlds

from scholarkg.readers.page import Line, classify_line

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "benchmarks" / "TITLES.md"

_FIELD = re.compile(r"(?<![\w-])([A-Za-z-]*title)\s*=\s*([{\"])", re.IGNORECASE)
_LATEX = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)


def _balanced(text: str, start: int, opener: str) -> str | None:
    """The value of a BibTeX field that opens at ``start`` (``{…}`` or ``"…"``)."""
    depth, i = 0, start
    if opener == '"':
        end = start + 1
        while end < len(text):
            ch = text[end]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == '"' and depth == 0:
                return text[start + 1 : end]
            end += 1
        return None
    while i < len(text):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i]
        i += 1
    return None


def _printed(latex: str) -> str:
    try:
        text = _LATEX.latex_to_text(latex)
    except Exception:  # a malformed value is printed as it stands
        text = latex.replace("{", "").replace("}", "")
    return " ".join(text.split())


def bib_titles(path: Path) -> Iterator[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    for m in _FIELD.finditer(text):
        value = _balanced(text, m.end() - 1, m.group(2))
        if value is not None:
            yield m.group(1).lower(), _printed(value)


def csl_titles(path: Path) -> Iterator[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    # the one repair the data README names: date parts written "01"
    text = re.sub(r"(?<=[\[,\s])0(\d)(?=\s*[\],])", r"\1", text)
    for item in json.loads(text):
        for key, value in item.items():
            if key.endswith("title") and isinstance(value, str):
                yield key, " ".join(value.split())


def all_titles(data: Path = DATA, fields: tuple[str, ...] | None = ("title",)) -> dict[str, str]:
    """The titles in the shared BibTeX and CSL files, unique: text → field and file it came from.

    ``fields`` names the fields taken (``None``: every field whose name ends in ``title``)."""
    found: dict[str, str] = {}
    for path in sorted((data / "bib").glob("*.bib")):
        for field, title in bib_titles(path):
            if fields is None or field in fields:
                found.setdefault(title, f"{path.name} {field}")
    for path in sorted((data / "csl").glob("*.json")):
        for field, title in csl_titles(path):
            if fields is None or field in fields:
                found.setdefault(title, f"{path.name} {field}")
    return {t: w for t, w in found.items() if t}


def all_names(data: Path = DATA) -> dict[str, str]:
    """Every canonical name and variant of the ACL list, as a page prints it: text → line."""
    acl = load_acl(data / "acl-name-variants.yaml")
    found: dict[str, str] = {}
    for person in acl.people:
        for n in (person.canonical, *person.variants):
            if n.printed:
                found.setdefault(n.printed, f"line {n.line}")
    return found


def half(text: str) -> str:
    """A fixed split of the data in two halves, by a hash of the text."""
    return "A" if hashlib.sha256(text.encode()).digest()[0] % 2 == 0 else "B"


@dataclass(frozen=True, slots=True)
class Tally:
    what: str
    total: dict[str, int]
    wrong: dict[str, list[tuple[str, str]]]

    def rate(self, key: str) -> str:
        n, w = self.total[key], len(self.wrong[key])
        return f"{w} / {n:,} ({100 * w / n:.2f}%)" if n else "-"


def measure(items: dict[str, str], expect: str) -> Tally:
    previous = Line(1, "Ada Lovelace", "author")
    # what follows a title is its first author, and what follows a name may be one more: the
    # line after is a name in both, so it tells nothing (the hardest case)
    following = "Grace Hopper"
    total = {"all": 0, "A": 0, "B": 0}
    wrong: dict[str, list[tuple[str, str]]] = {"all": [], "A": [], "B": []}
    for text, where in sorted(items.items()):
        verdict = classify_line(text, previous=previous, following=following)
        for key in ("all", half(text)):
            total[key] += 1
            if verdict.kind != expect:
                wrong[key].append((text, f"{where}: {verdict.reason}"))
    return Tally(expect, total, wrong)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def report(examples: int = 50) -> tuple[str, Tally, Tally]:
    start = time.perf_counter()
    titles = measure(all_titles(), "title")
    other = measure(all_titles(fields=None), "title")
    names = measure(all_names(), "author")
    took = time.perf_counter() - start
    out = [
        "# Title or name: the page reader's decision on real text",
        "",
        f"Generated by `python benchmarks/titles.py` on {_dt.date.today().isoformat()} "
        f"({took:.1f} s).",
        "",
        "Each line is put right after an author line and before a name line, with nothing else "
        "known (no page around it, no other sources), and read by "
        "`scholarkg.readers.page.classify_line`. "
        "Titles: every title field of the BibTeX and CSL-JSON files in `../shared/data` "
        "(unique, LaTeX decoded). Names: every canonical name and variant in "
        "`acl-name-variants.yaml` printed `First Last` (unique). Halves A and B split each set "
        "by a hash of the text. The reader's rules were set by reasons given in `rules.py`; "
        "where one was estimated from these sets (the share of short titles written in capitals, "
        "`TITLE_CAPITALISED`), it was estimated on half A only: half B is held out.",
        "",
        "| set | expected | whole | half A | half B |",
        "|---|---|--:|--:|--:|",
        f"| titles | title | {titles.rate('all')} | {titles.rate('A')} | {titles.rate('B')} |",
        f"| names | author | {names.rate('all')} | {names.rate('A')} | {names.rate('B')} |",
        f"| every *title field (container, short, index, sort titles too) | title "
        f"| {other.rate('all')} | {other.rate('A')} | {other.rate('B')} |",
        "",
        "Target: under 0.1% each. *Titles* are the works' own `title` fields, which is what a "
        "page prints as an entry's title; the last row adds every other field whose name ends "
        "in `title` (journal and website names, short and sort titles), which a page never "
        "prints in that position, as a harder check.",
        "",
    ]
    for tally, label in (
        (titles, "Titles read as names"),
        (names, "Names read as titles"),
        (other, "Other title fields read as names"),
    ):
        out += [f"## {label}", ""]
        shown = tally.wrong["all"][:examples]
        out += [f"- `{t}` ({_md(w)})" for t, w in shown] or ["- none"]
        out.append("")
    return "\n".join(out), titles, names


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the markdown table")
    ap.add_argument("--examples", type=int, default=50, help="wrong readings listed per set")
    ap.add_argument("--worlds", type=int, default=10_000, help="listings per generated world")
    ap.add_argument("--work", type=Path, default=None, help="keep the generated worlds here")
    args = ap.parse_args(argv)
    text, _titles, _names = report(args.examples)
    if args.worlds:
        seed = 0
        tallies = tally_worlds(args.worlds, seed, args.work)
        text += "\n" + worlds_markdown(tallies, args.worlds, seed, args.examples)
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
