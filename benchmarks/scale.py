"""kg build at scale: documents/s, peak memory and time per stage for 1,000 to 10,000 articles.

Usage:
    python benchmarks/scale.py ../shared/data/wikinews-fr-2012-dev.jsonl \\
        [--sizes 1000 10000] [--workers 2] [--model fr_core_news_md] [--work DIR] [--no-raw]

Each size is a corpus made by repeating the source articles with new ids and dates (so
every document has its own cache key and is parsed). Each measurement runs in a fresh
Python process, so peak memory (``ru_maxrss`` of the process and of its worker processes)
belongs to that run alone:

- ``kg``: the ``kg build`` flow (kg.build, cold cache) with the per-stage times: read
  (scan), parse+extract, load (cache -> records), resolve, graph, and the outputs: RDF
  (Turtle + TriG), HTML (graph + timeline) and the rest of ``write_outputs``;
- ``raw``: ``spacy.load(model).pipe(texts, n_process=workers)`` over the same texts.

Goals: kg >= 0.85x the raw throughput with the same model and workers; time and memory
grow linearly from 1k to 10k documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from pathlib import Path


def make_corpus(source: Path, size: int, path: Path) -> int:
    """Write ``size`` documents cycling through ``source``; return the word count."""
    articles = [json.loads(line) for line in source.read_text("utf-8").splitlines() if line]
    base = dt.date(2012, 1, 1)
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for n in range(size):
            article = articles[n % len(articles)]
            date = base + dt.timedelta(days=n % 3650)
            record = {"id": f"scale-{n:05d}", "text": article["text"], "date": date.isoformat()}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            words += len(article["text"].split())
    return words


def _peaks() -> dict[str, float]:
    """Peak resident memory in MB of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb_main": round(own), "peak_mb_worker": round(children)}


def run_kg(corpus: Path, out: Path, workers: int, model: str) -> dict:
    """The ``kg build`` flow on a cold cache, timed stage by stage."""
    import kg.export.html
    import kg.export.rdf
    import kg.export.timeline.html
    from kg.build import CACHE_DIRNAME, BuildOptions, Corpus, build_corpus
    from kg.export.outputs import write_outputs

    timings: dict[str, float] = {}

    def timed(module, name: str, stage: str) -> None:
        func = getattr(module, name)

        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - t0

        setattr(module, name, wrapper)

    # write_outputs imports the writers when it runs, so these wrappers time them.
    timed(kg.export.rdf, "write_rdf", "rdf")
    timed(kg.export.html, "write_html", "html")
    timed(kg.export.timeline.html, "write_timeline_html", "html")

    t0 = time.perf_counter()
    options = BuildOptions(
        model=model, workers=workers, cache=out / CACHE_DIRNAME, rebuild=True, progress=False
    )
    run = build_corpus(Corpus.from_paths([corpus], date=None, lang="fr"), options)
    t1 = time.perf_counter()
    assert run.graph is not None
    write_outputs(out, run.extractions, run.graph)
    t2 = time.perf_counter()
    stages = {
        "read": run.timings["scan"],
        "parse+extract": run.timings["extract"],
        "  of which startup": run.timings["extract_first_result"],
        "load": run.timings["load"],
        "resolve": run.timings["resolve"],
        "graph": run.timings["graph"],
        "rdf": timings.get("rdf", 0.0),
        "html": timings.get("html", 0.0),
        "other outputs": (t2 - t1) - timings.get("rdf", 0.0) - timings.get("html", 0.0),
    }
    return {
        "documents": run.documents,
        "workers": run.workers,
        "total_s": t2 - t0,
        "stages": stages,
        "nodes": run.graph.number_of_nodes(),
        "edges": run.graph.number_of_edges(),
        **_peaks(),
    }


def run_raw(corpus: Path, workers: int, model: str, batch_size: int) -> dict:
    """Raw spaCy: the same texts through ``nlp.pipe`` with the same processes."""
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(model)
    t1 = time.perf_counter()

    def texts():
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)["text"]

    n = 0
    for _doc in nlp.pipe(texts(), n_process=workers, batch_size=batch_size):
        n += 1
    t2 = time.perf_counter()
    return {"documents": n, "load_s": t1 - t0, "pipe_s": t2 - t1, **_peaks()}


def _child(args: argparse.Namespace) -> None:
    if args.child == "kg":
        data = run_kg(args.corpus, args.work / "out", args.workers, args.model)
    else:
        data = run_raw(args.corpus, args.workers, args.model, args.batch_size)
    print(json.dumps(data))


def _spawn(kind: str, corpus: Path, work: Path, args: argparse.Namespace) -> dict:
    command = [
        sys.executable, __file__, str(corpus), "--child", kind, "--work", str(work),
        "--workers", str(args.workers), "--model", args.model,
        "--batch-size", str(args.batch_size),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{kind} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="source JSONL (wikinews-fr-2012-dev.jsonl)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-scale"))
    parser.add_argument("--no-raw", action="store_true", help="skip the raw spaCy runs")
    parser.add_argument("--child", choices=["kg", "raw"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return

    rows = []
    for size in args.sizes:
        work = args.work / f"n{size}"
        work.mkdir(parents=True, exist_ok=True)
        corpus = work / "corpus.jsonl"
        words = make_corpus(args.corpus, size, corpus)
        raw = None if args.no_raw else _spawn("raw", corpus, work, args)
        res = _spawn("kg", corpus, work, args)
        rows.append((size, words, res, raw))
        extract = res["stages"]["parse+extract"]
        print(f"\n== {size} documents, {words} words, {args.workers} workers, {args.model}")
        print(f"kg build total      : {res['total_s']:8.1f} s  {size / res['total_s']:7.1f} doc/s")
        print(f"kg parse+extract    : {extract:8.1f} s  {size / extract:7.1f} doc/s")
        for stage, seconds in res["stages"].items():
            print(f"   {stage:<18}: {seconds:8.2f} s")
        print(f"graph: {res['nodes']} nodes, {res['edges']} edges")
        print(
            f"peak memory: main {res['peak_mb_main']} MB, largest worker {res['peak_mb_worker']} MB"
        )
        if raw:
            raw_total = raw["load_s"] + raw["pipe_s"]
            print(
                f"raw nlp.pipe        : {raw['pipe_s']:8.1f} s  {size / raw['pipe_s']:7.1f} doc/s"
                f" (+{raw['load_s']:.1f} s model load; peak main {raw['peak_mb_main']} MB,"
                f" worker {raw['peak_mb_worker']} MB)"
            )
            print(
                f"ratio kg parse+extract / raw (incl. model load both): "
                f"{raw_total / extract:.2f}x (goal >= 0.85x)"
            )
            steady = extract - res["stages"]["  of which startup"]
            print(
                f"ratio steady state (after first result / raw pipe): {raw['pipe_s'] / steady:.2f}x"
            )
    if len(rows) > 1:
        (s0, _, r0, _), (s1, _, r1, _) = rows[0], rows[-1]
        print(f"\n== growth {s0} -> {s1} documents ({s1 / s0:.1f}x)")
        print(f"total time  : {r1['total_s'] / r0['total_s']:.2f}x")
        for stage in ("read", "parse+extract", "load", "resolve", "graph", "rdf", "html"):
            a, b = r0["stages"][stage], r1["stages"][stage]
            print(f"{stage:<12}: {b / a if a else float('nan'):.2f}x")
        print(f"peak memory : main {r1['peak_mb_main'] / r0['peak_mb_main']:.2f}x")


if __name__ == "__main__":
    main()
