"""kg.export.html, kg.export.timeline.html and kg.export.layout without a browser.

The graphs are built by hand following docs/internals.md, so these tests need neither
spaCy nor the other stages. ``tests/test_browser.py`` imports the builders from here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.errors import ExportError
from kg.export.html import render_page, to_network, write_html
from kg.export.layout import compute_layout
from kg.export.page import check_offline, script_json
from kg.export.timeline.html import render_timeline, write_timeline_html

COALITION = "organization:coalition-des-drones"
MEETING = "event:reunion-des-ministres-de-la-defense-de-l-otan"
SHAPPS = "person:grant-shapps"
HOSTILE = "<img src=x onerror=alert(1)>"


def _time(value: str, start: str, end: str, granularity: str, text: str) -> dict[str, Any]:
    return {
        "value": value,
        "start": start,
        "end": end,
        "granularity": granularity,
        "text": text,
        "inferred": False,
    }


FEB15 = _time("2024-02-15", "2024-02-15", "2024-02-15", "day", "le 15 février")
FEB = _time("2024-02", "2024-02-01", "2024-02-29", "month", "en février")
YEAR = _time("2024", "2024-01-01", "2024-12-31", "year", "cette année")


def _edge(
    g: nx.MultiDiGraph,
    u: str,
    pred: str,
    v: str,
    sentence: str,
    *,
    modality: str = "asserted",
    time: dict[str, Any] | None = None,
    doc: str = "article-a",
    **attributes: Any,
) -> str:
    """Add one fact the way kg.graph does; return its ``subject|key|object`` ref."""
    g.add_edge(
        u,
        v,
        key=pred,
        predicate=pred,
        modality=modality,
        time=time,
        attributes=attributes,
        evidence=[{"doc": doc, "start": 0, "end": len(sentence), "text": sentence}],
    )
    return f"{u}|{pred}|{v}"


def sample_graph() -> nx.MultiDiGraph:
    """A small drone-coalition-like graph: every type, modality style and date shape."""
    g = nx.MultiDiGraph(docs={"article-a": {"date": "2024-02-15", "lang": "fr"}})
    nodes = [
        ("Q145", "Royaume-Uni", "Country", "Q145", ["le Royaume-Uni", "Londres"]),
        ("Q183", "Allemagne", "Country", "Q183", ["Berlin"]),
        ("Q211", "Lettonie", "Country", "Q211", ["Riga"]),
        ("Q212", "Ukraine", "Country", "Q212", ["Kiev"]),
        ("Q239", "Bruxelles", "Place", "Q239", []),
        ("Q28", "Hongrie", "Country", "Q28", []),
        ("Q55", "Pays-Bas", "Country", "Q55", ["La Haye"]),
        (COALITION, "coalition des drones", "Organization", None, ["coalition capacitaire"]),
        (MEETING, "réunion des ministres de la Défense de l'OTAN", "Event", None, []),
        (SHAPPS, "Grant Shapps", "Person", None, ["M. Shapps"]),
    ]
    for key, label, kind, qid, aliases in sorted(nodes):
        g.add_node(
            key,
            label=label,
            type=kind,
            wikidata=qid,
            aliases=sorted(aliases),
            docs=["article-a"],
            mentions=2,
        )
    s1 = "Londres et Riga prennent la tête d'une alliance consacrée aux drones."
    _edge(g, "Q145", "leads", COALITION, s1, time=FEB15)
    _edge(g, "Q211", "leads", COALITION, s1, time=FEB15)
    s2 = "Berlin et La Haye devraient s'y associer dans les semaines à venir."
    _edge(g, "Q183", "joins", COALITION, s2, modality="expected", time=FEB)
    _edge(g, "Q55", "joins", COALITION, s2, modality="expected")
    _edge(g, "Q28", "joins", COALITION, "Budapest a refusé d'y participer.", modality="negated")
    s3 = "L'alliance a été présentée en marge de la rencontre des ministres à Bruxelles."
    _edge(g, COALITION, "launchedAt", MEETING, s3, time=FEB15)
    _edge(g, MEETING, "locatedIn", "Q239", s3, time=FEB15)
    s4 = "Grant Shapps, chargé de la Défense britannique, a pris la parole."
    _edge(g, SHAPPS, "ministerOf", "Q145", s4, portfolio="Défense")
    s5 = "Le Royaume-Uni compte fournir un million de drones à l'Ukraine cette année."
    _edge(
        g,
        "Q145",
        "pledgesTo",
        "Q212",
        s5,
        modality="planned",
        time=YEAR,
        doc="article-b",
        quantity=1_000_000,
        item="drone",
    )
    return g


def sample_rows() -> list[dict[str, Any]]:
    """Timeline rows for :func:`sample_graph` (contract of kg.timeline)."""
    return [
        _row(
            "r1",
            YEAR,
            "Un million de drones promis à l'Ukraine",
            "Le Royaume-Uni compte fournir un million de drones à l'Ukraine cette année.",
            ["Royaume-Uni", "Ukraine"],
            "article-b",
            ["Q145|pledgesTo|Q212"],
        ),
        _row(
            "r2",
            FEB,
            "L'Allemagne devrait rejoindre l'alliance",
            "Berlin et La Haye devraient s'y associer.",
            ["Allemagne", "coalition des drones"],
            "article-a",
            [f"Q183|joins|{COALITION}"],
        ),
        _row(
            "r3",
            FEB15,
            "Lancement de l'alliance des drones",
            "L'alliance a été présentée à Bruxelles.",
            ["coalition des drones", "Bruxelles"],
            "article-a",
            [
                f"Q145|leads|{COALITION}",
                f"{COALITION}|launchedAt|{MEETING}",
                f"{MEETING}|locatedIn|Q239",
            ],
        ),
        _row(
            "r4",
            _time("2024-03-01", "2024-03-01", "2024-03-01", "day", "le 1er mars"),
            "Prochaine réunion prévue",
            "Une nouvelle rencontre aura lieu en mars.",
            [],
            "article-a",
            [],
        ),
    ]


def _row(rid, time, headline, sentence, entities, doc, facts) -> dict[str, Any]:
    return {
        "id": rid,
        "value": time["value"],
        "start": time["start"],
        "end": time["end"],
        "granularity": time["granularity"],
        "headline": headline,
        "sentence": sentence,
        "entities": entities,
        "entity_ids": [],
        "doc": doc,
        "facts": facts,
        "inferred": False,
    }


def hostile_graph() -> tuple[nx.MultiDiGraph, list[dict[str, Any]]]:
    """Names and sentences that try to break out of every context the page uses."""
    g = nx.MultiDiGraph()
    names = {
        "person:a": HOSTILE,
        "person:b": "</script><script>alert(2)</script>",
        "organization:c": '"\'><svg onload=alert(3)> & <a href="javascript:alert(4)">x</a>',
        "place:d": "<!-- <script> --> \u2028 ${alert(5)} `x`",
    }
    for key, name in sorted(names.items()):
        g.add_node(
            key,
            label=name,
            type="Person" if key.startswith("person") else "Place",
            wikidata=None,
            aliases=[name + " alias"],
            docs=["<b>doc</b>"],
            mentions=1,
        )
    bad = "Il a dit <script>alert(6)</script> & <img src=x onerror=alert(7)>."
    _edge(g, "person:a", "leads", "organization:c", bad, doc="<i>doc</i>", time=FEB15)
    _edge(g, "person:b", "<b>joins</b>", "place:d", bad, modality="<u>m</u>")
    rows = [
        _row("r1", FEB15, HOSTILE, bad, [HOSTILE], "</script>", ["person:a|leads|organization:c"])
    ]
    return g, rows


def big_graph(n: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A synthetic kg graph of ``n`` nodes (preferential attachment, like news hubs)."""
    import random

    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 1, seed=seed)
    types = ["Person", "Organization", "Country", "Place", "Event"]
    preds = ["leads", "joins", "memberOf", "ministerOf", "locatedIn", "signs"]
    mods = ["asserted", "asserted", "asserted", "expected", "planned", "reported", "negated"]
    g = nx.MultiDiGraph()
    for i in sorted(base.nodes):
        g.add_node(
            f"n{i}",
            label=f"Entité {i}",
            type=types[i % 5],
            wikidata=None,
            aliases=[],
            docs=[f"doc{i % 50}"],
            mentions=1,
        )
    for u, v in sorted(base.edges):
        day = 1 + rng.randrange(28)
        t = _time(f"2024-02-{day:02d}", f"2024-02-{day:02d}", f"2024-02-{day:02d}", "day", "x")
        _edge(
            g,
            f"n{u}",
            rng.choice(preds),
            f"n{v}",
            f"Phrase {u}-{v}.",
            modality=rng.choice(mods),
            time=t if rng.random() < 0.7 else None,
        )
    return g


