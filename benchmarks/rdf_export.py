"""Benchmark kg's RDF writer on a synthetic graph of over a million triples.

Why: FIELD-NOTES measured rdflib's Turtle writer at ~38 s per million triples; kg
writes Turtle, TriG and N-Quads text directly and should reach >= 300k triples/s for each,
including building the triples.

Run: ``.venv/bin/python benchmarks/rdf_export.py [--edges 75000]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _rdf_graphs import synthetic_graph  # shared with the tests

from kg.export._rdf_build import build_lines
from kg.export._rdf_turtle import ntriples
from kg.export.rdf import serialize_rdf, to_rdf, write_rdf

__all__ = ["synthetic_graph"]


def _timed(label: str, n: int, func) -> float:
    """Print wall and CPU time: on a busy shared machine CPU time is the fairer figure."""
    start, cpu = time.perf_counter(), time.process_time()
    func()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    wall_rate, cpu_rate = n / elapsed, n / cpu
    wall = f"{elapsed:6.2f} s wall {wall_rate:>10,.0f}/s"
    print(f"{label:<44} {wall}   {cpu:6.2f} s CPU {cpu_rate:>10,.0f}/s")
    return n / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=75_000)
    parser.add_argument("--rdflib-edges", type=int, default=3_000)
    args = parser.parse_args()

    graph = synthetic_graph(args.edges)
    lines = build_lines(graph)
    n_quads = sum(len(v) for v in lines.values())
    n_triples = ntriples(lines).count(b"\n")
    print(
        f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges, "
        f"{n_quads:,} quads, {n_triples:,} distinct triples"
    )
    with tempfile.TemporaryDirectory() as tmp:
        _timed("build triples (build_lines)", n_quads, lambda: build_lines(graph))
        ttl = _timed(
            "kg write_rdf Turtle (build + write)",
            n_triples,
            lambda: write_rdf(graph, Path(tmp) / "g.ttl"),
        )
        nq = _timed(
            "kg write_rdf N-Quads (build + write)",
            n_quads,
            lambda: write_rdf(graph, Path(tmp) / "g.nq"),
        )
        _timed(
            "kg write_rdf TriG (build + write)",
            n_quads,
            lambda: write_rdf(graph, Path(tmp) / "g.trig"),
        )

    small = synthetic_graph(args.rdflib_edges)
    n_small = ntriples(build_lines(small)).count(b"\n")
    dataset = to_rdf(small)
    merged = dataset.serialize(format="nt")  # the same triples as one rdflib Graph
    import rdflib

    flat = rdflib.Graph().parse(data=merged, format="nt")
    ours = _timed(
        f"kg Turtle, {n_small:,}-triple slice", n_small, lambda: serialize_rdf(small, "turtle")
    )
    theirs = _timed(
        "rdflib Turtle writer, same slice", n_small, lambda: flat.serialize(format="turtle")
    )
    print(
        f"\nTurtle {ttl:,.0f} triples/s, N-Quads {nq:,.0f} quads/s (goal >= 300,000); "
        f"{ours / theirs:.0f}x rdflib's Turtle writer on the slice"
    )


if __name__ == "__main__":
    main()
