"""Holidays by name or by their hyphenated date, in the year the clause points to.

Sentences written for kg; anchor 2024-02-15 (Easter 2024 is 31 March, Easter 2023 9 April).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.nlp.times.calendar import easter
from kg.nlp.times.component import extract_times

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le bal du 14-Juillet a attiré la foule.", [("14-Juillet", "2023-07-14")]),
        ("Les cérémonies du 11-Novembre auront lieu au monument.", [("11-Novembre", "2024-11-11")]),
        ("À Noël, les boutiques ouvriront le soir.", [("Noël", "2024-12-25")]),
        ("À la Toussaint, les allées étaient fleuries.", [("la Toussaint", "2023-11-01")]),
        ("Le lundi de Pâques, le marché a ouvert.", [("Le lundi de Pâques", "2023-04-10")]),
        ("Avant Pâques, la route sera refaite.", [("Pâques", "2024-03-31")]),
        ("La Pentecôte tombera en mai.", [("La Pentecôte", "2024-05-19"), ("mai", "2024-05")]),
        (
            "La veille de Noël, un incendie a éclaté.",
            [("La veille", "2023-12-24"), ("Noël", "2023-12-25")],
        ),
        # negatives: a given name, a figure, a noun complement, a climb, a treaty
        ("Noël Mamère a répondu aux élus.", []),
        ("Le Père Noël a défilé.", []),
        ("Le marché de Noël a fermé.", []),
        ("L'ascension du pic a pris trois heures.", [("trois heures", "PT3H")]),
        ("L'armistice a été signé à Rethondes.", []),
        # a name of two words is the holiday with or without a capital, at the start too
        ("Mardi gras, les écoliers ont défilé déguisés.", [("Mardi gras", "2024-02-13")]),
        ("Le cortège de mardi gras a été annulé.", [("mardi gras", "2024-02-13")]),
        ("La fanfare jouera pour Mardi gras.", [("Mardi gras", "2025-03-04")]),
        ("Le vendredi saint, les cloches se sont tues.", [("Le vendredi saint", "2023-04-07")]),
        # negatives: a weekday and a noun, a lower-case single name
        ("Mardi, le gras du jambon a été ôté.", [("Mardi", "2024-02-13")]),
        ("Les rameaux du tilleul ont gelé.", []),
    ],
)
def test_holidays(times_nlp, run, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in run(times_nlp, text, ANCHOR)] == expected


@pytest.mark.parametrize(
    ("year", "day"),
    [(2019, dt.date(2019, 4, 21)), (2024, dt.date(2024, 3, 31)), (2038, dt.date(2038, 4, 25))],
)
def test_easter(year: int, day: dt.date) -> None:
    assert easter(year) == day


def test_a_holiday_without_a_document_date_has_no_year() -> None:
    assert [t.value for t in extract_times("À la Toussaint, il neigeait.", None)] == ["XXXX-11-01"]
