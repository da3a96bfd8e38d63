"""CPU time per pipeline component, for the same documents, in one process.

Usage: python benchmarks/components.py CORPUS.jsonl [--limit 250] [--repeat 3] [--profile F]

Why CPU time and per component: on a shared machine wall-clock runs of
``benchmarks/throughput.py`` vary by 10-20 % from one run to the next, while
``time.process_time`` around each pipe counts only this process's own work. The documents
go through kg's pipeline batch by batch as ``nlp.pipe`` sends them (``make_doc``, then each
pipe over the whole batch, then ``doc_to_extraction``), but each step is timed on its own
instead of inside spaCy's chained generators, where a pipe's time would include its
upstream pipes'. ``load_pipeline`` is timed once, apart. The best of ``--repeat`` runs is
printed per step (the least disturbed one). Raw spaCy (the model alone, ``nlp.pipe`` over
the same texts) is timed the same way, interleaved with kg's runs, so the printed CPU ratio
is the one ``benchmarks/throughput.py`` measures on the wall clock, less the machine's noise.
``--profile F`` writes a cProfile of kg's own steps only (``kg_*`` pipes and
``doc_to_extraction``), for ``python -m pstats F``.
"""

from __future__ import annotations

import argparse
import cProfile
import time
from collections import defaultdict
from pathlib import Path

from kg.io import read_documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--model", default=None)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--limit", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--profile", type=Path, help="write a cProfile of kg's own steps (kg_* pipes) here"
    )
    args = parser.parse_args()
    profiler = cProfile.Profile() if args.profile else None

    import spacy

    from kg.nlp.extract import doc_to_extraction
    from kg.nlp.pipeline import MODELS, load_pipeline, new_doc

    docs = list(read_documents([args.corpus]))[args.offset : args.offset + args.limit]
    t0 = time.process_time()
    nlp = load_pipeline(args.model)
    load_s = time.process_time() - t0
    raw = spacy.load(args.model or MODELS["fr"][0])
    texts = [d.text for d in docs]
    linker = nlp.get_pipe("kg_entities")
    lex, words = linker.lex, linker.words

    def run(batch_docs: list, spent: dict[str, float]) -> None:
        t = time.process_time()
        made = []
        for n, document in enumerate(batch_docs):
            made.append(new_doc(nlp, document, n))
        spent["make_doc"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            mine = profiler is not None and name.startswith("kg_")
            if mine:
                profiler.enable()
            t = time.process_time()
            if hasattr(proc, "pipe"):
                made = list(proc.pipe(made, batch_size=args.batch_size))
            else:
                made = [proc(doc) for doc in made]
            spent[name] += time.process_time() - t
            if mine:
                profiler.disable()
        if profiler is not None:
            profiler.enable()
        t = time.process_time()
        for doc, document in zip(made, batch_docs, strict=True):
            doc_to_extraction(doc, document, lex, words)
        spent["doc_to_extraction"] += time.process_time() - t
        if profiler is not None:
            profiler.disable()

    run(docs[:3], defaultdict(float))  # warm-up (first calls allocate)
    list(raw.pipe(texts[:3]))
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        t = time.process_time()
        for _doc in raw.pipe(texts, batch_size=args.batch_size):
            pass
        raw_s = time.process_time() - t
        best["raw spaCy"] = min(best.get("raw spaCy", raw_s), raw_s)
        spent: dict[str, float] = defaultdict(float)
        for i in range(0, len(docs), args.batch_size):
            run(docs[i : i + args.batch_size], spent)
        spent["total"] = sum(spent.values())
        spent["kg's own"] = sum(
            s for name, s in spent.items() if name.startswith("kg_") or name == "doc_to_extraction"
        )
        for name, s in spent.items():
            best[name] = min(best.get(name, s), s)
    print(f"{len(docs)} documents from {args.corpus}; load_pipeline {load_s:.2f} s CPU")
    for name in ["make_doc", *nlp.pipe_names, "doc_to_extraction", "total", "kg's own"]:
        print(f"  {name:20s} {best.get(name, 0.0):7.3f} s CPU")
    print(f"  {'raw spaCy':20s} {best['raw spaCy']:7.3f} s CPU (nlp.pipe, same texts)")
    ratio = best["raw spaCy"] / best["total"]
    print(f"ratio kg/raw throughput (CPU, best of {args.repeat}): {ratio:.2f}x (goal >= 0.85x)")
    if profiler is not None:
        profiler.dump_stats(args.profile)


if __name__ == "__main__":
    main()
