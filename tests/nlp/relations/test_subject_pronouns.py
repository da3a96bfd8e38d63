"""Subject pronouns read as the person just told of (kg/nlp/relations/pronouns.py), over
hand-given mentions: "X a été élu en 2008. Il a rejoint le parti" -> X joins the party.

One table with positive and negative rows: the pronoun must be a clause subject, its
sentence must name no person before it, and the nearest sentence naming people must name
exactly one, as a verb's subject; only affiliation and stance facts are kept. The sentences
are written for these tests.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, facts_of, sentence_extractor

pytestmark = pytest.mark.slow

GIRARD, KOWALSKI = "person:girard", "person:kowalski"
ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": (GIRARD, "Person", "name"),
    "Anna Kowalski": (KOWALSKI, "Person", "name"),
    "Parti radical": ("org:radical", "Organization", "name"),
    "Croix-Rouge": ("org:cr", "Organization", "name"),
    "Tchad": ("Q657", "Country", "name"),
    "Nantes": ("place:nantes", "Place", "name"),
}
AFFILIATIONS = {"joins", "headOf", "memberOf", "opposes", "supports", "meetsWith"}


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


ROWS = [
    (
        "Paul Girard a été élu maire de Nantes en 2008. Il a rejoint le Parti radical en 1990.",
        {(GIRARD, "joins", "org:radical"), (GIRARD, "headOf", "place:nantes")},
    ),
    (
        "Anna Kowalski est née en 1960. Elle a dirigé la Croix-Rouge de 2005 à 2010.",
        {(KOWALSKI, "headOf", "org:cr")},
    ),
    # the subject of the sentence before, not its object
    (
        "Paul Girard a rencontré Anna Kowalski. Il a rejoint le Parti radical.",
        {(GIRARD, "meetsWith", KOWALSKI), (GIRARD, "joins", "org:radical")},
    ),
    # a chain of pronouns, a person two sentences back past a sentence with no subject
    (
        "Paul Girard a gagné. Il a remercié ses électeurs. Il a rejoint le Parti radical.",
        {(GIRARD, "joins", "org:radical")},
    ),
    (
        "Paul Girard a gagné. Quelle soirée ! Il a rejoint le Parti radical.",
        {(GIRARD, "joins", "org:radical")},
    ),
    # "il" before a predicative noun, which the parser labels an expletive
    (
        "Paul Girard a gagné hier. Il est membre du Parti radical depuis 2002.",
        {(GIRARD, "memberOf", "org:radical")},
    ),
    (
        "Anna Kowalski a gagné hier. Elle fut présidente de la Croix-Rouge.",
        {(KOWALSKI, "headOf", "org:cr")},
    ),
    ("Paul Girard a gagné hier. Il est temps de soutenir la Croix-Rouge.", set()),
    # two subjects before, or another subject between: whose is the pronoun?
    ("Paul Girard et Anna Kowalski ont gagné. Il a rejoint le Parti radical.", set()),
    ("Paul Girard a gagné. Le vote fut serré. Il a rejoint le Parti radical.", set()),
    # a body or a country as the subject before: no person
    ("Le Parti radical a voté contre. Il a critiqué la Croix-Rouge.", set()),
    ("Le Tchad a signé. Il a rejoint la Croix-Rouge.", set()),
    # the person is no subject before
    ("Le juge a condamné Paul Girard. Il a rejoint le Parti radical.", set()),
    # a person named in the pronoun's own sentence before it
    ("Paul Girard a gagné. Selon Anna Kowalski, il a rejoint le Parti radical.", set()),
    # an impersonal "il"
    ("Paul Girard a gagné. Il faut soutenir la Croix-Rouge.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=case_ids(ROWS))
def test_subject_pronoun_is_the_person_told_of(extract, text, expected):
    assert facts_of(extract(text), AFFILIATIONS) == expected
