"""'N heures' and 'N h': a time of day after a clock cue or before a part of the day, else a
length of time (written for kg)."""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times

ANCHOR = "2024-02-15"


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("La grève des contrôleurs a duré 24 heures.", "24 heures", "DURATION", "PT24H"),
        ("La pharmacie de garde reste ouverte 24 heures sur 24.", "24 heures", "DURATION", "PT24H"),
        ("Le suspect a été entendu pendant 12 heures.", "12 heures", "DURATION", "PT12H"),
        ("Les sauveteurs ont creusé 10 heures sans relâche.", "10 heures", "DURATION", "PT10H"),
        ("Un délai de 12 heures a été laissé aux grévistes.", "12 heures", "DURATION", "PT12H"),
        # negatives: clock cues keep the time of day
        ("Le dernier bus part à 20 heures.", "20 heures", "TIME", "2024-02-15T20:00"),
        ("Les débats ont repris vers 15 heures.", "15 heures", "TIME", "2024-02-15T15:00"),
        ("Le bureau de vote ouvre dès 8 heures.", "8 heures", "TIME", "2024-02-15T08:00"),
        ("La séance a repris à 9 heures 30.", "9 heures 30", "TIME", "2024-02-15T09:30"),
        ("Le musée est ouvert à partir de 10 heures.", "10 heures", "TIME", "2024-02-15T10:00"),
        ("Le cortège est parti à 14 h.", "14 h", "TIME", "2024-02-15T14:00"),
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
def test_hours_are_clock_times_only_after_a_clock_cue(
    text: str, span: str, type_: str, value: str
) -> None:
    assert [(t.text, t.type, t.value) for t in extract_times(text, ANCHOR)] == [
        (span, type_, value)
    ]


def test_a_range_of_hours_is_two_clock_times() -> None:
    times = extract_times("Le guichet est ouvert de 9 heures à 17 heures.", ANCHOR)
    assert [(t.text, t.value) for t in times] == [
        ("9 heures", "2024-02-15T09:00"),
        ("17 heures", "2024-02-15T17:00"),
    ]


def test_the_abbreviation_after_a_duration_preposition_is_a_duration() -> None:
    times = extract_times("Le colis a été livré en 24 h.", ANCHOR)
    assert [(t.text, t.type, t.value) for t in times] == [("24 h", "DURATION", "PT24H")]


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        # hours in words and fractions of the hour: clock times after a cue or before a part
        # of the day
        (
            "Les secours ont été appelés vers cinq heures et demie du matin.",
            "cinq heures et demie du matin",
            "TIME",
            "2024-02-15T05:30",
        ),
        (
            "La foule s'est dispersée à onze heures du soir.",
            "onze heures du soir",
            "TIME",
            "2024-02-15T23:00",
        ),
        (
            "Le marché ouvre à sept heures et quart.",
            "sept heures et quart",
            "TIME",
            "2024-02-15T07:15",
        ),
        (
            "La navette part à huit heures moins le quart.",
            "huit heures moins le quart",
            "TIME",
            "2024-02-15T07:45",
        ),
        ("Le bac a accosté à 6 heures et demie.", "6 heures et demie", "TIME", "2024-02-15T06:30"),
        # the same words without a clock cue: a length of time
        (
            "La délibération a duré trois heures et demie.",
            "trois heures et demie",
            "DURATION",
            "PT3.5H",
        ),
        ("Le blessé a attendu deux heures aux urgences.", "deux heures", "DURATION", "PT2H"),
        ("Le refuge est à trois heures de marche du village.", "trois heures", "DURATION", "PT3H"),
    ],
)
def test_hours_in_words(text: str, span: str, type_: str, value: str) -> None:
    assert [(t.text, t.type, t.value) for t in extract_times(text, ANCHOR)] == [
        (span, type_, value)
    ]
