"""The embedded store: an on-disk :class:`pyoxigraph.Store`, loaded and queried in-process.

Why embedded: no server to install or start; ``kg load out/ --store store/`` then
``kg query store/ ...`` works on a laptop, and pyoxigraph bulk-loads N-Quads from disk without
a copy in Python memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import InputError, StoreError
from kg.sparql import Row, run
from kg.store.files import CHUNK_TRIPLES, batches, plan

__all__ = ["load_store", "open_store", "query_local"]


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

    steps = plan(paths)
    store = open_store(store_path, read_only=False)
    total = 0
    try:
        cleared: set[str] = set()
        for item in steps:
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
                for batch in batches(quads, CHUNK_TRIPLES):
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


def open_store(store_path: str | os.PathLike[str], *, read_only: bool) -> Any:
    """Open the store folder, read-only for queries or created for loads.

    A store locked by a running server becomes a :class:`StoreError` that says what to do.
    """
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


def query_local(path: str | os.PathLike[str], sparql: str) -> tuple[list[str], list[Row]]:
    """Run SPARQL on a store folder (read-only) or an RDF file (loaded in memory).

    The union of all graphs is the default graph; see :func:`kg.store.query` for the rows.
    """
    import pyoxigraph

    path = Path(path)
    if path.is_dir():
        store = open_store(path, read_only=True)
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
    return run(store, sparql, where=f"query on {path}")
