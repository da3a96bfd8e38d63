"""Which date an expression counts from: the clause's direction, or the date written before.

Sentences written for kg; anchor 2024-02-15 is a Thursday.
"""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times

ANCHOR = "2024-02-15"


# --- anaphoric dates count from the last date written before them -------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Le maire a été élu le 4 juin 2020. Le même jour, son rival a abandonné.",
            "Le même jour",
            "2020-06-04",
        ),
        (
            "Le traité a été signé le 8 avril 2010. Deux jours plus tard, il était ratifié.",
            "Deux jours plus tard",
            "2010-04-10",
        ),
        (
            "La crue a commencé le 3 mai 2012. Trois jours auparavant, il avait plu.",
            "Trois jours auparavant",
            "2012-04-30",
        ),
        (
            "La coopérative a été fondée en 1995. L'année suivante, elle ouvrait un magasin.",
            "L'année suivante",
            "1996",
        ),
        (
            "Le club est né en mars 2001. Le mois suivant, il comptait cent membres.",
            "Le mois suivant",
            "2001-04",
        ),
        (
            "Elle s'est installée à Metz en 2005. Trois ans plus tard, elle ouvrait sa librairie.",
            "Trois ans plus tard",
            "2008",
        ),
        (
            "Les musiciens ont joué le 6 juillet 2015 ; ce jour-là, il pleuvait.",
            "ce jour-là",
            "2015-07-06",
        ),
        (
            "La digue a cédé en 1953. Cette année-là, la mer a tout emporté.",
            "Cette année-là",
            "1953",
        ),
        (
            "Le pont a été inauguré en 1998. La même année, la gare a fermé.",
            "La même année",
            "1998",
        ),
    ],
)
def test_anaphoric_dates_count_from_the_date_before(text: str, span: str, value: str) -> None:
    times = {t.text: t.value for t in extract_times(text, ANCHOR)}
    assert times[span] == value


def test_an_anaphoric_date_chains_on_the_previous_one() -> None:
    text = (
        "Le chantier a débuté en 2001. L'année suivante, il a été suspendu. "
        "Deux ans plus tard, il a repris."
    )
    assert [t.value for t in extract_times(text, ANCHOR)] == ["2001", "2002", "2004"]


def test_without_a_date_before_the_document_date_is_the_reference() -> None:
    times = extract_times("Deux jours plus tard, le calme était revenu.", ANCHOR)
    assert [(t.text, t.value, t.anchored) for t in times] == [
        ("Deux jours plus tard", "2024-02-17", True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison, not a date: "plus tard que prévu"
        ("Le train est arrivé deux heures plus tard que prévu.", [("deux heures", "PT2H")]),
        # counted from the document date, not from an earlier date
        (
            "La ville a été fondée en 1850. La réunion a lieu dans trois jours.",
            [("1850", "1850"), ("dans trois jours", "2024-02-18")],
        ),
    ],
)
def test_not_anaphoric(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in extract_times(text, ANCHOR)] == expected


# --- a date without a year follows the clause's direction ---------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Le procès doit s'ouvrir le 3 janvier devant les assises.", "le 3 janvier", "2025-01-03"),
        ("Le récital est prévu le 12 janvier au théâtre.", "le 12 janvier", "2025-01-12"),
        ("Le scrutin est programmé pour le 20 janvier.", "le 20 janvier", "2025-01-20"),
        ("Le juge a renvoyé l'affaire et fixé l'audience au 8 janvier.", "8 janvier", "2025-01-08"),
        # future tense beats the "within a week" rule
        ("La ministre se rendra à Lyon le 10 février.", "le 10 février", "2025-02-10"),
        # negatives: past clauses stay in the past
        ("Le musée a rouvert le 3 janvier.", "le 3 janvier", "2024-01-03"),
        ("Le procès devait s'ouvrir le 3 janvier.", "le 3 janvier", "2024-01-03"),
        ("Le gala était prévu le 3 janvier.", "le 3 janvier", "2024-01-03"),
        ("Il a dû partir le 3 janvier.", "le 3 janvier", "2024-01-03"),
        ("La ministre s'est rendue à Lyon le 10 février.", "le 10 février", "2024-02-10"),
    ],
)
def test_dates_without_a_year_follow_the_clause(times_nlp, run, text: str, span: str, value: str):
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le conseil se réunira mardi.", "2024-02-20"),
        ("Le conseil s'est réuni mardi.", "2024-02-13"),
        ("Le conseil doit se réunir mardi.", "2024-02-20"),
    ],
)
def test_weekdays_follow_the_clause(times_nlp, run, text: str, value: str) -> None:
    assert [t.value for t in run(times_nlp, text, ANCHOR)] == [value]
