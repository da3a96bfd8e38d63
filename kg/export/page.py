"""What every offline kg page shares: the policy that forbids requests, escaped script data,
UI strings in markup slots, shipped assets, and the check that nothing is fetched.

Why apart from the graph page (:mod:`kg.export.html`): the timeline page and the notebook
views build pages too, and each must be as safe offline as the graph.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Any

from kg.errors import ExportError
from kg.lang.i18n import UiStrings, ui_strings  # noqa: F401  (ui_strings: doctest)

__all__ = [
    "CSP",
    "asset",
    "check_offline",
    "fill_markup",
    "load_asset",
    "replace_last",
    "script_json",
]

ASSETS = "kg.export.assets"

#: Forbids every request (fetch, image, font, frame...) while allowing the inline code.
CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:\">"
)


#: A UI string in a markup asset: ``{{ui:section.name}}``.
_MARKUP_KEY = re.compile(r"\{\{ui:([a-z_]+\.[a-z_]+)\}\}")


def fill_markup(markup: str, ui: UiStrings) -> str:
    """Put the UI strings into a markup asset's ``{{ui:section.name}}`` slots, escaped.

    Slots sit in text and in double-quoted attributes, so ``&``, ``<``, ``>`` and ``"`` are
    escaped; an apostrophe ("Types d'entité") is left as typed.

    >>> fill_markup('<b title="{{ui:graph.path}}">{{ui:graph.path_go}}</b>', ui_strings("fr"))
    '<b title="Chemin">Tracer</b>'
    """
    return _MARKUP_KEY.sub(
        lambda m: html.escape(ui[m[1]], quote=False).replace('"', "&quot;"), markup
    )


def script_json(data: Any) -> str:
    """Serialise ``data`` for a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where ``\\u003c`` means the
    same thing, so escaping them keeps the JSON identical while ``</script>`` or ``<!--``
    in article text can no longer end the element. Keys are sorted for stable bytes.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_EXTERNAL_ATTR = re.compile(
    r"""\b(?:src|href|action|formaction|poster|srcset|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""",
    re.I,
)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_EXTERNAL_CSS = re.compile(r"""url\(\s*(?!["']?data:)|@import""", re.I)


_LINK = re.compile(
    r"""^<a\s+class="kg-src"\s+href="https?://[^"]*"\s+rel="noopener noreferrer">$"""
)


def _is_link(tag: str) -> bool:
    """Whether ``tag`` is exactly the source link :mod:`kg.export.sources` writes."""
    return _LINK.match(tag) is not None


def check_offline(page: str) -> None:
    """Raise ExportError if any tag or stylesheet of ``page`` would fetch something.

    Only markup and stylesheets can make the browser fetch; article text is JSON-escaped,
    so it cannot create a tag and is not mistaken for one here.
    """
    for tag in _TAG.findall(page):
        if _is_link(tag):  # a link is followed when clicked, never fetched by the page
            continue
        if _EXTERNAL_ATTR.search(tag) or (
            tag.lower().startswith(("<script", "<link", "<img", "<iframe"))
            and "src=" in tag.lower()
        ):
            raise ExportError(f"the page would load an external resource: {tag[:120]}")
    for css in _STYLE.findall(page):
        found = _EXTERNAL_CSS.search(css)
        if found:
            snippet = css[found.start() : found.start() + 80]
            raise ExportError(f"a stylesheet would load an external resource: {snippet}")


def load_asset(name: str) -> str:
    """Return the text of a file shipped in ``kg/export/assets``."""
    return asset(name)


def asset(name: str) -> str:
    """The text of an asset (what :func:`load_asset` returns)."""
    return resources.files(ASSETS).joinpath(name).read_text(encoding="utf-8")


def replace_last(text: str, old: str, new: str) -> str:
    """Replace the last ``old`` of a template; a template without one is not kg's."""
    head, sep, tail = text.rpartition(old)
    if not sep:
        raise ExportError(f"unexpected pyvis template: no {old}")
    return head + new + tail
