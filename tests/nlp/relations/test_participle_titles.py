"""A title in "-ant" the parser reads as a present participle ("X, représentante de
l'Unicef, …"): still a title when it opens an apposition and is followed by "de"
(kg/nlp/relations/titles.py ``_apposed_participle``). Sentences written for these tests,
mentions given by hand; one table with negative cases.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Lucie Marchand": ("person:marchand", "Person", "name"),
    "Tomas Lind": ("person:lind", "Person", "name"),
    "Unicef": ("org:unicef", "Organization", "name"),
    "Croix-Rouge": ("org:cr", "Organization", "name"),
    "Tchad": ("TD", "Country", "name"),
}

AFFILIATION = {"worksFor", "headOf", "memberOf"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


PARTICIPLE_TITLES = [
    (
        "Lucie Marchand, représentante de l'Unicef au Tchad, a lancé un appel aux dons.",
        {("person:marchand", "worksFor", "org:unicef")},
    ),
    (
        "Tomas Lind, représentant de la Croix-Rouge, a visité le camp.",
        {("person:lind", "worksFor", "org:cr")},
    ),
    # no title word at all
    ("Lucie Marchand a longtemps fréquenté la Croix-Rouge.", set()),
    # a participle that is no title word: speaking before a body is not working for it
    ("Lucie Marchand, prenant la parole devant l'Unicef, a lancé un appel.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLE_TITLES, ids=case_ids(PARTICIPLE_TITLES))
def test_participle_read_as_title(extract, text, expected):
    assert facts(extract(text), AFFILIATION) == expected
