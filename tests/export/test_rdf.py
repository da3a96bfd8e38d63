"""RDF export: every format parses in rdflib and pyoxigraph, is deterministic, valid against
the SHACL shapes, mints safe IRIs from hostile names and converts back to the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from _rdf_graphs import COALITION, DOC1, DOC2, drone_graph, hostile_graph, synthetic_graph

from kg.errors import ExportError
from kg.export.rdf import entity_iri, from_rdf, serialize_rdf, to_quads, to_rdf, write_rdf
from kg.vocab import KG, OWL, TIME, XSD

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = [".ttl", ".nt", ".jsonld", ".trig", ".nq"]
RDFLIB_FORMAT = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".trig": "trig",
    ".nq": "nquads",
}


def _same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert a.graph["docs"] == b.graph["docs"]
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    edges_a = sorted(a.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    edges_b = sorted(b.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    assert edges_a == edges_b


def _count_triples(path: Path) -> int:
    return len({q.triple for q in pyoxigraph.parse(path=str(path))})


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return drone_graph()


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_format_parses_in_rdflib_and_pyoxigraph(graph, tmp_path, suffix):
    path = write_rdf(graph, tmp_path / f"graph{suffix}")
    ox = {q.triple for q in pyoxigraph.parse(path=str(path))}
    ds = rdflib.Dataset()
    ds.parse(path, format=RDFLIB_FORMAT[suffix])
    rdflib_triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    assert len(ox) == len(rdflib_triples) > 200


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_round_trip_keeps_every_node_edge_and_attribute(graph, tmp_path, suffix):
    path = write_rdf(graph, tmp_path / f"graph{suffix}")
    _same_graph(from_rdf(path), graph)


def test_round_trip_through_rdflib_dataset(graph):
    _same_graph(from_rdf(to_rdf(graph)), graph)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig", "nquads"])
def test_serialisation_is_deterministic(fmt):
    first = serialize_rdf(drone_graph(), fmt)
    assert serialize_rdf(drone_graph(), fmt) == first
    shuffled = nx.MultiDiGraph()
    original = drone_graph()
    shuffled.graph.update(original.graph)
    shuffled.add_nodes_from(reversed(list(original.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(original.edges(keys=True, data=True))))
    assert serialize_rdf(shuffled, fmt) == first


def test_trig_has_one_named_graph_per_document(graph):
    quads = to_quads(graph)
    names = {q.graph_name.value for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)}
    assert names == {f"https://w3id.org/kg-news/doc/{DOC1}", f"https://w3id.org/kg-news/doc/{DOC2}"}
    for q in quads:  # every statement's source document is the graph it lives in
        if q.predicate.value == str(KG.sourceDocument):
            assert q.object == q.graph_name


def test_each_document_graph_stands_alone(graph):
    """Entities are described in every document graph that mentions them."""
    uk = entity_iri("Q145")
    graphs = {
        q.graph_name.value
        for q in to_quads(graph)
        if q.subject.value == uk and q.predicate.value == str(rdflib.RDFS.label)
    }
    assert len(graphs) == 2


def test_relation_is_direct_triple_plus_statement(graph):
    ds = to_rdf(graph)
    uk, coalition = rdflib.URIRef(entity_iri("Q145")), rdflib.URIRef(entity_iri(COALITION))
    assert (uk, KG.leads, coalition) in ds
    rows = list(
        ds.query(
            """SELECT ?mod ?date ?text ?start WHERE {
                 ?st kg:subject ?s ; kg:predicate kg:leads ; kg:object ?o ; kg:modality ?mod ;
                     kg:evidenceText ?text ; kg:startOffset ?start ;
                     kg:time/time:inXSDDate ?date }""",
            initNs={"kg": KG._NS, "time": TIME},
            initBindings={"s": uk, "o": coalition},
        )
    )
    assert len(rows) == 1
    mod, date, text, start = rows[0]
    assert mod == KG.asserted
    assert date == rdflib.Literal("2024-02-15", datatype=XSD.date)
    assert "dirigent" in str(text) and text.language == "fr"
    assert int(start) == graph.edges["Q145", COALITION, "leads"]["evidence"][0]["start"]


def test_owl_time_literal_has_true_granularity(graph):
    ds = to_rdf(graph)
    month = list(ds.objects(None, TIME.inXSDgYearMonth))
    assert month == [rdflib.Literal("2024-07", datatype=XSD.gYearMonth)]
    assert rdflib.Literal("2024-07") in set(ds.objects(None, KG.timexValue))


def test_negated_fact_has_statement_but_no_direct_triple():
    g = nx.MultiDiGraph(docs={"d": {"date": None, "lang": "fr"}})
    for key, label in [("Q20", "Norvège"), ("event:accord", "accord")]:
        g.add_node(
            key,
            label=label,
            type="Country" if key == "Q20" else "Event",
            wikidata=key if key == "Q20" else None,
            aliases=[],
            docs=["d"],
            mentions=1,
        )
    ev = [{"doc": "d", "start": 0, "end": 27, "text": "La Norvège n'a pas signé l'accord."}]
    g.add_edge(
        "Q20",
        "event:accord",
        key="signs",
        predicate="signs",
        modality="negated",
        time=None,
        attributes={},
        evidence=ev,
    )
    ds = to_rdf(g)
    assert not list(ds.triples((None, KG.signs, None)))
    assert (None, KG.modality, KG.negated) in ds
    _same_graph(from_rdf(ds), g)


def test_statement_iris_are_stable_and_distinct(graph):
    def statements(g):
        return sorted(q.subject.value for q in to_quads(g) if q.object.value == str(KG.Statement))

    first = statements(graph)
    assert first == statements(drone_graph())
    assert len(first) == len(set(first)) == graph.number_of_edges()


def test_same_fact_under_two_edge_keys_stays_two_edges(graph):
    g = drone_graph()
    data = dict(g.edges["Q145", COALITION, "leads"])
    g.add_edge("Q145", COALITION, key="leads~2", **data)
    _same_graph(from_rdf(to_rdf(g)), g)


def test_hostile_names_give_valid_iris_that_round_trip(tmp_path):
    g = hostile_graph()
    for suffix in SUFFIXES:
        path = write_rdf(g, tmp_path / f"h{suffix}")
        iris = {
            t.value
            for q in pyoxigraph.parse(path=str(path))
            for t in (q.subject, q.object)
            if isinstance(t, pyoxigraph.NamedNode)
        }
        for iri in iris:
            assert not any(c in iri for c in ' <>"{}|\\^`\n\t'), iri
            rdflib.URIRef(iri)  # accepted by rdflib too
        ds = rdflib.Dataset()
        ds.parse(path, format=RDFLIB_FORMAT[suffix])
        _same_graph(from_rdf(path), g)
        _same_graph(from_rdf(ds), g)


def test_unknown_predicate_is_an_export_error():
    g = nx.MultiDiGraph(docs={})
    g.add_node("a", label="A", type="Person", wikidata=None, aliases=[], docs=[], mentions=1)
    g.add_edge("a", "a", key="admires", predicate="admires", modality="asserted", evidence=[])
    with pytest.raises(ExportError, match="admires"):
        to_quads(g)


def test_the_builder_writes_only_vocabulary_terms():
    """No minting around kg.vocab: the builder's kg terms are exactly the vocabulary's."""
    from kg.export._rdf_terms import K

    assert {f"<{KG[name]}>" for name in vars(K)} == set(vars(K).values())
    assert set(vars(K)) == {str(term).split("#", 1)[1] for term in dir(KG)}
    with pytest.raises(AttributeError):
        _ = K.leadz


def test_unknown_suffix_is_an_export_error(graph, tmp_path):
    with pytest.raises(ExportError, match=r"\.ttl"):
        write_rdf(graph, tmp_path / "graph.xml")


def test_jsonld_uses_kg_context(graph):
    data = json.loads(serialize_rdf(graph, "jsonld"))
    context = json.loads((ROOT / "ontology" / "context.jsonld").read_text())["@context"]
    assert data["@context"]["leads"] == context["leads"]
    assert "@graph" in data


def test_entity_description(graph):
    ds = to_rdf(graph)
    lv = rdflib.URIRef(entity_iri("Q211"))
    assert (lv, rdflib.RDF.type, KG.Country) in ds
    assert (lv, rdflib.RDFS.label, rdflib.Literal("Lettonie", lang="fr")) in ds
    assert (lv, rdflib.SKOS.altLabel, rdflib.Literal("letton", lang="fr")) in ds
    assert (lv, OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q211")) in ds


# ------------------------------------------------------------------------------- SHACL
@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")


def _validate(data: bytes, shapes: rdflib.Graph) -> tuple[bool, str]:
    import pyshacl

    conforms, _, text = pyshacl.validate(
        rdflib.Graph().parse(data=data, format="turtle"), shacl_graph=shapes
    )
    return conforms, text


@pytest.mark.parametrize("make", [drone_graph, hostile_graph])
def test_output_conforms_to_shapes(make, shapes):
    conforms, text = _validate(serialize_rdf(make(), "turtle"), shapes)
    assert conforms, text


@pytest.mark.parametrize(
    ("old", "new", "component"),
    [
        ("kg:modality kg:asserted", "kg:modality kg:sure", "InConstraintComponent"),
        ("kg:startOffset 133", "kg:startOffset -1", "MinInclusive"),
        ('"2024-07"^^xsd:gYearMonth', '"2024-07-01"^^xsd:date', "SPARQLConstraintComponent"),
        (
            "owl:sameAs wd:Q211",
            "owl:sameAs <http://example.org/Q211>",
            "PatternConstraintComponent",
        ),
        ('rdfs:label "Lettonie"@fr', 'rdfs:label "Lettonie"', "DatatypeConstraintComponent"),
    ],
)
def test_invalid_output_fails_shapes(graph, shapes, old, new, component):
    text = serialize_rdf(graph, "turtle").decode()
    assert old in text
    conforms, report = _validate(text.replace(old, new, 1).encode(), shapes)
    assert not conforms
    assert component in report


def test_statement_without_evidence_fails_shapes(shapes):
    g = nx.MultiDiGraph(docs={})
    g.add_node("a", label="A", type="Person", wikidata=None, aliases=[], docs=[], mentions=1)
    g.add_edge("a", "a", key="supports", predicate="supports", modality="asserted", evidence=[])
    conforms, report = _validate(serialize_rdf(g, "turtle"), shapes)
    assert not conforms and "evidence" in report


# ------------------------------------------------------------------------------- Turtle/TriG
def _multilingual_graph() -> nx.MultiDiGraph:
    """Default-graph content (no docs, no evidence), two languages, odd attributes."""
    g = drone_graph()
    g.graph["docs"][DOC2] = {"date": "2024-07-01", "lang": "en"}
    g.add_node("person:x", label="X", type="Person", wikidata=None, aliases=[], docs=[], extra=[1])
    g.add_node("thing:y", label="Y ~ z.", type="Gadget", wikidata=None, aliases=[], docs=[])
    g.add_edge(
        "person:x",
        "Q145",
        key="supports",
        predicate="supports",
        modality="asserted",
        attributes={"quantity": 1.5, "note": "a\\b"},
        evidence=[],
    )
    return g


def _ox_quads(data: bytes, fmt: pyoxigraph.RdfFormat) -> set:
    return {
        (q.subject, q.predicate, q.object, q.graph_name) for q in pyoxigraph.parse(data, format=fmt)
    }


def _rdflib_quads(data: bytes, fmt: str) -> set:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=fmt)
    default = ds.default_graph.identifier
    return {(s, p, o, None if c == default else c) for s, p, o, c in ds.quads((None,) * 4)}


@pytest.mark.parametrize(
    "make",
    [drone_graph, hostile_graph, _multilingual_graph, lambda: synthetic_graph(600)],
    ids=["drone", "hostile", "multilingual", "synthetic"],
)
@pytest.mark.parametrize("base", ["https://w3id.org/kg-news/", "http://example.org/kg#"])
def test_turtle_and_trig_hold_exactly_the_nquads(make, base):
    """kg writes Turtle and TriG itself: both parsers must read back the N-Quads' content."""
    g = make()
    nq = serialize_rdf(g, "nquads", base=base)
    quads = _ox_quads(nq, pyoxigraph.RdfFormat.N_QUADS)
    triples = {(s, p, o, pyoxigraph.DefaultGraph()) for s, p, o, _ in quads}
    ttl, trig = serialize_rdf(g, "turtle", base=base), serialize_rdf(g, "trig", base=base)
    assert _ox_quads(ttl, pyoxigraph.RdfFormat.TURTLE) == triples
    assert _ox_quads(trig, pyoxigraph.RdfFormat.TRIG) == quads
    rdflib_quads = _rdflib_quads(nq, "nquads")
    assert _rdflib_quads(trig, "trig") == rdflib_quads
    assert _rdflib_quads(ttl, "turtle") == {(s, p, o, None) for s, p, o, _ in rdflib_quads}
    # each distinct triple written once (Turtle) / each quad once (TriG)
    statements = ttl.count(b" .\n") + ttl.count(b" ;\n") + ttl.count(b" , ")
    assert statements - ttl.count(b"@prefix ") == len(triples)
    assert serialize_rdf(make(), "turtle", base=base) == ttl


def test_document_quads_are_contiguous():
    """kg.store streams each document graph as a run of quads; kg writes them that way."""
    seen, last = set(), None
    for q in pyoxigraph.parse(
        serialize_rdf(synthetic_graph(2000), "nquads"), format=pyoxigraph.RdfFormat.N_QUADS
    ):
        if q.graph_name != last:
            assert q.graph_name not in seen
            seen.add(q.graph_name)
            last = q.graph_name
    assert len(seen) > 50


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "nt", "jsonld"])
def test_same_bytes_in_processes_with_different_hash_seeds(fmt: str) -> None:
    """Python's set and dict hashing changes per process; output must not."""
    import hashlib
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, hashlib; sys.path.insert(0, 'tests');"
        "from _rdf_graphs import drone_graph;"
        "from kg.export.rdf import serialize_rdf;"
        f"print(hashlib.sha256(serialize_rdf(drone_graph(), {fmt!r})).hexdigest())"
    )
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run(
            [sys.executable, "-W", "ignore", "-c", code],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
    assert hashlib.sha256(b"").hexdigest() not in digests
