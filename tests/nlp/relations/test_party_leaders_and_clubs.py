"""Affiliation shapes of news French over hand-given mentions: a party leader named by an
adjective ("le chef travailliste X"), a party after a seat's "de" ("la députée du Parti
socialiste X"), a body behind a kind noun after a joining or leaving verb ("a rejoint le
club de X"), a former club ("en provenance de X") and a party in brackets inside a pair
("la dispute entre X (UMP) et Y").

One table per shape, each with negative rows. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, facts_of, sentence_extractor

pytestmark = pytest.mark.slow

LABOUR, TORIES, PS, UMP = "Q9630", "Q9626", "Q170972", "org:ump"

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "Louis Perrin": ("person:perrin", "Person", "name"),
    "Royaume-Uni": ("Q145", "Country", "name"),
    "Espagne": ("Q29", "Country", "name"),
    "Parti socialiste": (PS, "Organization", "name"),
    "Front national": ("org:fn", "Organization", "name"),
    "UMP": (UMP, "Organization", "name"),
    "Sénat": ("org:senat", "Organization", "name"),
    "Olympique lyonnais": ("org:ol", "Organization", "name"),
    "FC Lorient": ("org:lorient", "Organization", "name"),
    "Stade brestois": ("org:brest", "Organization", "name"),
    "OTAN": ("org:otan", "Organization", "name"),
    "Air France": ("org:af", "Organization", "name"),
    "Lyon": ("place:lyon", "Place", "name"),
}


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


LEADERS = [
    # a leader's title after a definite article: the party's head
    ("Au Royaume-Uni, le chef travailliste Paul Girard a démissionné.", "headOf", LABOUR),
    ("Au Royaume-Uni, la furie du leader conservateur Paul Girard a surpris.", "headOf", TORIES),
    ("Au Royaume-Uni, l'ancien chef travailliste Paul Girard a parlé.", "headOf", LABOUR),
    # an indefinite article, another politician's title: one of its members
    ("Au Royaume-Uni, Paul Girard, un chef travailliste, a parlé.", "memberOf", LABOUR),
    ("Au Royaume-Uni, le député travailliste Paul Girard a démissionné.", "memberOf", LABOUR),
    ("Au Royaume-Uni, le dirigeant conservateur Paul Girard a parlé.", "memberOf", TORIES),
]


@pytest.mark.parametrize(("text", "predicate", "party"), LEADERS, ids=case_ids(LEADERS))
def test_party_leader_adjective(extract, text, predicate, party):
    found = facts_of(extract(text), {"headOf", "memberOf"})
    assert found == {("person:girard", predicate, party)}


SEATS = [
    # a party after the seat's "de": the bearer's party
    (
        "La députée du Parti socialiste Anna Kowalski a voté contre le texte.",
        {("person:kowalski", "memberOf", PS)},
    ),
    (
        "Le conseiller municipal du Front national Paul Girard a quitté la séance.",
        {("person:girard", "memberOf", "org:fn")},
    ),
    (
        "Anna Kowalski, sénatrice de l'UMP, a déposé un amendement.",
        {("person:kowalski", "memberOf", UMP)},
    ),
    # a chamber after the seat's "de": a seat in it
    (
        "Anna Kowalski, sénatrice du Sénat depuis dix ans, a déposé un amendement.",
        {("person:kowalski", "worksFor", "org:senat")},
    ),
    # a party official's title, a party adjective after a whip's title
    (
        "Anna Kowalski, ancienne trésorière de l'UMP, a été entendue.",
        {("person:kowalski", "worksFor", UMP)},
    ),
    (
        "Au Royaume-Uni, le whip conservateur Paul Girard a compté les voix.",
        {("person:girard", "memberOf", TORIES)},
    ),
    (
        "Au Royaume-Uni, la furie du whip conservateur, Paul Girard, a surpris.",
        {("person:girard", "memberOf", TORIES)},
    ),
    # a party's head is no member only
    (
        "Paul Girard, président du Parti socialiste, a répondu.",
        {("person:girard", "headOf", PS)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEATS, ids=case_ids(SEATS))
def test_party_after_seat_title(extract, text, expected):
    assert facts_of(extract(text), {"headOf", "memberOf", "worksFor"}) == expected


JOINS = [
    (
        "Paul Girard a rejoint le club de l'Olympique lyonnais cet été.",
        {("person:girard", "joins", "org:ol")},
    ),
    ("Paul Girard a rejoint les rangs de l'UMP en 2004.", {("person:girard", "joins", UMP)}),
    ("L'Espagne a intégré l'alliance de l'OTAN en 1982.", {("Q29", "joins", "org:otan")}),
    (
        "Anna Kowalski a quitté les rangs du Front national.",
        {("person:kowalski", "memberOf", "org:fn")},
    ),
    # the noun's genitive is a person or a place: no body joined
    ("Paul Girard a rejoint le camp de Louis Perrin.", set()),
    ("Paul Girard a rejoint le club de Lyon.", set()),
    # a thing of the body, not a kind of body: nothing
    ("Paul Girard a rejoint le siège de l'UMP à pied.", set()),
]


@pytest.mark.parametrize(("text", "expected"), JOINS, ids=case_ids(JOINS))
def test_join_through_body_noun(extract, text, expected):
    assert facts_of(extract(text), {"joins", "memberOf"}) == expected


TRANSFERS = [
    (
        "Paul Girard a signé au FC Lorient en provenance du Stade brestois.",
        {("person:girard", "memberOf", "org:brest")},
    ),
    (
        "Paul Girard, en provenance du Stade brestois, a signé pour trois ans.",
        {("person:girard", "memberOf", "org:brest")},
    ),
    # a flight, a place: no club
    ("Le vol en provenance d'Air France s'est posé à Lyon.", set()),
    ("Paul Girard est arrivé à Lyon en provenance d'Espagne.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TRANSFERS, ids=case_ids(TRANSFERS))
def test_former_club_by_provenance(extract, text, expected):
    assert facts_of(extract(text), {"memberOf"}) == expected


PAIRS = [
    # the bracketed party qualifies its side
    (
        "Le différend entre le député Paul Girard (UMP) et Louis Perrin s'aggrave.",
        {("person:girard", "opposes", "person:perrin")},
    ),
    (
        "La rivalité entre Anna Kowalski (UMP) et Paul Girard (Parti socialiste) dure.",
        {("person:kowalski", "opposes", "person:girard")},
    ),
    # two named sides still oppose
    ("Le différend entre l'UMP et le Front national s'aggrave.", {(UMP, "opposes", "org:fn")}),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS, ids=case_ids(PAIRS))
def test_bracketed_party_is_no_side(extract, text, expected):
    assert facts_of(extract(text), {"opposes"}) == expected


BRACKETS = [
    # a party then the seat, in one bracket
    ("Le député Paul Girard (UMP, Var) a protesté.", {("person:girard", "memberOf", UMP)}),
    (
        "Anna Kowalski (Parti socialiste, Rhône) a protesté.",
        {("person:kowalski", "memberOf", PS)},
    ),
    # not a party, or no closing bracket soon
    ("Paul Girard (Air France, Lyon) a protesté.", set()),
    ("Paul Girard (UMP, qui a voté contre) a protesté.", set()),
]


@pytest.mark.parametrize(("text", "expected"), BRACKETS, ids=case_ids(BRACKETS))
def test_party_and_seat_in_brackets(extract, text, expected):
    assert facts_of(extract(text), {"memberOf", "worksFor"}) == expected
