"""Event words used of things, of sport or of a name: no happening of the news (one table per
construction, each with a sentence where the word does tell one)."""

from __future__ import annotations

import pytest

from ._extract import classes

DISAPPEARANCES = [
    ("La disparition du timbre rouge inquiète les collectionneurs.", set()),
    ("La disparition de la romancière Anne Rivière a ému ses lecteurs mercredi.", {"DEATH"}),
]


@pytest.mark.parametrize(("text", "expected"), DISAPPEARANCES)
def test_a_disappearance_is_a_death_only_of_a_person(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


CODES = [
    ("Le vol KL1234 a atterri avec deux heures de retard à Nice.", set()),
    ("Le vol de deux tableaux a été découvert lundi au musée de Nice.", {"CRIME"}),
]


@pytest.mark.parametrize(("text", "expected"), CODES)
def test_a_noun_followed_by_a_code_names_a_thing(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


SPORT = [
    ("Le Nantais est passé en attaque après la mi-temps.", set()),
    ("Le gardien a brisé l'attaque adverse à dix reprises.", set()),
    ("Il a disputé trois combats de boxe à Las Vegas l'an dernier.", set()),
    ("Dans la montée, le Belge cède du terrain à son rival italien.", set()),
    ("La rencontre éliminatoire a opposé Lens à Brest samedi.", set()),
    ("Une attaque au couteau a fait deux blessés samedi à Lens.", {"ASSAULT"}),
]


@pytest.mark.parametrize(("text", "expected"), SPORT)
def test_sport_words_tell_no_news_event(text: str, expected: set[str]) -> None:
    assert classes(text) == expected


THINGS_AS_SUBJECTS = [
    ("Le phénomène s'est manifesté de nouveau dans la nuit au-dessus de la mer.", set()),
    ("La sonde a réussi à capturer une image de la comète lundi.", set()),
    ("Des centaines d'enseignants ont manifesté mardi à Limoges.", {"PROTEST"}),
    ("Les rebelles ont capturé trois soldats lundi près de Bunia.", {"COERCE"}),
]


@pytest.mark.parametrize(("text", "expected"), THINGS_AS_SUBJECTS)
def test_verbs_said_of_things_tell_no_event(text: str, expected: set[str]) -> None:
    assert classes(text) == expected
