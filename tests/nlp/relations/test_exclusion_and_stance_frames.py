"""Verb and noun frames of membership, pledges and stance over hand-given mentions: an
exclusion or suspension states a (former) membership ("le parti a exclu X", "X a été
suspendu de la Ligue"), a gift announced or approved is pledged ("a annoncé une aide de …
à Y"), "faire face à" sets two sides against each other, and rejecting someone's
sanctions or accusations opposes their author; "le soutien de X à Y", "l'opposition de X à
Y" relate the two sides.

One table per frame, each with negative rows. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, facts_of, sentence_extractor

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "Parti radical": ("org:radical", "Organization", "name"),
    "Ligue arabe": ("org:ligue", "Organization", "name"),
    "Union africaine": ("org:ua", "Organization", "name"),
    "Banque mondiale": ("org:bm", "Organization", "name"),
    "Soudan": ("Q1049", "Country", "name"),
    "Tchad": ("Q657", "Country", "name"),
    "Niger": ("Q1032", "Country", "name"),
    "Canada": ("Q16", "Country", "name"),
    "Norvège": ("Q20", "Country", "name"),
    "Asie": ("place:asie", "Place", "name"),
    "Nantes": ("place:nantes", "Place", "name"),
    "alliance": ("org:alliance", "Organization", "nominal"),
}


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


EXCLUSIONS = [
    ("Le Parti radical a exclu Paul Girard en mars.", {("person:girard", "org:radical")}),
    ("Anna Kowalski a été exclue du Parti radical.", {("person:kowalski", "org:radical")}),
    ("Le Soudan a été suspendu de la Ligue arabe.", {("Q1049", "org:ligue")}),
    ("Le Tchad a été radié de l'Union africaine.", {("Q657", "org:ua")}),
    # an excluded option, a body excluding a body: no membership
    ("Le Parti radical a exclu toute alliance avec la Ligue arabe.", set()),
    ("Paul Girard a exclu de démissionner.", set()),
]


@pytest.mark.parametrize(("text", "expected"), EXCLUSIONS, ids=case_ids(EXCLUSIONS))
def test_exclusion_states_membership(extract, text, expected):
    found = {(s, o) for s, _, o in facts_of(extract(text), {"memberOf"})}
    assert found == expected


PLEDGES = [
    ("Le Canada a annoncé une aide de deux millions de dollars au Niger.", {("Q16", "Q1032")}),
    ("La Banque mondiale a approuvé un prêt de 300 millions au Tchad.", {("org:bm", "Q657")}),
    ("La Norvège a proposé une aide d'urgence au Soudan.", {("Q20", "Q1049")}),
    # no gift noun: an announcement, a proposal
    ("Le Canada a annoncé sa décision au Niger.", set()),
    ("La Norvège a proposé une médiation au Soudan.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PLEDGES, ids=case_ids(PLEDGES))
def test_announced_gift_is_pledged(extract, text, expected):
    found = {(s, o) for s, _, o in facts_of(extract(text), {"pledgesTo"})}
    assert found == expected


STANCES = [
    (
        "Au second tour, Paul Girard fera face à Anna Kowalski.",
        {("person:girard", "opposes", "person:kowalski")},
    ),
    ("Le Soudan a rejeté les accusations du Tchad.", {("Q1049", "opposes", "Q657")}),
    ("Le Soudan a dénoncé les sanctions de la Ligue arabe.", {("Q1049", "opposes", "org:ligue")}),
    # a thing faced, a body's sanctions merely reported: no stance
    ("Le Niger fait face à une sécheresse.", set()),
    ("Les sanctions de la Ligue arabe visent le Soudan.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STANCES, ids=case_ids(STANCES))
def test_stance_frames(extract, text, expected):
    assert facts_of(extract(text), {"opposes", "supports"}) == expected


NOUN_STANCES = [
    ("Le soutien du Canada au Tchad a surpris.", {("Q16", "supports", "Q657")}),
    (
        "Le ralliement de Paul Girard à Anna Kowalski a surpris.",
        {("person:girard", "supports", "person:kowalski")},
    ),
    (
        "L'opposition du Parti radical à Paul Girard s'est durcie.",
        {("org:radical", "opposes", "person:girard")},
    ),
    # no side named with "à", or a place after "à": no stance
    ("Le soutien du Canada a été décisif à Nantes.", set()),
    ("Les soutiens de Paul Girard à Nantes ont manifesté.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NOUN_STANCES, ids=case_ids(NOUN_STANCES))
def test_stance_nouns_between_two_sides(extract, text, expected):
    assert facts_of(extract(text), {"opposes", "supports"}) == expected