# ---- tests -------------------------------------------------------------------------


def _data(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert found, "the page has no kg-data element"
    return json.loads(found.group(1))


def test_network_counts_and_styles() -> None:
    g = sample_graph()
    net = to_network(g, timeline=sample_rows())
    assert len(net.nodes) == g.number_of_nodes()
    assert len(net.edges) == g.number_of_edges()
    nodes = {n["id"]: n for n in net.nodes}
    edges = {e["id"]: e for e in net.edges}
    assert nodes["Q145"]["shape"] == "diamond" and nodes[SHAPPS]["shape"] == "dot"
    assert nodes[COALITION]["value"] == 6  # degree decides size
    assert edges[f"Q183|joins|{COALITION}"]["dashes"] == [8, 6]  # expected -> dashed
    assert edges[f"Q145|leads|{COALITION}"]["dashes"] is False
    assert edges[f"Q28|joins|{COALITION}"]["fullLabel"].startswith("✗")
    assert "1\u202f000\u202f000 drone" in edges["Q145|pledgesTo|Q212"]["fullLabel"]
    # Drawn when it fits between its nodes, else only while the fact is in focus.
    assert all(e["label"] in (e["fullLabel"], "") for e in net.edges)
    assert any(e["label"] for e in net.edges)
    assert "Wikidata : Q145" in nodes["Q145"]["title"]
    tooltip = edges[f"{COALITION}|launchedAt|{MEETING}"]["title"]
    assert "15 février 2024" in tooltip and "article-a" in tooltip and "Bruxelles" in tooltip
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in net.nodes)


