"""Event words that tell no one happening: a habit or a series ("chaque année", "deux fois
par mois", "des réunions hebdomadaires"), what one is called on to do ("a appelé les
cheminots à organiser une grève"), a figurative collapse or flare-up ("le climat s'est
embrasé"), a topic named by a risk, a season or a count ("le risque d'un attentat"); and a war
named to date the sentence ("pendant la Seconde Guerre mondiale") is not dated by it.
One table per construction, each with a sentence where the event is told.
"""

from __future__ import annotations

import pytest

from ._extract import classes, one

FREQUENCIES = [
    ("Des centaines de cyclistes meurent chaque année sur les routes françaises.", set()),
    ("Le comité se réunit deux fois par mois à Rennes.", set()),
    ("Après chaque manifestation, les commerçants nettoient leurs vitrines.", set()),
    ("Un cycliste est mort mardi sur la route de Caen.", {"DEATH"}),
]


@pytest.mark.parametrize(("text", "expected"), FREQUENCIES)
def test_a_frequency_tells_a_habit(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


SERIES = [
    ("Le conseil municipal tient des réunions hebdomadaires à la mairie de Caen.", set()),
    ("Les patrouilles quotidiennes des douaniers ont repris sur le port.", set()),
    ("Une réunion s'est tenue mardi à la mairie de Caen.", {"CONSULT"}),
]


@pytest.mark.parametrize(("text", "expected"), SERIES)
def test_an_adjective_of_frequency_tells_a_series(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


CALLED_FOR = [
    ("Le syndicat a appelé les cheminots à organiser une grève lundi.", set()),
    ("Les élus ont exhorté le préfet à ouvrir une enquête sur la noyade.", {"ACCIDENT"}),
    ("Les cheminots ont organisé une grève lundi à Brest.", {"PROTEST"}),
    ("Le conducteur a appelé les secours pour signaler l'accident de la rocade.", {"ACCIDENT"}),
    ("Un voisin a appelé les pompiers afin de signaler l'incendie de la grange.", {"DISASTER"}),
    # a definite noun names an event already set, which the call is about
    ("L'opposition demande de reporter le référendum de dimanche.", {"ELECTION"}),
]


@pytest.mark.parametrize(("text", "expected"), CALLED_FOR)
def test_an_event_called_for_is_no_happening(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


FIGURATIVE_SUBJECTS = [
    ("Le climat s'est embrasé entre les deux partis au conseil régional.", set()),
    ("L'espoir d'un accord s'est effondré lundi à Genève.", set()),
    ("Un entrepôt s'est embrasé mardi soir à Rouen.", {"DISASTER"}),
]


@pytest.mark.parametrize(("text", "expected"), FIGURATIVE_SUBJECTS)
def test_an_abstract_subject_makes_the_verb_figurative(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


TOPICS = [
    ("La lutte contre les incendies de forêt mobilise trois cents pompiers dans le Var.", set()),
    ("Le risque d'un attentat reste élevé à Lyon, selon le préfet.", set()),
    ("La saison des incendies a commencé plus tôt cette année dans les Landes.", set()),
    ("Le nombre d'accidents a baissé sur les routes de Bretagne.", set()),
    ("Une association lutte contre les agressions dans les transports de Lille.", set()),
    ("Les riverains se sont unis pour lutter contre ces agressions répétées.", {"ASSAULT"}),
    ("Les pompiers ont lutté la nuit contre l'incendie d'un entrepôt de Nantes.", {"DISASTER"}),
]


@pytest.mark.parametrize(("text", "expected"), TOPICS)
def test_a_risk_a_season_or_a_count_names_a_topic(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


PERIODS = [
    ("Pendant la Seconde Guerre mondiale, en 1943, le château a servi d'hôpital.", None),
    ("Depuis la fin de la guerre en 1962, aucune usine n'a rouvert dans la région.", None),
    ("La guerre a éclaté le 3 mars 2014 entre les deux pays voisins.", "2014-03-03"),
    ("Les rebelles ont déclenché une guerre contre l'armée le 3 mars 2014.", "2014-03-03"),
]


@pytest.mark.parametrize(("text", "date"), PERIODS)
def test_a_war_that_dates_the_sentence_is_not_dated_by_it(text: str, date: str | None) -> None:
    x = one(text)
    (war,) = [e for e in x.events if e.cls == "ASSAULT"]
    times = {t.id: t.value for t in x.times}
    assert (times[war.time] if war.time else None) == date
