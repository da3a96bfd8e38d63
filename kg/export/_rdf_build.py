"""Graph -> pyoxigraph quads: the fast core behind :mod:`kg.export.rdf`.

Why N-Triples text and not rdflib or pyoxigraph objects: kg's IRIs are percent-encoded by
construction, so each triple is one f-string of pre-formatted terms, several times cheaper than
building term objects; pyoxigraph then parses that text in Rust for Turtle/TriG and stores
(rdflib's writer would take minutes per million triples, FIELD-NOTES). Why
one named graph per document, each self-contained (the entities it mentions, the direct
triples and statement nodes it supports, its time expressions): a store can then replace one
article by replacing one graph without touching what other articles said.
"""

from __future__ import annotations

import gc
import json
from typing import Any

import networkx as nx
from pyoxigraph import NamedNode

from kg.errors import ExportError
from kg.export._rdf_events import event_triples
from kg.export._rdf_provenance import provenance_triples
from kg.export._rdf_terms import (
    ALT,
    LABEL,
    LANG_TAG,
    SAME,
    TYPE,
    XSD_BOOL,
    XSD_INT,
    K,
    Triple,
    date_literal,
    doc_iri,
    entity_iri,
    escape,
    geo_triples,
    iri_key,
    make_literal,
    nn,
    number_literal,
    stable_digest,
    text_literal,
)
from kg.export._rdf_time import time_triples
from kg.graph import reading
from kg.model import ENTITY_TYPES, MODALITIES
from kg.vocab import DEFAULT_BASE, RELATION_PROPERTIES, WD

__all__ = ["ENTITY_CLASSES", "build_lines", "build_merged"]

#: Node types written as their own class (``kg:Person``); any other type is a plain
#: ``kg:Entity`` with the type kept in ``kg:otherAttributes``.
ENTITY_CLASSES: frozenset[str] = frozenset(ENTITY_TYPES)

#: Attributes with a dedicated property and the Python type it holds.
_STRING_ATTRIBUTES = ("item", "portfolio", "trigger")
#: Attribution (docs/decisions/0005-attribution.md): attribute -> statement property.
_ENTITY_ATTRIBUTES = {"source": "attributedTo", "source_affiliation": "sourceAffiliation"}
_TEXT_ATTRIBUTES = {
    "source_text": "sourceText",
    "reporting_verb": "reportingVerb",
    "quote": "quote",
}
_INT_ATTRIBUTES = {"quote_start": "quoteStart", "quote_end": "quoteEnd"}

_STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = K.Statement, K.subject, K.predicate, K.object
_MODALITY, _TIME, _TIME_INFERRED = K.modality, K.time, K.timeInferred
_SOURCE, _EVIDENCE, _START, _END = K.sourceDocument, K.evidenceText, K.startOffset, K.endOffset
_TRUE, _FALSE = f'"true"^^{XSD_BOOL}', f'"false"^^{XSD_BOOL}'
#: Node attributes with a dedicated property; the others go to ``kg:otherAttributes``.
_NODE_FIELDS = frozenset(
    {"label", "type", "wikidata", "geo", "aliases", "docs", "mentions", "event"}
)


