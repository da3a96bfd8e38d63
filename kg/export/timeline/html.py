"""The timeline as one offline, readable HTML page.

Why static HTML rendered in Python (plus a small filter script): the page must read well
without JavaScript, make no request, and show untrusted article text safely - every value
goes through :func:`html.escape`, the only escaping there is to get right.

Vague dates (a month, a season, a year) are drawn as spans with their start and end, never
as a point on their first day, so "en février" is not mistaken for "le 1er février".
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
from kg.export.html import check_offline, load_asset

__all__ = ["render_timeline", "write_timeline_html"]

_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_GRANULARITY = {
    "day": "jour",
    "week": "semaine",
    "month": "mois",
    "season": "saison",
    "quarter": "trimestre",
    "year": "année",
    "decade": "décennie",
    "unknown": "imprécise",
}
_CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "script-src 'unsafe-inline'; style-src 'unsafe-inline'\">"
)


def write_timeline_html(
    rows: Sequence[Mapping[str, Any]],
    path: str | os.PathLike[str],
    *,
    graph: Any = None,
    title: str = "Chronologie",
    graph_href: str = "graph.html",
) -> Path:
    """Write the timeline rows as one self-contained HTML page, atomically.

    Args:
        rows: timeline rows (``kg.timeline.timeline_rows``; docs/internals.md).
        path: where to write the page.
        graph: the graph the rows come from; rows whose facts are edges of it link to
            ``graph_href`` (the page :func:`kg.export.html.write_html` writes).
        title: page title.
        graph_href: relative address of the graph page.

    Raises:
        ExportError: a row is not a mapping, or the file cannot be written.
    """
    return atomic_write_text(
        Path(path), render_timeline(rows, graph=graph, title=title, graph_href=graph_href)
    )


def render_timeline(
    rows: Sequence[Mapping[str, Any]],
    *,
    graph: Any = None,
    title: str = "Chronologie",
    graph_href: str = "graph.html",
) -> str:
    """Return the HTML of the timeline page (see :func:`write_timeline_html`)."""
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise ExportError(f"timeline row {i} is a {type(row).__name__}, expected a dict")
    ordered = sorted(rows, key=lambda r: str(r.get("start") or "9999"))  # stable: keeps doc order
    edges = _edge_refs(graph)
    bounds = _bounds(ordered)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        _CSP,
        f"<title>{escape(title)}</title>",
        f"<style>{load_asset('timeline.css')}</style>",
        "</head><body>",
        f"<header><h1>{escape(title)}</h1>",
        '<input id="kg-filter" type="search" placeholder="Filtrer (entité, mot, document)…" '
        'aria-label="Filtrer la chronologie">',
        f'<span id="kg-count">{len(ordered)} événements</span></header>',
        "<main>",
    ]
    if not ordered:
        parts.append('<p class="kg-empty">Aucun événement daté.</p>')
    group_key = None
    for row in ordered:
        key, label = _group(row)
        if key != group_key:
            if group_key is not None:
                parts.append("</section>")
            parts.append(f'<section class="kg-group"><h2>{escape(label)}</h2>')
            group_key = key
        parts.append(_row_html(row, edges, bounds, graph_href))
    if group_key is not None:
        parts.append("</section>")
    parts += ["</main>", f"<script>{load_asset('timeline.js')}</script>", "</body></html>", ""]
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


def _human(day: dt.date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {_MONTHS[day.month - 1]} {day.year}"


def _group(row: Mapping[str, Any]) -> tuple[str, str]:
    """Rows of one month share a heading; longer spans get a heading of their own."""
    start, end = _date(row.get("start")), _date(row.get("end")) or _date(row.get("start"))
    if start is None or end is None:
        return ("~", "Sans date")
    if (start.year, start.month) == (end.year, end.month):
        return (start.strftime("%Y-%m"), f"{_MONTHS[start.month - 1].capitalize()} {start.year}")
    kind = _GRANULARITY.get(str(row.get("granularity")), "période")
    return (f"{start}/{end}", f"{row.get('value') or start} ({kind} : {start} – {end})")


def _when(row: Mapping[str, Any], bounds: tuple[dt.date, dt.date] | None) -> str:
    start, end = _date(row.get("start")), _date(row.get("end")) or _date(row.get("start"))
    if start is None or end is None:
        return '<div class="kg-when">sans date</div>'
    inferred = '<small class="kg-inferred">date déduite</small>' if row.get("inferred") else ""
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
        day = f'<time datetime="{start}">{_human(start)}</time>'
        return f'<div class="kg-when">{day}{inferred}{bar}</div>'
    kind = _GRANULARITY.get(str(row.get("granularity")), "période")
    return (
        f'<div class="kg-when kg-span"><span class="kg-range">{start} – {end}</span>'
        f"<small>{escape(str(row.get('value') or ''))} · {kind}</small>{inferred}{bar}</div>"
    )


def _row_html(
    row: Mapping[str, Any],
    edges: set[str],
    bounds: tuple[dt.date, dt.date] | None,
    graph_href: str,
) -> str:
    facts = [str(f) for f in row.get("facts") or () if str(f) in edges]
    entities = ", ".join(str(e) for e in row.get("entities") or ())
    link = ""
    if facts:
        target = f"{graph_href}#row={quote(str(row.get('id', '')), safe='')}"
        link = (
            f'<a class="kg-link" href="{escape(target)}">voir dans le graphe '
            f"({len(facts)} fait{'s' if len(facts) > 1 else ''})</a>"
        )
    return (
        f'<article class="kg-row">{_when(row, bounds)}<div class="kg-body">'
        f"<h3>{escape(str(row.get('headline') or ''))}</h3>"
        f'<p class="kg-sentence">{escape(str(row.get("sentence") or ""))}</p>'
        + (f'<p class="kg-entities">{escape(entities)}</p>' if entities else "")
        + f'<p class="kg-doc">source : {escape(str(row.get("doc") or ""))} {link}</p>'
        "</div></article>"
    )
