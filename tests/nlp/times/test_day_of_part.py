"""A part of the day followed by the day it is of ("la nuit de lundi à mardi", "le soir
du 4 juin") takes that day, though another day was told earlier in the sentence; and a
capitalised month name after "de" is the planet or the god ("l'exploration de Mars").

Sentences written for kg; anchor 2024-02-15 (a Thursday).
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Blessé par la crue du 2 janvier, le berger a péri pendant la nuit de lundi à mardi.",
            "la nuit",
            "2024-02-12TNI",
        ),
        (
            "Arrivée le 2 février, la caravane est repartie dans la nuit du 5 au 6 février.",
            "la nuit",
            "2024-02-05TNI",
        ),
        (
            "Annoncé le 2 février, le concert a eu lieu dans la soirée du 9 février.",
            "la soirée",
            "2024-02-09TEV",
        ),
        # no day right after it: the day told before in the sentence
        ("Le 9 février, la caravane est repartie dans la nuit.", "la nuit", "2024-02-09TNI"),
        (
            "Le 9 février, la caravane est repartie dans la nuit, avant dimanche.",
            "la nuit",
            "2024-02-09TNI",
        ),
    ],
)
def test_the_day_a_part_of_the_day_is_of(times_nlp, run, text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Le rover analyse les roches de Mars.", []),
        ("La sonde a photographié les pôles de Mars en janvier.", ["janvier"]),
        ("Le vote est fixé au mois de Mars.", ["mois de Mars"]),
        ("Le vote aura lieu en Mars.", ["Mars"]),
    ],
)
def test_a_capitalised_month_after_de(times_nlp, run, text: str, months: list[str]) -> None:
    assert [t.text for t in run(times_nlp, text, ANCHOR) if t.type == "DATE"] == months
