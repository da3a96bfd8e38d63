"""The knowledge graph as one offline, explorable HTML page (pyvis / vis-network).

Why this shape:

* ``to_network`` fills ``net.nodes`` / ``net.edges`` directly: ``Network.add_edge`` scans
  every edge already added and is quadratic (20,000 nodes take about a minute).
* Positions are computed in Python (:mod:`kg.export.layout`) and physics is off, so a page
  with 5,000 nodes draws in about a second and the reader sees the whole graph at once.
* pyvis's ``in_line`` mode still links Bootstrap from a CDN (pyvis#228/#229); ``write_html``
  removes those tags, refuses to write a page that still references anything external, and
  adds a Content-Security-Policy that forbids every request as a second line of defence.
* Article text is untrusted. It reaches the page only as JSON with ``<``, ``>`` and ``&``
  escaped (so ``</script>`` in a name cannot close the script), as vis-network string
  tooltips (shown as text by vis-network 9.1), and through our own JS, which only ever
  uses ``textContent``.
* Every word the page shows comes from ``kg/lang/<lang>/ui.json`` (:mod:`kg.lang.i18n`):
  Python fills the page's markup and tooltips, and graph.js reads the strings it asks for
  (``T("key")``) and the month names from the page's JSON payload.
"""

from __future__ import annotations

import html
import math
import os
import re
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ExportError
from kg.export.atomic import atomic_write_text
from kg.export.drawing import (
    EDGE_CHAR,
    WRAP,
    curvature,
    label_boost,
    label_room,
    spaced_labels,
    vis_options,
)
from kg.export.graph_data import (
    OTHER_STYLE,
    TYPE_STYLES,
    UNCERTAIN_MODALITIES,
    edge_id,
    fact_text,
    graph_payload,
    type_label,
)
from kg.export.page import CSP, asset, check_offline, fill_markup, replace_last, script_json
from kg.export.sources import short_title
from kg.lang.i18n import UiStrings, ui_strings
from kg.lang.terms import fact_sentence, term_label, verb_phrase

if TYPE_CHECKING:
    import networkx as nx
    from pyvis.network import Network

__all__ = ["render_page", "to_network", "write_html"]

_EDGE_COLOR = "#5B5B5B"
_NEGATED_COLOR = "#C62828"
_LABEL_MAX = 40
#: Up to this many entities every one is labelled; above it, only the best connected ones
#: (the others show their name on hover, on click, or when a search or path brings them up).
LABEL_ALL = 60
LABEL_TOP = 40


def to_network(
    graph: nx.MultiDiGraph,
    *,
    timeline: Sequence[Mapping[str, Any]] | None = None,
    max_nodes: int | None = None,
    lang: str = "fr",
) -> Network:
    """Build a pyvis ``Network`` with positions, styles and tooltips for ``graph``.

    The page data our JS needs (facts, timeline rows, styles, UI strings) is attached to
    the network as ``net.kg_payload`` so :func:`write_html` can embed it.

    Args:
        graph: a kg graph (see docs/internals.md).
        timeline: timeline rows (``kg.timeline.timeline_rows``) to show next to the graph.
        max_nodes: keep only this many nodes, the best-connected first (ties by id).
        lang: language of the interface (a folder of ``kg/lang/`` with a ``ui.json``).

    Raises:
        ExportError: ``graph`` is not a networkx graph or ``max_nodes`` is not positive.
    """
    from pyvis.network import Network

    from kg.export.communities import OTHER_COLOR, community_groups
    from kg.export.layout import compute_layout

    graph = _select(graph, max_nodes)
    ui = ui_strings(lang)
    degree = {node: graph.degree(node) for node in graph.nodes}
    positions = compute_layout(graph)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    nodes = sorted(graph.nodes, key=str)
    titles = _doc_titles(graph)
    shown = [n for n in nodes if degree[n]] or nodes  # entities without facts start folded
    boost = label_boost([positions[n] for n in shown]) if len(nodes) > LABEL_ALL else 1.0
    labelled = _labelled(graph, nodes, degree, positions, boost)
    groups = community_groups(graph, nodes)
    # A corpus is coloured by community (who clusters with whom; shapes still give the
    # type), one article by type: its few entities read better by kind. The page toggles.
    by_community = len(titles) > 1
    fills = {m: g["color"] for g in groups for m in g["members"]}
    net.nodes = [
        _vis_node(
            n,
            graph.nodes[n],
            degree[n],
            positions[n],
            ui,
            titles,
            n in labelled,
            WRAP * boost,
            fills.get(str(n), OTHER_COLOR) if by_community else None,
        )
        for n in nodes
    ]
    edges = sorted(
        graph.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[2]), str(e[1]))
    )
    curve = curvature([(str(u), str(v)) for u, v, _, _ in edges])
    net.edges = [
        _vis_edge(graph, u, v, k, d, curve[i], ui, titles, label_room(positions, u, v))
        for i, (u, v, k, d) in enumerate(edges)
    ]
    net.options = vis_options(len(nodes), boost)
    payload = graph_payload(graph, nodes, edges, degree, timeline, lang, groups=groups)
    payload["colorBy"] = "community" if by_community else "type"
    payload["otherColor"] = OTHER_COLOR
    net.kg_payload = payload  # type: ignore[attr-defined]
    net.kg_lang = lang  # type: ignore[attr-defined]
    return net


