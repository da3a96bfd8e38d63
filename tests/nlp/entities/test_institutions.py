"""Institutions every country has: portfolios as ministries, generic names kept apart.

Why these tests: "le ministre de la Justice" names a ministry, but which country's? A
ministry without a country in its name, and a gazetteer name such as "l'Assemblée
nationale" in an article about another country, must stay that article's body. Each table
pairs the construction with the look-alikes that must not match.
"""

from __future__ import annotations

import pytest
from _parse import organisations as orgs

pytestmark = pytest.mark.slow


# (text, ministry name, its portfolio mention)
PORTFOLIOS = [
    (
        "Le ministre de la Santé a visité l'hôpital mardi.",
        "ministère de la Santé",
        "Santé",
    ),
    (
        "La ministre des Affaires étrangères Claire Dubois a reçu l'ambassadeur.",
        "ministère des Affaires étrangères",
        "Affaires étrangères",
    ),
    (
        "Le ministre de l'Agriculture a promis des aides.",
        "ministère de l'Agriculture",
        "Agriculture",
    ),
]


@pytest.mark.parametrize(("text", "name", "mention"), PORTFOLIOS)
def test_a_portfolio_names_the_articles_ministry(nlp, text, name, mention):
    found = orgs(nlp, text)
    assert name in found, found
    key, mentions = found[name]
    assert "@a-" in key
    assert mention in mentions


def test_a_portfolio_and_the_full_name_are_one_ministry(nlp):
    found = orgs(
        nlp,
        "Le ministre de l'Intérieur a annoncé des renforts. Le ministère de l'Intérieur "
        "a précisé leur nombre.",
    )
    assert set(found["ministère de l'Intérieur"][1]) == {"Intérieur", "ministère de l'Intérieur"}


@pytest.mark.parametrize(
    "text",
    [
        "Le porte-parole a parlé de la santé des enfants.",  # a common noun, no title
        "Le ministre a évoqué la Justice de son pays.",  # no genitive after the title
        # a plural title: many countries' ministries, none of them one entity
        "Les ministres de la Santé de l'Union africaine se retrouvent lundi à Dakar.",
        "Une réunion des ministres européens de l'Agriculture s'est tenue à Bruxelles.",
    ],
)
def test_no_ministry_without_a_portfolio_after_a_title(nlp, text):
    found = orgs(nlp, text)
    assert not any(n.startswith("ministère") for n in found)
    assert not {"Santé", "Agriculture"} & set(found)


# A country stated around a ministry's name, four ways: one ministry, one shared key.
COUNTRY_STATED = [
    "Le ministère turc des Affaires étrangères a convoqué l'ambassadeur.",
    "Le ministre turc des Affaires étrangères a convoqué l'ambassadeur.",
    "Le ministère des Affaires étrangères turc a convoqué l'ambassadeur.",
    "Le ministère des Affaires étrangères de la Turquie a convoqué l'ambassadeur.",
]


@pytest.mark.parametrize("text", COUNTRY_STATED)
def test_a_ministry_with_its_country_keeps_a_shared_key(nlp, text):
    found = orgs(nlp, text, "a1")
    name = "ministère des Affaires étrangères (Turquie)"
    assert name in found, found
    assert "@" not in found[name][0]
    assert found[name][0] == orgs(nlp, COUNTRY_STATED[0], "a2")[name][0]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # another country, another ministry
        (
            "Le ministère grec des Affaires étrangères a convoqué l'ambassadeur.",
            "ministère des Affaires étrangères (Grèce)",
        ),
        # a country named later in the sentence, not after the name, says nothing
        (
            "Le ministère des Affaires étrangères a convoqué l'ambassadeur de la Turquie.",
            "ministère des Affaires étrangères",
        ),
    ],
)
def test_a_ministry_takes_only_the_country_stated_with_it(nlp, text, name):
    found = orgs(nlp, text, "a1")
    assert name in found, found
    assert "ministère des Affaires étrangères (Turquie)" not in found


def test_two_articles_ministries_of_justice_stay_apart(nlp):
    text = "Le ministère de la Justice a ouvert une enquête."
    a = orgs(nlp, text, "a1")["ministère de la Justice"][0]
    b = orgs(nlp, text, "a2")["ministère de la Justice"][0]
    assert a != b


# (text, whether "Assemblée nationale" keeps the French assembly's Wikidata id)
ASSEMBLIES = [
    ("À Paris, l'Assemblée nationale a adopté le texte en première lecture.", True),
    ("L'Assemblée nationale a adopté le texte en première lecture.", True),  # no country
    ("Les députés français de l'Assemblée nationale ont voté contre.", True),
    ("À Caracas, l'Assemblée nationale a voté contre le budget.", False),
    ("Au Québec, l'Assemblée nationale a siégé jusqu'à minuit.", False),
    ("Le Niger a vu son Assemblée nationale dissoute par la junte.", False),
]


@pytest.mark.parametrize(("text", "linked"), ASSEMBLIES)
def test_a_shared_institution_name_is_linked_only_in_its_country(nlp, text, linked):
    key = orgs(nlp, text)["Assemblée nationale"][0]
    assert (key == "Q193582") is linked, key
    if not linked:
        assert "@a-" in key