def test_page_is_offline_and_complete(tmp_path: Path) -> None:
    out = write_html(
        sample_graph(), tmp_path / "graph.html", timeline=sample_rows(), title="Drones"
    )
    page = out.read_text(encoding="utf-8")
    assert "bootstrap" not in page.lower()
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<title>Drones</title>" in page
    data = _data(page)
    assert len(data["nodes"]) == 10 and len(data["edges"]) == 9
    assert [r["id"] for r in data["timeline"]] == ["r1", "r2", "r3", "r4"]
    assert data["timeline"][2]["facts"][0] == f"Q145|leads|{COALITION}"
    assert not list(tmp_path.glob(".*.tmp")), "temporary file left behind"


def test_only_vendor_urls_remain(tmp_path: Path) -> None:
    """vis-network's bundle names a few URLs in strings and licence comments; none is fetched."""
    page = write_html(sample_graph(), tmp_path / "g.html").read_text(encoding="utf-8")
    urls = set(re.findall(r"https?://[^\s\"'<>)]*", page))
    allowed = {
        "http://www.w3.org/2000/svg",  # SVG namespace, used with createElementNS
        "http://almende.com",
        "http://opensource.org/licenses/MIT",
        "http://www.apache.org/licenses/LICENSE-2.0",
        "https://github.com/visjs",
        "https://visjs.github.io/vis-network/",
        "https://github.com/zloirock/core-js",
        "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
        "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    }
    assert urls <= allowed, urls - allowed
    check_offline(page)


def test_check_offline_rejects_external_tags() -> None:
    for bad in (
        '<script src="https://cdn.example/x.js"></script>',
        '<link rel="stylesheet" href="//cdn.example/x.css">',
        "<img src=http://x/y.png>",
        "<style>body{background:url(https://x/y.png)}</style>",
    ):
        with pytest.raises(ExportError):
            check_offline(f"<html><body>{bad}</body></html>")
    check_offline("<html><style>a{background:url(data:image/png;base64,AA)}</style></html>")


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    g, rows = hostile_graph()
    page = write_html(g, tmp_path / "h.html", timeline=rows, title="<b>t</b>").read_text("utf-8")
    check_offline(page)
    # Raw markup from the data never appears: it is JSON-escaped everywhere.
    for needle in (HOSTILE, "alert(2)</script>", "<svg onload", "<script>alert(6)", "<b>doc"):
        assert needle not in page
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in page
    # pyvis would use innerHTML for node tooltips containing "href": that path stays off.
    assert "div.popup" not in page and "popup.innerHTML" not in page
    data = _data(page)
    assert HOSTILE in {n["label"] for n in data["nodes"]}
    assert data["timeline"][0]["headline"] == HOSTILE
    assert script_json("</script>") == '"\\u003c/script\\u003e"'


def test_deterministic_bytes(tmp_path: Path) -> None:
    a = write_html(sample_graph(), tmp_path / "a.html", timeline=sample_rows()).read_bytes()
    b = write_html(sample_graph(), tmp_path / "b.html", timeline=sample_rows()).read_bytes()
    assert a == b
    t1 = write_timeline_html(sample_rows(), tmp_path / "t1.html", graph=sample_graph()).read_bytes()
    t2 = write_timeline_html(sample_rows(), tmp_path / "t2.html", graph=sample_graph()).read_bytes()
    assert t1 == t2


def test_layout_is_deterministic_and_spread() -> None:
    g = sample_graph()
    pos = compute_layout(g)
    assert pos == compute_layout(g.copy())
    assert set(pos) == set(g.nodes)
    points = list(pos.values())
    closest = min(
        abs(a[0] - b[0]) + abs(a[1] - b[1]) for i, a in enumerate(points) for b in points[i + 1 :]
    )
    assert closest > 40, "two nodes are drawn on top of each other"
    big = big_graph(1200)
    pos_big = compute_layout(big)
    assert len(set(pos_big.values())) == 1200  # radial layout: no two nodes share a spot


def test_max_nodes_keeps_best_connected() -> None:
    net = to_network(sample_graph(), timeline=sample_rows(), max_nodes=3)
    ids = {n["id"] for n in net.nodes}
    assert ids == {COALITION, "Q145", MEETING}
    assert all(e["from"] in ids and e["to"] in ids for e in net.edges)
    facts = [f for r in net.kg_payload["timeline"] for f in r["facts"]]
    assert f"Q183|joins|{COALITION}" not in facts  # dropped with its node
    with pytest.raises(ExportError):
        to_network(sample_graph(), max_nodes=0)


def test_bad_input_raises_kg_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="networkx graph"):
        to_network({"nodes": []})  # type: ignore[arg-type]
    with pytest.raises(ExportError, match="to_network"):
        render_page(object())  # type: ignore[arg-type]