class _Builder:
    """Accumulates triples per graph, without duplicates, in a deterministic order.

    Hot path (millions of calls): terms are cached strings and triples plain tuples, so a
    triple costs one tuple and one ``append``; literal and JSON helpers are bound once.
    """

    def __init__(self, graph: nx.MultiDiGraph, base: str, *, merge: bool = False) -> None:
        if not isinstance(graph, nx.MultiDiGraph):
            raise ExportError(
                f"to_rdf expects a networkx.MultiDiGraph, got {type(graph).__name__}; "
                "build it with kg.graph.build_graph(extractions)"
            )
        if not base.endswith(("/", "#")):
            base += "/"
        try:
            NamedNode(base)
        except ValueError as e:
            raise ExportError(
                f"base {base!r} is not an absolute IRI; pass e.g. {DEFAULT_BASE}"
            ) from e
        self.g = graph
        self.base = base
        #: one bucket (key None) holding the union of every graph's triples, once each
        self.merge = merge
        self._statement_prefix = f"<{base}statement/"
        self._time_prefix = f"<{base}time/"
        self.docs: dict[str, dict[str, Any]] = dict(graph.graph.get("docs") or {})
        self.out: dict[str | None, list[Triple]] = {}
        self.seen_time: dict[str | None, set[str]] = {}
        self.seen_direct: dict[str | None, set[tuple[str, str, str]]] = {}
        self.seen_statement: set[str] = set()
        self.typed_docs: set[str] = set()
        self._ent: dict[str, str] = {}
        self._doc: dict[str, str] = {}
        self._lang: dict[str | None, str] = {}
        self._ints: dict[int, str] = {}
        self._dates: dict[str, str] = {}

    # -- terms ------------------------------------------------------------------------------
    def ent(self, key: str) -> str:
        node = self._ent.get(key)
        if node is None:
            node = self._ent[key] = nn(entity_iri(str(key), self.base))
        return node

    def doc(self, doc_id: str) -> str:
        node = self._doc.get(doc_id)
        if node is None:
            node = self._doc[doc_id] = nn(doc_iri(str(doc_id), self.base))
        return node

    def lang(self, doc_id: str | None) -> str:
        lang = self._lang.get(doc_id)
        if lang is None:
            info = self.docs.get(doc_id) if doc_id is not None else None
            lang = self._lang[doc_id] = (info or {}).get("lang") or "fr"
        return lang

    def integer(self, value: int) -> str:
        """``"n"^^xsd:integer`` (cached: offsets and counts repeat); bools stay ``"True"``."""
        if type(value) is not int:
            return make_literal(str(value), datatype=XSD_INT)
        lit = self._ints.get(value)
        if lit is None:
            lit = self._ints[value] = make_literal(str(value), datatype=XSD_INT)
        return lit

    def date(self, value: Any) -> str | None:
        lit = self._dates.get(value) if isinstance(value, str) else None
        if lit is None:
            lit = date_literal(value)
            if lit is not None:
                self._dates[value] = lit
        return lit

    def quads(self, doc_id: str | None) -> list[Triple]:
        if self.merge:
            doc_id = None
        bucket = self.out.get(doc_id)
        if bucket is None:
            bucket = self.out[doc_id] = []
        return bucket

    # -- parts ------------------------------------------------------------------------------
    def documents(self) -> None:
        for doc_id in sorted(self.docs, key=str):
            info = self.docs[doc_id] or {}
            node = self.doc(doc_id)
            out = self.quads(doc_id)
            out.append((node, TYPE, K.Document))
            date = info.get("date")
            if date is not None:
                lit = date_literal(date) or make_literal(str(date))
                out.append((node, K.publicationDate, lit))
            if info.get("lang"):
                out.append((node, K.language, make_literal(str(info["lang"]))))
            out.extend(provenance_triples(node, str(doc_id), info, self.base, self.lang(doc_id)))

    def entities(self) -> None:
        for key in sorted(self.g.nodes, key=str):
            data = self.g.nodes[key]
            docs = [d for d in data.get("docs") or () if d is not None]
            if self.merge:
                docs = list(dict.fromkeys(docs))
            self._entity(key, data, docs or [None])

    def _entity(self, key: str, data: dict[str, Any], docs: list[str | None]) -> None:
        """The entity's description, repeated in the graph of every document in ``docs``."""
        node = self.ent(key)
        type_ = data.get("type")
        extras = {k: v for k, v in data.items() if k not in _NODE_FIELDS}
        if type_ in ENTITY_CLASSES:
            type_triple = (node, TYPE, getattr(K, type_))
        else:
            type_triple = (node, TYPE, K.Entity)
            extras["type"] = type_
        label = data.get("label")
        label_text = None if label is None else escape(str(label))
        alias_texts = [escape(str(alias)) for alias in data.get("aliases") or ()]
        tail: list[Triple] = []
        if data.get("wikidata"):
            tail.append((node, SAME, nn(str(WD) + iri_key(str(data["wikidata"])))))
        if data.get("geo"):
            tail.extend(geo_triples(node, data["geo"]))
        mentions = data.get("mentions")
        if isinstance(mentions, int) and not isinstance(mentions, bool):
            tail.append((node, K.mentionCount, self.integer(mentions)))
        if data.get("event"):
            tail.extend(
                event_triples(self.g, key, node, self.ent, self.integer, self.lang(docs[0]))
            )
        other = (
            (node, K.otherAttributes, make_literal(json.dumps(extras, sort_keys=True)))
            if extras
            else None
        )
        heads: dict[str, list[Triple]] = {}  # language tag -> the triples before mentionedIn
        for doc_id in docs:
            lang = self.lang(doc_id)
            suffix = f"@{lang}" if lang and LANG_TAG.match(lang) else ""
            head = heads.get(suffix)
            out = self.quads(doc_id)
            if head is None:  # label and aliases depend on the document's language only
                words: list[Triple] = []
                if label_text is not None:
                    words.append((node, LABEL, f'"{label_text}"{suffix}'))
                words.extend((node, ALT, f'"{text}"{suffix}') for text in alias_texts)
                # merged: type, sameAs and count once, the labels once per language
                out.extend(words if self.merge and heads else [type_triple, *words, *tail])
                head = heads[suffix] = [type_triple, *words, *tail]
            elif not self.merge:
                out.extend(head)
            if doc_id is not None:
                doc = self.doc(doc_id)
                out.append((node, K.mentionedIn, doc))
                if doc_id not in self.docs and doc_id not in self.typed_docs:
                    self.typed_docs.add(doc_id)  # evidence-only document: still a kg:Document
                    out.append((doc, TYPE, K.Document))
            if other is not None and not self.merge:
                out.append(other)
        if other is not None and self.merge:
            self.out[None].append(other)

    def edges(self) -> None:
        edges = sorted(
            self.g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))
        )
        for u, v, key, data in edges:
            predicate = data.get("predicate") or str(key).split("~", 1)[0]
            if predicate not in RELATION_PROPERTIES:
                raise ExportError(
                    f"edge {u} -[{key}]-> {v} uses predicate {predicate!r}, which ontology/kg.ttl "
                    "does not declare; add it to the ontology and kg/vocab.py or fix the extractor"
                )
            modality = data.get("modality") or "asserted"
            if modality not in MODALITIES:
                raise ExportError(
                    f"edge {u} -[{key}]-> {v} has modality {modality!r}; use one of "
                    f"{', '.join(MODALITIES)}"
                )
            evidence = list(data.get("evidence") or ())
            for ev in evidence or [None]:
                self._statement(u, v, str(key), predicate, modality, data, ev)

    def _statement(
        self,
        u: str,
        v: str,
        key: str,
        predicate: str,
        modality: str,
        data: dict[str, Any],
        ev: dict[str, Any] | None,
    ) -> None:
        doc_id = ev.get("doc") if ev else None
        out = self.quads(doc_id)
        append = out.append
        subj, obj, prop = self.ent(u), self.ent(v), getattr(K, predicate)
        if modality != "negated":  # a denied fact must not be asserted as a direct triple
            graph = None if self.merge else doc_id
            seen = self.seen_direct.get(graph)
            if seen is None:
                seen = self.seen_direct[graph] = set()
            if (u, predicate, v) not in seen:
                seen.add((u, predicate, v))
                append((subj, prop, obj))
        time = data.get("time")
        attributes = reading(data, ev)
        digest = stable_digest([u, predicate, v, modality, time, attributes, ev])
        if digest in self.seen_statement:  # same fact under two edge keys: keep both apart
            digest = stable_digest([digest, key])
        self.seen_statement.add(digest)
        st = f"{self._statement_prefix}{digest}>"
        append((st, TYPE, _STATEMENT))
        append((st, _SUBJECT, subj))
        append((st, _PREDICATE, prop))
        append((st, _OBJECT, obj))
        append((st, _MODALITY, getattr(K, modality)))
        if key != predicate:
            append((st, K.edgeKey, make_literal(key)))
        extras: dict[str, Any] = {}
        for name, value in sorted(attributes.items()):
            if name == "quantity" and (lit := number_literal(value)) is not None:
                append((st, K.quantity, lit))
            elif name in _STRING_ATTRIBUTES and isinstance(value, str):
                append((st, getattr(K, name), f'"{escape(value)}"'))
            elif name in _ENTITY_ATTRIBUTES and isinstance(value, str):
                append((st, getattr(K, _ENTITY_ATTRIBUTES[name]), self.ent(value)))
            elif name in _TEXT_ATTRIBUTES and isinstance(value, str):
                append((st, getattr(K, _TEXT_ATTRIBUTES[name]), f'"{escape(value)}"'))
            elif name in _INT_ATTRIBUTES and type(value) is int:
                append((st, getattr(K, _INT_ATTRIBUTES[name]), self.integer(value)))
            elif name == "direct" and isinstance(value, bool):
                append((st, K.directSpeech, _TRUE if value else _FALSE))
            else:
                extras[name] = value
        if extras:
            text = json.dumps(extras, sort_keys=True, ensure_ascii=False, default=str)
            append((st, K.otherAttributes, make_literal(text)))
        time_quads: list[Triple] = []
        if time:
            append((st, _TIME, self._time(time, doc_id, time_quads)))
            if time.get("inferred") is not None:
                append((st, _TIME_INFERRED, _TRUE if time["inferred"] else _FALSE))
        if ev:
            doc = self.doc(doc_id)
            append((st, _SOURCE, doc))
            if doc_id not in self.docs and doc_id not in self.typed_docs:
                self.typed_docs.add(doc_id)
                append((doc, TYPE, K.Document))
            append((st, _EVIDENCE, text_literal(str(ev.get("text", "")), self.lang(doc_id))))
            start, end = ev.get("start"), ev.get("end")
            if isinstance(start, int):
                append((st, _START, self.integer(start)))
            if isinstance(end, int):
                append((st, _END, self.integer(end)))
        if time_quads:
            out.extend(time_quads)  # after the statement so Turtle groups each subject once

    def _time(self, time: dict[str, Any], doc_id: str | None, out: list[Triple]) -> str:
        fields = {k: time.get(k) for k in ("value", "start", "end", "granularity", "text")}
        node = f"{self._time_prefix}{stable_digest(fields)}>"
        graph = None if self.merge else doc_id
        seen = self.seen_time.get(graph)
        if seen is None:
            seen = self.seen_time[graph] = set()
        if node in seen:
            return node
        seen.add(node)
        out.extend(time_triples(node, fields, self.date))
        return node

    def result(self) -> dict[str | None, list[Triple]]:
        order = sorted(self.out, key=lambda d: (d is not None, str(d)))
        return {doc_id: self.out[doc_id] for doc_id in order}


