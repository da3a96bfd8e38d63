"""Corpora at scale: thousands of articles, incremental, resumable, local or on Dask.

Why a module of its own: ``kg.build()`` keeps every document in memory and parses
everything, which is right for a notebook and wrong for 10,000 articles. Here a build is:

1. **scan** — read the corpus once, keeping only each document's cache key (a content
   hash, :func:`kg.cache.document_key`); bad input fails here, before any model loads;
2. **extract** — read the corpus again and stream the documents the cache lacks, in
   chunks, through worker processes (or a Dask cluster); every extraction is written to
   the cache as soon as it arrives, so a killed run loses at most the chunks in flight and
   the next run starts where it stopped;
3. **load** — read every extraction back from the cache in input order;
4. **resolve** and **graph** — cross-document entity resolution (:mod:`kg.resolve`) and
   :func:`kg.graph.build_graph`.

Fresh and cached extractions both go through the cache (JSON), so an incremental or
resumed run yields byte-identical outputs to a full rebuild.
"""

from __future__ import annotations

import datetime as dt
import functools
import glob
import math
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.cache import CACHE_DIRNAME, ExtractionCache, document_key, pipeline_fingerprint
from kg.errors import InputError, KgError
from kg.io import read_documents
from kg.model import Document, Extraction

if TYPE_CHECKING:
    from kg.api import BuildResult

__all__ = [
    "CorpusRun",
    "build_corpus",
    "default_workers",
    "expand_inputs",
    "extract_corpus",
    "resolve_extractions",
]

_GLOB_CHARS = frozenset("*?[")


@dataclass
class CorpusRun:
    """What one corpus build did.

    Attributes:
        extractions: one per document, in input order (after resolution).
        documents: documents in the corpus.
        parsed: documents parsed in this run (the others came from the cache).
        cached: documents served from the cache.
        workers: processes used for parsing (1 = in this process; 0 = nothing to parse;
            -1 = a Dask cluster).
        timings: seconds per stage (``scan``, ``extract``, ``load``, ``resolve``, ``graph``);
            ``extract_first_result`` is the part of ``extract`` spent before the first chunk
            came back (starting workers, loading the model).
        cache: the cache folder.
        result: the :class:`kg.api.BuildResult` (set by :func:`build_corpus`).
    """

    extractions: list[Extraction]
    documents: int
    parsed: int
    cached: int
    workers: int
    cache: Path
    timings: dict[str, float] = field(default_factory=dict)
    result: BuildResult | None = None


