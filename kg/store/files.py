"""Finding and reading the RDF inputs of a load: discovery, whole parses and streaming.

Why a validation pass before any write (:func:`plan`): a syntax error in the tenth file must
surface before the first one is loaded, so a bad input changes nothing in the store. N-Quads
and TriG files are only scanned then (their quad count and graph names) and streamed later
(:func:`chunks`), so memory stays bounded by one chunk whatever the size of the input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = [
    "CHUNK_TRIPLES",
    "RDF_SUFFIXES",
    "batches",
    "chunks",
    "plan",
    "rdf_files",
    "read_graphs",
    "scan",
]


#: Suffixes of RDF files kg reads (the parser is chosen from the suffix).
RDF_SUFFIXES = (".trig", ".nq", ".ttl", ".nt", ".jsonld")
_QUAD_SUFFIXES = (".trig", ".nq")
#: Triples per request or store transaction when streaming (~15 MB of N-Triples).
CHUNK_TRIPLES = 100_000
_KG_STATEMENT = "https://w3id.org/kg-news/ontology#Statement"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


# ----------------------------------------------------------------------------- reading inputs
def rdf_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders: a kg output folder holds graph.trig/.nq (preferred) or graph.ttl."""
    files: list[Path] = []
    for raw in [paths] if isinstance(paths, str | os.PathLike) else paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in _QUAD_SUFFIXES)
            # kg may write the same dataset as X.trig and X.nq: read it once
            found = [p for p in found if p.suffix != ".nq" or p.with_suffix(".trig") not in found]
            if not found:
                found = sorted(p for p in path.iterdir() if p.suffix in RDF_SUFFIXES)
            if not found:
                raise InputError(
                    f"{path} holds no RDF file (.trig, .nq, .ttl); run `kg build` first"
                )
            files.extend(found)
        elif path.is_file():
            if path.suffix not in RDF_SUFFIXES:
                raise InputError(
                    f"{path}: unknown RDF suffix; use one of {', '.join(RDF_SUFFIXES)}"
                )
            files.append(path)
        else:
            raise InputError(f"{path} does not exist; pass a kg output folder or an RDF file")
    return files


def read_graphs(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
) -> dict[str | None, list[Any]]:
    """Parse RDF files into pyoxigraph quads grouped by graph name (None: default graph).

    Triple files written by kg (Turtle, N-Triples, JSON-LD without graphs) are split back
    into one graph per document, so they replace cleanly too; other triple files go to a
    graph named after the file's ``file:`` URI.
    """
    import pyoxigraph

    from kg.export.rdf import from_rdf, to_quads

    graphs: dict[str | None, dict[Any, None]] = {}
    for path in rdf_files(paths):
        try:
            quads = list(pyoxigraph.parse(path=str(path)))
        except (SyntaxError, ValueError, OSError) as e:
            raise InputError(f"cannot parse {path} ({e}); check the file or rebuild it") from e
        named = any(not isinstance(q.graph_name, pyoxigraph.DefaultGraph) for q in quads)
        if not named:
            is_kg = any(
                q.predicate.value == _RDF_TYPE and getattr(q.object, "value", "") == _KG_STATEMENT
                for q in quads
            )
            if is_kg:
                quads = to_quads(from_rdf(quads))
            else:
                name = pyoxigraph.NamedNode(path.resolve().as_uri())
                quads = [pyoxigraph.Quad(q.subject, q.predicate, q.object, name) for q in quads]
        for q in quads:
            key = None if isinstance(q.graph_name, pyoxigraph.DefaultGraph) else q.graph_name.value
            graphs.setdefault(key, {})[q] = None
    return {
        k: list(v)
        for k, v in sorted(graphs.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))
    }


# ----------------------------------------------------------------------------- streaming
def scan(path: Path) -> tuple[int, list[str]]:
    """Parse ``path`` once without keeping it: its quad count and named graphs, in order.

    The validation pass of a streaming load: a syntax error surfaces before anything is
    written, with memory bounded by the number of graphs.
    """
    import pyoxigraph

    count, names, last = 0, {}, None
    try:
        for quad in pyoxigraph.parse(path=str(path)):
            count += 1
            graph = quad.graph_name
            if graph != last:
                last = graph
                if isinstance(graph, pyoxigraph.NamedNode):
                    names.setdefault(graph.value, None)
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(f"cannot parse {path} ({e}); check the file or rebuild it") from e
    return count, list(names)


def chunks(path: Path, size: int) -> Iterator[tuple[str | None, list[Any]]]:
    """Yield ``(graph name or None, triples)`` runs of at most ``size`` consecutive triples of
    one graph, reading ``path`` incrementally (already validated by :func:`scan`)."""
    import pyoxigraph

    current: Any = None
    name: str | None = None
    buffer: list[Any] = []
    for quad in pyoxigraph.parse(path=str(path)):
        graph = quad.graph_name
        if graph != current or len(buffer) >= size:
            if buffer:
                yield name, buffer
                buffer = []
            if graph != current:
                current = graph
                name = graph.value if isinstance(graph, pyoxigraph.NamedNode) else None
        buffer.append(quad.triple)
    if buffer:
        yield name, buffer


def plan(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
) -> list[tuple[Path, int, list[str]] | dict[str | None, list[Any]]]:
    """Validate every input before anything is written: ``(path, quads, graph names)`` for
    N-Quads/TriG files with named graphs (streamed later), parsed graphs for the others."""
    steps: list[tuple[Path, int, list[str]] | dict[str | None, list[Any]]] = []
    for path in rdf_files(paths):
        if path.suffix in _QUAD_SUFFIXES:
            count, names = scan(path)
            if names:
                steps.append((path, count, names))
                continue
        steps.append(read_graphs([path]))
    return steps


def batches(quads: list[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive slices of at most ``size`` quads (one store transaction or request each)."""
    for start in range(0, len(quads), size):
        yield quads[start : start + size]
