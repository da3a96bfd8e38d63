"""Abbreviated hours ("3 h") and hours followed by what they measure: lengths or clock times.

Sentences written for kg; anchor 2024-02-15.
"""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times

ANCHOR = "2024-02-15"


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        # lengths: 24 h is never a time of day, nor an hour after a verb of duration, nor
        # an hour count of something ("de garde à vue")
        ("Un arrêt de travail de 24 h a été voté.", "24 h", "DURATION", "PT24H"),
        ("Il a fallu 3 h aux pompiers.", "3 h", "DURATION", "PT3H"),
        ("Il reste 2 h avant la clôture.", "2 h", "DURATION", "PT2H"),
        ("L'étape a duré 4 h 12.", "4 h 12", "DURATION", "PT4H12M"),
        ("Elle a bouclé le parcours en 2 h 08.", "2 h 08", "DURATION", "PT2H8M"),
        ("Il est sorti après 30 heures de garde à vue.", "30 heures", "DURATION", "PT30H"),
        ("Le train a eu 3 heures de retard.", "3 heures", "DURATION", "PT3H"),
        # clock times: a clock cue, or the part of the day after the hour
        ("Il était 7 heures du matin.", "7 heures du matin", "TIME", "2024-02-15T07:00"),
        ("Vers 9 heures du soir, la digue a cédé.", "9 heures du soir", "TIME", "2024-02-15T21:00"),
        (
            "La sirène a retenti à 3 heures de l'après-midi.",
            "3 heures de l'après-midi",
            "TIME",
            "2024-02-15T15:00",
        ),
        ("Le cortège est parti dès 7 h.", "7 h", "TIME", "2024-02-15T07:00"),
        ("Il était 23 h 30 quand l'alerte a sonné.", "23 h 30", "TIME", "2024-02-15T23:30"),
    ],
)
def test_lengths_and_clock_times(text: str, span: str, type_: str, value: str) -> None:
    assert [(t.text, t.type, t.value) for t in extract_times(text, ANCHOR)] == [
        (span, type_, value)
    ]
