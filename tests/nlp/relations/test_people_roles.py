"""Role nouns of people, in every position (kg/nlp/relations/titles.py, ``role_titles``).

One table per construction, each with negative rows: roles beyond président/ministre
(newsroom, command, team, university), heads of an event (``leads``), a role stated in a
relative clause ("X, qui fut premier ministre"), and a person after "de" who is not the
title's bearer ("le premier ministre d'X"). The sentences are written for these tests;
mentions are given by hand.
"""

from __future__ import annotations

import pytest
from _hand import sentence_extractor

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Claire Vasseur": ("person:vasseur", "Person", "name"),
    "Hugo Ferrand": ("person:ferrand", "Person", "name"),
    "Jules Mercier": ("person:mercier", "Person", "name"),
    "Télégramme": ("org:telegramme", "Organization", "name"),
    "France 2": ("org:france2", "Organization", "name"),
    "OTAN": ("NATO", "Organization", "name"),
    "Olympique lyonnais": ("org:ol", "Organization", "name"),
    "Sorbonne": ("org:sorbonne", "Organization", "name"),
    "Banque de France": ("org:bdf", "Organization", "name"),
    "Hamas": ("org:hamas", "Organization", "name"),
    "Portugal": ("PT", "Country", "name"),
    "Chili": ("CL", "Country", "name"),
    "marche": ("event:marche", "Event", "nominal"),
    "grève": ("event:greve", "Event", "nominal"),
}

V, F, M = "person:vasseur", "person:ferrand", "person:mercier"
AFFILIATIONS = {"worksFor", "memberOf", "headOf", "leads", "ministerOf"}

ROLES = [
    (
        "Claire Vasseur, rédactrice en chef du Télégramme, a quitté ses fonctions.",
        {(V, "worksFor", "org:telegramme")},
    ),
    (
        "La présentatrice de France 2, Claire Vasseur, a été remplacée.",
        {(V, "worksFor", "org:france2")},
    ),
    ("Hugo Ferrand, commandant des forces de l'OTAN, a parlé.", {(F, "memberOf", "NATO")}),
    ("Le commandant en chef de l'OTAN, Hugo Ferrand, a parlé.", {(F, "headOf", "NATO")}),
    ("Hugo Ferrand, capitaine de l'Olympique lyonnais, est blessé.", {(F, "memberOf", "org:ol")}),
    ("Le recteur de la Sorbonne, Hugo Ferrand, a fermé le site.", {(F, "headOf", "org:sorbonne")}),
    (
        "Le gouverneur de la Banque de France, Jules Mercier, a averti.",
        {(M, "headOf", "org:bdf")},
    ),
    ("Jules Mercier, membre du Hamas, a été arrêté.", {(M, "memberOf", "org:hamas")}),
    # a rank between the comma and the name
    ("Le porte-parole de l'OTAN, le général Hugo Ferrand, a démenti.", {(F, "worksFor", "NATO")}),
    # no role stated for the person
    ("Le porte-parole de l'OTAN a salué le général Hugo Ferrand.", set()),
    ("Claire Vasseur a écrit au rédacteur en chef du Télégramme.", set()),
    ("Hugo Ferrand a regardé le présentateur de France 2.", set()),
    ("Les joueurs de l'Olympique lyonnais ont salué Jules Mercier.", set()),
    ("Les membres du Hamas ont rencontré Jules Mercier.", set()),
]

EVENT_HEADS = [
    (
        "Claire Vasseur, organisatrice de la marche, a pris la parole.",
        {(V, "leads", "event:marche")},
    ),
    (
        "Hugo Ferrand, l'un des responsables de la grève, a été reçu.",
        {(F, "leads", "event:greve")},
    ),
    ("Jules Mercier, meneur de la grève, a été arrêté.", {(M, "leads", "event:greve")}),
    # taking part is not heading
    ("Claire Vasseur, qui a participé à la marche, a pris la parole.", set()),
    ("Les organisateurs de la marche ont remercié Hugo Ferrand.", set()),
]

RELATIVE = [
    (
        "Hugo Ferrand, qui fut premier ministre du Portugal, a perdu.",
        {(F, "headOf", "PT")},
        True,
    ),
    (
        "Claire Vasseur, qui a été présidente du Chili, a voté.",
        {(V, "headOf", "CL")},
        True,
    ),
    ("Jules Mercier, qui est président du Chili, a voté.", {(M, "headOf", "CL")}, False),
    # the relative clause says something else than a role
    ("Hugo Ferrand, qui connaît le président du Chili, a parlé.", set(), False),
    ("Claire Vasseur, que le président du Chili a nommée, a parlé.", set(), False),
]

GENITIVE_PERSON = [
    # the person after "de" is whom the bearer serves, not the bearer
    ("L'ancien premier ministre de Hugo Ferrand a démissionné.", set()),
    ("Le porte-parole de Claire Vasseur a démenti.", set()),
    # the person apposed to the title is its bearer
    ("Le premier ministre du Portugal Hugo Ferrand a démissionné.", {(F, "headOf", "PT")}),
]


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


def _facts(extract, text: str) -> set[tuple[str, str, str]]:
    return {
        (r.subject, r.predicate, r.object) for r in extract(text) if r.predicate in AFFILIATIONS
    }


@pytest.mark.parametrize(("text", "expected"), ROLES, ids=[c[0][:48] for c in ROLES])
def test_roles_of_a_kind(extract, text, expected):
    assert _facts(extract, text) == expected


@pytest.mark.parametrize(("text", "expected"), EVENT_HEADS, ids=[c[0][:48] for c in EVENT_HEADS])
def test_head_of_an_event_leads_it(extract, text, expected):
    assert _facts(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "former"), RELATIVE, ids=[c[0][:48] for c in RELATIVE]
)
def test_role_in_a_relative_clause(extract, text, expected, former):
    relations = [r for r in extract(text) if r.predicate in AFFILIATIONS]
    assert {(r.subject, r.predicate, r.object) for r in relations} == expected
    for relation in relations:
        assert bool(relation.attributes.get("former")) is former


@pytest.mark.parametrize(
    ("text", "expected"), GENITIVE_PERSON, ids=[c[0][:48] for c in GENITIVE_PERSON]
)
def test_person_after_de_is_not_the_bearer(extract, text, expected):
    assert _facts(extract, text) == expected
