"""Build kg's spaCy pipeline and run documents through it.

Why here: the model is loaded once per process (3-4 s) and every entry point — CLI, API,
benchmarks, tests — must get the same pipeline, in the same order, with the same tokenizer
exceptions.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import multiprocessing.context
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError
from kg.lang import check_lang, languages, models
from kg.model import Document, Extraction
from kg.nlp.extensions import register_extensions

__all__ = [
    "KG_PIPES",
    "MODELS",
    "check_model",
    "extract_chunk",
    "extract_chunks",
    "extract_documents",
    "in_order",
    "load_pipeline",
    "new_doc",
    "pipeline_loads",
]

#: Models kg is tested with, per language; the first is the default.
MODELS: dict[str, tuple[str, ...]] = {lang: models(lang) for lang in languages()}
#: kg's components, in order, each registered by importing its module.
KG_PIPES: tuple[tuple[str, str], ...] = (
    ("kg_gazetteer", "kg.nlp.entities.gazetteer"),
    ("kg_entities", "kg.nlp.entities.linker"),
    ("kg_times", "kg.nlp.times.component"),
    ("kg_event_triggers", "kg.nlp.events.component"),
    ("kg_relations", "kg.nlp.relations.component"),
    ("kg_events", "kg.nlp.events.component"),
)


@cache
def load_pipeline(model: str | None = None, lang: str = "fr") -> Language:
    """Load ``model`` with kg's components added after NER (cached per process).

    Raises:
        InputError: the language is unknown (:func:`kg.lang.check_lang`).
        ModelError: the model is unknown or not installed.
    """
    import spacy

    # imported here: they import spaCy's pipeline modules, seconds that ``kg --help``
    # and the commands that never parse should not pay
    from kg.nlp.attribute_ruler import speed_up_attribute_ruler
    from kg.nlp.lemmatizer import speed_up_lemmatizer
    from kg.nlp.token_match import speed_up_token_match

    model = _check_names(model, lang)
    try:
        nlp = spacy.load(model)
    except OSError:
        package = model.replace("_", "-")
        raise ModelError(
            f"spaCy model {model!r} is not installed: pip install {package}==3.8.0"
        ) from None
    if nlp.lang != lang:
        raise ModelError(
            f"model {model!r} is for {nlp.lang!r}, not {lang!r}: use --lang {nlp.lang}"
        )
    register_extensions()
    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    speed_up_token_match(nlp)
    for _, module in KG_PIPES:
        importlib.import_module(module)
    _add_special_cases(nlp, lang)
    importlib.import_module("kg.nlp.sentences")
    nlp.add_pipe("kg_sentences", before="parser")  # line breaks end sentences
    for name, _ in KG_PIPES:
        nlp.add_pipe(name)  # each component reads nlp.lang
    _preload(lang)
    _freeze_loaded()
    return nlp


def _freeze_loaded() -> None:
    """Move everything loaded so far out of the cyclic garbage collector's reach.

    Why: the model, the gazetteer and the place index are hundreds of thousands of Python
    objects that live as long as the process, and every full collection (triggered by the
    records kg builds while parsing) walked them all again: about 0.2 s of CPU per 250 WiNER
    articles, as much as a whole rule family. ``gc.freeze`` is CPython's tool for this (it
    also spares forked workers from touching, hence copying, those pages). It only skips
    objects that exist now; later garbage is collected as before.
    """
    gc.collect()
    gc.freeze()


def _preload(lang: str) -> None:
    """Build now the data components otherwise read on first use (the place index, 1-2 s).

    Why: ``extract_chunks`` forks its workers after this load, so data built here is
    shared by every worker instead of built again in each one, inside the timed parse.
    """
    from kg.lang.geo import load_geo

    load_geo(lang)


def _check_names(model: str | None, lang: str) -> str:
    check_lang(lang)
    model = model or MODELS[lang][0]
    if model not in MODELS[lang]:
        raise ModelError(
            f"unknown model {model!r} for {lang!r}: choose one of {', '.join(MODELS[lang])}"
        )
    return model


def check_model(model: str | None = None, lang: str = "fr") -> str:
    """Return the model name ``load_pipeline`` would load, without loading it.

    Lets a parent process fail fast, with a one-line error, before it starts workers that
    would each fail to load the model.

    >>> check_model(None, "fr")
    'fr_core_news_md'

    Raises:
        InputError: the language is unknown (:func:`kg.lang.check_lang`).
        ModelError: the model is unknown or not installed.
    """
    model = _check_names(model, lang)
    if importlib.util.find_spec(model) is None:
        package = model.replace("_", "-")
        raise ModelError(f"spaCy model {model!r} is not installed: pip install {package}==3.8.0")
    return model


def _add_special_cases(nlp: Language, lang: str) -> None:
    """Keep hyphenated names ("Royaume-Uni", "Pays-Bas") whole: split, they wreck the parse."""
    from kg.lang.gazetteer import load_gazetteer

    for entry in load_gazetteer(lang).entries:
        for name in (entry.name, *entry.aliases):
            if "-" in name and " " not in name and "'" not in name and "’" not in name:
                nlp.tokenizer.add_special_case(name, [{ORTH: name}])


def new_doc(nlp: Language, document: Document, seq: int) -> Doc:
    """The tokenised ``Doc`` of ``document`` that kg's components expect: its id, date and
    position ``seq`` in the batch set, for every caller that runs kg's pipes itself.
    """
    doc = nlp.make_doc(document.text)
    # The tokenizer keeps the text as is: seed kg's cache of ``doc.text`` (see
    # ``kg.nlp.extensions.doc_text``) instead of rebuilding it from every token.
    doc.user_data["kg_text"] = document.text
    doc._.kg_doc_id = document.id
    doc._.kg_date = document.date.isoformat() if document.date else None
    doc.user_data["kg_seq"] = seq
    return doc


def extract_documents(
    documents: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Run documents through ``nlp`` lazily and yield their extractions, in input order.

    Memory stays flat: documents are read, parsed and turned into plain records in batches,
    and no spaCy ``Doc`` outlives its batch.
    """
    from kg.nlp.extract import doc_to_extraction

    pending: dict[int, Document] = {}
    # the entity lexicon and words the pipeline was built with (saved with it), not kg's
    # own files
    linker = nlp.get_pipe("kg_entities") if "kg_entities" in nlp.pipe_names else None
    lex = getattr(linker, "lex", None)
    words = getattr(linker, "words", None)

    def make_docs() -> Iterator[Doc]:
        for n, document in enumerate(documents):
            pending[n] = document
            yield new_doc(nlp, document, n)

    for doc in nlp.pipe(make_docs(), batch_size=batch_size):
        document = pending.pop(doc.user_data["kg_seq"])
        yield doc_to_extraction(doc, document, lex, words)


