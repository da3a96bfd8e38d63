"""Territories a head title is of, read through the whole pipeline (entities + relations).

One table per construction, each with negative rows: a place named after a territory noun
("présidente de la région X"), a place named back by a place noun ("maire de cette
commune", "le président du pays"), and a capitalised territory noun that NER glues to the
bearer's name ("le président de la Région Ana Lopes"). The sentences are written for these
tests.
"""

from __future__ import annotations

import pytest
from _hand import pipeline_facts_of as facts

pytestmark = pytest.mark.slow


def run(nlp, rows):
    for text, expected in rows:
        assert facts(nlp, text) == expected, text


NAMED_TERRITORIES = [
    (
        "Anne Morel, présidente de la région Bretagne, a signé la convention.",
        {("Anne Morel", "headOf", "Bretagne")},
    ),
    (
        "La présidente de la région Île-de-France, Anne Morel, a signé la convention.",
        {("Anne Morel", "headOf", "Île-de-France")},
    ),
    # a seat or an origin in a territory heads nothing
    ("Anne Morel, sénatrice de la région Bretagne, a signé la convention.", set()),
    ("Anne Morel, originaire de la région Bretagne, a signé la convention.", set()),
]

PLACES_NAMED_BACK = [
    (
        "Lyon : travaux\n\nLe chantier s'ouvre à Lyon. Le maire de la ville, Paul Garnier, "
        "a promis un pont.",
        {("Paul Garnier", "headOf", "Lyon")},
    ),
    # a demonstrative points back even with a complement; the bracketed party is read too
    (
        "Les habitants de Grigny ont écrit à Paul Garnier, maire (PCF) de cette commune de "
        "l'Essonne.",
        {
            ("Paul Garnier", "headOf", "Grigny"),
            ("Paul Garnier", "memberOf", "Parti communiste français"),
        },
    ),
    (
        "Le Mali a voté dimanche. Le président du pays, Paul Garnier, a salué le scrutin.",
        {("Paul Garnier", "headOf", "Mali")},
    ),
    # two towns before, or only countries: no antecedent
    (
        "Des touristes visitent Lyon et Grenoble. Le maire de la ville, Paul Garnier, a salué "
        "le résultat.",
        set(),
    ),
    (
        "Le Canada et la Belgique ont signé. Le maire de la ville, Paul Garnier, a salué le "
        "résultat.",
        set(),
    ),
    # no bearer named
    ("Paul Garnier a visité Lyon. Il a rencontré le maire de la ville.", set()),
]

GLUED_TERRITORY_NOUNS = [
    # the headline's region, the region's president whose first name no list knows
    (
        "Corse : budget voté\n\n4 mars 2024. L'assemblée a voté le budget. C'est ce qu'a "
        "annoncé le président de la Région Ghjuvan Santoni.",
        {("Ghjuvan Santoni", "headOf", "Corse")},
    ),
    # a region no text names before: no holder
    ("Le président de la Région Ghjuvan Santoni a parlé.", set()),
]


def test_place_named_after_a_territory_noun(nlp):
    run(nlp, NAMED_TERRITORIES)


def test_place_named_back_by_a_place_noun(nlp):
    run(nlp, PLACES_NAMED_BACK)


def test_territory_noun_glued_to_a_name(nlp):
    run(nlp, GLUED_TERRITORY_NOUNS)
