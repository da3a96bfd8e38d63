"""A role that is a part in an event ("X, vainqueur du marathon", "l'invitée d'honneur du
salon, Y", "médaillé *aux* Jeux"): the bearer took part in it, read by the title machinery
(kg/nlp/relations/titles.py) from ``role_titles`` entries with an ``Event`` holder and the
predicate ``participatesIn``; and verbs of performing or starting in an event. Sentences
written for these tests, mentions given by hand; one table per construction, with negative
cases.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Lucie Marchand": ("person:marchand", "Person", "name"),
    "Tomas Lind": ("person:lind", "Person", "name"),
    "Radio Azur": ("org:radio", "Organization", "name"),
    "marathon de Porto": ("event:marathon", "Event", "nominal"),
    "salon du livre de Genève": ("event:salon", "Event", "nominal"),
    "forum de Tunis": ("event:forum", "Event", "nominal"),
    "élection municipale de Nantes": ("event:election", "Event", "nominal"),
    "festival de Lorient": ("event:festival", "Event", "nominal"),
    "Genève": ("place:geneve", "Place", "name"),
}

PARTICIPATES = {"participatesIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


EVENT_ROLES = [
    (
        "Tomas Lind, vainqueur du marathon de Porto, a mis fin à sa carrière.",
        {("person:lind", "participatesIn", "event:marathon")},
    ),
    (
        "Le gagnant du marathon de Porto, Tomas Lind, a dédié sa victoire à son père.",
        {("person:lind", "participatesIn", "event:marathon")},
    ),
    (
        "Lucie Marchand sera l'invitée d'honneur du salon du livre de Genève.",
        {("person:marchand", "participatesIn", "event:salon")},
    ),
    (
        "Lucie Marchand, oratrice au forum de Tunis, a défendu la liberté de la presse.",
        {("person:marchand", "participatesIn", "event:forum")},
    ),
    (
        "Lucie Marchand est la grande gagnante de l'élection municipale de Nantes.",
        {("person:marchand", "participatesIn", "event:election")},
    ),
    (
        "Tomas Lind, membre du jury du festival de Lorient, a salué les musiciens.",
        {("person:lind", "participatesIn", "event:festival")},
    ),
    # the role's complement is a body, not an event: no participation
    ("Tomas Lind, invité de Radio Azur, a critiqué la réforme.", set()),
    # a place is not an event
    ("Lucie Marchand, la lauréate de Genève, a remercié le public.", set()),
    # no role noun: the event is only mentioned
    ("Tomas Lind a critiqué le coût du marathon de Porto.", set()),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_ROLES, ids=case_ids(EVENT_ROLES))
def test_event_role_bearer_takes_part(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: Verbs of performing, competing or starting in an event ("se produire au festival",
#: "représenter son pays aux Jeux", "prendre le départ du marathon"): relations.json
#: verb_frames, participatesIn.
PERFORMERS = [
    (
        "Lucie Marchand se produira au festival de Lorient samedi.",
        {("person:marchand", "participatesIn", "event:festival")},
    ),
    (
        "Tomas Lind a pris le départ du marathon de Porto sous la pluie.",
        {("person:lind", "participatesIn", "event:marathon")},
    ),
    (
        "Tomas Lind défilera lors du festival de Lorient.",
        {("person:lind", "participatesIn", "event:festival")},
    ),
    # the same verbs with no event: a sport, a town
    ("Tomas Lind joue au tennis depuis l'enfance.", set()),
    ("Lucie Marchand a pris le départ de Genève à l'aube.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PERFORMERS, ids=case_ids(PERFORMERS))
def test_performer_takes_part(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected
