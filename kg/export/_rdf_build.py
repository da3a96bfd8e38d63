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
import hashlib
import json
import re
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import networkx as nx
from pyoxigraph import NamedNode

from kg.errors import ExportError
from kg.model import MODALITIES
from kg.vocab import KG_NS, OWL, RDF, RDFS, RELATION_PROPERTIES, SKOS, TIME, WD, XSD

__all__ = [
    "DEFAULT_BASE",
    "ENTITY_TYPES",
    "build_lines",
    "doc_iri",
    "entity_iri",
    "iri_key",
    "nquads",
    "ntriples",
]

#: Base of the IRIs kg mints for entities, statements, documents and times.
DEFAULT_BASE = "https://w3id.org/kg-news/"

#: Graph node ``type`` -> ontology class local name (all of them are kg classes).
ENTITY_TYPES: frozenset[str] = frozenset({"Person", "Organization", "Country", "Place", "Event"})

#: Attributes with a dedicated property and the Python type it holds.
_STRING_ATTRIBUTES = ("item", "portfolio", "trigger")

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
#: Characters kept as-is in IRI path segments besides unreserved ones: ':' keeps
#: ``person:grant-schapps`` readable; everything else is percent-encoded (UTF-8).
_SAFE = ":"


_LANG_TAG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nn(iri: str) -> str:
    """An IRI in N-Triples form (kg only writes IRIs it percent-encoded or validated)."""
    return f"<{iri}>"


def _lit(value: str, datatype: str | None = None, language: str | None = None) -> str:
    """A literal in N-Triples form (canonical escapes only)."""
    text = '"' + value.translate(_ESCAPES) + '"'
    if language and _LANG_TAG.match(language):
        return f"{text}@{language}"
    return f"{text}^^{datatype}" if datatype else text


def _t(s: str, p: str, o: str, g: str | None) -> str:
    """A triple line without its graph; the builder files it under its graph."""
    return f"{s} {p} {o}"


_TYPE = _nn(str(RDF.type))
_LABEL = _nn(str(RDFS.label))
_ALT = _nn(str(SKOS.altLabel))
_SAME = _nn(str(OWL.sameAs))
_XSD_INT = _nn(str(XSD.integer))
_XSD_DEC = _nn(str(XSD.decimal))
_XSD_BOOL = _nn(str(XSD.boolean))
_XSD_DATE = _nn(str(XSD.date))
_XSD_GYM = _nn(str(XSD.gYearMonth))
_XSD_GY = _nn(str(XSD.gYear))
_INSTANT = _nn(str(TIME.Instant))
_INTERVAL = _nn(str(TIME.ProperInterval))
_IN_DATE = _nn(str(TIME.inXSDDate))
_IN_GYM = _nn(str(TIME.inXSDgYearMonth))
_IN_GY = _nn(str(TIME.inXSDgYear))
_DEFAULT = None


class _K:
    """kg terms in N-Triples form, formatted once (attribute access is the hot path)."""

    def __getattr__(self, name: str) -> str:
        node = f"<{KG_NS}{name}>"
        setattr(self, name, node)
        return node


K = _K()


def iri_key(key: str) -> str:
    """Percent-encode ``key`` into one safe IRI path segment (reversible with ``unquote``).

    >>> iri_key("person:jean dupont")
    'person:jean%20dupont'
    >>> iri_key("a/b<c>")
    'a%2Fb%3Cc%3E'
    """
    return quote(key, safe=_SAFE, errors="surrogatepass")


def entity_iri(key: str, base: str = DEFAULT_BASE) -> str:
    """Return the IRI of the entity whose graph node id is ``key``.

    >>> entity_iri("Q145")
    'https://w3id.org/kg-news/entity/Q145'
    """
    return f"{base}entity/{iri_key(key)}"


def doc_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    """Return the IRI of a source document, which is also the name of its graph.

    >>> doc_iri("article 1.txt")
    'https://w3id.org/kg-news/doc/article%201.txt'
    """
    return f"{base}doc/{iri_key(doc_id)}"


