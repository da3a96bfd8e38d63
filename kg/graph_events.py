"""Events in the graph: role edges from event records, and one summary per event node.

Why apart from :mod:`kg.graph`: an event node gathers the reports of every article that
tells it (their classes, tolls, modalities), which is its own small model; the graph
builder only calls it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from kg.model import Event, Extraction, Relation, TimeValue

__all__ = ["ROLE_PREDICATES", "event_summary", "most_common", "report", "role_relations"]


def most_common(counter: Counter) -> Any:
    """The most frequent value; ties broken by length then alphabetically (deterministic)."""
    return max(counter.items(), key=lambda kv: (kv[1], len(str(kv[0])), str(kv[0])))[0]


#: Event roles as graph edges (event -> entity), and the record field that holds each.
ROLE_PREDICATES: tuple[tuple[str, str], ...] = (
    ("actors", "hasActor"),
    ("targets", "hasTarget"),
    ("participants", "hasParticipant"),
)


def role_relations(events: Iterable[Event], relations: Iterable[Relation] = ()) -> list[Relation]:
    """The role edges of event records: facts like any other, with the event's evidence.

    An event's places become ``hasPlace`` edges, except where a ``locatedIn``/``heldIn``
    fact of the extraction already says it.
    """
    placed = {(r.subject, r.object) for r in relations if r.predicate in ("locatedIn", "heldIn")}
    out: list[Relation] = []
    for event in events:
        for key in event.places:
            if (event.id, key) not in placed:
                out.append(event.fact("hasPlace", key, tense="past"))
        for field, predicate in ROLE_PREDICATES:
            out.extend(event.fact(predicate, key, tense="past") for key in getattr(event, field))
    return out


def report(event: Event, ext: Extraction, times: dict[str, TimeValue]) -> dict[str, Any]:
    tv = times.get(event.time) if event.time else None
    return {
        "doc": ext.id,
        "date": ext.date.isoformat() if ext.date else None,
        "class": event.cls,
        "mode": event.mode,
        "modality": event.modality,
        "trigger": event.trigger,
        "headline": event.headline,
        "time": tv.value if tv else None,
        "quantities": dict(event.quantities),
        "place": event.place,
        "evidence": {"start": event.evidence.start, "text": event.evidence.text},
    }


def event_summary(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One event told by ``reports``: the majority class, the first report, the differences.

    Why keep the differences: a toll that rises from one report to the next, or a meeting
    "expected" in one article and "held" in another, is what a researcher checks first.
    """
    reports = sorted(reports, key=lambda r: (r["date"] or "", r["doc"], r["evidence"]["start"]))
    classes = Counter(r["class"] for r in reports)
    first = reports[0]
    quantities: dict[str, int] = {}
    differences: dict[str, list[Any]] = {}
    for kind in sorted({k for r in reports for k in r["quantities"]}):
        values = sorted({r["quantities"][kind] for r in reports if kind in r["quantities"]})
        quantities[kind] = values[-1]  # the latest toll is usually the highest
        if len(values) > 1:
            differences[kind] = values
    modalities = sorted({r["modality"] for r in reports})
    if len(modalities) > 1:
        differences["modality"] = modalities
    dates = [r["date"] for r in reports if r["date"]]
    return {
        "class": most_common(classes),
        "mode": next((r["mode"] for r in reports if r["mode"]), None),
        "modality": first["modality"],
        "trigger": first["trigger"],
        "headline": first["headline"],
        "time": next((r["time"] for r in reports if r["time"]), None),
        "quantities": quantities,
        "place": next((r["place"] for r in reports if r["place"]), None),
        "reports": [
            {"doc": r["doc"], "date": r["date"], "sentence": r["evidence"]["text"]} for r in reports
        ],
        "first_reported": min(dates) if dates else None,
        "differences": differences,
    }
