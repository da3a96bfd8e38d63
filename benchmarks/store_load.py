"""Benchmark streaming loads: ~1.4M quads into a real Oxigraph server and an embedded store.

Why: `kg load` must handle corpora of millions of triples without a second copy of the data
in Python memory (issue "Corpora at scale"). Reports wall and CPU time (CPU of this Python
process only: the server's work shows in wall time) and the peak Python memory traced by
tracemalloc, next to the size of the file loaded.

Run: ``.venv/bin/python benchmarks/store_load.py [--edges 75000] [--chunk 100000]``
(needs the ``oxigraph`` server binary next to the venv's python, PyPI ``oxigraph``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _rdf_graphs import synthetic_graph  # shared with the tests
from _servers import OXIGRAPH, oxigraph_server

from kg.export.rdf import write_rdf
from kg.store import load_endpoint, load_store, query

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _measure(label: str, func) -> object:
    """Run ``func`` under tracemalloc; print wall, CPU, peak traced Python memory and the
    growth of the process's peak RSS (Linux; includes pyoxigraph's Rust allocations, which
    tracemalloc does not see)."""
    gc.collect()
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
    rss = _rss_kb("VmRSS")
    tracemalloc.start()
    start, cpu = time.perf_counter(), time.process_time()
    try:
        result = func()
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    grown = (_rss_kb("VmHWM") - rss) / 1e3
    print(
        f"{label:<38} {elapsed:7.2f} s wall {cpu:6.2f} s CPU  peak traced {peak / 1e6:5.1f} MB"
        f"  peak RSS +{grown:5.0f} MB  -> {result:,}"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=75_000)
    parser.add_argument("--chunk", type=int, default=100_000, help="triples per request")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = write_rdf(synthetic_graph(args.edges), Path(tmp) / "graph.nq")
        gc.collect()
        size = path.stat().st_size
        print(f"input: {path.name}, {size / 1e6:.0f} MB")
        if OXIGRAPH.exists():
            _endpoint_figures(path, args.chunk, tmp)
        else:
            print(f"no oxigraph server at {OXIGRAPH}: skipping the endpoint figures")
        _measure("load_store (embedded, bulk)", lambda: load_store([path], Path(tmp) / "st"))
        _measure("load_store again (replaces)", lambda: load_store([path], Path(tmp) / "st"))


def _endpoint_figures(path: Path, chunk: int, tmp: str) -> None:
    """Start ``oxigraph serve`` on a free loopback port, load twice, always stop it."""
    with oxigraph_server(Path(tmp) / "db") as url:
        sent = _measure(
            f"load_endpoint, chunks of {chunk:,}",
            lambda: load_endpoint([path], url, chunk_size=chunk, timeout=600),
        )
        _measure(
            "load_endpoint again (PUT replaces)",
            lambda: load_endpoint([path], url, chunk_size=chunk, timeout=600),
        )
        stored = int(query(f"{url}/query", COUNT)[1][0][0])
        print(f"server holds {stored:,} quads after two loads (sent {sent:,} each time)")


if __name__ == "__main__":
    main()
