"""RDF export of kg's graph: Turtle, N-Triples, JSON-LD, TriG and N-Quads, and back.

Each relation becomes a direct triple (``entity kg:leads entity``) for simple queries plus
one ``kg:Statement`` node per sentence that supports it, carrying modality, OWL-Time date,
qualifiers and provenance (docs/decisions/0001-statement-pattern.md). TriG and N-Quads hold
one named graph per source document, named by the document IRI, so a store can replace one
article; each graph repeats the descriptions of the entities the article mentions, so it
stands alone.

Writing builds the triples as pre-formatted terms and writes N-Triples, N-Quads, Turtle and
TriG text from them directly (well over 300k triples/s, see benchmarks/rdf_export.py);
``to_rdf`` still returns an rdflib object for users who want one.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(docs={"a1": {"date": "2024-02-15", "lang": "fr"}})
>>> g.add_node("Q145", label="Royaume-Uni", type="Country", wikidata="Q145", aliases=[],
...            docs=["a1"], mentions=1)
>>> serialize_rdf(g, "nt").decode().splitlines()[0].split()[2]
'<https://w3id.org/kg-news/ontology#Document>'
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import ExportError
from kg.export._rdf_build import build_lines, build_merged
from kg.export._rdf_read import graph_from_triples, read_triples
from kg.export._rdf_terms import doc_iri, entity_iri, graph_iri
from kg.export._rdf_turtle import nquads, ntriples, trig, turtle
from kg.export.atomic import atomic_write_bytes
from kg.vocab import DEFAULT_BASE, prefixes

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "DEFAULT_BASE",
    "FORMATS",
    "context_path",
    "doc_iri",
    "entity_iri",
    "from_rdf",
    "serialize_rdf",
    "to_quads",
    "to_rdf",
    "write_rdf",
]

#: Format name -> (pyoxigraph RdfFormat attribute, holds named graphs?).
FORMATS: dict[str, tuple[str, bool]] = {
    "turtle": ("TURTLE", False),
    "nt": ("N_TRIPLES", False),
    "jsonld": ("JSON_LD", True),
    "trig": ("TRIG", True),
    "nquads": ("N_QUADS", True),
}

_ALIASES = {
    "ttl": "turtle",
    "turtle": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "trig": "trig",
    "nq": "nquads",
    "nquads": "nquads",
    "n-quads": "nquads",
}


def context_path() -> Path:
    """Path of the JSON-LD context shipped with kg (``ontology/context.jsonld``)."""
    return Path(__file__).resolve().parent.parent / "ontology" / "context.jsonld"


def _format(name: str) -> str:
    fmt = _ALIASES.get(name.lower().lstrip("."))
    if fmt is None:
        raise ExportError(f"unknown RDF format {name!r}; use one of .ttl, .nt, .jsonld, .trig, .nq")
    return fmt


def to_quads(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> list[Any]:
    """Return ``graph`` as pyoxigraph quads, one named graph per source document.

    For :mod:`kg.store` and users of pyoxigraph; the order is deterministic.
    """
    import pyoxigraph

    data = nquads(build_lines(graph, base), base)
    return list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS))


def serialize_rdf(
    graph: nx.MultiDiGraph, format: str = "turtle", *, base: str = DEFAULT_BASE
) -> bytes:
    """Serialise ``graph`` to bytes in ``format`` (``turtle``, ``nt``, ``jsonld``, ``trig``,
    ``nquads``); the same graph always gives the same bytes."""
    fmt = _format(format)
    if fmt == "turtle":
        return turtle(build_merged(graph, base), prefixes(base))
    lines = build_lines(graph, base)
    if fmt == "nquads":
        return nquads(lines, base)
    if fmt == "nt":
        return ntriples(lines)
    if fmt == "jsonld":
        return _jsonld(nquads(lines, base), base)
    return trig(((graph_iri(d, base), t) for d, t in lines.items()), prefixes(base))


def _jsonld(data: bytes, base: str) -> bytes:
    """JSON-LD compacted with kg's context (rdflib does the compaction; pyoxigraph cannot)."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    context = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    if base != DEFAULT_BASE:
        context = {k: v for k, v in context.items() if k not in {"entity", "statement", "doc"}}
    text = dataset.serialize(format="json-ld", context=context, sort_keys=True, indent=1)
    raw = text.decode("utf-8") if isinstance(text, bytes) else text
    # rdflib orders nodes and values by Python hashes, which change between processes;
    # RDF arrays are unordered (kg writes no @list), so sorting them keeps the meaning and
    # makes the bytes the same on every run.
    canonical = _sorted_json(json.loads(raw))
    return (json.dumps(canonical, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def _sorted_json(value: Any) -> Any:
    """Recursively sort JSON arrays (by their canonical text) and keep objects as they are."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) if k != "@context" else v for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def to_rdf(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> rdflib.Dataset:
    """Return ``graph`` as an rdflib Dataset: one named graph per document.

    The dataset's default graph is the union of its graphs, so ``ds.query`` sees every fact.
    For large graphs prefer :func:`write_rdf` or :func:`to_quads` (pyoxigraph, much faster).
    """
    from rdflib import Dataset

    data = nquads(build_lines(graph, base), base)
    dataset = Dataset(default_union=True)
    for prefix, iri in prefixes(base).items():
        dataset.bind(prefix, iri)
    if data:
        dataset.parse(data=data, format="nquads")
    return dataset


def write_rdf(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    base: str = DEFAULT_BASE,
) -> Path:
    """Write ``graph`` to ``path`` atomically; the format comes from the suffix unless given.

    ``.ttl`` Turtle, ``.nt`` N-Triples, ``.jsonld`` JSON-LD (with kg's context), ``.trig``
    TriG and ``.nq`` N-Quads (one named graph per document). Returns the path written.
    """
    target = Path(path)
    data = serialize_rdf(graph, format or target.suffix or "", base=base)
    return atomic_write_bytes(target, data)


def from_rdf(source: Any, *, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """Rebuild kg's graph from RDF kg wrote: a file path, an rdflib Graph/Dataset or quads.

    ``from_rdf(path)`` after ``write_rdf(g, path)`` gives back every node, edge and attribute
    of ``g`` (docs/internals.md); named graphs are merged.
    """
    return graph_from_triples(read_triples(source), base)
