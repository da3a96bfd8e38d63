"""Saved web pages: bytes of HTML -> the article's main text and metadata (``trafilatura``).

Why trafilatura: it is the best-measured main-text extractor (F 0.909 on its maintainers'
750-page benchmark, against 0.808 for news-please), it reads the metadata researchers need
(title, author, site name, canonical URL, JSON-LD ``NewsArticle``) and it dates pages with
``htmldate``, which prefers the original publication date to a later update. Navigation,
cookie banners, related-article lists and comments are boilerplate it drops; kg asks for
precision over recall, since a sentence of boilerplate read as news yields false facts.

Why kg decodes the bytes itself: a page's encoding is declared in its HTTP header (a WARC
record), a byte-order mark or a ``<meta charset>``; a declared encoding Python does not
know, with bytes that are not UTF-8, is an input error to report, not something to guess.
Undeclared non-UTF-8 bytes are windows-1252, the HTML standard's legacy default.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import cache

from kg.io.dateline import find_dateline
from kg.io.provenance import (
    clean_field,
    publication_date,
    sha256,
    site_name,
    text_sha256,
)
from kg.model import Document

__all__ = ["MIN_TEXT_CHARS", "Page", "PageError", "charset_of", "decode_html", "page_document"]


class PageError(ValueError):
    """A page kg cannot read as an article; the message says why, in a few words."""


#: Byte-order marks and the encodings they announce (UTF-32 LE before UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
#: Labels the HTML standard decodes as windows-1252 (a superset that never fails on them).
_AS_CP1252 = {"iso8859-1", "latin-1", "ascii", "cp1252"}
#: The date bounds handed to htmldate: fixed, so a build gives the same dates every day.
_DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "min_date": "1990-01-01",
    "max_date": "2100-12-31",
}
#: Shorter main texts are a page's furniture (a cookie wall, a paywall teaser), not news.
MIN_TEXT_CHARS = 200


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP ``Content-Type`` header, or None.

    >>> charset_of("text/html; charset=ISO-8859-15")
    'ISO-8859-15'
    """
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return match.group(1) if match else None


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """The text of an HTML page's bytes, in the encoding it declares.

    Order: byte-order mark, ``declared`` (an HTTP header's charset), ``<meta charset>``,
    UTF-8, windows-1252.

    >>> decode_html('<meta charset="iso-8859-1"><p>été</p>'.encode("latin-1"))[-10:]
    '<p>été</p>'

    Raises:
        PageError: a declared encoding Python does not know, or bytes it cannot decode.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(name)
            except UnicodeDecodeError as e:
                raise PageError(f"not valid {name.upper()} after its byte-order mark") from e
    if declared is None:
        match = _META_CHARSET.search(raw[:4096])
        declared = match.group(1).decode("ascii") if match else None
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name is not None:
            if name in _AS_CP1252:
                name = "cp1252"
            try:
                return raw.decode(name)
            except UnicodeDecodeError:
                pass  # mislabelled: many servers say latin-1 for UTF-8 pages
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            if name is None:
                raise PageError(
                    f"declares the unknown encoding {declared!r} and is not UTF-8; "
                    "re-save it as UTF-8"
                ) from None
            raise PageError(
                f"is neither {declared} as it declares nor UTF-8; re-save it as UTF-8"
            ) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise PageError(
            "declares no encoding and is neither UTF-8 nor windows-1252; re-save it as UTF-8"
        ) from None


@cache
def _quiet_extractors() -> None:
    """Keep trafilatura's and htmldate's own log lines ("lxml parsing failed", "discarding
    data") off the terminal: kg says in one line which page it skipped and why."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class Page:
    """Where a page came from, beside its bytes (what a WARC record or a file tells)."""

    id: str
    source: str
    url: str | None = None
    captured: str | None = None
    warc_record_id: str | None = None
    charset: str | None = None


def page_document(raw: bytes, page: Page, *, date: dt.date | None, lang: str) -> Document:
    """The article of one saved page: main text, title, author, outlet, dates, hashes.

    The publication date is ``date`` (``--date``) when given, else the page's own
    (metadata, JSON-LD, ``article:published_time``, read by htmldate), else a dateline at
    the top of the text; never the capture date, which is kept apart in ``captured``.

    Raises:
        PageError: undecodable bytes, or no main text (a page that is not an article).
    """
    import trafilatura

    _quiet_extractors()
    html = decode_html(raw, page.charset)
    try:
        result = trafilatura.bare_extraction(
            html,
            url=page.url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
            deduplicate=False,
        )
    except (ValueError, TypeError, AttributeError) as e:  # lxml on a page it cannot parse
        raise PageError(f"cannot be parsed as HTML ({type(e).__name__})") from e
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if len(text) < MIN_TEXT_CHARS:
        found = f"only {len(text)} characters" if text else "none"
        raise PageError(f"no main text (found {found}); it is not an article page")
    url = clean_field(getattr(result, "url", None)) or page.url
    published = publication_date(getattr(result, "date", None))
    return Document(
        id=page.id,
        text=text,
        lang=lang,
        date=date or published or find_dateline(text, lang=lang),
        source=page.source,
        title=clean_field(getattr(result, "title", None)),
        url=url,
        publisher=clean_field(getattr(result, "sitename", None)) or site_name(url),
        author=clean_field(getattr(result, "author", None)),
        captured=page.captured,
        warc_record_id=page.warc_record_id,
        raw_sha256=sha256(raw),
        text_sha256=text_sha256(text),
    )
