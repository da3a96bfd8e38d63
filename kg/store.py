"""Loading kg's RDF into triple stores and querying them with SPARQL 1.1.

Two targets, one rule: **a document is a named graph**, and loading it again replaces that
graph, so re-running ``kg load`` after a new build never duplicates facts.

- an embedded :class:`pyoxigraph.Store` on disk (:func:`load_store`), no server needed;
- any SPARQL 1.1 Graph Store Protocol endpoint (:func:`load_endpoint`): Oxigraph, Fuseki,
  GraphDB... through the standard library's http.client, so kg needs no HTTP client package.

Both stream: N-Quads and TriG inputs are read incrementally and sent in bounded chunks, so a
graph of millions of triples never has a second full copy in Python memory (Turtle,
N-Triples and JSON-LD inputs are still parsed whole, because splitting kg's merged triples
back into document graphs needs all of them).

:func:`query` runs SPARQL on a store folder, an RDF file or an http(s) endpoint; the default
graph is the union of the document graphs for local targets (start Oxigraph with
``--union-default-graph`` to get the same over HTTP).
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from kg.errors import InputError, StoreError

__all__ = ["format_table", "load_endpoint", "load_store", "query", "read_graphs"]

#: Suffixes of RDF files kg reads (the parser is chosen from the suffix).
RDF_SUFFIXES = (".trig", ".nq", ".ttl", ".nt", ".jsonld")
_QUAD_SUFFIXES = (".trig", ".nq")
#: Triples per request or store transaction when streaming (~15 MB of N-Triples).
CHUNK_TRIPLES = 100_000
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


# ----------------------------------------------------------------------------- streaming
def _scan(path: Path) -> tuple[int, list[str]]:
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


def _chunks(path: Path, size: int) -> Iterator[tuple[str | None, list[Any]]]:
    """Yield ``(graph name or None, triples)`` runs of at most ``size`` consecutive triples of
    one graph, reading ``path`` incrementally (already validated by :func:`_scan`)."""
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


def _plan(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
) -> list[tuple[Path, int, list[str]] | dict[str | None, list[Any]]]:
    """Validate every input before anything is written: ``(path, quads, graph names)`` for
    N-Quads/TriG files with named graphs (streamed later), parsed graphs for the others."""
    plan: list[tuple[Path, int, list[str]] | dict[str | None, list[Any]]] = []
    for path in _rdf_files(paths):
        if path.suffix in _QUAD_SUFFIXES:
            count, names = _scan(path)
            if names:
                plan.append((path, count, names))
                continue
        plan.append(read_graphs([path]))
    return plan


def _batches(quads: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(quads), size):
        yield quads[start : start + size]


# ----------------------------------------------------------------------------- embedded store
def load_store(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    store_path: str | os.PathLike[str],
) -> int:
    """Load kg RDF files or output folders into an on-disk pyoxigraph store.

    Each document graph in the input replaces the graph of the same name in the store; the
    default graph is added to (set semantics, so no duplicates either). Every input is
    parsed once before the store is touched, so an unreadable input changes nothing.

    N-Quads and TriG files are then bulk-loaded from disk by pyoxigraph (no copy in Python
    memory) after the graphs they name are cleared. That step is not one transaction: if it
    fails midway (disk full), the graphs of that file may be partly loaded; run the same
    ``kg load`` again, which replaces them.

    Returns:
        The number of quads loaded.
    """
    import pyoxigraph

    plan = _plan(paths)
    store = _open_store(store_path, read_only=False)
    total = 0
    try:
        cleared: set[str] = set()
        for item in plan:
            if isinstance(item, tuple):
                path, count, names = item
                for name in names:
                    if name not in cleared:
                        cleared.add(name)
                        store.remove_graph(pyoxigraph.NamedNode(name))
                store.bulk_load(path=str(path))
                total += count
                continue
            for name, quads in item.items():
                if name is not None and name not in cleared:
                    cleared.add(name)
                    store.remove_graph(pyoxigraph.NamedNode(name))
                for batch in _batches(quads, CHUNK_TRIPLES):
                    store.extend(batch)  # one transaction per batch
                total += len(quads)
        store.flush()
    except (OSError, SyntaxError, ValueError) as e:
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


class _Connection:
    """One keep-alive HTTP(S) connection for the many requests of a load.

    Every failure becomes a one-line :class:`StoreError`. A request that finds a reused
    connection closed by the server is sent once more on a new one (PUT and POST of the same
    triples are idempotent on a set-semantics store).
    """

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        self.url, self.timeout = url, timeout
        self.https = parts.scheme == "https"
        self.host = parts.hostname or ""
        self.port = parts.port
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def send(self, method: str, query: str, body: bytes, what: str) -> None:
        sep = "&" if "?" in self.path else "?"
        target, full = f"{self.path}{sep}{query}", f"{self.url}{sep}{query}"
        headers = {"Content-Type": "application/n-triples"}
        for attempt in (1, 2):
            reused = self.conn is not None
            if self.conn is None:
                cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
                self.conn = cls(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, target, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except TimeoutError as e:
                self.close()
                raise StoreError(_timeout(what, full, self.timeout)) from e
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self.close()
                if reused and attempt == 1:
                    continue
                raise StoreError(
                    f"{what}: connection to {full} failed ({e}); check the server and retry"
                ) from e
            except (ConnectionRefusedError, socket.gaierror) as e:
                self.close()
                raise StoreError(
                    f"{what}: cannot reach {full} ({e}); start the server or fix the URL"
                ) from e
            except (OSError, http.client.HTTPException) as e:
                self.close()
                raise StoreError(
                    f"{what}: connection to {full} failed ({e}); check the server and retry"
                ) from e
            if response.status >= 400:
                self.close()
                text = data[:300].decode("utf-8", "replace").strip().replace("\n", " ")
                hint = (
                    "check the URL (Oxigraph: /store for loading, /query for queries)"
                    if response.status < 500
                    else "check the server log"
                )
                raise StoreError(
                    f"{what}: HTTP {response.status} {response.reason} from {full} "
                    f"({text[:200]}); {hint}"
                )
            return


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

    target = _endpoint(url, "/store")
    size = chunk_size or CHUNK_TRIPLES
    if size < 1:
        raise StoreError(f"chunk size must be at least 1 triple, got {size}")
    plan = _plan(paths)
    connection = _Connection(target, timeout)
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
        for item in plan:
            if isinstance(item, tuple):
                for name, triples in _chunks(item[0], size):
                    send(name, triples)
                    total += len(triples)
                continue
            for name, quads in item.items():
                for batch in _batches(quads, size):
                    send(name, [q.triple for q in batch])
                total += len(quads)
    finally:
        connection.close()
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
