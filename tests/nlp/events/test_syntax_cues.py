"""The event components read subjects, objects and passives with the relations' cues."""

from __future__ import annotations

from kg.nlp.events.component import EventExtractor, EventTriggers
from kg.nlp.relations.patterns import RelationPatterns


def test_events_and_relations_build_their_syntax_from_one_helper() -> None:
    shared = RelationPatterns(lang="fr").syntax_cues
    for component in (EventTriggers(None, lang="fr"), EventExtractor(None, lang="fr")):
        assert component.syntax_data == shared
    # "est tombé", "est arrivé": compound pasts with "être", active (not passives).
    assert {"tomber", "arriver"} <= shared["etre_verbs"]
    assert shared["relative_words"]
