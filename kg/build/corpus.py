"""The one build path: one article or 10,000, in memory or cached, local or on Dask.

Why one path: ``kg.build()`` in a notebook, ``kg build`` and ``kg extract`` used to read,
extract, resolve and graph documents with two orchestrators, two progress bars and
different results (``r.documents`` was empty from the command line). Here a build is:

1. **scan** — read the corpus once, keeping only each document's cache key (a content
   hash, :func:`kg.build.cache.document_key`); bad input fails here, before any model loads;
2. **extract** — read the corpus again and stream the documents the cache lacks, in
   chunks, through this process, worker processes or a Dask cluster; every extraction goes
   to the cache as soon as it arrives, so a killed run loses at most the chunks in flight
   and the next run starts where it stopped;
3. **load** — read every extraction back from the cache in input order;
4. **resolve** and **graph** — cross-document entity resolution (:mod:`kg.resolve`) and
   :func:`kg.graph.build_graph` (:func:`build_corpus`; ``kg extract`` stops after 3).

The cache is a folder (:class:`~kg.build.cache.ExtractionCache`, ``kg build``) or, for a
build without one, a :class:`~kg.build.cache.MemoryCache`. Through a folder, fresh and
cached extractions alike are read back from JSON, so an incremental or resumed run yields
byte-identical outputs to a full rebuild.

What it returns is a :class:`CorpusRun` (records, graph, counts, timings); the result
object of notebooks, :class:`kg.api.BuildResult`, is made from it by the caller.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.build.cache import ExtractionCache, MemoryCache, document_key, pipeline_fingerprint
from kg.build.inputs import Corpus
from kg.build.options import BuildOptions
from kg.build.progress import note, progress_bar, wants_progress
from kg.errors import InputError, KgError
from kg.model import Document, Extraction

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CorpusRun",
    "build_corpus",
    "default_workers",
    "extract_corpus",
    "resolve_extractions",
]

log = logging.getLogger("kg")

Store = ExtractionCache | MemoryCache


@dataclass
class CorpusRun:
    """What one build did.

    Attributes:
        extractions: one per document, in input order (after resolution, for
            :func:`build_corpus`).
        corpus: the documents, re-readable (:class:`~kg.build.inputs.Corpus`).
        documents: how many documents the corpus holds.
        parsed: documents parsed in this run (the others came from the cache).
        cached: documents served from the cache.
        workers: processes used for parsing (1 = in this process; 0 = nothing to parse;
            -1 = a Dask cluster).
        cache: the cache folder, or None for a build kept in memory.
        timings: seconds per stage (``scan``, ``extract``, ``load``, ``resolve``, ``graph``);
            ``extract_first_result`` is the part of ``extract`` spent before the first chunk
            came back (starting workers, loading the model).
        graph: the merged graph (set by :func:`build_corpus`).
    """

    extractions: list[Extraction]
    corpus: Corpus
    documents: int
    parsed: int
    cached: int
    workers: int
    cache: Path | None
    timings: dict[str, float] = field(default_factory=dict)
    graph: nx.MultiDiGraph | None = None


def default_workers() -> int:
    """Processes to use by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_corpus(corpus: Corpus, options: BuildOptions) -> CorpusRun:
    """Extract every document of ``corpus``, parsing only those the cache lacks.

    Raises:
        InputError: bad input (found while scanning, before any model loads).
        ModelError: unknown or missing model.
        KgError: Dask missing or unreachable; a cache that cannot be read back.
    """
    from kg.nlp.pipeline import check_model

    if options.scheduler:
        from kg.build.distributed import check_scheduler

        check_scheduler(options.scheduler)
    timings: dict[str, float] = {}
    model = check_model(options.model, options.lang)
    fingerprint = pipeline_fingerprint(model, options.lang)
    store: Store = ExtractionCache(options.cache) if options.cache else MemoryCache()
    shown = wants_progress(options.progress)

    # 1. scan: keys only, so memory does not grow with the texts.
    t0 = time.perf_counter()
    keys: list[str] = []
    todo: set[str] = set()
    for document in corpus.stream():
        key = document_key(document, fingerprint)
        keys.append(key)
        if options.rebuild or key not in store:
            todo.add(key)
    timings["scan"] = time.perf_counter() - t0
    if not keys:
        raise InputError("no document left to build: each was skipped (see the warnings above)")

    # 2. extract what is missing, streaming results into the cache.
    t0 = time.perf_counter()
    log.info("loading the spaCy pipeline (%s, %s)", model, options.lang)
    parsed = _extract_missing(
        corpus, todo, store, model, fingerprint, options, cached=len(keys) - len(todo)
    )
    timings["extract"] = time.perf_counter() - t0
    timings["extract_first_result"] = parsed.startup

    # 3. load everything back, in input order; re-parse entries damaged on disk (power cut).
    t0 = time.perf_counter()
    extractions, damaged = _load(store, keys)
    if damaged:
        note(f"{len(damaged)} cache entries were unreadable; parsing them again", enabled=shown)
        parsed.count += _extract_missing(
            corpus, damaged, store, model, fingerprint, options, cached=len(keys) - len(damaged)
        ).count
        extractions, damaged = _load(store, keys)
        if damaged:
            raise KgError(
                f"the cache {store.root} cannot be read back; delete it or pass --rebuild"
            )
    timings["load"] = time.perf_counter() - t0
    log.info("read %d documents in %.1f s", len(keys), timings["extract"] + timings["load"])
    return CorpusRun(
        extractions=[_with_copies(x, corpus) for x in extractions if x is not None],
        corpus=corpus,
        documents=len(keys),
        parsed=parsed.count,
        cached=len(keys) - parsed.count,
        workers=parsed.workers,
        cache=store.root,
        timings=timings,
    )


