"""Pure functions on TIMEX3 values: calendar bounds, granularity and XSD literals.

Why a separate module: the timeline, the graph and the RDF export all need to turn a TIMEX3
value (``2024-W06``, ``2023-12``, ``1999-05-23TEV``) into something they can sort and type,
and none of them should know the NLP stage that produced the value. Everything here is a
function of the string alone (no anchor, no spaCy).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["GRANULARITIES", "bounds", "xsd_literal"]

#: Granularities :func:`bounds` reports, from finest to coarsest.
GRANULARITIES: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "year",
    "decade",
    "century",
    "unknown",
)

_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)(T.*)?$")
_WEEK = re.compile(r"^(\d{4}|XXXX)-W(\d{2}|XX)(-WE)?$")
_WEEKDAY = re.compile(r"^(\d{4}|XXXX)-W(\d{2}|XX)-[1-7](T.*)?$")
_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d{2}|XX)$")
_SEASON = re.compile(r"^(\d{4}|XXXX)-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4}|XXXX)-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4}|XXXX)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

# Meteorological seasons: whole months, so bounds stay simple and deterministic.
_SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _iso(start: dt.date, end: dt.date) -> tuple[str, str]:
    return start.isoformat(), end.isoformat()


def bounds(value: str) -> tuple[str | None, str | None, str]:
    """Return the first and last ISO day covered by a TIMEX3 value, and its granularity.

    Underspecified values (``XXXX-12``) keep their granularity but have no bounds, because
    guessing a year would put the fact at the wrong place on a timeline. Durations, sets and
    ``PRESENT_REF``-style references are not points in time: ``(None, None, "unknown")``.
    A weekend (``2003-W05-WE``) is reported with ``week`` granularity. Seasons are
    meteorological (winter ``2024-WI`` runs from December 2024 to February 2025).

    Examples:
        >>> bounds("2024-02-15")
        ('2024-02-15', '2024-02-15', 'day')
        >>> bounds("2024-02-15TEV")
        ('2024-02-15', '2024-02-15', 'day')
        >>> bounds("2024-W06")
        ('2024-02-05', '2024-02-11', 'week')
        >>> bounds("2003-W05-WE")
        ('2003-02-01', '2003-02-02', 'week')
        >>> bounds("2023-12")
        ('2023-12-01', '2023-12-31', 'month')
        >>> bounds("2024-SU")
        ('2024-06-01', '2024-08-31', 'season')
        >>> bounds("2024-Q1")
        ('2024-01-01', '2024-03-31', 'quarter')
        >>> bounds("2024")
        ('2024-01-01', '2024-12-31', 'year')
        >>> bounds("199")
        ('1990-01-01', '1999-12-31', 'decade')
        >>> bounds("18")
        ('1800-01-01', '1899-12-31', 'century')
        >>> bounds("XXXX-12")
        (None, None, 'month')
        >>> bounds("XXXX-WXX-4")
        (None, None, 'day')
        >>> bounds("P3D")
        (None, None, 'unknown')
    """
    value = (value or "").strip()
    try:
        return _bounds(value)
    except (ValueError, OverflowError):  # 2023-02-30, or a week past 9999-12-31: opaque
        return None, None, "unknown"


def _bounds(value: str) -> tuple[str | None, str | None, str]:
    if m := _DAY.match(value):
        if "X" in value[:10]:
            return None, None, "day"
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return (*_iso(day, day), "day")
    if m := _WEEKDAY.match(value):
        return None, None, "day"  # only produced underspecified (sets, unanchored weekdays)
    if m := _WEEK.match(value):
        if "X" in value:
            return None, None, "week"
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return (*_iso(monday + dt.timedelta(5), monday + dt.timedelta(6)), "week")
        return (*_iso(monday, monday + dt.timedelta(6)), "week")
    if m := _MONTH.match(value):
        if "X" in value:
            return None, None, "month"
        year, month = int(m[1]), int(m[2])
        return (*_iso(dt.date(year, month, 1), _month_end(year, month)), "month")
    if m := _SEASON.match(value):
        if "X" in value:
            return None, None, "season"
        year = int(m[1])
        if m[2] == "WI":
            return (*_iso(dt.date(year, 12, 1), _month_end(year + 1, 2)), "season")
        first, last = _SEASON_MONTHS[m[2]]
        return (*_iso(dt.date(year, first, 1), _month_end(year, last)), "season")
    if m := _QUARTER.match(value):
        if "X" in value:
            return None, None, "quarter"
        year, quarter = int(m[1]), int(m[2])
        first = 3 * quarter - 2
        return (*_iso(dt.date(year, first, 1), _month_end(year, first + 2)), "quarter")
    if m := _YEAR.match(value):
        if "X" in value:
            return None, None, "year"
        year = int(m[1])
        return (*_iso(dt.date(year, 1, 1), dt.date(year, 12, 31)), "year")
    if m := _DECADE.match(value):
        decade = int(m[1]) * 10
        return (*_iso(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)), "decade")
    if m := _CENTURY.match(value):  # TIMEX3 "18": the 1800s ("le XIXe siècle")
        first = max(int(m[1]) * 100, 1)
        return (*_iso(dt.date(first, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)), "century")
    return None, None, "unknown"


def xsd_literal(value: str) -> tuple[str, str] | None:
    """Return ``(lexical form, XSD datatype)`` for values that are plain calendar points.

    Only values at day, month or year granularity have an exact XSD type; the RDF export
    keeps every other value as a plain TIMEX3 string. A time of day (``T14:30``) becomes an
    ``xsd:dateTime``; a part of day (``TEV``) keeps its day as ``xsd:date``.

    Examples:
        >>> xsd_literal("2024-02-15")
        ('2024-02-15', 'xsd:date')
        >>> xsd_literal("2024-02-15TEV")
        ('2024-02-15', 'xsd:date')
        >>> xsd_literal("2024-02-15T14:30")
        ('2024-02-15T14:30:00', 'xsd:dateTime')
        >>> xsd_literal("2023-12")
        ('2023-12', 'xsd:gYearMonth')
        >>> xsd_literal("2024")
        ('2024', 'xsd:gYear')
        >>> xsd_literal("2024-W06") is None
        True
        >>> xsd_literal("XXXX-12") is None
        True
    """
    value = (value or "").strip()
    if "X" in value.split("T")[0]:
        return None
    if m := _DAY.match(value):
        try:
            dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        clock = re.fullmatch(r"T(\d{2}):(\d{2})", m[4] or "")
        if clock:
            return f"{value[:10]}T{clock[1]}:{clock[2]}:00", "xsd:dateTime"
        return value[:10], "xsd:date"
    if _MONTH.match(value) and 1 <= int(value[5:7]) <= 12:
        return value, "xsd:gYearMonth"
    if _YEAR.match(value):
        return value, "xsd:gYear"
    return None
