"""build_graph: merging documents on entity keys, facts with evidence, determinism."""

from __future__ import annotations

import datetime as dt
import json

import networkx as nx

from kg.graph import build_graph, neighbourhood, shortest_path
from kg.model import Entity, Evidence, Extraction, Mention, Relation, TimeValue


def _ext(doc_id: str, date: dt.date | None, sentence: str, rels, ents, times=()) -> Extraction:
    ev = Evidence(0, len(sentence), sentence)
    return Extraction(
        id=doc_id,
        lang="fr",
        date=date,
        entities=tuple(ents),
        relations=tuple(
            Relation(s, p, o, m, ev, time=t, attributes=a) for s, p, o, m, t, a in rels
        ),
        times=tuple(times),
    )


UK = Entity("Q145", "Royaume-Uni", "Country", "Q145", (), (Mention(0, 11, "Royaume-Uni"),))
LV = Entity("Q211", "Lettonie", "Country", "Q211", (), (Mention(15, 23, "Lettonie"),))
COAL = Entity("organization:coalition-des-drones@a", "coalition des drones", "Organization")
SHAPPS_FULL = Entity("person:grant-shapps", "Grant Shapps", "Person", None, ("Shapps",))


def test_documents_merge_on_keys_and_same_fact_gains_evidence() -> None:
    sent_a = "Le Royaume-Uni et la Lettonie dirigent la coalition."
    sent_b = "Londres mène la coalition avec Riga."
    a = _ext(
        "a",
        dt.date(2024, 2, 15),
        sent_a,
        [
            (
                "Q145",
                "leads",
                COAL.id,
                "asserted",
                None,
                {"trigger": "diriger", "tense": "present"},
            ),
            ("Q211", "leads", COAL.id, "asserted", None, {"tense": "present"}),
        ],
        [UK, LV, COAL],
    )
    b = _ext(
        "b",
        dt.date(2024, 2, 15),
        sent_b,
        [("Q145", "leads", COAL.id, "asserted", None, {"trigger": "mener", "tense": "present"})],
        [UK, COAL],
    )
    g = build_graph([b, a])
    assert g.nodes["Q145"]["docs"] == ["a", "b"]
    assert g.nodes["Q145"]["wikidata"] == "Q145"
    edges = list(g.edges("Q145", keys=True, data=True))
    assert len(edges) == 1, "the trigger word does not make a different fact"
    (_, _, key, data) = edges[0]
    assert key == "leads"
    assert [e["doc"] for e in data["evidence"]] == ["a", "b"]
    assert data["time"] == {
        "value": "2024-02-15",
        "start": "2024-02-15",
        "end": "2024-02-15",
        "granularity": "day",
        "text": None,
        "inferred": True,
    }


def test_different_modality_or_time_are_distinct_facts() -> None:
    sent = "L'Allemagne devrait rejoindre la coalition en mars, puis l'a rejointe en avril."
    de = Entity("Q183", "Allemagne", "Country", "Q183")
    times = (
        TimeValue("t1", 40, 47, "en mars", "DATE", "2024-03", True),
        TimeValue("t2", 63, 71, "en avril", "DATE", "2024-04", True),
    )
    ext = _ext(
        "a",
        dt.date(2024, 2, 15),
        sent,
        [
            ("Q183", "joins", COAL.id, "expected", "t1", {}),
            ("Q183", "joins", COAL.id, "asserted", "t2", {}),
        ],
        [de, COAL],
        times,
    )
    g = build_graph([ext])
    keys = sorted(k for _, _, k in g.edges(keys=True))
    assert keys == ["joins", "joins~2"]
    months = sorted(d["time"]["value"] for *_, d in g.edges(data=True))
    assert months == ["2024-03", "2024-04"]
    march = next(d for *_, d in g.edges(data=True) if d["time"]["value"] == "2024-03")
    assert (march["time"]["start"], march["time"]["end"]) == ("2024-03-01", "2024-03-31")
    assert march["time"]["granularity"] == "month" and not march["time"]["inferred"]


def test_future_facts_are_not_placed_at_the_document_date() -> None:
    sent = "Le Royaume-Uni dirigera la coalition."
    ext = _ext(
        "a",
        dt.date(2024, 2, 15),
        sent,
        [("Q145", "leads", COAL.id, "planned", None, {"tense": "future"})],
        [UK, COAL],
    )
    (_, _, data) = next(iter(build_graph([ext]).edges(data=True)))
    assert data["time"] is None


def test_relation_to_unknown_entity_is_dropped_not_invented() -> None:
    ext = _ext("a", None, "x", [("Q145", "joins", "Q999", "asserted", None, {})], [UK])
    g = build_graph([ext])
    assert list(g.nodes) == ["Q145"] and g.number_of_edges() == 0


def test_label_is_most_frequent_name_and_aliases_merge() -> None:
    short = Entity(
        "person:grant-shapps",
        "Grant Shapps",
        "Person",
        None,
        ("Shapps",),
        (Mention(0, 6, "Shapps"), Mention(10, 16, "Shapps")),
    )
    other = Entity("person:grant-shapps", "Grant Shapps", "Person", None, ("M. Shapps",))
    g = build_graph([_ext("a", None, "s", [], [short]), _ext("b", None, "s", [], [other])])
    node = g.nodes["person:grant-shapps"]
    assert node["label"] == "Grant Shapps"
    assert node["aliases"] == ["M. Shapps", "Shapps"]
    assert node["mentions"] == 2


