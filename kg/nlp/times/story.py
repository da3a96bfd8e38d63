"""Where a narrative stands: the written date a later day or month without a year belongs to.

Why: "Le 12 octobre 2019, la grève a éclaté. Le 20 octobre, le gouvernement a cédé." The
second date continues the story the first one opened; read from the document date it would
land in the wrong year. A story starts at a written date with its year, far from the document
date, and ends at a date counted from the document date ("hier", "jeudi") or a bare year.
A story stays within its paragraph, and a day within a month of the document date (or a
month that is its month) still speaks of now. Pure functions of resolved values, called in
text order by :mod:`kg.nlp.times.component`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from kg.nlp.times.resolve import Resolved
from kg.nlp.times.rules import TimeMatch

__all__ = ["apposed_days", "near", "range_years", "soon_after", "story_day", "undated"]

#: How near the document date a day read from it must be to speak of now, not of the story.
_NEAR_DAYS = 31
#: How many days from the document date a written date must be to move the story there.
_STORY_DISTANCE = 31
#: How far after the story's date a day or month may lie to be the story's next step.
_HALF_YEAR = 184
#: A written date with its year, at day or month precision: where a narrative stands.
_STORY_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def _day_of(value: str) -> tuple[dt.date, bool] | None:
    """The first day of a ``YYYY-MM`` or ``YYYY-MM-DD`` value and whether it names a day."""
    m = _STORY_VALUE.match(value)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3] or 1)), m[3] is not None
    except ValueError:
        return None


def near(value: str, anchor: dt.date | None) -> bool:
    """Whether a day read from the document date lies within a month of it, or a month is
    its month: then the text speaks of now ("Le 1er juillet, le maire a inauguré…" in a
    story of 1962 written on 4 July)."""
    found = _day_of(value)
    if anchor is None or found is None:
        return False
    day, precise = found
    if not precise:
        return (day.year, day.month) == (anchor.year, anchor.month)
    return abs((day - anchor).days) <= _NEAR_DAYS


def soon_after(value: str, story: dt.date) -> bool:
    """Whether a day or month lies within half a year after the story's date: a narrative
    runs forward ("en juillet 2015, … en janvier" is January 2016)."""
    found = _day_of(value)
    if found is None:
        return False
    day, precise = found
    start = story if precise else story.replace(day=1)  # a month counts from the story's month
    return 0 <= (day - start).days <= _HALF_YEAR


def undated(cand: TimeMatch) -> bool:
    """A day or month written without year, weekday or "dernier/prochain" ("le 20 octobre")."""
    g = cand.groups
    return cand.rule in {"date", "month"} and not (g.get("year") or g.get("rel") or g.get("wd"))


def story_day(value: Resolved, story: dt.date | None, anchor: dt.date | None) -> dt.date | None:
    """The narrative's day after ``value``: set by a written full date more than a month
    from the document date ("le 12 octobre 2019", "en mars 2011"), cleared by a date
    counted from the document date ("hier", "jeudi"), a bare year ("en 1998") or a written
    date near the document date; other expressions leave it."""
    if value.type != "DATE" or value.needs_day or value.ref_unit:
        return story
    found = _day_of(value.value)
    if value.anchored or (found is None and value.value[:1].isdigit()):
        return None  # "hier", or a bare year, decade or century
    if found is None:
        return story
    day = found[0]
    return day if anchor is None or abs((day - anchor).days) > _STORY_DISTANCE else None


@functools.cache
def _range_words(
    joiners: tuple[str, ...], openers: tuple[str, ...]
) -> tuple[re.Pattern[str], frozenset[str]]:
    """What stands between the two ends of a range, and the words that open one."""
    words = "|".join(map(re.escape, sorted(joiners, key=len, reverse=True)))
    joiner = re.compile(rf"\s*(?:{words})\s*", re.IGNORECASE)
    return joiner, frozenset(openers)


def range_years(
    resolved: list[tuple[TimeMatch, Resolved]], text: str, lx: Mapping[str, Any]
) -> list[tuple[TimeMatch, Resolved]]:
    """Give the first end of a range the year written on its second ("entre janvier et
    juillet 2012", "du 28 février au 2 mars 2012"), or the year before it when the first
    end would otherwise come after the second; likewise the second end the year of the
    first ("de novembre 2018 à février": February 2019). ``range_joiners`` are what stands between
    the two ends ("et", "à", "au"), ``range_openers`` the word before the first ("entre",
    "de", "du")."""
    joiner, openers = _range_words(tuple(lx["range_joiners"]), tuple(lx["range_openers"]))
    out = list(resolved)
    for i in range(len(out) - 1):
        (first, value), (second, other) = out[i], out[i + 1]
        forward = bool(first.groups.get("year")) and undated(second)  # "de mars 2019 à mai"
        if not (forward or (undated(first) and second.groups.get("year"))):
            continue
        if not joiner.fullmatch(text[first.end : second.start]):
            continue
        before = re.search(r"([\w'’]+)\s*$", text[max(0, first.start - 20) : first.start])
        if before is None or before[1].lower().replace("’", "'") not in openers:
            continue
        ends = _day_of(value.value), _day_of(other.value)
        if ends[0] is None or ends[1] is None:
            continue
        (start, _), (end, _) = ends
        later = (start.month, start.day) > (end.month, end.day)  # over the new year
        if forward:
            year = start.year + later
            out[i + 1] = (
                second,
                replace(other, value=f"{year:04d}{other.value[4:]}", anchored=False),
            )
        else:
            year = end.year - later
            out[i] = (first, replace(value, value=f"{year:04d}{value.value[4:]}", anchored=False))
    return out


def apposed_days(
    resolved: list[tuple[TimeMatch, Resolved]], text: str, lx: Mapping[str, Any]
) -> list[tuple[TimeMatch, Resolved]]:
    """Give "le lendemain"/"la veille" of a happening the day written just before it, as
    its own ("Le 9 mai, au lendemain de la finale, …": the 9th is the day after the final,
    not the 10th). ``apposed_day_joiners`` are what may stand between the written day
    and it, ``apposed_day_cases`` what opens the happening after it ("de", "du")."""
    joiners = frozenset(lx["apposed_day_joiners"])
    cases = "|".join(map(re.escape, lx["apposed_day_cases"]))
    out = list(resolved)
    for i in range(1, len(out)):
        (before, day), (cand, value) = out[i - 1], out[i]
        if cand.rule != "ctxday" or not value.shift or day.needs_day or day.type != "DATE":
            continue
        if _day_of(day.value) is None or not _day_of(day.value)[1]:  # type: ignore[index]
            continue
        gap = " ".join(text[before.end : cand.start].lower().replace("’", "'").split())
        if gap in joiners and re.match(rf"\s+(?:{cases})\b", text[cand.end : cand.end + 6]):
            out[i] = (cand, replace(value, shift=0))
    return out
