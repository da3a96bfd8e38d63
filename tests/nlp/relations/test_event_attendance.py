"""Who attends an event: invited and expected guests, delegations sent, speeches at its
opening, who opens or closes it, and seats won at an election (``verb_frames`` and
``contests`` / ``event_openers`` of relations.json, kg/nlp/relations/contests.py and
event_sites.py), one table per construction, each with negative cases.

The sentences are written for these tests; mentions are given by hand (surface -> entity).
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "Japon": ("JP", "Country", "name"),
    "Chili": ("CL", "Country", "name"),
    "Parti vert": ("org:parti-vert", "Organization", "name"),
    "sommet de Lima": ("event:sommet", "Event", "nominal"),
    "forum de Lima": ("event:forum", "Event", "nominal"),
    "élections législatives": ("event:legislatives", "Event", "nominal"),
    "enquête": ("event:enquete", "Event", "nominal"),
    "manifestation": ("event:manif", "Event", "nominal"),
    "Lima": ("place:lima", "Place", "name"),
    "concert": ("event:concert", "Event", "nominal"),
    "messe": ("event:messe", "Event", "nominal"),
    "guerre": ("event:guerre", "Event", "nominal"),
    "accord": ("agr:accord", "Agreement", "nominal"),
    "entretien": ("event:entretien", "Event", "nominal"),
}

PARTICIPATES = {"participatesIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: Guests: "X est invité / attendu au sommet", "le Chili a invité X au sommet" (the guest,
#: not the host); a delegation or envoy sent to an event stands for its sender.
GUESTS = [
    (
        "Paul Girard est attendu mardi au sommet de Lima.",
        {("person:girard", "participatesIn", "event:sommet")},
    ),
    (
        "Le Chili a invité Anna Kowalski au forum de Lima.",
        {("person:kowalski", "participatesIn", "event:forum")},
    ),
    (
        "Le Japon a dépêché une délégation au sommet de Lima.",
        {("JP", "participatesIn", "event:sommet")},
    ),
    ("Le Japon a envoyé une lettre au sommet de Lima.", set()),
    ("Paul Girard attend beaucoup du sommet de Lima.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GUESTS, ids=case_ids(GUESTS))
def test_guests(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: Openers and speakers: "X a ouvert le forum", "a prononcé un discours à l'ouverture du
#: sommet", "Lors de la clôture du sommet, X a …"; an investigation opened is no gathering,
#: and a phrase of the object is not what was opened.
OPENINGS = [
    (
        "Anna Kowalski a inauguré le forum de Lima.",
        {("person:kowalski", "participatesIn", "event:forum")},
    ),
    (
        "Paul Girard a prononcé un discours à l'ouverture du sommet de Lima.",
        {("person:girard", "participatesIn", "event:sommet")},
    ),
    (
        "Lors de la clôture du sommet de Lima, Anna Kowalski a remercié le Chili.",
        {("person:kowalski", "participatesIn", "event:sommet")},
    ),
    ("Le Japon a ouvert une enquête.", set()),
    ("Le Japon a ouvert une ambassade avant le forum de Lima.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OPENINGS, ids=case_ids(OPENINGS))
def test_openings(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: Seats won count like votes: the party took part in the election; seats elsewhere do not.
SEATS = [
    (
        "Le Parti vert a obtenu 40 sièges aux élections législatives.",
        {("org:parti-vert", "participatesIn", "event:legislatives")},
    ),
    ("Le Parti vert a obtenu un local pour la manifestation.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SEATS, ids=case_ids(SEATS))
def test_seats(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: Company and celebrants: "un concert avec X", "X a célébré la messe" (gathering classes
#: only: a war "avec" a country, an agreement "avec" a party are not attendance).
COMPANY = [
    (
        "Le concert avec Paul Girard et Anna Kowalski a été reporté.",
        {
            ("person:girard", "participatesIn", "event:concert"),
            ("person:kowalski", "participatesIn", "event:concert"),
        },
    ),
    (
        "Paul Girard a célébré la messe dimanche.",
        {("person:girard", "participatesIn", "event:messe")},
    ),
    ("La guerre avec le Chili a duré trois ans.", set()),
    # a statement's own setting is no gathering attended
    ("En entretien avec Paul Girard, le Japon a démenti.", set()),
    ("L'accord avec le Chili a été signé.", set()),
    ("Le Japon a célébré la victoire de son équipe.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COMPANY, ids=case_ids(COMPANY))
def test_company(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected
