"""graph.html and timeline.html in a real browser (Playwright driving Debian's chromium).

Every request that is not ``file:`` is aborted and counted, console errors and dialogs are
recorded, and screenshots go to tests/screenshots/ for a human to look at. Without a
chromium these tests skip, unless ``KG_REQUIRE_BROWSER=1`` (CI) makes that a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from test_html import (
    COALITION,
    HOSTILE,
    MEETING,
    SHAPPS,
    _edge,
    hostile_graph,
    sample_graph,
    sample_rows,
)

from kg.export.html import write_html
from kg.export.timeline.html import write_timeline_html

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"

# Runs before any page script: records alert/confirm/prompt calls even if a dialog is
# never shown, so an injected script cannot go unnoticed.
_HOOK = """
window.__kgAlerts = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__kgAlerts.push(name + ":" + args.join(",")); };
}
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"KG_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless chromium for the module (launching takes about a second)."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"no chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright)")
    with sync_playwright() as pw:
        chrome = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chrome
        chrome.close()


@dataclass
class Visit:
    """An open page and everything it tried to do."""

    page: Any
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def alerts(self) -> list[str]:
        return self.page.evaluate("window.__kgAlerts") + self.dialogs

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(exist_ok=True)
        out = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(out))
        return out


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """``visit(path)`` opens a file with the network cut off; checks run at teardown."""
    contexts = []

    def open_(path: Path, *, wait_graph: bool = True) -> Visit:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        v = Visit(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                v.external.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.add_init_script(_HOOK)
        page.on("console", lambda m: v.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: v.errors.append(str(e)))
        page.on("dialog", lambda d: (v.dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri())
        if wait_graph:
            page.wait_for_function("window.kgFirstDraw !== null && !!window.kgView", timeout=20000)
        return v

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def graph_page(tmp_path: Path, visit: Any) -> Visit:
    path = write_html(
        sample_graph(), tmp_path / "graph.html", timeline=sample_rows(), title="Drones"
    )
    return visit(path)


def _clean(v: Visit) -> None:
    assert v.external == [], f"requests left the page: {v.external}"
    assert v.errors == [], f"console errors: {v.errors}"
    assert v.alerts() == [], f"a script ran: {v.alerts()}"


def _click_node(v: Visit, node: str) -> None:
    xy = v.page.evaluate("id => window.kgView.position(id)", node)
    box = v.page.locator("#mynetwork").bounding_box()
    v.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])


def _hover_node(v: Visit, node: str) -> str:
    xy = v.page.evaluate("id => window.kgView.position(id)", node)
    box = v.page.locator("#mynetwork").bounding_box()
    v.page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    tooltip = v.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    return tooltip.text_content() or ""


def test_graph_page_offline_and_complete(graph_page: Visit) -> None:
    v = graph_page
    g = sample_graph()
    counts = v.page.evaluate(
        "[nodes.length, edges.length, kgView.visibleNodeIds().length, "
        "kgView.visibleEdgeIds().length]"
    )
    assert counts == [g.number_of_nodes(), g.number_of_edges()] * 2
    assert "10 / 10 entités" in v.page.locator("#kg-status").text_content()
    # Type legend: a coloured shape per type in the type filter; edge styles below.
    assert v.page.locator("#kg-filter-types .kg-shape").count() == 5
    assert v.page.locator("#kg-legend .kg-legend-row").count() == 4
    assert v.page.locator("#kg-timeline .kg-row").count() == len(sample_rows())
    v.shot("graph-overview")
    _clean(v)


def test_click_node_opens_panel_and_timeline(graph_page: Visit) -> None:
    v = graph_page
    _click_node(v, COALITION)
    panel = v.page.locator("#kg-panel")
    assert panel.locator("h2").text_content() == "coalition des drones"
    assert panel.locator(".kg-fact").count() == 6
    focused = v.page.evaluate("kgView.focusedNodeIds()")
    assert {"Q145", "Q211", "Q183", "Q55", "Q28", MEETING} <= set(focused)
    assert SHAPPS not in focused
    assert v.page.evaluate("kgView.hitRows()") == [1, 2]  # rows citing the coalition's facts
    v.shot("graph-node-panel")
    _clean(v)