def write_html(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    timeline: Sequence[Mapping[str, Any]] | None = None,
    title: str = "kg",
    max_nodes: int | None = None,
    lang: str = "fr",
) -> Path:
    """Write ``graph`` as one self-contained HTML page, atomically; return its path.

    The page makes no request at all (it works offline and from ``file://``): search,
    neighbourhood, shortest path, filters by type / relation / modality / date, and a
    timeline panel linked to the graph. ``lang`` is the language of its interface.

    Raises:
        ExportError: the folder is not writable, or the page would reference an
            external resource.
    """
    net = to_network(graph, timeline=timeline, max_nodes=max_nodes, lang=lang)
    return atomic_write_text(Path(path), render_page(net, title=title))


def render_page(net: Network, *, title: str = "kg") -> str:
    """Return the full HTML of a network made by :func:`to_network`."""
    payload = getattr(net, "kg_payload", None)
    if payload is None:
        raise ExportError("render_page needs a network made by kg.export.html.to_network")
    page = net.generate_html()
    # Bootstrap from a CDN (pyvis#228), empty headings and a commented-out script tag.
    page = re.sub(r"<link\b[^>]*bootstrap[^>]*>\s*", "", page)
    page = re.sub(r"<script\b[^>]*bootstrap[^>]*>\s*</script>\s*", "", page)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>\s*", "", page)
    page = re.sub(r"<!--.*?-->\s*", "", page, flags=re.S)
    card = re.compile(r'<div class="card"[^>]*>\s*<div id="mynetwork"[^>]*></div>\s*</div>')
    if not card.search(page) or "drawGraph();" not in page:
        raise ExportError(
            "unexpected pyvis template; kg needs pyvis 0.3.2 (pip install pyvis==0.3.2)"
        )
    lang = getattr(net, "kg_lang", "fr")
    safe_title = html.escape(title)
    shell = fill_markup(asset("graph_shell.html"), ui_strings(lang)).replace(
        "{{title}}", safe_title
    )
    page = card.sub(lambda _: shell, page, count=1)
    head = (
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{safe_title}</title>\n{CSP}\n<style>{asset('graph.css')}</style>\n"
    )
    page = page.replace("<html>", f'<html lang="{html.escape(lang)}">', 1)
    page = page.replace("</head>", head + "</head>", 1)
    boot = f"<script>{asset('graph_boot.js')}</script>\n"
    page = page.replace(
        '<script type="text/javascript">', boot + '<script type="text/javascript">', 1
    )
    data = (
        f'<script type="application/json" id="kg-data">{script_json(payload)}</script>\n'
        f"<script>{asset('graph_path.js')}</script>\n"
        f"<script>{asset('graph.js')}</script>\n"
    )
    page = replace_last(page, "</body>", data + "</body>")
    check_offline(page)
    return page


def _select(graph: Any, max_nodes: int | None) -> Any:
    """Validate ``graph`` and keep the ``max_nodes`` best-connected nodes."""
    if not (hasattr(graph, "nodes") and hasattr(graph, "edges") and hasattr(graph, "subgraph")):
        raise ExportError(
            f"expected a networkx graph from kg.graph.build_graph, got {type(graph).__name__}"
        )
    if max_nodes is None or max_nodes >= graph.number_of_nodes():
        return graph
    if max_nodes < 1:
        raise ExportError(f"max_nodes must be a positive number, got {max_nodes}")
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), str(n)))
    return graph.subgraph(ranked[:max_nodes])


def _labelled(
    graph: Any,
    nodes: list[Hashable],
    degree: Mapping[Hashable, int],
    positions: Mapping[Hashable, tuple[int, int]],
    boost: float,
) -> set[Hashable]:
    """Which entities get a drawn label: all of a small graph, the hubs of a corpus.

    Why: 400 overlapping names read as grey noise; the best-connected forty, those whose
    names do not cover a better-connected one's (:func:`spaced_labels`), answer "who is
    connected to whom" and the rest stay one hover or one search away.
    """
    if len(nodes) <= LABEL_ALL:
        return set(nodes)
    ranked = sorted((n for n in nodes if degree[n]), key=lambda n: (-degree[n], str(n)))
    names = [(n, str(graph.nodes[n].get("label") or n), positions[n]) for n in ranked]
    return spaced_labels(names, boost, LABEL_TOP)


def _doc_titles(graph: Any) -> dict[str, str]:
    """Document id -> the title readers know it by (the id when the input gave none)."""
    docs = (graph.graph.get("docs") if hasattr(graph, "graph") else None) or {}
    return {str(d): short_title((m or {}).get("title") or d) for d, m in docs.items()}


