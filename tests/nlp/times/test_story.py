"""A day or month without a year in a narrative of another time takes the story's year.

Sentences written for kg; anchor 2024-02-15. "Le 12 octobre 2019, … Le 20 octobre, …": the
second date continues the story the first one opened, not the document's year.
"""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Le 12 octobre 2019, les dockers ont cessé le travail. Le 20 octobre, l'État a cédé.",
            "Le 20 octobre",
            "2019-10-20",
        ),
        (
            "Le 28 décembre 2016, la digue a rompu. Le 3 janvier, les eaux ont reflué.",
            "Le 3 janvier",
            "2017-01-03",
        ),
        (
            "En mai 2008, l'usine a fermé ; en juillet, ses machines ont été vendues.",
            "juillet",
            "2008-07",
        ),
        # a story runs forward when the next such month is within half a year
        (
            "Elle a épousé le peintre en juillet 2015, et ils se sont séparés en janvier.",
            "janvier",
            "2016-01",
        ),
        # negatives: the story ends with a date counted from the document date, a future
        # clause looks from the document date, a weekday is the document's week, and a
        # bare year is background
        (
            "Le 12 octobre 2019, les dockers ont cessé le travail. Hier, ils ont voté. "
            "Le 20 octobre, ils avaient repris.",
            "Le 20 octobre",
            "2023-10-20",
        ),
        (
            "Le 12 octobre 2019, les dockers ont cessé le travail. Le 20 mars, ils voteront.",
            "Le 20 mars",
            "2024-03-20",
        ),
        (
            "Le 5 juillet 2019, le port a fermé. Le lundi 4 mars, il rouvrira.",
            "Le lundi 4 mars",
            "2024-03-04",
        ),
        (
            "Le club est né en 1998. Le 3 mars, il a joué son premier match de la saison.",
            "Le 3 mars",
            "2023-03-03",
        ),
        # a day within a week of the document date speaks of now
        (
            "Le 5 juillet 2019, le port a fermé. Le 12 février, le maire a visité le quai.",
            "Le 12 février",
            "2024-02-12",
        ),
        # a story stays within its paragraph
        (
            "Le 5 juillet 2019, le port a fermé.\nLe 20 octobre, le quai a été repeint.",
            "Le 20 octobre",
            "2023-10-20",
        ),
        # a written date near the document date is no other time
        (
            "Le 10 février 2024, le maire a parlé. Le 20 mars, le conseil votera.",
            "Le 20 mars",
            "2024-03-20",
        ),
    ],
)
def test_an_undated_day_continues_the_story(times_nlp, run, text: str, span: str, value: str):
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a weekday, a part of the day or a season counted from the date written before
        (
            "Le 12 octobre 2019, les dockers ont cessé le travail. Le jeudi suivant, ils ont voté.",
            "Le jeudi suivant",
            "2019-10-17",
        ),
        (
            "Le 12 octobre 2019, les dockers ont cessé le travail. Le lundi précédent, ils "
            "avaient prévenu.",
            "Le lundi précédent",
            "2019-10-07",
        ),
        (
            "Le 12 octobre 2019, les dockers ont cessé le travail. La nuit suivante, ils ont "
            "occupé le quai.",
            "La nuit suivante",
            "2019-10-13TNI",
        ),
        ("Le port a fermé en 2019. L'été suivant, il a rouvert.", "L'été suivant", "2020-SU"),
        # after a month or a day: the next such season, which may be the same year's
        (
            "La mine a fermé en mars 2019. L'hiver suivant, on a froid.",
            "L'hiver suivant",
            "2019-WI",
        ),
        (
            "Le four a cédé le 4 janvier 2019. L'hiver suivant, il a tenu.",
            "L'hiver suivant",
            "2019-WI",
        ),
        (
            "Le four a cédé en décembre 2019. L'hiver suivant, il a tenu.",
            "L'hiver suivant",
            "2020-WI",
        ),
        (
            "Le four a cédé en mai 2019. L'été suivant, il a été remplacé.",
            "L'été suivant",
            "2019-SU",
        ),
        (
            "Le four a cédé en mars 2019. Le printemps suivant, il a tenu.",
            "Le printemps suivant",
            "2020-SP",
        ),
        (
            "Le silo a brûlé en octobre 2019. L'été précédent, il avait fui.",
            "L'été précédent",
            "2019-SU",
        ),
        (
            "Le silo a brûlé en juillet 2019. L'été précédent, il avait fui.",
            "L'été précédent",
            "2018-SU",
        ),
        (
            "Le silo a brûlé en mai 2019. L'automne précédent, il avait fui.",
            "L'automne précédent",
            "2018-FA",
        ),
        # negatives: without "suivant" a weekday after "le" recurs, a season is this year's
        ("Le marché se tient le jeudi.", "le jeudi", "XXXX-WXX-4"),
        ("Le port a fermé en 2019. L'été, il accueille des voiliers.", "L'été", "XXXX-SU"),
    ],
)
def test_counted_from_the_date_before(text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in extract_times(text, ANCHOR)}[span] == value