def test_tooltips_show_text(graph_page: Visit) -> None:
    v = graph_page
    text = _hover_node(v, "Q145")
    assert "Royaume-Uni" in text and "Wikidata : Q145" in text and "Londres" in text
    v.shot("graph-tooltip")
    _clean(v)


def test_search_focuses_entity(graph_page: Visit) -> None:
    v = graph_page
    v.page.locator("#kg-search").fill("allem")
    results = v.page.locator("#kg-search-results li")
    assert results.count() == 1 and results.first.text_content().startswith("Allemagne")
    assert v.page.evaluate("kgView.focusedNodeIds()") == ["Q183"]
    v.page.locator("#kg-search").press("Enter")
    assert v.page.locator("#kg-panel h2").text_content() == "Allemagne"
    assert set(v.page.evaluate("kgView.focusedNodeIds()")) == {"Q183", COALITION}
    _clean(v)


def test_type_and_modality_filters(graph_page: Visit) -> None:
    v = graph_page
    v.page.locator('#kg-filter-types input[data-value="Person"]').uncheck()
    assert SHAPPS not in v.page.evaluate("kgView.visibleNodeIds()")
    assert f"{SHAPPS}|ministerOf|Q145" not in v.page.evaluate("kgView.visibleEdgeIds()")
    assert v.page.evaluate(f"nodes.get('{SHAPPS}').hidden") is True
    v.page.locator('#kg-filter-modalities input[data-value="expected"]').uncheck()
    visible = v.page.evaluate("kgView.visibleNodeIds()")
    assert "Q183" not in visible and "Q55" not in visible and "Q145" in visible
    v.shot("graph-filtered")
    _clean(v)


def test_time_filter(graph_page: Visit) -> None:
    v = graph_page
    # Months in words, not the browser's mm/dd/yyyy.
    assert "février 2024" in _texts(v, "#kg-date-from option")
    v.page.locator("#kg-date-from").select_option("2024-02-01")
    v.page.locator("#kg-date-to").select_option("2024-02-29")
    v.page.locator("#kg-undated").uncheck()
    edges = set(v.page.evaluate("kgView.visibleEdgeIds()"))
    assert f"{COALITION}|launchedAt|{MEETING}" in edges
    assert f"Q183|joins|{COALITION}" in edges  # February overlaps the range
    assert "Q145|pledgesTo|Q212" in edges  # so does the year 2024
    assert f"Q55|joins|{COALITION}" not in edges  # undated
    nodes = set(v.page.evaluate("kgView.visibleNodeIds()"))
    assert SHAPPS not in nodes and "Q28" not in nodes
    v.page.locator("#kg-date-from").select_option("2024-03-01")
    assert v.page.evaluate("kgView.visibleEdgeIds()") == ["Q145|pledgesTo|Q212"]
    assert v.page.locator("#kg-timeline .kg-row:not(.kg-hidden)").count() == 1
    _clean(v)


def test_time_filter_by_year_over_a_long_span(tmp_path: Path, visit: Any) -> None:
    g = sample_graph()
    old = {"value": "2008", "start": "2008-01-01", "end": "2008-12-31", "granularity": "year"}
    _edge(g, "Q28", "memberOf", "Q55", "La Hongrie et les Pays-Bas, en 2008.", time=old)
    v = visit(write_html(g, tmp_path / "graph.html", timeline=sample_rows()))
    years = _texts(v, "#kg-date-from option")
    assert years == ["—", *map(str, range(2008, 2025))]  # not 200 months
    v.page.locator("#kg-date-from").select_option("2024-01-01")
    assert "Q28|memberOf|Q55" not in v.page.evaluate("kgView.visibleEdgeIds()")
    _clean(v)


