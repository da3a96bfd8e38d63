"""Gathering an event's places, each with how it was read.

Why the source is kept: a record's places are its role (``hasPlace``) whatever the cue,
but only some cues say where the happening itself took place well enough to be written as
a ``locatedIn`` fact (:mod:`kg.nlp.events.facts`): the relation patterns' statement, a
locative phrase of the trigger's own sentence, the place its verb acts on, and the places
that contain those ("Rouen (Seine-Maritime)"). The scene a paragraph set earlier and the
gazetteer's country of a city stay roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang.geo import load_geo
from kg.model import Relation
from kg.nlp import ud
from kg.nlp.events.places import EventPlaceFinder
from kg.nlp.events.triggers import EventCluster, sentence_numbers
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import Syntax

__all__ = ["COUNTRY", "OWN", "SCENE", "STATED", "WITHIN", "gather_places"]

#: How a place was read (the value of each key of :func:`gather_places`' answer).
STATED, OWN, SCENE, WITHIN, COUNTRY = "stated", "own", "scene", "within", "country"

_PLACE_PREDICATES = frozenset({"locatedIn", "heldIn"})
_VERBS = frozenset({"VERB", "AUX"})
#: A noun trigger shares its verb's places only as its subject or object (or a conjunct,
#: an apposition of one, a passive's agent): "une émeute a éclaté dans les rues", "ont
#: provoqué une émeute …", "un immeuble a été détruit par un incendie".
_CORE = (ud.NSUBJ, ud.OBJ, ud.CONJ, ud.APPOS, ud.OBL_AGENT)


def gather_places(
    finder: EventPlaceFinder,
    doc: Doc,
    cluster: EventCluster,
    syn: Syntax,
    relations: Iterable[Relation],
    entities: Mapping[str, Any],
    unnamed: Mapping[int, TokenMention],
    taken: Iterable[str],
    material: bool,
    lang: str,
    story: Iterable[str] = (),
) -> dict[str, str]:
    """Place key → source, in the order a reader weighs them.

    ``taken`` are the keys already in a role (an actor is not also the place); ``material``
    is False for statements and the other party classes, whose scene is not their place;
    ``story`` are the happenings of the text (the material events) whose places the scene may
    be: "Une bombe a explosé *à Lisbonne*. … ravagés par l'incendie" is there too.
    """
    key = cluster.key
    relations = list(relations)
    taken = set(taken)
    places: dict[str, str] = {}
    for r in relations:
        if r.subject == key and r.predicate in _PLACE_PREDICATES:
            places.setdefault(r.object, STATED)
    located = finder.locatives(doc, cluster, syn)
    number = sentence_numbers(doc)
    located += [
        m
        for hit in cluster.hits
        for i, m in unnamed.items()
        if number[i] == number[hit.head] and attached(doc[i], doc[hit.head])
    ]
    for place in located:
        if place.key in places or place.key == key or place.key in taken:
            continue
        places[place.key] = OWN
    # "devant la préfecture de Rennes": the event is where the body it happened at is.
    seats = {(r.subject, r.object) for r in relations if r.predicate == "locatedIn"}
    for site in finder.locatives(doc, cluster, syn, sites=True):
        for inner, outer in sorted(seats):
            if inner == site.key and outer not in places and outer != key and outer not in taken:
                places[outer] = WITHIN
    unnamed_keys = {m.key for m in unnamed.values()}
    if material and not [p for p in places if p not in unnamed_keys]:
        # "… dans un immeuble": the building lies in the scene the text set earlier.
        for place in finder.scene(doc, cluster, syn, frozenset(story)):
            if place.key not in places and place.key != key:
                places[place.key] = SCENE
    # "à Villeurbanne" and "Villeurbanne (Rhône)": the event is in the Rhône too.
    within = {(r.subject, r.object) for r in relations if r.predicate == "locatedIn"}
    for inner, outer in sorted(within):
        if inner in places and outer not in places and outer != key:
            places[outer] = WITHIN if places[inner] in (STATED, OWN) else places[inner]
    # "à Rosario" in a text that names Argentina: the event is in Argentina too.
    for inner in list(places):
        entity = entities.get(inner)
        if entity is None or entity.type != "Place" or inner in unnamed_keys:
            continue
        found = load_geo(lang).lookup(entity.name)  # loaded once per process
        outer = found.country if found is not None else None
        if outer is not None and outer in entities and outer not in places and outer != key:
            places[outer] = COUNTRY
    return places


def attached(place: Token, trigger: Token) -> bool:
    """Whether the common-noun place hangs on the trigger or on the verb it is an argument of.

    Why stricter than for named places: "sur la route", "dans les rues" are everywhere in a
    report, and only the one on the event's own phrase says where it happened ("peu de
    soldats étaient présents dans les rues" is not where the election took place).
    """
    heads = {trigger.i}
    verb = trigger
    if trigger.pos_ not in _VERBS and not trigger.dep_.startswith(_CORE):
        return place.head.i == trigger.i  # "pendant l'élection, … dans les rues": a frame
    while verb.pos_ not in _VERBS and verb.head.i != verb.i:
        verb = verb.head
        heads.add(verb.i)
    if verb.dep_ == ud.ACL and verb.head.head.i != verb.head.i and verb.head.dep_.startswith(_CORE):
        verb = verb.head.head  # "une fuite suivie d'une explosion a eu lieu …"
        heads.add(verb.i)
    head = place.head
    # "une bombe déposée dans un immeuble a explosé": the participle of its subject.
    return head.i in heads or (head.dep_ == ud.ACL and head.head.head.i == verb.i)
