"""Queries and inputs shared by the store tests (reloading must replace, never add)."""

from __future__ import annotations

from pathlib import Path

from _rdf_graphs import drone_graph

from kg.export.rdf import write_rdf
from kg.store import query

ROOT = Path(__file__).resolve().parent.parent.parent
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
JOINS = (
    "PREFIX kg: <https://w3id.org/kg-news/ontology#> "
    "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st kg:predicate kg:joins }"
)


def count(target, sparql: str = COUNT) -> int:
    return int(query(target, sparql)[1][0][0])


def smaller(tmp_path: Path) -> Path:
    """The same corpus after DOC1 was re-read with one joiner fewer."""
    g = drone_graph()
    g.remove_edge("Q37", "organization:coalition-des-drones", "joins")
    return write_rdf(g, tmp_path / "smaller.trig")
