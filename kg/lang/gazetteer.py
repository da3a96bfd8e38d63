"""The bundled gazetteer: countries, international organisations and places with Wikidata IDs.

Why a gazetteer at all: spaCy's statistical NER finds "l'OTAN" or "Kyïv" most of the time but
cannot say *which* real thing they are, and never links "le ministre letton" to Latvia. A small
curated list with Wikidata Q-ids gives every common news entity a stable key (the Q-id), so the
same country or organisation merges across documents and runs.

Language knowledge lives in ``kg/lang/<lang>/{countries,organizations,places}.json`` (one
record per line, sorted by key); this module only reads it. It is pure Python (no spaCy), so it
can be used by resolution, the CLI and tests without loading a model.

>>> gaz = load_gazetteer("fr")
>>> gaz.lookup_name("l’OTAN").wikidata
'Q7184'
>>> gaz.lookup_name("Etats-Unis").name
'États-Unis'
>>> gaz.lookup_demonym("lettonnes").name
'Lettonie'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kg.errors import ModelError
from kg.ids import entity_key
from kg.lang import fold, has_data, lang_data, languages, load_data

__all__ = [
    "GAZETTEER_DATA",
    "GAZETTEER_FILES",
    "TYPE_PRIORITY",
    "Gazetteer",
    "GazetteerEntry",
    "gazetteer_from_data",
    "load_gazetteer",
    "name_fold",
]

#: Data files read for every language, in this order (other files in the folder belong to
#: other components).
GAZETTEER_FILES: tuple[str, ...] = ("countries", "organizations", "places")
#: Per-country lists of national institutions, expanded into records (optional).
INSTITUTIONS = "institutions"
#: Everything a gazetteer is built from.
GAZETTEER_DATA: tuple[str, ...] = (*GAZETTEER_FILES, INSTITUTIONS)

#: When two entries share a surface form, the lower number wins ("Panama" is the country
#: before the city): countries are what news text means most often.
TYPE_PRIORITY: dict[str, int] = {"Country": 0, "Organization": 1, "Place": 2}

_SEPARATORS = re.compile(r"[\s\-‐‑–—_]+")
_EDGE_PUNCT = ' .,;:!?"«»()[]'


@functools.cache
def _articles(lang: str) -> re.Pattern[str]:
    """Leading articles that are not part of a name, from ``kg/lang/<lang>/language.json``."""
    words = load_data(lang, "language").get("name_articles", [])
    if not words:
        return re.compile(r"(?!)")
    return re.compile("^(?:" + "|".join(re.escape(w) for w in words) + ")")


def name_fold(text: str, lang: str = "fr") -> str:
    """Return the comparison form of a name: case-, accent-, apostrophe- and hyphen-blind.

    Used on both sides of every lookup so "l’OTAN", "l'Otan" and "OTAN" meet, and so do
    "États-Unis" and "Etats Unis". A leading article of ``lang`` is dropped.

    >>> name_fold("l’Organisation du traité de l'Atlantique Nord")
    "organisation du traite de l'atlantique nord"
    >>> name_fold("  Les Pays-Bas ")
    'pays bas'
    """
    text = _SEPARATORS.sub(" ", fold(text)).strip(_EDGE_PUNCT)
    return _articles(lang).sub("", text, count=1)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known entity.

    Attributes:
        key: stable entity key, ``kg.ids.entity_key(type, name, wikidata)`` (the Q-id if known).
        name: canonical name in the gazetteer's language ("Royaume-Uni").
        type: ``Country``, ``Organization`` or ``Place``.
        wikidata: Wikidata Q-id, or None where no ID could be confirmed (better no link than a
            wrong one, which would silently merge unrelated things).
        aliases: other names in the language, acronyms included ("Grande-Bretagne", "UK").
        demonyms: every inflection of the demonym (m.sg, f.sg, m.pl, f.pl, then variants).
        country: key of the country a place lies in (for ``locatedIn``), else None.
        english: English names, kept for display and cross-language matching later.
        acronyms: the aliases that must match case-sensitively in text ("UE", "US", "ONU"),
            so that "ue" inside a word or "us" in English quotes is not taken for them.
        capital: key of a country's capital (a ``Place`` entry), else None.
        requires_before: aliases that are also common first names or words, with the lower-case
            tokens that must precede them in text ("Salvador" only after "le", "au", "du").
    """

    key: str
    name: str
    type: str
    wikidata: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    country: str | None = None
    english: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    capital: str | None = None
    requires_before: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias (the forms to look for in text)."""
        return (self.name, *self.aliases)


class Gazetteer:
    """Read-only index over the entries of one language.

    Build it with :func:`load_gazetteer` (cached), not directly.
    """

    __slots__ = ("_by_key", "_by_name", "_demonyms", "_english", "entries", "lang")

    def __init__(self, lang: str, entries: tuple[GazetteerEntry, ...]) -> None:
        self.lang = lang
        self.entries: tuple[GazetteerEntry, ...] = tuple(sorted(entries, key=lambda e: e.key))
        self._by_key: dict[str, GazetteerEntry] = {}
        for entry in self.entries:
            if entry.key in self._by_key:
                raise ModelError(
                    f"Gazetteer '{lang}' lists {entry.key} twice; "
                    f"fix the duplicate record in kg/lang/{lang}/."
                )
            self._by_key[entry.key] = entry
        ranked = sorted(self.entries, key=lambda e: (TYPE_PRIORITY.get(e.type, 9), e.key))
        self._by_name = _index(lang, ranked, lambda e: [e.name])
        for form, entry in _index(lang, ranked, lambda e: e.aliases).items():
            self._by_name.setdefault(form, entry)
        self._english = _index(lang, ranked, lambda e: e.english)
        self._demonyms = _index(lang, ranked, lambda e: e.demonyms)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> GazetteerEntry | None:
        """Return the entry with this key (``"Q145"``, ``"place:ramallah"``), or None."""
        return self._by_key.get(key)

    def lookup_name(self, text: str) -> GazetteerEntry | None:
        """Return the entry named ``text`` (canonical name, alias, acronym or English name).

        Tolerant of case, accents, typographic apostrophes, hyphens and a leading article,
        because mentions arrive as written: "l’OTAN", "Etats-Unis", "les Pays-Bas".
        """
        form = name_fold(text, self.lang)
        return self._by_name.get(form) or self._english.get(form)

    def lookup_demonym(self, word: str) -> GazetteerEntry | None:
        """Return the country a demonym in any inflection refers to ("lettonnes" -> Latvia)."""
        return self._demonyms.get(name_fold(word, self.lang))

    def demonym_forms(self) -> dict[str, GazetteerEntry]:
        """Every demonym form (as written in the data, lower-case) with its country."""
        return {form: entry for entry in self.entries for form in entry.demonyms}

    def by_type(self, type_: str) -> tuple[GazetteerEntry, ...]:
        """Entries of one type, sorted by key."""
        return tuple(e for e in self.entries if e.type == type_)


def _index(lang: str, entries: list[GazetteerEntry], forms: Any) -> dict[str, GazetteerEntry]:
    """Map folded forms to the first (highest-priority) entry that has them."""
    index: dict[str, GazetteerEntry] = {}
    for entry in entries:
        for form in forms(entry):
            index.setdefault(name_fold(form, lang), entry)
    index.pop("", None)
    return index


def _entry(record: dict[str, Any]) -> GazetteerEntry:
    """Turn one JSON record into an entry, minting its key the way the rest of kg does."""
    type_, name, wikidata = record["type"], record["name"], record.get("wikidata")
    acronyms = tuple(record.get("acronyms", ()))
    demonyms = record.get("demonyms") or {}
    forms = [demonyms.get(k) for k in ("m.sg", "f.sg", "m.pl", "f.pl")]
    forms += record.get("demonym_variants", [])
    return GazetteerEntry(
        key=entity_key(type_, name, wikidata),
        name=name,
        type=type_,
        wikidata=wikidata,
        aliases=tuple(dict.fromkeys([*record.get("aliases", ()), *acronyms])),
        demonyms=tuple(dict.fromkeys(f for f in forms if f)),
        country=record.get("country"),
        english=tuple(record.get("english", ())),
        acronyms=acronyms,
        capital=record.get("capital"),
        requires_before=tuple(
            (alias, tuple(prev))
            for alias, prev in sorted(record.get("requires_before", {}).items())
        ),
    )


@functools.cache
def load_gazetteer(lang: str = "fr") -> Gazetteer:
    """Load the gazetteer of ``lang`` from the package data (once per process).

    Raises:
        ModelError: no gazetteer ships for ``lang``.
    """
    if not has_data(lang, GAZETTEER_FILES[0]):
        available = ", ".join(x for x in languages() if has_data(x, GAZETTEER_FILES[0]))
        raise ModelError(
            f"No gazetteer for language {lang!r} (available: {available or 'none'}); "
            f"use one of those or add kg/lang/{lang}/{GAZETTEER_FILES[0]}.json."
        )
    return gazetteer_from_data(lang, lang_data(lang, GAZETTEER_DATA))


def gazetteer_from_data(lang: str, data: Mapping[str, Any]) -> Gazetteer:
    """A gazetteer built from its record lists (``countries``, ``organizations``, ``places``).

    For a component built from its own copy of the data (see :func:`kg.lang.lang_data`).
    """
    records = [r for name in GAZETTEER_FILES for r in data.get(name, ())]
    records += _institutions(data.get(INSTITUTIONS), records)
    return Gazetteer(lang, tuple(_entry(r) for r in records))


def _institutions(
    data: Mapping[str, Any] | None, known: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Records for the per-country lists of ``institutions.json`` (``[name, aliases, acronyms]``).

    Why a file of its own: parliaments, parties, armed forces and media are written per
    country, which is how such lists are checked for completeness; each item becomes an
    ``Organization`` record that carries its country. A name the curated records already
    hold is left to them (they may have a Wikidata id).
    """
    if not data:
        return []
    countries = {r["name"]: r for r in known if r["type"] == "Country"}
    taken = {fold(n) for r in known for n in (r["name"], *r.get("aliases", ()))}
    out = []
    for country_name, kinds in sorted(data.get("countries", {}).items()):
        country = countries.get(country_name)
        if country is None:
            raise ModelError(
                f"institutions.json names an unknown country {country_name!r}; "
                "use the country's name as written in countries.json"
            )
        for _kind, items in sorted(kinds.items()):
            for name, aliases, acronyms in items:
                if fold(name) in taken:
                    continue
                taken.add(fold(name))
                out.append(
                    {
                        "type": "Organization",
                        "name": name,
                        "wikidata": None,
                        "aliases": aliases,
                        "acronyms": acronyms,
                        "country": entity_key("Country", country["name"], country["wikidata"]),
                    }
                )
    return out
