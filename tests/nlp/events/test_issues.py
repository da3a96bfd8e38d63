"""The cause a protest is against ("ont défilé *contre la guerre*") and the topic a meeting
is about ("a porté *sur les expulsions*") are no happenings of the story; an event a
statement is about, or the target of an attack, still is. Sentences written for these
tests, run through the real model.
"""

from __future__ import annotations

import pytest

from ._extract import classes


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Les lycéens ont manifesté contre la guerre devant l'ambassade de Russie.", "ASSAULT"),
        ("Une pétition contre la pollution de l'étang a recueilli mille signatures.", "DISASTER"),
        (
            "La préfète a lancé une campagne de sensibilisation contre les feux de forêt.",
            "DISASTER",
        ),
        ("La rencontre des élus a porté sur les expulsions de locataires.", "COERCE"),
        ("Le séminaire de Brest portait sur la prévention des naufrages.", "ACCIDENT"),
    ],
)
def test_a_cause_or_a_topic_is_no_event(text: str, absent: str) -> None:
    assert absent not in classes(text)


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("Le ministre a fait une déclaration sur l'attentat de la veille.", "ASSAULT"),
        ("Un attentat contre une caserne a fait trois morts à Kaboul.", "ASSAULT"),
        (
            "Les pompiers ont lutté toute la nuit contre l'incendie d'un entrepôt de Nantes.",
            "DISASTER",
        ),
        ("Les lycéens ont manifesté contre la guerre devant l'ambassade de Russie.", "PROTEST"),
    ],
)
def test_the_events_around_them_stay(text: str, cls: str) -> None:
    assert cls in classes(text)
