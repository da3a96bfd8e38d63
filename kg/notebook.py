"""Helpers for researchers in notebooks: inline views, and SPARQL answers as DataFrames.

Why an ``<iframe srcdoc>``: pyvis's ``net.show()`` writes a file and embeds
``<iframe src="file.html">``, a path relative to the kernel that breaks in VS Code, Colab,
exported notebooks and any notebook opened from another folder. Here the whole page (the same
one :func:`kg.export.html.render_page` and :func:`kg.export.timeline.html.render_timeline`
write to disk) is HTML-escaped into the ``srcdoc`` attribute, so the view lives in the
notebook itself and works offline.

Why ``sandbox="allow-scripts"``: the page shows article text. Without ``allow-same-origin``
it runs in an opaque origin and cannot reach the notebook page, its cookies or its kernel,
even if some text slipped through the page's own escaping.

SPARQL answers come from :mod:`kg.sparql`, the engine behind ``kg query`` too; this module
only turns them into DataFrames (``memory_store``, ``sparql_prefixes`` and ``to_python`` are
re-exported from there for notebooks).

>>> view = InlineHTML("<p>Bonjour & <b>salut</b></p>", height=120)
>>> print(view._repr_html_())  # doctest: +NORMALIZE_WHITESPACE
<iframe srcdoc="&lt;p&gt;Bonjour &amp; &lt;b&gt;salut&lt;/b&gt;&lt;/p&gt;"
  title="kg" sandbox="allow-scripts"
  style="width: 100%; height: 120px; border: 1px solid #ddd; border-radius: 4px;"></iframe>
"""

from __future__ import annotations

import html
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ExportError
from kg.sparql import memory_store, run, sparql_prefixes, to_python

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = [
    "InlineHTML",
    "graph_view",
    "memory_store",
    "query_store",
    "sparql_prefixes",
    "summary_html",
    "timeline_view",
    "to_python",
]

#: Default heights in pixels: tall enough for the graph to be drawn with its labels (a shorter
#: frame zooms a corpus out below the size at which vis-network draws them), short enough to scroll.
GRAPH_HEIGHT = 820
TIMELINE_HEIGHT = 520


