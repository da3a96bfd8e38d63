"""A present participle the tagger took for an adjective tells its verb's event when an
object follows it (", *polluant* la côte"); without one it is an adjective ("un sol
*glissant*"). Sentences written for these tests, run through the real model.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DATE = dt.date(2023, 5, 1)


def _words(text: str) -> set[str]:
    """Every event mention of ``text``."""
    (x,) = extract([text], date=DATE, lang="fr", progress=False)
    events = {ev.id for ev in x.events}
    return {m.text for e in x.entities if e.id in events for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Le pétrolier s'est échoué au large de Brest, polluant la côte sur dix kilomètres.",
            "polluant",
        ),
        ("Un motard a manqué un virage près d'Albi, percutant un arbre.", "percutant"),
    ],
)
def test_participle_with_object_is_a_trigger(text: str, word: str) -> None:
    assert word in _words(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le sol glissant a surpris les randonneurs près de Gap.",
        "Le parti a remporté une victoire écrasante dans le Var.",
        "Le débat sur ce sujet brûlant a été reporté par le maire de Millau.",
    ],
)
def test_adjective_in_ant_is_no_trigger(text: str) -> None:
    assert not _words(text) - {"débat"}
