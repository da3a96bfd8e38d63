"""Web archives (WARC, WARC.gz): every HTML response record is a saved page (``warcio``).

Why only ``response`` records with an HTML body and a 2xx status: a crawl (Heritrix, wget
``--warc-file``, Browsertrix, Common Crawl) also holds requests, metadata, images, scripts,
redirects and error pages; none of them is an article, so they are passed over in silence.
Each page keeps what the archive knows and the page does not: the target URI, the capture
time (``WARC-Date``, kept apart from the publication date) and the record id.

A truncated or damaged archive (a crawl killed mid-write) keeps the pages read before the
damage, with one warning naming the file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.io.html import Page, PageError, charset_of, page_document
from kg.io.provenance import clean_field, iso_datetime
from kg.model import Document

__all__ = ["is_warc", "warc_documents"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    """Whether ``path`` is named as a web archive (``.warc``, ``.warc.gz``).

    >>> is_warc(Path("crawl-2024.warc.gz")), is_warc(Path("page.html"))
    (True, False)
    """
    return path.name.lower().endswith((".warc", ".warc.gz"))


def _starts_as_warc(path: Path) -> bool:
    """Whether the file (or its first gzip member) begins with a ``WARC/1.x`` header.

    Why look: warcio reads any bytes as records of some kind, so a file that is no archive
    would come out as pages of garbage rather than as an error.
    """
    with path.open("rb") as fh:
        head = fh.read(2)
        fh.seek(0)
        if head == b"\x1f\x8b":
            try:
                with gzip.GzipFile(fileobj=fh) as inner:
                    head = inner.read(5)
            except (OSError, EOFError, zlib.error):
                return False
        else:
            head = fh.read(5)
    return head == b"WARC/"


def warc_documents(
    path: Path, date: dt.date | None, lang: str, warn: Callable[[str], None]
) -> Iterator[Document]:
    """The articles of a WARC file: one per HTML response record with a main text."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    class _Records(ArchiveIterator):
        #: warcio writes this to stderr for a record whose length is wrong; kg counts the
        #: error (``err_count``) and says it in one line instead.
        INC_RECORD = ""

    try:
        if not _starts_as_warc(path):
            warn(f"{path}: skipped, not a WARC file (it does not start with a WARC/1.x record)")
            return
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror}); check its permissions") from None
    pages = 0
    records = 0
    with stream:
        try:
            iterator = _Records(stream)
            for record in iterator:
                records += 1
                if iterator.err_count:
                    warn(
                        f"{path}: damaged at record {records} (a record length is wrong); "
                        "the pages before are kept"
                    )
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                content_type = record.http_headers.get_header("Content-Type") or ""
                if not status.startswith("2") or not content_type.lower().startswith(_HTML_TYPES):
                    continue
                stream_in = record.content_stream()
                raw = stream_in.read()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    warn(f"{path}: record {records} is truncated; the archive ends inside it")
                    break
                pages += 1
                page = Page(
                    id=f"{path.name.split('.')[0]}-{pages}",
                    source=f"{path}#record-{records}",
                    url=clean_field(record.rec_headers.get_header("WARC-Target-URI")),
                    captured=iso_datetime(record.rec_headers.get_header("WARC-Date")),
                    warc_record_id=clean_field(record.rec_headers.get_header("WARC-Record-ID")),
                    charset=charset_of(content_type),
                )
                try:
                    yield page_document(raw, page, date=date, lang=lang)
                except PageError as e:
                    warn(f"{page.source} ({page.url or 'no URI'}): skipped, {e}")
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as e:
            reason = str(e).splitlines()[0][:80] if str(e) else type(e).__name__
            what = f"after {records} records" if records else "from its start"
            warn(f"{path}: truncated or damaged {what} ({reason}); the pages before are kept")
            return
    if not records:
        warn(f"{path}: skipped, the file holds no WARC record")
