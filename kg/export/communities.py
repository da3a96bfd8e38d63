"""Communities of the graph page: who clusters with whom, computed once in Python.

Why in Python and not in the page: the grouping must be the same bytes on every build
(a reader compares two builds, a test pins a page), and Louvain over a few thousand nodes
costs milliseconds here but would block the page's first paint in JavaScript.

Louvain (networkx) with a fixed seed over an undirected simple graph filled in sorted
order: the same graph gives the same groups whatever ``PYTHONHASHSEED`` is. Only entities
with at least one fact take part (isolated ones are folded away on the page). Groups are
numbered largest first and named by their best-connected actors; the first
:data:`PALETTE` groups get a colour of their own, the rest share :data:`OTHER_COLOR` (a
200-article corpus has dozens of two-entity groups, and no reader tells forty colours
apart).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
[0, 0, 0, 0]
>>> for n in g: g.nodes[n]["label"] = n.upper()
>>> groups = community_groups(g)
>>> [(c["members"], c["name"]) for c in groups]
[(['a', 'b', 'c'], 'A · B · C'), (['x', 'y'], 'X · Y')]
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

__all__ = ["OTHER_COLOR", "PALETTE", "community_groups"]

#: Paul Tol's "muted" scheme, readable by colour-blind readers and distinct from the type
#: colours (Okabe-Ito) so that a community is never read as a type.
PALETTE: tuple[str, ...] = (
    "#CC6677",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
)
#: The colour of every group beyond the palette.
OTHER_COLOR = "#BBBBBB"
#: How many best-connected members name a group ("Royaume-Uni · OTAN · Ukraine").
NAMED_BY = 3
_SEED = 7
#: Types that are things happening or agreed rather than actors or places.
_HAPPENINGS = frozenset({"Event", "Agreement"})


def _is_happening(graph: Any, node: Hashable) -> bool:
    return graph.nodes[node].get("type") in _HAPPENINGS


def community_groups(graph: Any, nodes: list[Hashable] | None = None) -> list[dict[str, Any]]:
    """The groups of ``nodes`` (default: all), largest first, each with its colour and name.

    Each group is ``{"members": [ids, sorted], "name": str, "color": str}``;
    entities without a fact belong to none.
    """
    import networkx as nx

    keep = set(graph.nodes if nodes is None else nodes)
    simple = nx.Graph()
    pairs = sorted(
        {
            tuple(sorted((str(u), str(v))))
            for u, v in graph.edges()
            if u != v and u in keep and v in keep
        }
    )
    simple.add_nodes_from(sorted({n for pair in pairs for n in pair}))
    simple.add_edges_from(pairs)
    if not simple:
        return []
    found = nx.community.louvain_communities(simple, seed=_SEED)
    degree = dict(simple.degree())
    by_id = {str(n): n for n in keep}
    groups = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    out = []
    for i, members in enumerate(groups):
        names: list[str] = []  # distinct: an event and an agreement may both be "accord"
        # Actors name a group before what they do: "Pays-Bas · Rob Jetten", not "accord".
        for n in sorted(members, key=lambda n: (_is_happening(graph, by_id[n]), -degree[n], n)):
            name = str(graph.nodes[by_id[n]].get("label") or n)
            if name not in names and len(names) < NAMED_BY:
                names.append(name)
        out.append(
            {
                "members": members,
                "name": " · ".join(names),
                "color": PALETTE[i] if i < len(PALETTE) else OTHER_COLOR,
            }
        )
    return out
