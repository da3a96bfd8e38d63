"""Calendar arithmetic for time resolution: which of last year's, this year's or next year's
"9 janvier" is meant, the ISO week of a day, a date moved by n units, the year of a season,
Easter.

Why apart from :mod:`kg.nlp.times.resolve`: these are pure functions of dates, a tense label
(``past``, ``future``, ``present``, ``unknown``) and a direction ("dernier"/"prochain" read as
``past``/``future``), with no knowledge of how an expression was written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "day_month",
    "easter",
    "month_of",
    "pick",
    "season_step",
    "season_year",
    "shift_by",
    "week_of",
    "weekday_day",
    "weekday_from",
    "weekday_of",
]


def pick(options: list[Any], anchor: Any, tense: str, rel: str | None) -> Any:
    """Choose among comparable options around the anchor.

    "dernier"/"prochain" exclude the anchor itself; a past (future) verb takes the latest
    (earliest) option on or before (after) the anchor; otherwise the nearest wins, ties going
    to the earlier option listed (the current year).
    """
    if rel == "past":
        return max((o for o in options if o < anchor), default=None)
    if rel == "future":
        return min((o for o in options if o > anchor), default=None)
    if tense == "past":
        return max((o for o in options if o <= anchor), default=None)
    if tense == "future":
        return min((o for o in options if o >= anchor), default=None)
    return min(options, key=lambda o: abs(_distance(o, anchor)))


def _distance(a: Any, b: Any) -> int:
    return (a - b).days if isinstance(a, dt.date) else a - b


def day_month(
    anchor: dt.date, month: int, day: int, tense: str, rel: str | None, weekday: int | None
) -> dt.date:
    """The year of "le 9 janvier": tense-led, but a date within a week of the anchor wins,
    since a news story rarely means the same day a year away. A weekday written with it
    ("lundi 3 mars") settles the year when only one of the candidates falls on it."""
    options = []
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:  # 29 February
            continue
    agreeing = [o for o in options if o.isoweekday() == weekday]
    if len(agreeing) == 1:
        return agreeing[0]
    nearest = pick(options, anchor, "unknown", None)
    # ... unless the tense says the other way: "se rendra à Lyon le 10 février" written on
    # the 15th is next year's, "a ouvert le 17 février" written on the 15th last year's.
    against = (tense == "future" and nearest < anchor) or (tense == "past" and nearest > anchor)
    if rel is None and abs((nearest - anchor).days) <= 7 and not against:
        return nearest
    return pick(options, anchor, tense, rel) or nearest


def month_of(anchor: dt.date, month: int, tense: str, rel: str | None) -> str:
    here = anchor.year * 12 + anchor.month - 1
    options = [(anchor.year + k) * 12 + month - 1 for k in (0, -1, 1)]
    chosen = pick(options, here, tense, rel)
    return f"{chosen // 12:04d}-{chosen % 12 + 1:02d}"


def weekday_of(anchor: dt.date, wd: int, tense: str, rel: str | None) -> dt.date:
    back = (anchor.isoweekday() - wd) % 7
    ahead = (wd - anchor.isoweekday()) % 7
    if rel == "past":
        return anchor - dt.timedelta(back or 7)
    if rel == "future":
        return anchor + dt.timedelta(ahead or 7)
    if tense == "past" or (tense != "future" and back <= ahead):
        return anchor - dt.timedelta(back)
    return anchor + dt.timedelta(ahead)


def weekday_day(anchor: dt.date, wd: int, day: int, tense: str) -> dt.date | None:
    """The month of "jeudi 22": of the months around the anchor, those whose ``day`` falls
    on weekday ``wd``, chosen like a day without a year (tense-led, else the nearest);
    None when no month near the anchor fits.

    >>> import datetime as dt
    >>> thursday = dt.date(2024, 2, 15)
    >>> weekday_day(thursday, 4, 22, "unknown"), weekday_day(thursday, 1, 31, "future")
    (datetime.date(2024, 2, 22), None)
    """
    options = []
    for k in range(-2, 3):
        index = anchor.year * 12 + anchor.month - 1 + k
        try:
            found = dt.date(index // 12, index % 12 + 1, day)
        except ValueError:  # 31 in a month of 30 days, or off the calendar
            continue
        if found.isoweekday() == wd:
            options.append(found)
    if not options:
        return None
    return pick(options, anchor, tense, None) or pick(options, anchor, "unknown", None)


def weekday_from(day: dt.date, wd: int, step: int) -> dt.date:
    """The first ISO weekday ``wd`` after ``day`` (``step`` > 0) or before it (< 0)."""
    if step > 0:
        return day + dt.timedelta((wd - day.isoweekday()) % 7 or 7)
    return day - dt.timedelta((day.isoweekday() - wd) % 7 or 7)


def week_of(day: dt.date, suffix: str = "") -> str:
    """The ISO week of ``day`` as a TIMEX3 value (``2024-W07``), with ``suffix`` (``-WE``)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}{suffix}"


def shift_by(anchor: dt.date, n: int, unit: str) -> tuple[str, str] | None:
    """``anchor`` moved by ``n`` days, weeks, months, years or decades, at that unit's
    granularity (TIMEX3 value, type); None for other units."""
    if unit == "D":
        return (anchor + dt.timedelta(days=n)).isoformat(), "DATE"
    if unit == "W":
        return week_of(anchor + dt.timedelta(weeks=n)), "DATE"
    if unit == "M":
        index = anchor.year * 12 + anchor.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "DATE"
    if unit == "Y":
        return f"{anchor.year + n:04d}", "DATE"
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10:03d}", "DATE"
    return None


#: The month each TIMEX3 season starts in (winter ``Y-WI`` runs from December Y).
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(anchor: dt.date, season: str, tense: str, rel: str | None) -> int:
    """The year of the season meant (winter ``Y-WI`` runs from December Y)."""
    first = _SEASON_START[season]
    # Index seasons as (year, start month) and compare them with the anchor's month.
    here = anchor.year * 12 + anchor.month - 1
    starts = [(anchor.year + k) * 12 + first - 1 for k in (0, -1, 1)]
    if rel is None and tense in {"present", "unknown"}:
        current = [s for s in starts if s <= here < s + 3]
        chosen = current[0] if current else pick(starts, here, "unknown", None)
    elif rel is None and tense == "future":
        chosen = min(s for s in starts if s + 3 > here)  # this season if not over yet
    else:
        chosen = pick(starts, here, tense, rel)
    return chosen // 12


def season_step(day: dt.date, season: str, step: int) -> int:
    """The year of the ``step``-th such season after ``day`` (before it if ``step`` < 0).

    "En mars 2019, … l'hiver suivant" is the winter that starts in December 2019, not a
    year later; "en octobre 2019, … l'été précédent" is the summer of 2019. The season
    ``day`` falls in is neither the next nor the previous one.

    >>> import datetime as dt
    >>> season_step(dt.date(2019, 3, 3), "WI", 1), season_step(dt.date(2019, 1, 5), "WI", 1)
    (2019, 2019)
    >>> season_step(dt.date(2019, 10, 1), "SU", -1), season_step(dt.date(2019, 7, 1), "SU", -1)
    (2019, 2018)
    """
    first = _SEASON_START[season]
    here = day.year * 12 + day.month - 1
    starts = [(day.year + k) * 12 + first - 1 for k in range(-abs(step) - 2, abs(step) + 3)]
    if step > 0:
        chosen = sorted(s for s in starts if s > here)[step - 1]
    else:
        chosen = sorted((s for s in starts if s + 3 <= here), reverse=True)[-step - 1]
    return chosen // 12


def easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741  (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
