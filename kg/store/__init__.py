"""Loading kg's RDF into triple stores and querying them with SPARQL 1.1.

Two targets, one rule: **a document is a named graph**, and loading it again replaces that
graph, so re-running ``kg load`` after a new build never duplicates facts.

- an embedded :class:`pyoxigraph.Store` on disk (:func:`load_store`, :mod:`.embedded`), no
  server needed;
- any SPARQL 1.1 Graph Store Protocol endpoint (:func:`load_endpoint`, :mod:`.endpoint`):
  Oxigraph, Fuseki, GraphDB... through the standard library's HTTP modules (:mod:`.http`), so
  kg needs no HTTP client package.

Both stream (:mod:`.files`): N-Quads and TriG inputs are read incrementally and sent in
bounded chunks, so a graph of millions of triples never has a second full copy in Python
memory (Turtle, N-Triples and JSON-LD inputs are still parsed whole, because splitting kg's
merged triples back into document graphs needs all of them).

:func:`query` runs SPARQL on a store folder, an RDF file or an http(s) endpoint; the default
graph is the union of the document graphs for local targets (start Oxigraph with
``--union-default-graph`` to get the same over HTTP). Local queries go through
:func:`kg.sparql.run`, the engine notebooks use too.
"""

from __future__ import annotations

import os

from kg.sparql import Row
from kg.store.embedded import load_store, query_local
from kg.store.endpoint import load_endpoint, query_endpoint
from kg.store.files import read_graphs

__all__ = ["load_endpoint", "load_store", "query", "read_graphs"]


def query(target: str | os.PathLike[str], sparql: str) -> tuple[list[str], list[Row]]:
    """Run a SPARQL 1.1 query on a store folder, an RDF file or an http(s) endpoint.

    Returns ``(variables, rows)``; each row holds the IRI or literal lexical form of every
    variable, or None where it is unbound. ``ASK`` gives ``(["ask"], [("true",)])``;
    ``CONSTRUCT``/``DESCRIBE`` give ``subject``, ``predicate``, ``object`` rows. Local
    targets query the union of all graphs as the default graph.
    """
    text = str(target)
    if text.startswith(("http://", "https://")):
        return query_endpoint(text, sparql)
    return query_local(text, sparql)
