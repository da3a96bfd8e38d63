"""Loading kg's RDF into triple stores and querying them with SPARQL 1.1.

Two targets, one rule: **a document is a named graph**, and loading it again replaces that
graph, so re-running ``kg load`` after a new build never duplicates facts.

- an embedded :class:`pyoxigraph.Store` on disk (:func:`load_store`), no server needed;
- any SPARQL 1.1 Graph Store Protocol endpoint (:func:`load_endpoint`): Oxigraph, Fuseki,
  GraphDB... through the standard library's urllib, so kg needs no HTTP client package.

:func:`query` runs SPARQL on a store folder, an RDF file or an http(s) endpoint; the default
graph is the union of the document graphs for local targets (start Oxigraph with
``--union-default-graph`` to get the same over HTTP).
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from kg.errors import InputError, StoreError

__all__ = ["format_table", "load_endpoint", "load_store", "query", "read_graphs"]

#: Suffixes of RDF files kg reads (the parser is chosen from the suffix).
RDF_SUFFIXES = (".trig", ".nq", ".ttl", ".nt", ".jsonld")
_QUAD_SUFFIXES = (".trig", ".nq")
_KG_STATEMENT = "https://w3id.org/kg-news/ontology#Statement"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

Row = tuple[str | None, ...]


# ----------------------------------------------------------------------------- reading inputs
def _rdf_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders: a kg output folder holds graph.trig/.nq (preferred) or graph.ttl."""
    files: list[Path] = []
    for raw in [paths] if isinstance(paths, str | os.PathLike) else paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in _QUAD_SUFFIXES)
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
    for path in _rdf_files(paths):
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


# ----------------------------------------------------------------------------- embedded store
def load_store(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    store_path: str | os.PathLike[str],
) -> int:
    """Load kg RDF files or output folders into an on-disk pyoxigraph store.

    Each document graph in the input replaces the graph of the same name in the store; the
    default graph is added to (set semantics, so no duplicates either). Everything is parsed
    before the store is touched, so an unreadable input changes nothing.

    Returns:
        The number of quads loaded.
    """
    import pyoxigraph

    graphs = read_graphs(paths)
    store = _open_store(store_path, read_only=False)
    total = 0
    try:
        for name, quads in graphs.items():
            if name is not None:
                store.remove_graph(pyoxigraph.NamedNode(name))
            store.extend(quads)  # one transaction per graph
            total += len(quads)
        store.flush()
    except OSError as e:
        raise StoreError(
            f"writing to store {store_path} failed ({e}); check disk space and rerun `kg load`"
        ) from e
    finally:
        del store
    return total


def _open_store(store_path: str | os.PathLike[str], *, read_only: bool) -> Any:
    import pyoxigraph

    path = Path(store_path)
    if read_only and not path.is_dir():
        raise StoreError(f"no store at {path}; create it with `kg load OUT_DIR --store {path}`")
    try:
        if read_only:
            return pyoxigraph.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return pyoxigraph.Store(str(path))
    except OSError as e:
        raise StoreError(
            f"cannot open store {path} ({e}); if an Oxigraph server uses it, stop the server "
            "or load through --endpoint"
        ) from e


