"""Write one world: pages, ``truth.jsonl`` and ``truth.json``."""

from __future__ import annotations

import json
import random
from dataclasses import asdict, replace
from pathlib import Path

from .acl import load_acl
from .institute import _Institute, _lab_sizes
from .namesakes import indistinguishable
from .spec import TRUTH_FORMAT, GroundTruth, MessRates, Summary, World


def generate(
    out_dir: str | Path,
    listings: int,
    seed: int = 0,
    rates: MessRates | None = None,
    *,
    overwrite: bool = False,
    world: World | None = None,
) -> GroundTruth:
    """Write a synthetic institute of ``listings`` title lines into ``out_dir``.

    Raises ``ValueError`` for fewer than 20 listings and ``FileExistsError`` when
    ``out_dir`` already holds pages or truth, unless ``overwrite`` (which removes only
    ``pages/*.txt``, ``truth.json``, ``truth.jsonl`` and ``people.jsonl``).
    """
    world = world or World()
    if rates is not None:
        world = replace(world, rates=rates)
    rates = world.rates
    if listings < world.min_page:
        raise ValueError(f"listings={listings}: need at least {world.min_page} (one page's worth)")
    out = Path(out_dir)
    pages_dir = out / "pages"
    truth_path = out / "truth.json"
    lines_path = out / "truth.jsonl"
    people_path = out / "people.jsonl"
    existing = sorted(pages_dir.glob("*.txt")) if pages_dir.is_dir() else []
    if existing or truth_path.exists() or lines_path.exists():
        if not overwrite:
            raise FileExistsError(
                f"{out}: already holds generated pages or truth; pass overwrite=True (--force)"
            )
        for path in existing:
            path.unlink()
        truth_path.unlink(missing_ok=True)
        lines_path.unlink(missing_ok=True)
        people_path.unlink(missing_ok=True)
    pages_dir.mkdir(parents=True, exist_ok=True)

    rng = random.Random(seed)
    acl = load_acl() if world.acl_names else ()
    inst = _Institute(rng, world, listings, acl)
    n_pages = len(inst.sizes)
    numbers = list(range(1, n_pages + 1))
    rng.shuffle(numbers)
    width = max(4, len(str(n_pages)))
    mess_counts: dict[str, int] = {}
    totals = {"listings": 0, "page_papers": 0, "author_lines": 0, "abstract_lines": 0}
    n_lines = 0
    n_bytes = 0
    start = 0
    with lines_path.open("w", encoding="utf-8", newline="\n") as truth_out:
        for lab_size in _lab_sizes(rng, n_pages, world.lab_size_weights):
            members = inst.members[start : start + lab_size]
            budgets = inst.sizes[start : start + lab_size]
            for page, k in zip(
                inst.lab(members, budgets), range(start, start + lab_size), strict=True
            ):
                lines, record = inst.page_lines(page)
                relpath = f"pages/{numbers[k]:0{width}d}.txt"
                data = "\n".join(lines).encode("utf-8")
                (out / relpath).write_bytes(data)
                n_lines += len(lines)
                n_bytes += len(data)
                titles = record["titles"]
                assert isinstance(titles, list)
                totals["listings"] += len(titles)
                totals["page_papers"] += len({t[1] for t in titles})
                authors = record["authors"]
                assert isinstance(authors, list)
                totals["author_lines"] += len(authors)
                mess = record["mess"]
                assert isinstance(mess, dict)
                for tag, tagged in mess.items():
                    mess_counts[tag] = mess_counts.get(tag, 0) + len(tagged)
                totals["abstract_lines"] += len(mess.get("abstract", ()))
                truth_out.write(
                    json.dumps(
                        {"page": relpath, **record}, ensure_ascii=False, separators=(",", ":")
                    )
                )
                truth_out.write("\n")
            start += lab_size
    with people_path.open("w", encoding="utf-8", newline="\n") as people_out:
        for pid in sorted(inst.printed_people):
            person = inst.printed_people[pid]
            row = {"person": f"p{pid}", "name": person.canonical, "culture": person.culture}
            people_out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    groups = [[f"p{pid}" for pid in pids] for pids in inst.name_pids.values() if len(pids) > 1]
    groups.sort(key=lambda g: int(g[0][1:]))
    hidden, hidden_lines = indistinguishable(lines_path, groups)
    summary = Summary(
        pages=n_pages,
        listings=totals["listings"],
        page_papers=totals["page_papers"],
        papers=sum(inst.listed),
        persons=sum(inst.mentioned),
        members=inst.n_members,
        author_lines=totals["author_lines"],
        abstract_lines=totals["abstract_lines"],
        confusable_persons=inst.counts.get("confusable_persons", 0),
        homonym_persons=sum(n for n in inst.name_counts.values() if n > 1),
        namesake_groups=len(groups),
        indistinguishable_persons=len(hidden),
        indistinguishable_mentions=hidden_lines,
        lines=n_lines,
        bytes=n_bytes,
        mess={k: mess_counts[k] for k in sorted(mess_counts)},
    )
    header = {
        "format": TRUTH_FORMAT,
        "world": world.name,
        "seed": seed,
        "listings": listings,
        "rates": asdict(rates),
        "summary": asdict(summary),
        "pages_truth": lines_path.name,
        "people": people_path.name,
        "world_params": asdict(replace(world, rates=MessRates())) | {"rates": "see rates"},
        "namesake_groups": groups,
        "indistinguishable": sorted(hidden, key=lambda p: int(p[1:])),
    }
    truth_path.write_text(json.dumps(header, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return GroundTruth(world.name, out, truth_path, lines_path, summary)
