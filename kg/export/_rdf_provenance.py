"""A document's provenance as PROV-O triples, in the document's own named graph.

Why in the document's graph: a reviewer (or a store replacing one article) finds, next to
what was read in an article, where that text came from — title, address, byline, publishers,
publication date, capture time, WARC record id and hashes — and can check a fact against
the page it cites. The pattern (``ontology/kg.ttl``, provenance section)::

    doc  a kg:Document ; dcterms:title ; kg:url ; kg:author ; kg:textSha256 ;
         prov:wasAttributedTo <publisher/…> (each publisher, copies' too) ;
         prov:hadPrimarySource <page/doc> ; kg:alsoPublishedAs <page/copy> .
    page a kg:SourcePage ; kg:url ; prov:generatedAtTime (capture) ; kg:warcRecordId ;
         kg:rawSha256 ; prov:wasAttributedTo <publisher/…> .
    copy a kg:SourcePage ; prov:alternateOf <page/doc> ; kg:copyId ; kg:similarity ;
         dcterms:issued (its publication date) ; dcterms:title ; … as a page .
    <publisher/…> a prov:Organization ; rdfs:label "Outlet" .

Addresses are ``xsd:anyURI`` literals, not IRIs: a URL read from a page is untrusted text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.export._rdf_terms import (
    LABEL,
    TYPE,
    XSD_DATE,
    K,
    Triple,
    iri_key,
    make_literal,
    nn,
    number_literal,
    text_literal,
)
from kg.ids import slugify
from kg.vocab import DCTERMS, KG_NS, PROV, RDFS, XSD

__all__ = ["PAGE_FIELDS", "provenance_triples", "read_provenance"]

K_NS = KG_NS
_LABEL_IRI = str(RDFS.label)
#: Field -> predicate IRI, said of the document (and of a copy's page).
_DOC_PREDICATES = {
    "title": str(DCTERMS.title),
    "url": KG_NS + "url",
    "author": KG_NS + "author",
    "text_sha256": KG_NS + "textSha256",
}
#: Field -> predicate IRI, said of a page.
_PAGE_PREDICATES = {
    "url": KG_NS + "url",
    "captured": str(PROV.generatedAtTime),
    "warc_record_id": KG_NS + "warcRecordId",
    "raw_sha256": KG_NS + "rawSha256",
}

_TITLE, _ISSUED = nn(str(DCTERMS.title)), nn(str(DCTERMS.issued))
_PRIMARY, _ALTERNATE = nn(str(PROV.hadPrimarySource)), nn(str(PROV.alternateOf))
_ATTRIBUTED, _GENERATED = nn(str(PROV.wasAttributedTo)), nn(str(PROV.generatedAtTime))
_ORGANIZATION = nn(str(PROV.Organization))
_ANY_URI, _DATETIME = nn(str(XSD.anyURI)), nn(str(XSD.dateTime))
#: Fields said of a page (the bytes read), the others of the document (the text).
PAGE_FIELDS = ("url", "captured", "warc_record_id", "raw_sha256", "publisher")


def publisher_iri(name: str, base: str) -> str:
    """The IRI of an outlet, from its name (one per name across the corpus).

    >>> publisher_iri("Le Courrier Balte", "https://w3id.org/kg-news/")
    '<https://w3id.org/kg-news/publisher/le-courrier-balte>'
    """
    return nn(f"{base}publisher/{iri_key(slugify(name))}")


def page_iri(key: str, base: str) -> str:
    """The IRI of a page, named by the id of the document (or copy) read from it."""
    return nn(f"{base}page/{iri_key(key)}")


def provenance_triples(
    doc: str, doc_id: str, info: dict[str, Any], base: str, lang: str | None
) -> list[Triple]:
    """The PROV-O triples of one document (``info``: ``graph.graph["docs"][doc_id]``)."""
    out: list[Triple] = []
    agents: dict[str, str] = {}

    def agent(name: str) -> str:
        node = agents.get(name)
        if node is None:
            node = agents[name] = publisher_iri(name, base)
        return node

    if info.get("title"):
        out.append((doc, _TITLE, text_literal(str(info["title"]), lang)))
    if info.get("url"):
        out.append((doc, K.url, make_literal(str(info["url"]), datatype=_ANY_URI)))
    if info.get("author"):
        out.append((doc, K.author, make_literal(str(info["author"]))))
    if info.get("text_sha256"):
        out.append((doc, K.textSha256, make_literal(str(info["text_sha256"]))))
    copies = [c for c in info.get("copies") or () if isinstance(c, dict) and c.get("id")]
    for who in [info, *copies]:
        if who.get("publisher"):
            out.append((doc, _ATTRIBUTED, agent(str(who["publisher"]))))
    primary = None
    pages: list[Triple] = []  # after the document's own triples: Turtle groups each subject
    if any(info.get(name) for name in PAGE_FIELDS):
        primary = page_iri(doc_id, base)
        out.append((doc, _PRIMARY, primary))
        pages.extend(_page(primary, info, agent))
    for copy in copies:
        node = page_iri(str(copy["id"]), base)
        out.append((doc, K.alsoPublishedAs, node))
        pages.extend(_page(node, copy, agent))
        if primary is not None:
            pages.append((node, _ALTERNATE, primary))
        pages.append((node, K.copyId, make_literal(str(copy["id"]))))
        similarity = number_literal(float(copy.get("similarity", 1.0)))
        if similarity is not None:
            pages.append((node, K.similarity, similarity))
        if copy.get("date"):
            pages.append((node, _ISSUED, make_literal(str(copy["date"]), datatype=XSD_DATE)))
        if copy.get("title"):
            pages.append((node, _TITLE, text_literal(str(copy["title"]), lang)))
        if copy.get("author"):
            pages.append((node, K.author, make_literal(str(copy["author"]))))
        if copy.get("text_sha256"):
            pages.append((node, K.textSha256, make_literal(str(copy["text_sha256"]))))
    out.extend(pages)
    for name in sorted(agents):
        out.append((agents[name], TYPE, _ORGANIZATION))
        out.append((agents[name], LABEL, make_literal(name)))
    return out


def _page(node: str, info: dict[str, Any], agent: Callable[[str], str]) -> list[Triple]:
    out: list[Triple] = [(node, TYPE, K.SourcePage)]
    if info.get("url"):
        out.append((node, K.url, make_literal(str(info["url"]), datatype=_ANY_URI)))
    if info.get("captured"):
        out.append((node, _GENERATED, make_literal(str(info["captured"]), datatype=_DATETIME)))
    if info.get("warc_record_id"):
        out.append((node, K.warcRecordId, make_literal(str(info["warc_record_id"]))))
    if info.get("raw_sha256"):
        out.append((node, K.rawSha256, make_literal(str(info["raw_sha256"]))))
    if info.get("publisher"):
        out.append((node, _ATTRIBUTED, agent(str(info["publisher"]))))
    return out


def read_provenance(
    props: dict[str, dict[str, list[tuple[str, ...]]]], doc: str, value: Callable[[Any], Any]
) -> dict[str, Any]:
    """The provenance fields of ``graph.graph["docs"]`` read back from a document's triples.

    ``props`` maps subject -> predicate -> object terms (sorted); ``value`` turns a literal
    term into its Python value. The inverse of :func:`provenance_triples`.
    """

    def first(subject: str, predicate: str) -> Any:
        values = props.get(subject, {}).get(predicate)
        return value(values[0]) if values else None

    def page_fields(node: str, info: dict[str, Any]) -> None:
        for name, predicate in _PAGE_PREDICATES.items():
            found = first(node, predicate)
            if found is not None and name not in info:
                info[name] = found
        agent = first(node, str(PROV.wasAttributedTo))
        if agent is not None:
            label = first(agent, _LABEL_IRI)
            if label is not None:
                info["publisher"] = label

    info: dict[str, Any] = {}
    for name, predicate in _DOC_PREDICATES.items():
        found = first(doc, predicate)
        if found is not None:
            info[name] = found
    primary = first(doc, str(PROV.hadPrimarySource))
    if primary is not None:
        page_fields(primary, info)
    copies = []
    for term in props.get(doc, {}).get(K_NS + "alsoPublishedAs", ()):
        node = term[1]
        copy: dict[str, Any] = {"id": first(node, K_NS + "copyId")}
        similarity = first(node, K_NS + "similarity")
        copy["similarity"] = 1.0 if similarity is None else float(similarity)
        issued = first(node, str(DCTERMS.issued))
        if issued is not None:
            copy["date"] = issued
        for name, predicate in _DOC_PREDICATES.items():
            found = first(node, predicate)
            if found is not None:
                copy[name] = found
        page_fields(node, copy)
        copies.append(copy)
    if copies:
        info["copies"] = sorted(copies, key=lambda c: str(c["id"]))
    return info
