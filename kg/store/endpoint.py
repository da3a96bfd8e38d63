"""Any SPARQL 1.1 endpoint: Graph Store Protocol loads and Protocol queries over HTTP.

Why the Graph Store Protocol: ``PUT ?graph=IRI`` replaces one document graph, which is kg's
reload rule, and Oxigraph, Fuseki and GraphDB all speak it. The transport and its error
messages live in :mod:`kg.store.http`.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode

from kg.errors import StoreError
from kg.sparql import Row, triple_rows
from kg.store.files import CHUNK_TRIPLES, batches, chunks, plan
from kg.store.http import Connection, endpoint_url, request

__all__ = ["load_endpoint", "query_endpoint"]


def load_endpoint(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    url: str,
    *,
    timeout: float = 30,
    chunk_size: int | None = None,
) -> int:
    """Load kg RDF into a SPARQL 1.1 Graph Store Protocol endpoint, streaming each graph.

    Each document graph is sent in requests of at most ``chunk_size`` triples (default
    :data:`CHUNK_TRIPLES`): the first as ``PUT {url}?graph=IRI``, which replaces the graph
    (reloading never duplicates), the next ones as ``POST`` (append). Default-graph triples
    are POSTed to ``{url}?default``. N-Quads/TriG inputs are read incrementally, so memory
    stays bounded by one chunk whatever the size of the graph; kg writes each document's
    quads contiguously, and a graph met again later is appended to, not replaced twice.

    Every input is parsed once before anything is sent, so a bad file changes nothing.
    Graphs already sent stay loaded if a request fails; graphs not reached are unchanged;
    the graph being sent when it fails holds its first chunks only (its old content is
    gone). Loading again repairs it. A bare server URL (``http://127.0.0.1:7878``) gets
    Oxigraph's ``/store``.

    Returns:
        The number of triples sent.

    Raises:
        StoreError: connection refused, HTTP 4xx/5xx or timeout, with what to fix.
    """
    import pyoxigraph

    target = endpoint_url(url, "/store")
    size = chunk_size or CHUNK_TRIPLES
    if size < 1:
        raise StoreError(f"chunk size must be at least 1 triple, got {size}")
    steps = plan(paths)
    connection = Connection(target, timeout)
    started: set[str] = set()
    total = 0

    def send(name: str | None, triples: list[Any]) -> None:
        body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""
        if name is None:
            method, query = "POST", "default"
        else:
            method = "POST" if name in started else "PUT"
            started.add(name)
            query = f"graph={quote(name, safe='')}"
        connection.send(method, query, body, f"loading graph <{name or 'default'}>")

    try:
        for item in steps:
            if isinstance(item, tuple):
                for name, triples in chunks(item[0], size):
                    send(name, triples)
                    total += len(triples)
                continue
            for name, quads in item.items():
                for batch in batches(quads, size):
                    send(name, [q.triple for q in batch])
                total += len(quads)
    finally:
        connection.close()
    return total


def query_endpoint(url: str, sparql: str, timeout: float = 60) -> tuple[list[str], list[Row]]:
    """Run SPARQL on a SPARQL 1.1 Protocol endpoint (a bare server URL gets ``/query``).

    SELECT and ASK answers are read as SPARQL JSON results, CONSTRUCT and DESCRIBE ones as
    N-Triples; the rows are those of :func:`kg.store.query`.
    """
    target = endpoint_url(url, "/query")
    req = urllib.request.Request(
        target,
        data=urlencode({"query": sparql}).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
    )
    body, content_type = request(req, timeout, "query")
    if "json" in content_type:
        data = json.loads(body)
        if "boolean" in data:
            return ["ask"], [("true" if data["boolean"] else "false",)]
        variables = list(data["head"].get("vars", []))
        rows = [
            tuple(b[v]["value"] if v in b else None for v in variables)
            for b in data["results"]["bindings"]
        ]
        return variables, rows
    import pyoxigraph

    return triple_rows(pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES))
