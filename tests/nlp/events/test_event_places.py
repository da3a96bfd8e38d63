"""Where a happening took place, as ``locatedIn`` facts, on sentences written for these
tests: the places of its own sentence and the scene its paragraph set are facts; a
person's home, birthplace or the hospital they were taken to is not the event's place, and
a statement's place stays a role.
"""

from __future__ import annotations

import pytest

from kg.model import Extraction

from ._extract import one


def _located(x: Extraction) -> set[tuple[str, str]]:
    """(event trigger, place name) of every ``locatedIn`` fact whose subject is an event."""
    names = {e.id: e.name for e in x.entities}
    triggers = {e.id: e.trigger for e in x.events}
    return {
        (triggers[r.subject], names[r.object])
        for r in x.relations
        if r.predicate == "locatedIn" and r.subject in triggers
    }


def _places(x: Extraction) -> set[str]:
    names = {e.id: e.name for e in x.entities}
    return {names[k] for e in x.events for k in e.places}


OWN_SENTENCE = [
    # A locative phrase of the event's sentence, with the places that hold it.
    ("Un incendie s'est déclaré dans un entrepôt de Bayonne lundi soir.", {"Bayonne", "entrepôt"}),
    ("Originaire de Quimper, la victime a été renversée par un camion à Brest.", {"Brest"}),
    # "près de": the parser may hang "près" on the name itself.
    ("L'accident survenu sur l'A7 près de Montélimar a fait trois blessés.", {"A7", "Montélimar"}),
    ("Un habitant de Tours a été tué dans une fusillade à Orléans.", {"Orléans"}),
    ("Une employée née à Marseille a été blessée dans un accident à Grenoble.", {"Grenoble"}),
    # A common noun of a building's part is a place too.
    ("Un incendie s'est déclaré dans le sous-sol d'une clinique samedi.", {"sous-sol"}),
    # The place a trigger verb acts on, named by a common noun.
    ("L'aviation a bombardé un petit village dans la nuit.", {"village"}),
    ("La voiture a percuté un immeuble.", {"immeuble"}),
    # The subject of a passive is acted on too, by the verb or by its agent, the event noun.
    ("Un village a été bombardé par l'aviation.", {"village"}),
    ("Un immeuble a été détruit par un incendie.", {"immeuble"}),
    ("Le centre de Mossoul a été visé par un attentat.", {"Mossoul"}),
    # Negatives: an object or a patient that is no place.
    ("La voiture a percuté un cycliste.", set()),
    ("Le maire de Nice a été blessé par l'explosion.", set()),
]


@pytest.mark.parametrize(("text", "places"), OWN_SENTENCE)
def test_the_places_of_the_events_sentence_are_facts(text: str, places: set[str]) -> None:
    x = one(text)
    assert {p for _, p in _located(x)} == places, _located(x)


SCENES = [
    # The scene set by the sentence before: the event's own sentence names no town.
    (
        "Mme Claire Dumas enseigne la physique à Genève. Lors d'une excursion, un accident "
        "s'est produit.",
        {"Genève"},
    ),
    (
        "Les pompiers sont intervenus samedi matin à Besançon. Une fuite de gaz avait "
        "provoqué une explosion dans un immeuble.",
        {"Besançon", "immeuble"},
    ),
    # Negative: a birthplace sets no scene.
    (
        "Mme Claire Dumas, née à Lyon, enseigne la physique depuis dix ans. Lors d'une "
        "excursion, un accident s'est produit.",
        set(),
    ),
    # Negative: where the injured was taken afterwards is not where the fall happened.
    ("Le motard a été transporté à Nantes. Il avait chuté sur une route de campagne.", {"route"}),
]


@pytest.mark.parametrize(("text", "places"), SCENES)
def test_the_scene_of_the_paragraph_is_a_fact(text: str, places: set[str]) -> None:
    x = one(text)
    assert {p for _, p in _located(x)} == places, _located(x)


