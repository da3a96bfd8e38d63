"""Words that tell no happening: negated, possible, habitual or wished events, event nouns
that name a building, figurative verbs, and look-alike compounds (one table per
construction; each has a sentence where the event is told)."""

from __future__ import annotations

import pytest

from ._extract import classes

NEGATED_NOUNS = [
    ("Aucune évasion n'a été signalée lundi à la prison de Rennes.", set()),
    ("Nulle arrestation n'a eu lieu samedi soir à Lille.", set()),
    ("Il n'y a pas eu d'accident sur la rocade de Bordeaux ce week-end.", set()),
    ("La marche des étudiants s'est achevée sans heurts mardi à Grenoble.", {"PROTEST"}),
    ("Une évasion a été signalée lundi à la prison de Rennes.", {"CRIME"}),
    ("Il y a eu un accident sur la rocade de Bordeaux ce week-end.", {"ACCIDENT"}),
]


@pytest.mark.parametrize(("text", "expected"), NEGATED_NOUNS)
def test_a_negated_noun_tells_no_event(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


POSSIBLE_NOUNS = [
    ("Le préfet met en garde contre des troubles éventuels dimanche à Metz.", set()),
    ("Les experts étudient un séisme hypothétique dans la vallée du Rhône.", set()),
    ("Des troubles ont éclaté dimanche soir à Metz.", {"PROTEST"}),
]


@pytest.mark.parametrize(("text", "expected"), POSSIBLE_NOUNS)
def test_a_possible_event_is_no_happening(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


HABITS = [
    ("Le maire de Tours est régulièrement accusé de favoritisme par ses rivaux.", set()),
    ("Cette gare subit souvent des vols de bagages, d'après les contrôleurs.", set()),
    ("La gare de Tours a subi mardi un vol de bagages.", {"CRIME"}),
]


@pytest.mark.parametrize(("text", "expected"), HABITS)
def test_a_habit_is_no_event(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


UNREAL_INFINITIVES = [
    ("Les gendarmes ont reculé afin de ne pas blesser les paysans, jeudi à Auch.", set()),
    ("Les infirmières souhaitent protester contre la fermeture du service d'Arles.", set()),
    ("Les infirmières ont protesté jeudi contre la fermeture du service d'Arles.", {"PROTEST"}),
]


@pytest.mark.parametrize(("text", "expected"), UNREAL_INFINITIVES)
def test_a_negated_or_wished_infinitive_is_no_event(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


VENUES = [
    ("Les élus ont visité mardi le palais des congrès de Nantes.", set()),
    ("La mairie a repeint la salle des fêtes de Vierzon.", set()),
    ("Le congrès des maires s'est ouvert lundi à Paris.", {"GATHERING"}),
]


@pytest.mark.parametrize(("text", "expected"), VENUES)
def test_an_event_noun_naming_a_building_is_no_event(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


FIGURATIVE = [
    ("Le projet de loi se heurte à l'hostilité des syndicats.", set()),
    ("La vidéo, qui est jugée choquante par ses détracteurs, a été retirée.", set()),
    ("Deux camions se sont heurtés jeudi sur l'autoroute A6.", {"ACCIDENT"}),
    ("Un cycliste a heurté une borne jeudi à Dole.", {"ACCIDENT"}),
]


@pytest.mark.parametrize(("text", "expected"), FIGURATIVE)
def test_figurative_verbs_tell_no_event(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


LOOK_ALIKES = [
    ("Les vols habités vers Mars ne sont pas pour demain.", set()),
    ("Un supporter a allumé un feu de Bengale dans la tribune.", set()),
    ("La saisie de données prend des heures aux agents de la mairie.", set()),
    ("La pollution lumineuse empêche d'observer les étoiles depuis Lyon.", set()),
    ("Il évoque la manifestation d'un désir de changement chez les électeurs.", set()),
    ("Les douaniers ont procédé à la saisie de deux tonnes de cannabis au Havre.", {"COERCE"}),
]


@pytest.mark.parametrize(("text", "expected"), LOOK_ALIKES)
def test_look_alike_compounds_are_no_events(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


IDIOMS_READ_AS_ADJECTIVES = [
    ("Les tireurs ont fait sauter une grenade puis ouvert le feu sur les passants.", {"ASSAULT"}),
]


@pytest.mark.parametrize(("text", "expected"), IDIOMS_READ_AS_ADJECTIVES)
def test_an_idiom_with_an_irregular_participle_is_its_own_event(
    text: str, expected: set[str]
) -> None:
    assert "DISASTER" not in classes(text)
    assert expected <= classes(text)


def test_a_blocking_joins_the_event_told_and_starts_none() -> None:
    assert classes("Le blocage de la plateforme vidéo a été levé lundi par le ministère.") == set()
    assert classes("Un camion s'est renversé mardi, provoquant le blocage de l'autoroute A7.") == {
        "ACCIDENT"
    }
