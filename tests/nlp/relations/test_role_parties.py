"""Parties and bodies around a title (kg/nlp/relations/titles.py, holders.py, parties.py,
membership.py): a party bare or in brackets after a politician's title, a party adjective in
an apposed title, "faire partie de" / "appartenir à", the head of state of the headline's
country, and what must not count (a portfolio read as a body, the object "membres").

One table per construction, each with negative rows. The sentences are written for these
tests; mentions are given by hand.
"""

from __future__ import annotations

import pytest
from _hand import sentence_extractor

pytestmark = pytest.mark.slow

PS = "Q170972"
G, K, M = "person:girard", "person:kowalski", "person:morel"

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": (G, "Person", "name"),
    "Anna Kowalski": (K, "Person", "name"),
    "Louis Morel": (M, "Person", "name"),
    "PS": (PS, "Organization", "name"),
    "Sénat": ("org:senat", "Organization", "name"),
    "Renault": ("org:renault", "Organization", "name"),
    "AFP": ("org:afp", "Organization", "name"),
    "OTAN": ("NATO", "Organization", "name"),
    "Union européenne": ("EU", "Organization", "name"),
    "Internationale socialiste": ("org:is", "Organization", "name"),
    "Énergie": ("org:energie", "Organization", "name"),
    "État islamique": ("org:ei", "Organization", "name"),
    "armée turque": ("org:armee-turque", "Organization", "name"),
    "Lille": ("place:lille", "Place", "name"),
    "Nord": ("place:nord", "Place", "name"),
    "Gironde": ("place:gironde", "Place", "name"),
    "Norvège": ("NO", "Country", "name"),
    "Suisse": ("CH", "Country", "name"),
    "France": ("Q142", "Country", "name"),
    "Portugal": ("PT", "Country", "name"),
    "portugaise": ("PT", "Country", "demonym"),
    "portugais": ("PT", "Country", "demonym"),
}


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


def roles(relations) -> set[tuple[str, str, str]]:
    wanted = {"headOf", "memberOf", "worksFor", "ministerOf"}
    return {(r.subject, r.predicate, r.object) for r in relations if r.predicate in wanted}


#: "le maire (PS) de Lille, X", "le président PS du Sénat, X": the party, and the body.
TITLE_PARTIES = [
    (
        "Le maire (PS) de Lille, Paul Girard, a réagi.",
        {(G, "headOf", "place:lille"), (G, "memberOf", PS)},
    ),
    (
        "Anna Kowalski, maire (PS) de Lille, a réagi.",
        {(K, "headOf", "place:lille"), (K, "memberOf", PS)},
    ),
    (
        "Paul Girard, le président PS du Sénat, a ouvert la séance.",
        {(G, "headOf", "org:senat"), (G, "memberOf", PS)},
    ),
    ("Le maire PS Louis Morel a démissionné.", {(M, "memberOf", PS)}),
    # a place in brackets is no party; a journalist's agency is no party
    ("Le maire de Lille (Nord), Paul Girard, a réagi.", {(G, "headOf", "place:lille")}),
    ("Le journaliste (AFP) Paul Girard a été libéré.", set()),
    # a demonstrative names the body before: not the place named further on
    ("Anna Kowalski, maire (PS) de cette commune de la Gironde, a réagi.", {(K, "memberOf", PS)}),
    # the party of someone else
    ("Le maire de Lille a reçu Paul Girard (PS).", {(G, "memberOf", PS)}),
]

#: "X, députée socialiste de la Gironde,": the adjective in a title apposed to the name.
APPOSED_PARTY_ADJECTIVES = [
    ("En France, Anna Kowalski, députée socialiste de la Gironde, a voté.", {(K, "memberOf", PS)}),
    ("En France, Paul Girard, l'ancien sénateur socialiste, a voté.", {(G, "memberOf", PS)}),
    # the person is not the title's bearer
    ("En France, Anna Kowalski a écrit au député socialiste de la Gironde.", set()),
    ("En France, Anna Kowalski et le député socialiste ont voté.", set()),
]

#: "X fait partie de Y", "X, formation faisant partie de Y", "X appartient à Y"
PART_OF = [
    ("La Norvège fait partie de l'OTAN.", {("NO", "memberOf", "NATO")}),
    ("La Norvège, qui fait partie de l'OTAN, a voté.", {("NO", "memberOf", "NATO")}),
    (
        "Le PS, formation faisant partie de l'Internationale socialiste, a voté.",
        {(PS, "memberOf", "org:is")},
    ),
    ("Paul Girard appartient au PS depuis 1990.", {(G, "memberOf", PS)}),
    # a part of a body, an owner, an object of another verb
    ("Une partie de l'armée turque a fait défection.", set()),
    ("La Norvège a attaqué une partie de l'OTAN.", set()),
    ("Un camion appartenant à Renault a été volé en Suisse.", set()),
    ("Près de la Suisse, un camion appartenant à Renault a été volé.", set()),
]

