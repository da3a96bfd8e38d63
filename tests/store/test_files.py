"""kg.store.files: which files a load reads, and how they are validated before writing."""

from __future__ import annotations

import pytest
from _rdf_graphs import drone_graph

from kg.errors import InputError
from kg.export.rdf import write_rdf
from kg.store.files import chunks, plan, rdf_files, read_graphs, scan


def test_a_folder_prefers_its_quads_and_reads_one_of_trig_and_nq(tmp_path):
    for name in ("graph.trig", "graph.nq", "graph.ttl"):
        write_rdf(drone_graph(), tmp_path / name)
    assert [p.name for p in rdf_files([tmp_path])] == ["graph.trig"]
    (tmp_path / "graph.trig").unlink()
    assert [p.name for p in rdf_files(tmp_path)] == ["graph.nq"]


def test_a_folder_of_triples_only_is_read_too(tmp_path):
    write_rdf(drone_graph(), tmp_path / "graph.ttl")
    assert [p.name for p in rdf_files([tmp_path])] == ["graph.ttl"]


def test_inputs_that_cannot_be_read_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="holds no RDF file"):
        rdf_files([tmp_path])
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="unknown RDF suffix"):
        rdf_files([tmp_path / "notes.txt"])


def test_turtle_written_by_kg_is_split_into_the_same_graphs_as_trig(tmp_path):
    trig = read_graphs(write_rdf(drone_graph(), tmp_path / "g.trig"))
    ttl = read_graphs(write_rdf(drone_graph(), tmp_path / "g.ttl"))
    assert list(ttl) == list(trig) and len(trig) > 1
    assert all(set(ttl[name]) == set(trig[name]) for name in trig)


def test_foreign_triples_go_to_a_graph_named_after_the_file(tmp_path):
    path = tmp_path / "other.nt"
    path.write_text("<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n")
    assert list(read_graphs(path)) == [path.resolve().as_uri()]


def test_scan_and_chunks_agree_and_respect_the_size(tmp_path):
    path = write_rdf(drone_graph(), tmp_path / "g.nq")
    total, names = scan(path)
    runs = list(chunks(path, 10))
    assert sum(len(triples) for _, triples in runs) == total
    assert all(len(triples) <= 10 for _, triples in runs)
    assert list(dict.fromkeys(n for n, _ in runs if n is not None)) == names
    [(streamed, count, graph_names)] = plan([path])
    assert (streamed, count, graph_names) == (path, total, names)