# (text, organisation name): a kind noun before a known name is not in it
KIND_NOUNS = [
    ("L'ONG Human Rights Watch dénonce des exécutions.", "Human Rights Watch"),
    ("L'organisation État islamique a revendiqué l'attentat.", "État islamique"),
    ("Selon l'Agence France-Presse, le bilan s'alourdit.", "Agence France-Presse"),  # its name
]


@pytest.mark.parametrize(("text", "name"), KIND_NOUNS)
def test_a_kind_noun_before_a_known_name_is_not_in_it(nlp, text, name):
    found = orgs(nlp, text)
    assert name in found, found
    assert found[name][1] == (name,)


# (text, organisation name): a day or a time word NER glued to the name is cut
TRAILING_TIMES = [
    ("Le Conseil de sécurité de l'ONU lundi a condamné l'attaque.", "ONU"),
    ("Les dirigeants de l'OTAN mercredi soir ont promis des munitions.", "OTAN"),
]


@pytest.mark.parametrize(("text", "name"), TRAILING_TIMES)
def test_a_time_word_after_a_name_is_not_in_it(nlp, text, name):
    found = orgs(nlp, text)
    assert all("lundi" not in m and "mercredi" not in m for _, ms in found.values() for m in ms)


# (text, organisation name or None): news agencies and papers of the per-country lists; a
# word that is also a first name, a period or a place is not read as a paper
MEDIA = [
    ("Selon l'agence Belga, trois trains ont été supprimés.", "Belga"),
    ("Le Télégramme a révélé le montant du contrat.", "Le Télégramme"),
    ("D'après Yonhap, le tir a eu lieu à l'aube.", "Yonhap"),
    ("Marianne Dupont a quitté la salle.", None),
    ("Le colis arrivera dans les 24 heures.", None),
]


@pytest.mark.parametrize(("text", "name"), MEDIA)
def test_listed_media_are_organisations(nlp, text, name):
    found = orgs(nlp, text)
    if name is None:
        assert not found, found
    else:
        assert name in found, found


# (text, whether "Libération" is the paper): a guarded alias holds for NER spans as well
GUARDED = [
    ("Selon Libération, le ministre a menti.", True),
    ("Il a signé une tribune dans Libération.", True),
    ("Le village a été reconstruit à la Libération.", False),
]


@pytest.mark.parametrize(("text", "paper"), GUARDED)
def test_a_guarded_alias_links_only_after_its_words(nlp, text, paper):
    keys = {key for key, _ in orgs(nlp, text).values()}
    assert ("Q13717" in keys) is paper, keys


# (text, institution name or None): hospital heads, an elided "de" cut from its apostrophe
SITED = [
    ("Le blessé a été transporté au CHU de Nantes dans la nuit.", "CHU de Nantes"),
    ("Les deux enfants sont soignés au CHRU de Lille.", "CHRU de Lille"),
    ("La victime a été conduite à l'hôpital d' Angers vers minuit.", "hôpital d' Angers"),
    ("Il a été soigné en clinique pendant un mois.", None),
    ("Le CHU a annoncé un plan d'économies.", None),
]


@pytest.mark.parametrize(("text", "name"), SITED)
def test_hospitals_of_a_place_are_named(nlp, text, name):
    found = orgs(nlp, text)
    if name is None:
        assert not found, found
    else:
        assert name in found, found


# (text, organisation name, the model code that is not in it)
MODELS = [
    ("Un Airbus A321 de la compagnie a dû se poser à Lyon.", "Airbus", "A321"),
    ("Le Boeing 737 est resté cloué au sol pendant deux ans.", "Boeing", "737"),
]


@pytest.mark.parametrize(("text", "name", "code"), MODELS)
def test_a_model_code_after_its_maker_is_not_in_the_name(nlp, text, name, code):
    found = orgs(nlp, text)
    assert name in found, found
    assert not any(code in m for _, ms in found.values() for m in ms)


# (text, department, names that must not be read instead)
DEPARTMENTS = [
    ("Santé Canada a rappelé plusieurs lots du sirop.", "Santé Canada", set()),
    (
        "Pêches et Océans Canada a fermé la zone aux chalutiers.",
        "Pêches et Océans Canada",
        {"Pêches", "Océans Canada"},
    ),
    (
        "La ministre de l'Emploi, Travail et Formation Canada a présenté sa réforme.",
        None,  # the department, whatever the title before it made of its name
        {"Travail", "Formation Canada"},
    ),
]


@pytest.mark.parametrize(("text", "name", "absent"), DEPARTMENTS)
def test_departments_named_by_portfolios_and_country(nlp, text, name, absent):
    found = orgs(nlp, text)
    if name is not None:
        assert name in found, found
    assert any(n.endswith("Formation Canada") or n == name for n in found), found
    assert not absent & set(found), found


@pytest.mark.parametrize(
    "text",
    [
        "Il vit à Montréal, Canada, depuis dix ans.",  # a place, then its country
        "Le Canada a voté contre la résolution.",
    ],
)
def test_no_department_without_portfolios(nlp, text):
    found = orgs(nlp, text)
    assert not any(n.endswith("Canada") for n in found), found
