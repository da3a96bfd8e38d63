"""The timeline as one offline, readable HTML page.

Why static HTML rendered in Python (plus a small filter script): the page must read well
without JavaScript, make no request, and show untrusted article text safely - every value
goes through :func:`html.escape`, the only escaping there is to get right.

Vague dates (a month, a season, a year) are drawn as spans with their start and end, never
as a point on their first day, so a month is not mistaken for its first day.

Every word and date format comes from the language (:mod:`kg.lang.i18n`: ``ui.json`` and the
month names of ``times.json``); the filter script reads its one string from the page's
``kg-data`` element, as the graph page's script does.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kg.errors import ExportError
from kg.export.atomic import atomic_write_text
from kg.export.page import check_offline, load_asset, script_json
from kg.export.sources import source_html, sources
from kg.lang.i18n import UiStrings, month_names, script_strings, ui_strings
from kg.lang.terms import day_words, when_words

__all__ = ["render_timeline", "write_timeline_html"]

_CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "script-src 'unsafe-inline'; style-src 'unsafe-inline'\">"
)


def write_timeline_html(
    rows: Sequence[Mapping[str, Any]],
    path: str | os.PathLike[str],
    *,
    graph: Any = None,
    title: str | None = None,
    graph_href: str = "graph.html",
    lang: str = "fr",
) -> Path:
    """Write the timeline rows as one self-contained HTML page, atomically.

    Args:
        rows: timeline rows (``kg.timeline.timeline_rows``; docs/internals.md).
        path: where to write the page.
        graph: the graph the rows come from; rows whose facts are edges of it link to
            ``graph_href`` (the page :func:`kg.export.html.write_html` writes).
        title: page title (default: the language's word for a timeline).
        graph_href: relative address of the graph page.
        lang: language of the interface (a folder of ``kg/lang/`` with a ``ui.json``).

    Raises:
        ExportError: a row is not a mapping, or the file cannot be written.
    """
    return atomic_write_text(
        Path(path),
        render_timeline(rows, graph=graph, title=title, graph_href=graph_href, lang=lang),
    )


def render_timeline(
    rows: Sequence[Mapping[str, Any]],
    *,
    graph: Any = None,
    title: str | None = None,
    graph_href: str = "graph.html",
    lang: str = "fr",
) -> str:
    """Return the HTML of the timeline page (see :func:`write_timeline_html`)."""
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise ExportError(f"timeline row {i} is a {type(row).__name__}, expected a dict")
    ordered = sorted(rows, key=lambda r: str(r.get("start") or "9999"))  # stable: keeps doc order
    edges = _edge_refs(graph)
    docs = sources(graph) if graph is not None and hasattr(graph, "graph") else {}
    bounds = _bounds(ordered)
    ui = ui_strings(lang)
    title = ui["common.timeline"] if title is None else title
    script = load_asset("timeline.js")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        _CSP,
        f"<title>{escape(title)}</title>",
        f"<style>{load_asset('timeline.css')}</style>",
        "</head><body>",
        f"<header><h1>{escape(title)}</h1>",
        f'<input id="kg-filter" type="search" '
        f'placeholder="{_attr(ui["timeline.filter_placeholder"])}" '
        f'aria-label="{_attr(ui["timeline.filter_label"])}">',
        f'<span id="kg-count">{escape(ui.format("timeline.count", count=len(ordered)))}</span>'
        "</header>",
        "<main>",
    ]
    if not ordered:
        parts.append(f'<p class="kg-empty">{escape(ui["timeline.empty"])}</p>')
    group_key = None
    for row in ordered:
        key, label = _group(row, ui)
        if key != group_key:
            if group_key is not None:
                parts.append("</section>")
            parts.append(f'<section class="kg-group"><h2>{escape(label)}</h2>')
            group_key = key
        parts.append(_row_html(row, edges, bounds, graph_href, ui, docs))
    if group_key is not None:
        parts.append("</section>")
    data = script_json({"i18n": script_strings(lang, script)})
    parts += [
        "</main>",
        f'<script type="application/json" id="kg-data">{data}</script>',
        f"<script>{script}</script>",
        "</body></html>",
        "",
    ]
    page = "\n".join(parts)
    check_offline(page)
    return page


def _edge_refs(graph: Any) -> set[str]:
    """``subject|key|object`` of every edge, the form timeline rows cite facts in."""
    if graph is None:
        return set()
    return {f"{u}|{k}|{v}" for u, v, k in graph.edges(keys=True)}


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _bounds(rows: Sequence[Mapping[str, Any]]) -> tuple[dt.date, dt.date] | None:
    dates = [d for r in rows for d in (_date(r.get("start")), _date(r.get("end"))) if d]
    return (min(dates), max(dates)) if dates else None


def _attr(text: str) -> str:
    """``text`` for a double-quoted attribute; an apostrophe stays as typed."""
    return escape(text, quote=False).replace('"', "&quot;")


def _human(day: dt.date, ui: UiStrings) -> str:
    """A day as readers write it ("1er mars 2024": the first of the month has its own form)."""
    return day_words(day, ui.lang)


def _group(row: Mapping[str, Any], ui: UiStrings) -> tuple[str, str]:
    """Rows of one month share a heading; longer spans get a heading of their own."""
    start, end = _date(row.get("start")), _date(row.get("end")) or _date(row.get("start"))
    if start is None or end is None:
        return ("~", ui["timeline.undated_heading"])
    if (start.year, start.month) == (end.year, end.month):
        month = month_names(ui.lang)[start.month - 1].capitalize()
        return (
            start.strftime("%Y-%m"),
            ui.format("common.month_year", month=month, year=start.year),
        )
    words = when_words({**row, "inferred": False, "text": None}, ui.lang)
    return (f"{start}/{end}", words[:1].upper() + words[1:])


def _when(row: Mapping[str, Any], bounds: tuple[dt.date, dt.date] | None, ui: UiStrings) -> str:
    start, end = _date(row.get("start")), _date(row.get("end")) or _date(row.get("start"))
    if start is None or end is None:
        return f'<div class="kg-when">{escape(ui["common.undated"])}</div>'
    inferred = ""
    if row.get("inferred"):
        inferred = f'<small class="kg-inferred">{escape(ui["common.inferred"])}</small>'

    bar = ""
    if bounds and bounds[1] > bounds[0]:
        total = (bounds[1] - bounds[0]).days + 1
        left = 100 * (start - bounds[0]).days / total
        width = max(1.5, 100 * ((end - start).days + 1) / total)
        bar = (
            f'<div class="kg-track" aria-hidden="true"><div class="kg-bar" '
            f'style="left:{left:.1f}%;width:{min(width, 100 - left):.1f}%"></div></div>'
        )
    if start == end:
        day = f'<time datetime="{start}">{escape(_human(start, ui))}</time>'
        return f'<div class="kg-when">{day}{inferred}{bar}</div>'
    words = escape(when_words({**row, "inferred": False, "text": None}, ui.lang))
    return (
        f'<div class="kg-when kg-span" title="{start} – {end}">'
        f'<span class="kg-range">{words}</span>{inferred}{bar}</div>'
    )


def _row_html(
    row: Mapping[str, Any],
    edges: set[str],
    bounds: tuple[dt.date, dt.date] | None,
    graph_href: str,
    ui: UiStrings,
    docs: Mapping[str, dict[str, Any]],
) -> str:
    facts = [str(f) for f in row.get("facts") or () if str(f) in edges]
    entities = ", ".join(str(e) for e in row.get("entities") or ())
    link = ""
    if facts:
        target = f"{graph_href}#row={quote(str(row.get('id', '')), safe='')}"
        # One fact or several: the only plural kg's pages need (no language counts zero).
        text = ui.format(
            "timeline.graph_link_one" if len(facts) == 1 else "timeline.graph_link_other",
            count=len(facts),
        )
        link = f'<a class="kg-link" href="{escape(target)}">{escape(text)}</a>'
    # The label's wording comes from ui.json; the document's part is markup (a link).
    before, _, after = ui.format(
        "common.label_value", label=ui["common.source"], value="\0"
    ).partition("\0")
    doc = str(row.get("doc") or "")
    source = escape(before) + source_html(doc, docs.get(doc)) + escape(after)
    return (
        f'<article class="kg-row">{_when(row, bounds, ui)}<div class="kg-body">'
        f"<h3>{escape(str(row.get('headline') or ''))}</h3>"
        f'<p class="kg-sentence">{escape(str(row.get("sentence") or ""))}</p>'
        + (f'<p class="kg-entities">{escape(entities)}</p>' if entities else "")
        + f'<p class="kg-doc">{source} {link}</p>'
        "</div></article>"
    )
