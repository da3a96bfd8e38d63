"""Dates of an article read from its text: the dateline near the top, and ``--date`` values.

Why apart from the readers: every format (text, page, feed entry, WARC record) falls back
on the dateline when its metadata gives no publication date, and the extraction stage needs
the dateline's span to tell the article's own date from the facts it dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from kg.errors import InputError
from kg.lang import load_data
from kg.lang.i18n import dateline_months, weekday_names

__all__ = ["dateline_span", "find_dateline", "parse_date"]


@cache
def _dateline(lang: str) -> re.Pattern[str]:
    """The dateline pattern of ``lang``; its month and weekday names come from ``times.json``."""
    months = sorted(dateline_months(lang), key=len, reverse=True)
    words = load_data(lang, "times")
    prefixes = "|".join(map(re.escape, words["dateline_day_prefixes"]))
    first = "|".join(map(re.escape, words["dateline_first_day"]))
    return re.compile(
        r"^[^\S\n]*(?:[^\n,.:]{1,40},[^\S\n]*)?(?:(?:"
        + "|".join(map(re.escape, weekday_names(lang)))
        + rf")[^\S\n]+)?(?:(?:{prefixes})[^\S\n]+)?(?P<day>\d{{1,2}}|{first})[^\S\n]+(?P<month>"
        + "|".join(map(re.escape, months))
        + r")[^\S\n]+(?P<year>\d{4})\b"
        # A dateline stands alone: the line ends, or a dash (after an optional "(AFP)" or
        # a full stop) opens the text. "Le 12 mai 2021, un incendie …" is a sentence.
        + r"(?=[^\S\n]*(?:\([^)\n]{1,30}\)[^\S\n]*)?(?:$|[–—-]|\.[^\S\n]*(?:$|[–—-])))",
        re.IGNORECASE | re.MULTILINE,
    )


#: A dateline is looked for only near the top: later dates are facts, not the article's date.
_DATELINE_WINDOW = 400


def parse_date(value: str, *, what: str = "--date") -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date or raise a one-line :class:`InputError`.

    >>> parse_date("2024-02-15")
    datetime.date(2024, 2, 15)
    """
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"invalid {what} {value!r}: use an ISO date such as 2024-02-15") from None


def find_dateline(text: str, *, lang: str = "fr") -> dt.date | None:
    """Return the date of a dateline near the top of ``text`` ("Paris, 3 mars 2024"), or None.

    >>> find_dateline("Bruxelles, 15 février 2024 – Les ministres…")
    datetime.date(2024, 2, 15)
    >>> find_dateline("Titre\\n\\n22 mai 2012. - Le lanceur…")
    datetime.date(2012, 5, 22)
    >>> find_dateline("Aucune date ici.") is None
    True
    >>> find_dateline("Le 12 mai 2021, un incendie a ravagé l'entrepôt.") is None
    True
    """
    match = _dateline(lang).search(text[:_DATELINE_WINDOW])
    if not match:
        return None
    first = {w.lower() for w in load_data(lang, "times")["dateline_first_day"]}
    day = 1 if match["day"].lower() in first else int(match["day"])
    try:
        return dt.date(int(match["year"]), dateline_months(lang)[match["month"].lower()], day)
    except ValueError:
        return None


def dateline_span(text: str, *, lang: str = "fr") -> tuple[int, int] | None:
    """Character offsets of the dateline's date, so later stages can tell it from facts.

    >>> dateline_span("Paris, 3 mars 2024 – Texte")
    (7, 18)
    """
    match = _dateline(lang).search(text[:_DATELINE_WINDOW])
    return (match.start("day"), match.end("year")) if match else None
