"""Loading into the embedded store and a real Oxigraph server; reloading replaces, never adds."""

from __future__ import annotations

import json
import socket
import tracemalloc
from pathlib import Path

import pyoxigraph
import pytest
from _rdf_graphs import DOC1, drone_graph, synthetic_graph
from _servers import OXIGRAPH, free_port, oxigraph_server

from kg.errors import InputError, StoreError
from kg.export.rdf import write_rdf
from kg.store import format_table, load_endpoint, load_store, query

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
JOINS = (
    "PREFIX kg: <https://w3id.org/kg-news/ontology#> "
    "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st kg:predicate kg:joins }"
)


def _count(target, sparql: str = COUNT) -> int:
    return int(query(target, sparql)[1][0][0])


@pytest.fixture()
def out_dir(tmp_path) -> Path:
    out = tmp_path / "out"
    write_rdf(drone_graph(), out / "graph.trig")
    write_rdf(drone_graph(), out / "graph.ttl")
    return out


def _smaller(tmp_path: Path) -> Path:
    """The same corpus after DOC1 was re-read with one joiner fewer."""
    g = drone_graph()
    g.remove_edge("Q37", "organization:coalition-des-drones", "joins")
    return write_rdf(g, tmp_path / "smaller.trig")


# ----------------------------------------------------------------------------- embedded store
def test_load_store_then_reload_keeps_counts(out_dir, tmp_path):
    store = tmp_path / "store"
    loaded = load_store([out_dir], store)
    assert loaded == _count(store) > 200
    assert load_store([out_dir], store) == loaded
    assert _count(store) == loaded
    assert _count(store, JOINS) == 8


def test_reloading_a_document_replaces_its_graph(out_dir, tmp_path):
    store = tmp_path / "store"
    load_store([out_dir], store)
    load_store([_smaller(tmp_path)], store)
    assert _count(store, JOINS) == 7


def test_turtle_input_is_split_back_into_document_graphs(out_dir, tmp_path):
    store_ttl, store_trig = tmp_path / "a", tmp_path / "b"
    load_store([out_dir / "graph.ttl"], store_ttl)
    load_store([out_dir / "graph.trig"], store_trig)
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    assert query(store_ttl, graphs) == query(store_trig, graphs)
    assert _count(store_ttl) == _count(store_trig)


def test_bad_input_changes_nothing(out_dir, tmp_path):
    store = tmp_path / "store"
    load_store([out_dir], store)
    before = _count(store)
    broken = tmp_path / "broken.trig"
    broken.write_text("<a> <b> .")
    with pytest.raises(InputError, match=r"broken\.trig"):
        load_store([_smaller(tmp_path), broken], store)
    assert _count(store) == before and _count(store, JOINS) == 8


def test_query_file_and_store_agree(out_dir, tmp_path):
    store = tmp_path / "store"
    load_store([out_dir], store)
    sparql = (ROOT / "ontology" / "queries" / "03_expected_members.rq").read_text()
    assert (
        query(store, sparql)
        == query(out_dir / "graph.trig", sparql)
        == query(out_dir / "graph.ttl", sparql)
    )


def test_query_ask_and_construct(out_dir):
    assert query(out_dir / "graph.trig", "ASK { ?s ?p ?o }") == (["ask"], [("true",)])
    variables, rows = query(out_dir / "graph.trig", "CONSTRUCT WHERE { ?s a ?o } LIMIT 2")
    assert variables == ["subject", "predicate", "object"] and len(rows) == 2


def test_query_errors(tmp_path, out_dir):
    with pytest.raises(StoreError, match="neither"):
        query(tmp_path / "missing", "ASK {}")
    with pytest.raises(InputError, match="SPARQL"):
        query(out_dir / "graph.trig", "SELEC nothing")
    with pytest.raises(InputError, match="does not exist"):
        load_store([tmp_path / "nowhere"], tmp_path / "store")


def test_format_table_csv_json():
    variables, rows = ["pays", "qid"], [("Lettonie", "Q211"), ("Pays-Bas\nNL", None)]
    table = format_table(variables, rows).splitlines()
    assert table[0].split() == ["pays", "qid"] and "Pays-Bas\\nNL" in table[3]
    assert format_table(variables, rows, "csv") == 'pays,qid\nLettonie,Q211\n"Pays-Bas\nNL",\n'
    assert json.loads(format_table(variables, rows, "json"))[1] == {
        "pays": "Pays-Bas\nNL",
        "qid": None,
    }
    with pytest.raises(InputError):
        format_table(variables, rows, "xml")


# ----------------------------------------------------------------------------- Oxigraph server
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def server(tmp_path):
    """A real ``oxigraph serve`` on a loopback port; always stopped at the end."""
    if not OXIGRAPH.exists():
        pytest.skip("the oxigraph server (PyPI `oxigraph`) is not installed next to python")
    with oxigraph_server(tmp_path / "db", union_default_graph=True) as url:
        yield url


@pytest.mark.server
def test_server_load_query_reload(server, out_dir, tmp_path):
    sent = load_endpoint([out_dir / "graph.trig"], f"{server}/store")
    assert _count(f"{server}/query") == sent > 200
    assert load_endpoint([out_dir], server) == sent  # bare URL: Oxigraph's /store
    assert _count(f"{server}/query") == sent
    assert _count(server, JOINS) == 8
    load_endpoint([_smaller(tmp_path)], f"{server}/store")
    assert _count(server, JOINS) == 7
    sparql = (ROOT / "ontology" / "queries" / "08_evidence_for_fact.rq").read_text()
    variables, rows = query(f"{server}/query", sparql)
    assert rows[0][variables.index("doc")].endswith(DOC1)


@pytest.mark.server
def test_server_http_error_is_store_error(server, out_dir):
    with pytest.raises(StoreError, match="HTTP 4"):
        load_endpoint([out_dir / "graph.trig"], f"{server}/no-such-endpoint")
    with pytest.raises(StoreError, match="HTTP 400"):
        query(f"{server}/query", "SELEC broken")


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


# ----------------------------------------------------------------------------- streaming loads
@pytest.fixture(scope="module")
def big_nq(tmp_path_factory) -> tuple[Path, int, int]:
    """~200k quads in 10 document graphs of ~20k quads: (file, quads, distinct triples)."""
    graph = synthetic_graph(10_500, edges_per_doc=1_050)
    path = write_rdf(graph, tmp_path_factory.mktemp("big") / "graph.nq")
    quads = sum(1 for _ in pyoxigraph.parse(path=str(path)))
    return path, quads, len({q.triple for q in pyoxigraph.parse(path=str(path))})


def test_load_store_streams_big_input(big_nq, tmp_path):
    path, quads, _ = big_nq
    store = tmp_path / "store"
    assert load_store([path], store) == quads
    assert load_store([path], store) == quads == _count(store)


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
    assert _count(server) == quads
    assert peak < path.stat().st_size / 8, (peak, path.stat().st_size)
    # reloading with another chunk size replaces every graph: same count, no duplicates
    assert load_endpoint([path], server, chunk_size=7_000) == quads
    assert _count(server) == quads
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
    assert _count(server, in_first) == 3_000


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
    assert _count(server) == 5
