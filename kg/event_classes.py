"""Event classes as data: the SKOS scheme in ``ontology/events.ttl``, read once.

Why a scheme and not a Python enum: researchers compare kg's events with GDELT, ICEWS or
POLECAT extracts by class, and a triple store user asks for "every material-conflict
event" by walking ``skos:broader``; the labels in every language live beside the classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["EVENT_CLASS_NS", "EventClass", "event_class", "event_classes"]

#: Namespace of the class concepts (``kgev:ASSAULT``).
EVENT_CLASS_NS = "https://w3id.org/kg-news/event-class/"
_SCHEME = Path(__file__).resolve().parent / "ontology" / "events.ttl"


@dataclass(frozen=True, slots=True)
class EventClass:
    """One class: its notation, quad class (None outside PLOVER) and labels by language."""

    id: str
    quad: str | None
    labels: tuple[tuple[str, str], ...]

    def label(self, lang: str) -> str:
        """The label in ``lang``, else the first label (by language tag), else the notation."""
        by_lang = dict(self.labels)
        return by_lang.get(lang) or next(iter(by_lang.values()), self.id)


@cache
def event_classes() -> dict[str, EventClass]:
    """Every leaf class of the scheme by notation (``ASSAULT`` → its record)."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import SKOS

    graph = Graph().parse(_SCHEME, format="turtle")
    quads = {str(s) for s in graph.subjects(SKOS.broader, URIRef(EVENT_CLASS_NS + "political"))}
    out: dict[str, EventClass] = {}
    for concept, notation in graph.subject_objects(SKOS.notation):
        if str(concept) in quads:
            continue
        broader = str(next(graph.objects(concept, SKOS.broader)))
        labels = tuple(
            sorted((lit.language or "", str(lit)) for lit in graph.objects(concept, SKOS.prefLabel))
        )
        quad = broader.removeprefix(EVENT_CLASS_NS) if broader in quads else None
        out[str(notation)] = EventClass(str(notation), quad, labels)
    return dict(sorted(out.items()))


def event_class(name: str) -> EventClass:
    """The class named ``name``; an unknown name gets a class of its own (no quad)."""
    return event_classes().get(name) or EventClass(name, None, ())
