"""Benchmark kg's RDF writer on a synthetic graph of over a million triples.

Why: FIELD-NOTES measured rdflib's Turtle writer at ~38 s per million triples; kg writes
through pyoxigraph and should reach >= 300k triples/s including building the quads.

Run: ``.venv/bin/python benchmarks/rdf_export.py [--edges 75000]``
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.export._rdf_build import build_lines, ntriples
from kg.export.rdf import serialize_rdf, to_rdf, write_rdf
from kg.model import MODALITIES
from kg.vocab import RELATION_PROPERTIES

TYPES = ["Person", "Organization", "Country", "Place", "Event"]


def synthetic_graph(n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph following docs/internals.md: ~1 node per 3.5 edges, ~1 doc per 35 edges."""
    rng = random.Random(seed)
    n_nodes, n_docs = max(n_edges * 2 // 7, 2), max(n_edges // 35, 1)
    docs = [f"article-{i:06d}" for i in range(n_docs)]
    g = nx.MultiDiGraph(
        docs={
            d: {"date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "lang": "fr"}
            for i, d in enumerate(docs)
        }
    )
    keys = []
    for i in range(n_nodes):
        type_ = TYPES[i % 5]
        key = f"Q{100 + i}" if i % 3 == 0 else f"{type_.lower()}:entite-{i}"
        keys.append(key)
        g.add_node(
            key,
            label=f"Entité numéro {i}",
            type=type_,
            wikidata=key if key.startswith("Q") else None,
            aliases=[f"alias {i}"] if i % 4 == 0 else [],
            docs=sorted(rng.sample(docs, k=min(2, n_docs))),
            mentions=rng.randint(1, 9),
        )
    predicates = sorted(RELATION_PROPERTIES)
    for i in range(n_edges):
        u, v = rng.choice(keys), rng.choice(keys)
        pred = predicates[i % len(predicates)]
        doc = rng.choice(docs)
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        time_ = (
            {
                "value": day,
                "start": day,
                "end": day,
                "granularity": "day",
                "text": "jeudi",
                "inferred": False,
            }
            if i % 2
            else None
        )
        attributes = {"trigger": "annonce"}
        if pred == "pledgesTo":
            attributes.update(quantity=1000 * (i % 50 + 1), item="obus")
        g.add_edge(
            u,
            v,
            key=f"{pred}~{i}",
            predicate=pred,
            modality=MODALITIES[i % len(MODALITIES)],
            time=time_,
            attributes=attributes,
            evidence=[
                {
                    "doc": doc,
                    "start": 10 * (i % 90),
                    "end": 10 * (i % 90) + 80,
                    "text": f"Phrase {i} de l'article.",
                }
            ],
        )
    return g


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
