"""A gathering told with the aim of a protest is that protest ("se sont rassemblés *pour
protester*"); an aim of the event's own class is one more word of it; the aim of a
movement or of another happening tells nothing. Sentences written for these tests, run
through the real model.
"""

from __future__ import annotations

import pytest

from ._extract import one


def _events(text: str) -> list[tuple[str, set[str]]]:
    """(class, mention words) of every event of ``text``."""
    x = one(text)
    ents = {e.id: e for e in x.entities}
    return [(ev.cls, {m.text for m in ents[ev.id].mentions}) for ev in x.events]


@pytest.mark.parametrize(
    ("text", "cls", "words"),
    [
        # a gathering whose aim is a protest, a demand or a denunciation is a protest
        (
            "Une centaine d'agriculteurs se sont rassemblés devant la préfecture de Lille "
            "pour protester contre la baisse des aides.",
            "PROTEST",
            {"rassemblés", "protester"},
        ),
        (
            "Près de deux cents parents se sont rassemblés devant le rectorat de Nancy "
            "pour réclamer l'ouverture d'une classe.",
            "PROTEST",
            {"rassemblés", "réclamer"},
        ),
        # a mobilisation with that aim needs no named party of its own
        (
            "Les infirmières de l'hôpital se sont mobilisées devant la direction pour "
            "dénoncer le manque de moyens.",
            "PROTEST",
            {"mobilisées", "dénoncer"},
        ),
        (
            "Des habitants se sont rassemblés devant le tribunal de Rennes pour soutenir "
            "les prévenus.",
            "PROTEST",
            {"rassemblés", "soutenir"},
        ),
        # an aim of the event's own class is one of its words
        (
            "Les habitants sont descendus dans les rues de Dakar pour protester contre "
            "le résultat.",
            "PROTEST",
            {"descendus", "protester"},
        ),
    ],
)
def test_aim_joins_and_names_the_class(text: str, cls: str, words: set[str]) -> None:
    assert (cls, words) in _events(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # an aim of another kind leaves the gathering what it is
        (
            "Les anciens combattants se sont rassemblés à Verdun pour célébrer l'armistice.",
            "PROTEST",
        ),
        # mobilising people for a task is no protest, nor an event without its parties
        ("Le ministre Paul Dupont a mobilisé les préfets pour préparer la rentrée.", "PROTEST"),
        # a movement's aim is no happening
        ("Les infirmiers sont venus à Caen pour protester contre la fermeture.", "PROTEST"),
        # the aim of a fire does not make the fire a protest
        (
            "Des jeunes ont brûlé des pneus à Conakry pour protester contre les coupures.",
            "PROTEST",
        ),
    ],
)
def test_other_aims_change_nothing(text: str, absent: str) -> None:
    assert absent not in {cls for cls, _ in _events(text)}


def test_the_gathering_stays_the_main_trigger() -> None:
    text = (
        "Des pêcheurs se sont rassemblés sur le port de Sète pour protester contre les "
        "quotas. Ils ont ensuite bloqué la criée pendant deux heures."
    )
    (event,) = one(text).events
    assert (event.cls, event.trigger) == ("PROTEST", "rassemblés")


def test_a_gathering_that_becomes_a_protest_is_the_protest_just_told() -> None:
    text = (
        "Une manifestation a perturbé le trafic à la gare de Nantes lundi. Les cheminots "
        "se sont rassemblés sur les quais pour dénoncer la suppression de postes."
    )
    (event,) = one(text).events
    assert event.cls == "PROTEST"


def test_gathering_without_aim_stays_a_gathering() -> None:
    text = "Les anciens élèves se sont rassemblés samedi au lycée de Pau."
    assert [cls for cls, _ in _events(text)] == ["GATHERING"]
