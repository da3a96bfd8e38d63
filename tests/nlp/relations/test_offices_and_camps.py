"""Affiliation constructions read through the whole pipeline (entities + relations).

One table per construction, each with negative rows: a holder after an elided "d'" that a
space cut off, a person elected to or at the head of a country, the head of a party's camp
("le chef de l'opposition travailliste"), seats of a party whose name opens with no party
word ("député des Républicains"), office titles (garde des Sceaux, chancelier,
ministre-président), compound trades after "chef" ("chef décorateur"), and an unknown name
closing an apposition to a title, which NER may take for a body. The sentences are written
for these tests.
"""

from __future__ import annotations

import pytest
from _hand import pipeline_facts_of as facts

pytestmark = pytest.mark.slow


def run(nlp, rows):
    for text, expected in rows:
        assert facts(nlp, text) == expected, text


ELIDED_HOLDERS = [
    # "d' Écosse": the apostrophe a space cut off is read past
    (
        "Royaume-Uni : vote\n\nLa première ministre d' Écosse , Fiona Baird, a réagi.",
        {("Fiona Baird", "headOf", "Écosse")},
    ),
    (
        "Paul Garnier, porte-parole d' Amnesty International , a protesté.",
        {("Paul Garnier", "worksFor", "Amnesty International")},
    ),
    # the person after "d'" is whom the title serves, not its bearer
    ("La conseillère d' Hugo Marchal a démissionné.", set()),
]

COUNTRY_HEADS = [
    ("Lucia Pereira élue à la présidence du Chili.", {("Lucia Pereira", "headOf", "Chili")}),
    (
        "Tomás Ribeiro a été réélu à la tête du Venezuela dimanche.",
        {("Tomás Ribeiro", "headOf", "Venezuela")},
    ),
    (
        "Diego Molina a pris la tête de l'Argentine en décembre.",
        {("Diego Molina", "headOf", "Argentine")},
    ),
    # a country at the head of another, a candidacy, a critic: no head
    ("La France a pris la tête de la Belgique au classement.", set()),
    ("Lucia Pereira, candidate à la présidence du Chili, a perdu.", set()),
    ("Tomás Ribeiro brigue la présidence du Pérou.", set()),
    ("Diego Molina critique la présidence du Chili.", set()),
]

PARTY_CAMPS = [
    # the head of a party's camp is one of its members; the camp is no body of its own
    (
        "Royaume-Uni : budget\n\nLe chef de l'opposition travailliste, Owen Pryce, a répondu.",
        {("Owen Pryce", "memberOf", "Parti travailliste (Royaume-Uni)")},
    ),
    (
        "Royaume-Uni : budget\n\nOwen Pryce, chef de l'opposition conservatrice, a répondu.",
        {("Owen Pryce", "memberOf", "Parti conservateur (Royaume-Uni)")},
    ),
    # a camp no title is held in
    ("Royaume-Uni : budget\n\nOwen Pryce a critiqué l'opposition travailliste.", set()),
]

PARTY_SEATS = [
    # a seat "of" a party names the bearer's party
    (
        "Marc Sorel, député des Républicains, a voté contre.",
        {("Marc Sorel", "memberOf", "Les Républicains")},
    ),
    (
        "Marc Sorel, député européen des Verts, a voté contre.",
        {("Marc Sorel", "memberOf", "Verts")},
    ),
    # a seat in a chamber stays a seat
    (
        "Marc Sorel, député du Parlement européen, a voté contre.",
        {("Marc Sorel", "worksFor", "Parlement européen")},
    ),
]

OFFICE_TITLES = [
    (
        "France : réforme\n\nLa garde des Sceaux, Hélène Vidal, a défendu le texte.",
        {("Hélène Vidal", "ministerOf", "France")},
    ),
    (
        "France : réforme\n\nHélène Vidal, garde des Sceaux, a défendu le texte.",
        {("Hélène Vidal", "ministerOf", "France")},
    ),
    (
        "Allemagne : budget\n\nLa chancelière Ute Brandt a défendu le texte.",
        {("Ute Brandt", "headOf", "Allemagne")},
    ),
    (
        "Allemagne : budget\n\nLe ministre-président de Bavière, Jonas Keller, a protesté.",
        {("Jonas Keller", "headOf", "Bavière")},
    ),
    (
        "Royaume-Uni : budget\n\nLe chancelier de l'Échiquier, Owen Pryce, a présenté le budget.",
        {("Owen Pryce", "ministerOf", "Royaume-Uni")},
    ),
    # the title with no bearer named
    ("France : réforme\n\nHélène Vidal a critiqué le garde des Sceaux.", set()),
    ("Allemagne : budget\n\nUte Brandt a rencontré la chancelière.", set()),
]

TRADES = [
    # "chef" opening a compound trade heads nothing
    ("Le chef décorateur italien Marco Rinaldi est mort.", set()),
    ("Le chef cuisinier belge Luc Verbeke a ouvert un restaurant.", set()),
    # "chef" with an adjective still heads the body
    (
        "Le chef militaire du Hamas, Samir Haddad, a été tué.",
        {("Samir Haddad", "headOf", "Hamas")},
    ),
]

APPOSED_NAMES = [
    # an unfamiliar name closing an apposition to a title is the title's bearer
    (
        "Le pouvoir passe au président de l'Assemblée nationale, Fritzner Abellard.",
        {("Fritzner Abellard", "headOf", "Assemblée nationale")},
    ),
    # a name after a verb is no apposition to the title
    ("Le président de l'Assemblée nationale a reçu, lundi, Fritzner Abellard.", set()),
]


def test_holder_after_a_cut_elision(nlp):
    run(nlp, ELIDED_HOLDERS)


def test_head_of_a_country_by_election_or_at_its_head(nlp):
    run(nlp, COUNTRY_HEADS)


def test_head_of_a_party_camp_is_a_member(nlp):
    run(nlp, PARTY_CAMPS)


def test_party_camp_names_the_party_as_written(nlp):
    doc = nlp.make_doc(PARTY_CAMPS[0][0])
    doc._.kg_doc_id = "t"
    doc._.kg_date = "2024-03-01"
    doc = nlp(doc)
    (party,) = [e for e in doc._.kg_entities.values() if e.name.startswith("Parti")]
    assert {"travailliste", "Parti travailliste"} <= set(party.aliases)


def test_seat_of_a_party_named_without_party_word(nlp):
    run(nlp, PARTY_SEATS)


def test_office_titles(nlp):
    run(nlp, OFFICE_TITLES)


def test_chef_of_a_compound_trade(nlp):
    run(nlp, TRADES)


def test_unknown_name_apposed_to_a_title_is_a_person(nlp):
    run(nlp, APPOSED_NAMES)
