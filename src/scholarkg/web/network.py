"""A person's coauthor network as an inline SVG, laid out when the site is built (no script).

The person sits in the middle, their most frequent coauthors on a circle around them (most
shared papers first, clockwise from the top); a spoke's width grows with the shared papers and
a chord joins two coauthors who share one of the person's papers. Each coauthor links to their
page. The layout depends only on the graph, so the same graph draws the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from .data import WebGraph

MAX_SHOWN = 24
_MARGIN = 150  # room for a name beside a node on the circle


def _f(x: float) -> str:
    return f"{x:.1f}"


def coauthor_svg(
    graph: WebGraph, person: str, href: Callable[[str], str], max_shown: int = MAX_SHOWN
) -> str:
    """The SVG markup for ``person``'s coauthors; ``href`` gives a person's link."""
    everyone = graph.coauthors(person)
    shown: Sequence[tuple[str, int]] = everyone[:max_shown]
    radius = min(200, 70 + 12 * len(shown))
    size = round(2 * (radius + _MARGIN))
    c = size / 2
    pos: dict[str, tuple[float, float, float]] = {}
    n = len(shown)
    for i, (iri, _) in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        pos[iri] = (c + radius * math.cos(angle), c + radius * math.sin(angle), angle)
    chords: set[tuple[str, str]] = set()
    for w in graph.works_of.get(person, ()):
        on = sorted({a for a in graph.works[w].authors if a in pos})
        for i, a in enumerate(on):
            for b in on[i + 1 :]:
                chords.add((a, b))
    name = graph.name_of(person)
    caption = (
        f"{name} and {n} coauthor{'s' if n != 1 else ''}"
        if n == len(everyone)
        else f"{name} and the {n} most frequent of {len(everyone)} coauthors"
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="network" viewBox="0 0 {size} {size}" '
        f'width="{size}" height="{size}" role="img" aria-label="{escape(caption)}">',
        f"<title>{escape(caption)}</title>",
        '<g stroke="#b8c4d6" stroke-opacity="0.8">',
    ]
    for a, b in sorted(chords):
        (x1, y1, _), (x2, y2, _) = pos[a], pos[b]
        out.append(f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}"/>')
    out.append('</g><g stroke="#4a6fa5">')
    for iri, count in shown:
        x, y, _ = pos[iri]
        width = 1 + 1.5 * math.log2(count)
        out.append(
            f'<line x1="{_f(c)}" y1="{_f(c)}" x2="{_f(x)}" y2="{_f(y)}" '
            f'stroke-width="{_f(width)}"/>'
        )
    out.append('</g><g font-family="sans-serif" font-size="13" fill="#1d2733">')
    for iri, count in shown:
        x, y, angle = pos[iri]
        right = math.cos(angle) >= -1e-9
        lx = x + (8 if right else -8)
        anchor = "start" if right else "end"
        label = graph.name_of(iri)
        out.append(
            f'<a href="{escape(href(iri))}"><title>{escape(label)}: {count} shared '
            f"paper{'s' if count != 1 else ''}</title>"
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="5" fill="#4a6fa5"/>'
            f'<text x="{_f(lx)}" y="{_f(y + 4)}" text-anchor="{anchor}">{escape(label)}</text></a>'
        )
    out.append(
        f'<circle cx="{_f(c)}" cy="{_f(c)}" r="9" fill="#c0392b"/>'
        f'<text x="{_f(c)}" y="{_f(c - 14)}" text-anchor="middle" font-weight="bold">'
        f"{escape(name)}</text></g></svg>"
    )
    return "".join(out)
