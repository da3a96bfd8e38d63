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
        ("L'équipe du bureau d'enquêtes et d'analyses (BEA) a récupéré les boîtes noires.", "BEA"),
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
