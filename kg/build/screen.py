"""Documents a build cannot read well are skipped one by one, never the whole corpus.

Why a screen between reading and parsing: a corpus of thousands of articles must not stop on
one document kg cannot use — one too long for the parser, one in another language, one whose
id another document already has. Each is dealt with here, with a one-line warning naming the
document and what to do, and the rest of the corpus builds:

- longer than :data:`MAX_CHARS` (spaCy's ``nlp.max_length``): skipped; split it;
- not in the build's language (:func:`kg.lang.detect.language_mismatch`), unless the
  language was given explicitly (``--lang``): skipped;
- an id already used: the same document again (same text, date and language) is skipped;
  another document gets a new, unused id (``id~2``), since an id names a graph and scopes
  the article's entities;
- the same or a near-identical text as an earlier document (:mod:`kg.build.dedup`): read
  once; its provenance is recorded as a copy of the earlier one (``copies``), so a story
  relayed by several outlets is one report with several publishers.

The screen is deterministic: every pass over a corpus makes the same choices, so the scan
and the extraction passes agree on the documents and their cache keys.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.build.dedup import Duplicates, as_copy
from kg.lang.detect import language_mismatch
from kg.model import Copy, Document

__all__ = ["MAX_CHARS", "screen"]

log = logging.getLogger("kg")

#: The longest document parsed (spaCy's default ``nlp.max_length``: ~1 GB of parser memory).
MAX_CHARS = 1_000_000


def screen(
    documents: Iterable[Document],
    *,
    check_language: bool,
    warned: set[str] | None = None,
    copies: dict[str, list[Copy]] | None = None,
) -> Iterator[Document]:
    """Yield the documents a build can read, renamed where their id is taken.

    Args:
        documents: the documents in input order.
        check_language: skip documents that do not look like their language (False when
            the language was given explicitly).
        warned: warnings already logged (by an earlier pass); new ones are added to it.
        copies: filled with the copies found, by the id of the document they copy (the
            same on every pass over the same corpus).
    """
    warned = set() if warned is None else warned
    copies = {} if copies is None else copies
    copies.clear()
    seen: dict[str, tuple[str, str]] = {}  # id -> (content digest, where): no texts kept
    duplicates = Duplicates()

    def warn(message: str) -> None:
        if message not in warned:
            warned.add(message)
            log.warning("%s", message)

    for doc in documents:
        where = doc.source or f"document {doc.id!r}"
        if len(doc.text) > MAX_CHARS:
            warn(
                f"{where}: skipped, {len(doc.text):,} characters is more than kg parses in "
                f"one document ({MAX_CHARS:,}); split it into several documents"
            )
            continue
        if check_language and (why := language_mismatch(doc.text, doc.lang)):
            warn(
                f"{where}: skipped, it does not look like {doc.lang!r} text ({why}); "
                f"give --lang {doc.lang} to read it anyway"
            )
            continue
        digest = _content(doc)
        first = seen.get(doc.id)
        if first is not None:
            if first[0] == digest:
                warn(f"{where}: skipped, the same document as {first[1]}")
                continue
            new_id = _free_id(doc.id, seen)
            warn(
                f"{where}: the id {doc.id!r} is already used by {first[1]}; "
                f"this document is read as {new_id!r} (give each document its own id)"
            )
            doc = replace(doc, id=new_id)
        seen[doc.id] = (digest, doc.source or f"document {doc.id!r}")
        original = duplicates.original(doc)
        if original is not None:
            log.info("%s: read once, a copy of %r (similarity %.2f)", where, *original)
            copies.setdefault(original[0], []).append(as_copy(doc, original[1]))
            continue
        yield doc
    if copies:
        n = sum(map(len, copies.values()))
        warn(
            f"{n} document{'s' if n > 1 else ''} had the same or a near-identical text as "
            f"another: each text is read once, with all its publishers (see 'copies')"
        )


def _content(doc: Document) -> str:
    """What makes two documents with one id the same document: text, date and language."""
    date = doc.date.isoformat() if doc.date else ""
    data = "\0".join((doc.lang, date, doc.text)).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def _free_id(doc_id: str, seen: dict[str, tuple[str, str]]) -> str:
    n = 2
    while f"{doc_id}~{n}" in seen:
        n += 1
    return f"{doc_id}~{n}"
