"""Places inside places (kg/nlp/relations/containment.py): an apposed locative, an apposed
kind noun, a kind noun with a national adjective, a place with a national adjective, a sited
participle; nearness, distances and lists of destinations state no inclusion.

The sentences are written for these tests; mentions are given by hand.
"""

from __future__ import annotations

import pytest
from _hand import sentence_extractor

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Lérida": ("place:lerida", "Place", "name"),
    "Gérone": ("place:gerone", "Place", "name"),
    "Tarragone": ("place:tarragone", "Place", "name"),
    "Saragosse": ("place:saragosse", "Place", "name"),
    "Catalogne": ("place:catalogne", "Place", "name"),
    "Espagne": ("ES", "Country", "name"),
    "Portugal": ("PT", "Country", "name"),
    "Maroc": ("MA", "Country", "name"),
    "espagnole": ("ES", "Country", "demonym"),
    "espagnoles": ("ES", "Country", "demonym"),
    "marocain": ("MA", "Country", "demonym"),
    "Rif": ("place:rif", "Place", "name"),
    "Agadir": ("place:agadir", "Place", "name"),
    "Croix-Rouge": ("org:croix-rouge", "Organization", "name"),
    "Médecins du monde": ("org:mdm", "Organization", "name"),
}


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


def located(relations) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in relations if r.predicate == "locatedIn"}


#: "<X>, dans le nord de <Y>," / "<X>, en <Y>." / "<X>, à l'est de <Y>,"
APPOSED_LOCATIVES = [
    ("Lérida, dans l'ouest de la Catalogne, a voté.", {("place:lerida", "place:catalogne")}),
    ("Les pompiers sont arrivés à Gérone, en Espagne.", {("place:gerone", "ES")}),
    ("Le froid touche Saragosse, au nord de l'Espagne, depuis lundi.", {("place:saragosse", "ES")}),
    ("Agadir, dans la province de Souss, puis Gérone, en Espagne.", {("place:gerone", "ES")}),
    ("Lérida, à l'est de l'Espagne, a voté.", {("place:lerida", "ES")}),
    # nearness and distances are not inclusion
    ("Lérida, près de Saragosse, a voté.", set()),
    ("Lérida, à 150 km de Saragosse, a voté.", set()),
    ("Lérida, à l'est de Saragosse, a voté.", set()),
    # a list of destinations, not a place and its country
    ("Il a voyagé à Lérida, en Espagne, au Portugal et au Maroc.", set()),
    ("Il a voyagé à Lérida, en Espagne et au Portugal.", set()),
]

#: "<X>, ville du nord de <Y>", "<X>, troisième ville de <Y>", "<X>, localité espagnole,"
APPOSED_KINDS = [
    (
        "Tarragone, ville du sud de la Catalogne, est calme.",
        {("place:tarragone", "place:catalogne")},
    ),
    ("Saragosse, cinquième ville d'Espagne, a voté.", {("place:saragosse", "ES")}),
    ("Gérone, petite ville espagnole, a voté.", {("place:gerone", "ES")}),
    # a plural kind noun qualifies the list before it
    (
        "Lérida, Gérone et Tarragone, les trois villes de la Catalogne, ont voté.",
        {
            ("place:lerida", "place:catalogne"),
            ("place:gerone", "place:catalogne"),
            ("place:tarragone", "place:catalogne"),
        },
    ),
    (
        "Lérida, Gérone et Tarragone, la ville de Catalogne, ont voté.",
        {("place:tarragone", "place:catalogne")},
    ),
    # a kind noun with no place after it, or a person's city
    ("Gérone, ville de tous les excès, a voté.", set()),
    ("Gérone, ville jumelée avec Agadir, a voté.", set()),
]

#: "du pays": the headline's country, never a country the article does not head with.
THE_COUNTRY = [
    ("Espagne : des pluies\n\nLérida, dans l'ouest du pays, a voté.", {("place:lerida", "ES")}),
    ("Espagne : des pluies\n\nGérone, ville du nord du pays, a voté.", {("place:gerone", "ES")}),
    ("Lérida, dans l'ouest du pays, a voté.", set()),
    ("Espagne : des pluies\n\nLérida, dans l'ouest d'un pays voisin, a voté.", set()),
]

#: "<X> (nord de <Y>)"
BRACKETS = [
    (
        "Des pluies ont frappé Lérida (ouest de la Catalogne).",
        {("place:lerida", "place:catalogne")},
    ),
    ("Des pluies ont frappé Agadir (sud du Maroc) lundi.", {("place:agadir", "MA")}),
    # a date or a count in brackets
    ("Des pluies ont frappé Agadir (12 morts) lundi.", set()),
    ("Des pluies ont frappé Agadir (nord de la ville, près du port) lundi.", set()),
]

#: "la ville espagnole de <X>", "le Rif marocain"
NATIONAL_ADJECTIVES = [
    ("Les secours ont atteint la ville espagnole de Gérone.", {("place:gerone", "ES")}),
    (
        "Les villes espagnoles de Gérone et de Tarragone ont voté.",
        {("place:gerone", "ES"), ("place:tarragone", "ES")},
    ),
    ("Les pluies ont inondé le Rif marocain.", {("place:rif", "MA")}),
    # a national adjective of something else than a place
    ("Le ministre espagnol a visité Gérone.", set()),
    ("Un touriste marocain a visité Gérone.", set()),
]

#: "<X>, basée à <Y>"
SITED = [
    ("La Croix-Rouge, basée à Gérone, a envoyé des tentes.", {("org:croix-rouge", "place:gerone")}),
    ("Médecins du monde, installée en Espagne, a ouvert un centre.", {("org:mdm", "ES")}),
    # working somewhere is not being sited there
    ("La Croix-Rouge, présente à Gérone, a envoyé des tentes.", set()),
    ("La Croix-Rouge a envoyé des tentes à Gérone.", set()),
]


@pytest.mark.parametrize(("text", "expected"), APPOSED_LOCATIVES)
def test_apposed_locatives(extract, text, expected):
    assert located(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), APPOSED_KINDS)
def test_apposed_kind_nouns(extract, text, expected):
    assert located(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), THE_COUNTRY)
def test_the_country(extract, text, expected):
    assert located(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), BRACKETS)
def test_brackets(extract, text, expected):
    assert located(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), NATIONAL_ADJECTIVES)
def test_national_adjectives(extract, text, expected):
    assert located(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), SITED)
def test_sited_participles(extract, text, expected):
    assert located(extract(text)) == expected


def test_capital_of_a_province_named_by_its_kind_noun():
    """ "capitale de la province": the province named before, whether or not the entity
    component tagged that occurrence of its name (it did in the headline)."""
    from _hand import pipeline_facts

    from kg.nlp.pipeline import load_pipeline

    text = (
        "Argentine : nouvelle route pour le Chubut\n\nLe gouvernement a inauguré une route "
        "dans la province du Chubut. Les travaux ont commencé à Rawson, capitale de la "
        "province, en mars."
    )
    facts = {(s, p, o) for s, p, o, _ in pipeline_facts(load_pipeline(), text)}
    assert ("Rawson", "locatedIn", "Chubut") in facts
