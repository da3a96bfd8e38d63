"""The class of a polysemous trigger read from its arguments: "attaquer" a law, a reform or
a decision is verbal (DISAPPROVE), "attaquer" a barracks or a convoy is material (ASSAULT);
"une attaque verbale" likewise. Sentences written for these tests, one table per trigger.
"""

from __future__ import annotations

import pytest

from ._extract import classes

ATTACKING = [
    ("La sénatrice Anne Vidal a attaqué le projet de loi dans une tribune lundi.", "DISAPPROVE"),
    ("Le député Paul Garnier a violemment attaqué la réforme des retraites.", "DISAPPROVE"),
    ("Des hommes armés ont attaqué une caserne mardi à Gao.", "ASSAULT"),
    ("Un commando a attaqué mardi soir le poste de police de Kidal.", "ASSAULT"),
    ("Les assaillants ont attaqué à l'aube.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "cls"), ATTACKING)
def test_attacking_a_text_or_a_decision_is_verbal(text: str, cls: str) -> None:
    assert classes(text) == {cls}


ATTACKS = [
    ("Les élus ont multiplié les attaques verbales contre la ministre Claire Joly.", "DISAPPROVE"),
    ("Une attaque a visé une caserne mardi à Gao.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "cls"), ATTACKS)
def test_a_verbal_attack_is_a_disapproval(text: str, cls: str) -> None:
    assert classes(text) == {cls}
