"""The event export: ``events.csv`` and ``events.jsonl`` in the shape of PLOVER event data.

Why PLOVER's field names: researchers set a corpus's events beside GDELT, ICEWS or POLECAT
extracts; with the same names (``source``, ``target``, ``event``, ``mode``, ``context``,
``dead``, ``injured``, ``size``, ``text``, ``eventText``) a kg file loads into the same
notebook code. kg's own fields (modality, the reports, the entity ids) follow them.
One row per event of the graph: an event reported by several articles is one row.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from kg.event_classes import event_class
from kg.export.tables import rows_csv

__all__ = ["EVENT_FIELDS", "event_rows", "events_csv", "events_jsonl"]

EVENT_FIELDS: tuple[str, ...] = (
    "id",
    "date",
    "source",
    "source_country",
    "target",
    "target_country",
    "event",
    "quad_class",
    "mode",
    "context",
    "location",
    "country",
    "dead",
    "injured",
    "size",
    "text",
    "eventText",
    "headline",
    "modality",
    "document",
    "reports",
    "first_reported",
    "source_ids",
    "target_ids",
    "participant_ids",
    "location_id",
)

#: Facts that tie a person or body to the country it acts for.
_COUNTRY_LINKS = frozenset({"ministerOf", "headOf", "worksFor", "memberOf", "locatedIn"})
_ROLE_FIELDS = {  # hasPlace edges are read from the record's place instead
    "hasActor": "source_ids",
    "hasTarget": "target_ids",
    "hasParticipant": "participant_ids",
}
#: PLOVER's context for kg's classes: political (PLOVER categories) or not.
_CONTEXT = {True: "political", False: "other"}


def _country(graph: nx.MultiDiGraph, key: str | None) -> str | None:
    """The country an entity is, acts for or lies in (its label), if the graph says."""
    if key is None or key not in graph:
        return None
    if graph.nodes[key].get("type") == "Country":
        return graph.nodes[key]["label"]
    for _, v, d in sorted(graph.out_edges(key, data=True), key=lambda e: str(e[1])):
        if (
            d["predicate"] in _COUNTRY_LINKS
            and d["modality"] != "negated"
            and graph.nodes[v].get("type") == "Country"
        ):
            return graph.nodes[v]["label"]
    return None


def event_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per event node, sorted by date then id."""
    rows: list[dict[str, Any]] = []
    for key in sorted(graph.nodes, key=str):
        data = graph.nodes[key]
        event = data.get("event")
        if not event:
            continue
        roles: dict[str, list[str]] = {f: [] for f in _ROLE_FIELDS.values()}
        for _, v, d in sorted(
            graph.out_edges(key, data=True), key=lambda e: (str(e[1]), str(e[2]))
        ):
            field = _ROLE_FIELDS.get(d["predicate"])
            if field and v not in roles[field]:
                roles[field].append(v)
        label = lambda k: graph.nodes[k]["label"]  # noqa: E731 - local shorthand
        cls = event_class(event["class"])
        place = event.get("place") if event.get("place") in graph else None
        time = data.get("time") or {}
        first = event["reports"][0] if event.get("reports") else {}
        quantities = event.get("quantities", {})
        sources, targets = roles["source_ids"], roles["target_ids"]
        rows.append(
            {
                "id": key,
                "date": event.get("time") or time.get("value"),
                "source": [label(k) for k in sources],
                "source_country": _country(graph, sources[0]) if sources else None,
                "target": [label(k) for k in targets],
                "target_country": _country(graph, targets[0]) if targets else None,
                "event": event["class"],
                "quad_class": cls.quad,
                "mode": event.get("mode"),
                "context": _CONTEXT[cls.quad is not None],
                "location": label(place) if place else None,
                "country": _country(graph, place),
                "dead": quantities.get("dead"),
                "injured": quantities.get("injured"),
                "size": quantities.get("size"),
                "text": " ".join(str(first.get("sentence", "")).split()),
                "eventText": event.get("trigger"),
                "headline": event.get("headline"),
                "modality": event.get("modality"),
                "document": first.get("doc"),
                "reports": [r["doc"] for r in event.get("reports", ())],
                "first_reported": event.get("first_reported"),
                **roles,
                "location_id": place,
            }
        )
    rows.sort(key=lambda r: (r["date"] or "9999", r["id"]))
    return rows


def events_csv(graph: nx.MultiDiGraph) -> str:
    """``events.csv``: lists joined with ``; ``, formulas defused (see ``rows_csv``)."""
    return rows_csv(event_rows(graph), EVENT_FIELDS)


def events_jsonl(graph: nx.MultiDiGraph) -> str:
    """``events.jsonl``: one JSON object per event, lists kept as lists."""
    return "".join(
        json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n" for row in event_rows(graph)
    )
