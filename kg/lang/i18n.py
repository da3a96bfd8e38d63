"""What kg's pages, scripts and notebook cards say to a reader, per language ("i18n").

Why data rather than literals: the exporters and the notebook helpers are generic code; the
words they show (a filter label, a tooltip line, "1er" for the first of the month, the
French space before a colon) belong to a language, so they live in ``kg/lang/<lang>/ui.json``
and adding a language is adding that file. The graph page's script gets the strings it asks
for (``T("graph.path")``) in the page's own JSON payload (:func:`script_strings`), so the
JavaScript holds no word either.

Month names are not repeated here: they come from ``times.json``, the file the time
expressions are read with. Its ``months`` table lists each month's spelling for readers
first, then variants and abbreviations (``"févr."``: these end with a full stop).

>>> ui = ui_strings("fr")
>>> ui["graph.path"]
'Chemin'
>>> ui.format("common.label_value", label=ui["common.type"], value="Country")
'Type : Country'
>>> month_names("fr")[1]
'février'
>>> ui["graph.nowhere"]
Traceback (most recent call last):
...
kg.errors.ModelError: no UI string 'graph.nowhere' for language 'fr': add it to kg/lang/fr/ui.json
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from kg.errors import ModelError
from kg.lang import load_data

__all__ = [
    "UiStrings",
    "dateline_months",
    "month_names",
    "script_keys",
    "script_strings",
    "ui_strings",
    "weekday_names",
]

#: How a page script asks for a string: ``T("section.name")`` (optionally with values).
_SCRIPT_KEY = re.compile(r"""\bT\(\s*"([a-z_]+\.[a-z_]+)\"""")


class UiStrings(Mapping[str, str]):
    """The UI strings of one language, keyed ``section.name``; a missing key is a clear error."""

    def __init__(self, lang: str, strings: Mapping[str, str]) -> None:
        self.lang = lang
        self._strings = dict(strings)

    def __getitem__(self, key: str) -> str:
        try:
            return self._strings[key]
        except KeyError:
            raise ModelError(
                f"no UI string {key!r} for language {self.lang!r}: "
                f"add it to kg/lang/{self.lang}/ui.json"
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._strings

    def __iter__(self) -> Iterator[str]:
        return iter(self._strings)

    def __len__(self) -> int:
        return len(self._strings)

    def get(self, key: str, default: Any = None) -> Any:
        """The string for ``key``, or ``default`` (for optional labels such as modalities)."""
        return self._strings.get(key, default)

    def format(self, key: str, /, **values: Any) -> str:
        """The string for ``key`` with its ``{name}`` fields filled in.

        Values are inserted as they are (article text may hold braces: they are not
        templates); escaping for HTML is the caller's job, as for any other text.
        """
        return self[key].format(**values)


@cache
def ui_strings(lang: str) -> UiStrings:
    """The UI strings of ``lang`` from ``kg/lang/<lang>/ui.json`` (read once per process).

    Raises:
        InputError: the language is unknown.
        ModelError: it ships no (valid) ``ui.json``.
    """
    data = load_data(lang, "ui")
    flat: dict[str, str] = {}
    for section, strings in data.items():
        if section.startswith("_"):
            continue
        if not isinstance(strings, dict):
            raise ModelError(
                f"kg/lang/{lang}/ui.json: section {section!r} must be an object of strings"
            )
        for name, text in strings.items():
            if not isinstance(text, str):
                raise ModelError(f"kg/lang/{lang}/ui.json: {section}.{name} must be a string")
            flat[f"{section}.{name}"] = text
    return UiStrings(lang, flat)


def script_keys(script: str) -> list[str]:
    """The UI keys a page script asks for with ``T("section.name")``, in order, once each."""
    return list(dict.fromkeys(_SCRIPT_KEY.findall(script)))


def script_strings(lang: str, script: str) -> dict[str, str]:
    """The strings ``script`` asks for, to embed in its page's JSON payload.

    Scanning the script (instead of keeping a list of its keys here) means a string the
    script starts to use is shipped without anyone updating a second list.

    Raises:
        ModelError: the script asks for a key ``ui.json`` lacks.
    """
    ui = ui_strings(lang)
    return {key: ui[key] for key in script_keys(script)}


@cache
def month_names(lang: str) -> tuple[str, ...]:
    """The twelve month names readers see (January first), from ``times.json``.

    Raises:
        ModelError: ``times.json`` does not name every month.
    """
    names: dict[int, str] = {}
    for spelling, number in load_data(lang, "times")["months"].items():
        names.setdefault(int(number), spelling)
    if sorted(names) != list(range(1, 13)):
        raise ModelError(f"kg/lang/{lang}/times.json: 'months' must name all twelve months")
    return tuple(names[m] for m in range(1, 13))


@cache
def dateline_months(lang: str) -> Mapping[str, int]:
    """Month spellings a dateline may use (no abbreviations) and their numbers.

    >>> dateline_months("fr")["aout"]
    8
    """
    months = load_data(lang, "times")["months"]
    return MappingProxyType(
        {word: int(number) for word, number in months.items() if not word.endswith(".")}
    )


def weekday_names(lang: str) -> tuple[str, ...]:
    """The weekday names of ``lang`` (Monday first), from ``times.json``."""
    days = load_data(lang, "times")["weekdays"]
    return tuple(sorted(days, key=lambda day: (days[day], day)))
