"""Decades, centuries, parts of the current unit and recurring seasons (sentences for kg).

TIMEX3 writes a decade with its first three digits ("196": the 1960s) and a century with
its first two ("18": the nineteenth century, the 1800s).
"""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times
from kg.timex import bounds

ANCHOR = "2003-05-15"  # a Thursday


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Cette coiffure est née dans les années 60.", "les années 60", "196"),
        # two digits are the 1900s even when the anchor makes 20xx possible
        ("Le charleston des années 20 revient sur les pistes.", "années 20", "192"),
        ("Les années 1970 ont vu fleurir les radios libres.", "Les années 1970", "197"),
        ("Dans les années 2010, le quartier a changé.", "les années 2010", "201"),
        ("Les années soixante-dix furent prospères.", "Les années soixante-dix", "197"),
        ("Au début des années 80, le bourg comptait 900 âmes.", "début des années 80", "198"),
        ("La halle date de la fin du XIXe siècle.", "la fin du XIXe siècle", "18"),
        ("Le XXe siècle a vu deux guerres mondiales.", "XXe siècle", "19"),
        ("Le moulin tourne depuis le 18e siècle.", "18e siècle", "17"),
        ("Au cours du siècle dernier, la forêt a reculé.", "siècle dernier", "19"),
    ],
)
def test_decades_and_centuries_in_timex3_form(text: str, span: str, value: str) -> None:
    assert [(t.text, t.type, t.value) for t in extract_times(text, ANCHOR)] == [
        (span, "DATE", value)
    ]


def test_a_century_has_calendar_bounds() -> None:
    assert bounds("19") == ("1900-01-01", "1999-12-31", "century")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("La braderie aura lieu en fin de semaine.", "fin de semaine", "2003-W20"),
        ("Les notes seront publiées à la fin du mois.", "la fin du mois", "2003-05"),
        ("Le pont sera rouvert à la fin de l'année.", "la fin de l'année", "2003"),
        (
            "Le verdict tombera en début de semaine prochaine.",
            "début de semaine prochaine",
            "2003-W21",
        ),
    ],
)
def test_a_part_of_the_current_unit(text: str, span: str, value: str) -> None:
    assert [(t.text, t.value) for t in extract_times(text, ANCHOR)] == [(span, value)]


@pytest.mark.parametrize(
    "text",
    [
        "La semaine a été rude pour les commerçants.",  # no particular week
        "Le mois s'annonce chargé au conseil.",
        "Les forêts des Vosges couvrent des siècles d'histoire.",  # no numbered century
    ],
)
def test_a_bare_unit_is_no_date(text: str) -> None:
    assert [t.type for t in extract_times(text, ANCHOR) if t.type == "DATE"] == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Le festival de jazz revient chaque été.", "chaque été", "XXXX-SU"),
        ("Les cigognes reviennent tous les printemps.", "tous les printemps", "XXXX-SP"),
    ],
)
def test_a_recurring_season_is_a_set(text: str, span: str, value: str) -> None:
    assert [(t.text, t.type, t.value) for t in extract_times(text, ANCHOR)] == [
        (span, "SET", value)
    ]
