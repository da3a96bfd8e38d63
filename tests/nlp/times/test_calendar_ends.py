"""Issue 17, defect 1: an anchor at either end of the calendar never crashes time resolution.

Why: any date the options accept (0001-01-01 to 9999-12-31) may anchor relative expressions
that land off the calendar; that expression is given up on, the document still builds.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp.times.component import extract_times
from kg.timex import bounds

#: Relative expressions in both directions and at every granularity (written for the test).
EXPRESSIONS = [
    "Elle est partie hier.",
    "Il reviendra demain matin à 10 h.",
    "Ils se verront jeudi.",
    "Ils se sont vus jeudi dernier.",
    "Il y a deux semaines, rien.",
    "Dans trois jours, tout change.",
    "La semaine dernière fut calme.",
    "La semaine prochaine sera chargée.",
    "Le week-end prochain, repos.",
    "Le mois prochain, un vote.",
    "Le mois dernier, un vote.",
    "L'an prochain, une élection.",
    "L'année dernière, une élection.",
    "Dans dix ans, peut-être.",
    "L'hiver prochain sera froid.",
    "L'hiver dernier fut froid.",
    "Le trimestre prochain, des comptes.",
    "Ils arrivent le 3 mars. Le lendemain, ils partent.",
    "La veille au soir, ils dînent.",
]
ENDS = [dt.date.min, dt.date(1, 1, 7), dt.date(9999, 12, 25), dt.date.max]


@pytest.mark.parametrize("anchor", ENDS, ids=str)
@pytest.mark.parametrize("text", EXPRESSIONS)
def test_relative_expressions_at_the_calendar_ends_resolve_or_are_left_out(text, anchor) -> None:
    for value in extract_times(text, anchor):
        start, end, _ = bounds(value.value)  # never raises either
        year = value.value[:4]
        assert not year.isdigit() or "0001" <= year <= "9999", value
        assert start is None or "0001-01-01" <= start <= end <= "9999-12-31"


@pytest.mark.parametrize("value", ["9999-W52", "9999-W52-WE", "9999-WI", "0000", "0000-12"])
def test_bounds_of_values_past_the_calendar_are_opaque(value) -> None:
    assert bounds(value)[:2] == (None, None)