def _label(text: str) -> str:
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1].rstrip() + "…"


def _defuse(text: str) -> str:
    """Keep pyvis from switching to its HTML popup (``innerHTML``) for node tooltips.

    pyvis 0.3.2 renders a node ``title`` as HTML as soon as it contains ``href``; a zero
    width space makes the check fail while the text reads the same.
    """
    return text.replace("href", "hre\u200bf")


def _field(ui: UiStrings, label: str, value: Any) -> str:
    """One ``label : value`` line, with the language's own punctuation."""
    return ui.format("common.label_value", label=ui[label], value=value)


def _vis_node(
    node: Hashable,
    data: Mapping[str, Any],
    degree: int,
    xy: tuple[int, int],
    ui: UiStrings,
    titles: Mapping[str, str],
    labelled: bool = True,
    wrap: float = WRAP,
    fill: str | None = None,
) -> dict:
    """A vis-network node: shape by type, colour by type unless ``fill`` (a community's)."""
    name = str(data.get("label") or node)
    kind = str(data.get("type") or "Other")
    color, shape = TYPE_STYLES.get(kind, OTHER_STYLE)
    color = fill or color
    lines = [name, _field(ui, "common.type", type_label(kind, ui.lang))]
    if data.get("wikidata"):
        lines.append(_field(ui, "common.wikidata", data["wikidata"]))
    if data.get("aliases"):
        lines.append(_field(ui, "common.aliases", ", ".join(map(str, data["aliases"]))))
    if data.get("docs"):
        docs = [titles.get(str(d), str(d)) for d in data["docs"]]
        lines.append(_field(ui, "common.documents", ", ".join(docs)))
    lines.append(_field(ui, "graph.degree", degree))
    return {
        "id": str(node),
        "label": name if labelled else "",
        "widthConstraint": {"maximum": round(wrap)},
        "title": _defuse("\n".join(lines)),
        "shape": shape,
        # Selection and hover keep the type colour (vis-network would turn it pale blue).
        "color": {
            "background": color,
            "border": "#333333",
            "highlight": {"background": color, "border": "#000000"},
            "hover": {"background": color, "border": "#000000"},
        },
        "borderWidth": 1,
        "font": _NODE_FONT,
        "value": degree,
        "x": xy[0],
        "y": xy[1],
    }


_NODE_FONT = {"color": "#1A1A1A", "size": 15, "strokeWidth": 4, "strokeColor": "#FFFFFF"}
_EDGE_FONT = {"color": "#333333", "size": 11, "strokeWidth": 3, "strokeColor": "#FFFFFF"}


def _vis_edge(
    graph: Any,
    u: Hashable,
    v: Hashable,
    key: Hashable,
    data: Mapping[str, Any],
    bend: float,
    ui: UiStrings,
    titles: Mapping[str, str],
    room: float = math.inf,
) -> dict:
    """A vis-network edge. Its label is drawn only if it fits between its nodes: in a dense
    group, labels longer than their edges pile up into an unreadable smudge. The label then
    shows when the fact is in focus (``fullLabel``), and always in its tooltip and panel."""
    predicate = str(data.get("predicate") or str(key).split("~")[0])
    modality = str(data.get("modality") or "asserted")
    fact = fact_text(data, graph, ui.lang)
    attrs = data.get("attributes") or {}
    # The edge reads as its verb in its modality ("devrait rejoindre"), so a dashed line
    # is never the only sign that a fact is not established.
    label = verb_phrase(predicate, modality, attrs, ui.lang)
    if modality == "negated":
        label = "✗ " + label
    names = [str(graph.nodes[n].get("label") or "") for n in (u, v)]
    lines = [
        fact_sentence(names[0], predicate, modality, names[1], attrs, ui.lang),
        _field(ui, "common.modality", term_label(modality, ui.lang)),
    ]
    if fact["when"]:
        lines.append(_field(ui, "common.date", fact["when"]))
    for ev in fact["evidence"][:3]:
        title = titles.get(ev["doc"], ev["doc"])
        lines.append(ui.format("common.quote", text=" ".join(ev["text"].split())) + f" — {title}")
    if len(fact["evidence"]) > 3:
        lines.append(ui.format("graph.more_sentences", count=len(fact["evidence"]) - 3))
    uncertain = modality in UNCERTAIN_MODALITIES
    text = _label(label)
    edge: dict[str, Any] = {
        "id": edge_id(u, key, v),
        "from": str(u),
        "to": str(v),
        "label": text if len(text) * EDGE_CHAR <= room else "",
        "fullLabel": text,
        "title": "\n".join(lines),
        "arrows": "to",
        "width": 1.5,
        "font": _EDGE_FONT,
        "color": {"color": _NEGATED_COLOR if modality == "negated" else _EDGE_COLOR},
        "dashes": [2, 5] if modality == "negated" else ([8, 6] if uncertain else False),
    }
    if bend:
        edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": bend}
    return edge
