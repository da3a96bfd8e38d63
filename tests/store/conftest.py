"""Fixtures of the store tests: a kg output folder, a big N-Quads file, a real Oxigraph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from _rdf_graphs import drone_graph, synthetic_graph
from _servers import OXIGRAPH, oxigraph_server

from kg.export.rdf import write_rdf


@pytest.fixture()
def out_dir(tmp_path) -> Path:
    out = tmp_path / "out"
    write_rdf(drone_graph(), out / "graph.trig")
    write_rdf(drone_graph(), out / "graph.ttl")
    return out


@pytest.fixture(scope="session")
def big_nq(tmp_path_factory) -> tuple[Path, int, int]:
    """~200k quads in 10 document graphs of ~20k quads: (file, quads, distinct triples)."""
    graph = synthetic_graph(10_500, edges_per_doc=1_050)
    path = write_rdf(graph, tmp_path_factory.mktemp("big") / "graph.nq")
    quads = sum(1 for _ in pyoxigraph.parse(path=str(path)))
    return path, quads, len({q.triple for q in pyoxigraph.parse(path=str(path))})


@pytest.fixture()
def server(tmp_path):
    """A real ``oxigraph serve`` on a loopback port; always stopped at the end."""
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI `oxigraph`) is not installed next to python")
    with oxigraph_server(tmp_path / "db", union_default_graph=True) as url:
        yield url
