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
from kg.vocab import DEFAULT_BASE, KG_NS, OWL, RDF, RDFS, RELATION_PROPERTIES, SKOS, TIME, WD, XSD

__all__ = [
    "DEFAULT_BASE",
    "ENTITY_TYPES",
    "build_lines",
    "build_merged",
    "doc_iri",
    "entity_iri",
    "iri_key",
    "nquads",
    "ntriples",
]

#: Graph node ``type`` -> ontology class local name (all of them are kg classes).
ENTITY_TYPES: frozenset[str] = frozenset({"Person", "Organization", "Country", "Place", "Event"})

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

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
#: Characters kept as-is in IRI path segments besides unreserved ones: ':' keeps
#: ``person:grant-schapps`` readable; everything else is percent-encoded (UTF-8).
_SAFE = ":"


_LANG_TAG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})

#: A triple of pre-formatted N-Triples terms (also valid Turtle terms).
Triple = tuple[str, str, str]


def _nn(iri: str) -> str:
    """An IRI in N-Triples form (kg only writes IRIs it percent-encoded or validated)."""
    return f"<{iri}>"


def _escape(value: str) -> str:
    """N-Triples/Turtle string escapes (canonical ones only); most strings need none."""
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        return value.translate(_ESCAPES)
    return value


def _lit(value: str, datatype: str | None = None, language: str | None = None) -> str:
    """A literal in N-Triples form (canonical escapes only)."""
    text = f'"{_escape(value)}"'
    if language and _LANG_TAG.match(language):
        return f"{text}@{language}"
    return f"{text}^^{datatype}" if datatype else text


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


class _K:
    """kg terms in N-Triples form, formatted once (attribute access is the hot path)."""

    def __getattr__(self, name: str) -> str:
        node = f"<{KG_NS}{name}>"
        setattr(self, name, node)
        return node


K = _K()

_STATEMENT, _SUBJECT, _PREDICATE, _OBJECT = K.Statement, K.subject, K.predicate, K.object
_MODALITY, _TIME, _TIME_INFERRED = K.modality, K.time, K.timeInferred
_SOURCE, _EVIDENCE, _START, _END = K.sourceDocument, K.evidenceText, K.startOffset, K.endOffset
_START_DATE, _END_DATE = K.startDate, K.endDate
_TRUE, _FALSE = f'"true"^^{_XSD_BOOL}', f'"false"^^{_XSD_BOOL}'
#: Node attributes with a dedicated property; the others go to ``kg:otherAttributes``.
_NODE_FIELDS = frozenset({"label", "type", "wikidata", "aliases", "docs", "mentions"})


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


def _json_encoder() -> Any:
    """``json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)``, made once.

    ``json.dumps`` builds a new C encoder on every call, a third of the cost of a digest;
    this is the same C encoder with the same settings (without the circular-reference
    check, which kg's JSON data never needs), so the text, hence every IRI, is unchanged.
    """
    encoder = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # pure-Python json: same text, slower
        return encoder.encode
    basestring = json.encoder.encode_basestring
    iterencode = make(None, str, basestring, None, ": ", ", ", True, False, True)
    return lambda value: "".join(iterencode(value, 0))


_DIGEST_JSON = _json_encoder()


