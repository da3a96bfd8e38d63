"""Unnamed bodies ("la police", "les pompiers de Lyon") and institutions in a place.

Why these tests: most organisations that act in incident reports have no proper name, and
an institution named after its city ("l'hôpital de Rennes") is two things, the institution
and the city. Each table pairs the construction with the look-alikes that must not match.
"""

from __future__ import annotations

import pytest
from _parse import parse

from kg.api import extract
from kg.ids import article_scope

pytestmark = pytest.mark.slow


def bodies(nlp, text: str, doc_id: str = "a1") -> dict[str, str]:
    """Organisation name -> key, for the organisations of ``text``."""
    doc = parse(nlp, text, doc_id)
    return {e.name: e.id for e in doc._.kg_entities.values() if e.type == "Organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vers minuit, la police a interpellé deux jeunes hommes.", "police"),
        ("Les secours ont évacué une vingtaine d'habitants.", "secours"),
        ("Les sapeurs-pompiers ont lutté toute la nuit contre les flammes.", "sapeurs-pompiers"),
        ("Les forces de l'ordre ont dispersé le rassemblement.", "forces de l'ordre"),
        ("Le blessé a été conduit aux urgences par un voisin.", "urgences"),
        ("Le gouvernement a promis une aide aux sinistrés.", "gouvernement"),
        ("Les autorités locales ont fermé la plage.", "autorités locales"),
        ("Selon la gendarmerie, le conducteur roulait trop vite.", "gendarmerie"),
        ("Les médias locaux ont relayé l'appel à témoins.", "médias locaux"),
    ],
)
def test_a_body_with_a_determiner_is_an_organisation(nlp, text, name):
    found = bodies(nlp, text)
    assert name in found
    assert found[name].endswith("@" + article_scope("a1"))  # that article's body only


@pytest.mark.parametrize(
    "text",
    [
        "Une voiture de police stationnait devant la banque.",  # describes the car
        "Il a suivi une formation de secours en montagne.",  # a skill, not a service
        "Deux policiers ont été blessés pendant la manifestation.",  # members: people
        "Le sauveteur a lancé un appel au secours.",  # a call for help
        "Sa vidéo a été partagée des milliers de fois sur les médias sociaux.",  # platforms
    ],
)
def test_a_body_noun_without_reference_is_nothing(nlp, text):
    assert bodies(nlp, text) == {}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("La police turque a arrêté trois journalistes.", "police turque", "Q43"),
        ("Les garde-côtes italiens ont secouru quarante migrants.", "garde-côtes italiens", "Q38"),
    ],
)
def test_a_body_of_a_country_is_one_body_across_articles(nlp, text, name, country):
    first, second = bodies(nlp, text, "a1"), bodies(nlp, text, "a2")
    assert first[name] == second[name]
    assert "@" not in first[name]


def test_a_government_with_a_demonym_is_still_the_country(nlp):
    doc = nlp("Le gouvernement syrien a rejeté la proposition.")
    kinds = {e.name: e.type for e in doc._.kg_entities.values()}
    assert kinds.get("Syrie") == "Country"
    assert "gouvernement" not in kinds


def test_bare_bodies_of_two_articles_stay_apart(nlp):
    one = bodies(nlp, "La police a bouclé le quartier.", "a1")["police"]
    two = bodies(nlp, "La police a bouclé le quartier.", "a2")["police"]
    assert one != two


@pytest.mark.parametrize(
    ("text", "institution", "place"),
    [
        ("Le blessé a été transporté à l'hôpital de Rennes.", "hôpital de Rennes", "Rennes"),
        ("La mairie de Tours a fermé le parc municipal.", "mairie de Tours", "Tours"),
        ("Les pompiers du Rhône ont maîtrisé le feu.", "pompiers du Rhône", "Rhône"),
        ("La gendarmerie de Quimper a ouvert une enquête.", "gendarmerie de Quimper", "Quimper"),
    ],
)
def test_an_institution_of_a_place_is_located_there(text, institution, place):
    (x,) = extract([text], progress=False)
    by_name = {e.name: e for e in x.entities}
    assert by_name[institution].type == "Organization"
    assert by_name[place].type in ("Place", "Country")
    assert (by_name[institution].id, "locatedIn", by_name[place].id) in {
        (r.subject, r.predicate, r.object) for r in x.relations
    }


@pytest.mark.parametrize(
    "text",
    [
        "La Cour de cassation a rejeté le pourvoi.",  # not a place after "de"
        "Le ministère de l'Intérieur a publié un bilan.",  # a portfolio, not a place
        "L'équipe de France a battu le Brésil.",  # represents France, is not sited there
    ],
)
def test_an_institution_without_a_place_gets_no_location(text):
    (x,) = extract([text], progress=False)
    assert not [r for r in x.relations if r.predicate == "locatedIn"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # cited as a source, a bare body is a setting, not an actor: left out
        ("Selon la police, la route restera fermée.", None),
        ("D'après l'association, la collecte a doublé.", None),
        # with a complement saying which body it is, it is one particular body: kept
        (
            "D'après l'association des riverains du port, le bruit est insupportable.",
            "association des riverains du port",
        ),
        (
            "Selon le syndicat des boulangers, le bruit empêche de dormir.",
            "syndicat des boulangers",
        ),
        # a plural with a common-noun complement is a class of bodies, not one
        ("Selon les entreprises du secteur, les commandes reculent.", None),
    ],
)
def test_a_body_with_its_complement_is_kept_as_a_source(text, kept):
    (x,) = extract([text], progress=False)
    names = {e.name for e in x.entities if e.type == "Organization"}
    assert names == ({kept} if kept else set())
