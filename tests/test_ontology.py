"""The ontology, kg/vocab.py, the JSON-LD context and the competency questions agree."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from _rdf_graphs import DOC1, drone_graph

from kg.export.rdf import write_rdf
from kg.store import query
from kg.vocab import KG, KG_NS, OWL, RDF, RDFS, RELATION_PROPERTIES

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
QUERIES = sorted((ONTOLOGY / "queries").glob("*.rq"))
DECLARING_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "kg.ttl")


def _declared(onto: rdflib.Graph) -> set[str]:
    return {str(s) for s in onto.subjects(RDF.type, None) if str(s).startswith(KG_NS)}


def test_ontology_parses_in_pyoxigraph_too(onto):
    assert len(list(pyoxigraph.parse(path=str(ONTOLOGY / "kg.ttl")))) == len(onto)


def test_every_vocab_term_is_declared_and_vice_versa(onto):
    vocab = {str(KG[name]) for name in KG.__annotations__}
    assert vocab == _declared(onto)


def test_misspelt_term_raises():
    with pytest.raises(AttributeError):
        _ = KG.leadz


def test_every_term_has_labels_and_comments_in_english_and_french(onto):
    for term in sorted(_declared(onto)):
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(rdflib.URIRef(term), prop)}
            assert {"en", "fr"} <= langs, f"{term} lacks {prop} in en/fr"


def test_required_classes_and_relations_exist(onto):
    for name in [
        "Person",
        "Organization",
        "Country",
        "Place",
        "Event",
        "Agreement",
        "Statement",
        "Document",
        "TimeExpression",
    ]:
        assert (KG[name], RDF.type, OWL.Class) in onto
    for name in RELATION_PROPERTIES:
        assert (KG[name], RDF.type, OWL.ObjectProperty) in onto


@pytest.mark.parametrize(
    ("term", "prop", "target"),
    [
        ("memberOf", RDFS.subPropertyOf, "http://www.wikidata.org/prop/direct/P463"),
        ("headOf", RDFS.subPropertyOf, "http://www.w3.org/ns/org#headOf"),
        ("hasParticipant", RDFS.subPropertyOf, "http://www.wikidata.org/prop/direct/P710"),
        ("locatedIn", RDFS.subPropertyOf, "http://www.wikidata.org/prop/direct/P276"),
        ("heldIn", RDFS.subPropertyOf, "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace"),
        ("heldIn", RDFS.subPropertyOf, "https://schema.org/location"),
        ("sourceDocument", RDFS.subPropertyOf, "http://www.w3.org/ns/prov#wasDerivedFrom"),
        ("quantity", RDFS.subPropertyOf, "http://www.wikidata.org/prop/qualifier/P1114"),
        ("Event", RDFS.subClassOf, "http://semanticweb.cs.vu.nl/2009/11/sem/Event"),
        ("Organization", RDFS.subClassOf, "http://www.w3.org/ns/org#Organization"),
        ("Person", RDFS.subClassOf, "https://schema.org/Person"),
        ("Country", RDFS.subClassOf, "https://schema.org/Country"),
        ("Statement", RDFS.subClassOf, "http://www.w3.org/ns/prov#Entity"),
        ("TimeExpression", RDFS.subClassOf, "http://www.w3.org/2006/time#TemporalEntity"),
    ],
)
def test_alignments(onto, term, prop, target):
    assert (KG[term], prop, rdflib.URIRef(target)) in onto


def test_modalities_form_a_skos_scheme(onto):
    from kg.model import MODALITIES

    concepts = set(onto.objects(KG.ModalityScheme, rdflib.SKOS.hasTopConcept))
    assert concepts == {KG[m] for m in MODALITIES}


def test_context_terms_point_at_declared_or_standard_terms(onto):
    context = json.loads((ONTOLOGY / "context.jsonld").read_text())["@context"]
    declared = _declared(onto)
    for name, value in context.items():
        iri = value["@id"] if isinstance(value, dict) else value
        if isinstance(iri, str) and iri.startswith("kg:"):
            assert KG_NS + iri[3:] in declared, name


def test_shapes_parse_and_name_only_declared_terms(onto):
    shapes = rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")
    used = {
        str(t)
        for triple in shapes
        for t in triple
        if isinstance(t, rdflib.URIRef) and str(t).startswith(KG_NS)
    }
    assert used <= _declared(onto)


# ------------------------------------------------------------------------ competency questions
@pytest.fixture(scope="module")
def trig(tmp_path_factory) -> Path:
    return write_rdf(drone_graph(), tmp_path_factory.mktemp("cq") / "graph.trig")


def _short(value: str | None) -> str | None:
    if value is None:
        return None
    return re.sub(r"^https://w3id\.org/kg-news/(ontology#|entity/|doc/)", "", value)


EXPECTED = {
    "01_ministers": [
        ("Andris Kalns", "Lettonie", "Défense"),
        ("Edmund Hale", "Royaume-Uni", "Défense"),
    ],
    "02_coalition_leaders": [("Lettonie",), ("Royaume-Uni",)],
    "03_expected_members": [
        (name,)
        for name in sorted(
            [
                "Allemagne",
                "Pays-Bas",
                "Danemark",
                "Norvège",
                "Suède",
                "Pologne",
                "Estonie",
                "Lituanie",
            ]
        )
    ],
    "04_pledges": [("coalition des drones", "Ukraine", "1000000", "drones", "planned")],
    "05_nato_meeting": [("coalition des drones", "launchedAt", "Bruxelles", "2024-02-15")],
    "08_evidence_for_fact": [(DOC1, "asserted")],
    "09_country_by_wikidata": [
        ("in", "ministerOf", "Andris Kalns"),
        ("out", "leads", "coalition des drones"),
    ],
    "10_facts_between_dates": [
        ("Lettonie", "leads"),
        ("Royaume-Uni", "leads"),
        ("coalition des drones", "launchedAt"),
        ("réunion des ministres de la Défense de l'OTAN", "heldIn"),
    ],
    "11_facts_per_document_graph": [(DOC1, "16"), ("sommet-washington", "2")],
}

COLUMNS = {
    "01_ministers": ["name", "countryName", "portfolio"],
    "02_coalition_leaders": ["leaderName"],
    "03_expected_members": ["memberName"],
    "04_pledges": ["giverName", "recipientName", "quantity", "item", "modality"],
    "05_nato_meeting": ["whatName", "relation", "placeName", "date"],
    "08_evidence_for_fact": ["doc", "modality"],
    "09_country_by_wikidata": ["direction", "predicate", "otherName"],
    "10_facts_between_dates": ["subjectName", "predicate"],
    "11_facts_per_document_graph": ["graph", "facts"],
}


#: The shipped queries name the shipped example's article, fact and speaker
#: (tests/test_examples.py runs them as they are); here they point at this graph's own.
FIXTURE = {
    "07_facts_from_article": [("doc/coalition_drones", "doc/drones-2024-02-15")],
    "08_evidence_for_fact": [("coalition internationale", "coalition des drones")],
    "13_what_did_x_say": [('"shapps"', '"hale"')],
}


def _run(path: Path, name: str, columns: list[str]) -> list[tuple[str | None, ...]]:
    sparql = (ONTOLOGY / "queries" / f"{name}.rq").read_text()
    for old, new in FIXTURE.get(name, []):
        assert old in sparql
        sparql = sparql.replace(old, new)
    variables, rows = query(path, sparql)
    index = [variables.index(c) for c in columns]
    return [tuple(_short(row[i]) for i in index) for row in rows]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_competency_query_returns_expected_rows(trig, name):
    assert _run(trig, name, COLUMNS[name]) == EXPECTED[name]


def test_only_expected_or_planned_facts(trig):
    rows = _run(trig, "06_expected_or_planned", ["subjectName", "predicate", "modality"])
    assert ("coalition des drones", "pledgesTo", "planned") in rows
    assert ("Royaume-Uni", "participatesIn", "expected") in rows
    assert sum(1 for r in rows if r[1] == "joins") == 8
    assert all(r[2] in {"expected", "planned"} for r in rows)


def test_facts_from_one_article(trig):
    rows = _run(trig, "07_facts_from_article", ["subjectName", "predicate", "objectName"])
    assert len(rows) == 16
    assert ("Royaume-Uni", "participatesIn", "sommet de l'OTAN à Washington") not in rows


def test_timeline_is_ordered_and_keeps_granularity(trig):
    rows = _run(trig, "12_timeline", ["start", "when", "granularity"])
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert ("2024-07-01", "2024-07", "month") in rows


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_queries_run_in_rdflib_too(path):
    """Plain SPARQL 1.1: the questions are not tied to Oxigraph."""
    from kg.export.rdf import to_rdf

    sparql = path.read_text()
    for old, new in FIXTURE.get(path.stem, []):
        sparql = sparql.replace(old, new)
    result = to_rdf(drone_graph()).query(sparql)
    assert len(list(result)) > 0


def test_readme_documents_every_query():
    readme = (ONTOLOGY / "README.md").read_text()
    assert len(QUERIES) >= 10
    for path in QUERIES:
        assert path.name in readme
        body = "\n".join(line for line in path.read_text().splitlines() if not line.startswith("#"))
        assert body.strip() in readme, f"README's SPARQL for {path.name} is out of date"
