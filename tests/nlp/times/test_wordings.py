"""Shapes of French time expressions beyond the plain date: ranges, parts of the year,
counted durations, a part of an anaphoric day.

Sentences written for kg; anchor 2024-02-15. These values do not depend on the tense, so most
texts are read without a parse (ranges need the tagger to tell years from quantities).
"""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both ends of a range of days or years
        (
            "L'audience aura lieu entre le 12 et le 14 mars 2025.",
            [("le 12", "DATE", "2025-03-12"), ("le 14 mars 2025", "DATE", "2025-03-14")],
        ),
        (
            "Les ateliers ouvriront les 6 et 7 juin 2025.",
            [("les 6", "DATE", "2025-06-06"), ("7 juin 2025", "DATE", "2025-06-07")],
        ),
        (
            "De 1998 à 2004, elle a présidé la chambre.",
            [("1998", "DATE", "1998"), ("2004", "DATE", "2004")],
        ),
        (
            "Entre 2010 et 2012, les loyers ont doublé.",
            [("2010", "DATE", "2010"), ("2012", "DATE", "2012")],
        ),
        # negatives: quantities are no years
        ("Le tirage est passé de 1500 à 2000 exemplaires.", []),
        ("Il faudra de 40 à 60 jours.", [("60 jours", "DURATION", "P60D")]),
    ],
)
def test_ranges(times_nlp, run, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in run(times_nlp, text, ANCHOR)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les ventes du premier semestre 2023 ont reculé.", ("premier semestre 2023", "2023-H1")),
        ("Au second semestre, l'usine tournera.", ("second semestre", "2024-H2")),
        ("Le dernier semestre de 2022 a été bon.", ("Le dernier semestre de 2022", "2022-H2")),
        ("Le dernier trimestre 2021 a déçu.", ("Le dernier trimestre 2021", "2021-Q4")),
        ("Au troisième trimestre 2021, la dette a crû.", ("troisième trimestre 2021", "2021-Q3")),
        ("Le 4e trimestre sera décisif.", ("Le 4e trimestre", "2024-Q4")),
    ],
)
def test_quarters_and_halves(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in extract_times(text, ANCHOR)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le troisième semestre n'existe pas dans ce calendrier.",  # a year has two halves
        "Un semestre de cours suffit.",  # a length, not a half of a year
    ],
)
def test_not_a_part_of_the_year(text: str) -> None:
    assert all(t.type != "DATE" for t in extract_times(text, ANCHOR))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sur les dix dernières années, le trafic a doublé.", ("dix dernières années", "P10Y")),
        ("Ces deux derniers mois, les prix ont stagné.", ("deux derniers mois", "P2M")),
        ("Les trois prochaines semaines seront tendues.", ("trois prochaines semaines", "P3W")),
        ("Le quartier a changé en une quinzaine d'années.", ("une quinzaine d'années", "P15Y")),
        ("La rénovation a pris une centaine de jours.", ("une centaine de jours", "P100D")),
        ("Le litige traîne depuis des dizaines d'années.", ("des dizaines d'années", "PXY")),
        ("Au cours des prochains mois, la gare sera rénovée.", ("des prochains mois", "PXM")),
        ("En l'espace de trois ans, le bourg a doublé.", ("trois ans", "P3Y")),
        ("D'ici deux ans, la gare sera rénovée.", ("D'ici deux ans", "2026")),
        # negative: an age after "de" stays out
        ("Une fillette de six ans a été retrouvée.", None),
        # the fixed period keeps its value
        ("Il reviendra dans une quinzaine de jours.", ("une quinzaine de jours", "P2W")),
    ],
)
def test_counted_durations(text: str, expected: tuple[str, str] | None) -> None:
    found = [(t.text, t.value) for t in extract_times(text, ANCHOR)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Le 5 janvier 2023, le préfet a signé l'arrêté. Le lendemain matin, la route a fermé.",
            "Le lendemain matin",
            "2023-01-06TMO",
        ),
        (
            "Le 8 mai 2015, le maire a démissionné. La veille au soir, il avait réuni son équipe.",
            "La veille au soir",
            "2015-05-07TEV",
        ),
        ("La mine a fermé en 2009, l'année même de la crise.", "l'année même", "2009"),
        # negative: the bare noun stays a day
        (
            "Le 5 janvier 2023, le préfet a signé l'arrêté. Le lendemain, la route a fermé.",
            "Le lendemain",
            "2023-01-06",
        ),
    ],
)
def test_a_part_of_the_day_referred_to(text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in extract_times(text, ANCHOR)}[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a pair of days in an earlier sentence says no single day: the document date
        (
            "Le salon s'est tenu les 9 et 10 juin 2023. À 20 h, le jury a rendu son choix.",
            "20 h",
            "2024-02-15T20:00",
        ),
        (
            "Le vote a eu lieu du 3 au 5 mai 2023. Vers 18 h, la salle était vide.",
            "18 h",
            "2024-02-15T18:00",
        ),
        # in its own sentence the first of the pair is meant
        ("Dans la nuit du 3 au 4 mars 2023, la digue a cédé.", "la nuit", "2023-03-03TNI"),
        # negative: a single day carries over
        (
            "Le salon a ouvert le 9 juin 2023. À 20 h, le jury a rendu son choix.",
            "20 h",
            "2023-06-09T20:00",
        ),
    ],
)
def test_the_day_of_a_clock_time(text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in extract_times(text, ANCHOR)}[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Dans l'après-midi, la préfète a reçu les élus.", "l'après-midi", "2024-02-15TAF"),
        ("Cet après-midi, les sénateurs voteront.", "Cet après-midi", "2024-02-15TAF"),
        ("En début de soirée, les pompiers sont arrivés.", "début de soirée", "2024-02-15TEV"),
        ("En fin de matinée, la foule s'est dispersée.", "fin de matinée", "2024-02-15TMO"),
        ("La nuit dernière, deux granges ont brûlé.", "La nuit dernière", "2024-02-14TNI"),
        # a weekday written with the date settles the year: 3 March is a Monday in 2025
        ("Le lundi 3 mars, la séance reprendra.", "Le lundi 3 mars", "2025-03-03"),
        ("Le vendredi 3 mars, la séance a repris.", "Le vendredi 3 mars", "2023-03-03"),
        ("Jeudi 15 février, la neige est tombée.", "Jeudi 15 février", "2024-02-15"),
        # half units
        ("Elle a vécu à Porto pendant deux ans et demi.", "deux ans et demi", "P2.5Y"),
        ("La grève dure depuis un mois et demi.", "un mois et demi", "P1.5M"),
        # negative: a part of the day needs a determiner or a cue, not "la soirée" as a noun
        ("La soirée a réuni trois cents invités.", None, None),
    ],
)
def test_parts_of_days_weekdays_and_halves(text: str, span: str | None, value: str | None):
    found = {t.text: t.value for t in extract_times(text, ANCHOR)}
    assert found.get(span) == value if span else not found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both decades or centuries of a pair, in TIMEX3 form
        (
            "Les XVIe et XVIIe siècles ont enrichi la cité.",
            [("XVIe", "15"), ("XVIIe siècles", "16")],
        ),
        ("Du XVe au XVIIIe siècle, le port a prospéré.", [("XVe", "14"), ("XVIIIe siècle", "17")]),
        ("Les années 1960-1970 ont vu le boom.", [("Les années 1960", "196"), ("1970", "197")]),
        ("Les années 60 et 70 ont vu le boom.", [("Les années 60", "196"), ("70", "197")]),
        ("La décennie 1990 a été rude.", [("La décennie 1990", "199")]),
        ("Entre 2010-2012, les loyers ont doublé.", [("2010", "2010"), ("2012", "2012")]),
        # negatives: a hyphen before a word still joins it; a number is not a decade
        ("La mi-mars est pluvieuse.", [("La mi-mars", "2003-03")]),
        ("Il compte 60 et 70 adhérents.", []),
        ("Le centre aéré accueille les 6-12 ans.", []),
    ],
)
def test_pairs_of_decades_and_centuries(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in extract_times(text, "2003-05-15")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("À l'époque, le bourg comptait trois moulins.", [("À l'époque", "PAST_REF")]),
        ("Par le passé, le club a connu la première division.", [("Par le passé", "PAST_REF")]),
        ("À l'avenir, les navettes seront électriques.", [("À l'avenir", "FUTURE_REF")]),
        ("Pour l'instant, rien n'est tranché.", [("Pour l'instant", "PRESENT_REF")]),
        # negatives: the nouns themselves are no times
        ("Le passé du club pèse lourd.", []),
        ("L'avenir de l'usine reste incertain.", []),
    ],
)
def test_references_to_past_present_and_future(text: str, expected: list[tuple[str, str]]):
    assert [(t.text, t.value) for t in extract_times(text, ANCHOR)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday and a day of the month: the month near the document date where they agree
        ("Le conseil se réunira jeudi 22 pour trancher.", [("jeudi 22", "2024-02-22")]),
        ("Le conseil s'est réuni mardi 6 pour trancher.", [("mardi 6", "2024-02-06")]),
        ("Le scrutin aura lieu dimanche 3.", [("dimanche 3", "2024-03-03")]),
        ("Vendredi 1er, la grève a commencé.", [("Vendredi 1er", "2023-12-01")]),
        (
            "Le marché ouvre le samedi 2 et le dimanche 3.",
            [("le samedi 2", "2024-03-02"), ("le dimanche 3", "2024-03-03")],
        ),
        # negatives: a count after a weekday, a weekday and a day that never agree nearby
        ("Lundi 5 personnes ont été arrêtées.", []),
        ("Le vote aura lieu lundi 31.", []),
    ],
)
def test_a_weekday_and_a_day(times_nlp, run, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in run(times_nlp, text, "2024-02-15")] == expected
