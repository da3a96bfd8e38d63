"""Normalising matched French temporal expressions to TIMEX3 values.

Why separate from the patterns: the same surface ("jeudi", "en décembre") has different
values depending on the document date and the tense of the clause, and this is where those
choices are made (see ``docs/decisions/0002-time-resolution.md``). Everything here is a pure
function of a :class:`~kg.nlp.times.rules.TimeMatch`, the anchor date and a tense label
(``past``, ``future``, ``present`` or ``unknown``); nothing depends on spaCy.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from kg.nlp.times.calendar import (
    day_month,
    easter,
    month_of,
    pick,
    season_year,
    shift_by,
    week_of,
    weekday_day,
    weekday_of,
)
from kg.nlp.times.rules import TimeMatch

__all__ = ["Resolved", "resolve"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_CLOCK_UNITS = {"S": "S", "TM": "M", "H": "H"}
#: How many quarters (Q) and halves (H) a year has.
_PARTS_PER_YEAR = {"Q": 4, "H": 2}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised expression.

    ``needs_day`` marks values that are only a time of day (``T21:45``, ``TNI``) or a day
    relative to the story ("le lendemain": empty value, ``shift=1``): the component prefixes
    them with the day the text is talking about at that point, moved by ``shift`` days.
    """

    type: str
    value: str
    anchored: bool = False
    needs_day: bool = False
    shift: int = 0
    #: an anaphoric date ("l'année suivante": ``Y``, shift 1; "l'été suivant": ``S``, the
    #: season in ``suffix``), counted by the component from the last date written before
    #: it, at this unit's granularity
    ref_unit: str = ""
    #: with ``ref_unit`` ``D``: the ISO weekday ``shift`` weeks' way from that date ("le
    #: jeudi suivant": 4, shift 1: the first Thursday after it)
    weekday: int = 0
    #: appended to the counted value ("l'été suivant": ``-SU`` after the year)
    suffix: str = ""


def _norm(word: str | None) -> str:
    return " ".join((word or "").lower().replace("’", "'").split())


def _number(word: str | None, lx: dict[str, Any]) -> float | None:
    word = _norm(word)
    if not word:
        return None
    if word[0].isdigit():
        return float(word.replace(",", "."))
    value = lx["numbers"].get(word)
    return float(value) if value is not None else None


def _unit(word: str | None, lx: dict[str, Any]) -> str | None:
    """The TIMEX3 unit code of "jours", "mois", "années"…"""
    word = _norm(word)
    return lx["units"].get(word) or lx["units"].get(word.removesuffix("s"))


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _year(text: str | None, anchor: dt.date | None) -> int | None:
    """A written year; two digits ("octobre 98", "'03") pick the century nearest the anchor."""
    digits = (text or "").strip("'’ ")
    if not digits.isdigit():
        return None
    if len(digits) == 4:
        return int(digits)
    latest = (anchor.year if anchor else 2000) + 20  # no year more than 20 years ahead
    return 2000 + int(digits) if 2000 + int(digits) <= latest else 1900 + int(digits)


def _direction(g: dict[str, str | None], lx: dict[str, Any]) -> str | None:
    """``past``/``future`` from "dernier"/"prochain" after the expression, else None."""
    rel = _norm(g.get("rel"))
    if rel in lx["past_markers"]:
        return "past"
    if rel in lx["future_markers"]:
        return "future"
    return None


