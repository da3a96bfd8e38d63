"""How vis-network draws kg's graph page: its options, bent parallel edges, label room.

Why apart from :mod:`kg.export.html`: these are drawing decisions measured in screen
pixels (how big a label must be to be read at the first zoom, how long an edge must be to
carry its label), kept in one place so that the page and its tests agree on them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

__all__ = [
    "EDGE_CHAR",
    "LINE",
    "NODE",
    "WRAP",
    "curvature",
    "label_boost",
    "label_extent",
    "label_room",
    "spaced_labels",
    "vis_options",
]

#: The drawing area of the page in a 1400 x 900 window (and of an 820 px notebook frame).
VIEW_W, VIEW_H = 830.0, 580.0
#: Smallest label, in screen pixels, the first view of a corpus must draw its hubs at.
READABLE = 12.0
#: Node label sizes (canvas units) before any boost: the value-scaled range of vis-network.
LABEL_MIN, LABEL_MAX = 14, 20

#: Node labels wrap at this width (canvas units, times the boost) instead of being cut.
WRAP = 170.0
#: Canvas units per character and per line of a node label at boost 1 (font 14-20).
_CHAR, LINE = 9.5, 20.0
#: The largest node, in pixels (what a node takes above its label, and at an edge's end).
NODE = 44.0

#: Pixels per character of an edge label (font size 11).
EDGE_CHAR = 6.0


def label_extent(label: str, boost: float = 1.0) -> tuple[float, int]:
    """Width and number of lines of a node's label as the page draws it (wrapped at
    :data:`WRAP` times ``boost``): the one geometry the layout and the labelling share.

    >>> label_extent("Paris"), label_extent("Organisation du traité de l'Atlantique Nord")
    ((47.5, 1), (170.0, 3))
    """
    text = len(label) * _CHAR * boost
    return min(text, WRAP * boost), max(1, math.ceil(text / (WRAP * boost)))


def label_room(positions: Mapping[Hashable, tuple[int, int]], u: Hashable, v: Hashable) -> float:
    """The length an edge's label can take between its two nodes, in pixels."""
    (x1, y1), (x2, y2) = positions[u], positions[v]
    return math.hypot(x2 - x1, y2 - y1) - NODE


def curvature(pairs: list[tuple[str, str]]) -> list[float]:
    """Bend parallel and opposite edges apart; straight lines draw fastest otherwise."""
    groups: Counter[tuple[str, str]] = Counter(tuple(sorted(p)) for p in pairs)  # type: ignore[misc]
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for u, v in pairs:
        pair = (u, v) if u <= v else (v, u)
        if groups[pair] == 1:
            out.append(0.0)
            continue
        seen[pair] += 1
        out.append(0.15 + 0.15 * (seen[pair] - 1))
    return out


def label_boost(points: Sequence[tuple[int, int]]) -> float:
    """How much to enlarge labels so that hubs read at the page's first zoom (1 = as is).

    Why: the page first fits the drawing; a corpus of 200 connected entities is zoomed out
    to a fifth, where a 15 px label is 3 px and vis-network does not draw it at all. The
    labelled hubs of such a page are drawn larger in canvas units so that they are about
    :data:`READABLE` pixels on screen at that zoom (vis-network caps them when zooming in).

    >>> label_boost([(0, 0), (400, 300)]), round(label_boost([(0, 0), (4000, 1500)]), 2)
    (1.0, 4.34)
    """
    if not points:
        return 1.0
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    width, height = max(xs) - min(xs) + 200.0, max(ys) - min(ys) + 120.0
    scale = min(VIEW_W / width, VIEW_H / height, 1.0)
    return max(1.0, READABLE / (LABEL_MIN * scale))


def spaced_labels(
    ranked: Sequence[tuple[Hashable, str, tuple[int, int]]], boost: float, limit: int
) -> set[Hashable]:
    """Up to ``limit`` of ``ranked`` (best first) whose labels do not cover one another.

    Why: the hubs of a corpus often sit together (a capital, its government, their summit);
    labelling all of them piles names into a smudge. Greedy in rank order: a name is drawn
    if its box (under its node, wrapped like the page wraps it) is clear of those already
    drawn; the others show on hover, on click, or when a search brings them up.

    >>> spaced_labels([("a", "Paris", (0, 0)), ("b", "France", (10, 0)),
    ...                ("c", "Berlin", (400, 0))], 1.0, 10) == {"a", "c"}
    True
    """
    boxes: list[tuple[float, float, float, float]] = []
    picked: set[Hashable] = set()
    for node, name, (x, y) in ranked:
        width, lines = label_extent(name, boost)
        half = width / 2
        box = (x - half, y, x + half, y + 20 + lines * LINE * boost)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue
        boxes.append(box)
        picked.add(node)
        if len(picked) == limit:
            break
    return picked


def vis_options(n_nodes: int, boost: float = 1.0) -> dict[str, Any]:
    """vis-network options: physics off (positions come from Python), hover tooltips.

    ``boost`` enlarges node labels (:func:`label_boost`); on screen they never exceed 30 px.
    """
    big = n_nodes > 1000
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
        "nodes": {
            "scaling": {
                "min": 10,
                "max": 28,
                "label": {
                    "enabled": True,
                    "min": round(LABEL_MIN * boost),
                    "max": round(LABEL_MAX * boost),
                    # Screen pixels: vis-network fades a label drawn smaller than this and
                    # drops it a pixel below; at 7 a zoomed-out article's names turned grey.
                    "drawThreshold": 5,
                    "maxVisible": 30,
                },
            }
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": False,
        },
    }
