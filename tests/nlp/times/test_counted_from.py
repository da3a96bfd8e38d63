""" "N unités après/avant": counted from the date written before when nothing follows that
it could count from; a length of time when a noun phrase or an infinitive follows, unless
the noun names a happening told in the sentence before (then counted from the
date written before it).

Also an age given with "moins de"/"plus de" after a noun ("des mineurs de moins de 14
ans"), which is no length of time. Sentences written for kg; anchor 2024-02-15.
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"
OPENING = "En avril 1987, la mine a fermé. "


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "span", "type_", "value"),
    [
        # nothing to count from after the preposition: the date written before
        ("Le puits est muré deux ans après par précaution.", "deux ans après", "DATE", "1989"),
        ("Trois mois après, le site a été vendu.", "Trois mois après", "DATE", "1987-07"),
        ("Le site a été vendu trois mois après.", "trois mois après", "DATE", "1987-07"),
        ("Un an avant, la grève avait éclaté.", "Un an avant", "DATE", "1986"),
        # a noun phrase, a name or an infinitive after it: counted from that, only a length
        ("Deux ans après sa fermeture, le puits a été muré.", "Deux ans", "DURATION", "P2Y"),
        ("Trois mois après la vente, le site a brûlé.", "Trois mois", "DURATION", "P3M"),
        ("Un an avant Tchernobyl, la mine tournait.", "Un an", "DURATION", "P1Y"),
        ("Six mois après avoir fermé, la mine a été inondée.", "Six mois", "DURATION", "P6M"),
    ],
)
def test_a_count_after_a_date(
    times_nlp, run, sentence: str, span: str, type_: str, value: str
) -> None:
    found = {t.text: (t.type, t.value) for t in run(times_nlp, OPENING + sentence, ANCHOR)}
    assert found[span] == (type_, value)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        # the noun after the preposition names the happening just told: counted from its date
        (
            "Un incendie a détruit la scierie le 4 juin 2019. Deux semaines après l'incendie, "
            "les ouvriers ont été licenciés.",
            "Deux semaines après",
            "DATE",
            "2019-W25",
        ),
        (
            "Le 4 juin 2019, un incendie a détruit la scierie. Trois jours après cet incendie, "
            "le maire a visité le site.",
            "Trois jours après",
            "DATE",
            "2019-06-07",
        ),
        (
            "Le 4 juin 2019, la scierie a brûlé. Deux jours avant l'incendie, une alarme "
            "avait été coupée.",
            "Deux jours",
            "DURATION",
            "P2D",
        ),
        (
            "Le 4 juin 2019, un incendie a détruit la scierie. Deux ans après sa fondation, "
            "la scierie employait cent ouvriers.",
            "Deux ans",
            "DURATION",
            "P2Y",
        ),
        (
            "Le 4 juin 2019, elle a gagné trois courses, dont une deux semaines après la course "
            "de Brest.",
            "deux semaines",
            "DURATION",
            "P2W",
        ),
    ],
)
def test_a_count_after_a_happening_told_before(
    times_nlp, run, text: str, span: str, type_: str, value: str
) -> None:
    found = {t.text: (t.type, t.value) for t in run(times_nlp, text, ANCHOR)}
    assert found[span] == (type_, value)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("Il purge une peine de plus de 8 ans.", "plus de 8 ans", "DURATION", "P8Y"),
        ("Elle habite le quartier depuis plus de 8 ans.", "plus de 8 ans", "DURATION", "P8Y"),
    ],
)
def test_lengths_with_more_or_less(
    times_nlp, run, text: str, span: str, type_: str, value: str
) -> None:
    found = {t.text: (t.type, t.value) for t in run(times_nlp, text, ANCHOR)}
    assert found[span] == (type_, value)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Trois lycéens de moins de 16 ans ont été entendus.",
        "Les électeurs de plus de 70 ans votent davantage.",
    ],
)
def test_an_age_group_is_no_length(times_nlp, run, text: str) -> None:
    assert not [t for t in run(times_nlp, text, ANCHOR) if t.type == "DURATION"]