def test_shortest_path(graph_page: Visit) -> None:
    v = graph_page
    v.page.locator("#kg-path-from").fill("Grant Shapps")
    v.page.locator("#kg-path-to").fill("Bruxelles")
    v.page.locator("#kg-path-go").click()
    assert v.page.evaluate("kgView.focusedEdgeIds()") == sorted(
        [
            f"{SHAPPS}|ministerOf|Q145",
            f"Q145|leads|{COALITION}",
            f"{COALITION}|launchedAt|{MEETING}",
            f"{MEETING}|locatedIn|Q239",
        ]
    )
    assert v.page.locator("#kg-panel .kg-fact").count() == 4
    v.shot("graph-path")
    _clean(v)


def test_timeline_row_highlights_facts(graph_page: Visit) -> None:
    v = graph_page
    v.page.locator('#kg-timeline .kg-row[data-index="2"]').click()
    rows = sample_rows()
    assert v.page.evaluate("kgView.focusedEdgeIds()") == sorted(rows[2]["facts"])
    assert v.page.evaluate("kgView.hitRows()") == [2]
    assert v.page.locator('#kg-timeline .kg-row[data-index="3"].kg-linked').count() == 0
    v.shot("graph-timeline-row")
    _clean(v)


def test_hash_link_from_timeline_page(tmp_path: Path, visit: Any) -> None:
    path = write_html(sample_graph(), tmp_path / "graph.html", timeline=sample_rows())
    v = visit(Path(str(path)))
    v.page.goto(path.resolve().as_uri() + "#row=r2")
    v.page.wait_for_function("window.kgView && kgView.hitRows().length === 1")
    assert v.page.evaluate("kgView.focusedEdgeIds()") == [f"Q183|joins|{COALITION}"]
    _clean(v)


def test_hostile_graph_runs_nothing(tmp_path: Path, visit: Any) -> None:
    g, rows = hostile_graph()
    v = visit(write_html(g, tmp_path / "hostile.html", timeline=rows, title=HOSTILE))
    for node in sorted(g.nodes):
        tip = _hover_node(v, node)
        # Shown as text, verbatim (bar a zero-width space that keeps pyvis off innerHTML).
        assert g.nodes[node]["label"] in tip.replace("\u200b", "")
        _click_node(v, node)
        assert v.page.locator("#kg-panel h2").text_content() == g.nodes[node]["label"]
    v.page.locator("#kg-search").fill("<img")
    assert v.page.locator("#kg-search-results li").first.text_content().startswith(HOSTILE)
    v.page.locator('#kg-timeline .kg-row[data-index="0"]').click()
    assert HOSTILE in v.page.locator("#kg-timeline").text_content()
    assert HOSTILE in v.page.locator("#kg-panel").text_content()
    # No element was built from the data: no img, no svg, no anchor, one title.
    assert v.page.evaluate("document.querySelectorAll('img, svg, a, iframe').length") == 0
    assert v.page.title() == HOSTILE
    v.shot("graph-hostile")
    _clean(v)


def test_timeline_page(tmp_path: Path, visit: Any) -> None:
    path = write_timeline_html(sample_rows(), tmp_path / "timeline.html", graph=sample_graph())
    write_html(sample_graph(), tmp_path / "graph.html", timeline=sample_rows())
    v = visit(path, wait_graph=False)
    assert v.page.locator(".kg-row").count() == 4
    assert v.page.locator(".kg-range").first.text_content() == "2024"
    v.shot("timeline")
    v.page.locator("#kg-filter").fill("allemagne")
    assert v.page.locator(".kg-row:visible").count() == 1
    v.page.locator(".kg-row:visible .kg-link").click()
    v.page.wait_for_function("window.kgView && kgView.hitRows().length === 1", timeout=20000)
    assert v.page.evaluate("kgView.focusedEdgeIds()") == [f"Q183|joins|{COALITION}"]
    _clean(v)


