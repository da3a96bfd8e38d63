"""What the graph page knows besides vis-network's nodes and edges: types, modalities,
facts and the timeline, as one JSON payload that graph.js reads.

Why apart from the page (:mod:`kg.export.html`): the payload is the page's data contract
(checked by the browser tests), and the styles are the one place a type gets its look.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from kg.export.page import asset
from kg.export.sources import short_title, sources
from kg.lang.i18n import month_names, script_strings, ui_strings
from kg.lang.terms import fact_sentence, term_label, verb_phrase, when_words
from kg.model import ENTITY_TYPES, MODALITIES

__all__ = [
    "OTHER_STYLE",
    "PATH_COST",
    "SHOWN_ATTRIBUTES",
    "TYPE_STYLES",
    "UNCERTAIN_MODALITIES",
    "edge_id",
    "fact_text",
    "graph_payload",
    "modality_labels",
    "reading_details",
    "type_label",
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


#: Qualifiers a reader is shown beside a fact (by their ontology label). Everything else
#: (tense, offsets, the reporting verb, flags) is how kg read the sentence: it stays in the
#: exports (CSV, RDF, JSON) and out of the page. Quantity and item are in the verb phrase.
SHOWN_ATTRIBUTES: tuple[str, ...] = ("portfolio", "quantity_qualifier")
#: Who a reading is attributed to: an entity id (shown by its name) or the words as written.
_SOURCE_ENTITY, _SOURCE_TEXT, _AFFILIATION, _QUOTE = (
    "source",
    "source_text",
    "source_affiliation",
    "quote",
)


#: What a fact costs a path on top of its one step: the less certain, the dearer, so the
#: path finder prefers three asserted facts to one expected one. A denied fact ("n'a pas
#: rejoint") connects nothing and is used only when there is no other way.
PATH_COST: dict[str, float] = {
    "asserted": 0.0,
    "reported": 0.5,
    "planned": 1.5,
    "expected": 2.0,
    "pending": 2.0,
    "possible": 2.5,
    "negated": 20.0,
}


def modality_labels(lang: str) -> dict[str, str]:
    """What readers see for each modality (ontology labels), in MODALITIES order."""
    return {m: term_label(m, lang) for m in MODALITIES}


def type_label(kind: str, lang: str) -> str:
    """A type's name for readers; a type the ontology does not declare reads as "other"."""
    label = term_label(kind, lang)
    return label if label != kind or kind in ENTITY_TYPES else ui_strings(lang)["common.other_type"]


def _name(graph: Any, node: Any) -> str:
    """An entity's name; an id the graph does not hold is not shown (it would be a code)."""
    if node in graph:
        return str(graph.nodes[node].get("label") or "")
    return ""


def reading_details(graph: Any, attributes: Mapping[str, Any], lang: str) -> list[list[str]]:
    """The ``[label, value]`` pairs a reader sees for one reading of a fact.

    Who said it by name (the entity, else the words the article used), their affiliation
    by name, and the quoted words; never an id, an offset or a flag.
    """
    pairs: list[list[str]] = []
    who = _name(graph, attributes.get(_SOURCE_ENTITY)) or str(attributes.get(_SOURCE_TEXT) or "")
    if who:
        pairs.append([term_label("attributedTo", lang), who])
    affiliation = _name(graph, attributes.get(_AFFILIATION))
    if affiliation and affiliation != who:
        pairs.append([term_label(_AFFILIATION, lang), affiliation])
    if attributes.get(_QUOTE):
        pairs.append([term_label(_QUOTE, lang), " ".join(str(attributes[_QUOTE]).split())])
    return pairs


def edge_id(u: Hashable, key: Hashable, v: Hashable) -> str:
    """The ``subject|key|object`` reference timeline rows use for facts."""
    return f"{u}|{key}|{v}"


