"""Organisations told by their kind, and persons a head-noun pattern must not take.

Why these tests: on news text kg had never seen, organisations were lost in a few general
ways: a plural kind noun before a list of names ("les firmes A et B"), an Arabic kind word
opening a group's name ("Jaych …", "Ansar …"), a place of worship or an embassy named
after its kind, a venue named "… Theatre"/"… Arena", a party acronym after an elected
person's title, a cabinet named after its head or its make-up ("le gouvernement Lambert",
"un gouvernement d'union nationale"). And a head-noun pattern took persons for bodies
("Marine" the navy in a woman's name), a title with its adjective ("la Chancelière
allemande") or a treaty ("le Pacte budgétaire") for an organisation. Each case has the
look-alike that must keep its old reading.
"""

from __future__ import annotations

import pytest
from _parse import parse

pytestmark = pytest.mark.slow


def mentions(nlp, text: str) -> dict[str, str]:
    """Mention text -> type, for the mentions kg_entities writes."""
    doc = parse(nlp, text, "t1")
    return {doc[m.start : m.end].text: m.type for m in doc._.kg_mentions}


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # a plural kind noun names every organisation of the list after it
        ("Les sociétés Norvalis et Tekmar ont racheté le site.", "Norvalis", "Organization"),
        ("Les sociétés Norvalis et Tekmar ont racheté le site.", "Tekmar", "Organization"),
        # Arabic kind words open a group's name
        ("Le groupe Jaych al-Fath a revendiqué l'embuscade.", "Jaych al-Fath", "Organization"),
        ("Un porte-parole d'Ansar al-Charia a démenti.", "Ansar al-Charia", "Organization"),
        # places of worship and diplomatic missions with their name
        (
            "Des fidèles priaient dans la mosquée Omar Ibn Khattab.",
            "mosquée Omar Ibn Khattab",
            "Organization",
        ),
        (
            "Le personnel de l'Ambassade du Pérou a été évacué.",
            "Ambassade du Pérou",
            "Organization",
        ),
        # venues named in English
        ("Le chanteur se produira au Garnet Theatre en mai.", "Garnet Theatre", "Organization"),
        # a party acronym after an elected person's title
        ("La sénatrice EELV a voté contre le texte.", "EELV", "Organization"),
        # a cabinet named after its head, or by its make-up
        (
            "Le gouvernement Castelli a obtenu la confiance.",
            "gouvernement Castelli",
            "Organization",
        ),
        (
            "Les libéraux refusent un gouvernement d'union nationale.",
            "gouvernement d'union nationale",
            "Organization",
        ),
    ],
)
def test_organisations_by_kind(nlp, text, name, type_):
    assert mentions(nlp, text).get(name) == type_


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        # a woman's first name that is also a head noun ("Marine", the navy)
        ("Dans un communiqué, Marine Tondelier a salué le vote.", "Marine Tondelier", "Person"),
        # a person in a team ("l'équipe X") stays a person
        ("Il a joué dans l'équipe Pablo Herrera l'an dernier.", "Pablo Herrera", "Person"),
        # a plural kind noun that is no list of names
        ("Les sociétés ont fermé lundi à Lyon.", "Lyon", "Place"),
        # an acronym with no title before it keeps NER's reading
        ("Les journalistes ont rencontré DSK à New York.", "DSK", "Person"),
        # a city named "X du <country>" stays one place
        ("Le vol est arrivé à Santiago du Chili hier.", "Santiago du Chili", "Place"),
        # a place of worship or an embassy of a known place is that place
        ("Les gardes ont évacué l'ambassade des États-Unis.", "États-Unis", "Country"),
    ],
)
def test_look_alikes_keep_their_reading(nlp, text, name, type_):
    assert mentions(nlp, text).get(name) == type_


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("La Chancelière allemande a reçu son homologue.", "Chancelière allemande"),
        ("Le Pacte budgétaire limite les déficits.", "Pacte budgétaire"),
        ("Le préfet a prolongé l'état d'urgence d'un mois.", "état d'urgence"),
    ],
)
def test_titles_treaties_and_states_are_no_organisations(nlp, text, absent):
    assert mentions(nlp, text).get(absent) != "Organization"


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a place of a known place: two places ("a suburb of Lagos")
        (
            "Un immeuble s'est effondré dans le quartier d'Ikota de Lagos.",
            ["Ikota", "Lagos"],
            "Ikota de Lagos",
        ),
    ],
)
def test_a_known_place_after_de_is_its_own_mention(nlp, text, expected, absent):
    found = mentions(nlp, text)
    assert all(name in found for name in expected)
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le carnaval de Rio de Janeiro a attiré des foules.", "Rio de Janeiro"),
        ("Charles de Gaulle a quitté Londres en 1944.", "Charles de Gaulle"),
    ],
)
def test_names_with_de_stay_whole(nlp, text, name):
    assert name in mentions(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "longer"),
    [
        # an adverb or a misparsed noun after the head says which ones: no part of it
        (
            "Des syndicats autrefois alliés du ministre ont manifesté.",
            "syndicats",
            "syndicats autrefois alliés",
        ),
        (
            "Trois partis politiques jadis membres du gouvernement ont quitté la séance.",
            "partis politiques",
            "partis politiques jadis membres du gouvernement",
        ),
    ],
)
def test_a_description_stops_before_an_adverb(nlp, text, name, longer):
    found = mentions(nlp, text)
    assert longer not in found
    assert found.get(name, "Organization") == "Organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lower-case institution defined by its acronym is a name
        (
            "Les chercheurs de l'agence spatiale indienne (ISRO) ont lancé la sonde.",
            "agence spatiale indienne",
        ),
        (
            "Le rapport de l'office national des forêts (ONF) est sévère.",
            "office national des forêts",
        ),
        # a hyphenated name after a head noun
        ("L'église Sainte-Odile a été fermée par la mairie.", "église Sainte-Odile"),
        # a portfolio after a minister and a demonym
        ("Selon le ministre péruvien de la Santé, l'épidémie recule.", "Santé"),
    ],
)
def test_lower_case_and_hyphenated_names(nlp, text, name):
    assert mentions(nlp, text).get(name) == "Organization"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a head noun inside a complement opens no name
        ("Le chef de service (DRH) a démissionné.", "service"),
        # a thing defined by an acronym is no organisation
        ("L'engin lancé d'un sous-marin (SLBM) est tombé en mer.", "sous-marin"),
    ],
)
def test_acronyms_define_no_name_without_a_head(nlp, text, absent):
    assert absent not in mentions(nlp, text)