def _digest(value: Any) -> str:
    """Stable short hash of a JSON-able value (IRIs must not change between runs)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _number(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _lit(str(value), datatype=_XSD_INT)
    if isinstance(value, float | Decimal):
        if not Decimal(str(value)).is_finite():
            return None
        text = format(Decimal(str(value)), "f")
        return _lit(text if "." in text else text + ".0", datatype=_XSD_DEC)
    return None


def _text(value: str, lang: str | None) -> str:
    return _lit(value, language=lang) if lang else _lit(value)


def _date(value: Any) -> str | None:
    if isinstance(value, str) and _DAY.match(value):
        return _lit(value, datatype=_XSD_DATE)
    return None


class _Builder:
    """Accumulates quads per graph, without duplicates, in a deterministic order."""

    def __init__(self, graph: nx.MultiDiGraph, base: str) -> None:
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
        self.docs: dict[str, dict[str, Any]] = dict(graph.graph.get("docs") or {})
        self.out: dict[str | None, list[str]] = {}
        self.seen_time: dict[str | None, set[str]] = {}
        self.seen_direct: dict[str | None, set[tuple[str, str, str]]] = {}
        self.seen_statement: set[str] = set()
        self.typed_docs: set[str] = set()
        self._ent: dict[str, str] = {}
        self._doc: dict[str, str] = {}
        self._graph_names: dict[str | None, str | None] = {None: _DEFAULT}

    # -- terms ------------------------------------------------------------------------------
    def ent(self, key: str) -> str:
        node = self._ent.get(key)
        if node is None:
            node = self._ent[key] = _nn(entity_iri(str(key), self.base))
        return node

    def doc(self, doc_id: str) -> str:
        node = self._doc.get(doc_id)
        if node is None:
            node = self._doc[doc_id] = _nn(doc_iri(str(doc_id), self.base))
        return node

    def lang(self, doc_id: str | None) -> str:
        info = self.docs.get(doc_id) if doc_id is not None else None
        return (info or {}).get("lang") or "fr"

    def quads(self, doc_id: str | None) -> list[str]:
        bucket = self.out.get(doc_id)
        if bucket is None:
            bucket = self.out[doc_id] = []
            self._graph_names[doc_id] = self.doc(doc_id) if doc_id is not None else _DEFAULT
        return bucket

    # -- parts ------------------------------------------------------------------------------
    def documents(self) -> None:
        for doc_id in sorted(self.docs, key=str):
            info = self.docs[doc_id] or {}
            node, g = self.doc(doc_id), self.doc(doc_id)
            out = self.quads(doc_id)
            out.append(_t(node, _TYPE, K.Document, g))
            date = info.get("date")
            if date is not None:
                lit = _date(date) or _lit(str(date))
                out.append(_t(node, K.publicationDate, lit, g))
            if info.get("lang"):
                out.append(_t(node, K.language, _lit(str(info["lang"])), g))

    def entities(self) -> None:
        for key in sorted(self.g.nodes, key=str):
            data = self.g.nodes[key]
            docs = [d for d in data.get("docs") or () if d is not None]
            for doc_id in docs or [None]:
                self._entity(key, data, doc_id)

    def _entity(self, key: str, data: dict[str, Any], doc_id: str | None) -> None:
        node = self.ent(key)
        out = self.quads(doc_id)
        g = self._graph_names[doc_id]
        lang = self.lang(doc_id)
        type_ = data.get("type")
        extras = {
            k: v
            for k, v in data.items()
            if k not in {"label", "type", "wikidata", "aliases", "docs", "mentions"}
        }
        if type_ in ENTITY_TYPES:
            out.append(_t(node, _TYPE, getattr(K, type_), g))
        else:
            out.append(_t(node, _TYPE, K.Entity, g))
            extras["type"] = type_
        if data.get("label") is not None:
            out.append(_t(node, _LABEL, _text(str(data["label"]), lang), g))
        for alias in data.get("aliases") or ():
            out.append(_t(node, _ALT, _text(str(alias), lang), g))
        if data.get("wikidata"):
            out.append(_t(node, _SAME, _nn(str(WD) + iri_key(str(data["wikidata"]))), g))
        mentions = data.get("mentions")
        if isinstance(mentions, int) and not isinstance(mentions, bool):
            out.append(_t(node, K.mentionCount, _lit(str(mentions), datatype=_XSD_INT), g))
        if doc_id is not None:
            out.append(_t(node, K.mentionedIn, self.doc(doc_id), g))
            if doc_id not in self.docs and doc_id not in self.typed_docs:
                self.typed_docs.add(doc_id)  # evidence-only document: still a kg:Document
                out.append(_t(self.doc(doc_id), _TYPE, K.Document, g))
        if extras:
            out.append(_t(node, K.otherAttributes, _lit(json.dumps(extras, sort_keys=True)), g))

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
        g = self._graph_names[doc_id]
        subj, obj, prop = self.ent(u), self.ent(v), getattr(K, predicate)
        if modality != "negated":  # a denied fact must not be asserted as a direct triple
            seen = self.seen_direct.setdefault(doc_id, set())
            if (u, predicate, v) not in seen:
                seen.add((u, predicate, v))
                out.append(_t(subj, prop, obj, g))
        time = data.get("time")
        attributes = dict(data.get("attributes") or {})
        digest = _digest([u, predicate, v, modality, time, attributes, ev])
        if digest in self.seen_statement:  # same fact under two edge keys: keep both apart
            digest = _digest([digest, key])
        self.seen_statement.add(digest)
        st = _nn(f"{self.base}statement/{digest}")
        out.append(_t(st, _TYPE, K.Statement, g))
        out.append(_t(st, K.subject, subj, g))
        out.append(_t(st, K.predicate, prop, g))
        out.append(_t(st, K.object, obj, g))
        out.append(_t(st, K.modality, getattr(K, modality), g))
        if key != predicate:
            out.append(_t(st, K.edgeKey, _lit(key), g))
        extras: dict[str, Any] = {}
        for name, value in sorted(attributes.items()):
            if name == "quantity" and (lit := _number(value)) is not None:
                out.append(_t(st, K.quantity, lit, g))
            elif name in _STRING_ATTRIBUTES and isinstance(value, str):
                out.append(_t(st, getattr(K, name), _lit(value), g))
            else:
                extras[name] = value
        if extras:
            text = json.dumps(extras, sort_keys=True, ensure_ascii=False, default=str)
            out.append(_t(st, K.otherAttributes, _lit(text), g))
        time_quads: list[str] = []
        if time:
            out.append(_t(st, K.time, self._time(time, doc_id, time_quads), g))
            if time.get("inferred") is not None:
                flag = "true" if time["inferred"] else "false"
                out.append(_t(st, K.timeInferred, _lit(flag, datatype=_XSD_BOOL), g))
        if ev:
            out.append(_t(st, K.sourceDocument, self.doc(doc_id), g))
            if doc_id not in self.docs and doc_id not in self.typed_docs:
                self.typed_docs.add(doc_id)
                out.append(_t(self.doc(doc_id), _TYPE, K.Document, g))
            out.append(_t(st, K.evidenceText, _text(str(ev.get("text", "")), self.lang(doc_id)), g))
            for prop_name, field in (("startOffset", "start"), ("endOffset", "end")):
                if isinstance(ev.get(field), int):
                    lit = _lit(str(ev[field]), datatype=_XSD_INT)
                    out.append(_t(st, getattr(K, prop_name), lit, g))
        out.extend(time_quads)  # after the statement so Turtle groups each subject once

    def _time(self, time: dict[str, Any], doc_id: str | None, out: list[str]) -> str:
        fields = {k: time.get(k) for k in ("value", "start", "end", "granularity", "text")}
        node = _nn(f"{self.base}time/{_digest(fields)}")
        seen = self.seen_time.setdefault(doc_id, set())
        if node in seen:
            return node
        seen.add(node)
        g = self._graph_names[doc_id]
        value = fields["value"]
        out.append(_t(node, _TYPE, K.TimeExpression, g))
        literal = None
        if isinstance(value, str):
            if _DAY.match(value):
                out.append(_t(node, _TYPE, _INSTANT, g))
                literal = _t(node, _IN_DATE, _lit(value, datatype=_XSD_DATE), g)
            elif _MONTH.match(value):
                out.append(_t(node, _TYPE, _INTERVAL, g))
                literal = _t(node, _IN_GYM, _lit(value, datatype=_XSD_GYM), g)
            elif _YEAR.match(value):
                out.append(_t(node, _TYPE, _INTERVAL, g))
                literal = _t(node, _IN_GY, _lit(value, datatype=_XSD_GY), g)
            out.append(_t(node, K.timexValue, _lit(value), g))
        if literal is not None:
            out.append(literal)
        if fields["text"] is not None:
            out.append(_t(node, K.timeText, _lit(str(fields["text"])), g))
        if fields["granularity"] is not None:
            out.append(_t(node, K.granularity, _lit(str(fields["granularity"])), g))
        for prop_name, field in (("startDate", "start"), ("endDate", "end")):
            lit = _date(fields[field])
            if lit is not None:
                out.append(_t(node, getattr(K, prop_name), lit, g))
        return node

    def result(self) -> dict[str | None, list[str]]:
        order = sorted(self.out, key=lambda d: (d is not None, str(d)))
        return {doc_id: self.out[doc_id] for doc_id in order}


def build_lines(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> dict[str | None, list[str]]:
    """Return ``{doc id or None: ["<s> <p> <o>", ...]}`` for ``graph``, deterministic.

    The default graph (entities and facts without a source document) comes first, then one
    graph per document sorted by document id.
    """
    builder = _Builder(graph, base)
    # Millions of small strings make the cyclic GC rescan the heap again and again; none of
    # them can form a cycle, so pausing it is safe and roughly halves the build time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        builder.documents()
        builder.entities()
        builder.edges()
    finally:
        if was_enabled:
            gc.enable()
    return builder.result()


def graph_iri(doc_id: str | None, base: str = DEFAULT_BASE) -> str | None:
    """The N-Quads graph term of a document (None for the default graph)."""
    return (
        None
        if doc_id is None
        else _nn(doc_iri(str(doc_id), base if base.endswith(("/", "#")) else base + "/"))
    )


def nquads(lines: dict[str | None, list[str]], base: str = DEFAULT_BASE) -> bytes:
    """N-Quads text of :func:`build_lines` output."""
    parts: list[str] = []
    for doc_id, triples in lines.items():
        g = graph_iri(doc_id, base)
        suffix = f" {g} .\n" if g else " .\n"
        parts.extend(t + suffix for t in triples)
    return "".join(parts).encode("utf-8")


def ntriples(lines: dict[str | None, list[str]]) -> bytes:
    """N-Triples text, graphs merged: entity descriptions repeat per document, kept once."""
    unique = dict.fromkeys(t for triples in lines.values() for t in triples)
    return "".join(t + " .\n" for t in unique).encode("utf-8")