def _digest(value: Any) -> str:
    """Stable short hash of a JSON-able value (IRIs must not change between runs)."""
    text = _DIGEST_JSON(value)
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
            node = self._ent[key] = _nn(entity_iri(str(key), self.base))
        return node

    def doc(self, doc_id: str) -> str:
        node = self._doc.get(doc_id)
        if node is None:
            node = self._doc[doc_id] = _nn(doc_iri(str(doc_id), self.base))
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
            return _lit(str(value), datatype=_XSD_INT)
        lit = self._ints.get(value)
        if lit is None:
            lit = self._ints[value] = _lit(str(value), datatype=_XSD_INT)
        return lit

    def date(self, value: Any) -> str | None:
        lit = self._dates.get(value) if isinstance(value, str) else None
        if lit is None:
            lit = _date(value)
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
            out.append((node, _TYPE, K.Document))
            date = info.get("date")
            if date is not None:
                lit = _date(date) or _lit(str(date))
                out.append((node, K.publicationDate, lit))
            if info.get("lang"):
                out.append((node, K.language, _lit(str(info["lang"]))))

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
        if type_ in ENTITY_TYPES:
            type_triple = (node, _TYPE, getattr(K, type_))
        else:
            type_triple = (node, _TYPE, K.Entity)
            extras["type"] = type_
        label = data.get("label")
        label_text = None if label is None else _escape(str(label))
        alias_texts = [_escape(str(alias)) for alias in data.get("aliases") or ()]
        tail: list[Triple] = []
        if data.get("wikidata"):
            tail.append((node, _SAME, _nn(str(WD) + iri_key(str(data["wikidata"])))))
        mentions = data.get("mentions")
        if isinstance(mentions, int) and not isinstance(mentions, bool):
            tail.append((node, K.mentionCount, self.integer(mentions)))
        other = (
            (node, K.otherAttributes, _lit(json.dumps(extras, sort_keys=True))) if extras else None
        )
        heads: dict[str, list[Triple]] = {}  # language tag -> the triples before mentionedIn
        for doc_id in docs:
            lang = self.lang(doc_id)
            suffix = f"@{lang}" if lang and _LANG_TAG.match(lang) else ""
            head = heads.get(suffix)
            out = self.quads(doc_id)
            if head is None:  # label and aliases depend on the document's language only
                words: list[Triple] = []
                if label_text is not None:
                    words.append((node, _LABEL, f'"{label_text}"{suffix}'))
                words.extend((node, _ALT, f'"{text}"{suffix}') for text in alias_texts)
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
                    out.append((doc, _TYPE, K.Document))
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
        attributes = dict(data.get("attributes") or {})
        digest = _digest([u, predicate, v, modality, time, attributes, ev])
        if digest in self.seen_statement:  # same fact under two edge keys: keep both apart
            digest = _digest([digest, key])
        self.seen_statement.add(digest)
        st = f"{self._statement_prefix}{digest}>"
        append((st, _TYPE, _STATEMENT))
        append((st, _SUBJECT, subj))
        append((st, _PREDICATE, prop))
        append((st, _OBJECT, obj))
        append((st, _MODALITY, getattr(K, modality)))
        if key != predicate:
            append((st, K.edgeKey, _lit(key)))
        extras: dict[str, Any] = {}
        for name, value in sorted(attributes.items()):
            if name == "quantity" and (lit := _number(value)) is not None:
                append((st, K.quantity, lit))
            elif name in _STRING_ATTRIBUTES and isinstance(value, str):
                append((st, getattr(K, name), f'"{_escape(value)}"'))
            elif name in _ENTITY_ATTRIBUTES and isinstance(value, str):
                append((st, getattr(K, _ENTITY_ATTRIBUTES[name]), self.ent(value)))
            elif name in _TEXT_ATTRIBUTES and isinstance(value, str):
                append((st, getattr(K, _TEXT_ATTRIBUTES[name]), f'"{_escape(value)}"'))
            elif name in _INT_ATTRIBUTES and type(value) is int:
                append((st, getattr(K, _INT_ATTRIBUTES[name]), self.integer(value)))
            elif name == "direct" and isinstance(value, bool):
                append((st, K.directSpeech, _TRUE if value else _FALSE))
            else:
                extras[name] = value
        if extras:
            text = json.dumps(extras, sort_keys=True, ensure_ascii=False, default=str)
            append((st, K.otherAttributes, _lit(text)))
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
                append((doc, _TYPE, K.Document))
            append((st, _EVIDENCE, _text(str(ev.get("text", "")), self.lang(doc_id))))
            start, end = ev.get("start"), ev.get("end")
            if isinstance(start, int):
                append((st, _START, self.integer(start)))
            if isinstance(end, int):
                append((st, _END, self.integer(end)))
        if time_quads:
            out.extend(time_quads)  # after the statement so Turtle groups each subject once

    def _time(self, time: dict[str, Any], doc_id: str | None, out: list[Triple]) -> str:
        fields = {k: time.get(k) for k in ("value", "start", "end", "granularity", "text")}
        node = f"{self._time_prefix}{_digest(fields)}>"
        graph = None if self.merge else doc_id
        seen = self.seen_time.get(graph)
        if seen is None:
            seen = self.seen_time[graph] = set()
        if node in seen:
            return node
        seen.add(node)
        value = fields["value"]
        out.append((node, _TYPE, K.TimeExpression))
        literal = None
        if isinstance(value, str):
            if _DAY.match(value):
                out.append((node, _TYPE, _INSTANT))
                literal = (node, _IN_DATE, self.date(value) or _lit(value, datatype=_XSD_DATE))
            elif _MONTH.match(value):
                out.append((node, _TYPE, _INTERVAL))
                literal = (node, _IN_GYM, _lit(value, datatype=_XSD_GYM))
            elif _YEAR.match(value):
                out.append((node, _TYPE, _INTERVAL))
                literal = (node, _IN_GY, _lit(value, datatype=_XSD_GY))
            out.append((node, K.timexValue, _lit(value)))
        if literal is not None:
            out.append(literal)
        if fields["text"] is not None:
            out.append((node, K.timeText, _lit(str(fields["text"]))))
        if fields["granularity"] is not None:
            out.append((node, K.granularity, _lit(str(fields["granularity"]))))
        for prop, field in ((_START_DATE, "start"), (_END_DATE, "end")):
            lit = self.date(fields[field])
            if lit is not None:
                out.append((node, prop, lit))
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


def graph_iri(doc_id: str | None, base: str = DEFAULT_BASE) -> str | None:
    """The N-Quads graph term of a document (None for the default graph)."""
    return (
        None
        if doc_id is None
        else _nn(doc_iri(str(doc_id), base if base.endswith(("/", "#")) else base + "/"))
    )


def nquads(lines: dict[str | None, list[Triple]], base: str = DEFAULT_BASE) -> bytes:
    """N-Quads text of :func:`build_lines` output."""
    parts: list[bytes] = []
    for doc_id, triples in lines.items():  # encoded per graph: no second full-size str
        g = graph_iri(doc_id, base)
        end = f" {g} .\n" if g else " .\n"
        parts.append("".join([f"{s} {p} {o}{end}" for s, p, o in triples]).encode("utf-8"))
    return b"".join(parts)


def merged(lines: dict[str | None, list[Triple]]) -> list[Triple]:
    """The distinct triples of every graph, in first-seen order (entity descriptions repeat
    per document and are kept once)."""
    if len(lines) == 1:
        return list(dict.fromkeys(next(iter(lines.values()))))
    return list(dict.fromkeys(t for triples in lines.values() for t in triples))


def ntriples(lines: dict[str | None, list[Triple]]) -> bytes:
    """N-Triples text, graphs merged: entity descriptions repeat per document, kept once."""
    return "".join([f"{s} {p} {o} .\n" for s, p, o in merged(lines)]).encode("utf-8")
