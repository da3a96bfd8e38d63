"""Flat tables of the graph: one row per entity, one row per fact (CSV, DataFrames, GraphML).

Why flat tables: spreadsheets, pandas and Gephi are where many researchers start; the rows
are the graph's own attributes, so nothing is recomputed or lost.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import networkx as nx

from kg.graph import reading

__all__ = [
    "DOCUMENT_FIELDS",
    "ENTITY_FIELDS",
    "RELATION_FIELDS",
    "csv_cell",
    "document_rows",
    "entity_rows",
    "graphml_text",
    "relation_rows",
    "rows_csv",
    "xml_safe",
]

ENTITY_FIELDS: tuple[str, ...] = (
    "id",
    "label",
    "type",
    "wikidata",
    "geonames",
    "lat",
    "lon",
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

#: One row per document: where its text came from (``documents.csv``, ``r.provenance``).
DOCUMENT_FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "url",
    "publisher",
    "publishers",
    "author",
    "date",
    "captured",
    "lang",
    "warc_record_id",
    "raw_sha256",
    "text_sha256",
    "copies",
)


def document_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per document, sorted by id: its provenance, apart from its facts.

    ``date`` is the publication date, ``captured`` when the page was saved; ``publishers``
    lists every outlet that published the text (copies read once, :mod:`kg.build.dedup`)
    and ``copies`` their ids.
    """
    rows: list[dict[str, Any]] = []
    for doc_id, info in sorted((graph.graph.get("docs") or {}).items()):
        info = info or {}
        copies = list(info.get("copies") or ())
        publishers = [info.get("publisher"), *(c.get("publisher") for c in copies)]
        rows.append(
            {
                "id": doc_id,
                "title": info.get("title"),
                "url": info.get("url"),
                "publisher": info.get("publisher"),
                "publishers": list(dict.fromkeys(p for p in publishers if p)),
                "author": info.get("author"),
                "date": info.get("date"),
                "captured": info.get("captured"),
                "lang": info.get("lang"),
                "warc_record_id": info.get("warc_record_id"),
                "raw_sha256": info.get("raw_sha256"),
                "text_sha256": info.get("text_sha256"),
                "copies": [c.get("id") for c in copies],
            }
        )
    return rows


def entity_rows(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per entity, lists kept as lists (join them for CSV)."""
    return [
        {
            "id": node,
            "label": data["label"],
            "type": data["type"],
            "wikidata": data.get("wikidata"),
            "geonames": (data.get("geo") or {}).get("geonames"),
            "lat": (data.get("geo") or {}).get("lat"),
            "lon": (data.get("geo") or {}).get("lon"),
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
        for ev in data["evidence"]:
            attrs = reading(data, ev)
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


#: A cell a spreadsheet would read as a formula (OWASP's list: = + - @, tab, carriage return).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell for ``value``: lists joined with ``; ``, None empty, formulas defused.

    Why: document ids and article sentences are free text; a cell such as
    ``=HYPERLINK(...)`` is a formula when a researcher opens the file in a spreadsheet.
    Text starting with a formula character gets a leading ``'`` (the usual prefix, which
    spreadsheets show as text); numbers stay numbers, and JSON and RDF keep the exact text.

    >>> csv_cell("=1+1"), csv_cell(["@a", "b"]), csv_cell(-3), csv_cell(None)
    ("'=1+1", "'@a; b", -3, '')
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def rows_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    """CSV text (see :func:`csv_cell`) with a header row."""
    # The csv module quotes a field only for the characters of its line terminator: with
    # "\r\n" a bare "\r" in a cell is quoted too; each row's terminator then becomes "\n".
    row_buf = io.StringIO()
    writer = csv.DictWriter(row_buf, fieldnames=fields, lineterminator="\r\n")
    lines: list[str] = []
    for row in [None, *rows]:
        row_buf.seek(0)
        row_buf.truncate()
        if row is None:
            writer.writeheader()
        else:
            writer.writerow({k: csv_cell(v) for k, v in row.items()})
        lines.append(row_buf.getvalue()[:-2] + "\n")
    return "".join(lines)


def graphml_text(graph: nx.MultiDiGraph) -> str:
    """GraphML for Gephi/yEd: nested attributes flattened to strings (GraphML has no lists).

    Every string (ids, keys, values) is made XML-safe (:func:`xml_safe`), so strict XML
    readers (networkx, Gephi) accept the file whatever the articles held.
    """
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(xml_safe(node), **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        time = data.get("time") or {}
        flat.add_edge(
            xml_safe(u),
            xml_safe(v),
            key=xml_safe(key),
            predicate=data["predicate"],
            modality=data["modality"],
            time=xml_safe(time.get("value") or ""),
            attributes=_scalar(reading(data, data["evidence"][0] if data["evidence"] else None)),
            sentence=(
                xml_safe(" ".join(data["evidence"][0]["text"].split())) if data["evidence"] else ""
            ),
        )
    return "\n".join(nx.generate_graphml(flat)) + "\n"


#: Characters XML 1.0 cannot hold, even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: Any) -> Any:
    r"""``value`` with characters XML 1.0 forbids (ESC, NUL, lone surrogates…) written ``\uXXXX``.

    >>> xml_safe("a\x1bb"), xml_safe(3)
    ('a\\u001bb', 3)
    """
    if not isinstance(value, str):
        return value
    return _NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", value)


def _scalar(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return xml_safe("; ".join(map(str, value)))
    return xml_safe(json.dumps(value, ensure_ascii=False, sort_keys=True))
