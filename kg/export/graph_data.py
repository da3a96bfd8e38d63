"""What the graph page knows besides vis-network's nodes and edges: types, modalities,
facts and the timeline, as one JSON payload that graph.js reads.

Why apart from the page (:mod:`kg.export.html`): the payload is the page's data contract
(checked by the browser tests), and the styles are the one place a type gets its look.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from kg.export.page import asset
from kg.export.sources import sources
from kg.lang.i18n import month_names, script_strings, ui_strings
from kg.model import ENTITY_TYPES, MODALITIES

__all__ = [
    "OTHER_STYLE",
    "TYPE_STYLES",
    "UNCERTAIN_MODALITIES",
    "edge_id",
    "fact_text",
    "graph_payload",
    "modality_labels",
]

#: Colour (Okabe-Ito, readable by colour-blind readers) and vis-network shape per type, in
#: the order of :data:`kg.model.ENTITY_TYPES`: a type declared there without a style here
#: fails at import, so the page can never draw a declared type as "other".
TYPE_STYLES: dict[str, tuple[str, str]] = dict(
    zip(
        ENTITY_TYPES,
        (
            ("#E69F00", "dot"),  # Person
            ("#0072B2", "square"),  # Organization
            ("#009E73", "diamond"),  # Country
            ("#CC79A7", "triangle"),  # Place
            ("#D55E00", "star"),  # Event
            ("#56B4E9", "triangle"),  # Agreement
        ),
        strict=True,
    )
)
OTHER_STYLE = ("#8C8C8C", "hexagon")

#: Modalities drawn dashed: the fact is not (yet) established.
UNCERTAIN_MODALITIES: frozenset[str] = frozenset(
    {"expected", "planned", "pending", "possible", "reported"}
)


def modality_labels(lang: str) -> dict[str, str]:
    """What readers see for each modality, in :data:`kg.model.MODALITIES` order."""
    ui = ui_strings(lang)
    return {m: ui[f"modality.{m}"] for m in MODALITIES}


def edge_id(u: Hashable, key: Hashable, v: Hashable) -> str:
    """The ``subject|key|object`` reference timeline rows use for facts."""
    return f"{u}|{key}|{v}"


def fact_text(data: Mapping[str, Any]) -> dict[str, Any]:
    """Date, attributes and evidence of one edge, flattened for tooltips and JSON."""
    time = data.get("time") or {}
    evidence = [
        {"doc": str(ev.get("doc", "")), "text": str(ev.get("text", ""))}
        for ev in data.get("evidence") or ()
    ]
    attributes = {
        str(k): v if isinstance(v, int | float | bool) else str(v)
        for k, v in sorted((data.get("attributes") or {}).items())
    }
    return {
        "value": time.get("value"),
        "start": time.get("start"),
        "end": time.get("end"),
        "granularity": time.get("granularity"),
        "inferred": bool(time.get("inferred")),
        "evidence": evidence,
        "attributes": attributes,
    }


def graph_payload(
    graph: Any,
    nodes: list[Hashable],
    edges: list[tuple[Hashable, Hashable, Hashable, Mapping[str, Any]]],
    degree: Mapping[Hashable, int],
    timeline: Sequence[Mapping[str, Any]] | None,
    lang: str,
) -> dict[str, Any]:
    """Everything graph.js needs that vis-network's data sets do not carry."""
    node_rows = []
    for n in nodes:
        data = graph.nodes[n]
        node_rows.append(
            {
                "id": str(n),
                "label": str(data.get("label") or n),
                "type": str(data.get("type") or "Other"),
                "wikidata": data.get("wikidata"),
                "aliases": [str(a) for a in data.get("aliases") or ()],
                "docs": [str(d) for d in data.get("docs") or ()],
                "degree": degree[n],
            }
        )
    edge_rows = []
    for u, v, k, data in edges:
        row = {
            "id": edge_id(u, k, v),
            "from": str(u),
            "to": str(v),
            "predicate": str(data.get("predicate") or str(k).split("~")[0]),
            "modality": str(data.get("modality") or "asserted"),
        }
        row.update(fact_text(data))
        edge_rows.append(row)
    edge_ids = {e["id"] for e in edge_rows}
    rows = []
    for row in timeline or ():
        rows.append(
            {
                "id": str(row.get("id", len(rows))),
                "value": row.get("value"),
                "start": row.get("start"),
                "end": row.get("end"),
                "granularity": row.get("granularity"),
                "headline": str(row.get("headline") or ""),
                "sentence": str(row.get("sentence") or ""),
                "entities": [str(e) for e in row.get("entities") or ()],
                "doc": str(row.get("doc") or ""),
                "inferred": bool(row.get("inferred")),
                "facts": [str(f) for f in row.get("facts") or () if str(f) in edge_ids],
            }
        )
    # Stable sort: rows arrive ordered by (start, doc, sentence offset); keep that order.
    rows.sort(key=lambda r: r["start"] or "9999")
    types = sorted({r["type"] for r in node_rows}, key=lambda t: (t not in TYPE_STYLES, t))
    labels = modality_labels(lang)
    return {
        "docs": sources(graph) if hasattr(graph, "graph") else {},
        "nodes": node_rows,
        "edges": edge_rows,
        "timeline": rows,
        "types": types,
        "styles": {t: list(TYPE_STYLES.get(t, OTHER_STYLE)) for t in types},
        "predicates": sorted({e["predicate"] for e in edge_rows}),
        "modalities": sorted(
            {e["modality"] for e in edge_rows},
            key=lambda m: (MODALITIES.index(m) if m in MODALITIES else 99, m),
        ),
        "modalityLabels": labels,
        "uncertain": sorted(UNCERTAIN_MODALITIES),
        "i18n": script_strings(lang, asset("graph.js")),
        "months": list(month_names(lang)),
    }
