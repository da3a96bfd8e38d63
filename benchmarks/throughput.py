"""Throughput of kg against raw spaCy, same model, same documents, same run.

Usage: python benchmarks/throughput.py CORPUS.jsonl [--model fr_core_news_md] [--repeat 3]

Why a ratio: absolute words/s depend on the machine; the ratio says how much kg's own work
(gazetteer, entity linking, times, relations, records) costs on top of the parse, which is
the floor. Goal: kg >= 0.85x raw spaCy.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from kg.io import read_documents
from kg.nlp.pipeline import extract_documents, load_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    docs = list(read_documents([args.corpus]))
    words = sum(len(d.text.split()) for d in docs)
    raw = spacy.load(args.model)
    kg_nlp = load_pipeline(args.model)
    # Warm up both (first calls allocate).
    list(raw.pipe([d.text for d in docs[:3]]))
    list(extract_documents(docs[:3], kg_nlp))

    raw_times, kg_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in raw.pipe((d.text for d in docs), batch_size=args.batch_size):
            pass
        raw_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _x in extract_documents(docs, kg_nlp, batch_size=args.batch_size):
            pass
        kg_times.append(time.perf_counter() - t0)

    raw_s, kg_s = statistics.median(raw_times), statistics.median(kg_times)
    print(f"corpus: {args.corpus} ({len(docs)} documents, {words} words), model {args.model}")
    print(f"raw spaCy nlp.pipe : {raw_s:6.2f} s  {words / raw_s:8.0f} words/s")
    print(f"kg extraction      : {kg_s:6.2f} s  {words / kg_s:8.0f} words/s")
    print(f"ratio kg/raw throughput: {raw_s / kg_s:.2f}x (goal >= 0.85x), median of {args.repeat}")
    # The first run of each parses with empty caches (tokenizer, lemmatizer), as every build
    # worker does on new text; the median is the warm figure.
    cold_raw, cold_kg = raw_times[0], kg_times[0]
    print(
        f"first run (cold caches): raw {cold_raw:.2f} s, kg {cold_kg:.2f} s, "
        f"ratio {cold_raw / cold_kg:.2f}x"
    )


if __name__ == "__main__":
    main()
