"""Build the single in-memory model, a networkx ``MultiDiGraph``, from extractions.

Why networkx: researchers already know it, and every export (RDF, HTML, tables, timeline)
reads this one graph, so they cannot disagree. The contract is in ``docs/internals.md``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.model import PROVENANCE_FIELDS, Copy, Event, Extraction, Relation, TimeValue
from kg.timex import bounds

__all__ = [
    "ROLE_PREDICATES",
    "build_graph",
    "document_info",
    "edge_ref",
    "event_summary",
    "find_entities",
    "focus",
    "neighbourhood",
    "role_relations",
    "shortest_path",
]

#: Tenses whose undated facts are placed at the document date (marked ``inferred``).
_INFER_TENSES = {"past", "present"}
#: Attributes that describe how a fact was read, not which fact it is.
_NON_IDENTITY = {"trigger", "tense"}


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extractions into one graph keyed by canonical entity ids.

    The same fact read twice (same endpoints, predicate, modality, time and qualifiers)
    becomes one edge with two pieces of evidence. Insertion order is sorted, so the
    graph, and every export of it, is the same for the same input.
    """
    extractions = sorted(extractions, key=lambda x: x.id)
    docs: dict[str, dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    facts: dict[tuple, dict[str, Any]] = {}
    reports: dict[str, list[dict[str, Any]]] = {}
    for ext in extractions:
        docs[ext.id] = document_info(ext)
        for ent in ext.entities:
            acc = nodes.setdefault(
                ent.id,
                {
                    "names": Counter(),
                    "types": Counter(),
                    "wikidata": None,
                    "aliases": set(),
                    "docs": set(),
                    "mentions": 0,
                },
            )
            acc["names"][ent.name] += max(1, len(ent.mentions))
            acc["types"][ent.type] += 1
            acc["wikidata"] = acc["wikidata"] or ent.wikidata
            acc["aliases"].update(ent.aliases)
            acc["docs"].add(ext.id)
            acc["mentions"] += len(ent.mentions)
        times = {t.id: t for t in ext.times}
        for record in ext.events:
            if record.id in nodes:
                reports.setdefault(record.id, []).append(_report(record, ext, times))
        for rel in (*ext.relations, *role_relations(ext.events, ext.relations)):
            if rel.subject not in nodes or rel.object not in nodes:
                continue
            time = _time(rel, times, ext)
            attributes = dict(sorted(rel.attributes.items()))
            identity = (
                rel.subject,
                rel.object,
                rel.predicate,
                rel.modality,
                # An inferred date is a guess about the same fact, not a different fact.
                time["value"] if time and not time["inferred"] else None,
                json.dumps(
                    {k: v for k, v in attributes.items() if k not in _NON_IDENTITY},
                    sort_keys=True,
                    ensure_ascii=False,
                ),
            )
            fact = facts.setdefault(
                identity,
                {
                    "predicate": rel.predicate,
                    "modality": rel.modality,
                    "time": time,
                    "attributes": attributes,
                    "evidence": [],
                },
            )
            if fact["time"] is None and time is not None:
                fact["time"] = time
            evidence = {"doc": ext.id, **_evidence(rel)}
            if evidence not in fact["evidence"]:
                fact["evidence"].append(evidence)
    graph = nx.MultiDiGraph(docs=docs)
    for key in sorted(nodes):
        acc = nodes[key]
        label = _most_common(acc["names"])
        graph.add_node(
            key,
            label=label,
            type=_most_common(acc["types"]),
            wikidata=acc["wikidata"],
            aliases=sorted(a for a in acc["aliases"] if a != label),
            docs=sorted(acc["docs"]),
            mentions=acc["mentions"],
        )
    for identity in sorted(facts, key=lambda i: tuple("" if v is None else str(v) for v in i)):
        fact = facts[identity]
        subject, obj, predicate = identity[:3]
        key, n = predicate, 1
        while graph.has_edge(subject, obj, key):
            n += 1
            key = f"{predicate}~{n}"
        fact["evidence"].sort(key=lambda e: (e["doc"], e["start"]))
        graph.add_edge(subject, obj, key=key, **fact)
    for key, told in sorted(reports.items()):
        graph.nodes[key]["event"] = event_summary(told)
    _date_events(graph)
    return graph


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
                out.append(
                    Relation(
                        subject=event.id,
                        predicate="hasPlace",
                        object=key,
                        modality=event.modality,
                        evidence=event.evidence,
                        time=event.time,
                        attributes={"trigger": event.trigger, "tense": "past"},
                    )
                )
        for field, predicate in ROLE_PREDICATES:
            for key in getattr(event, field):
                out.append(
                    Relation(
                        subject=event.id,
                        predicate=predicate,
                        object=key,
                        modality=event.modality,
                        evidence=event.evidence,
                        time=event.time,
                        attributes={"trigger": event.trigger, "tense": "past"},
                    )
                )
    return out


def _report(event: Event, ext: Extraction, times: dict[str, TimeValue]) -> dict[str, Any]:
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
        "class": _most_common(classes),
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
def document_info(ext: Extraction) -> dict[str, Any]:
    """What the graph keeps of a document: date, language, and the provenance it has.

    Only fields with a value are kept (``copies`` sorted by id), so a corpus of plain texts
    keeps the compact ``{"date", "lang"}`` of before and the RDF round trip is exact.
    """
    info: dict[str, Any] = {"date": ext.date.isoformat() if ext.date else None, "lang": ext.lang}
    for name in PROVENANCE_FIELDS:
        value = getattr(ext, name)
        if value is not None:
            info[name] = value
    if ext.copies:
        info["copies"] = [_copy_info(c) for c in sorted(ext.copies, key=lambda c: c.id)]
    return info


def _copy_info(copy: Copy) -> dict[str, Any]:
    info: dict[str, Any] = {"id": copy.id, "similarity": copy.similarity}
    if copy.date is not None:
        info["date"] = copy.date.isoformat()
    for name in PROVENANCE_FIELDS:
        value = getattr(copy, name)
        if value is not None:
            info[name] = value
    return info


def _date_events(graph: nx.MultiDiGraph) -> None:
    """Give each Event node the bounds of its best-dated fact ("when did it happen").

    Stated times win over inferred ones, then the narrowest span, then the earliest.
    """
    for node, data in graph.nodes(data=True):
        if data["type"] != "Event":
            continue
        times = [
            d["time"]
            for _, _, d in (*graph.in_edges(node, data=True), *graph.out_edges(node, data=True))
            if d["time"] and d["time"]["start"]
        ]
        if not times:
            data["time"] = None
            continue
        best = min(times, key=lambda t: (t["inferred"], _span_days(t), t["start"], t["value"]))
        data["time"] = {k: best[k] for k in ("value", "start", "end", "granularity", "inferred")}


def _span_days(time: dict[str, Any]) -> int:
    from datetime import date

    return (date.fromisoformat(time["end"]) - date.fromisoformat(time["start"])).days


def _most_common(counter: Counter) -> Any:
    """The most frequent value; ties broken by length then alphabetically (deterministic)."""
    return max(counter.items(), key=lambda kv: (kv[1], len(str(kv[0])), str(kv[0])))[0]


def _evidence(rel: Relation) -> dict[str, Any]:
    return {"start": rel.evidence.start, "end": rel.evidence.end, "text": rel.evidence.text}


def _time(rel: Relation, times: dict[str, TimeValue], ext: Extraction) -> dict[str, Any] | None:
    """The fact's time: its clause's expression, else the document date when inferable."""
    tv = times.get(rel.time) if rel.time else None
    if tv is not None:
        start, end, granularity = bounds(tv.value)
        return {
            "value": tv.value,
            "start": start,
            "end": end,
            "granularity": granularity,
            "text": tv.text,
            "inferred": False,
        }
    if ext.date is not None and rel.attributes.get("tense") in _INFER_TENSES:
        iso = ext.date.isoformat()
        return {
            "value": iso,
            "start": iso,
            "end": iso,
            "granularity": "day",
            "text": None,
            "inferred": True,
        }
    return None


def edge_ref(subject: str, key: str, obj: str) -> str:
    """The string that names an edge in timeline rows and the HTML page."""
    return f"{subject}|{key}|{obj}"


def neighbourhood(graph: nx.MultiDiGraph, node: str, hops: int = 1) -> nx.MultiDiGraph:
    """The subgraph within ``hops`` of ``node``, edges in both directions.

    Raises:
        KeyError: ``node`` is not in the graph.
    """
    if node not in graph:
        raise KeyError(node)
    keep = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, hops)
    return graph.subgraph(sorted(keep)).copy()


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> list[str]:
    """Entity ids on a shortest path between two entities, ignoring edge direction.

    Returns an empty list when they are not connected.
    """
    try:
        return nx.shortest_path(graph.to_undirected(as_view=True), source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []


def find_entities(graph: nx.MultiDiGraph, text: str, *, type: str | None = None) -> list[str]:
    """Ids of entities whose id, label or an alias contains ``text`` (case, accents ignored).

    Best-connected first, ties by id, so the first is usually the one a reader means.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Q7184", label="OTAN", type="Organization", aliases=["Alliance atlantique"])
    >>> find_entities(g, "alliance")
    ['Q7184']
    """
    needle = _fold(text)
    found = [
        n
        for n, d in graph.nodes(data=True)
        if (type is None or d.get("type") == type)
        and any(
            needle in _fold(str(name)) for name in (n, d.get("label", ""), *d.get("aliases", ()))
        )
    ]
    return sorted(found, key=lambda n: (-graph.degree(n), str(n)))


def focus(graph: nx.MultiDiGraph, entity: str, hops: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of the entity named ``entity`` (an id, or text of its label).

    Raises:
        KeyError: no entity matches ``entity``.
        ValueError: ``hops`` is negative.
    """
    if hops < 0:
        raise ValueError(f"hops must be 0 or more, not {hops}")
    node = entity if entity in graph else next(iter(find_entities(graph, entity)), None)
    if node is None:
        raise KeyError(entity)
    return neighbourhood(graph, node, hops)


def _fold(text: str) -> str:
    import unicodedata

    norm = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in norm if not unicodedata.combining(c))