def test_timeline_page(tmp_path: Path) -> None:
    rows = sample_rows()
    out = write_timeline_html(
        rows, tmp_path / "timeline.html", graph=sample_graph(), title="Chrono"
    )
    page = out.read_text(encoding="utf-8")
    check_offline(page)
    assert not re.search(r"https?://", page)
    # Vague dates are spans, not points.
    assert "2024-01-01 – 2024-12-31" in page and "2024-02-01 – 2024-02-29" in page
    # Rows are sorted: the February day comes after the February month and the year.
    assert page.index("Lancement de l") > page.index("devrait rejoindre")
    # Rows with facts link into the graph page; the row without facts does not.
    assert 'href="graph.html#row=' in page
    assert page.count('href="graph.html#') == 3
    assert "Prochaine réunion prévue" in page


def test_timeline_page_escapes(tmp_path: Path) -> None:
    g, rows = hostile_graph()
    page = render_timeline(rows, graph=g, title=HOSTILE)
    check_offline(page)
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>alert(6)" not in page and "</script><script>alert(2)" not in page
    assert page.count("<script>") == 1  # only our filter script


def _made_up_language(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Give the exporters made-up strings ``⟦key⟧`` (with French's fields) and month names."""
    import kg.export.graph_data as graph_data
    import kg.export.html as graph_page
    import kg.export.timeline.html as timeline_page
    import kg.lang.i18n
    import kg.lang.terms as terms
    from kg.lang.i18n import UiStrings, ui_strings

    french = dict(ui_strings("fr"))
    made_up = UiStrings(
        "xx", {k: f"⟦{k}⟧" + "|".join(re.findall(r"\{\w+\}", v)) for k, v in french.items()}
    )
    months = tuple(f"⟦month{m}⟧" for m in range(1, 13))
    for module in (graph_page, graph_data, timeline_page, kg.lang.i18n):
        monkeypatch.setattr(module, "ui_strings", lambda lang: made_up)
    for module in (graph_data, timeline_page, terms):
        monkeypatch.setattr(module, "month_names", lambda lang: months)
    # Term names (the ontology's labels) and fact phrases (phrases.json) made up the same way.
    monkeypatch.setattr(terms, "ui_strings", lambda lang: made_up)
    monkeypatch.setattr(terms, "term_labels", lambda lang: _MadeUpTerms())
    phrases = terms._phrases("fr")
    made_up_phrases = {
        "sentence": "{subject} {verb} {object}",
        "what": "{quantity} {item}",
        "fallback": "⟦fallback⟧{label}{modality}",
        "modalities": {m: f"⟦{m}⟧{{done}}" for m in phrases["modalities"]},
        "predicates": {p: {"done": f"⟦{p}⟧"} for p in phrases["predicates"]},
    }
    monkeypatch.setattr(terms, "_phrases", lambda lang: made_up_phrases)
    french.update({f"term.{k}": v for k, v in terms.term_labels("fr").items()})
    french.update(
        {
            f"phrase.{p}.{k}": v
            for p, forms in phrases["predicates"].items()
            for k, v in forms.items()
        }
    )
    return french


class _MadeUpTerms(dict):
    """Every term's made-up name is ``⟦name⟧``."""

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> str:
        return f"⟦{key}⟧"

    def get(self, key: str, default: object = None) -> str:
        return f"⟦{key}⟧"


def _leftover_french(page: str, french: dict[str, str], allowed: str) -> list[str]:
    """French UI strings in ``page`` that neither a made-up string nor ``allowed`` explains."""
    page = re.sub(r"⟦[^⟧]*⟧", "", page)
    return [
        text
        for key, text in french.items()
        if not key.startswith("notebook.")  # the notebook card's labels are not on the pages
        and len(text) >= 3
        and "{" not in text
        and text in page
        and text not in allowed
    ]


def test_graph_page_takes_every_word_from_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    french = _made_up_language(monkeypatch)
    net = to_network(sample_graph(), timeline=sample_rows(), lang="xx")
    page = render_page(net)
    assert '<html lang="xx">' in page
    # vis-network's own code and the article text (pyvis's page, the rows) may hold words.
    article = net.generate_html() + json.dumps(sample_rows(), ensure_ascii=False)
    assert _leftover_french(page, french, allowed=article) == []
    data = _data(page)
    assert data["months"][0] == "⟦month1⟧"
    assert data["i18n"] and all(v.startswith("⟦") for v in data["i18n"].values())
    assert data["modalityLabels"]["negated"] == "⟦negated⟧"
    assert data["typeLabels"]["Country"] == "⟦Country⟧"
    assert {e["verb"] for e in data["edges"]} <= {
        f"⟦{e['modality']}⟧⟦{e['predicate']}⟧" for e in data["edges"]
    }
    node = next(n for n in net.nodes if n["id"] == "Q145")
    assert "⟦common.label_value⟧⟦common.wikidata⟧|Q145" in node["title"]
    assert 'placeholder="⟦graph.search_placeholder⟧"' in page


def test_timeline_page_takes_every_word_from_the_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    french = _made_up_language(monkeypatch)
    rows = sample_rows()
    page = render_timeline(rows, graph=sample_graph(), lang="xx")
    assert '<html lang="xx">' in page and "<title>⟦common.timeline⟧</title>" in page
    assert _leftover_french(page, french, allowed=json.dumps(rows, ensure_ascii=False)) == []
    assert "⟦month3⟧" in page  # "1er mars 2024" is built from the language's parts
    filtered = "⟦timeline.count_filtered⟧{shown}|{count}"
    assert _data(page) == {"i18n": {"timeline.count_filtered": filtered}}


def test_french_pages_read_as_before(tmp_path: Path) -> None:
    """The strings moved to kg/lang/fr/ui.json; the French pages say what they said."""
    net = to_network(sample_graph(), timeline=sample_rows())
    page = render_page(net)
    assert '<html lang="fr">' in page
    assert 'placeholder="Rechercher une entité…"' in page and "<h2>Types d'entité</h2>" in page
    edges = {e["id"]: e for e in net.edges}
    assert "Date : 2024 (« cette année »)" in edges["Q145|pledgesTo|Q212"]["title"]
    assert edges["Q145|pledgesTo|Q212"]["title"].startswith(
        "Royaume-Uni doit promettre 1\u202f000\u202f000 drone à Ukraine"
    )
    assert "« Londres et Riga" in edges[f"Q145|leads|{COALITION}"]["title"]
    assert _data(page)["months"][7] == "août"
    timeline = render_timeline(sample_rows(), graph=sample_graph())
    assert '<html lang="fr">' in timeline and "<title>Chronologie</title>" in timeline
    assert '<span id="kg-count">4 événements</span>' in timeline
    assert '<time datetime="2024-03-01">1er mars 2024</time>' in timeline
    assert "<h2>Février 2024</h2>" in timeline and "<h2>2024</h2>" in timeline
    assert "2024-01-01" not in re.sub(r"<[^>]*>", "", timeline)  # no ISO date shown as text
    assert "voir dans le graphe (3 faits)" in timeline and "(1 fait)" in timeline
    assert '<p class="kg-empty">Aucun événement daté.</p>' in render_timeline([])


def test_corpus_scale_labels_only_the_hubs() -> None:
    """Above LABEL_ALL entities at most the LABEL_TOP best connected are labelled."""
    from kg.export.html import LABEL_ALL, LABEL_TOP

    g = nx.MultiDiGraph(docs={"a": {"date": None, "lang": "fr"}})
    names = [f"Ville numéro {i}" for i in range(LABEL_ALL + 20)]
    for i, name in enumerate(names):
        g.add_node(f"n{i:03}", label=name, type="Place", aliases=[], docs=["a"])
    for i in range(1, LABEL_ALL):  # a star: n000 is the hub, the last 20 are isolated
        _edge(g, "n000", "locatedIn", f"n{i:03}", "Une phrase.", doc="a")
    net = to_network(g)
    labels = {n["id"]: n["label"] for n in net.nodes}
    labelled = sorted(n for n, label in labels.items() if label)
    # The hub first; then those whose names do not cover an already drawn one.
    assert "n000" in labelled and 5 <= len(labelled) <= LABEL_TOP
    assert all(not labels[f"n{i:03}"] for i in range(LABEL_ALL, LABEL_ALL + 20))
    # Drawn big enough (canvas units) to read at the page's first, zoomed-out view.
    size = net.options["nodes"]["scaling"]["label"]
    assert size["min"] > 14 and size["maxVisible"] == 30
