"""One contract: every place that names entity types follows ``kg.model.ENTITY_TYPES``.

The JSON Schema, the ontology and its SHACL shapes, the vocabulary, the RDF builder and reader,
and the HTML styles each list the types; this test is what keeps them from disagreeing again
(they did: ``Agreement`` reached RDF as a plain ``kg:Entity``).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from kg.export._rdf_build import ENTITY_CLASSES
from kg.export.graph_data import TYPE_STYLES
from kg.export.rdf import entity_iri, from_rdf, serialize_rdf, to_rdf
from kg.model import ENTITY_TYPES
from kg.vocab import KG, KG_NS, OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parent.parent
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")


def test_the_declaration_lists_each_type_once():
    assert len(set(ENTITY_TYPES)) == len(ENTITY_TYPES) >= 6 and "Agreement" in ENTITY_TYPES


def test_json_schema_follows_the_model():
    schema = json.loads(
        resources.files("kg").joinpath("schema/extraction.schema.json").read_text("utf-8")
    )
    assert schema["$defs"]["entity"]["properties"]["type"]["enum"] == list(ENTITY_TYPES)


def test_vocabulary_and_ontology_declare_one_class_per_type(onto):
    entity = rdflib.URIRef(KG.Entity)
    below_entity = {
        str(c)[len(KG_NS) :]
        for c in onto.transitive_subjects(RDFS.subClassOf, entity)
        if c != entity and str(c).startswith(KG_NS)
    }
    assert below_entity == set(ENTITY_TYPES)
    for name in ENTITY_TYPES:
        assert (KG[name], RDF.type, OWL.Class) in onto


def test_shapes_accept_every_type(shapes):
    targets = {str(t)[len(KG_NS) :] for t in shapes.objects(None, SH.targetClass)}
    assert set(ENTITY_TYPES) | {"Entity"} <= targets
    lists = [
        {str(item)[len(KG_NS) :] for item in rdflib.collection.Collection(shapes, head)}
        for head in shapes.objects(None, SH["in"])
    ]
    assert set(ENTITY_TYPES) | {"Entity"} in lists


def test_exporters_follow_the_model():
    assert set(ENTITY_CLASSES) == set(ENTITY_TYPES)
    assert list(TYPE_STYLES) == list(ENTITY_TYPES)
    assert len(set(TYPE_STYLES.values())) == len(TYPE_STYLES)  # each type drawn apart


@pytest.mark.parametrize("type_", ENTITY_TYPES)
def test_every_type_reaches_rdf_as_its_class_and_comes_back(type_, tmp_path):
    g = nx.MultiDiGraph(docs={"d1": {"date": "2024-03-01", "lang": "fr"}})
    g.add_node(
        "x:1", label="Un nom", type=type_, wikidata=None, aliases=[], docs=["d1"], mentions=1
    )
    node = rdflib.URIRef(entity_iri("x:1"))
    ds = to_rdf(g)
    assert (node, RDF.type, KG[type_]) in ds
    assert not list(ds.objects(node, KG.otherAttributes))
    path = tmp_path / "g.ttl"
    path.write_bytes(serialize_rdf(g, "turtle"))
    assert from_rdf(path).nodes["x:1"]["type"] == type_


def test_an_undeclared_type_stays_a_plain_entity_and_round_trips(tmp_path):
    g = nx.MultiDiGraph(docs={})
    g.add_node("x:1", label="Un nom", type="Vessel", wikidata=None, aliases=[], docs=[], mentions=1)
    ds = to_rdf(g)
    node = rdflib.URIRef(entity_iri("x:1"))
    assert (node, RDF.type, KG.Entity) in ds
    path = tmp_path / "g.nt"
    path.write_bytes(serialize_rdf(g, "nt"))
    assert from_rdf(path).nodes["x:1"]["type"] == "Vessel"