def default_workers() -> int:
    """Processes to use by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def expand_inputs(specs: Iterable[str | Path]) -> list[Path]:
    """Paths of ``specs``: files and folders as given, quoted glob patterns expanded (sorted).

    >>> expand_inputs(["kg/cache.py"])
    [PosixPath('kg/cache.py')]

    Raises:
        InputError: a pattern matches no file.
    """
    paths: list[Path] = []
    for spec in specs:
        text = str(spec)
        if not Path(text).exists() and _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(os.path.expanduser(text), recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file() or Path(m).is_dir()]
            if not files:
                raise InputError(f"{text}: no file matches this pattern; check the path")
            paths.extend(files)
        else:
            paths.append(Path(text))
    if not paths:
        raise InputError("no input: give a folder, a glob pattern or a .jsonl file")
    return paths


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _progress(total: int, initial: int, quiet: bool):  # -> tqdm
    from tqdm import tqdm

    return tqdm(
        total=total,
        initial=initial,
        unit="doc",
        desc="kg: parsing",
        disable=quiet or total == 0,
        file=sys.stderr,
        mininterval=0.5,
        dynamic_ncols=True,
    )


def _note(message: str, quiet: bool) -> None:
    if not quiet:
        print(f"kg: {message}", file=sys.stderr, flush=True)


def extract_corpus(
    inputs: Iterable[str | Path],
    *,
    cache: str | Path,
    date: dt.date | None = None,
    lang: str = "fr",
    model: str | None = None,
    workers: int | None = None,
    batch_size: int = 16,
    rebuild: bool = False,
    scheduler: str | None = None,
    quiet: bool = True,
) -> CorpusRun:
    """Extract every document of ``inputs``, parsing only those the cache lacks.

    Args:
        inputs: folders, ``.txt`` / ``.jsonl`` files and quoted glob patterns.
        cache: the cache folder (``OUT/.kg-cache`` for ``kg build``).
        date, lang: as for :func:`kg.io.read_documents`.
        model: spaCy model (default for ``lang`` when None).
        workers: local processes (default: every core); ignored with ``scheduler``.
        batch_size: documents per ``nlp.pipe`` batch and per task sent to a worker.
        rebuild: parse every document again and overwrite its cache entry.
        scheduler: a Dask scheduler address (``tcp://HOST:PORT``) to parse on a cluster.
        quiet: no progress bar or notes on stderr.

    Raises:
        InputError: bad input (found while scanning, before any model loads).
        ModelError: unknown or missing model.
        KgError: Dask missing or unreachable.
    """
    from kg.nlp.pipeline import check_model

    if batch_size < 1:
        raise InputError(f"--batch-size must be at least 1, not {batch_size}")
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if scheduler:
        from kg.distributed import check_scheduler

        check_scheduler(scheduler)
    timings: dict[str, float] = {}
    paths = expand_inputs(inputs)
    model = check_model(model, lang)
    fingerprint = pipeline_fingerprint(model, lang)
    store = ExtractionCache(cache)

    # 1. scan: keys only, so memory does not grow with the texts.
    t0 = time.perf_counter()
    keys: list[str] = []
    todo: set[str] = set()
    for document in read_documents(paths, date=date, lang=lang):
        key = document_key(document, fingerprint)
        keys.append(key)
        if rebuild or key not in store:
            todo.add(key)
    timings["scan"] = time.perf_counter() - t0

    # 2. extract what is missing, streaming results into the cache.
    t0 = time.perf_counter()
    extract_missing = functools.partial(
        _extract_missing,
        paths,
        store=store,
        fingerprint=fingerprint,
        date=date,
        lang=lang,
        model=model,
        workers=workers,
        batch_size=batch_size,
        scheduler=scheduler,
        quiet=quiet,
    )
    parsed = extract_missing(todo, cached=len(keys) - len(todo))
    timings["extract"] = time.perf_counter() - t0
    timings["extract_first_result"] = parsed.startup

    # 3. load everything back, in input order; re-parse entries damaged on disk (power cut).
    t0 = time.perf_counter()
    extractions, damaged = _load(store, keys)
    if damaged:
        _note(f"{len(damaged)} cache entries were unreadable; parsing them again", quiet)
        parsed.count += extract_missing(damaged, cached=len(keys) - len(damaged)).count
        extractions, damaged = _load(store, keys)
        if damaged:
            raise KgError(
                f"the cache {store.root} cannot be read back; delete it or pass --rebuild"
            )
    timings["load"] = time.perf_counter() - t0
    return CorpusRun(
        extractions=[x for x in extractions if x is not None],
        documents=len(keys),
        parsed=parsed.count,
        cached=len(keys) - parsed.count,
        workers=parsed.workers,
        cache=store.root,
        timings=timings,
    )


@dataclass
class _Parsed:
    count: int = 0
    workers: int = 0
    startup: float = 0.0


def _extract_missing(
    paths: Sequence[Path],
    todo: set[str],
    store: ExtractionCache,
    *,
    fingerprint: str,
    date: dt.date | None,
    lang: str,
    model: str,
    workers: int | None,
    batch_size: int,
    scheduler: str | None,
    quiet: bool,
    cached: int,
) -> _Parsed:
    """Parse the documents whose key is in ``todo``; write each extraction to the cache."""
    done = _Parsed()
    if not todo:
        return done
    sent: set[str] = set()

    def missing() -> Iterator[Document]:
        for document in read_documents(paths, date=date, lang=lang):
            key = document_key(document, fingerprint)
            if key in todo and key not in sent:  # a document repeated in the corpus: once
                sent.add(key)
                yield document

    chunks = _chunks(missing(), batch_size)
    if scheduler:
        from kg.distributed import dask_extract_chunks

        results = dask_extract_chunks(
            chunks,
            scheduler=scheduler,
            model=model,
            lang=lang,
            batch_size=batch_size,
            fingerprint=fingerprint,
        )
        where = f"the Dask cluster at {scheduler}"
        done.workers = -1
    else:
        from kg.nlp.pipeline import extract_chunks

        # Starting a process costs a model load (~4 s): never more processes than chunks.
        n = min(workers or default_workers(), math.ceil(len(todo) / batch_size))
        results = extract_chunks(chunks, model=model, lang=lang, workers=n, batch_size=batch_size)
        where = f"{n} process{'es' if n > 1 else ''}"
        done.workers = n
    _note(f"{cached} documents cached, parsing {len(todo)} on {where}", quiet)
    bar = None
    started = time.perf_counter()
    try:
        for chunk, extractions in results:
            for document, extraction in zip(chunk, extractions, strict=True):
                store.put(document_key(document, fingerprint), extraction)
            done.count += len(chunk)
            if bar is None:  # from the first result: model loading is not parsing speed
                done.startup = time.perf_counter() - started
                bar = _progress(len(todo), done.count, quiet)
            else:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    if done.count != len(todo):
        raise KgError(
            f"the corpus changed while kg was reading it ({done.count} of {len(todo)} new "
            f"documents found again); run the same command again"
        )
    return done


def _load(store: ExtractionCache, keys: list[str]) -> tuple[list[Extraction | None], set[str]]:
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
    """Cross-document entity resolution, between extraction and ``build_graph``.

    One place for the corpus flow's resolution step (:func:`kg.resolve.resolve`), so a
    benchmark can time it and a later, faster resolver plugs in here.
    """
    from kg.resolve import resolve

    return list(resolve(extractions))


def build_corpus(
    inputs: Iterable[str | Path],
    *,
    out: str | Path | None = None,
    cache: str | Path | None = None,
    date: dt.date | None = None,
    lang: str = "fr",
    model: str | None = None,
    workers: int | None = None,
    batch_size: int = 16,
    rebuild: bool = False,
    scheduler: str | None = None,
    quiet: bool = True,
) -> CorpusRun:
    """Extract a corpus (see :func:`extract_corpus`), resolve entities and build the graph.

    The cache defaults to ``OUT/.kg-cache``. Write the outputs with
    ``run.result.save(out)``: it replaces only the files it writes, never the cache.

    Raises:
        InputError: neither ``out`` nor ``cache`` is given, or bad input.
    """
    from kg.api import BuildResult
    from kg.graph import build_graph

    if cache is None:
        if out is None:
            raise InputError("give an output folder or a --cache folder for the corpus cache")
        cache = Path(out) / CACHE_DIRNAME
    run = extract_corpus(
        inputs,
        cache=cache,
        date=date,
        lang=lang,
        model=model,
        workers=workers,
        batch_size=batch_size,
        rebuild=rebuild,
        scheduler=scheduler,
        quiet=quiet,
    )
    t0 = time.perf_counter()
    run.extractions = resolve_extractions(run.extractions)
    run.timings["resolve"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    graph = build_graph(run.extractions)
    run.timings["graph"] = time.perf_counter() - t0
    run.result = BuildResult(extractions=run.extractions, graph=graph)
    return run
