"""GeoNames ids and coordinates for the places of a document.

Why a last step over the entity records, not part of matching: the city index
(:mod:`kg.lang.geo`, 34,000 GeoNames cities) is too ambiguous to match in running text,
but once a span is read as a place its name can be looked up safely: a city whose name
clearly dominates (``DOMINANCE``), in the country the curated gazetteer gives the place
when it gives one, gets its GeoNames id and coordinates, which a map needs. A name the
index cannot settle ("Springfield") gets nothing: better no point than a wrong one. A
subdivision the index settles ("Iowa", "Bavière") has no point but may have a Wikidata id,
which the place takes when the gazetteer gave it none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kg.lang.gazetteer import Gazetteer
from kg.lang.geo import GeoIndex
from kg.model import Entity, GeoPoint

__all__ = ["locate_places"]


def locate_places(
    entities: dict[str, Entity], gazetteer: Gazetteer, geo: Callable[[], GeoIndex]
) -> dict[str, Entity]:
    """``entities`` with a :class:`GeoPoint` on each ``Place`` the city index settles,
    and the Wikidata id of each unlinked place the index settles on a record that has one.

    ``geo`` is called only when the document has a place (the index costs a second to load).
    """
    out = dict(entities)
    for key, entity in entities.items():
        if entity.type != "Place" or entity.geo is not None:
            continue
        entry = gazetteer.get(key)
        country = entry.country if entry is not None else None
        place = geo().lookup(entity.name, country)
        if place is None:
            continue
        if entity.wikidata is None and place.wikidata is not None:
            out[key] = entity = replace(entity, wikidata=place.wikidata)
        if place.kind != "city" or place.lat is None or place.lon is None:
            continue
        if place.geonames is None:
            continue
        out[key] = replace(entity, geo=GeoPoint(place.geonames, place.lat, place.lon))
    return out
