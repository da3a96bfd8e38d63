"""Hand-built graphs following docs/internals.md, shared by the RDF, store and ontology tests.

The drone-coalition corpus below is invented for the tests (names and sentences included):
two articles, one about a coalition launched at a NATO defence ministers' meeting in
Brussels, one about the NATO summit in Washington.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import networkx as nx

from kg.graph import READING_ATTRIBUTES
from kg.model import MODALITIES
from kg.vocab import RELATION_PROPERTIES

DOC1 = "drones-2024-02-15"
DOC2 = "sommet-washington"
COALITION = "organization:coalition-des-drones"
MEETING = "event:reunion-des-ministres-de-la-defense-de-l-otan"
SUMMIT = "event:sommet-de-l-otan-a-washington"

#: The eight states expected to join (Wikidata id, French name).
JOINERS = [
    ("Q183", "Allemagne"),
    ("Q55", "Pays-Bas"),
    ("Q35", "Danemark"),
    ("Q20", "Norvège"),
    ("Q34", "Suède"),
    ("Q36", "Pologne"),
    ("Q191", "Estonie"),
    ("Q37", "Lituanie"),
]

_DOC1_SENTENCES = [
    "Le ministre britannique de la Défense, Edmund Hale, et son homologue letton Andris Kalns "
    "ont présenté jeudi la coalition des drones.",
    "Le Royaume-Uni et la Lettonie dirigent cette coalition, lancée le 15 février 2024 lors de "
    "la réunion des ministres de la Défense de l'OTAN à Bruxelles.",
    "L'Allemagne, les Pays-Bas, le Danemark, la Norvège, la Suède, la Pologne, l'Estonie et la "
    "Lituanie devraient la rejoindre.",
    "La coalition prévoit de livrer un million de drones à l'Ukraine.",
]
_DOC2_SENTENCES = [
    "Le sommet de l'OTAN se tiendra à Washington en juillet 2024.",
    "Le Royaume-Uni devrait y participer.",
]


def _sentences(sentences: list[str]) -> tuple[str, list[dict[str, Any]]]:
    text, spans = "", []
    for sentence in sentences:
        if text:
            text += " "
        spans.append({"start": len(text), "end": len(text) + len(sentence), "text": sentence})
        text += sentence
    return text, spans


DOC1_TEXT, DOC1_SPANS = _sentences(_DOC1_SENTENCES)
DOC2_TEXT, DOC2_SPANS = _sentences(_DOC2_SENTENCES)

DAY = {
    "value": "2024-02-15",
    "start": "2024-02-15",
    "end": "2024-02-15",
    "granularity": "day",
    "text": "le 15 février 2024",
    "inferred": False,
}
MONTH = {
    "value": "2024-07",
    "start": "2024-07-01",
    "end": "2024-07-31",
    "granularity": "month",
    "text": "en juillet 2024",
    "inferred": False,
}


def _ev(doc: str, index: int) -> list[dict[str, Any]]:
    span = (DOC1_SPANS if doc == DOC1 else DOC2_SPANS)[index]
    return [{"doc": doc, **span}]


def _node(g: nx.MultiDiGraph, key: str, label: str, type_: str, docs: list[str], **kw: Any) -> None:
    g.add_node(
        key,
        label=label,
        type=type_,
        wikidata=kw.get("wikidata", key if key.startswith("Q") else None),
        aliases=sorted(kw.get("aliases", [])),
        docs=sorted(docs),
        mentions=kw.get("mentions", 1),
    )


def _edge(
    g: nx.MultiDiGraph,
    u: str,
    v: str,
    predicate: str,
    modality: str,
    evidence: list[dict[str, Any]],
    time: dict[str, Any] | None = None,
    key: str | None = None,
    **attributes: Any,
) -> None:
    # As kg.graph.build_graph stores them: how a sentence gave the fact sits on its evidence.
    read = {k: v for k, v in sorted(attributes.items()) if k in READING_ATTRIBUTES}
    if read:
        evidence = [{**ev, "attributes": read} for ev in evidence]
    attributes = {k: v for k, v in attributes.items() if k not in READING_ATTRIBUTES}
    g.add_edge(
        u,
        v,
        key=key or predicate,
        predicate=predicate,
        modality=modality,
        time=time,
        attributes=attributes,
        evidence=evidence,
    )


def drone_graph() -> nx.MultiDiGraph:
    """The two-article drone-coalition graph every competency query is checked against."""
    g = nx.MultiDiGraph()
    g.graph["docs"] = {
        DOC1: {"date": "2024-02-15", "lang": "fr"},
        DOC2: {"date": "2024-07-01", "lang": "fr"},
    }
    both = [DOC1, DOC2]
    nodes = [
        ("Q145", "Royaume-Uni", "Country", both, {"aliases": ["britannique"], "mentions": 3}),
        ("Q211", "Lettonie", "Country", [DOC1], {"aliases": ["letton"], "mentions": 2}),
        ("Q212", "Ukraine", "Country", [DOC1], {}),
        ("Q7184", "OTAN", "Organization", both, {"aliases": ["l'OTAN"], "mentions": 2}),
        ("Q239", "Bruxelles", "Place", [DOC1], {}),
        ("Q61", "Washington", "Place", [DOC2], {}),
        (COALITION, "coalition des drones", "Organization", [DOC1], {"mentions": 3}),
        (MEETING, "réunion des ministres de la Défense de l'OTAN", "Event", [DOC1], {}),
        (SUMMIT, "sommet de l'OTAN à Washington", "Event", [DOC2], {}),
        ("person:edmund-hale", "Edmund Hale", "Person", [DOC1], {}),
        ("person:andris-kalns", "Andris Kalns", "Person", [DOC1], {}),
    ]
    nodes += [(q, name, "Country", [DOC1], {}) for q, name in JOINERS]
    for key, label, type_, docs, kw in sorted(nodes):
        _node(g, key, label, type_, docs, **kw)

    edges: list[tuple[Any, ...]] = [
        (
            "person:edmund-hale",
            "Q145",
            "ministerOf",
            "asserted",
            _ev(DOC1, 0),
            None,
            {"portfolio": "Défense", "trigger": "ministre"},
        ),
        (
            "person:andris-kalns",
            "Q211",
            "ministerOf",
            "asserted",
            _ev(DOC1, 0),
            None,
            {"portfolio": "Défense", "trigger": "homologue"},
        ),
        ("Q145", COALITION, "leads", "asserted", _ev(DOC1, 1), DAY, {"trigger": "dirigent"}),
        ("Q211", COALITION, "leads", "asserted", _ev(DOC1, 1), DAY, {"trigger": "dirigent"}),
        (COALITION, MEETING, "launchedAt", "asserted", _ev(DOC1, 1), DAY, {"trigger": "lancée"}),
        (MEETING, "Q239", "heldIn", "asserted", _ev(DOC1, 1), DAY, {}),
        (
            COALITION,
            "Q212",
            "pledgesTo",
            "planned",
            _ev(DOC1, 3),
            None,
            {"quantity": 1_000_000, "item": "drones", "trigger": "livrer"},
        ),
        (
            "person:edmund-hale",
            "Q212",
            "said",
            "asserted",
            _ev(DOC1, 3),
            None,
            {
                "trigger": "déclarer",
                "quote": "nous enverrons des drones",
                "quote_start": 10,
                "quote_end": 35,
                "direct": True,
                "reporting_verb": "déclarer",
            },
        ),
        (SUMMIT, "Q61", "heldIn", "planned", _ev(DOC2, 0), MONTH, {"trigger": "se tiendra"}),
        (
            "Q145",
            SUMMIT,
            "participatesIn",
            "expected",
            _ev(DOC2, 1),
            MONTH,
            {"trigger": "participer"},
        ),
    ]
    edges += [
        (q, COALITION, "joins", "expected", _ev(DOC1, 2), None, {"trigger": "rejoindre"})
        for q, _ in JOINERS
    ]
    for u, v, predicate, modality, evidence, time, attributes in sorted(edges, key=str):
        _edge(g, u, v, predicate, modality, evidence, time, **attributes)
    return g


def hostile_graph() -> nx.MultiDiGraph:
    """Entity keys and labels chosen to break naive IRI minting and escaping."""
    names = [
        'person:o"brien <script>alert(1)</script>',
        "person:jean dupont",
        "person:\U0001f680 rocket",
        "place:القاهرة",
        "organization:line\nbreak\ttab",
        "event:100% sûr/./..#frag?q=1&x",
        "person:back\\slash{}|^`",
    ]
    g = nx.MultiDiGraph(docs={"doc <1> é.txt": {"date": "2024-02-15", "lang": "fr"}})
    for name in names:
        _node(
            g,
            name,
            name.split(":", 1)[1],
            name.split(":", 1)[0].title(),
            ["doc <1> é.txt"],
            aliases=[name + " alias"],
        )
    evidence = [
        {"doc": "doc <1> é.txt", "start": 0, "end": 12, "text": 'Il a dit "non" \U0001f680\n.'}
    ]
    for a, b in itertools.pairwise(names):
        _edge(g, a, b, "meetsWith", "asserted", evidence, None, trigger="rencontre")
    return g


TYPES = ["Person", "Organization", "Country", "Place", "Event"]


def synthetic_graph(n_edges: int, seed: int = 7, edges_per_doc: int = 35) -> nx.MultiDiGraph:
    """A graph following docs/internals.md: ~1 node per 3.5 edges, ~1 doc per 35 edges.

    About 19 quads (15 distinct triples) per edge: ``synthetic_graph(75_000)`` gives 1.4M
    quads, 1.1M triples. Used by the benchmarks and the streaming-load tests.
    """
    rng = random.Random(seed)
    n_nodes, n_docs = max(n_edges * 2 // 7, 2), max(n_edges // edges_per_doc, 1)
    docs = [f"article-{i:06d}" for i in range(n_docs)]
    g = nx.MultiDiGraph(
        docs={
            d: {"date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "lang": "fr"}
            for i, d in enumerate(docs)
        }
    )
    keys = []
    for i in range(n_nodes):
        type_ = TYPES[i % 5]
        key = f"Q{100 + i}" if i % 3 == 0 else f"{type_.lower()}:entite-{i}"
        keys.append(key)
        g.add_node(
            key,
            label=f"Entité numéro {i}",
            type=type_,
            wikidata=key if key.startswith("Q") else None,
            aliases=[f"alias {i}"] if i % 4 == 0 else [],
            docs=sorted(rng.sample(docs, k=min(2, n_docs))),
            mentions=rng.randint(1, 9),
        )
    predicates = sorted(RELATION_PROPERTIES)
    for i in range(n_edges):
        u, v = rng.choice(keys), rng.choice(keys)
        pred = predicates[i % len(predicates)]
        doc = rng.choice(docs)
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        time_ = (
            {
                "value": day,
                "start": day,
                "end": day,
                "granularity": "day",
                "text": "jeudi",
                "inferred": False,
            }
            if i % 2
            else None
        )
        attributes = {"trigger": "annonce"}
        if pred == "pledgesTo":
            attributes.update(quantity=1000 * (i % 50 + 1), item="obus")
        g.add_edge(
            u,
            v,
            key=f"{pred}~{i}",
            predicate=pred,
            modality=MODALITIES[i % len(MODALITIES)],
            time=time_,
            attributes=attributes,
            evidence=[
                {
                    "doc": doc,
                    "start": 10 * (i % 90),
                    "end": 10 * (i % 90) + 80,
                    "text": f"Phrase {i} de l'article.",
                }
            ],
        )
    return g
