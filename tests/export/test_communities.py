"""kg.export.communities: the graph page's groups, deterministic and named by their hubs."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys

import networkx as nx

from kg.export import communities
from kg.export.communities import OTHER_COLOR, PALETTE, community_groups


def test_doctests_of_communities() -> None:
    assert doctest.testmod(communities).failed == 0


def _two_cliques_and_a_bridge(order: list[int]) -> nx.MultiDiGraph:
    """Two triangles of countries joined by one fact, plus an entity with no fact."""
    edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]
    g = nx.MultiDiGraph()
    for n in order:
        g.add_node(f"n{n}", label=f"Pays {n}")
    g.add_node("alone", label="Isolé")
    for i in order:
        u, v = edges[i % len(edges)]
        g.add_edge(f"n{u}", f"n{v}")
    return g


def test_groups_follow_the_structure_not_the_insertion_order() -> None:
    a = community_groups(_two_cliques_and_a_bridge([0, 1, 2, 3, 4, 5, 6]))
    b = community_groups(_two_cliques_and_a_bridge([6, 5, 4, 3, 2, 1, 0]))
    assert a == b
    assert sorted(g["members"] for g in a) == [["n0", "n1", "n2"], ["n3", "n4", "n5"]]
    assert all("alone" not in g["members"] for g in a)  # no fact, no group
    assert [g["color"] for g in a] == list(PALETTE[:2])
    # Named by the best-connected members first: the bridge ends lead their group.
    assert a[0]["name"].startswith("Pays 2") or a[0]["name"].startswith("Pays 3")


def test_groups_beyond_the_palette_share_the_grey() -> None:
    g = nx.MultiDiGraph()
    for i in range(len(PALETTE) + 3):
        g.add_edge(f"a{i:02d}", f"b{i:02d}")
    colors = [c["color"] for c in community_groups(g)]
    assert colors[: len(PALETTE)] == list(PALETTE)
    assert set(colors[len(PALETTE) :]) == {OTHER_COLOR}


def test_a_graph_without_facts_has_no_group() -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from(["a", "b"])
    assert community_groups(g) == []


def test_same_groups_whatever_the_hash_seed() -> None:
    code = (
        "import networkx as nx, json;"
        "from kg.export.communities import community_groups;"
        "g = nx.karate_club_graph();"
        "g = nx.relabel_nodes(g, {n: f'p{n:02d}' for n in g});"
        "print(json.dumps(community_groups(nx.MultiDiGraph(g))))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "2")
    }
    assert len(outputs) == 1


def test_a_group_is_named_by_its_actors_before_what_they_do() -> None:
    g = nx.MultiDiGraph()
    g.add_node("0-summit", label="sommet", type="Event")
    for n, name in (("a", "Norvège"), ("b", "Danemark"), ("c", "Suède")):
        g.add_node(n, label=name, type="Country")
        g.add_edge("0-summit", n)
    g.add_edges_from([("a", "b"), ("b", "c"), ("c", "a")])  # one group of four, all degree 3
    (group,) = community_groups(g)
    assert group["name"] == "Norvège · Danemark · Suède"  # "sommet" (first by id) comes last
