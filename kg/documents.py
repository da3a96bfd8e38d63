"""The input records: a document as read, with where it came from and its other copies.

Why apart from :mod:`kg.model`: readers (:mod:`kg.io`) and deduplication (:mod:`kg.build.dedup`)
need only these, and provenance (who published a text, where and when it was saved, its
hashes) is a concern of its own; :mod:`kg.model` re-exports them, so ``from kg.model import
Document`` keeps working beside the extraction records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

__all__ = ["PROVENANCE_FIELDS", "Copy", "Document", "publisher_list"]

#: Where an article came from, beside its text: the fields a :class:`Document`, a
#: :class:`Copy` and an :class:`Extraction` share, in output order. ``captured`` is when the
#: page was saved (a WARC record's date), never the publication date (``date``).
PROVENANCE_FIELDS: tuple[str, ...] = (
    "title",
    "url",
    "publisher",
    "author",
    "captured",
    "warc_record_id",
    "raw_sha256",
    "text_sha256",
)


@dataclass(frozen=True, slots=True)
class Copy:
    """Another saved copy of a document's text: the same article from another outlet or crawl.

    Why a record and not just a publisher name: a wire story relayed by ten sites is one
    report with ten publishers, and a reviewer checking a fact needs each copy's URL, capture
    and hash, not only the name of the outlet (see :mod:`kg.build.dedup`).

    Attributes:
        id: the id the copy would have had as a document of its own.
        similarity: estimated Jaccard similarity of its text to the kept text (1.0: the
            same text).
        date: its publication date, which may differ from the kept document's.
        The other attributes: as in :class:`Document`.
    """

    id: str
    similarity: float = 1.0
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    captured: str | None = None
    warc_record_id: str | None = None
    raw_sha256: str | None = None
    text_sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One input article.

    Attributes:
        id: stable identifier kept in every output (file stem or JSONL ``id``).
        text: the article text exactly as read; all offsets index into it.
        lang: ISO 639-1 language code of the text.
        date: publication date used to resolve relative time expressions, or None.
        source: where the document came from (path), for messages only: not in any output,
            so moving a corpus does not parse it again.
        title: the article's title (a ``.txt`` file's first line, a page's ``<title>``).
        url: the article's address (canonical URL, feed entry link, WARC target URI).
        publisher: the outlet (site name, feed title, JSONL ``publisher``).
        author: the byline.
        captured: when the page was saved (ISO 8601 date-time, a WARC record's
            ``WARC-Date``); kept apart from ``date``, the publication date.
        warc_record_id: the ``WARC-Record-ID`` of the response the text came from.
        raw_sha256: SHA-256 of the bytes read (the file, the JSONL line, the HTTP body).
        text_sha256: SHA-256 of ``text`` (UTF-8): what a reviewer hashes to check a quote.
        copies: other copies of the same text (other outlets, other crawls), read once.
    """

    id: str
    text: str
    lang: str = "fr"
    date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    captured: str | None = None
    warc_record_id: str | None = None
    raw_sha256: str | None = None
    text_sha256: str | None = None
    copies: tuple[Copy, ...] = ()

    @property
    def publishers(self) -> tuple[str, ...]:
        """Every outlet that published this text: its own publisher, then its copies'."""
        return publisher_list(self.publisher, self.copies)

    def provenance(self) -> dict[str, Any]:
        """The :data:`PROVENANCE_FIELDS` of this document, with the text's hash always set.

        >>> Document("a", "Texte.").provenance()["text_sha256"][:12]
        '0cf6c28ccf9a'
        """
        fields = {name: getattr(self, name) for name in PROVENANCE_FIELDS}
        if fields["text_sha256"] is None:
            data = self.text.encode("utf-8", "surrogatepass")
            fields["text_sha256"] = hashlib.sha256(data).hexdigest()
        return fields


def publisher_list(first: str | None, copies: tuple[Copy, ...]) -> tuple[str, ...]:
    """Each outlet once, in order: ``first`` (the kept text's), then its copies'."""
    names = [first, *(c.publisher for c in copies)]
    return tuple(dict.fromkeys(n for n in names if n))
