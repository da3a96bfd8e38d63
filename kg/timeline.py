"""Timeline rows: dated events, dated sentences and dated facts, sorted, with their entities.

An event record with a date is a row of its own, headlined "who did what" from its
structure; a dated sentence no event covers keeps the clause headline.

Why from extractions and the graph: a time expression dates a sentence even when no typed
relation was read in it (an announcement, a statement), while a fact with no stated time may
still be placed at the document date. Both become rows; the graph gives canonical names.
Writing the rows (CSV, TimelineJS, the HTML page) is :mod:`kg.export.timeline`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.graph import edge_ref
from kg.lang.terms import fact_sentence
from kg.model import Extraction
from kg.timex import bounds

__all__ = ["STATE_PREDICATES", "TIMELINE_FIELDS", "timeline_rows"]

#: Relations that describe a standing state, not something that happened: they are dated
#: when a sentence dates them, but never placed on the timeline by the document date alone.
STATE_PREDICATES: frozenset[str] = frozenset(
    {"ministerOf", "headOf", "memberOf", "worksFor", "allyOf", "locatedIn", "spokespersonOf"}
)

TIMELINE_FIELDS: tuple[str, ...] = (
    "id",
    "start",
    "end",
    "value",
    "granularity",
    "headline",
    "sentence",
    "entities",
    "entity_ids",
    "doc",
    "facts",
    "inferred",
    "event",
)


def timeline_rows(extractions: Iterable[Extraction], graph: nx.MultiDiGraph) -> list[dict]:
    """Rows sorted by (start, doc, sentence offset); see ``docs/internals.md``."""
    by_sentence: dict[tuple[str, int], list[tuple[str, str, str, dict]]] = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        for ev in data["evidence"]:
            by_sentence.setdefault((ev["doc"], ev["start"]), []).append((u, key, v, data))
    rows: list[dict[str, Any]] = []
    dated_sentences: set[tuple[str, int]] = set()
    extractions = list(extractions)
    langs = {ext.id: ext.lang for ext in extractions}
    for ext in extractions:
        times = {t.id: t for t in ext.times}
        told: set[tuple[int, str]] = set()  # (sentence, value) an event row already dates
        for record in ext.events:
            tv = times.get(record.time) if record.time else None
            if tv is None:
                continue
            start, end, granularity = bounds(tv.value)
            if start is None:
                continue
            told.add((record.evidence.start, tv.value))
            dated_sentences.add((ext.id, record.evidence.start))
            rows.append(
                _row(
                    graph,
                    doc=ext.id,
                    sentence=(record.evidence.start, record.evidence.text),
                    time={"start": start, "end": end, "value": tv.value},
                    granularity=granularity,
                    headline=record.headline,
                    entity_ids=[record.id, *record.entities],
                    facts=[
                        edge_ref(u, k, v)
                        for u, k, v, _ in by_sentence.get((ext.id, record.evidence.start), [])
                        if record.id in (u, v)
                    ],
                    inferred=False,
                    event=record.id,
                )
            )
        for event in ext.dated:
            tv = times[event.time]
            start, end, granularity = bounds(tv.value)
            if start is None:
                continue  # underspecified ("XXXX-12"): no place on the calendar
            if (event.evidence.start, tv.value) in told:
                continue  # the event's own row says it, with who did what
            where = (ext.id, event.evidence.start)
            dated_sentences.add(where)
            facts = [
                edge_ref(u, k, v)
                for u, k, v, data in by_sentence.get(where, [])
                if data["time"] is None
                or data["time"]["value"] == tv.value
                or data["time"]["inferred"]
            ]
            rows.append(
                _row(
                    graph,
                    doc=ext.id,
                    sentence=(event.evidence.start, event.evidence.text),
                    time={"start": start, "end": end, "value": tv.value},
                    granularity=granularity,
                    headline=event.headline,
                    entity_ids=list(event.entities),
                    facts=facts,
                    inferred=False,
                )
            )
    for (doc, offset), edges in sorted(by_sentence.items()):
        if (doc, offset) in dated_sentences:
            continue
        inferred = [
            (u, k, v, d)
            for u, k, v, d in edges
            if d["time"] and d["time"]["inferred"] and d["predicate"] not in STATE_PREDICATES
        ]
        if not inferred:
            continue
        time = inferred[0][3]["time"]
        evidence = next(e for e in inferred[0][3]["evidence"] if e["doc"] == doc)
        ids = sorted({n for u, _, v, _ in inferred for n in (u, v)})
        lang = langs.get(doc) or graph.graph["docs"][doc]["lang"]
        headline = "; ".join(
            fact_sentence(
                graph.nodes[u]["label"],
                d["predicate"],
                d["modality"],
                graph.nodes[v]["label"],
                d.get("attributes"),
                lang,
            )
            for u, _, v, d in inferred
        )
        rows.append(
            _row(
                graph,
                doc=doc,
                sentence=(evidence["start"], evidence["text"]),
                time=time,
                granularity=time["granularity"],
                headline=headline,
                entity_ids=ids,
                facts=[edge_ref(u, k, v) for u, k, v, _ in inferred],
                inferred=True,
            )
        )
    rows.sort(key=lambda r: (r["start"], r["end"], r["doc"], r["_offset"], r["value"]))
    for n, row in enumerate(rows, start=1):
        row.pop("_offset")
        row["id"] = f"row{n}"
    return rows


def _row(
    graph: nx.MultiDiGraph,
    *,
    doc: str,
    sentence: tuple[int, str],
    time: dict[str, Any],
    granularity: str,
    headline: str,
    entity_ids: list[str],
    facts: list[str],
    inferred: bool,
    event: str | None = None,
) -> dict[str, Any]:
    ids = list(dict.fromkeys(i for i in entity_ids if i in graph))
    return {
        "id": "",
        "start": time["start"],
        "end": time["end"],
        "value": time["value"],
        "granularity": granularity,
        "headline": headline,
        "sentence": " ".join(sentence[1].split()),
        "entities": [graph.nodes[i]["label"] for i in ids],
        "entity_ids": ids,
        "doc": doc,
        "facts": sorted(set(facts)),
        "inferred": inferred,
        "event": event,
        "_offset": sentence[0],
    }
