"""SPARQL on kg's RDF: one query engine, one prefix table, one term conversion, one table.

Why one module: ``kg query`` (:mod:`kg.store`) and ``BuildResult.query`` (:mod:`kg.notebook`)
ask the same question of the same kind of store; they used to do it with two engines that
disagreed on errors and prefixes. Both now call :func:`run` and differ only in how they
render a term: its lexical form for text output (:func:`lexical`), a Python value for
DataFrames (:func:`to_python`).

Why an in-memory Oxigraph store for a graph (:func:`memory_store`): it loads kg's N-Quads many
times faster than rdflib and answers in milliseconds, and the union of the per-document graphs
as the default graph means queries need no ``GRAPH`` clause.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kg.errors import InputError, StoreError

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "TRIPLE_VARIABLES",
    "Row",
    "format_table",
    "lexical",
    "memory_store",
    "run",
    "sparql_prefixes",
    "to_python",
    "triple_rows",
]

log = logging.getLogger("kg")

#: One result row: a value per variable, None where it is unbound.
Row = tuple[Any, ...]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(
    _XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOATS = frozenset(_XSD + t for t in ("decimal", "double", "float"))
#: Variables of the rows that ``CONSTRUCT`` and ``DESCRIBE`` give.
TRIPLE_VARIABLES = ["subject", "predicate", "object"]


def sparql_prefixes() -> dict[str, str]:
    """Prefixes :func:`run` can predeclare: kg's vocabularies and the bases of its IRIs.

    >>> sparql_prefixes()["entity"]
    'https://w3id.org/kg-news/entity/'
    """
    from kg.vocab import prefixes

    return prefixes()


def lexical(term: Any) -> str | None:
    """A pyoxigraph term as text: an IRI, ``_:id`` for a blank node, a literal's lexical form.

    >>> import pyoxigraph as ox
    >>> lexical(ox.Literal("500", datatype=ox.NamedNode(_XSD + "integer"))), lexical(None)
    ('500', None)
    >>> lexical(ox.BlankNode("b1"))
    '_:b1'
    """
    if term is None:
        return None
    if type(term).__name__ == "BlankNode":
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


def to_python(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value.

    IRIs and strings become ``str``, integers ``int``, decimals ``float``, booleans ``bool``,
    other literals (dates…) their lexical form, None stays None.

    >>> import pyoxigraph as ox
    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> to_python(ox.Literal("500", datatype=ox.NamedNode(xsd + "integer")))
    500
    >>> to_python(ox.Literal("2024-02", datatype=ox.NamedNode(xsd + "gYearMonth")))
    '2024-02'
    >>> to_python(ox.NamedNode("https://w3id.org/kg-news/entity/Q211")), to_python(None)
    ('https://w3id.org/kg-news/entity/Q211', None)
    """
    if type(term).__name__ != "Literal":
        return lexical(term)
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(term.value)
        if datatype in _FLOATS:
            return float(term.value)
    except ValueError:
        return term.value
    if datatype == _XSD + "boolean":
        return term.value in ("true", "1")
    return term.value


def run(
    store: Any,
    sparql: str,
    *,
    convert: Callable[[Any], Any] = lexical,
    prefixes: Mapping[str, str] | None = None,
    where: str = "the store",
) -> tuple[list[str], list[Row]]:
    """Run SPARQL 1.1 on a :class:`pyoxigraph.Store`, the union of its graphs as default graph.

    Returns ``(variables, rows)``, each term passed through ``convert``. ``ASK`` gives
    ``(["ask"], [(answer,)])`` with the answer as an ``xsd:boolean`` converted like any term
    (``"true"`` by :func:`lexical`, ``True`` by :func:`to_python`); ``CONSTRUCT`` and
    ``DESCRIBE`` give ``subject``, ``predicate``, ``object`` rows.

    Args:
        store: the store to query.
        sparql: the query.
        convert: term -> value (:func:`lexical` or :func:`to_python`).
        prefixes: prefixes the query may use without declaring them.
        where: names the store in the error message.

    Raises:
        InputError: the query is empty or not valid SPARQL.
        StoreError: the store failed while evaluating it.
    """
    import pyoxigraph

    if not isinstance(sparql, str) or not sparql.strip():
        raise InputError("the SPARQL query is empty; pass e.g. 'SELECT * WHERE { ?s ?p ?o }'")
    try:
        result = store.query(
            sparql,
            prefixes=dict(prefixes) if prefixes else None,
            use_default_graph_as_union=True,
        )
    except SyntaxError as e:
        raise InputError(f"invalid SPARQL ({e}); check the query") from e
    except OSError as e:
        raise StoreError(f"{where} failed ({e})") from e
    if isinstance(result, pyoxigraph.QueryBoolean):
        answer = "true" if bool(result) else "false"
        boolean = pyoxigraph.Literal(answer, datatype=pyoxigraph.NamedNode(_XSD + "boolean"))
        return ["ask"], [(convert(boolean),)]
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = [v.value for v in result.variables]
        return variables, [tuple(convert(sol[v]) for v in variables) for sol in result]
    return triple_rows(result, convert)


def triple_rows(
    triples: Any, convert: Callable[[Any], Any] = lexical
) -> tuple[list[str], list[Row]]:
    """``subject``, ``predicate``, ``object`` rows of pyoxigraph triples (CONSTRUCT results)."""
    rows = [(convert(t.subject), convert(t.predicate), convert(t.object)) for t in triples]
    return list(TRIPLE_VARIABLES), rows


def memory_store(graph: nx.MultiDiGraph) -> Any:
    """An in-memory :class:`pyoxigraph.Store` holding ``graph`` as N-Quads (one named graph
    per document), for :func:`run`."""
    import pyoxigraph

    from kg.export.rdf import serialize_rdf

    started = time.perf_counter()
    store = pyoxigraph.Store()
    data = serialize_rdf(graph, "nquads")
    if data:
        store.load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    log.info("loaded %d quads into Oxigraph (%.2f s)", len(store), time.perf_counter() - started)
    return store


def format_table(variables: Sequence[str], rows: Sequence[Row], fmt: str = "table") -> str:
    """Render query results as an aligned text ``table``, ``csv`` or ``json``.

    >>> print(format_table(["pays"], [("Lettonie",), (None,)]), end="")
    pays
    --------
    Lettonie
    <BLANKLINE>
    """
    if fmt == "json":
        return json.dumps(
            [dict(zip(variables, row, strict=True)) for row in rows], ensure_ascii=False, indent=2
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(variables)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return buffer.getvalue()
    if fmt != "table":
        raise InputError(f"unknown format {fmt!r}; use table, csv or json")
    cells = [[("" if v is None else str(v)).replace("\n", "\\n") for v in row] for row in rows]
    widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
    )
    return "\n".join(lines) + "\n"
