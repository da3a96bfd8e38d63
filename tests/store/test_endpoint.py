"""kg.store.endpoint against a real Oxigraph server: loads stream, reloads replace."""

from __future__ import annotations

import socket
import tracemalloc

import pyoxigraph
import pytest
from _rdf_graphs import DOC1
from _servers import free_port
from _store_queries import JOINS, ROOT, count, smaller

from kg.errors import StoreError
from kg.store import load_endpoint, query


@pytest.mark.server
def test_server_load_query_reload(server, out_dir, tmp_path):
    sent = load_endpoint([out_dir / "graph.trig"], f"{server}/store")
    assert count(f"{server}/query") == sent > 200
    assert load_endpoint([out_dir], server) == sent  # bare URL: Oxigraph's /store
    assert count(f"{server}/query") == sent
    assert count(server, JOINS) == 8
    load_endpoint([smaller(tmp_path)], f"{server}/store")
    assert count(server, JOINS) == 7
    sparql = (ROOT / "ontology" / "queries" / "08_evidence_for_fact.rq").read_text()
    # The shipped query names the example's coalition; this graph calls it differently.
    sparql = sparql.replace("coalition internationale", "coalition des drones")
    variables, rows = query(f"{server}/query", sparql)
    assert rows[0][variables.index("doc")].endswith(DOC1)


@pytest.mark.server
def test_server_http_error_is_store_error(server, out_dir):
    with pytest.raises(StoreError, match="HTTP 4"):
        load_endpoint([out_dir / "graph.trig"], f"{server}/no-such-endpoint")
    with pytest.raises(StoreError, match="HTTP 400"):
        query(f"{server}/query", "SELEC broken")


@pytest.mark.server
def test_server_ask_and_construct_rows_match_the_embedded_store(server, out_dir):
    load_endpoint([out_dir / "graph.trig"], server)
    assert query(server, "ASK { ?s ?p ?o }") == (["ask"], [("true",)])
    construct = "CONSTRUCT { ?s a ?o } WHERE { ?s a ?o } ORDER BY ?s ?o"
    variables, rows = query(server, construct)
    local = query(out_dir / "graph.trig", construct)
    assert variables == local[0] and sorted(rows) == sorted(local[1])


@pytest.mark.server
def test_refused_connection_is_store_error(out_dir):
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(StoreError, match="cannot reach"):
        load_endpoint([out_dir / "graph.trig"], url, timeout=5)


def test_timeout_is_store_error(out_dir):
    """A server that accepts but never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
        with pytest.raises(StoreError, match="timed out"):
            load_endpoint([out_dir / "graph.trig"], url, timeout=0.5)


def test_non_http_endpoint_is_store_error(out_dir):
    with pytest.raises(StoreError, match="http"):
        load_endpoint([out_dir], "ftp://127.0.0.1/store")


def test_chunk_size_below_one_is_store_error(out_dir):
    with pytest.raises(StoreError, match="at least 1"):
        load_endpoint([out_dir], "http://127.0.0.1:1/store", chunk_size=-5)


@pytest.mark.server
def test_server_streaming_load_in_chunks(server, big_nq, tmp_path):
    """Small chunks: each document graph is one PUT then POSTs; reloading replaces it."""
    path, quads, _ = big_nq
    assert quads > 150_000
    tracemalloc.start()
    try:
        assert load_endpoint([path], server, chunk_size=2_000) == quads
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count(server) == quads
    assert peak < path.stat().st_size / 8, (peak, path.stat().st_size)
    # reloading with another chunk size replaces every graph: same count, no duplicates
    assert load_endpoint([path], server, chunk_size=7_000) == quads
    assert count(server) == quads
    # a smaller version of one big document replaces it whole, later chunks included
    first = next(pyoxigraph.parse(path=str(path))).graph_name
    small = tmp_path / "small.nq"
    small.write_bytes(
        pyoxigraph.serialize(
            [q for q in pyoxigraph.parse(path=str(path)) if q.graph_name == first][:3_000],
            format=pyoxigraph.RdfFormat.N_QUADS,
        )
    )
    load_endpoint([small], server, chunk_size=1_000)
    in_first = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{first.value}> {{ ?s ?p ?o }} }}"
    assert count(server, in_first) == 3_000


@pytest.mark.server
def test_server_graph_met_twice_is_appended_not_replaced(server, tmp_path):
    """Quads of one graph split across a file (or two files) all end up loaded."""
    g1, g2 = "http://example.org/g1", "http://example.org/g2"
    lines = [
        f'<http://example.org/s{i}> <http://example.org/p> "{i}" <{g}> .\n'
        for i, g in enumerate([g1, g1, g2, g1, g2])
    ]
    path = tmp_path / "split.nq"
    path.write_text("".join(lines))
    assert load_endpoint([path], server, chunk_size=1) == 5
    assert load_endpoint([path], server) == 5
    assert count(server) == 5


@pytest.mark.server
def test_query_on_a_server_without_union_default_graph_says_why_it_is_empty(out_dir, tmp_path):
    from _servers import OXIGRAPH, oxigraph_server
    from click.testing import CliRunner

    from kg.cli import main

    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI `oxigraph`) is not installed next to python")
    with oxigraph_server(tmp_path / "db") as url:
        load_endpoint([out_dir / "graph.trig"], f"{url}/store")
        result = CliRunner().invoke(main, ["query", url, "SELECT ?s WHERE { ?s ?p ?o }"])
    assert result.exit_code == 0
    assert "--union-default-graph" in result.stderr
