"""Node positions computed in Python, so the HTML page can draw with physics off.

Why: vis-network's physics needs about a minute to settle 1,000 nodes and several minutes
for 5,000 (see FIELD-NOTES), and a reader should see the whole picture at once without
dragging nodes. Positions computed here are deterministic (seeded, sorted, rounded to
whole pixels) so the same graph always gives the same bytes.

Two layouts, chosen per connected component:

* small components (up to ``spring_max`` nodes): networkx ``spring_layout`` with a fixed
  seed - good-looking, and cheap at this size with plain numpy;
* large components: a radial tree over a breadth-first spanning tree rooted at the
  best-connected node - O(n), readable for hub-and-spoke news graphs, and it needs no
  scipy (networkx's sparse spring layout, used above 500 nodes, does).

Components are then packed on shelves, largest first, so isolated nodes do not fly away.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Any

from kg.export.drawing import LINE, NODE, label_extent

__all__ = ["compute_layout"]

#: Pixels between neighbouring nodes; sized for a label of about 15 characters.
_SPACING = 95.0
#: Gap between packed components, in pixels.
_GAP = 80.0
#: A placeholder point that widens a component's box (never drawn).
_PAD = object()
_PAD_LEFT = object()


def compute_layout(
    graph: Any,
    *,
    seed: int = 7,
    spring_max: int = 300,
) -> dict[Hashable, tuple[int, int]]:
    """Return ``{node: (x, y)}`` in screen pixels for every node of ``graph``.

    Args:
        graph: any networkx graph (directions and parallel edges are ignored).
        seed: seed of the spring layout, fixed so that output is reproducible.
        spring_max: components up to this many nodes get a spring layout, larger ones a
            radial tree (linear time).

    >>> import networkx as nx
    >>> pos = compute_layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and pos == compute_layout(nx.path_graph(3))
    True
    """
    import networkx as nx

    simple = nx.Graph()
    order = sorted(graph.nodes, key=_sort_key)
    simple.add_nodes_from(order)
    simple.add_edges_from(
        sorted(
            ((u, v) for u, v in graph.edges() if u != v),
            key=lambda e: (_sort_key(e[0]), _sort_key(e[1])),
        )
    )
    components = sorted(
        (sorted(c, key=_sort_key) for c in nx.connected_components(simple)),
        key=lambda c: (-len(c), _sort_key(c[0])),
    )
    placed: list[dict[Hashable, tuple[float, float]]] = []
    for nodes in components:
        # A fresh graph, filled in sorted order: subgraph views iterate over a set, whose
        # order changes with PYTHONHASHSEED and would make the layout differ run to run.
        sub = nx.Graph()
        sub.add_nodes_from(nodes)
        sub.add_edges_from(e for e in simple.edges(nodes) if e[0] in sub and e[1] in sub)
        if len(nodes) == 1:
            part = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) <= spring_max:
            labels = [str(graph.nodes[n].get("label", n)) if n in graph else str(n) for n in nodes]
            part = _spring(sub, nodes, seed, labels)
        else:
            part = _radial_tree(sub, nodes)
        placed.append(_with_label_room(part, graph))
    return _pack(placed)


def _with_label_room(part: dict, graph: Any) -> dict:
    """Widen a component's box by the half-labels that stick out at its left and right.

    Labels are drawn centred under their nodes; without this, the labels of neighbouring
    components (isolated entities, small pairs) run into each other.
    """

    def half(node: Hashable) -> float:
        label = str(graph.nodes[node].get("label", node)) if node in graph else str(node)
        return max(0.0, (min(len(label), 30) * 7.5 + 24 - _GAP) / 2)

    left = min(part, key=lambda n: part[n][0] - half(n))
    right = max(part, key=lambda n: part[n][0] + half(n))
    y = part[left][1]
    return {
        **part,
        _PAD_LEFT: (part[left][0] - half(left), y),
        _PAD: (part[right][0] + half(right), part[right][1]),
    }


def _sort_key(node: Hashable) -> tuple[str, str]:
    """Order nodes of mixed types deterministically."""
    return (type(node).__name__, str(node))


def _spring(
    sub: Any, nodes: list[Hashable], seed: int, labels: list[str] | None = None
) -> dict[Hashable, tuple[float, float]]:
    """Seeded force-directed layout, scaled so that labels have room."""
    import networkx as nx
    import numpy as np

    n = len(nodes)
    # k is the ideal edge length in layout units; a bit longer than networkx's default
    # keeps labels of neighbouring nodes apart.
    raw = nx.spring_layout(sub, seed=seed, iterations=200 if n <= 100 else 80, k=1.4 / math.sqrt(n))
    # Small graphs get more room per node: their edge labels must be readable too.
    scale = _SPACING * math.sqrt(n) * (1.3 if n <= 30 else 1.1)
    xy = _landscape(np.array([raw[node] for node in nodes], dtype=float)) * scale
    xy = _separate(xy, _SPACING * 1.05)
    if labels is not None:
        xy = _separate_boxes(xy, np.array([_label_box(t) for t in labels]))
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, xy, strict=True)}


def _separate(xy: Any, min_dist: float, rounds: int = 60) -> Any:
    """Push apart nodes closer than ``min_dist`` so that their labels do not overlap.

    Why: a spring layout balances forces, not label boxes; two nodes that share most
    neighbours (an agreement and the alliance whose members sign it) land on top of each
    other. Each round moves every too-close pair half the missing distance apart along the
    line joining them (vectorised; O(n^2) per round, used for components of ≤ 300 nodes).
    Deterministic: no randomness, coincident points are split along a fixed direction.
    """
    import numpy as np

    xy = xy.copy()
    n = len(xy)
    if n < 2:
        return xy
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=-1))
        np.fill_diagonal(dist, np.inf)
        close = dist < min_dist
        if not close.any():
            break
        safe = np.where(dist == 0, 1.0, dist)
        unit = np.where((dist == 0)[..., None], np.array([1.0, 0.0]), delta / safe[..., None])
        push = np.where(close, (min_dist - np.where(np.isinf(dist), 0, dist)) / 2, 0.0)
        xy += (unit * push[..., None]).sum(axis=1) / 2
    return xy


def _label_box(label: str) -> tuple[float, float, float]:
    """Width, height and downward offset of the box a node and its label take on the page
    (the label drawn as :func:`kg.export.drawing.label_extent` says, under its node)."""
    text, lines = label_extent(label)
    width = max(NODE, text)
    height = NODE + lines * LINE
    return width, height, lines * LINE / 2


def _separate_boxes(xy: Any, boxes: Any, pad: float = 10.0, rounds: int = 80) -> Any:
    """Push apart nodes whose boxes (the node and its label under it) overlap.

    Why after :func:`_separate`: a distance between centres cannot tell a short name from
    "réunion des ministres de la Défense de l'OTAN" wrapped on four lines; two such boxes
    overlap though their nodes are far enough apart. Each round moves every overlapping pair
    apart along the axis where they overlap least, half the overlap each. Deterministic.
    """
    import numpy as np

    xy = xy.copy()
    n = len(xy)
    if n < 2:
        return xy
    half_w, half_h = boxes[:, 0] / 2, boxes[:, 1] / 2
    ties = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]).astype(float)
    for _ in range(rounds):
        centre = xy + np.stack([np.zeros(n), boxes[:, 2]], axis=1)
        dx = centre[:, None, 0] - centre[None, :, 0]
        dy = centre[:, None, 1] - centre[None, :, 1]
        ox = half_w[:, None] + half_w[None, :] + pad - np.abs(dx)
        oy = half_h[:, None] + half_h[None, :] + pad - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = hit & (ox <= oy)
        along_y = hit & (ox > oy)
        sx = np.where(dx == 0, ties, np.sign(dx))
        sy = np.where(dy == 0, ties, np.sign(dy))
        xy[:, 0] += (np.where(along_x, ox, 0.0) * sx).sum(axis=1) / 2
        xy[:, 1] += (np.where(along_y, oy, 0.0) * sy).sum(axis=1) / 2
    return xy


def _landscape(xy: Any, ratio: float = 1.5) -> Any:
    """Turn the layout's long axis horizontal and widen it to about ``ratio``.

    Why: screens are wide; a tall drawing fitted into a wide canvas is zoomed out until
    its labels are unreadable. The rotation is the principal axis with a fixed sign, so it
    is deterministic.
    """
    import numpy as np

    xy = xy - xy.mean(axis=0)
    if len(xy) < 2:
        return xy
    _, vectors = np.linalg.eigh(xy.T @ xy)
    axis = vectors[:, -1]
    if axis[0] < 0 or (axis[0] == 0 and axis[1] < 0):
        axis = -axis
    rotated = xy @ np.array([[axis[0], -axis[1]], [axis[1], axis[0]]])
    width, height = np.ptp(rotated, axis=0)
    if height > 0 and width / height < ratio:
        stretch = math.sqrt(ratio * height / width)
        rotated = rotated * np.array([stretch, 1 / stretch])
    return rotated


def _radial_tree(sub: Any, nodes: list[Hashable]) -> dict[Hashable, tuple[float, float]]:
    """Rings by breadth-first depth from the best-connected node; wedges by subtree size."""
    degree = dict(sub.degree())
    root = min(nodes, key=lambda v: (-degree[v], _sort_key(v)))
    children: dict[Hashable, list[Hashable]] = {root: []}
    depth = {root: 0}
    frontier = [root]
    while frontier:
        nxt: list[Hashable] = []
        for parent in frontier:
            kids = sorted(
                (v for v in sub.neighbors(parent) if v not in depth),
                key=lambda v: (-degree[v], _sort_key(v)),
            )
            for kid in kids:
                depth[kid] = depth[parent] + 1
                children[kid] = []
                children[parent].append(kid)
            nxt.extend(kids)
        frontier = nxt
    # Leaves under each node, computed bottom-up (reverse breadth-first order).
    by_depth = sorted(depth, key=lambda v: depth[v])
    leaves: dict[Hashable, int] = {}
    for v in reversed(by_depth):
        leaves[v] = sum(leaves[c] for c in children[v]) or 1
    # A ring must be long enough for all of its nodes at _SPACING apart.
    counts: dict[int, int] = {}
    for d in depth.values():
        counts[d] = counts.get(d, 0) + 1
    radius = {0: 0.0}
    for d in range(1, max(counts) + 1):
        radius[d] = max(radius[d - 1] + _SPACING * 1.6, counts[d] * _SPACING * 0.5 / math.pi)
    pos: dict[Hashable, tuple[float, float]] = {}
    stack: list[tuple[Hashable, float, float]] = [(root, 0.0, 2 * math.pi)]
    while stack:
        v, lo, hi = stack.pop()
        mid = (lo + hi) / 2
        r = radius[depth[v]]
        pos[v] = (r * math.cos(mid), r * math.sin(mid))
        start = lo
        for kid in children[v]:
            width = (hi - lo) * leaves[kid] / leaves[v]
            stack.append((kid, start, start + width))
            start += width
    return pos


def _pack(
    parts: Iterable[dict[Hashable, tuple[float, float]]],
) -> dict[Hashable, tuple[int, int]]:
    """Place components left to right on shelves, largest first, and round to pixels."""
    boxes = []
    total_area = 0.0
    for part in parts:
        xs = [p[0] for p in part.values()]
        ys = [p[1] for p in part.values()]
        w = max(xs) - min(xs) + _GAP
        h = max(ys) - min(ys) + _GAP
        boxes.append((part, min(xs), min(ys), w, h))
        total_area += w * h
    row_width = max(math.sqrt(total_area) * 1.3, boxes[0][3] if boxes else 0.0)
    out: dict[Hashable, tuple[int, int]] = {}
    x = y = shelf = 0.0
    for part, min_x, min_y, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, shelf = 0.0, y + shelf, 0.0
        for node, (px, py) in part.items():
            if node is not _PAD and node is not _PAD_LEFT:
                out[node] = (round(x + px - min_x), round(y + py - min_y))
        x += w
        shelf = max(shelf, h)
    return out
