"""Flat tables of the graph: one row per entity, one row per fact (CSV, DataFrames, GraphML).

Why flat tables: spreadsheets, pandas and Gephi are where many researchers start; the rows
are the graph's own attributes, so nothing is recomputed or lost.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import networkx as nx

__all__ = [
    "ENTITY_FIELDS",
    "RELATION_FIELDS",
    "entity_rows",
    "graphml_text",
    "relation_rows",
    "rows_csv",
]

ENTITY_FIELDS: tuple[str, ...] = (
    "id",
    "label",
    "type",
    "wikidata",
    "aliases",
    "docs",
    "mentions",
    "degree",
)
RELATION_FIELDS: tuple[str, ...] = (
    "subject",
    "subject_label",
    "predicate",
    "object",
    "object_label",
    "modality",
    "time_value",
    "time_start",
    "time_end",
    "time_inferred",
    "quantity",
    "item",
    "portfolio",
    "attributes",
    "doc",
    "sentence",
    "start",
    "end",
    "key",
)


def entity_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per entity, lists kept as lists (join them for CSV)."""
    return [
        {
            "id": node,
            "label": data["label"],
            "type": data["type"],
            "wikidata": data.get("wikidata"),
            "aliases": list(data.get("aliases", ())),
            "docs": list(data.get("docs", ())),
            "mentions": data.get("mentions", 0),
            "degree": graph.degree(node),
        }
        for node, data in graph.nodes(data=True)
    ]


def relation_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per fact and piece of evidence (a fact read twice gives two rows)."""
    rows: list[dict[str, Any]] = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        time = data.get("time") or {}
        attrs = data.get("attributes", {})
        for ev in data["evidence"]:
            rows.append(
                {
                    "subject": u,
                    "subject_label": graph.nodes[u]["label"],
                    "predicate": data["predicate"],
                    "object": v,
                    "object_label": graph.nodes[v]["label"],
                    "modality": data["modality"],
                    "time_value": time.get("value"),
                    "time_start": time.get("start"),
                    "time_end": time.get("end"),
                    "time_inferred": time.get("inferred"),
                    "quantity": attrs.get("quantity"),
                    "item": attrs.get("item"),
                    "portfolio": attrs.get("portfolio"),
                    "attributes": json.dumps(attrs, ensure_ascii=False, sort_keys=True),
                    "doc": ev["doc"],
                    "sentence": " ".join(ev["text"].split()),
                    "start": ev["start"],
                    "end": ev["end"],
                    "key": key,
                }
            )
    return rows


def rows_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    """CSV text (lists joined with ``; ``, None as empty) with a header row."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: "; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                for k, v in row.items()
            }
        )
    return buf.getvalue()


def graphml_text(graph: nx.MultiDiGraph) -> str:
    """GraphML for Gephi/yEd: nested attributes flattened to strings (GraphML has no lists)."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        time = data.get("time") or {}
        flat.add_edge(
            u,
            v,
            key=key,
            predicate=data["predicate"],
            modality=data["modality"],
            time=time.get("value") or "",
            attributes=_scalar(data.get("attributes", {})),
            sentence=" ".join(data["evidence"][0]["text"].split()) if data["evidence"] else "",
        )
    return "\n".join(nx.generate_graphml(flat)) + "\n"


def _scalar(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
