"""RDF vocabularies kg writes: its own terms and the ones it aligns with.

Why a :class:`~rdflib.namespace.DefinedNamespace` with ``_fail = True``: a misspelt term
(``KG.leadz``) raises instead of silently minting an IRI the ontology does not declare.
``ontology/kg.ttl`` is the source of truth; ``tests/test_ontology.py`` checks that every term
here is declared there and vice versa.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
    Namespace,
)

__all__ = [
    "DCTERMS",
    "DEFAULT_BASE",
    "GEO",
    "GEONAMES",
    "KG",
    "KG_NS",
    "ORG",
    "OWL",
    "PQ",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RELATION_PROPERTIES",
    "SDO",
    "SEM",
    "SKOS",
    "TIME",
    "WD",
    "WDT",
    "XSD",
    "prefixes",
]

#: kg's ontology namespace.
KG_NS = "https://w3id.org/kg-news/ontology#"
#: Base of the IRIs kg mints for entities, statements, documents and times.
DEFAULT_BASE = "https://w3id.org/kg-news/"

#: Simple Event Model (rdflib ships no SEM namespace).
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
#: Wikidata entities (``WD.Q145`` is the United Kingdom).
WD = Namespace("http://www.wikidata.org/entity/")
#: W3C Basic Geo (WGS 84) vocabulary: ``geo:lat`` and ``geo:long`` of a place.
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
#: GeoNames features (``GEONAMES + "2988507/"`` is Paris), linked by ``skos:exactMatch``.
GEONAMES = "https://sws.geonames.org/"
#: Wikidata direct ("truthy") properties.
WDT = Namespace("http://www.wikidata.org/prop/direct/")
#: Wikidata statement qualifiers (P585 point in time, P1114 quantity).
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")


class KG(DefinedNamespace):
    """kg-news ontology terms (``https://w3id.org/kg-news/ontology#``)."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    Entity: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Country: URIRef
    Event: URIRef
    Agreement: URIRef
    Statement: URIRef
    Document: URIRef
    TimeExpression: URIRef
    Modality: URIRef
    # modality concept scheme and its concepts
    ModalityScheme: URIRef
    asserted: URIRef
    reported: URIRef
    expected: URIRef
    planned: URIRef
    pending: URIRef
    possible: URIRef
    negated: URIRef
    # relations (direct triples)
    ministerOf: URIRef
    leads: URIRef
    headOf: URIRef
    joins: URIRef
    memberOf: URIRef
    supports: URIRef
    opposes: URIRef
    pledgesTo: URIRef
    signs: URIRef
    locatedIn: URIRef
    heldIn: URIRef
    launchedAt: URIRef
    announcedAt: URIRef
    participatesIn: URIRef
    hasParticipant: URIRef
    hasActor: URIRef
    hasTarget: URIRef
    hasPlace: URIRef
    said: URIRef
    reportedBy: URIRef
    allyOf: URIRef
    meetsWith: URIRef
    worksFor: URIRef
    # statement nodes
    subject: URIRef
    predicate: URIRef
    object: URIRef
    modality: URIRef
    quantity: URIRef
    item: URIRef
    portfolio: URIRef
    trigger: URIRef
    evidenceText: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sourceDocument: URIRef
    time: URIRef
    timeInferred: URIRef
    edgeKey: URIRef
    otherAttributes: URIRef
    # attribution (who said what) on statement nodes
    attributedTo: URIRef
    sourceAffiliation: URIRef
    sourceText: URIRef
    reportingVerb: URIRef
    quote: URIRef
    quoteStart: URIRef
    quoteEnd: URIRef
    directSpeech: URIRef
    # events
    eventClass: URIRef
    eventModality: URIRef
    eventMode: URIRef
    headline: URIRef
    dead: URIRef
    injured: URIRef
    size: URIRef
    firstReported: URIRef
    reportCount: URIRef
    # time expressions
    timexValue: URIRef
    timeText: URIRef
    granularity: URIRef
    startDate: URIRef
    endDate: URIRef
    # entities and documents
    mentionedIn: URIRef
    mentionCount: URIRef
    publicationDate: URIRef
    language: URIRef
    # provenance of documents (PROV-O): the pages their text was read from
    SourcePage: URIRef
    url: URIRef
    author: URIRef
    textSha256: URIRef
    rawSha256: URIRef
    warcRecordId: URIRef
    alsoPublishedAs: URIRef
    copyId: URIRef
    similarity: URIRef


#: Local names of the properties a graph edge may use as its predicate.
RELATION_PROPERTIES: frozenset[str] = frozenset(
    {
        "ministerOf",
        "leads",
        "headOf",
        "joins",
        "memberOf",
        "supports",
        "opposes",
        "pledgesTo",
        "signs",
        "locatedIn",
        "heldIn",
        "launchedAt",
        "announcedAt",
        "participatesIn",
        "hasParticipant",
        "hasActor",
        "hasTarget",
        "hasPlace",
        "said",
        "reportedBy",
        "allyOf",
        "meetsWith",
        "worksFor",
    }
)

#: Prefixes used when serialising (Turtle, TriG, JSON-LD) and in the competency queries.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "time": str(TIME),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
    "geo": str(GEO),
}

#: Prefix -> path below the base of the IRIs kg mints (``kg.export._rdf_build`` mints them).
_MINTED: dict[str, str] = {
    "entity": "entity/",
    "statement": "statement/",
    "doc": "doc/",
    "timex": "time/",
    "page": "page/",
    "publisher": "publisher/",
}


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Every prefix kg declares: its vocabularies, then the bases of the IRIs it mints.

    One table for both sides of the RDF: the serialisers write these ``@prefix`` lines and
    :mod:`kg.sparql` predeclares them for queries, so a query copied from a Turtle file runs.

    >>> prefixes("http://example.org/kg")["entity"]
    'http://example.org/kg/entity/'
    """
    if not base.endswith(("/", "#")):
        base += "/"
    return {**PREFIXES, **{name: base + path for name, path in _MINTED.items()}}