@dataclass(frozen=True)
class InlineHTML:
    """A self-contained HTML page that notebooks display inline in an isolated iframe.

    Attributes:
        page: the complete HTML document.
        height: iframe height in pixels.
        title: accessible title of the iframe.
    """

    page: str
    height: int = GRAPH_HEIGHT
    title: str = "kg"

    def __post_init__(self) -> None:
        if not isinstance(self.page, str):
            raise ExportError(f"InlineHTML needs the page as a str, got {type(self.page).__name__}")
        if not isinstance(self.height, int) or self.height < 50:
            raise ExportError(f"height must be a number of pixels >= 50, got {self.height!r}")

    def _repr_html_(self) -> str:
        """The ``<iframe>``; Jupyter, JupyterLab and VS Code call this to display the view."""
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}"\n'
            f'  title="{html.escape(self.title, quote=True)}" sandbox="allow-scripts"\n'
            f'  style="width: 100%; height: {self.height}px; border: 1px solid #ddd; '
            'border-radius: 4px;"></iframe>'
        )

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (atomically) to open it in a browser; return the path."""
        from kg.export.atomic import atomic_write_text

        return atomic_write_text(Path(path), self.page)

    def __repr__(self) -> str:
        return f"InlineHTML(title={self.title!r}, height={self.height}, {len(self.page)} chars)"


def graph_view(
    graph: nx.MultiDiGraph,
    *,
    timeline: Sequence[Mapping[str, Any]] | None = None,
    max_nodes: int | None = None,
    height: int = GRAPH_HEIGHT,
    title: str = "kg",
    lang: str = "fr",
) -> InlineHTML:
    """The interactive graph page (search, filters, paths, timeline panel) for inline display.

    Args:
        graph: a graph from :func:`kg.graph.build_graph`.
        timeline: timeline rows to show in the page's side panel.
        max_nodes: keep the best-connected nodes only (large corpora draw faster).
        height: iframe height in pixels.
        title: page title.
        lang: the language the page speaks (its words come from ``kg/lang/<lang>/ui.json``).

    Raises:
        ExportError: ``graph`` is not a kg graph, or the page would load something external.
    """
    from kg.export.html import render_page, to_network

    net = to_network(graph, timeline=timeline, max_nodes=max_nodes, lang=lang)
    return InlineHTML(render_page(net, title=title), height=height, title=title)


def timeline_view(
    rows: Sequence[Mapping[str, Any]],
    *,
    height: int = TIMELINE_HEIGHT,
    title: str | None = None,
    lang: str = "fr",
) -> InlineHTML:
    """The timeline page for inline display (``title`` defaults to the language's word).

    Rows are not linked to a graph page: inline, there is no ``graph.html`` next to it.
    """
    from kg.export.timeline.html import render_timeline
    from kg.lang.i18n import ui_strings

    title = ui_strings(lang)["common.timeline"] if title is None else title
    page = render_timeline(rows, graph=None, title=title, lang=lang)
    return InlineHTML(page, height=height, title=title)


def summary_html(
    graph: nx.MultiDiGraph,
    *,
    counts: Mapping[str, int],
    top: int = 8,
    lang: str = "fr",
) -> str:
    """A compact HTML card: counts, entities per type, predicates, best-connected entities.

    Every name comes from article text and is escaped; the labels come from ``ui.json``.
    """
    from kg.lang.i18n import ui_strings

    ui = ui_strings(lang)
    esc = html.escape
    figures = " · ".join(f"<b>{int(v)}</b> {esc(str(k))}" for k, v in counts.items())
    types = Counter(str(d.get("type") or "?") for _, d in graph.nodes(data=True))
    predicates = Counter(
        str(d.get("predicate") or k) for _, _, k, d in graph.edges(keys=True, data=True)
    )
    ranked = sorted(
        graph.nodes(data=True),
        key=lambda nd: (-graph.degree(nd[0]), -int(nd[1].get("mentions") or 0), str(nd[0])),
    )[:top]
    rows = "".join(
        "<tr>"
        f"<td>{esc(str(d.get('label') or n))}</td>"
        f"<td>{esc(str(d.get('type') or ''))}</td>"
        f"<td>{esc(str(d.get('wikidata') or ''))}</td>"
        f"<td style='text-align:right'>{graph.degree(n)}</td>"
        f"<td style='text-align:right'>{int(d.get('mentions') or 0)}</td>"
        "</tr>"
        for n, d in ranked
    )

    def tally(counter: Counter[str]) -> str:
        return ", ".join(f"{esc(k)} {v}" for k, v in counter.most_common()) or esc(
            ui["notebook.none"]
        )

    columns = (
        "notebook.entity",
        "notebook.type",
        "notebook.wikidata",
        "notebook.links",
        "notebook.mentions",
    )
    head = "".join(f"<th>{esc(ui[c])}</th>" for c in columns)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>" if rows else ""
    # Escape the label templates, then fill them with the tallies (already escaped HTML).
    tallies = (
        esc(ui["notebook.types"]).format(list=tally(types))
        + "<br>"
        + esc(ui["notebook.relations"]).format(list=tally(predicates))
    )
    return (
        '<div class="kg-summary">'
        f"<p><b>kg</b> — {figures}</p>"
        f"<p><small>{tallies}</small></p>"
        f"{table}"
        "<p><small><code>.entities</code>, <code>.relations</code>, <code>.timeline</code>, "
        "<code>.query(sparql)</code>, <code>.show()</code>, <code>.show_timeline()</code>, "
        "<code>.save(dir)</code></small></p>"
        "</div>"
    )


# ----------------------------------------------------------------------------- SPARQL
def query_store(store: Any, sparql: str) -> pd.DataFrame:
    """Run SPARQL 1.1 on ``store`` (default graph = union of all graphs) into a DataFrame.

    Values are :func:`kg.sparql.to_python` of each term (``int``, ``float``, ``bool``,
    ``str``), unbound variables None. ``ASK`` gives one ``ask`` column; ``CONSTRUCT`` /
    ``DESCRIBE`` give ``subject``, ``predicate``, ``object``. :func:`sparql_prefixes` are
    predeclared.

    Raises:
        InputError: the query is empty or not valid SPARQL.
        StoreError: the store failed while evaluating it.
    """
    import pandas as pd

    variables, rows = run(
        store, sparql, convert=to_python, prefixes=sparql_prefixes(), where="the in-memory store"
    )
    return pd.DataFrame(rows, columns=variables)
