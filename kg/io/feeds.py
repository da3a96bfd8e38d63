"""RSS and Atom feed files: each entry is an article (``feedparser``).

Why an entry's full content before its summary: feeds that carry the article
(``content:encoded``, Atom ``<content>``) give kg the text itself; many carry a teaser only,
and then the teaser is all there is to read. The entry's link is the article's URL, the
feed's title its publisher. Nothing is fetched: the file is handed to feedparser as bytes,
never as a string it could take for an address.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.io.dateline import find_dateline
from kg.io.provenance import clean_field, publication_date, sha256, site_name, text_sha256
from kg.io.text import read_bytes
from kg.model import Document

__all__ = ["FEED_SUFFIXES", "feed_documents", "html_text"]

#: Suffixes read as feeds.
FEED_SUFFIXES = (".rss", ".atom", ".xml")
_WHITESPACE = re.compile(r"\s+")
#: Block elements: each starts a new line of the entry's text.
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
    ]
)


def html_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), one line per block.

    >>> html_text("<p>Riga, 3 mars 2024 – Le texte.</p><p>Suite&nbsp;: ici.</p>")
    'Riga, 3 mars 2024 – Le texte.\\nSuite : ici.'
    """
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in fragment:
        return " ".join(fragment.split())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter():
        # HTML whitespace is one space; only block boundaries break lines.
        element.text = _WHITESPACE.sub(" ", element.text) if element.text else element.text
        element.tail = _WHITESPACE.sub(" ", element.tail) if element.tail else element.tail
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's publication date as written (its own time zone), else its update date."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not value:
            continue
        date = publication_date(value)
        if date is not None:
            return date
        try:
            return email.utils.parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        text = html_text(str(content.get("value") or ""))
        if text:
            return text
    return html_text(str(entry.get("summary") or ""))


def feed_documents(
    path: Path, date: dt.date | None, lang: str, warn: Callable[[str], None]
) -> Iterator[Document]:
    """The articles of a feed file, one per entry with a text, in feed order.

    A file that is not a feed, a feed with no entries and an entry with no text are each
    one warning (``warn``) naming the file; the rest of the corpus is read.
    """
    import feedparser

    raw = read_bytes(path)
    parsed = feedparser.parse(io.BytesIO(raw))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            why = type(parsed.get("bozo_exception")).__name__
            warn(f"{path}: skipped, not a readable RSS or Atom feed ({why})")
        else:
            warn(f"{path}: skipped, the feed has no entries")
        return
    if parsed.get("bozo"):
        why = type(parsed.get("bozo_exception")).__name__
        warn(f"{path}: the feed is malformed ({why}); the entries that could be read are kept")
    publisher = clean_field(parsed.get("feed", {}).get("title"))
    raw_hash = sha256(raw)
    for n, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        where = f"{path}#entry-{n}"
        if not text.strip():
            warn(f"{where}: skipped, the entry has neither content nor summary")
            continue
        url = clean_field(entry.get("link"))
        yield Document(
            id=f"{path.stem}-{n}",
            text=text,
            lang=lang,
            date=date or _entry_date(entry) or find_dateline(text, lang=lang),
            source=where,
            title=clean_field(html_text(str(entry.get("title") or ""))),
            url=url,
            publisher=publisher or site_name(url),
            author=clean_field(entry.get("author")),
            raw_sha256=raw_hash,
            text_sha256=text_sha256(text),
        )
