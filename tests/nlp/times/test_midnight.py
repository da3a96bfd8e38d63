""" "24 heures": midnight after "à", "vers", "jusqu'à"; a length of time everywhere else.

Sentences written for kg; anchor 2024-02-15. Issue 13 saw lengths read as clock times
("24 heures" -> T24:00); midnight written in figures is rarer but real ("la buvette ferme à
24 heures"), and "à 24 heures du vote" counts back from something.
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("La buvette ferme à 24 heures.", "24 heures", "TIME", "2024-02-15T24:00"),
        ("La buvette ferme à 24 h.", "24 h", "TIME", "2024-02-15T24:00"),
        (
            "Le feu d'artifice se prolonge jusqu'à 24 heures.",
            "24 heures",
            "TIME",
            "2024-02-15T24:00",
        ),
        # lengths of time
        ("À 24 heures du vote, les sondages se taisent.", "24 heures", "DURATION", "PT24H"),
        ("La ligne d'écoute répond à 24 heures d'intervalle.", "24 heures", "DURATION", "PT24H"),
        ("Le standard répond 24 heures sur 24.", "24 heures", "DURATION", "PT24H"),
        ("Le colis a été livré en 24 heures.", "24 heures", "DURATION", "PT24H"),
        ("La panne a duré 24 heures.", "24 heures", "DURATION", "PT24H"),
        ("Il a été retenu pendant 48 heures.", "48 heures", "DURATION", "PT48H"),
        ("Avant 24 heures, la décision sera rendue.", "24 heures", "DURATION", "PT24H"),
        ("Une trêve de 72 heures a été conclue.", "72 heures", "DURATION", "PT72H"),
    ],
)
def test_twenty_four_hours(times_nlp, run, text: str, span: str, type_: str, value: str) -> None:
    found = {t.text: (t.type, t.value) for t in run(times_nlp, text, ANCHOR)}
    assert found[span] == (type_, value)