def build_lines(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> dict[str | None, list[Triple]]:
    """Return ``{doc id or None: [("<s>", "<p>", "<o>"), ...]}`` for ``graph``, deterministic.

    Terms are in N-Triples form (also valid Turtle). The triples of a statement or time
    node are contiguous; an entity's come first, its direct triples later.

    The default graph (entities and facts without a source document) comes first, then one
    graph per document sorted by document id.
    """
    return _run(_Builder(graph, base)).result()


def build_merged(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> list[Triple]:
    """The union of :func:`build_lines`' graphs, each triple once, built directly.

    Cheaper than de-duplicating :func:`build_lines` (entity descriptions, direct triples and
    times are written once instead of once per document) and groups each entity's
    ``kg:mentionedIn`` documents; for Turtle and N-Triples without graphs.
    """
    return _run(_Builder(graph, base, merge=True)).out.get(None, [])


def _run(builder: _Builder) -> _Builder:
    """Fill ``builder`` with documents, entities and edges, the cyclic GC paused.

    Millions of small strings make the cyclic GC rescan the heap again and again; none of
    them can form a cycle, so pausing it is safe and roughly halves the build time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        builder.documents()
        builder.entities()
        builder.edges()
    finally:
        if was_enabled:
            gc.enable()
    return builder
