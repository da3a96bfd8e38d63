"""Where an event happened, as ``locatedIn`` facts of the extraction.

Why apart from the records: a record's places are its role (``hasPlace``, the event export's
location); a researcher querying facts asks ``?event kg:locatedIn ?place`` as of a named
summit, so the places a record reads for a happening are written as facts too, with the
event's modality, time and sentence, and the cue that gave each (``place_cue``).

Only the cues that say where the happening itself took place write a fact
(:mod:`kg.nlp.events.where`): the relation patterns' statement, a locative phrase of the
trigger's own sentence or the place its verb acts on, the places that contain those, and
the scene the paragraph set when its own sentences name none ("Un bus a pris feu à Brest.
… Deux passagers ont été blessés dans l'incendie"). The gazetteer's country of a city stays
a role: read on tune text it added few true pairs and the Wikinews gold none. Statements and
the other party classes (a minister's declaration "à Paris") keep their places as a role
only: where something is said is seldom what the report is about.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from kg.model import Event, Relation
from kg.nlp.events.where import OWN, SCENE, STATED, WITHIN

__all__ = ["locate"]

_STATED = frozenset({"locatedIn", "heldIn"})
#: The cues whose places are written as facts.
_WRITTEN = frozenset({STATED, OWN, WITHIN, SCENE})


def locate(
    events: Iterable[Event],
    relations: Iterable[Relation],
    party_classes: Collection[str],
    sources: Mapping[str, Mapping[str, str]],
) -> list[Relation]:
    """The ``locatedIn`` facts of the happenings among ``events``.

    ``sources`` maps each event id to its places and the cue that gave each. A pair the
    relation patterns already state is not written twice.
    """
    stated = {(r.subject, r.object) for r in relations if r.predicate in _STATED}
    facts: list[Relation] = []
    for event in events:
        if event.cls in party_classes:
            continue
        cues = sources.get(event.id, {})
        for key in event.places:
            how = cues.get(key)
            if key == event.id or (event.id, key) in stated or how not in _WRITTEN:
                continue
            stated.add((event.id, key))
            facts.append(event.fact("locatedIn", key, place_cue=how))
    return facts
