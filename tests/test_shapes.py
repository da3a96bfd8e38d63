"""The SHACL shapes hold on kg's output as written and as a reasoner sees it, and catch
what is wrong either way (hand-written Turtle: the shapes are the contract, not the code)."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix e: <https://w3id.org/kg-news/entity/> .
@prefix doc: <https://w3id.org/kg-news/doc/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix kgev: <https://w3id.org/kg-news/event-class/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
doc:a a kg:Document .
"""
GOOD = {
    "person": 'e:p a kg:Person ; rdfs:label "Ana Lupu"@fr ; kg:mentionedIn doc:a .',
    "country": 'e:Q217 a kg:Country ; rdfs:label "Moldavie"@fr ; kg:mentionedIn doc:a ; '
    "owl:sameAs <http://www.wikidata.org/entity/Q217> .",
    "event": 'e:s a kg:Event ; rdfs:label "sommet de Chisinau"@fr ; kg:mentionedIn doc:a .',
    "event record": 'e:f a kg:Event , sem:Event ; rdfs:label "incendie"@fr ; '
    "kg:mentionedIn doc:a ; "
    "kg:eventClass kgev:DISASTER ; kg:eventModality kg:asserted ; kg:reportCount 2 ; "
    'sem:hasTimeStamp "2023-09"^^xsd:gYearMonth .',
}
#: Each wrong node, with what is wrong with it.
BAD = {
    "e:x1": (
        "a person who is also a place",
        'e:x1 a kg:Person , kg:Place ; rdfs:label "X"@fr ; kg:mentionedIn doc:a .',
    ),
    "e:x2": (
        "an organisation that is also an event",
        'e:x2 a kg:Organization , kg:Event ; rdfs:label "X"@fr ; kg:mentionedIn doc:a .',
    ),
    "e:x3": (
        "a country with no Wikidata IRI",
        'e:x3 a kg:Country ; rdfs:label "Freedonie"@fr ; kg:mentionedIn doc:a .',
    ),
    "e:x4": ("an entity mentioned nowhere", 'e:x4 a kg:Person ; rdfs:label "X"@fr .'),
    "e:x6": (
        "an event record with two modalities and a stamp that is no date",
        'e:x6 a kg:Event ; rdfs:label "X"@fr ; kg:mentionedIn doc:a ; '
        "kg:eventClass kgev:ASSAULT ; kg:eventModality kg:asserted , kg:negated ; "
        'kg:reportCount 1 ; sem:hasTimeStamp "lundi" .',
    ),
    "e:x5": (
        "an entity with no kg class",
        'e:x5 a rdfs:Resource ; rdfs:label "X"@fr ; '
        "kg:mentionedIn doc:a . [] a kg:Statement ; kg:subject e:x5 .",
    ),
}
ENTITY = "https://w3id.org/kg-news/entity/"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")


def _flagged(turtle: str, shapes, ontology, inference: str) -> set[str]:
    """The entity nodes the shapes report, as ``e:...`` names (the half-made statement
    that points at ``e:x5`` is reported too, and left out here)."""
    data = rdflib.Graph().parse(data=PREFIXES + turtle, format="turtle")
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference=inference, advanced=True
    )
    nodes = {str(n) for n in report.objects(None, SH.focusNode)}
    return {n.replace(ENTITY, "e:") for n in nodes if n.startswith(ENTITY)}


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_good_nodes_pass_and_each_wrong_one_is_caught(shapes, ontology, inference):
    """As written and as a reasoner sees it: under RDFS a country is also a place and every
    kind an entity, and that is still one kind of thing."""
    turtle = "\n".join([*GOOD.values(), *(t for _, t in BAD.values())])
    assert _flagged(turtle, shapes, ontology, inference) == set(BAD), {
        k: v[0] for k, v in BAD.items()
    }


def test_a_reasoner_reveals_a_fact_whose_subject_has_the_wrong_kind(shapes, ontology):
    """worksFor is said of persons (its rdfs:domain): an organisation as its subject is two
    kinds once a reasoner applies the domain, though the text written looks fine."""
    turtle = (
        'e:o a kg:Organization ; rdfs:label "ONG"@fr ; kg:mentionedIn doc:a .\n'
        'e:u a kg:Organization ; rdfs:label "ONU"@fr ; kg:mentionedIn doc:a .\n'
        "e:o kg:worksFor e:u ."
    )
    assert _flagged(turtle, shapes, ontology, "none") == set()
    assert _flagged(turtle, shapes, ontology, "rdfs") == {"e:o"}