def test_hostile_timeline_page(tmp_path: Path, visit: Any) -> None:
    g, rows = hostile_graph()
    v = visit(
        write_timeline_html(rows, tmp_path / "t.html", graph=g, title=HOSTILE), wait_graph=False
    )
    assert HOSTILE in v.page.locator(".kg-row h3").text_content()
    assert v.page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
    v.page.locator("#kg-filter").fill("<img")
    v.shot("timeline-hostile")
    _clean(v)


def test_click_edge_highlights_timeline_rows(graph_page: Visit) -> None:
    v = graph_page
    a = v.page.evaluate("id => kgView.position(id)", MEETING)
    b = v.page.evaluate("id => kgView.position(id)", "Q239")
    box = v.page.locator("#mynetwork").bounding_box()
    # A third of the way along the (straight) edge: clear of both node labels.
    x, y = a["x"] + (b["x"] - a["x"]) / 3, a["y"] + (b["y"] - a["y"]) / 3
    v.page.mouse.click(box["x"] + x, box["y"] + y)
    assert v.page.locator("#kg-panel h2").text_content() == (
        "réunion des ministres de la Défense de l'OTAN se trouve à Bruxelles"
    )
    assert v.page.evaluate("kgView.focusedEdgeIds()") == [f"{MEETING}|locatedIn|Q239"]
    assert v.page.evaluate("kgView.hitRows()") == [2]
    _clean(v)


def _texts(v: Visit, selector: str) -> list[str]:
    return v.page.locator(selector).all_text_contents()


def test_graph_page_words(tmp_path: Path, visit: Any) -> None:
    """What graph.js writes, word for word (its strings come from kg/lang/fr/ui.json)."""
    rows = sample_rows()
    rows[1] = dict(rows[1], inferred=True)
    v = visit(write_html(sample_graph(), tmp_path / "graph.html", timeline=rows))
    page = v.page
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert _texts(v, "#kg-legend .kg-legend-row") == [
        "affirmé",
        "attendu, prévu, en attente, possible, rapporté",
        "nié (✗)",
        "Taille : nombre de relations",
    ]
    assert page.locator("#kg-status").text_content() == "10 / 10 entités · 9 / 9 relations"
    assert _texts(v, "#kg-timeline h3") == [
        "2024",
        "février 2024",
        "mars 2024",
    ]
    assert page.locator('#kg-timeline .kg-row[data-index="0"]').get_attribute("title") == (
        "Voir dans le graphe"
    )
    assert _texts(v, '#kg-timeline .kg-row[data-index="1"] .kg-when') == [
        "février 2024 (date de l'article)"
    ]
    page.evaluate(f"kgView.focusNode({COALITION!r})")
    assert _texts(v, "#kg-panel dt") == ["Type", "Alias", "Documents"]
    assert page.locator("#kg-panel h3").text_content() == "Faits (6)"
    assert "sans date" in _texts(v, "#kg-panel .kg-meta")
    page.evaluate("kgView.showEdge('Q145|pledgesTo|Q212')")
    assert _texts(v, "#kg-panel dt") == ["Sujet", "Objet", "Modalité", "Date"]
    assert page.locator("#kg-panel h2").text_content() == (
        "Royaume-Uni doit promettre 1\u202f000\u202f000 drone à Ukraine"
    )
    assert _texts(v, "#kg-panel dd")[2:4] == ["prévu", "2024 (« cette année »)"]
    assert page.locator("#kg-panel h3").text_content() == "Phrases (1)"
    assert _texts(v, "#kg-panel .kg-meta") == ["source : article-b"]
    page.evaluate("kgView.selectRow(1)")
    assert page.locator("#kg-panel .kg-meta").first.text_content() == (
        "février 2024 (date de l'article) · article-a"
    )
    page.locator("#kg-search").fill("zzz")
    assert _texts(v, "#kg-search-results li") == ["aucun résultat"]
    page.locator("#kg-path-from").fill("zzz")
    page.locator("#kg-path-go").click()
    assert _texts(v, "#kg-panel h2, #kg-panel p") == ["Chemin", "Choisissez deux entités connues."]
    page.locator("#kg-path-from").fill("Grant Shapps")
    page.locator("#kg-path-to").fill("Bruxelles")
    page.locator("#kg-path-go").click()
    assert page.locator("#kg-panel p").text_content() == "4 relation(s)"
    page.locator('#kg-filter-types input[data-value="Place"]').uncheck()
    page.locator("#kg-path-go").click()
    assert page.locator("#kg-panel p").text_content() == (
        "Aucun chemin entre Grant Shapps et Bruxelles avec les filtres actuels."
    )
    assert page.locator("#kg-status").text_content() == "9 / 10 entités · 8 / 9 relations"
    _clean(v)