def fact_text(
    data: Mapping[str, Any], graph: Any = None, lang: str | None = None
) -> dict[str, Any]:
    """Date, attributes and evidence of one edge, flattened for tooltips and JSON.

    With a ``lang``, each piece of evidence also carries what a reader is shown about it
    (``details``: who said it, the quote) and the fact its date in words (``when``).
    """
    time = data.get("time") or {}
    evidence = []
    for ev in data.get("evidence") or ():
        row: dict[str, Any] = {"doc": str(ev.get("doc", "")), "text": str(ev.get("text", ""))}
        if lang is not None:
            reading = {**(data.get("attributes") or {}), **(ev.get("attributes") or {})}
            row["details"] = reading_details(graph if graph is not None else {}, reading, lang)
        evidence.append(row)
    attributes = {
        str(k): v if isinstance(v, int | float | bool) else str(v)
        for k, v in sorted((data.get("attributes") or {}).items())
    }
    out = {
        "value": time.get("value"),
        "start": time.get("start"),
        "end": time.get("end"),
        "granularity": time.get("granularity"),
        "inferred": bool(time.get("inferred")),
        "evidence": evidence,
        "attributes": attributes,
    }
    if lang is not None:
        out["when"] = when_words(time, lang) if time else ""
    return out


def graph_payload(
    graph: Any,
    nodes: list[Hashable],
    edges: list[tuple[Hashable, Hashable, Hashable, Mapping[str, Any]]],
    degree: Mapping[Hashable, int],
    timeline: Sequence[Mapping[str, Any]] | None,
    lang: str,
    *,
    groups: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """Everything graph.js needs that vis-network's data sets do not carry.

    ``groups`` are the communities (:func:`kg.export.communities.community_groups`).
    """
    member_of = {m: i for i, g in enumerate(groups) for m in g["members"]}
    node_rows = []
    for n in nodes:
        data = graph.nodes[n]
        node_rows.append(
            {
                "id": str(n),
                "label": str(data.get("label") or n),
                "type": str(data.get("type") or "Other"),
                "typeLabel": type_label(str(data.get("type") or "Other"), lang),
                "wikidata": data.get("wikidata"),
                "aliases": [str(a) for a in data.get("aliases") or ()],
                "docs": [str(d) for d in data.get("docs") or ()],
                "degree": degree[n],
                "community": member_of.get(str(n)),
            }
        )
    edge_rows = []
    for u, v, k, data in edges:
        predicate = str(data.get("predicate") or str(k).split("~")[0])
        modality = str(data.get("modality") or "asserted")
        attrs = data.get("attributes") or {}
        row = {
            "id": edge_id(u, k, v),
            "from": str(u),
            "to": str(v),
            "predicate": predicate,
            "modality": modality,
            "verb": verb_phrase(predicate, modality, attrs, lang),
            "sentence": fact_sentence(
                _name(graph, u), predicate, modality, _name(graph, v), attrs, lang
            ),
            "details": [
                [term_label(name, lang), str(attrs[name])]
                for name in SHOWN_ATTRIBUTES
                if attrs.get(name) not in (None, "")
            ],
        }
        row.update(fact_text(data, graph, lang))
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
                "when": when_words(row, lang) if row.get("start") else "",
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
    docs = dict((graph.graph.get("docs") if hasattr(graph, "graph") else None) or {})
    outlets = {d: s["publishers"] for d, s in sources(graph).items()} if docs else {}
    cited = sorted(
        {ev["doc"] for e in edge_rows for ev in e["evidence"]} | {r["doc"] for r in rows}
    )
    return {
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
        "typeLabels": {t: type_label(t, lang) for t in types},
        "predicateLabels": {e["predicate"]: term_label(e["predicate"], lang) for e in edge_rows},
        # Cited documents: title (else id), a safe link, the outlets that published the text.
        "docs": {
            d: {**_doc_card(d, docs.get(d) or {}), "publishers": outlets.get(d, [])} for d in cited
        },
        "communities": [
            {"name": g["name"], "color": g["color"], "members": list(g["members"])} for g in groups
        ],
        "uncertain": sorted(UNCERTAIN_MODALITIES),
        "pathCost": PATH_COST,
        "i18n": script_strings(lang, asset("graph.js")),
        "months": list(month_names(lang)),
    }


def _doc_card(doc: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    """How a source is shown: its title (else its id) and, when it has one, a web link.

    Only ``http(s)`` addresses become links: a ``javascript:`` URL from a feed must not.
    """
    url = str(meta.get("url") or "")
    whole = " ".join(str(meta.get("title") or doc).split())
    return {
        "title": short_title(whole),
        "fullTitle": whole,
        "url": url if url.startswith(("http://", "https://")) else None,
        "date": meta.get("date"),
    }
