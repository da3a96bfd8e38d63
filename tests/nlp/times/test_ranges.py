"""The first end of a range takes the year written on its second ("entre janvier et
juillet 2012"); and a capitalised season before a capitalised word is a given name
("Automne Duval"), not a season.

Sentences written for kg; anchor 2024-02-15.
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Les ventes ont reculé entre mars et août 2019.", "mars", "2019-03"),
        ("Les ventes ont reculé de mars à août 2019.", "mars", "2019-03"),
        ("Le salon s'est tenu du 30 avril au 3 mai 2019.", "30 avril", "2019-04-30"),
        # a range over the new year: the first end in the year before
        ("Le chantier a duré de novembre à février 2019.", "novembre", "2018-11"),
        ("La trêve a tenu du 24 décembre au 2 janvier 2019.", "24 décembre", "2018-12-24"),
        # not a range: each keeps its own reading
        ("Les ventes ont reculé en mars, et août 2019 a été pire.", "mars", "2023-03"),
        ("Le chantier a duré de novembre 2018 à février.", "février", "2019-02"),
    ],
)
def test_a_range_shares_its_year(times_nlp, run, text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "seasons"),
    [
        ("La nageuse Automne Duval a gagné la finale.", []),
        ("Le festival revient en Automne.", ["Automne"]),
        ("Le festival revient à l'automne.", ["l'automne"]),
    ],
)
def test_a_season_or_a_given_name(times_nlp, run, text: str, seasons: list[str]) -> None:
    assert [t.text for t in run(times_nlp, text, ANCHOR) if "A" in t.value] == seasons
