"""Organisations named only by a description ("une compagnie argentine")."""

from __future__ import annotations

from functools import partial

import pytest
from _parse import organisations

from kg.ids import article_scope

pytestmark = pytest.mark.slow


#: Organisations of a sentence read as document "d1".
orgs = partial(organisations, doc_id="d1")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le vol était assuré par une compagnie chilienne.", "compagnie chilienne"),
        (
            "Il est employé par une entreprise de transport routier.",
            "entreprise de transport routier",
        ),
        ("La directrice d'une banque régionale a démissionné.", "banque régionale"),
        ("Une chaîne de télévision a filmé la scène.", "chaîne de télévision"),
        ("Le président de l'association des pêcheurs a protesté.", "association des pêcheurs"),
        # a hyphenated qualifier the tagger reads as a noun still qualifies the body
        ("La brigade anti-émeute a dispersé la foule.", "brigade anti-émeute"),
        ("Une cellule anti-crise a été ouverte à la préfecture.", "cellule anti-crise"),
    ],
)
def test_a_qualified_description_is_an_organisation_of_its_article(nlp, text, name):
    found = orgs(nlp, text)
    assert name in found
    assert found[name][0].endswith("@" + article_scope("d1"))


@pytest.mark.parametrize(
    "text",
    [
        "Elle rêve de créer une entreprise.",  # no qualifier: no particular company
        "Il a ouvert un compte dans une banque.",  # idem
        "Elle attendait devant la banque.",  # a building, no description
    ],
)
def test_an_unqualified_indefinite_description_is_nothing(nlp, text):
    assert orgs(nlp, text) == {}


@pytest.mark.parametrize(
    "text",
    [
        # a plural kind noun describes a class of organisations, not one of them
        "Des partis politiques de gauche ont rejeté le budget.",
        "Les quotidiens régionaux ont relayé l'appel.",
        "Plusieurs sociétés de nettoyage ont perdu leur contrat.",
    ],
)
def test_a_plural_description_is_no_organisation(nlp, text):
    assert orgs(nlp, text) == {}


def test_a_plural_the_data_lists_stays_a_description(nlp):
    # "associations" is listed as a kind of its own: a federation of them acts as one
    found = orgs(nlp, "Des associations de locataires ont manifesté devant la mairie.")
    assert "associations de locataires" in found


def test_a_description_ends_at_the_line_break(nlp):
    found = orgs(nlp, "Incendie dans une clinique lyonnaise\n\nLe feu a pris dans la nuit.")
    assert "clinique lyonnaise" in found
    assert found["clinique lyonnaise"][1] == ("clinique lyonnaise",)


def test_a_bare_definite_repeat_joins_the_description(nlp):
    found = orgs(
        nlp,
        "Une association de riverains a saisi la justice. L'association demande une expertise.",
    )
    assert found["association de riverains"][1] == ("association de riverains", "association")


def test_a_named_organisation_is_not_described_again(nlp):
    found = orgs(nlp, "Les bénévoles de l'ONG « Mains Tendues » distribuent des repas.")
    assert set(found) == {"Mains Tendues"}
