"""How the pages name an article: its title, linked to its address, with its publishers.

Why one module for graph.html and timeline.html: a source shown as a bare id
("crawl-3") tells a reader nothing; its title, its outlets and a link to the page it came
from let them check the fact. Addresses are untrusted text read from pages: only ``http``
and ``https`` ones become links (never ``javascript:`` or ``data:``), and every piece is
escaped by the caller's writer.
"""

from __future__ import annotations

from html import escape
from typing import Any

import networkx as nx

__all__ = ["TITLE_MAX", "link_url", "short_title", "source_html", "sources"]

#: Titles longer than this are cut at a word: a ``.txt`` file's title is its first line,
#: which is often the whole lead paragraph, and a source line must stay one glance long.
TITLE_MAX = 90


def short_title(text: Any) -> str:
    """``text`` on one line, cut at a word with an ellipsis beyond :data:`TITLE_MAX`.

    >>> short_title("Un titre  court")
    'Un titre court'
    >>> short = short_title("Bruxelles, 15 mars – " + "la coalition livre des drones " * 4)
    >>> len(short) <= TITLE_MAX, short[-10:]
    (True, 'drones la…')
    """
    line = " ".join(str(text).split())
    if len(line) <= TITLE_MAX:
        return line
    cut = line[: TITLE_MAX - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def link_url(url: Any) -> str | None:
    """``url`` when it may be a link (``http``/``https``, no spaces or quotes), else None.

    >>> link_url("https://presse.example/a?b=1"), link_url("javascript:alert(1)")
    ('https://presse.example/a?b=1', None)
    """
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text.lower().startswith(("http://", "https://")) or len(text) > 2000:
        return None
    if any(c.isspace() or c in "\"'<>`\\" for c in text) or not text.isprintable():
        return None
    return text


def sources(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Per document id: ``title`` (or None), ``url`` (a safe link or None), ``publishers``."""
    out: dict[str, dict[str, Any]] = {}
    for doc_id, info in sorted((graph.graph.get("docs") or {}).items()):
        info = info or {}
        names = [info.get("publisher"), *(c.get("publisher") for c in info.get("copies") or ())]
        out[str(doc_id)] = {
            "title": info.get("title"),
            "url": link_url(info.get("url")),
            "publishers": [str(n) for n in dict.fromkeys(n for n in names if n)],
        }
    return out


def source_html(doc_id: str, info: dict[str, Any] | None) -> str:
    """A document as HTML: its title (a link to its page when safe), then its outlets.

    >>> source_html("a", {"title": "<b>", "url": "https://x.fr/", "publishers": ["G"]})
    '<a class="kg-src" href="https://x.fr/" rel="noopener noreferrer">&lt;b&gt;</a> (G)'
    >>> source_html("a", None)
    '<span class="kg-src">a</span>'
    """
    info = info or {}
    whole = " ".join(str(info.get("title") or doc_id).split())
    short = short_title(whole)
    title = escape(short)
    hover = f' title="{escape(whole)}"' if short != whole else ""
    url = info.get("url")
    name = (
        f'<a class="kg-src" href="{escape(url)}" rel="noopener noreferrer"{hover}>{title}</a>'
        if url
        else f'<span class="kg-src"{hover}>{title}</span>'
    )
    publishers = info.get("publishers") or ()
    outlets = f" ({escape(', '.join(publishers))})" if publishers else ""
    return f"{name}{outlets}"
