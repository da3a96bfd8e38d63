"""Parties named by an adjective (kg/nlp/relations/parties.py): "le sénateur républicain X".

One table with negative cases over hand-given mentions (the party mention is the relation
component's own), and one build through the whole pipeline for the party's entity record.
The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from _hand import sentence_extractor

pytestmark = pytest.mark.slow

GOP, DEM, PS, LABOUR = "Q29468", "Q29552", "Q170972", "Q9630"
PSOE = "organization:parti-socialiste-ouvrier-espagnol"
ND = "organization:nouvelle-democratie"
CDU = "organization:union-chretienne-democrate-d-allemagne"
BROTHERHOOD = "organization:freres-musulmans"
TALIBAN, KHMERS = "Q42418", "organization:khmers-rouges"
WITNESSES = "organization:temoins-de-jehovah"

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "États-Unis": ("Q30", "Country", "name"),
    "américain": ("Q30", "Country", "demonym"),
    "France": ("Q142", "Country", "name"),
    "Espagne": ("Q29", "Country", "name"),
    "Grèce": ("Q41", "Country", "name"),
    "Allemagne": ("Q183", "Country", "name"),
    "espagnol": ("Q29", "Country", "demonym"),
    "Royaume-Uni": ("Q145", "Country", "name"),
    "Ohio": ("place:ohio", "Place", "name"),
    "PS": (PS, "Organization", "name"),
    "Sénat": ("org:senat", "Organization", "name"),
    "Renault": ("org:renault", "Organization", "name"),
}


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


PARTIES = [
    # no country anywhere: an adjective of one country's table is that country's party
    ("Le sénateur républicain Paul Girard a parlé.", {("person:girard", GOP)}),
    ("Aux États-Unis, la sénatrice démocrate Anna Kowalski a voté.", {("person:kowalski", DEM)}),
    # the adjective as a noun
    ("Aux États-Unis, le républicain Paul Girard a gagné l'Ohio.", {("person:girard", GOP)}),
    # a country named between the title and the adjective
    ("Le gouverneur américain démocrate Paul Girard a parlé.", {("person:girard", DEM)}),
    ("En France, le député socialiste Paul Girard a voté.", {("person:girard", PS)}),
    (
        "Royaume-Uni : la députée travailliste Anna Kowalski\n\nElle a voté.",
        {("person:kowalski", LABOUR)},
    ),
    # each country's table: "socialiste" is the PSOE in Spain, "conservateur" New Democracy
    # in Greece
    ("En Espagne, le député socialiste Paul Girard a voté.", {("person:girard", PSOE)}),
    ("Le député espagnol socialiste Paul Girard a voté en France.", {("person:girard", PSOE)}),
    ("En Grèce, le conservateur Paul Girard a gagné.", {("person:girard", ND)}),
    ("En Allemagne, la chrétienne-démocrate Anna Kowalski a voté.", {("person:kowalski", CDU)}),
    # a movement's member noun, whatever the country
    ("Le Frère musulman Paul Girard a été arrêté.", {("person:girard", BROTHERHOOD)}),
    ("Le taliban Paul Girard a été capturé près de la frontière.", {("person:girard", TALIBAN)}),
    ("Le Khmer rouge Paul Girard a été jugé à Phnom Penh.", {("person:girard", KHMERS)}),
    ("La Témoin de Jéhovah Anna Kowalski a refusé.", {("person:kowalski", WITNESSES)}),
    # a movement's adjective on a thing, a kinship noun: no member
    ("Le régime taliban a libéré Paul Girard.", set()),
    ("Le frère de Paul Girard a été arrêté.", set()),
    # a place between the adjective and the person
    ("La sénatrice républicaine du Maine, Anna Kowalski, a voté.", {("person:kowalski", GOP)}),
    ("La sénatrice républicaine de l'Ohio, Anna Kowalski, a voté.", {("person:kowalski", GOP)}),
    # the adjective is not a party of the country's table: nothing
    ("En Espagne, le député travailliste Paul Girard a voté.", set()),
    ("En Grèce, le député démocrate Paul Girard a voté.", set()),
    # an adjective of several countries' tables and no country named: the home country's
    # party if it has one, else nothing
    ("Le député socialiste Paul Girard a voté.", {("person:girard", PS)}),
    ("Le conservateur Paul Girard a gagné.", set()),
    # no title before the adjective, or no comma after the place
    ("La garde républicaine du Maine, Anna Kowalski, a défilé.", set()),
    ("La sénatrice républicaine du Maine a reçu Anna Kowalski.", set()),
    # no person right after, or no title nor determiner before
    ("La garde républicaine de Paul Girard a défilé.", set()),
    ("Les sénateurs républicains ont voté.", set()),
    ("Un vote républicain Paul Girard ne suffit pas.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTIES, ids=[c[0][:48] for c in PARTIES])
def test_party_adjectives(extract, text, expected):
    found = {(r.subject, r.object) for r in extract(text) if r.predicate == "memberOf"}
    assert found == expected


def test_party_entity_is_recorded():
    import kg

    (x,) = kg.api.extract(
        ["Le sénateur républicain John Carter a critiqué la Maison-Blanche."], lang="fr"
    )
    (party,) = [e for e in x.entities if e.id == GOP]
    assert party.wikidata == GOP
    # like "letton" for Latvia, the adjective qualifies the senator: no span of the party
    assert party.mentions == ()
    assert any(r.object == GOP and r.predicate == "memberOf" for r in x.relations)


#: The chair of a party's group heads the group (a body of the article), not the party (he
#: is of the party); a company group is the company.
GROUP_PS = "organization:groupe-ps"
GROUPS = [
    (
        "Paul Girard, président du groupe PS au Sénat, a parlé.",
        {("person:girard", "memberOf", PS), ("person:girard", "headOf", GROUP_PS)},
    ),
    (
        "Le président du groupe PS, Paul Girard, a parlé.",
        {("person:girard", "memberOf", PS), ("person:girard", "headOf", GROUP_PS)},
    ),
    (
        "La présidente du groupe socialiste au Sénat, Anna Kowalski, a parlé.",
        {("person:kowalski", "headOf", "organization:groupe-socialiste")},
    ),
    ("Le président du PS, Paul Girard, a parlé.", {("person:girard", "headOf", PS)}),
    # a company group, an armed group: no parliamentary group
    (
        "Le président du groupe Renault, Paul Girard, a parlé.",
        {("person:girard", "headOf", "org:renault")},
    ),
    ("Le chef du groupe armé, Paul Girard, a été arrêté.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GROUPS, ids=[c[0][:48] for c in GROUPS])
def test_group_chair_is_not_party_head(extract, text, expected):
    wanted = {"headOf", "memberOf"}
    found = {(r.subject, r.predicate, r.object) for r in extract(text) if r.predicate in wanted}
    assert found == expected
