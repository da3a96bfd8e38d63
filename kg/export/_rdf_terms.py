"""N-Triples terms for the RDF builder: IRIs, literals, digests, kg's vocabulary.

Why text and not rdflib or pyoxigraph objects: kg's IRIs are percent-encoded by construction,
so each term is one f-string, formatted once and reused (:mod:`kg.export._rdf_build` writes
millions of triples with them). Every ``kg:`` term comes from :class:`kg.vocab.KG`, whose
``_fail = True`` makes a misspelt name an error: ``K.leadz`` raises, it never mints an IRI the
ontology does not declare.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from kg.vocab import DEFAULT_BASE, GEO, GEONAMES, KG, KG_NS, OWL, RDF, RDFS, SKOS, TIME, XSD

__all__ = [
    "K",
    "Triple",
    "doc_iri",
    "entity_iri",
    "escape",
    "geo_triples",
    "graph_iri",
    "iri_key",
    "make_literal",
    "nn",
    "stable_digest",
]

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
YEAR = re.compile(r"^\d{4}$")
#: Characters kept as-is in IRI path segments besides unreserved ones: ':' keeps
#: ``person:grant-schapps`` readable; everything else is percent-encoded (UTF-8).
_SAFE = ":"


LANG_TAG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})

#: A triple of pre-formatted N-Triples terms (also valid Turtle terms).
Triple = tuple[str, str, str]


def nn(iri: str) -> str:
    """An IRI in N-Triples form (kg only writes IRIs it percent-encoded or validated)."""
    return f"<{iri}>"


def escape(value: str) -> str:
    """N-Triples/Turtle string escapes (canonical ones only); most strings need none."""
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        return value.translate(_ESCAPES)
    return value


def make_literal(value: str, datatype: str | None = None, language: str | None = None) -> str:
    """A literal in N-Triples form (canonical escapes only)."""
    text = f'"{escape(value)}"'
    if language and LANG_TAG.match(language):
        return f"{text}@{language}"
    return f"{text}^^{datatype}" if datatype else text


TYPE = nn(str(RDF.type))
LABEL = nn(str(RDFS.label))
ALT = nn(str(SKOS.altLabel))
SAME = nn(str(OWL.sameAs))
EXACT = nn(str(SKOS.exactMatch))
GEO_LAT = nn(str(GEO.lat))
GEO_LONG = nn(str(GEO.long))
XSD_INT = nn(str(XSD.integer))
XSD_DEC = nn(str(XSD.decimal))
XSD_BOOL = nn(str(XSD.boolean))
XSD_DATE = nn(str(XSD.date))
XSD_GYM = nn(str(XSD.gYearMonth))
XSD_GY = nn(str(XSD.gYear))
INSTANT = nn(str(TIME.Instant))
INTERVAL = nn(str(TIME.ProperInterval))
IN_DATE = nn(str(TIME.inXSDDate))
IN_GYM = nn(str(TIME.inXSDgYearMonth))
IN_GY = nn(str(TIME.inXSDgYear))


#: kg's terms in N-Triples form, formatted once (attribute access is the builder's hot path):
#: ``K.leads`` is ``"<https://w3id.org/kg-news/ontology#leads>"``; a name :class:`kg.vocab.KG`
#: does not declare is an AttributeError.
K = SimpleNamespace(**{str(term)[len(KG_NS) :]: nn(str(term)) for term in dir(KG)})


def geo_triples(node: str, geo: dict[str, Any]) -> list[Triple]:
    """A place's GeoNames feature (``skos:exactMatch``) and WGS 84 point (xsd:decimal)."""
    return [
        (node, EXACT, nn(f"{GEONAMES}{int(geo['geonames'])}/")),
        (node, GEO_LAT, make_literal(f"{float(geo['lat']):.6f}", XSD_DEC)),
        (node, GEO_LONG, make_literal(f"{float(geo['lon']):.6f}", XSD_DEC)),
    ]


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


def graph_iri(doc_id: str | None, base: str = DEFAULT_BASE) -> str | None:
    """The N-Quads graph term of a document (None for the default graph)."""
    return (
        None
        if doc_id is None
        else nn(doc_iri(str(doc_id), base if base.endswith(("/", "#")) else base + "/"))
    )


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


def stable_digest(value: Any) -> str:
    """Stable short hash of a JSON-able value (IRIs must not change between runs)."""
    text = _DIGEST_JSON(value)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def number_literal(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return make_literal(str(value), datatype=XSD_INT)
    if isinstance(value, float | Decimal):
        if not Decimal(str(value)).is_finite():
            return None
        text = format(Decimal(str(value)), "f")
        return make_literal(text if "." in text else text + ".0", datatype=XSD_DEC)
    return None


def text_literal(value: str, lang: str | None) -> str:
    return make_literal(value, language=lang) if lang else make_literal(value)


def date_literal(value: Any) -> str | None:
    if isinstance(value, str) and DAY.match(value):
        return make_literal(value, datatype=XSD_DATE)
    return None