def _with_copies(extraction: Extraction, corpus: Corpus) -> Extraction:
    """The extraction with the copies of its text found while the corpus was read.

    Why after the cache: copies are known only once the whole corpus has been read, and
    adding an outlet that relays an article must not parse the article again.
    """
    known = {c.id for c in extraction.copies}
    found = [c for c in corpus.copies.get(extraction.id, ()) if c.id not in known]
    if not found:
        return extraction
    return replace(extraction, copies=(*extraction.copies, *found))


@dataclass
class _Parsed:
    count: int = 0
    workers: int = 0
    startup: float = 0.0


def _extract_missing(
    corpus: Corpus,
    todo: set[str],
    store: Store,
    model: str,
    fingerprint: str,
    options: BuildOptions,
    *,
    cached: int,
) -> _Parsed:
    """Parse the documents whose key is in ``todo``; put each extraction in the cache."""
    done = _Parsed()
    if not todo:
        return done
    sent: set[str] = set()

    def missing() -> Iterator[Document]:
        for document in corpus.stream():
            key = document_key(document, fingerprint)
            if key in todo and key not in sent:  # a document repeated in the corpus: once
                sent.add(key)
                yield document

    chunks = _chunks(missing(), options.batch_size)
    if options.scheduler:
        from kg.build.distributed import dask_extract_chunks

        results = dask_extract_chunks(
            chunks,
            scheduler=options.scheduler,
            model=model,
            lang=options.lang,
            batch_size=options.batch_size,
            fingerprint=fingerprint,
        )
        where = f"the Dask cluster at {options.scheduler}"
        done.workers = -1
    else:
        from kg.nlp.pipeline import extract_chunks

        # Starting a process costs a model load (~4 s): never more processes than chunks.
        n = min(options.workers or default_workers(), math.ceil(len(todo) / options.batch_size))
        results = extract_chunks(
            chunks, model=model, lang=options.lang, workers=n, batch_size=options.batch_size
        )
        where = f"{n} process{'es' if n > 1 else ''}"
        done.workers = n
    shown = wants_progress(options.progress)
    if store.root is None:
        note(f"parsing {len(todo)} documents on {where}", enabled=shown)
    else:
        note(f"{cached} documents cached, parsing {len(todo)} on {where}", enabled=shown)
    started = time.perf_counter()
    # The bar starts with the work: it shows 0/N while the workers load the model, and its
    # rate and elapsed time are those the reader waits through (one bar, drawn in place).
    with progress_bar(len(todo), enabled=shown) as bar:
        for chunk, extractions in results:
            for document, extraction in zip(chunk, extractions, strict=True):
                store.put(document_key(document, fingerprint), extraction)
            if not done.count:  # model loading is not parsing speed: timed on its own
                done.startup = time.perf_counter() - started
            done.count += len(chunk)
            bar.update(len(chunk))
    if done.count != len(todo):
        raise KgError(
            f"the corpus changed while kg was reading it ({done.count} of {len(todo)} new "
            f"documents found again); run the same command again"
        )
    return done


def _load(store: Store, keys: list[str]) -> tuple[list[Extraction | None], set[str]]:
    extractions: list[Extraction | None] = []
    damaged: set[str] = set()
    for key in keys:
        extraction = store.get(key)
        if extraction is None:
            damaged.add(key)
            store.discard(key)
        extractions.append(extraction)
    return extractions, damaged


def resolve_extractions(extractions: list[Extraction]) -> list[Extraction]:
    """Cross-document entity and event resolution, between extraction and ``build_graph``.

    One place for the build's resolution step (:func:`kg.resolve.resolve`), so a
    benchmark can time it and a later, faster resolver plugs in here.
    """
    from kg.resolve import resolve
    from kg.resolve_events import resolve_events

    return resolve_events(resolve(extractions))


def build_corpus(corpus: Corpus, options: BuildOptions) -> CorpusRun:
    """Extract ``corpus`` (see :func:`extract_corpus`), resolve entities, build the graph.

    Write the outputs with :func:`kg.export.outputs.write_outputs` (what
    ``kg.BuildResult.save`` does): it replaces only the files it writes, never the cache.
    """
    from kg.graph import build_graph

    run = extract_corpus(corpus, options)
    t0 = time.perf_counter()
    run.extractions = resolve_extractions(run.extractions)
    run.timings["resolve"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    run.graph = build_graph(run.extractions)
    run.timings["graph"] = time.perf_counter() - t0
    log.info(
        "graph: %d entities, %d relations (%.2f s)",
        run.graph.number_of_nodes(),
        run.graph.number_of_edges(),
        run.timings["graph"],
    )
    return run
