"""A person's coauthor network as an inline SVG, laid out when the site is built (no script).

The person sits in the middle, their most frequent coauthors on a circle around them (most
shared papers first, clockwise from the top); a spoke's width grows with the shared papers and
a chord joins two coauthors who share one of the person's papers. Each coauthor links to their
page. The layout depends only on the graph, so the same graph draws the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from .data import WebGraph

MAX_SHOWN = 24
_MARGIN = 150  # room for a name beside a node on the circle
_TOP = 32  # room above and below it


def _f(x: float) -> str:
    return f"{x:.1f}"


@dataclass(frozen=True, slots=True)
class _Ring:
    """Where ``n`` nodes go: the picture's size and centre, each node's coordinates and label
    placement, as text (computed once per ``n`` for the whole site)."""

    width: int
    height: int
    cx: str
    cy: str
    nodes: tuple[tuple[str, str, str, str, str], ...]  # x, y, label x, label y, text-anchor
    chords: dict[tuple[int, int], str]


@lru_cache(maxsize=MAX_SHOWN + 1)
def _ring(n: int) -> _Ring:
    radius = min(200, 70 + 12 * n)
    width, height = round(2 * (radius + _MARGIN)), round(2 * (radius + _TOP))
    cx, cy = width / 2, height / 2
    nodes = []
    for i in range(n):
        angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        right = math.cos(angle) >= -1e-9
        nodes.append(
            (_f(x), _f(y), _f(x + (8 if right else -8)), _f(y + 4), "start" if right else "end")
        )
    chords = {
        (
            i,
            j,
        ): f'<line x1="{nodes[i][0]}" y1="{nodes[i][1]}" x2="{nodes[j][0]}" y2="{nodes[j][1]}"/>'
        for i in range(n)
        for j in range(i + 1, n)
    }
    return _Ring(width, height, _f(cx), _f(cy), tuple(nodes), chords)


def coauthor_svg(
    graph: WebGraph,
    person: str,
    everyone: Sequence[tuple[str, int]],
    href: Callable[[str], str],
    max_shown: int = MAX_SHOWN,
) -> str:
    """The SVG markup for ``person``'s coauthors (``graph.coauthors(person)``, most shared
    first); ``href`` gives a person's link."""
    shown: Sequence[tuple[str, int]] = everyone[:max_shown]
    n = len(shown)
    ring = _ring(n)
    index = {iri: i for i, (iri, _) in enumerate(shown)}
    chords: set[tuple[int, int]] = set()
    for w in graph.works_of.get(person, ()):
        on = sorted({index[a] for a in graph.works[w].authors if a in index})
        for k, i in enumerate(on):
            for j in on[k + 1 :]:
                chords.add((i, j))
    name = graph.name_of(person)
    caption = (
        f"{name} and {n} coauthor{'s' if n != 1 else ''}"
        if n == len(everyone)
        else f"{name} and the {n} most frequent of {len(everyone)} coauthors"
    )
    cx, cy = ring.cx, ring.cy
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="network" '
        f'viewBox="0 0 {ring.width} {ring.height}" width="{ring.width}" height="{ring.height}" '
        f'role="img" aria-label="{escape(caption)}">',
        f"<title>{escape(caption)}</title>",
        '<g stroke="#b8c4d6" stroke-opacity="0.8">',
    ]
    out += [ring.chords[ij] for ij in sorted(chords)]
    out.append('</g><g stroke="#4a6fa5">')
    for (_, count), (x, y, *_) in zip(shown, ring.nodes, strict=True):
        width = _f(1 + 1.5 * math.log2(count))
        out.append(f'<line x1="{cx}" y1="{cy}" x2="{x}" y2="{y}" stroke-width="{width}"/>')
    out.append('</g><g font-family="sans-serif" font-size="13" fill="#1d2733">')
    for (iri, count), (x, y, lx, ly, anchor) in zip(shown, ring.nodes, strict=True):
        label = escape(graph.name_of(iri))
        out.append(
            f'<a href="{escape(href(iri))}"><title>{label}: {count} shared '
            f"paper{'s' if count != 1 else ''}</title>"
            f'<circle cx="{x}" cy="{y}" r="5" fill="#4a6fa5"/>'
            f'<text x="{lx}" y="{ly}" text-anchor="{anchor}">{label}</text></a>'
        )
    out.append(
        f'<circle cx="{cx}" cy="{cy}" r="9" fill="#c0392b"/>'
        f'<text x="{cx}" y="{_f(float(cy) - 14)}" text-anchor="middle" font-weight="bold">'
        f"{escape(name)}</text></g></svg>"
    )
    return "".join(out)
