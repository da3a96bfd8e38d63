"""Reading inputs: text files, JSONL corpora, saved web pages, feeds and web archives.

Why one package with one entry point: every entry point (CLI, API, benchmarks) must accept
the same inputs and fail the same way. :func:`read_documents` picks the reader by the file's
name; each reader returns :class:`~kg.model.Document` records carrying the text and its
provenance (:mod:`kg.io.provenance`): title, URL, outlet, author, publication date, capture
date, WARC record id and hashes.

Two kinds of bad input, two treatments: a broken ``.txt`` or ``.jsonl`` file, which the user
wrote, stops with a one-line :class:`~kg.errors.InputError` saying how to fix it; a web page
that is not an article, an empty feed or a truncated archive, which every crawl holds, is
one warning naming the file, and the rest of the corpus is read. Nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.io.dateline import dateline_span, find_dateline, parse_date
from kg.io.feeds import FEED_SUFFIXES, feed_documents
from kg.io.html import Page, PageError, page_document
from kg.io.text import jsonl_documents, read_bytes, text_document
from kg.io.warc import is_warc, warc_documents
from kg.lang import check_lang
from kg.model import Document

__all__ = [
    "HTML_SUFFIXES",
    "SUFFIXES",
    "dateline_span",
    "find_dateline",
    "is_input_file",
    "parse_date",
    "read_documents",
]

log = logging.getLogger("kg")

#: Suffixes read as saved web pages.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Every suffix a folder is searched for (``.warc.gz`` too: see :func:`is_input_file`).
SUFFIXES = (".txt", ".jsonl", *HTML_SUFFIXES, *FEED_SUFFIXES, ".warc", ".warc.gz")

Warn = Callable[[str], None]


def is_input_file(path: Path) -> bool:
    """Whether a file found in a folder is one kg reads (by its name).

    >>> is_input_file(Path("a/crawl.warc.gz")), is_input_file(Path("a/logo.png"))
    (True, False)
    """
    return path.suffix.lower() in SUFFIXES or is_warc(path)


def _log_warning(message: str) -> None:
    log.warning("%s", message)


def read_documents(
    inputs: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    lang: str = "fr",
    warn: Warn | None = None,
) -> Iterator[Document]:
    """Yield the documents of ``inputs`` lazily, in order.

    Args:
        inputs: ``.txt`` files (the first line is the title), ``.jsonl`` files (one
            ``{"id", "text", "date"?, "lang"?, "title"?, "url"?, "publisher"?, "author"?,
            "captured"?}`` per line), saved pages (``.html``, ``.htm``), feeds (``.rss``,
            ``.atom``, ``.xml``), web archives (``.warc``, ``.warc.gz``) and folders (those
            files, sorted, recursively).
        date: publication date forced on every document (``--date``); else the metadata's
            (JSONL ``date``, the page's, the feed entry's), else a dateline in the text,
            else None.
        lang: language of documents that do not say theirs.
        warn: called with a one-line message for each web input skipped (default: the
            ``kg`` logger's warning).

    Raises:
        InputError: a missing, empty or non-UTF-8 text file, a folder with no article, a
            malformed JSONL line, an unknown language or an unsupported file type.
    """
    check_lang(lang)
    warn = warn or _log_warning
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if is_input_file(p) and p.is_file())
            if not files:
                raise InputError(f"{path}: the folder has no article file ({', '.join(SUFFIXES)})")
            for file in files:
                yield from _file_documents(file, date, lang, warn)
        else:
            yield from _file_documents(path, date, lang, warn)


def _file_documents(path: Path, date: dt.date | None, lang: str, warn: Warn) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from jsonl_documents(path, date, lang)
    elif suffix == ".txt" or not path.suffix:
        yield text_document(path, date, lang)
    elif suffix in HTML_SUFFIXES:
        raw = read_bytes(path)
        try:
            yield page_document(raw, Page(id=path.stem, source=str(path)), date=date, lang=lang)
        except PageError as e:
            warn(f"{path}: skipped, {e}")
    elif suffix in FEED_SUFFIXES:
        yield from feed_documents(path, date, lang, warn)
    elif is_warc(path):
        yield from warc_documents(path, date, lang, warn)
    elif not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    else:
        raise InputError(
            f"{path}: unsupported input type {path.suffix!r}; give one of {', '.join(SUFFIXES)}"
        )