# -- many documents, many processes ----------------------------------------------------------
#
# Why not ``nlp.pipe(n_process=N)``: it ships Docs back through msgpack, which cannot carry
# kg's dataclass extensions, and the parent would still turn every Doc into a record. Instead
# each worker process loads the pipeline once and returns plain ``Extraction`` records.

_LOAD_LOCK = threading.Lock()


def extract_chunk(
    documents: Sequence[Document],
    model: str | None = None,
    lang: str = "fr",
    batch_size: int = 16,
) -> list[Extraction]:
    """Extract one chunk of documents with this process's cached pipeline.

    The unit of work of worker processes (local pool or Dask): the pipeline is loaded on
    the first call in a process and reused by every later call. Calls are serialised per
    process (a spaCy pipeline is not meant to be shared between threads).
    """
    with _LOAD_LOCK:
        nlp = load_pipeline(model, lang)
        return list(extract_documents(documents, nlp, batch_size=batch_size))


def pipeline_loads() -> int:
    """How many pipelines this process has loaded (tests check workers load one)."""
    return load_pipeline.cache_info().currsize


def _init_worker(model: str | None, lang: str, parent: int) -> None:
    """Pool initializer: load the pipeline once, and die with the parent.

    A parent killed with SIGKILL cannot tell its pool to stop, and the workers hold the
    queue's pipe open themselves, so they would wait forever holding ~600 MB each; a daemon
    thread watches the parent's pid instead.
    """
    load_pipeline(model, lang)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _mp_context() -> multiprocessing.context.BaseContext:
    """``fork`` where it is safe, else ``spawn``.

    Forking a parent that has loaded the pipeline starts workers at once with the model
    already in (shared) memory, as ``nlp.pipe(n_process=...)`` does; spawning makes every
    worker import spaCy and load the model again (4-9 s each). But forking a process that
    runs other threads (a notebook, a Dask client, tqdm's monitor) can deadlock the
    child, and macOS and Windows do not fork safely: those get ``spawn``.
    """
    import multiprocessing
    import sys

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def in_order(
    chunks: Iterable[Sequence[Document]],
    submit: Callable[[Sequence[Document]], Any],
    limit: int,
) -> Iterator[tuple[Sequence[Document], list[Extraction]]]:
    """Submit chunks and yield ``(chunk, result)`` in input order, ``limit`` ahead at most.

    Why a window: every worker stays busy while results come back in order, and memory holds
    at most ``limit`` chunks in flight whatever the corpus size. ``submit`` returns anything
    with ``.result()``: a ``concurrent.futures`` or a Dask future.
    """
    window: deque[tuple[Sequence[Document], Any]] = deque()
    for chunk in chunks:
        window.append((chunk, submit(chunk)))
        if len(window) > limit:
            done, future = window.popleft()
            yield done, future.result()
    while window:
        done, future = window.popleft()
        yield done, future.result()


def extract_chunks(
    chunks: Iterable[Sequence[Document]],
    *,
    model: str | None = None,
    lang: str = "fr",
    workers: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Sequence[Document], list[Extraction]]]:
    """Extract chunks of documents on ``workers`` processes; yield ``(chunk, extractions)``.

    Results come back in input order. Chunks are read lazily and at most ``2 * workers + 1``
    are in flight, so memory does not grow with the number of documents. With
    ``workers=1`` everything runs in this process (no pool, no second model in memory).

    Raises:
        ModelError: the model cannot be loaded (checked here before any worker starts).
    """
    model = check_model(model, lang)
    if workers <= 1:
        nlp = load_pipeline(model, lang)
        for chunk in chunks:
            yield chunk, list(extract_documents(chunk, nlp, batch_size=batch_size))
        return

    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _mp_context()
    if context.get_start_method() == "fork":
        load_pipeline(model, lang)  # once, here: forked workers share it (copy-on-write)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(model, lang, os.getpid()),
    )
    try:
        yield from in_order(
            chunks,
            lambda chunk: pool.submit(extract_chunk, chunk, model, lang, batch_size),
            2 * workers,
        )
    except BrokenProcessPool as e:
        raise ModelError(
            f"a kg worker process died ({e}); rerun with --workers 1 to see the error"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