def test_same_input_same_graph_in_any_order() -> None:
    a = _ext("a", None, "s1", [("Q145", "leads", COAL.id, "asserted", None, {})], [UK, COAL])
    b = _ext("b", None, "s2", [("Q211", "leads", COAL.id, "asserted", None, {})], [LV, COAL])
    one = nx.node_link_data(build_graph([a, b]), edges="edges")
    two = nx.node_link_data(build_graph([b, a]), edges="edges")
    assert json.dumps(one, sort_keys=True) == json.dumps(two, sort_keys=True)


def test_neighbourhood_and_path() -> None:
    meeting = Entity("event:reunion@a", "réunion des ministres", "Event")
    bxl = Entity("Q239", "Bruxelles", "Place", "Q239")
    ext = _ext(
        "a",
        None,
        "s",
        [
            ("Q145", "leads", COAL.id, "asserted", None, {}),
            (COAL.id, "launchedAt", meeting.id, "asserted", None, {}),
            (meeting.id, "locatedIn", "Q239", "asserted", None, {}),
        ],
        [UK, COAL, meeting, bxl, LV],
    )
    g = build_graph([ext])
    assert shortest_path(g, "Q145", "Q239") == ["Q145", COAL.id, meeting.id, "Q239"]
    assert shortest_path(g, "Q145", "Q211") == []
    assert set(neighbourhood(g, meeting.id, 1)) == {COAL.id, meeting.id, "Q239"}


def test_event_nodes_carry_the_bounds_of_their_best_dated_fact() -> None:
    summit = Entity("event:sommet@a", "sommet de l'OTAN", "Event")
    city = Entity("Q61", "Washington", "Place", "Q61")
    sent = "Le sommet de l'OTAN se tiendra à Washington en juillet."
    times = (TimeValue("t1", 43, 53, "en juillet", "DATE", "2024-07", True),)
    ext = _ext(
        "a",
        dt.date(2024, 2, 15),
        sent,
        [(summit.id, "locatedIn", "Q61", "planned", "t1", {"tense": "future"})],
        [summit, city],
        times,
    )
    g = build_graph([ext])
    assert g.nodes[summit.id]["time"] == {
        "value": "2024-07",
        "start": "2024-07-01",
        "end": "2024-07-31",
        "granularity": "month",
        "inferred": False,
    }
    assert "time" not in g.nodes["Q61"]


def test_one_fact_read_in_several_sentences_is_one_edge() -> None:
    """Real text: a pledge dated once and repeated undated, by two sources, is one edge."""
    from kg.api import extract
    from kg.export.graph_data import fact_text

    text = (
        "Paris, 3 mars 2025 – La Finlande a promis 300 blindés à l'Ukraine, a indiqué le "
        "ministre finlandais de la Défense. La Finlande a promis 300 blindés à l'Ukraine, "
        "a confirmé Helsinki."
    )
    graph = build_graph(extract(text, date=dt.date(2025, 3, 3)))
    pledges = [
        (k, d) for _, _, k, d in graph.edges(keys=True, data=True) if d["predicate"] == "pledgesTo"
    ]
    assert [k for k, _ in pledges] == ["pledgesTo"]
    data = pledges[0][1]
    assert data["attributes"] == {"item": "blindé", "quantity": 300}  # which fact
    assert data["time"]["value"] == "2025-03-03" and len(data["evidence"]) == 2
    # How each sentence gave it stays with that sentence (and reaches the page as names).
    first, second = data["evidence"]
    assert first["attributes"]["source_text"] == "le ministre finlandais de la Défense"
    assert "source_text" not in second["attributes"]
    shown = fact_text(data, graph, "fr")["evidence"]
    assert shown[0]["details"][0][1] == "le ministre finlandais de la Défense"
    assert shown[1]["details"] == []


def test_find_matches_names_not_ids() -> None:
    from kg.graph import find_entities

    g = nx.MultiDiGraph()
    g.add_node("organization:coalition-des-drones@a", label="coalition des drones", aliases=[])
    g.add_node("agreement:accord-de-la-coalition@a", label="accord d'achat", aliases=[])
    g.add_node("Q7184", label="OTAN", aliases=["Alliance atlantique"])
    assert find_entities(g, "coalition") == ["organization:coalition-des-drones@a"]
    assert find_entities(g, "atlantique") == ["Q7184"]
    assert find_entities(g, "Q7184") == []


def test_of_two_shortest_paths_the_asserted_one_whatever_the_names_and_order() -> None:
    for doubtful, sure in (("p", "q"), ("q", "p")):
        expected = [("s", doubtful, "joins", "expected"), (doubtful, "t", "memberOf", "asserted")]
        asserted = [(sure, "s", "launchedAt", "asserted"), (sure, "t", "partOf", "asserted")]
        for edges in (expected + asserted, asserted + expected):
            g = nx.MultiDiGraph()
            for u, v, key, modality in edges:
                g.add_edge(u, v, key=key, modality=modality)
            assert shortest_path(g, "s", "t") == ["s", sure, "t"]