# ----------------------------------------------------------------------------- HTTP endpoints
def _endpoint(url: str, default_path: str) -> str:
    """Check the URL and add Oxigraph's default path (/store, /query) to a bare server URL."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise StoreError(
            f"endpoint {url!r} is not an http(s) URL; pass e.g. http://127.0.0.1:7878/store"
        )
    if parts.path in {"", "/"} and not parts.query:
        return url.rstrip("/") + default_path
    return url


def _timeout(what: str, url: str, timeout: float) -> str:
    return f"{what}: {url} timed out after {timeout:g} s; raise --timeout or check the server"


def _request(req: urllib.request.Request, timeout: float, what: str) -> tuple[bytes, str]:
    """Send ``req``; turn every network failure into a one-line :class:`StoreError`."""
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        body = e.read(300).decode("utf-8", "replace").strip().replace("\n", " ")
        hint = (
            "check the URL (Oxigraph: /store for loading, /query for queries)"
            if e.code < 500
            else "check the server log"
        )
        raise StoreError(
            f"{what}: HTTP {e.code} {e.reason} from {req.full_url} ({body[:200]}); {hint}"
        ) from e
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise StoreError(_timeout(what, req.full_url, timeout)) from e
        raise StoreError(
            f"{what}: cannot reach {req.full_url} ({reason}); start the server or fix the URL"
        ) from e
    except TimeoutError as e:
        raise StoreError(_timeout(what, req.full_url, timeout)) from e
    except (ConnectionError, OSError) as e:
        raise StoreError(
            f"{what}: connection to {req.full_url} failed ({e}); check the server and retry"
        ) from e


def load_endpoint(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    url: str,
    *,
    timeout: float = 30,
) -> int:
    """Load kg RDF into a SPARQL 1.1 Graph Store Protocol endpoint, one PUT per document graph.

    ``PUT {url}?graph=IRI`` replaces each document's graph (reloading never duplicates);
    default-graph triples are POSTed to ``{url}?default``. Inputs are parsed before anything is
    sent, and each PUT is atomic on the server, so a failure leaves every graph it did not
    reach as it was. A bare server URL (``http://127.0.0.1:7878``) gets Oxigraph's ``/store``.

    Returns:
        The number of triples sent.

    Raises:
        StoreError: connection refused, HTTP 4xx/5xx or timeout, with what to fix.
    """
    import pyoxigraph

    target = _endpoint(url, "/store")
    graphs = read_graphs(paths)
    sep = "&" if "?" in target else "?"
    total = 0
    for name, quads in graphs.items():
        body = (
            pyoxigraph.serialize([q.triple for q in quads], format=pyoxigraph.RdfFormat.N_TRIPLES)
            or b""
        )
        if name is None:
            full, method = f"{target}{sep}default", "POST"
        else:
            full, method = f"{target}{sep}graph={quote(name, safe='')}", "PUT"
        req = urllib.request.Request(
            full, data=body, method=method, headers={"Content-Type": "application/n-triples"}
        )
        _request(req, timeout, f"loading graph <{name or 'default'}>")
        total += len(quads)
    return total


# ----------------------------------------------------------------------------- querying
def _term(term: Any) -> str | None:
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "BlankNode":
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


def query(target: str | os.PathLike[str], sparql: str) -> tuple[list[str], list[Row]]:
    """Run a SPARQL 1.1 query on a store folder, an RDF file or an http(s) endpoint.

    Returns ``(variables, rows)``; each row holds the IRI or literal lexical form of every
    variable, or None where it is unbound. ``ASK`` gives ``(["ask"], [("true",)])``;
    ``CONSTRUCT``/``DESCRIBE`` give ``subject``, ``predicate``, ``object`` rows. Local
    targets query the union of all graphs as the default graph.
    """
    text = str(target)
    if text.startswith(("http://", "https://")):
        return _query_endpoint(text, sparql)
    import pyoxigraph

    path = Path(text)
    if path.is_dir():
        store = _open_store(path, read_only=True)
    elif path.is_file():
        store = pyoxigraph.Store()
        try:
            store.load(path=str(path))
        except (SyntaxError, ValueError) as e:
            raise InputError(
                f"cannot parse {path} ({e}); pass a .ttl, .trig, .nq or .nt file"
            ) from e
    else:
        raise StoreError(f"{path} is neither a store folder, an RDF file nor an http(s) URL")
    try:
        result = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as e:
        raise InputError(f"invalid SPARQL ({e}); check the query") from e
    except OSError as e:
        raise StoreError(f"query on {path} failed ({e})") from e
    if isinstance(result, pyoxigraph.QueryBoolean):
        return ["ask"], [("true" if bool(result) else "false",)]
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = [v.value for v in result.variables]
        return variables, [tuple(_term(sol[v]) for v in variables) for sol in result]
    rows = [(_term(t.subject), _term(t.predicate), _term(t.object)) for t in result]
    return ["subject", "predicate", "object"], rows


def _query_endpoint(url: str, sparql: str, timeout: float = 60) -> tuple[list[str], list[Row]]:
    target = _endpoint(url, "/query")
    req = urllib.request.Request(
        target,
        data=urlencode({"query": sparql}).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
    )
    body, content_type = _request(req, timeout, "query")
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

    triples = pyoxigraph.parse(body, format=pyoxigraph.RdfFormat.N_TRIPLES)
    rows = [(_term(t.subject), _term(t.predicate), _term(t.object)) for t in triples]
    return ["subject", "predicate", "object"], rows


def format_table(variables: Sequence[str], rows: Sequence[Row], fmt: str = "table") -> str:
    """Render query results as an aligned text ``table``, ``csv`` or ``json``.

    >>> print(format_table(["pays"], [("Lettonie",), (None,)]))
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
    return "\n".join(lines)