HOMES = [
    # Where a person lives, was born or was taken to: never the event's place.
    ("Le blessé a été évacué vers Lille après l'explosion.", "Lille"),
    ("Le cycliste a été hospitalisé à Angers après sa chute.", "Angers"),
    ("Un retraité qui habite à Nancy a été agressé mardi.", "Nancy"),
    ("Une collision a fait un blessé à Cholet. Le blessé a été transporté à Nantes.", "Nantes"),
]


@pytest.mark.parametrize(("text", "home"), HOMES)
def test_a_home_or_a_hospital_is_not_the_events_place(text: str, home: str) -> None:
    x = one(text)
    assert x.events, text
    assert home not in _places(x)
    assert home not in {p for _, p in _located(x)}


def test_a_statements_place_stays_a_role() -> None:
    x = one("Le ministre de l'Intérieur a déclaré mardi à Paris que la réforme serait votée.")
    assert not _located(x)


def test_the_gazetteers_country_stays_a_role() -> None:
    # The country of the city, named only in another sentence, is the record's place too.
    x = one("L'Argentine a envoyé des secours. Un incendie a détruit une usine à Rosario lundi.")
    assert "Argentine" in _places(x)
    assert {p for _, p in _located(x)} == {"Rosario"}


def test_every_fact_names_its_cue() -> None:
    x = one("Un incendie s'est déclaré dans un entrepôt de Bayonne lundi soir.")
    cues = {r.attributes.get("place_cue") for r in x.relations if r.predicate == "locatedIn"}
    assert cues == {"own"}


SCENE_NOUNS = [
    # "le lieu de l'accident": the noun completed by the event names its scene.
    (
        "Un camion a percuté une voiture mardi près de Vannes. Les gendarmes sont arrivés "
        "sur le lieu de l'accident peu après.",
        {"Vannes", "lieu"},
    ),
    # Bare after "sur": the scene of the happening last told.
    (
        "Un incendie a ravagé une ferme à Guéret. Les pompiers se sont rendus sur les lieux.",
        {"Guéret", "lieux"},
    ),
    (
        "Une explosion a soufflé un immeuble de Lens. Sur place, deux blessés ont été secourus.",
        {"Lens", "place"},
    ),
    # Negatives: "avoir lieu", "au lieu de", "prendre place", "sur la place" name no scene.
    ("La réunion a eu lieu à Nice. Au lieu de partir, les délégués sont restés.", {"Nice"}),
    ("Un accident a eu lieu à Dole. Un passant a pris place dans l'ambulance.", {"Dole"}),
]


@pytest.mark.parametrize(("text", "places"), SCENE_NOUNS)
def test_a_scene_noun_places_its_event(text: str, places: set[str]) -> None:
    x = one(text)
    assert {p for _, p in _located(x)} == places, _located(x)


STORY_SCENES = [
    # The place of the happening told just before is the scene of the next one.
    (
        "Des centaines d'étudiants ont manifesté à Grenoble. Trois d'entre eux ont été "
        "interpellés par la police.",
        {("interpellés", "Grenoble"), ("manifesté", "Grenoble")},
    ),
    # Negative: where something was said is no scene.
    (
        "Le ministre a déclaré jeudi à Paris que la loi serait votée. Un incendie a ensuite "
        "détruit un entrepôt.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "facts"), STORY_SCENES)
def test_the_story_sets_the_scene(text: str, facts: set[tuple[str, str]]) -> None:
    x = one(text)
    assert _located(x) == facts


SITES = [
    # A body named in the locative phrase: the event is where the body is.
    ("Des centaines de personnes ont manifesté devant la préfecture de Rennes.", {"Rennes"}),
    # Negative: a body named as a person's employer places nothing.
    ("Le directeur de la préfecture de Rennes a été blessé dans un accident.", set()),
]


@pytest.mark.parametrize(("text", "places"), SITES)
def test_a_body_named_as_the_site_gives_its_place(text: str, places: set[str]) -> None:
    x = one(text)
    assert {p for _, p in _located(x)} == places, _located(x)
