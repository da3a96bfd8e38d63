"""Hours as a length of time, not a time of day: "une grève de 24 heures" is PT24H.

Sentences written for kg; anchor 2024-02-15. A number of hours is a clock time only after a
clock cue ("à 20 heures", "vers 3 heures", "dès 20 heures") or with its minutes ("14 h 30");
otherwise, after a noun, a verb of duration, a preposition of time or an approximation, it
is a length; "les 35 heures" (the law) is neither.
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les cheminots ont observé une grève de 24 heures.", [("24 heures", "PT24H")]),
        ("Un arrêt de travail de 24 h a été voté.", [("24 h", "PT24H")]),
        ("Le suspect a passé 48 heures en garde à vue.", [("48 heures", "PT48H")]),
        ("Le préavis court sur 48h.", [("48h", "PT48H")]),
        ("Le couvre-feu durera 12h.", [("12h", "PT12H")]),
        ("En 24 heures, deux crues se sont succédé.", [("24 heures", "PT24H")]),
        ("Le blessé a attendu plus de 24 heures.", [("plus de 24 heures", "PT24H")]),
        ("Les pompiers ont mis 6 heures à éteindre le feu.", [("6 heures", "PT6H")]),
        ("Après 10 heures de débat, le texte a été voté.", [("10 heures", "PT10H")]),
        ("Le verdict doit tomber dans les 48 heures.", [("48 heures", "PT48H")]),
        ("Il a beaucoup plu au cours des dernières 24 heures.", [("dernières 24 heures", "PT24H")]),
        ("Il a été libéré au bout de quarante-huit heures.", [("quarante-huit heures", "PT48H")]),
        ("À 24 heures du vote, les sondages se taisent.", [("24 heures", "PT24H")]),
        ("Le vol a duré 11 h 30.", [("11 h 30", "PT11H30M")]),
        # times of day, for contrast
        ("Les bureaux de vote fermeront à 20 heures.", [("20 heures", "2024-02-15T20:00")]),
        ("La secousse a eu lieu vers 3 heures.", [("3 heures", "2024-02-15T03:00")]),
        ("Le ministre est arrivé à 14h30.", [("14h30", "2024-02-15T14:30")]),
        ("La séance a été levée à 2 heures du matin.", [("2 heures du matin", "2024-02-15T02:00")]),
        (
            "Le ministre est arrivé jeudi 22 heures.",
            [("jeudi", "2024-02-15"), ("22 heures", "2024-02-15T22:00")],
        ),
        (
            "Le guichet ouvre entre 20 et 22 heures.",
            [("20", "2024-02-15T20:00"), ("22 heures", "2024-02-15T22:00")],
        ),
        # a range of lengths, both ends
        ("La panne a duré de 10 à 12 heures.", [("12 heures", "PT12H")]),
        ("Le trajet prend entre 2 et 3 heures.", [("3 heures", "PT3H")]),
        # negatives: the working week law, written either way
        ("Les 35 heures ont été adoptées en 2000.", [("2000", "2000")]),
        ("Le patronat s'oppose aux 35h.", []),
    ],
)
def test_hours(times_nlp, run, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in run(times_nlp, text, ANCHOR)] == expected
