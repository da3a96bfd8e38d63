"""kg.export.layout: node boxes (the node and its wrapped label) do not overlap."""

from __future__ import annotations

import networkx as nx
import numpy as np

from kg.export.layout import _label_box, _separate_boxes, compute_layout


def _overlaps(xy: np.ndarray, boxes: np.ndarray) -> int:
    count = 0
    for i in range(len(xy)):
        for j in range(i + 1, len(xy)):
            ci = xy[i] + [0, boxes[i][2]]
            cj = xy[j] + [0, boxes[j][2]]
            if (
                abs(ci[0] - cj[0]) < (boxes[i][0] + boxes[j][0]) / 2
                and abs(ci[1] - cj[1]) < (boxes[i][1] + boxes[j][1]) / 2
            ):
                count += 1
    return count


def test_long_wrapped_names_are_pushed_apart() -> None:
    names = ["réunion des ministres de la Défense de l'Alliance", "accord d'achat conjoint", "Oslo"]
    boxes = np.array([_label_box(n) for n in names])
    xy = np.array([[0.0, 0.0], [60.0, 20.0], [0.0, 0.0]])  # two on the same spot
    assert _overlaps(xy, boxes) == 3
    apart = _separate_boxes(xy, boxes)
    assert _overlaps(apart, boxes) == 0
    assert (apart == _separate_boxes(xy, boxes)).all()  # deterministic


def test_a_dense_cluster_of_long_names_gets_room() -> None:
    g = nx.complete_bipartite_graph(4, 3)
    for n in g:
        g.nodes[n]["label"] = f"entité au nom assez long numéro {n}"
    pos = compute_layout(g)
    xy = np.array([pos[n] for n in sorted(g)], dtype=float)
    boxes = np.array([_label_box(g.nodes[n]["label"]) for n in sorted(g)])
    assert _overlaps(xy, boxes) == 0
