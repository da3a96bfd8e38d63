"""A day aimed at ("pour le 20 janvier"), held until ("jusqu'au 20 janvier"), or reported
as still to be done in the conditional passive ("serait rouvert le 20 janvier"); and "à
cette date", the day written before.

Sentences written for kg; anchor 2024-02-15. Every date below lies a month or more before
the anchor in its nearest reading, so only the clause can send it to next year. Negatives:
the same words told in the past, or a conditional that tells of something done ("aurait
signé", "serait parti").
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a target preposition in a present clause: the day aimed at is ahead
        ("La grève est annoncée pour le 12 janvier.", "le 12 janvier", "2025-01-12"),
        ("Le verdict est attendu pour le 9 janvier.", "le 9 janvier", "2025-01-09"),
        ("Pour le 6 janvier, la boulangerie prépare ses galettes.", "le 6 janvier", "2025-01-06"),
        ("La salle reste fermée jusqu'au 10 janvier.", "10 janvier", "2025-01-10"),
        ("Les soldes durent jusqu'au 7 janvier.", "7 janvier", "2025-01-07"),
        ("Le chantier se prolonge jusqu'en janvier.", "janvier", "2025-01"),
        # "pour" before a month names what the figures are for, not a day aimed at
        ("Les chiffres du chômage pour janvier sont mauvais.", "janvier", "2024-01"),
        # told in the past, the same words keep the past
        ("La salle est restée fermée jusqu'au 10 janvier.", "10 janvier", "2024-01-10"),
        ("La grève avait été annoncée pour le 12 janvier.", "le 12 janvier", "2024-01-12"),
        ("Les soldes ont duré jusqu'au 7 janvier.", "7 janvier", "2024-01-07"),
        # a reporting conditional passive: what will be done
        (
            "Le préfet a indiqué que la route serait rouverte le 8 janvier.",
            "le 8 janvier",
            "2025-01-08",
        ),
        ("Selon le club, le stade serait agrandi en janvier.", "janvier", "2025-01"),
        # a conditional that tells of something done stays in the past
        ("Le suspect aurait été interpellé le 8 janvier.", "le 8 janvier", "2024-01-08"),
        ("Le fugitif serait parti le 8 janvier.", "le 8 janvier", "2024-01-08"),
        ("Le ministre aurait signé le décret le 8 janvier.", "le 8 janvier", "2024-01-08"),
    ],
)
def test_a_day_the_clause_aims_at(times_nlp, run, text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Le 9 octobre 2016, la digue a cédé. À cette date, le village était désert.",
            "cette date",
            "2016-10-09",
        ),
        (
            "Le 9 octobre 2016, la digue a cédé. À cette même date, la crue culminait.",
            "cette même date",
            "2016-10-09",
        ),
        (
            "La digue a cédé le 9 octobre 2016. La même date, un pont s'est effondré.",
            "La même date",
            "2016-10-09",
        ),
        (
            "Le 9 octobre 2016, la digue a cédé. Cette date-là reste dans les mémoires.",
            "Cette date-là",
            "2016-10-09",
        ),
    ],
)
def test_this_date_is_the_day_written_before(
    times_nlp, run, text: str, span: str, value: str
) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Le 9 octobre 2016, la digue a cédé. Cette date de livraison ne convient pas.",
        "La date du procès n'est pas encore fixée.",
        "Le 9 octobre 2016, la digue a cédé. Cette date limite a été dépassée.",
        "Le 9 octobre 2016, la digue a cédé. La date retenue est un lundi.",
    ],
)
def test_a_date_noun_that_names_no_day_written_before(times_nlp, run, text: str) -> None:
    spans = [t.text.lower() for t in run(times_nlp, text, ANCHOR)]
    assert not [s for s in spans if "date" in s]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # "dernier" before a noun may be the final one: a future verb says which year
        ("La revue publiera son dernier numéro le 10 janvier.", "le 10 janvier", "2025-01-10"),
        ("La dernière séance se tiendra le 10 janvier.", "le 10 janvier", "2025-01-10"),
        ("Le dernier convoi partira en janvier.", "janvier", "2025-01"),
        # with a past or present verb it stays the last one before the anchor
        ("La revue a publié son dernier numéro le 10 janvier.", "le 10 janvier", "2024-01-10"),
        (
            "La dernière séance, le 10 janvier, portait sur les tarifs.",
            "le 10 janvier",
            "2024-01-10",
        ),
        (
            "Le 10 janvier dernier, la revue a cessé de paraître.",
            "Le 10 janvier dernier",
            "2024-01-10",
        ),
    ],
)
def test_the_final_one_in_a_future_clause(times_nlp, run, text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value