def test_empty_timeline_panel_words(tmp_path: Path, visit: Any) -> None:
    v = visit(write_html(sample_graph(), tmp_path / "graph.html", timeline=[]))
    assert _texts(v, "#kg-timeline .kg-hint") == ["Aucune ligne de chronologie."]
    _clean(v)


def test_timeline_page_words(tmp_path: Path, visit: Any) -> None:
    v = visit(write_timeline_html(sample_rows(), tmp_path / "t.html"), wait_graph=False)
    assert v.page.evaluate("document.documentElement.lang") == "fr"
    assert v.page.locator("#kg-count").text_content() == "4 événements"
    v.page.locator("#kg-filter").fill("allemagne")
    assert v.page.locator("#kg-count").text_content() == "1 / 4 événements"
    _clean(v)


#: Crafted fragments (issue 17, defect 10): prototype keys, bad escapes, unknown ids.
CRAFTED_FRAGMENTS = [
    f"#{kind}={value}"
    for kind in ("node", "fact", "row")
    for value in (
        "__proto__",
        "constructor",
        "toString",
        "hasOwnProperty",
        "valueOf",
        "%",
        "%E0%A4%A",
        "%ZZ",
        "%uD800",
        "%ED%A0%80",
        "",
        "no-such-id",
    )
] + ["#", "#node", "#=x", "#node==", "#row=__proto__&x"]


def test_crafted_fragments_raise_no_page_error(tmp_path: Path, visit: Any) -> None:
    path = write_html(sample_graph(), tmp_path / "graph.html", timeline=sample_rows())
    v = visit(Path(str(path)))
    for fragment in CRAFTED_FRAGMENTS:
        v.page.evaluate("f => { location.hash = f; }", fragment)
        v.page.evaluate("() => new Promise(r => setTimeout(r, 0))")
        assert not v.errors, (fragment, v.errors)
    # A fragment given when the page opens is read by the first draw as well.
    for fragment in ("#node=__proto__", "#fact=constructor", "#row=%E0%A4%A"):
        v.page.goto(path.resolve().as_uri() + fragment)
        v.page.wait_for_function("window.kgFirstDraw !== null && !!window.kgView")
        assert not v.errors, (fragment, v.errors)
    _clean(v)


def test_path_prefers_asserted_facts_and_lists_alternatives(tmp_path: Path, visit: Any) -> None:
    """One expected fact is shorter, two asserted ones are more certain: those come first."""
    g = sample_graph()
    expected = _edge(
        g,
        "Q145",
        "participatesIn",
        MEETING,
        "Londres devrait assister à la réunion.",
        modality="expected",
    )
    v = visit(write_html(g, tmp_path / "graph.html", timeline=sample_rows()))
    v.page.locator("#kg-path-from").fill("Royaume-Uni")
    v.page.locator("#kg-path-to").fill("réunion des ministres")
    v.page.locator("#kg-path-go").click()
    paths = v.page.evaluate("kgView.paths()")
    assert paths[0] == [f"Q145|leads|{COALITION}", f"{COALITION}|launchedAt|{MEETING}"]
    assert [expected] in paths[1:]
    alternative = v.page.locator("#kg-panel .kg-path-alt")
    assert alternative.count() == len(paths) - 1
    assert "Royaume-Uni → réunion des ministres" in alternative.first.text_content()
    alternative.first.click()
    assert v.page.evaluate("kgView.focusedEdgeIds()") == sorted(paths[1])
    _clean(v)