#: Founders, players, band members, a party "label": memberOf.
MEMBERS = [
    ("Paul Girard a fondé Renault en 1899.", {(G, "memberOf", "org:renault")}),
    ("Renault a été fondée par Paul Girard.", {(G, "memberOf", "org:renault")}),
    ("Anna Kowalski, l'attaquante du PS, a marqué.", {(K, "memberOf", PS)}),
    ("Le guitariste de Renault, Louis Morel, a joué.", {(M, "memberOf", "org:renault")}),
    ("Paul Girard, élu sous l'étiquette du PS, a voté.", {(G, "memberOf", PS)}),
    # founded on something, a player named near a club, a foundation without a founder
    ("La décision de Paul Girard est fondée sur un rapport de Renault.", set()),
    ("Paul Girard a marqué contre Renault.", set()),
    ("Renault a été fondée en 1899.", set()),
]

#: "le président de la République X": the headline's country, or the adjective's.
HEADS_OF_STATE = [
    (
        "France : un discours\n\nLe président de la République Paul Girard a parlé.",
        {(G, "headOf", "Q142")},
    ),
    (
        "Le président de la République portugaise, Anna Kowalski, a parlé.",
        {(K, "headOf", "PT")},
    ),
    (
        "Portugal : un discours\n\nLe chef de l'État, Anna Kowalski, a parlé.",
        {(K, "headOf", "PT")},
    ),
    # a bare "président X" is the headline country's...
    ("Portugal : un discours\n\nLe président Paul Girard a parlé.", {(G, "headOf", "PT")}),
    ("Portugal : un vote\n\nLa présidente sortante Anna Kowalski a perdu.", {(K, "headOf", "PT")}),
    # ...unless the article names his own country, or the title has a complement
    (
        "Portugal : un discours\n\nLe président Paul Girard a parlé. "
        "Le président de la Norvège, Paul Girard, est reparti.",
        {(G, "headOf", "NO")},
    ),
    ("Portugal : un discours\n\nLe président du club, Paul Girard, a parlé.", set()),
    ("Portugal : un discours\n\nLe président de l'association Paul Girard a parlé.", set()),
    # no headline, no country: nothing
    ("Le président de la République Paul Girard a parlé.", set()),
    ("Le chef de l'État, Anna Kowalski, a parlé.", set()),
]

#: What holds no role: a portfolio the parser took for a body, the object "membres".
NOT_ROLES = [
    ("Le commissaire européen à l'Énergie, Paul Girard, a parlé.", set()),
    ("Les gendarmes ont expulsé les membres de Greenpeace du chantier.", set()),
    # ...while a verb that confers the role does
    ("La Suisse est devenue membre de l'Union européenne.", {("CH", "memberOf", "EU")}),
    ("La Suisse a été élue membre de l'Union européenne.", {("CH", "memberOf", "EU")}),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_PARTIES)
def test_party_after_title(extract, text, expected):
    assert roles(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), APPOSED_PARTY_ADJECTIVES)
def test_party_adjective_in_apposed_title(extract, text, expected):
    assert roles(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), PART_OF)
def test_part_of(extract, text, expected):
    assert roles(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), MEMBERS)
def test_members(extract, text, expected):
    assert roles(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), HEADS_OF_STATE)
def test_heads_of_state(extract, text, expected):
    assert roles(extract(text)) == expected


@pytest.mark.parametrize(("text", "expected"), NOT_ROLES)
def test_not_roles(extract, text, expected):
    assert roles(extract(text)) == expected


#: A former title marks the party it names as a past fact, kept.
FORMER_PARTIES = [
    ("En France, l'ex-député socialiste Paul Girard a parlé.", True),
    ("En France, l'ancienne sénatrice socialiste Anna Kowalski a parlé.", True),
    ("L'ancien maire (PS) de Lille, Paul Girard, a parlé.", True),
    ("En France, le député socialiste Paul Girard a parlé.", False),
    ("Le maire (PS) de Lille, Paul Girard, a parlé.", False),
]


@pytest.mark.parametrize(("text", "former"), FORMER_PARTIES)
def test_former_party(extract, text, former):
    (relation,) = [r for r in extract(text) if r.predicate == "memberOf" and r.object == PS]
    assert bool(relation.attributes.get("former")) is former


#: A deputy works for the body; a lost office is kept and marked; a bearer before "le
#: nouveau chef"; a bare title with a participle ("le président élu X").
TITLE_VARIANTS = [
    ("Le directeur adjoint de Renault, Paul Girard, a parlé.", {(G, "worksFor", "org:renault")}),
    ("Paul Girard, secrétaire général adjoint de l'OTAN, a parlé.", {(G, "worksFor", "NATO")}),
    ("Le maire adjoint de Lille, Paul Girard, a parlé.", set()),
    ("Anna Kowalski, la nouvelle présidente de Renault, a parlé.", {(K, "headOf", "org:renault")}),
    (
        "Portugal : un vote\n\nLe président élu Paul Girard a prêté serment.",
        {(G, "headOf", "PT")},
    ),
    # a lowercase adjective only: a name before the title is no adjective
    ("Renault, Paul Girard président de l'OTAN, a parlé.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TITLE_VARIANTS)
def test_title_variants(extract, text, expected):
    assert roles(extract(text)) == expected


def test_lost_office_is_former(extract):
    (relation,) = [
        r
        for r in extract("Le président portugais déchu Paul Girard a été jugé.")
        if r.predicate == "headOf"
    ]
    assert (relation.subject, relation.object) == (G, "PT")
    assert relation.attributes.get("former") is True
