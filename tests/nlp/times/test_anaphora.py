"""Days told relative to a day written before ("le lendemain", "ce soir-là"), not to the
document date.

Sentences written for kg; anchor 2024-02-15 (a Thursday). Each story opens on a day far from
the anchor, so a value counted from the document date is visibly wrong.
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"
OPENING = "Le 3 mars 2019, le cargo a accosté à Brest. "


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Le lendemain, l'équipage a débarqué.", "Le lendemain", "2019-03-04"),
        ("Dès le lendemain, les dockers ont déchargé.", "le lendemain", "2019-03-04"),
        ("Le surlendemain, le cargo est reparti.", "Le surlendemain", "2019-03-05"),
        ("La veille, il avait essuyé une tempête.", "La veille", "2019-03-02"),
        ("L'avant-veille, il avait quitté Lisbonne.", "L'avant-veille", "2019-03-01"),
        ("Le jour même, la cargaison a été saisie.", "Le jour même", "2019-03-03"),
        ("Le même jour, la cargaison a été saisie.", "Le même jour", "2019-03-03"),
        ("Ce jour-là, la cargaison a été saisie.", "Ce jour-là", "2019-03-03"),
        # a part of that day, or of the day before or after it
        ("Le soir même, le capitaine a été entendu.", "Le soir même", "2019-03-03TEV"),
        ("Le même soir, le capitaine a été entendu.", "Le même soir", "2019-03-03TEV"),
        ("Ce soir-là, le capitaine a été entendu.", "Ce soir-là", "2019-03-03TEV"),
        ("Cette nuit-là, le capitaine a été entendu.", "Cette nuit-là", "2019-03-03TNI"),
        ("Cet après-midi-là, le capitaine a été entendu.", "Cet après-midi-là", "2019-03-03TAF"),
        ("Le lendemain matin, le capitaine a été entendu.", "Le lendemain matin", "2019-03-04TMO"),
        ("La veille au soir, le capitaine avait bu.", "La veille au soir", "2019-03-02TEV"),
        ("Dans la nuit du lendemain, le cargo a brûlé.", "la nuit du lendemain", "2019-03-04TNI"),
        ("Le soir de la veille, le cargo avait fui.", "Le soir de la veille", "2019-03-02TEV"),
        ("La nuit suivante, le cargo a brûlé.", "La nuit suivante", "2019-03-04TNI"),
    ],
)
def test_a_day_told_from_the_day_before_it(
    times_nlp, run, sentence: str, span: str, value: str
) -> None:
    assert {t.text: t.value for t in run(times_nlp, OPENING + sentence, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # after two days or a range: the day after the last of them, the eve of the first
        (
            "Les pourparlers ont eu lieu les 16 et 17 juin 2019. Le lendemain, l'accord a paru.",
            "Le lendemain",
            "2019-06-18",
        ),
        (
            "La foire s'est tenue du 3 au 5 mai 2019. Le lendemain, les stands ont été démontés.",
            "Le lendemain",
            "2019-05-06",
        ),
        (
            "La foire s'est tenue du 3 au 5 mai 2019. La veille, les stands avaient été montés.",
            "La veille",
            "2019-05-02",
        ),
        # after a day counted from the document date
        (
            "Le ministre a démissionné hier. La veille, il avait consulté.",
            "La veille",
            "2024-02-13",
        ),
        (
            "L'usine a fermé samedi. Le lendemain, les salariés ont manifesté.",
            "Le lendemain",
            "2024-02-11",
        ),
        # in the same sentence, the day the phrase hangs on
        (
            "Le maire a été élu le 15 mars 2020 et a pris ses fonctions le lendemain.",
            "le lendemain",
            "2020-03-16",
        ),
        # negatives: no day before, the document date; "ce soir" is tonight, not that night
        ("Le lendemain, les marchés ont rebondi.", "Le lendemain", "2024-02-16"),
        ("Le 3 mars 2019, le cargo a accosté. Ce soir, il repart.", "Ce soir", "2024-02-15TEV"),
        # a clock time after a range takes no day from it (neither day is meant)
        (
            "La foire s'est tenue du 3 au 5 mai 2019. À 15 h, tout était rangé.",
            "15 h",
            "2024-02-15T15:00",
        ),
    ],
)
def test_which_day_it_counts_from(times_nlp, run, text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "après"/"avant" heading a noun phrase: counted from that event, a length of time
        ("Un an après l'attentat, la ville se souvient.", [("Un an", "P1Y")]),
        ("Deux ans après sa mort, son œuvre reste méconnue.", [("Deux ans", "P2Y")]),
        ("Six mois après le séisme, les sinistrés attendent.", [("Six mois", "P6M")]),
        ("Trois jours avant le scrutin, les candidats se taisent.", [("Trois jours", "P3D")]),
        # used alone, they count from the date written before
        (
            "Le 3 mars 2019, la terre a tremblé. Six mois après, les sinistrés attendaient.",
            [("Le 3 mars 2019", "2019-03-03"), ("Six mois après", "2019-09")],
        ),
        (
            "Le 3 mars 2019, la terre a tremblé. Deux jours avant, un puits s'était effondré.",
            [("Le 3 mars 2019", "2019-03-03"), ("Deux jours avant", "2019-03-01")],
        ),
    ],
)
def test_counted_from_an_event_or_from_the_date_before(
    text: str, expected: list[tuple[str, str]]
) -> None:
    from kg.nlp.times.component import extract_times

    assert [(t.text, t.value) for t in extract_times(text, ANCHOR)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a day written just before "le lendemain de"/"la veille de" a happening is that day
        (
            "Le 9 mai 2017, au lendemain de la finale, les joueurs ont défilé à Lens.",
            "lendemain",
            "2017-05-09",
        ),
        (
            "Le 9 mai 2017, la veille du vote, les élus ont débattu à Lens.",
            "la veille",
            "2017-05-09",
        ),
        # with no happening after it, it still counts from the day written before
        (
            "Le 9 mai 2017, la finale a eu lieu à Lens. Le lendemain, les joueurs ont défilé.",
            "Le lendemain",
            "2017-05-10",
        ),
        (
            "La finale a eu lieu le 9 mai 2017. Au lendemain de la finale, les joueurs ont défilé.",
            "lendemain",
            "2017-05-10",
        ),
    ],
)
def test_a_day_written_before_the_day_after_a_happening_is_that_day(
    times_nlp, run, text: str, span: str, value: str
) -> None:
    found = {t.text: t.value for t in run(times_nlp, text, ANCHOR)}
    assert found[span] == value
