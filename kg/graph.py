"""Build the single in-memory model, a networkx ``MultiDiGraph``, from extractions.

Why networkx: researchers already know it, and every export (RDF, HTML, tables, timeline)
reads this one graph, so they cannot disagree. The contract is in ``docs/internals.md``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from itertools import islice
from typing import Any

import networkx as nx

from kg.graph_events import ROLE_PREDICATES, event_summary, most_common, report, role_relations
from kg.model import PROVENANCE_FIELDS, Copy, Extraction, Relation, TimeValue
from kg.timex import bounds

__all__ = [
    "READING_ATTRIBUTES",
    "ROLE_PREDICATES",
    "build_graph",
    "document_info",
    "edge_ref",
    "event_summary",
    "find_entities",
    "focus",
    "neighbourhood",
    "reading",
    "role_relations",
    "shortest_path",
]

#: Tenses whose undated facts are placed at the document date (marked ``inferred``).
_INFER_TENSES = {"past", "present"}
#: Shortest paths compared when choosing one (a dense corpus can have thousands).
_MAX_PATHS = 1000
#: Attributes that describe how one sentence gave a fact (its trigger word and tense, who
#: said it and in which words), not which fact it is. The same pledge read in three sentences
#: is one edge whose evidence lists the three readings, each with these attributes.
READING_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "trigger",
        "tense",
        "reporting_verb",
        "source",
        "source_text",
        "source_inferred",
        "source_affiliation",
        "direct",
        "quote",
        "quote_start",
        "quote_end",
    }
)


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extractions into one graph keyed by canonical entity ids.

    The same fact read twice (same endpoints, predicate, modality, time and qualifiers)
    becomes one edge with two pieces of evidence; how each sentence gave it (trigger,
    tense, source, quote: :data:`READING_ATTRIBUTES`) is kept on its piece of evidence.
    Insertion order is sorted, so the graph, and every export of it, is the same for the
    same input.
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
                    "geo": None,
                    "aliases": set(),
                    "docs": set(),
                    "mentions": 0,
                },
            )
            acc["names"][ent.name] += max(1, len(ent.mentions))
            acc["types"][ent.type] += 1
            acc["wikidata"] = acc["wikidata"] or ent.wikidata
            acc["geo"] = acc["geo"] or ent.geo
            acc["aliases"].update(ent.aliases)
            acc["docs"].add(ext.id)
            acc["mentions"] += len(ent.mentions)
        times = {t.id: t for t in ext.times}
        for record in ext.events:
            if record.id in nodes:
                reports.setdefault(record.id, []).append(report(record, ext, times))
        for rel in (*ext.relations, *role_relations(ext.events, ext.relations)):
            if rel.subject not in nodes or rel.object not in nodes:
                continue
            time = _time(rel, times, ext)
            attributes = {
                k: v for k, v in sorted(rel.attributes.items()) if k not in READING_ATTRIBUTES
            }
            identity = (
                rel.subject,
                rel.object,
                rel.predicate,
                rel.modality,
                # An inferred date is a guess about the same fact, not a different fact.
                time["value"] if time and not time["inferred"] else None,
                json.dumps(attributes, sort_keys=True, ensure_ascii=False),
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
    _fold_undated(facts)
    graph = nx.MultiDiGraph(docs=docs)
    for key in sorted(nodes):
        acc = nodes[key]
        label = most_common(acc["names"])
        graph.add_node(
            key,
            label=label,
            type=most_common(acc["types"]),
            wikidata=acc["wikidata"],
            aliases=sorted(a for a in acc["aliases"] if a != label),
            docs=sorted(acc["docs"]),
            mentions=acc["mentions"],
            # Only places the city index settled carry a point (no empty attribute elsewhere).
            **({"geo": asdict(acc["geo"])} if acc["geo"] else {}),
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


def _fold_undated(facts: dict[tuple, dict[str, Any]]) -> None:
    """Merge a fact read without a stated time into the one dated reading of the same fact.

    "La Finlande a promis 300 blindés" dated in one sentence and repeated undated in two
    others is one pledge with three sources, not three edges. When the same fact carries
    two different stated times, the undated readings cannot be placed and stay apart.
    """
    dated: dict[tuple, list[tuple]] = {}
    for identity in facts:
        if identity[4] is not None:
            dated.setdefault(identity[:4] + identity[5:], []).append(identity)
    for identity in sorted(
        (i for i in facts if i[4] is None), key=lambda i: tuple(str(v) for v in i)
    ):
        targets = dated.get(identity[:4] + identity[5:], [])
        if len(targets) != 1:
            continue
        into = facts[targets[0]]
        for evidence in facts.pop(identity)["evidence"]:
            if evidence not in into["evidence"]:
                into["evidence"].append(evidence)


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


def _evidence(rel: Relation) -> dict[str, Any]:
    evidence: dict[str, Any] = {
        "start": rel.evidence.start,
        "end": rel.evidence.end,
        "text": rel.evidence.text,
    }
    read = {k: v for k, v in sorted(rel.attributes.items()) if k in READING_ATTRIBUTES}
    if read:
        evidence["attributes"] = read
    return evidence


def reading(data: dict[str, Any], evidence: dict[str, Any] | None) -> dict[str, Any]:
    """All attributes of one reading of a fact: the fact's own plus the sentence's."""
    return dict(
        sorted(
            {**(data.get("attributes") or {}), **((evidence or {}).get("attributes") or {})}.items()
        )
    )


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

    Of several shortest paths, the one with the fewest steps that no asserted fact makes
    (the page's path finder ranks the same way), then the first by ids: networkx alone
    answers by node order, which varies from run to run, so a stored notebook changed with
    the hash seed. Returns an empty list when they are not connected.
    """
    undirected = graph.to_undirected(as_view=True)

    def doubtful(a: str, b: str) -> bool:
        facts = undirected.get_edge_data(a, b, default={}).values()
        return all(d.get("modality", "asserted") != "asserted" for d in facts)

    try:
        paths = list(islice(nx.all_shortest_paths(undirected, source, target), _MAX_PATHS))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    return min(paths, key=lambda p: (sum(map(doubtful, p, p[1:])), [str(n) for n in p]))


def find_entities(graph: nx.MultiDiGraph, text: str, *, type: str | None = None) -> list[str]:
    """Ids of entities whose label or an alias contains ``text`` (case, accents ignored).

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
            # Names only: an id ("organization:coalition-...@a-44d4") holds words of other
            # entities' names and would bring agreements and events into a search.
            needle in _fold(str(name))
            for name in (d.get("label", ""), *d.get("aliases", ()))
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
