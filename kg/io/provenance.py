"""What every reader records beside an article's text: hashes, dates, title, outlet.

Why one module: the same article read from a ``.txt`` file, a saved page, a feed entry or a
WARC record must carry the same provenance fields computed the same way (the SHA-256 of the
bytes read and of the text kept, ISO dates, one cleaning of titles), so a reviewer can hash
the page they hold and find it in kg's outputs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "clean_field",
    "first_line_title",
    "iso_datetime",
    "publication_date",
    "sha256",
    "site_name",
    "text_sha256",
]

#: Metadata values longer than this are not a title, a name or a URL but a page's body.
_MAX_FIELD = 500
_SPACES = re.compile(r"\s+")


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``.

    >>> sha256(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


def text_sha256(text: str) -> str:
    """Hex SHA-256 of ``text`` encoded as UTF-8 (a lone surrogate kept as is, never an error)."""
    return sha256(text.encode("utf-8", "surrogatepass"))


def clean_field(value: Any) -> str | None:
    """A metadata value as one line of text, or None when absent, blank or implausibly long.

    >>> clean_field("  Le   Courrier\\n de l'Est ")
    "Le Courrier de l'Est"
    >>> clean_field("") is None, clean_field(None) is None
    (True, True)
    """
    if not isinstance(value, str):
        return None
    text = _SPACES.sub(" ", value).strip()
    if not text or len(text) > _MAX_FIELD or not text.isprintable():
        return None
    return text


def first_line_title(text: str) -> str | None:
    """The title of a plain-text article: its first non-blank line, when more lines follow.

    >>> first_line_title("Riga rejoint l'alliance\\n\\nRiga, 3 mars 2024 – ...")
    "Riga rejoint l'alliance"
    >>> first_line_title("Une seule ligne.") is None
    True
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    return clean_field(lines[0])


def publication_date(value: Any) -> dt.date | None:
    """The date of an ISO 8601 date or date-time (``2024-02-15T09:30:00+01:00``), or None.

    The local date as written is kept (a story published at 23:30 in Paris is dated that
    day, not the next UTC day).

    >>> publication_date("2024-02-15T23:30:00+01:00")
    datetime.date(2024, 2, 15)
    >>> publication_date("hier") is None
    True
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def iso_datetime(value: Any) -> str | None:
    """An ISO 8601 date-time in UTC, seconds precision, ``Z`` suffix; None if unreadable.

    A date-time without a zone is taken as UTC (WARC dates are UTC by definition).

    >>> iso_datetime("2024-02-15T10:22:03.120+01:00")
    '2024-02-15T09:22:03Z'
    >>> iso_datetime("2024-02-15T10:22:03Z")
    '2024-02-15T10:22:03Z'
    """
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def site_name(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``: the outlet when a page does not name itself.

    >>> site_name("https://www.exemple-presse.fr/monde/article.html")
    'exemple-presse.fr'
    >>> site_name("pas une adresse") is None
    True
    """
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")
