"""Acronyms defined by a lower-case phrase: an organisation with an organisation noun in the
phrase, a thing without one (kg/nlp/entities/defined.py), on real parses."""

from __future__ import annotations

import pytest
from _parse import parse

pytestmark = pytest.mark.slow


def _types(nlp, text: str) -> dict[str, str]:
    return {e.name: e.type for e in parse(nlp, text, "d")._.kg_entities.values()}


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        # a weapon, then the acronym alone later on: a thing both times
        (
            "L'armée a testé un missile lancé depuis un sous-marin (SLBM) jeudi. Le tir du "
            "SLBM a eu lieu en mer.",
            "SLBM",
        ),
        (
            "Le satellite emporte un radar à synthèse d'ouverture (RSO) de nouvelle génération.",
            "RSO",
        ),
    ],
)
def test_an_acronym_defined_by_a_thing_is_no_organisation(nlp, text, acronym):
    assert _types(nlp, text).get(acronym) != "Organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an organisation noun in the phrase: a body (the acronym stays an organisation's)
        # (the name is the one the acronym spells, not the team of it)
        (
            "L'équipe du bureau d'enquêtes et d'analyses (BEA) a récupéré les boîtes noires.",
            "bureau d'enquêtes et d'analyses",
        ),
        # a known organisation keeps its id whatever stands before it
        (
            "Un accord sur le commerce mondial (OMC) a été signé à Genève.",
            "Organisation mondiale du commerce",
        ),
    ],
)
def test_organisations_defined_by_an_acronym_stay(nlp, text, name):
    assert _types(nlp, text).get(name) == "Organization"


@pytest.mark.parametrize(
    ("text", "things"),
    [
        ("La marine a essayé un engin balistique naval (SLBM) hier.", {"SLBM"}),
        # a capitalised name before the parenthesis: the acronym is that name's
        ("L'Agence spatiale européenne (ESA) a lancé une sonde.", set()),
        # a capitalised article opening the sentence does not make the phrase a name
        ("Un radar à synthèse d'ouverture (RSO) équipe le satellite.", {"RSO"}),
    ],
)
def test_defined_things_on_the_parse(nlp, text, things):
    from kg.nlp.entities.defined import defined_things

    assert defined_things(parse(nlp, text, "d"), frozenset()) == things


def _names(nlp, text: str) -> set[str]:
    entities = parse(nlp, text, "d")._.kg_entities.values()
    return {e.name for e in entities if e.type == "Organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a unit is a body when its acronym defines it, after "du"/"des" as after "le"
        (
            "Deux alpinistes ont été secourus par le peloton de gendarmerie de montagne (PGM).",
            "peloton de gendarmerie de montagne",
        ),
        (
            "Les hommes du bataillon de chasseurs alpins (BCA) ont défilé.",
            "bataillon de chasseurs alpins",
        ),
        # "et" joins two complements of one name
        (
            "Le directeur du centre de veille et d'alerte (CVA) a été entendu.",
            "centre de veille et d'alerte",
        ),
        # ... but not two bodies: the name starts after it
        (
            "La police et le service des fraudes (SDF) ont saisi les jouets.",
            "service des fraudes",
        ),
    ],
)
def test_lower_case_units_defined_by_an_acronym(nlp, text, name):
    assert name in _names(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the same unit nouns without an acronym are common words
        "Le peloton a franchi le col sous la pluie.",
        "Une division du travail a été décidée.",
        # a head after a bare "de" is a complement: no name opens there
        "Le chef de section (CDS) a été blessé.",
    ],
)
def test_unit_nouns_without_a_definition_name_nothing(nlp, text):
    names = _names(nlp, text)
    assert not any(n.startswith(("peloton", "division", "section")) for n in names)
