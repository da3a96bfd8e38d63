"""``event locatedIn place`` facts: the places the grammar gives an event's own words.

Sentences written for these tests. A place is a fact when its phrase hangs on a trigger or
on the verb a trigger noun is the subject or object of (through the places, place nouns and
dates that hold it); the scene of another sentence, the country found in the gazetteer, a
demonym, the place of another clause and the place of a statement stay the event's role.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract
from kg.model import Extraction

DATE = dt.date(2023, 5, 1)


def _one(text: str) -> Extraction:
    (x,) = extract([text], date=DATE, lang="fr", progress=False)
    return x


def _facts(text: str) -> dict[str, set[str]]:
    """Event class -> names of the places its ``locatedIn`` facts give."""
    x = _one(text)
    names = {e.id: e.name for e in x.entities}
    classes = {e.id: e.cls for e in x.events}
    out: dict[str, set[str]] = {}
    for r in x.relations:
        if r.predicate == "locatedIn" and r.subject in classes:
            out.setdefault(classes[r.subject], set()).add(names[r.object])
    return out


STATED = [
    # a locative on the verb that is the trigger
    (
        "Des milliers de retraités ont manifesté mardi à Toulouse contre la réforme.",
        "PROTEST",
        {"Toulouse"},
    ),
    # on the verb a trigger noun is the subject of
    ("Une fusillade a éclaté samedi soir à Marseille.", "ASSAULT", {"Marseille"}),
    # the place its verb acts on, through the place noun that holds the name
    ("Un incendie a ravagé un entrepôt de Nantes.", "DISASTER", {"Nantes"}),
    # a date and a place as one circumstance
    ("Un camion a percuté un autocar le 3 mars 2022 à Dijon.", "ACCIDENT", {"Dijon"}),
    # a place on a noun trigger
    ("Le président a tenu une conférence hier matin à Lausanne.", "GATHERING", {"Lausanne"}),
]


@pytest.mark.parametrize(("text", "cls", "places"), STATED)
def test_the_place_the_grammar_gives_the_event_is_a_fact(
    text: str, cls: str, places: set[str]
) -> None:
    assert places <= _facts(text).get(cls, set()), _facts(text)


NOT_STATED = [
    # the scene set by an earlier sentence: a role, not a fact
    (
        "Les pompiers sont intervenus samedi à Besançon. "
        "Une fuite de gaz avait provoqué une explosion dans un immeuble.",
        "Besançon",
    ),
    # the country the gazetteer gives a city: a role
    ("Le Chili a été endeuillé. Un autocar a percuté un camion près de Valparaíso.", "Chili"),
    # a demonym qualifies a thing, it states no place
    ("Des détenus ont été torturés dans les prisons syriennes.", "Syrie"),
    # the place of another clause (the event is read: an arrest with no place)
    ("Le maire, qui avait grandi à Dijon, a été interpellé hier par la police.", "Dijon"),
    # where a statement was made is no happening's place
    ("Le ministre Bruno Le Maire a annoncé jeudi à Paris la fermeture de la mine.", "Paris"),
]


@pytest.mark.parametrize(("text", "place"), NOT_STATED)
def test_a_place_the_grammar_does_not_give_the_event_stays_a_role(text: str, place: str) -> None:
    located = {p for places in _facts(text).values() for p in places}
    assert place not in located


def test_the_fact_has_the_events_modality_and_sentence() -> None:
    text = "Le conflit dure. Une manifestation devrait avoir lieu samedi à Rennes."
    x = _one(text)
    names = {e.id: e.name for e in x.entities}
    (event,) = [e for e in x.events if e.cls == "PROTEST"]
    (fact,) = [r for r in x.relations if r.subject == event.id and r.predicate == "locatedIn"]
    assert names[fact.object] == "Rennes"
    assert fact.modality == event.modality == "expected"
    assert fact.evidence.text.startswith("Une manifestation")
