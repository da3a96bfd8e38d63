"""Place links, participants and affiliations without titles (kg/nlp/relations/settings.py,
affiliation.py and the frames of relations.json), one table per construction with negative
cases.

The sentences are written for these tests; mentions are given by hand (a surface -> entity
table), so the tests check the relation patterns alone, whatever the entity component does.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

#: surface -> (key, type, kind). Longer surfaces nest shorter ones where they overlap.
ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "Marie Lenoir": ("person:lenoir", "Person", "name"),
    "France": ("FR", "Country", "name"),
    "Mali": ("ML", "Country", "name"),
    "Nigeria": ("NG", "Country", "name"),
    "Allemagne": ("DE", "Country", "name"),
    "malienne": ("ML", "Country", "demonym"),
    "ONU": ("UN", "Organization", "name"),
    "OTAN": ("NATO", "Organization", "name"),
    "UMP": ("UMP", "Organization", "name"),
    "PS": ("PS", "Organization", "name"),
    "Parti socialiste": ("PS", "Organization", "name"),
    "Renault": ("org:renault", "Organization", "name"),
    "Amnesty International": ("AI", "Organization", "name"),
    "école Jules Ferry": ("org:ecole-ferry", "Organization", "name"),
    "hôpital Saint-Louis": ("org:saint-louis", "Organization", "name"),
    "Croix-Rouge": ("org:croix-rouge", "Organization", "name"),
    "sommet": ("event:sommet", "Event", "nominal"),
    "conférence": ("event:conference", "Event", "nominal"),
    "attentat": ("event:attentat", "Event", "nominal"),
    "Bamako": ("place:bamako", "Place", "name"),
    "Toulouse": ("place:toulouse", "Place", "name"),
    "Lyon": ("place:lyon", "Place", "name"),
    "Genève": ("place:geneve", "Place", "name"),
    "Kano": ("place:kano", "Place", "name"),
    "Kapisa": ("place:kapisa", "Place", "name"),
    "Paris": ("place:paris", "Place", "name"),
}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: Where places, sites and events are, as the text states it (no gazetteer link).
PLACES = [
    # capital, in both orders and as a predicate
    ("Bamako, capitale du Mali, reste calme.", {("place:bamako", "locatedIn", "ML")}),
    ("La capitale malienne, Bamako, reste calme.", {("place:bamako", "locatedIn", "ML")}),
    ("Bamako est la capitale du Mali.", {("place:bamako", "locatedIn", "ML")}),
    ("Kano, la capitale économique du Nigeria, est calme.", {("place:kano", "locatedIn", "NG")}),
    ("Kano, la capitale mondiale du coton, est calme.", set()),
    # a bare "la province" stands for the province named before
    (
        "L'armée contrôle la province de Kapisa. Le défilé a traversé Paris, capitale de la "
        "province, hier.",
        {("place:paris", "locatedIn", "place:kapisa")},
    ),
    # brackets
    ("Des heurts ont éclaté à Kano (Nigeria) dimanche.", {("place:kano", "locatedIn", "NG")}),
    # a site named by a facility noun, and an organisation that is no site
    (
        "L'école Jules Ferry à Toulouse a rouvert ses portes.",
        {("org:ecole-ferry", "locatedIn", "place:toulouse")},
    ),
    (
        "L'hôpital Saint-Louis à Paris manque de lits.",
        {("org:saint-louis", "locatedIn", "place:paris")},
    ),
    ("La Croix-Rouge à Genève a lancé un appel.", set()),
    # a fronted locative places the event of the main clause
    (
        "À Genève, la conférence a commencé sans la France.",
        {("event:conference", "locatedIn", "place:geneve")},
    ),
    (
        "Dans le nord du Nigeria, un attentat a fait dix morts.",
        {("event:attentat", "locatedIn", "NG")},
    ),
    # ...not an event outside the main clause, nor a place that is not locative
    ("À Genève, on parle déjà de la conférence de demain.", set()),
    ("Selon Genève, la conférence a commencé.", set()),
    # compass phrases after the event
    (
        "Un attentat a eu lieu dans le nord-est du Nigeria.",
        {("event:attentat", "locatedIn", "NG")},
    ),
    # a place merely next to another
    ("Lyon et Toulouse ont voté.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PLACES, ids=case_ids(PLACES))
def test_place_links(extract, text, expected):
    assert facts(extract(text), {"locatedIn"}) == expected


#: Who takes part in an event.
PARTICIPANTS = [
    (
        "Le sommet réunissant la France et l'Allemagne s'est ouvert lundi.",
        {("FR", "participatesIn", "event:sommet"), ("DE", "participatesIn", "event:sommet")},
    ),
    (
        "La conférence a rassemblé l'ONU et l'OTAN.",
        {
            ("UN", "participatesIn", "event:conference"),
            ("NATO", "participatesIn", "event:conference"),
        },
    ),
    (
        "L'ONU a organisé un sommet avec des représentants du Mali.",
        {("ML", "participatesIn", "event:sommet")},
    ),
    (
        "La conférence s'est tenue en présence de représentants de l'OTAN.",
        {("NATO", "participatesIn", "event:conference")},
    ),
    ("Paul Girard était présent au sommet.", {("person:girard", "participatesIn", "event:sommet")}),
    (
        "Paul Girard a pris part à la conférence.",
        {("person:girard", "participatesIn", "event:conference")},
    ),
    # no event: a meeting of representatives is no participation
    ("La France a discuté avec des représentants du Mali.", set()),
    ("La France a réuni des fonds pour le Mali.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPANTS, ids=case_ids(PARTICIPANTS))
def test_participants(extract, text, expected):
    assert facts(extract(text), {"participatesIn"}) == expected


#: Person -> organisation without a title; a person merely near an organisation gives nothing.
AFFILIATIONS = [
    ("Paul Girard (UMP) a voté contre.", {("person:girard", "memberOf", "UMP")}),
    (
        "Anna Kowalski, de l'ONU, a confirmé le bilan.",
        {("person:kowalski", "worksFor", "UN")},
    ),
    (
        "Selon Marie Lenoir, du Parti socialiste, le texte passera.",
        {("person:lenoir", "memberOf", "PS")},
    ),
    (
        "Marie Lenoir, employée de Renault, a témoigné.",
        {("person:lenoir", "worksFor", "org:renault")},
    ),
    ("Paul Girard, élu PS de Lyon, a démissionné.", {("person:girard", "memberOf", "PS")}),
    (
        "Marie Lenoir, employée chez Renault depuis 2001, a témoigné.",
        {("person:lenoir", "worksFor", "org:renault")},
    ),
    (
        "Marie Lenoir, recrutée par Renault en 2001, a témoigné.",
        {("person:lenoir", "worksFor", "org:renault")},
    ),
    (
        "Anna Kowalski, de l'entreprise Renault, a confirmé.",
        {("person:kowalski", "worksFor", "org:renault")},
    ),
    # a participle that states no affiliation, a kind noun with no name after it
    ("Marie Lenoir, accueillie par Renault, a témoigné.", set()),
    ("Anna Kowalski, de l'entreprise, a confirmé.", set()),
    (
        "Anna Kowalski travaille pour Amnesty International depuis dix ans.",
        {("person:kowalski", "worksFor", "AI")},
    ),
    (
        "Paul Girard est employé par Renault depuis 2001.",
        {("person:girard", "worksFor", "org:renault")},
    ),
    ("Paul Girard a quitté le Parti socialiste.", {("person:girard", "memberOf", "PS")}),
    # no relation: the person and the organisation are only in the same sentence
    ("Paul Girard a critiqué l'ONU.", set()),
    ("Anna Kowalski a rencontré Paul Girard, de nombreux experts et l'OTAN.", set()),
    ("Les avis de Paul Girard, de l'ONU et de l'OTAN divergent.", set()),
    ("Paul Girard a parlé à Renault.", set()),
    ("Paul Girard a quitté Lyon pour Paris.", set()),
    ("Marie Lenoir travaille à Lyon pour la France.", set()),
    ("Après Paul Girard, l'ONU a pris la parole.", set()),
    ("Paul Girard (Lyon) a voté contre.", set()),
]


@pytest.mark.parametrize(("text", "expected"), AFFILIATIONS, ids=case_ids(AFFILIATIONS))
def test_affiliations(extract, text, expected):
    assert facts(extract(text), {"worksFor", "memberOf", "headOf"}) == expected


def test_leaving_a_party_is_a_former_membership(extract):
    (relation,) = [
        r for r in extract("Anna Kowalski a quitté l'UMP en mai.") if r.predicate == "memberOf"
    ]
    assert relation.attributes.get("former") is True
    assert relation.modality == "asserted"
