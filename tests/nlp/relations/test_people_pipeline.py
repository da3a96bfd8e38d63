"""People's roles through the whole pipeline (entities + relations), where the entity layer
decides the fact: a body's name glued to its head's name, a generic word of a longer body's
name, a body after an indefinite article, a title word read as a name, movement member nouns.

The sentences are written for these tests; each row says which facts a reader draws.
"""

from __future__ import annotations

import pytest
from _hand import pipeline_facts

pytestmark = pytest.mark.slow

AFFILIATIONS = {"worksFor", "memberOf", "headOf", "leads", "ministerOf"}


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in pipeline_facts(nlp, text) if p in AFFILIATIONS}


ROWS = [
    # a parliamentary group the entity layer did not find: an organisation of the article
    (
        "Lucie Barbier, présidente du groupe UMP à l'Assemblée nationale, a réagi.",
        {
            ("Lucie Barbier", "headOf", "groupe UMP"),
            ("Lucie Barbier", "memberOf", "Union pour un mouvement populaire"),
        },
    ),
    # a known body then its head's name: two entities, not "Sénat Lucie Barbier"
    (
        "Le président du Sénat Lucie Barbier a levé la séance.",
        {("Lucie Barbier", "headOf", "Sénat")},
    ),
    (
        "La présidente de l'Assemblée nationale Lucie Barbier a levé la séance.",
        {("Lucie Barbier", "headOf", "Assemblée nationale")},
    ),
    (
        "Le président du Conseil européen Herman Kools a parlé.",
        {("Herman Kools", "headOf", "Conseil européen")},
    ),
    # one title, two coordinated bodies
    (
        "L'émissaire de l'ONU et de la Ligue arabe, Marc Lenoir, est arrivé au Caire.",
        {
            ("Marc Lenoir", "worksFor", "Organisation des Nations unies"),
            ("Marc Lenoir", "worksFor", "Ligue arabe"),
        },
    ),
    (
        "Marc Lenoir, directeur de l'OMS, et Léa Martin ont parlé de l'Unesco.",
        {("Marc Lenoir", "headOf", "Organisation mondiale de la santé")},
    ),
    # a generic word of a longer body's name is not the body
    ("Le président du Conseil des ministres, Marc Lenoir, a ouvert la séance.", set()),
    (
        "Marc Lenoir, président du Conseil constitutionnel, a rendu sa décision.",
        {("Marc Lenoir", "headOf", "Conseil constitutionnel")},
    ),
    # some body after an indefinite article: no fact
    ("Awa Traoré, présidente d'une association locale, a témoigné.", set()),
    # a title word is no name: "Le Frère" heads nothing; the member noun gives the movement
    (
        "Égypte : scrutin\n\n2 mars 2024. - Le Frère musulman Karim Saleh a été élu président "
        "de l'Égypte avec 51 % des voix.",
        {("Karim Saleh", "headOf", "Égypte"), ("Karim Saleh", "memberOf", "Frères musulmans")},
    ),
    # a body named by a common noun and its place is an entity
    (
        "Léa Martin, présidente de la communauté juive de Nantes, a porté plainte.",
        {("Léa Martin", "headOf", "communauté juive de Nantes")},
    ),
    (
        "Marc Lenoir, bâtonnier du barreau de Lille, a protesté.",
        {("Marc Lenoir", "headOf", "barreau de Lille")},
    ),
    # a kind noun names back the one organisation named before
    (
        "L'ONG Human Rights Watch a publié un rapport. Awa Traoré, chercheuse de "
        "l'organisation, l'a présenté.",
        {("Awa Traoré", "worksFor", "Human Rights Watch")},
    ),
    (
        "Greenpeace a manifesté à Paris. Marc Lenoir, porte-parole de l'ONG, a parlé.",
        {("Marc Lenoir", "worksFor", "Greenpeace")},
    ),
    # two organisations before it, none introduced by the noun: ambiguous, no fact
    (
        "Greenpeace et Amnesty International ont écrit au ministre. Marc Lenoir, "
        "porte-parole de l'organisation, a parlé.",
        set(),
    ),
    # no organisation named before: no fact
    ("Marc Lenoir, directeur de l'entreprise, a démissionné.", set()),
    # a counterpart holds the title named before, for the country named after it
    (
        "Le président chilien Marc Lenoir a reçu son homologue argentin Léa Martin.",
        {("Marc Lenoir", "headOf", "Chili"), ("Léa Martin", "headOf", "Argentine")},
    ),
    (
        "La ministre allemande de la Défense Ursula Brandt a reçu son homologue française "
        "Léa Martin.",
        {("Ursula Brandt", "ministerOf", "Allemagne"), ("Léa Martin", "ministerOf", "France")},
    ),
    # a title of two words is the title, not its last word ("ministre")
    (
        "Le Premier ministre belge Marc Lenoir a reçu son homologue néerlandais Léa Martin.",
        {("Marc Lenoir", "headOf", "Belgique"), ("Léa Martin", "headOf", "Pays-Bas")},
    ),
    # no title before "homologue", or no country after it: no fact for the counterpart
    ("Marc Lenoir a reçu son homologue argentin Léa Martin.", set()),
    (
        "Le président chilien Marc Lenoir a reçu son homologue, Léa Martin.",
        {("Marc Lenoir", "headOf", "Chili")},
    ),
    # a former head named in a relative clause, the country from the headline
    (
        "Égypte : scrutin\n\nIl a battu Karim Saleh qui fut l'ancien premier ministre d'Omar "
        "Nabil.",
        {("Karim Saleh", "headOf", "Égypte")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:48] for r in ROWS])
def test_people_facts(nlp, text, expected):
    assert facts(nlp, text) == expected


PORTFOLIOS = [
    # the entity layer names the portfolio as the article's ministry: it stays the portfolio
    ("La ministre portugaise de la Santé, Inês Costa, a visité un hôpital.", "Santé"),
    (
        "Le ministre norvégien des Affaires étrangères, Erik Lund, est arrivé.",
        "Affaires étrangères",
    ),
    # no portfolio after the demonym: none invented
    ("Le ministre portugais Rui Matos a visité un hôpital.", None),
]


@pytest.mark.parametrize(("text", "portfolio"), PORTFOLIOS, ids=[r[0][:40] for r in PORTFOLIOS])
def test_portfolio_named_as_a_ministry_stays_the_portfolio(nlp, text, portfolio):
    doc = nlp.make_doc(text)
    doc._.kg_doc_id = "t"
    doc._.kg_date = "2024-03-01"
    doc = nlp(doc)
    (minister,) = [r for r in doc._.kg_relations if r.predicate == "ministerOf"]
    assert minister.attributes.get("portfolio") == portfolio
