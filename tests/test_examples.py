"""End to end on the example articles: the facts a reader sees in them, with modality.

Each row is something a careful reader of ``examples/`` would state. Entities are named by
their canonical label in the graph, so the test checks linking and relations together.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def result():
    import kg

    return kg.build(sorted(EXAMPLES.glob("*.txt")))


def facts(result) -> set[tuple[str, str, str, str]]:
    g = result.graph
    return {
        (g.nodes[u]["label"], d["predicate"], g.nodes[v]["label"], d["modality"])
        for u, v, d in g.edges(data=True)
    }


def edge(result, subject: str, predicate: str, obj: str) -> dict:
    g = result.graph
    for u, v, d in g.edges(data=True):
        if (g.nodes[u]["label"], d["predicate"], g.nodes[v]["label"]) == (subject, predicate, obj):
            return d
    raise AssertionError(f"no edge {subject} {predicate} {obj}")


COALITION = "coalition internationale"
MEETING = "réunion des ministres de la Défense de l'OTAN"


@pytest.mark.parametrize(
    "fact",
    [
        # coalition_drones.txt
        ("Royaume-Uni", "leads", COALITION, "asserted"),
        ("Lettonie", "leads", COALITION, "asserted"),
        (COALITION, "launchedAt", MEETING, "asserted"),
        (MEETING, "locatedIn", "Bruxelles", "asserted"),
        ("Grant Shapps", "ministerOf", "Royaume-Uni", "asserted"),
        ("Andris Sprūds", "ministerOf", "Lettonie", "asserted"),
        ("Allemagne", "joins", COALITION, "expected"),
        ("Pays-Bas", "joins", COALITION, "expected"),
        ("Volodymyr Zelensky", "headOf", "Ukraine", "asserted"),
        ("Mykhaïlo Fedorov", "ministerOf", "Ukraine", "asserted"),
        ("France", "memberOf", "OTAN", "asserted"),
        ("Turquie", "memberOf", "OTAN", "asserted"),
        ("Suède", "joins", "OTAN", "pending"),
        ("Suède", "signs", "accord d'achat conjoint", "expected"),
        ("sommet de l'OTAN", "locatedIn", "Washington", "planned"),
        # sommet_moldavie.txt
        ("Maia Sandu", "headOf", "Moldavie", "asserted"),
        ("Emmanuel Macron", "headOf", "France", "asserted"),
        ("Olaf Scholz", "headOf", "Allemagne", "asserted"),
        ("Ursula von der Leyen", "headOf", "Commission européenne", "asserted"),
        ("Roumanie", "signs", "accord de coopération énergétique", "expected"),
        # marathon_paris.txt
        ("Anne Hidalgo", "headOf", "Paris", "asserted"),
    ],
)
def test_reader_facts(result, fact) -> None:
    assert fact in facts(result)


def test_pledge_quantity_item_and_recipient(result) -> None:
    pledge = edge(result, COALITION, "pledgesTo", "Ukraine")
    assert pledge["attributes"]["quantity"] == 1_000_000
    assert pledge["attributes"]["item"] == "drone"
    assert pledge["modality"] in {"planned", "expected"}
    scholz = edge(result, "Allemagne", "pledgesTo", "Moldavie")
    assert scholz["attributes"]["quantity"] == 40_000_000
    assert scholz["attributes"]["item"] == "euro"


def test_vague_quantity_is_not_invented(result) -> None:
    for *_, d in result.graph.edges(data=True):
        if d["attributes"].get("quantity_text", "").startswith("des milliers"):
            assert "quantity" not in d["attributes"]


def test_launch_is_dated_at_the_meeting_and_summit_in_july(result) -> None:
    launch = edge(result, COALITION, "launchedAt", MEETING)
    assert launch["time"]["value"] == "2024-02-15"
    summit = edge(result, "sommet de l'OTAN", "locatedIn", "Washington")
    assert summit["time"]["value"] == "2024-07"


def test_ministers_carry_their_portfolio(result) -> None:
    assert edge(result, "Grant Shapps", "ministerOf", "Royaume-Uni")["attributes"]["portfolio"] == (
        "Défense"
    )


def test_evidence_is_the_exact_sentence(result) -> None:
    text = (EXAMPLES / "coalition_drones.txt").read_text("utf-8")
    for _, _, d in result.graph.edges(data=True):
        for ev in d["evidence"]:
            if ev["doc"] == "coalition_drones":
                assert text[ev["start"] : ev["end"]] == ev["text"]


def test_no_fact_links_unrelated_articles(result) -> None:
    g = result.graph
    for u, v in g.edges():
        assert set(g.nodes[u]["docs"]) & set(g.nodes[v]["docs"])


def test_timeline_order_for_the_coalition_article(result) -> None:
    rows = [r for r in result.timeline_rows if r["doc"] == "coalition_drones"]
    values = [r["value"] for r in rows]
    for earlier, later in [("2023-12", "2024-W06"), ("2024-W06", "2024-02-15"),
                           ("2024-02-15", "2024-07")]:  # fmt: skip
        assert values.index(earlier) < values.index(later)


QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_every_competency_question_has_answers_in_the_examples(result, name: str) -> None:
    # As shipped: a reader runs them on `kg build examples/*.txt` without editing them.
    rows = result.query((QUERIES / name).read_text("utf-8"))
    assert len(rows) > 0, f"{name} found nothing in the examples"


def test_competency_answers_are_the_readers(result) -> None:
    leaders = result.query((QUERIES / "02_coalition_leaders.rq").read_text("utf-8"))
    assert set(leaders["leaderName"]) == {"Royaume-Uni", "Lettonie"}
    joining = result.query((QUERIES / "03_expected_members.rq").read_text("utf-8"))
    assert {"Allemagne", "Pays-Bas"} <= set(joining["memberName"])
    meeting = result.query((QUERIES / "05_nato_meeting.rq").read_text("utf-8"))
    launch = meeting[meeting["whatName"] == COALITION]
    assert list(launch["placeName"]) == ["Bruxelles"]
    assert list(launch["date"]) == ["2024-02-15"]


def test_examples_graph_conforms_to_the_shapes_and_loads_in_both_stacks(result) -> None:
    import pyoxigraph
    import pyshacl
    import rdflib

    from kg.export.rdf import serialize_rdf

    turtle = serialize_rdf(result.graph, "turtle")
    root = Path(__file__).resolve().parent.parent
    shapes = rdflib.Graph().parse(root / "ontology/shapes.ttl")
    ontology = rdflib.Graph().parse(root / "ontology/kg.ttl")
    data = rdflib.Graph().parse(data=turtle, format="turtle")
    # As written, and as a store with RDFS reasoning sees it (superclasses, domains, ranges).
    for inference in ("none", "rdfs"):
        conforms, _, report = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference=inference, advanced=True
        )
        assert conforms, (inference, report)
    trig = serialize_rdf(result.graph, "trig")
    quads = list(pyoxigraph.parse(trig, format=pyoxigraph.RdfFormat.TRIG))
    graphs = {str(q.graph_name) for q in quads}
    assert {f"<https://w3id.org/kg-news/doc/{d}>" for d in result.graph.graph["docs"]} <= graphs