def resolve(
    cand: TimeMatch, anchor: dt.date | None, tense: str, lx: dict[str, Any]
) -> Resolved | None:
    """Normalise one candidate; None when the match turns out not to be temporal."""
    g = cand.groups
    rel = _direction(g, lx)
    rule = cand.rule
    if rule in {"date", "daypair", "numdate"}:
        month = int(g["month"]) if rule == "numdate" else lx["months"].get(_norm(g["month"]))
        day_text = _norm(g["day"])
        day = 1 if day_text in lx["first_day_words"] else int(day_text)
        year = _year(g.get("year"), anchor)
        if not month or not 1 <= day <= 31:
            return None
        if year:
            try:
                return Resolved("DATE", dt.date(year, month, day).isoformat())
            except ValueError:
                return None
        if anchor is None:
            return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}")
        weekday = lx["weekdays"].get(_norm(g.get("wd")))
        found = day_month(anchor, month, day, tense, rel, weekday)
        return Resolved("DATE", found.isoformat(), True)
    if rule == "month":
        month = lx["months"][_norm(g["month"])]
        year = _year(g.get("year"), anchor)
        if year:
            return Resolved("DATE", f"{year:04d}-{month:02d}")
        if anchor is None:
            return Resolved("DATE", f"XXXX-{month:02d}")
        return Resolved("DATE", month_of(anchor, month, tense, rel), True)
    if rule == "year":
        return Resolved("DATE", f"{int(g['year'] or 0):04d}")
    if rule == "decade":
        # Two digits or words are the 1900s ("les années 20" in a 2024 text is 192): the
        # 2000s' decades are written in full ("les années 2010").
        if g.get("decword"):
            return Resolved("DATE", f"19{lx['decade_words'][_norm(g['decword'])]}")
        dec = int(g["dec"] or 0)
        return Resolved("DATE", f"{(dec + 1900 if dec < 100 else dec) // 10:03d}")
    if rule == "century":
        if g.get("centword"):
            return Resolved("DATE", f"{lx['century_words'][_norm(g['centword'])] - 1:02d}")
        text = (g["cent"] or "").upper()
        n = int(text) if text.isdigit() else _roman(text)
        return Resolved("DATE", f"{n - 1:02d}") if n else None
    if rule == "season":
        season = lx["seasons"][_norm(g["season"])]
        if g.get("seq"):  # "l'été suivant": the next summer after the date written before
            shift = lx["sequence_words"][_norm(g["seq"])]
            return Resolved("DATE", "", ref_unit="S", shift=shift, suffix=f"-{season}")
        if g.get("year"):
            return Resolved("DATE", f"{g['year']}-{season}")
        generic = rel is None and tense in {"present", "unknown"}
        # "en été" in a present-tense sentence is habitual; "cet été" is still this one.
        if anchor is None or (generic and _norm(g.get("det")) not in lx["this_determiners"]):
            return Resolved("DATE", f"XXXX-{season}")
        return Resolved("DATE", f"{season_year(anchor, season, tense, rel):04d}-{season}", True)
    if rule == "quarter":
        part = lx["year_parts"][_norm(g["part"])]  # "Q" (quarters) or "H" (halves)
        count = _PARTS_PER_YEAR[part]
        word = _norm(g["ord"])
        # "le dernier semestre": the last one, whatever the count of parts
        n = count if word in lx["last_ordinals"] else lx["ordinals"][word]
        if n > count:
            return None
        if g.get("year"):
            return Resolved("DATE", f"{g['year']}-{part}{n}")
        if anchor is None:
            return Resolved("DATE", f"XXXX-{part}{n}")
        return Resolved("DATE", f"{anchor.year:04d}-{part}{n}", True)
    if rule == "relday":
        return _relday(g, anchor, lx)
    if rule == "wdday":  # "jeudi 22": the month whose 22nd is a Thursday
        day_text = _norm(g["day"])
        day = 1 if day_text in lx["first_day_words"] else int(day_text)
        if not 1 <= day <= 31:
            return None
        if anchor is None:
            return Resolved("DATE", f"XXXX-XX-{day:02d}")
        found = weekday_day(anchor, lx["weekdays"][_norm(g["wd"])], day, tense)
        return Resolved("DATE", found.isoformat(), True) if found else None
    if rule in {"weekday", "weekdays"}:
        return _weekday_expr(cand, anchor, tense, rel, lx)
    if rule == "relunit":
        return _relunit(g, anchor, tense, rel, lx)
    if rule == "holiday":
        return _holiday(_norm(g["holiday"]), anchor, tense, rel, lx)
    if rule == "newyear":
        return Resolved("DATE", f"{anchor.year:04d}", True) if anchor else None
    if rule == "ctxday":
        shift = _context_shift(g["ctxday"], lx)
        if g.get("part"):  # "le lendemain matin": a part of that day
            part = lx["day_parts"][_norm(g["part"])]
            return Resolved("TIME", f"T{part}", needs_day=True, shift=shift)
        return Resolved("DATE", "", needs_day=True, shift=shift)
    if rule == "anaphor":
        unit = _unit(g["unit"], lx)
        if unit not in {"D", "W", "M", "Y"}:
            return None
        if g.get("later"):
            n = _number(g["num"], lx)
            if n is None or n != int(n):
                return None
            shift = int(n) * lx["later_words"][_norm(g["later"])]
        else:
            shift = lx["sequence_words"].get(_norm(g.get("seq")), 0)
        return Resolved("DATE", "", ref_unit=unit, shift=shift)
    if rule == "samedate":  # "à cette date": the last day written before, as "ce jour-là"
        return Resolved("DATE", "", ref_unit="D")
    if rule == "daypart":
        part = "T" + lx["day_parts"][_norm(g["part"])]
        if g.get("seq"):  # "la nuit suivante": of the day after the one in context
            shift = lx["sequence_words"][_norm(g["seq"])]
            return Resolved("TIME", part, needs_day=True, shift=shift)
        if rel is not None:  # "la nuit dernière": the one before the document date
            step = -1 if rel == "past" else 1
            day = (anchor + dt.timedelta(step)).isoformat() if anchor else "XXXX-XX-XX"
            return Resolved("TIME", f"{day}{part}", anchor is not None)
        if g.get("ctx"):  # "la nuit du lendemain": a part of the day after the one in context
            return Resolved("TIME", part, needs_day=True, shift=_context_shift(g["ctx"], lx))
        if g.get("that"):  # "ce soir-là": of the day the text is talking about
            return Resolved("TIME", part, needs_day=True)
        if g.get("this"):
            if anchor is None:
                return None
            # "cette nuit, un séisme a frappé": the night that ended on the document date
            back = part == "TNI" and tense == "past"
            day = anchor - dt.timedelta(1) if back else anchor
            return Resolved("TIME", f"{day.isoformat()}{part}", True)
        return Resolved("TIME", part, needs_day=True)
    if rule == "clock":
        hour = int(_number(g["hour"], lx) or 0)  # "4", "quatre"
        minute = int(g.get("min") or 0)
        frac = _norm(g.get("hfrac"))
        if frac:  # "et demie" +30, "moins le quart" -15: minutes from the hour
            offset = lx["clock_fractions"][frac]
            hour, minute = (hour, offset) if offset >= 0 else (hour - 1, 60 + offset)
        if g.get("hpart") and hour < 12:  # "8 heures du soir": 20:00
            hour += lx["clock_day_parts"][_norm(g["hpart"])]
        return Resolved("TIME", f"T{hour:02d}:{minute:02d}", False, True)
    if rule == "clockword":
        return Resolved("TIME", "T" + lx["clock_words"][_norm(g["span"])], needs_day=True)
    if rule in {"ago", "in"}:
        n = _number(g["num"], lx)
        unit = _unit(g["unit"], lx) or "Y"
        shifted = shift_by(anchor, int(n) * (-1 if rule == "ago" else 1), unit) if anchor else None
        if n is None or n != int(n):
            return None
        if shifted:
            return Resolved(shifted[1], shifted[0], True)
        return Resolved("DATE", "PAST_REF" if rule == "ago" else "FUTURE_REF")
    if rule == "duration":
        unit = _unit(g["unit"], lx)
        n = _number(g.get("num"), lx)
        if g.get("about") and not g.get("many"):  # "une quinzaine d'années": about 15
            n = float(lx["approximate_numbers"][_norm(g["about"])])
        if n is not None and g.get("half"):  # "deux ans et demi"
            n += 0.5
        amount = "X" if n is None else _fmt(n)
        if not unit:
            return None
        if unit in _CLOCK_UNITS:
            minutes = f"{int(g['dmin'])}M" if g.get("dmin") else ""  # "2 h 08": PT2H8M
            return Resolved("DURATION", f"PT{amount}{_CLOCK_UNITS[unit]}{minutes}")
        return Resolved("DURATION", f"P{amount}{unit}")
    if rule == "period":
        return Resolved("DURATION", lx["periods"][_norm(g["period"])])
    if rule == "set":
        return _set(g, lx)
    if rule == "per":
        return Resolved("SET", lx["per_values"][_norm(g["unit"])])
    if rule == "freq":
        return Resolved("SET", lx["frequency_adjectives"][_norm(g["freq"])])
    if rule == "futadj":
        return Resolved("TIME", "FUTURE_REF")
    if rule == "partadj":
        return Resolved("TIME", "T" + lx["day_part_adjectives"][_norm(g["partadj"])])
    if rule == "ref":
        return Resolved("TIME", lx["refs"][_norm(g["ref"])])
    return None


