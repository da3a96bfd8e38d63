"""A clause's subject named before an apposed role ("X, tenant du titre, a battu Y"), where
the parser takes the role noun for the subject or hangs the name elsewhere
(kg/nlp/appositions.py, read by :meth:`kg.nlp.syntax.Syntax.subjects`), and an unnamed
contestant as a side of a defeat (kg/nlp/relations/contests.py ``competitor_nouns``).
One table per construction, each with negative cases; sentences written for these tests,
mentions given by hand.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Lucie Marchand": ("person:marchand", "Person", "name"),
    "Irina Volkova": ("person:volkova", "Person", "name"),
    "Tomas Lind": ("person:lind", "Person", "name"),
    "Croatie": ("HR", "Country", "name"),
    "Banque mondiale": ("org:bm", "Organization", "name"),
    "Paris": ("place:paris", "Place", "name"),
    "tournoi de Vienne": ("event:tournoi", "Event", "nominal"),
    "Grand Prix de Monaco": ("event:gp", "Event", "name"),
    "sommet de Dakar": ("event:sommet", "Event", "nominal"),
    "conférence de Lima": ("event:lima", "Event", "nominal"),
    "russe": ("RU", "Country", "demonym"),
}

PARTICIPATES = {"participatesIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: "NAME, <role phrase>, VERB": the name is the subject, not the role noun.
APPOSED = [
    (
        "Tomas Lind, triple vainqueur de la course, s'est imposé au Grand Prix de Monaco.",
        {("person:lind", "participatesIn", "event:gp")},
    ),
    (
        "Lors de la finale du tournoi de Vienne, Lucie Marchand, tête de série numéro deux, "
        "a battu Irina Volkova.",
        {
            ("person:marchand", "participatesIn", "event:tournoi"),
            ("person:volkova", "participatesIn", "event:tournoi"),
        },
    ),
    (
        "La Banque mondiale, premier créancier du pays, a participé au sommet de Dakar.",
        {("org:bm", "participatesIn", "event:sommet")},
    ),
    (
        "La Croatie, hôte de l'an dernier, a pris part à la conférence de Lima.",
        {("HR", "participatesIn", "event:lima")},
    ),
    # the name is in a fronted phrase, not in apposition: no subject named
    ("Selon Lucie Marchand, la favorite a participé au sommet de Dakar.", set()),
    ("Face à Irina Volkova, la favorite s'est imposée au tournoi de Vienne.", set()),
    # a place is no participant
    ("À Paris, la délégation, très attendue, a participé au sommet de Dakar.", set()),
    # a relative clause between the commas is a clause of its own: the parse stands
    (
        "Lucie Marchand, qui a soutenu la candidate, a participé au sommet de Dakar.",
        {("person:marchand", "participatesIn", "event:sommet")},
    ),
    (
        "Lucie Marchand, que la favorite a battue, a participé au sommet de Dakar.",
        {("person:marchand", "participatesIn", "event:sommet")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), APPOSED, ids=case_ids(APPOSED))
def test_name_before_apposed_role_is_the_subject(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "La tenante du titre a battu Y": an unnamed contestant is a side, so the named loser
#: took part in the contest of the paragraph; the contestant noun itself gives no fact.
UNNAMED_SIDE = [
    (
        "Le tournoi de Vienne s'est achevé samedi. La tenante du titre a battu Irina Volkova.",
        {("person:volkova", "participatesIn", "event:tournoi")},
    ),
    (
        "Le tournoi de Vienne s'est achevé samedi. La joueuse russe a battu Lucie Marchand.",
        {("person:marchand", "participatesIn", "event:tournoi")},
    ),
    # not a contestant noun: a record or a crowd is no side
    ("Le tournoi de Vienne s'est achevé samedi. La foule a battu Lucie Marchand.", set()),
    # an indefinite contestant is not the one the paragraph is about
    ("Le tournoi de Vienne s'est achevé samedi. Une joueuse a battu Irina Volkova.", set()),
    # no named side at all
    ("Le tournoi de Vienne s'est achevé samedi. La favorite a battu la tenante du titre.", set()),
]


@pytest.mark.parametrize(("text", "expected"), UNNAMED_SIDE, ids=case_ids(UNNAMED_SIDE))
def test_unnamed_contestant_is_a_side(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "Présent au sommet, X a …": a fronted verbless or participial phrase with no subject of
#: its own is about the main clause's subject (kg/nlp/syntax.py ``subjects``).
FRONTED = [
    (
        "Présente au sommet de Dakar, Lucie Marchand a plaidé pour un cessez-le-feu.",
        {("person:marchand", "participatesIn", "event:sommet")},
    ),
    (
        "Arrivé tard à la conférence de Lima, Tomas Lind a quitté la salle avant la fin.",
        {("person:lind", "participatesIn", "event:lima")},
    ),
    # a clause with its own subject is about that subject, not the main one
    (
        "Quand la Croatie est arrivée au sommet de Dakar, Lucie Marchand est partie.",
        {("HR", "participatesIn", "event:sommet")},
    ),
    ("Le sommet de Dakar terminé, Lucie Marchand est rentrée à Paris.", set()),
]


@pytest.mark.parametrize(("text", "expected"), FRONTED, ids=case_ids(FRONTED))
def test_fronted_phrase_takes_main_subject(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected
