"""Titles the parser reads awkwardly or a guard read too broadly, through the whole pipeline:
a multiword title read as a participle ("X, envoyé spécial de l'ONU"), a title opening with
its adjective after a verb of appointment ("a été nommé Premier ministre"), and "rendre"
that tells of a trip only reflexively ("s'est rendu à", not "a rendu hommage"), so the
headline country still stands for a minister's; civil-servant and deputy titles and the
head of a country's diplomacy named by "patron"; a second role after "et" and an adjective
("X, ancien directeur de Y et actuel président de Z"). The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from _hand import pipeline_facts_of as facts

pytestmark = pytest.mark.slow


PARTICIPLE_TITLES = [
    (
        "Omar Benali, envoyé spécial de l'ONU, a quitté ses fonctions.",
        {("Omar Benali", "worksFor", "Organisation des Nations unies")},
    ),
    (
        "Lucie Ferrand, envoyée spéciale de l'Union européenne au Sahel, a quitté ses fonctions.",
        {("Lucie Ferrand", "worksFor", "Union européenne")},
    ),
    # a participle of sending stays a verb
    ("Le colis, envoyé de Lyon, est arrivé mardi.", set()),
    ("L'ONU a envoyé spécialement Omar Benali au Yémen.", set()),
]

APPOINTED_TITLES = [
    (
        "France : gouvernement\n\nPaul Garnier a été nommé Premier ministre.",
        {("Paul Garnier", "headOf", "France")},
    ),
    (
        "France : gouvernement\n\nPaul Garnier est Premier ministre depuis mai.",
        {("Paul Garnier", "headOf", "France")},
    ),
    # the title as an object is someone else's
    ("France : gouvernement\n\nPaul Garnier a reçu le Premier ministre.", set()),
]

TRIPS = [
    (
        "France : hommage\n\nLe ministre de la Défense Paul Garnier a rendu hommage aux soldats.",
        {("Paul Garnier", "ministerOf", "France")},
    ),
    (
        "France : hommage\n\nLe président Paul Garnier a rendu hommage aux soldats.",
        {("Paul Garnier", "headOf", "France")},
    ),
    # on a trip, the headline country may be the host's
    ("France : Mali\n\nLe ministre de la Défense Paul Garnier s'est rendu à Bamako.", set()),
]

STAFF_AND_DIPLOMACY = [
    (
        "Lucie Ferrand, une haute fonctionnaire du ministère de l'Intérieur, a démenti.",
        {("Lucie Ferrand", "worksFor", "ministère de l'Intérieur")},
    ),
    (
        "Le vice-gouverneur de la Banque de France, Omar Benali, a parlé.",
        {("Omar Benali", "worksFor", "Banque de France")},
    ),
    (
        "Omar Benali, le patron de la diplomatie allemande, a réagi.",
        {("Omar Benali", "ministerOf", "Allemagne")},
    ),
    # a civil servant of nothing named; a boss of a firm heads it
    ("Omar Benali, fonctionnaire à la retraite, a été enlevé.", set()),
    ("Omar Benali, patron de Renault, a parlé.", {("Omar Benali", "headOf", "Renault")}),
    # a supreme leader heads the country his demonym or complement names
    (
        "Le guide suprême iranien, l'ayatollah Reza Tabrizi, a pris la parole.",
        {("Reza Tabrizi", "headOf", "Iran")},
    ),
    ("Le guide suprême de la révolution a pris la parole.", set()),
]

COORDINATED_ROLES = [
    (
        "Lucie Ferrand, ancienne directrice de l'Unicef et actuelle présidente de la "
        "Croix-Rouge, a pris la parole.",
        {
            ("Lucie Ferrand", "headOf", "UNICEF"),
            ("Lucie Ferrand", "headOf", "Comité international de la Croix-Rouge"),
        },
    ),
    # an article after "et" opens another person's title
    (
        "Omar Benali, maire de Lyon et le président de la Croix-Rouge ont pris la parole.",
        {("Omar Benali", "headOf", "Lyon")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED_ROLES)
def test_second_role_after_an_adjective(nlp, text, expected):
    assert facts(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), STAFF_AND_DIPLOMACY)
def test_staff_and_diplomacy_titles(nlp, text, expected):
    assert facts(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), PARTICIPLE_TITLES)
def test_multiword_title_read_as_a_participle(nlp, text, expected):
    assert facts(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), APPOINTED_TITLES)
def test_title_opening_with_its_adjective(nlp, text, expected):
    assert facts(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), TRIPS)
def test_rendre_is_a_trip_only_reflexively(nlp, text, expected):
    assert facts(nlp, text) == expected