def _context_shift(word: str | None, lx: dict[str, Any]) -> int:
    """Days from the day in context of "le lendemain", "la veille", or of their bare noun
    ("au lendemain", "la nuit du lendemain")."""
    word = _norm(word)
    days = lx["context_days"]
    bare = {re.split(r"[\s']", k)[-1]: v for k, v in days.items()}  # the phrase's noun
    return days.get(word) or bare.get(word, 0)


def _holiday(
    name: str, anchor: dt.date | None, tense: str, rel: str | None, lx: dict[str, Any]
) -> Resolved:
    """A holiday's day, in the year the clause points to, like a day without a year."""
    fixed = lx["holidays"].get(name)
    if fixed is not None:
        month, day = (int(x) for x in fixed.split("-"))
        if anchor is None:
            return Resolved("DATE", f"XXXX-{fixed}")
        return Resolved("DATE", day_month(anchor, month, day, tense, rel, None).isoformat(), True)
    if anchor is None:
        return Resolved("DATE", "XXXX-XX-XX")
    shift = dt.timedelta(lx["easter_holidays"][name])
    options = [easter(anchor.year + k) + shift for k in (0, -1, 1)]
    return Resolved("DATE", pick(options, anchor, tense, rel).isoformat(), True)


def _roman(text: str) -> int:
    values = [_ROMAN.get(c, 0) for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _relday(g: dict[str, str | None], anchor: dt.date | None, lx: dict[str, Any]) -> Resolved:
    offset = lx["relative_days"][_norm(g["relday"])]
    day = (anchor + dt.timedelta(offset)).isoformat() if anchor else "XXXX-XX-XX"
    if g.get("hour"):
        return Resolved("TIME", f"{day}T{int(g['hour'] or 0):02d}:{int(g['min'] or 0):02d}", True)
    if g.get("part"):
        return Resolved("TIME", f"{day}T{lx['day_parts'][_norm(g['part'])]}", anchor is not None)
    return Resolved("DATE", day, anchor is not None)


def _weekday_expr(
    cand: TimeMatch, anchor: dt.date | None, tense: str, rel: str | None, lx: dict[str, Any]
) -> Resolved:
    g = cand.groups
    wd = lx["weekdays"][_norm(g["wd"])]
    part = lx["day_parts"].get(_norm(g.get("part")))
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if g.get("seq"):  # "le jeudi suivant": the first Thursday after the date written before
        shift = lx["sequence_words"][_norm(g["seq"])]
        return Resolved(kind, "", ref_unit="D", shift=shift, weekday=wd, suffix=suffix)
    if cand.rule == "weekdays" or (g.get("definite") and not rel):
        return Resolved("SET", f"XXXX-WXX-{wd}{suffix}")  # "tous les jeudis", "le mercredi"
    if anchor is None:
        return Resolved(kind, f"XXXX-WXX-{wd}{suffix}")
    return Resolved(kind, weekday_of(anchor, wd, tense, rel).isoformat() + suffix, True)


def _relunit(
    g: dict[str, str | None],
    anchor: dt.date | None,
    tense: str,
    rel: str | None,
    lx: dict[str, Any],
) -> Resolved | None:
    det = _norm(g["det"])
    unit = lx["calendar_units"][_norm(g["unit"])]
    # "fin de semaine", "à la fin du mois": a part of the unit the text is in
    this = (
        det in lx["this_determiners"]
        or _norm(g.get("rel")) in lx["ongoing_markers"]
        or bool(g.get("mod") and not rel)
    )
    if not (this or rel) or anchor is None:
        return None
    step = -1 if rel == "past" else 1 if rel == "future" else 0
    if unit == "weekend":
        base = anchor + dt.timedelta(weeks=step)
        if this and tense == "past" and anchor.isoweekday() < 6:
            base = anchor - dt.timedelta(weeks=1)
        return Resolved("DATE", week_of(base, "-WE"), True)
    if unit == "week":
        return Resolved("DATE", week_of(anchor + dt.timedelta(weeks=step)), True)
    if unit == "month":
        shifted = shift_by(anchor, step, "M")
        return Resolved("DATE", shifted[0], True) if shifted else None
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return Resolved("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", True)
    if unit == "century":  # "le siècle dernier" in 2024: the 1900s, TIMEX3 "19"
        return Resolved("DATE", f"{anchor.year // 100 + step:02d}", True)
    return Resolved("DATE", f"{anchor.year + step:04d}", True)


def _set(g: dict[str, str | None], lx: dict[str, Any]) -> Resolved | None:
    n = _number(g.get("num"), lx) or 1
    if g.get("wd"):
        return Resolved("SET", f"XXXX-WXX-{lx['weekdays'][_norm(g['wd'])]}")
    if g.get("part"):
        return Resolved("SET", f"XXXX-XX-XXT{lx['day_parts'][_norm(g['part'])]}")
    if g.get("season"):  # "chaque été": every summer
        return Resolved("SET", f"XXXX-{lx['seasons'][_norm(g['season'])]}")
    unit = _unit(g["unit"], lx)
    if not unit:
        return None
    if unit in _CLOCK_UNITS:
        return Resolved("SET", f"PT{_fmt(n)}{_CLOCK_UNITS[unit]}")
    return Resolved("SET", f"P{_fmt(n)}{unit}")
