"""Static SVG drawings of the relationship graph, made at build time: no JavaScript, no network.

Nodes sit on rings by type (or around the centre, for a neighbourhood); every node links to its
page; every label is XML-escaped text.
"""

from __future__ import annotations

import math
from html import escape

from generator.data import Graph

COLOURS = {
    "person": "#3949ab",
    "country": "#00897b",
    "forum": "#8e24aa",
    "issue": "#e65100",
    "organization": "#546e7a",
}
EDGE_COLOURS = {
    "met": "#3949ab",
    "spoke on": "#e65100",
    "belongs to": "#546e7a",
    "attended": "#8e24aa",
}
RING_ORDER = ("person", "organization", "forum", "country", "issue")


def render(graph: Graph, centre: str | None, prefix: str, title: str) -> str:
    """An inline SVG; ``prefix`` turns a node key into a link ('../' from a section page)."""
    positions = _star(graph, centre) if centre else _rings(graph)
    size = 720 if centre else 960
    parts = [
        f'<svg class="dossier-graph" viewBox="-160 0 {size + 320} {size}" role="group" '
        f'aria-labelledby="graph-title" xmlns="http://www.w3.org/2000/svg" '
        f'width="100%" style="max-width:{size + 320}px">',
        f'<title id="graph-title">{escape(title)}</title>',
    ]
    for edge in graph.edges:
        (x1, y1), (x2, y2) = positions[edge.source], positions[edge.target]
        width = 1 + min(len(edge.articles), 4) * 0.5
        parts.append(
            f'<line x1="{x1 * size:.1f}" y1="{y1 * size:.1f}" x2="{x2 * size:.1f}" '
            f'y2="{y2 * size:.1f}" stroke="{EDGE_COLOURS[edge.kind]}" stroke-opacity="0.55" '
            f'stroke-width="{width:.1f}"><title>{escape(edge.kind)}</title></line>'
        )
    for key, node in graph.nodes.items():
        x, y = positions[key]
        radius = 11 if key == centre else 7
        label = escape(node.name if len(node.name) <= 32 else node.name[:31] + "…")
        anchor = "start" if x >= 0.5 else "end"
        dx = radius + 4 if x >= 0.5 else -(radius + 4)
        parts.append(
            f'<a href="{escape(prefix + key)}/" aria-label="{escape(node.name)} ({node.type})">'
            f'<circle cx="{x * size:.1f}" cy="{y * size:.1f}" r="{radius}" '
            f'fill="{COLOURS[node.type]}"/>'
            f'<text x="{x * size + dx:.1f}" y="{y * size + 4:.1f}" text-anchor="{anchor}" '
            f'font-size="13" fill="currentColor">{label}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def legend() -> str:
    items = [
        f'<span style="color:{colour}">●</span> {escape(kind)}' for kind, colour in COLOURS.items()
    ]
    lines = [
        f'<span style="color:{colour}">━</span> {escape(kind)}'
        for kind, colour in EDGE_COLOURS.items()
    ]
    return " · ".join(items) + "<br>" + " · ".join(lines)


def _star(graph: Graph, centre: str) -> dict[str, tuple[float, float]]:
    others = [k for k in graph.nodes if k != centre]
    others.sort(key=lambda k: (RING_ORDER.index(graph.nodes[k].type), graph.nodes[k].name))
    positions = {centre: (0.5, 0.5)}
    for i, key in enumerate(others):
        angle = 2 * math.pi * i / max(len(others), 1) - math.pi / 2
        positions[key] = (0.5 + 0.3 * math.cos(angle), 0.5 + 0.3 * math.sin(angle))
    return positions


def _rings(graph: Graph) -> dict[str, tuple[float, float]]:
    """Each type on its own ring, so the drawing is stable and needs no layout solver. The
    type with the most nodes gets the outermost ring, the longest one: fifty people crowded on
    the innermost ring made their labels one unreadable blot."""
    by_type = {kind: [k for k, n in graph.nodes.items() if n.type == kind] for kind in RING_ORDER}
    kinds = sorted((k for k in RING_ORDER if by_type[k]), key=lambda k: len(by_type[k]))
    positions: dict[str, tuple[float, float]] = {}
    for ring, kind in enumerate(kinds):
        keys = by_type[kind]
        radius = 0.12 + 0.3 * ring / max(len(kinds) - 1, 1)
        for i, key in enumerate(keys):
            angle = 2 * math.pi * i / len(keys) - math.pi / 2 + ring * 0.3
            positions[key] = (0.5 + radius * math.cos(angle), 0.5 + radius * math.sin(angle))
    return positions
