"""RDF -> graph: the inverse of :mod:`kg.export._rdf_build`.

Why: users keep kg's RDF as their archive format, so ``from_rdf(to_rdf(g))`` must give back
every node, edge and attribute of the graph contract (docs/internals.md). The statement
nodes carry everything the edges need; the direct triples are only a query convenience.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx

from kg.errors import InputError
from kg.export._rdf_build import ENTITY_CLASSES
from kg.export._rdf_provenance import read_provenance
from kg.graph import READING_ATTRIBUTES
from kg.vocab import DEFAULT_BASE, GEO, GEONAMES, KG_NS, OWL, RDF, RDFS, SKOS, WD, XSD

__all__ = ["graph_from_triples", "read_triples"]

#: A term as plain data: ("I", iri) | ("B", id) | ("L", lexical, datatype, language).
Term = tuple[str, ...]

_TYPE, _LABEL, _ALT, _SAME = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(OWL.sameAs)
_LANG_STRING = str(RDF.langString)
_XSD_STRING = str(XSD.string)


def read_triples(source: Any) -> set[tuple[str, str, Term]]:
    """Return the distinct triples of a file path, rdflib graph or iterable of pyoxigraph quads.

    Graph names are dropped: entity descriptions repeat in each document graph and merge here.
    """
    if isinstance(source, str | Path):
        import pyoxigraph

        path = Path(source)
        if not path.is_file():
            raise InputError(f"{path} is not a file; pass a .ttl, .nt, .trig, .nq or .jsonld file")
        try:
            quads: Iterable[Any] = list(pyoxigraph.parse(path=str(path)))
        except (SyntaxError, ValueError) as e:
            raise InputError(
                f"cannot parse {path} as RDF ({e}); check the file and its suffix"
            ) from e
        return {_ox_triple(q) for q in quads}
    if hasattr(source, "quads") and hasattr(source, "serialize"):  # rdflib Graph / Dataset
        return {_rdflib_triple(s, p, o) for s, p, o, *_ in source.quads((None, None, None, None))}
    try:
        return {_ox_triple(q) for q in source}
    except (TypeError, AttributeError) as e:
        raise InputError(
            f"from_rdf cannot read a {type(source).__name__}; pass a path, an rdflib Graph "
            "or Dataset, or pyoxigraph quads"
        ) from e


def _ox_term(term: Any) -> Term:
    kind = type(term).__name__
    if kind == "NamedNode":
        return ("I", term.value)
    if kind == "BlankNode":
        return ("B", term.value)
    return ("L", term.value, term.datatype.value, term.language or "")


def _ox_triple(quad: Any) -> tuple[str, str, Term]:
    return (quad.subject.value, quad.predicate.value, _ox_term(quad.object))


def _rdflib_triple(s: Any, p: Any, o: Any) -> tuple[str, str, Term]:
    from rdflib import BNode, Literal

    if isinstance(o, Literal):
        datatype = str(o.datatype) if o.datatype else (_LANG_STRING if o.language else _XSD_STRING)
        obj: Term = ("L", str(o), datatype, o.language or "")
    elif isinstance(o, BNode):
        obj = ("B", str(o))
    else:
        obj = ("I", str(o))
    return (str(s), str(p), obj)


def _python(term: Term) -> Any:
    """Literal -> Python value (integers, decimals as float, booleans, strings)."""
    if term[0] != "L":
        return term[1]
    lexical, datatype = term[1], term[2]
    if datatype == str(XSD.integer):
        return int(lexical)
    if datatype == str(XSD.decimal):
        return float(Decimal(lexical))
    if datatype == str(XSD.boolean):
        return lexical in {"true", "1"}
    return lexical


def graph_from_triples(
    triples: set[tuple[str, str, Term]], base: str = DEFAULT_BASE
) -> nx.MultiDiGraph:
    """Rebuild the graph of the contract from kg's triples (see :func:`read_triples`)."""
    if not base.endswith(("/", "#")):
        base += "/"
    props: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        props[s][p].append(o)
    for by_prop in props.values():
        for values in by_prop.values():
            values.sort()

    ent_prefix, doc_prefix = f"{base}entity/", f"{base}doc/"

    def key_of(iri: str, prefix: str) -> str:
        return (
            unquote(iri[len(prefix) :], errors="surrogatepass") if iri.startswith(prefix) else iri
        )

    def one(subject: str, local: str, full: str | None = None) -> Any:
        values = props[subject].get(full or KG_NS + local)
        return _python(values[0]) if values else None

    classes = {KG_NS + t: t for t in ENTITY_CLASSES}
    docs: dict[str, dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    statements: list[str] = []
    for subject in sorted(props):
        types = {o[1] for o in props[subject].get(_TYPE, ()) if o[0] == "I"}
        if KG_NS + "Document" in types and subject.startswith(doc_prefix):
            date, lang = one(subject, "publicationDate"), one(subject, "language")
            docs[key_of(subject, doc_prefix)] = {
                "date": date,
                "lang": lang,
                **read_provenance(props, subject, _python),
            }
        if KG_NS + "Statement" in types:
            statements.append(subject)
        entity_types = [classes[t] for t in types if t in classes]
        if entity_types or KG_NS + "Entity" in types:
            nodes[key_of(subject, ent_prefix)] = _node(
                subject, props[subject], entity_types, doc_prefix
            )

    graph = nx.MultiDiGraph()
    graph.graph["docs"] = {d: docs[d] for d in sorted(docs)}
    for key in sorted(nodes):
        graph.add_node(key, **nodes[key])

    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for st in statements:
        subj = key_of(props[st][KG_NS + "subject"][0][1], ent_prefix)
        obj = key_of(props[st][KG_NS + "object"][0][1], ent_prefix)
        predicate = props[st][KG_NS + "predicate"][0][1].removeprefix(KG_NS)
        edge_key = one(st, "edgeKey") or predicate
        data = edges.get((subj, obj, edge_key))
        attributes = _attributes(props, st, lambda iri: key_of(iri, ent_prefix))
        read = {k: v for k, v in attributes.items() if k in READING_ATTRIBUTES}
        if data is None:
            data = edges[(subj, obj, edge_key)] = {
                "predicate": predicate,
                "modality": one(st, "modality").removeprefix(KG_NS),
                "time": _time(props, st),
                "attributes": {k: v for k, v in attributes.items() if k not in READING_ATTRIBUTES},
                "evidence": [],
            }
        doc = one(st, "sourceDocument")
        if doc is not None:
            evidence = {
                "doc": key_of(doc, doc_prefix),
                "start": one(st, "startOffset"),
                "end": one(st, "endOffset"),
                "text": one(st, "evidenceText"),
            }
            if read:
                evidence["attributes"] = read
            data["evidence"].append(evidence)
    for (u, v, k), data in sorted(edges.items()):
        data["evidence"].sort(key=lambda e: (e["doc"], e["start"], e["end"], e["text"]))
        graph.add_edge(u, v, key=k, **data)
    return graph


def _node(
    subject: str, by_prop: dict[str, list[Term]], types: list[str], doc_prefix: str
) -> dict[str, Any]:
    labels = [o[1] for o in by_prop.get(_LABEL, ())]
    same = [o[1] for o in by_prop.get(_SAME, ()) if o[1].startswith(str(WD))]
    extras: dict[str, Any] = {}
    for o in by_prop.get(KG_NS + "otherAttributes", ()):
        extras.update(json.loads(o[1]))
    data: dict[str, Any] = {
        "label": labels[0] if labels else None,
        "type": sorted(types)[0] if types else extras.pop("type", None),
        "wikidata": unquote(same[0][len(str(WD)) :]) if same else None,
        "aliases": sorted({o[1] for o in by_prop.get(_ALT, ())}),
        "docs": sorted(
            unquote(o[1][len(doc_prefix) :], errors="surrogatepass")
            for o in by_prop.get(KG_NS + "mentionedIn", ())
        ),
    }
    geonames = [o[1] for o in by_prop.get(str(SKOS.exactMatch), ()) if o[1].startswith(GEONAMES)]
    lat, lon = by_prop.get(str(GEO.lat)), by_prop.get(str(GEO.long))
    if geonames and lat and lon:
        data["geo"] = {
            "geonames": geonames[0][len(GEONAMES) :].strip("/"),
            "lat": _python(lat[0]),
            "lon": _python(lon[0]),
        }
    counts = by_prop.get(KG_NS + "mentionCount")
    if counts:
        data["mentions"] = _python(counts[0])
    data.update(extras)
    return data


def _time(props: dict[str, dict[str, list[Term]]], st: str) -> dict[str, Any] | None:
    nodes = props[st].get(KG_NS + "time")
    if not nodes:
        return None
    node = props[nodes[0][1]]

    def get(local: str) -> Any:
        values = node.get(KG_NS + local)
        return _python(values[0]) if values else None

    inferred = props[st].get(KG_NS + "timeInferred")
    return {
        "value": get("timexValue"),
        "start": get("startDate"),
        "end": get("endDate"),
        "granularity": get("granularity"),
        "text": get("timeText"),
        "inferred": _python(inferred[0]) if inferred else None,
    }


#: Statement properties read back into edge attributes (the writer's mapping, reversed).
_ATTRIBUTE_PROPERTIES = {
    "quantity": "quantity",
    "item": "item",
    "portfolio": "portfolio",
    "trigger": "trigger",
    "sourceText": "source_text",
    "reportingVerb": "reporting_verb",
    "quote": "quote",
    "quoteStart": "quote_start",
    "quoteEnd": "quote_end",
    "directSpeech": "direct",
}
_ENTITY_PROPERTIES = {"attributedTo": "source", "sourceAffiliation": "source_affiliation"}


def _attributes(
    props: dict[str, dict[str, list[Term]]], st: str, key_of: Any = None
) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    for local, name in _ATTRIBUTE_PROPERTIES.items():
        values = props[st].get(KG_NS + local)
        if values:
            attributes[name] = _python(values[0])
    for local, name in _ENTITY_PROPERTIES.items():
        values = props[st].get(KG_NS + local)
        if values:
            iri = values[0][1]
            attributes[name] = key_of(iri) if key_of else iri
    for o in props[st].get(KG_NS + "otherAttributes", ()):
        attributes.update(json.loads(o[1]))
    return dict(sorted(attributes.items()))
