"""Event nodes in RDF, aligned to the Simple Event Model (SEM).

Why SEM beside kg's own terms: a SPARQL user who knows SEM (``sem:hasActor``,
``sem:hasPlace``, ``sem:hasTimeStamp``) should find kg's events without reading the ontology
and without RDFS inference, so those triples are written directly; the class is a SKOS
concept (``ontology/events.ttl``) so "every material-conflict event" is one property path.
Role edges (``kg:hasActor``…) are ordinary facts with statement nodes, written by
:mod:`kg.export._rdf_build`; this module adds what only an event has.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.event_classes import EVENT_CLASS_NS
from kg.export._rdf_terms import (
    DAY,
    MONTH,
    XSD_DATE,
    XSD_GY,
    XSD_GYM,
    YEAR,
    K,
    Triple,
    escape,
    iri_key,
    make_literal,
    nn,
)
from kg.graph import ROLE_PREDICATES
from kg.vocab import SEM

__all__ = ["event_triples"]

_SEM_EVENT = nn(str(SEM.Event))
_HAS_ACTOR = nn(str(SEM.hasActor))
_HAS_PLACE = nn(str(SEM.hasPlace))
_HAS_STAMP = nn(str(SEM.hasTimeStamp))
_HAS_BEGIN = nn(str(SEM.hasBeginTimeStamp))
_HAS_END = nn(str(SEM.hasEndTimeStamp))
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_ROLES = {predicate for _, predicate in ROLE_PREDICATES}


def _stamp(value: str) -> str | None:
    """The time stamp at its true granularity: a day (also of "lundi soir"), a month, a year."""
    if DAY.match(value[:10]) and (len(value) == 10 or value[10] == "T"):
        value = value[:10]
    if DAY.match(value):
        return make_literal(value, datatype=XSD_DATE)
    if MONTH.match(value):
        return make_literal(value, datatype=XSD_GYM)
    if YEAR.match(value):
        return make_literal(value, datatype=XSD_GY)
    return None


def event_triples(
    graph: nx.MultiDiGraph, key: str, node: str, ent: Any, integer: Any, lang: str
) -> list[Triple]:
    """The SEM and class triples of event ``key`` (IRI ``node``), or [] for other nodes.

    ``ent`` mints an entity's IRI and ``integer`` an integer literal (the builder's own
    cached term makers); ``lang`` tags the headline.
    """
    data = graph.nodes[key]
    event = data.get("event")
    if not event:
        return []
    out: list[Triple] = [(node, _TYPE, _SEM_EVENT)]
    out.append((node, K.eventClass, nn(EVENT_CLASS_NS + iri_key(str(event["class"])))))
    out.append((node, K.eventModality, getattr(K, event["modality"])))
    if event.get("mode"):
        out.append((node, K.eventMode, make_literal(str(event["mode"]))))
    if event.get("headline"):
        suffix = f"@{lang}" if lang else ""
        out.append((node, K.headline, f'"{escape(str(event["headline"]))}"{suffix}'))
    for kind in ("dead", "injured", "size"):
        value = event.get("quantities", {}).get(kind)
        if isinstance(value, int):
            out.append((node, getattr(K, kind), integer(value)))
    out.append((node, K.reportCount, integer(len(event.get("reports", ())))))
    if event.get("first_reported"):
        out.append(
            (node, K.firstReported, make_literal(event["first_reported"], datatype=XSD_DATE))
        )
    for _, v, d in sorted(graph.out_edges(key, data=True), key=lambda e: (str(e[1]), str(e[2]))):
        if d.get("modality") == "negated":
            continue
        if d["predicate"] in _ROLES:
            out.append((node, _HAS_ACTOR, ent(v)))
        elif d["predicate"] in ("locatedIn", "heldIn", "hasPlace"):
            out.append((node, _HAS_PLACE, ent(v)))
    time = data.get("time") or {}
    value = event.get("time") or time.get("value")
    if isinstance(value, str) and (stamp := _stamp(value)) is not None:
        out.append((node, _HAS_STAMP, stamp))
    for prop, field in ((_HAS_BEGIN, "start"), (_HAS_END, "end")):
        if time.get(field) and DAY.match(str(time[field])):
            out.append((node, prop, make_literal(str(time[field]), datatype=XSD_DATE)))
    return list(dict.fromkeys(out))
