"""kg.store.embedded: loading an on-disk Oxigraph store and querying it, files too."""

from __future__ import annotations

import pytest
from _store_queries import JOINS, ROOT, count, smaller

from kg.errors import InputError, StoreError
from kg.store import load_store, query
from kg.store.embedded import open_store


def test_load_store_then_reload_keeps_counts(out_dir, tmp_path):
    store = tmp_path / "store"
    loaded = load_store([out_dir], store)
    assert loaded == count(store) > 200
    assert load_store([out_dir], store) == loaded
    assert count(store) == loaded
    assert count(store, JOINS) == 8


def test_reloading_a_document_replaces_its_graph(out_dir, tmp_path):
    store = tmp_path / "store"
    load_store([out_dir], store)
    load_store([smaller(tmp_path)], store)
    assert count(store, JOINS) == 7


def test_turtle_input_is_split_back_into_document_graphs(out_dir, tmp_path):
    store_ttl, store_trig = tmp_path / "a", tmp_path / "b"
    load_store([out_dir / "graph.ttl"], store_ttl)
    load_store([out_dir / "graph.trig"], store_trig)
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    assert query(store_ttl, graphs) == query(store_trig, graphs)
    assert count(store_ttl) == count(store_trig)


def test_bad_input_changes_nothing(out_dir, tmp_path):
    store = tmp_path / "store"
    load_store([out_dir], store)
    before = count(store)
    broken = tmp_path / "broken.trig"
    broken.write_text("<a> <b> .")
    with pytest.raises(InputError, match=r"broken\.trig"):
        load_store([smaller(tmp_path), broken], store)
    assert count(store) == before and count(store, JOINS) == 8


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


def test_query_on_a_missing_store_says_how_to_create_it(tmp_path):
    with pytest.raises(StoreError, match="kg load"):
        open_store(tmp_path / "nowhere", read_only=True)


def test_load_store_streams_big_input(big_nq, tmp_path):
    path, quads, _ = big_nq
    store = tmp_path / "store"
    assert load_store([path], store) == quads
    assert load_store([path], store) == quads == count(store)
