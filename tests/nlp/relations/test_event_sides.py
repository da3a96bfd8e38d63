"""The sides named with a fixture, the field of a competition and an event inside a
building (kg/nlp/relations/sides.py, places.py), one table per construction, each with
negative cases. Sentences written for these tests; mentions given by hand, so the tables
check the rules alone. Event mentions are classed by the event lexicon (events.json).
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "match": ("event:match", "Event", "nominal"),
    "finale": ("event:finale", "Event", "nominal"),
    "demi-finale": ("event:demi", "Event", "nominal"),
    "sommet": ("event:sommet", "Event", "nominal"),
    "attentat": ("event:attentat", "Event", "nominal"),
    "fusillade": ("event:fusillade", "Event", "nominal"),
    "conférence": ("event:conference", "Event", "nominal"),
    "championnat de Suisse": ("event:championnat", "Event", "nominal"),
    "Coupe de Suisse": ("event:coupe", "Event", "nominal"),
    "sommet de l'Union africaine": ("event:sommet-ua", "Event", "nominal"),
    "Union africaine": ("org:ua", "Organization", "name"),
    "Belgique": ("BE", "Country", "name"),
    "Portugal": ("PT", "Country", "name"),
    "Suisse": ("CH", "Country", "name"),
    "Chine": ("CN", "Country", "name"),
    "Inde": ("IN", "Country", "name"),
    "FC Lucerne": ("org:lucerne", "Organization", "name"),
    "Servette": ("org:servette", "Organization", "name"),
    "Young Boys": ("org:yb", "Organization", "name"),
    "Bretagne": ("place:bretagne", "Place", "name"),
    "Lille": ("place:lille", "Place", "name"),
    "Hugo Lambert": ("person:lambert", "Person", "name"),
    "tournoi": ("event:tournoi", "Event", "nominal"),
    "élection municipale": ("event:municipale", "Event", "nominal"),
    "accord": ("event:accord", "Event", "nominal"),
    "festival": ("event:festival", "Event", "nominal"),
    "suisse": ("CH", "Country", "demonym"),
}

PARTICIPATES = {"participatesIn"}
LOCATED = {"locatedIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: "le match A - B": two names joined by a dash right after a gathering event are its sides;
#: a dash elsewhere, a single name or a name in the event's genitive is no such pair.
DASHED = [
    (
        "Le match Belgique - Portugal a été interrompu par la pluie.",
        {("BE", "participatesIn", "event:match"), ("PT", "participatesIn", "event:match")},
    ),
    (
        "Des bagarres ont éclaté après le match FC Lucerne-Servette, samedi soir.",
        {
            ("org:lucerne", "participatesIn", "event:match"),
            ("org:servette", "participatesIn", "event:match"),
        },
    ),
    (
        "Le sommet Chine - Inde s'ouvre mardi.",
        {("CN", "participatesIn", "event:sommet"), ("IN", "participatesIn", "event:sommet")},
    ),
    ("Le match a été interrompu ; la Belgique - selon ses joueurs - a protesté.", set()),
    ("Le match Belgique a été reporté.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DASHED, ids=case_ids(DASHED))
def test_dashed_sides(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "la finale opposant A à B": a participle of opposing on a gathering event names its
#: sides, also as a list; the verb with a subject of its own ("X a opposé un refus") names
#: none.
OPPOSING = [
    (
        "La finale opposant le FC Lucerne au Servette aura lieu dimanche.",
        {
            ("org:lucerne", "participatesIn", "event:finale"),
            ("org:servette", "participatesIn", "event:finale"),
        },
    ),
    (
        "La demi-finale opposant les Young Boys et le Servette a été reportée.",
        {
            ("org:yb", "participatesIn", "event:demi"),
            ("org:servette", "participatesIn", "event:demi"),
        },
    ),
    ("Le Portugal a opposé un refus poli au sommet.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OPPOSING, ids=case_ids(OPPOSING))
def test_opposing_sides(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "le championnat de Suisse": a country in a competition's name is its field, no side; in
#: a summit's name an organisation still takes part; a contest verb still makes a side.
SCOPES = [
    ("Le championnat de Suisse reprend en août.", set()),
    ("La Coupe de Suisse a attiré peu de spectateurs.", set()),
    (
        "Le sommet de l'Union africaine s'ouvre lundi.",
        {("org:ua", "participatesIn", "event:sommet-ua")},
    ),
    (
        "Le FC Lucerne a remporté la Coupe de Suisse.",
        {("org:lucerne", "participatesIn", "event:coupe")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCOPES, ids=case_ids(SCOPES))
def test_competition_scopes(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "une fusillade dans un bar à Lille": a building under a locative preposition passes its
#: place on to the event around it; a topic ("une conférence sur les écoles en Bretagne")
#: or a target ("un attentat contre une église en Bretagne") does not.
SITES = [
    (
        "Une fusillade dans un bar à Lille a fait trois blessés.",
        {("event:fusillade", "locatedIn", "place:lille")},
    ),
    (
        "L'attentat dans une église en Bretagne a choqué le pays.",
        {("event:attentat", "locatedIn", "place:bretagne")},
    ),
    ("Une conférence sur les écoles en Bretagne a réuni des parents.", set()),
    ("Un attentat contre une église en Bretagne a été déjoué.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SITES, ids=case_ids(SITES))
def test_sited_events(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "X s'est retiré du tournoi", "a déclaré forfait pour", "a abandonné": one withdraws only
#: from what one had entered, so a competition or an election (``contest_event_nouns``)
#: had X among its sides; an agreement or a festival one leaves says nothing of the kind.
WITHDRAWALS = [
    (
        "Hugo Lambert, blessé au genou, s'est retiré du tournoi.",
        {("person:lambert", "participatesIn", "event:tournoi")},
    ),
    (
        "Hugo Lambert a déclaré forfait pour le tournoi.",
        {("person:lambert", "participatesIn", "event:tournoi")},
    ),
    (
        "Hugo Lambert s'est retiré de l'élection municipale en mars.",
        {("person:lambert", "participatesIn", "event:municipale")},
    ),
    (
        "Hugo Lambert a abandonné le tournoi après deux sets.",
        {("person:lambert", "participatesIn", "event:tournoi")},
    ),
    ("La Belgique s'est retirée de l'accord.", set()),
    ("Hugo Lambert a abandonné le festival à ses organisateurs.", set()),
]


@pytest.mark.parametrize(("text", "expected"), WITHDRAWALS, ids=case_ids(WITHDRAWALS))
def test_withdrawals(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "une délégation suisse": a delegation acts for the state its national adjective names,
#: as troops do; a national adjective on a person noun does not make the state a side.
DELEGATIONS = [
    (
        "Une délégation suisse a participé au sommet.",
        {("CH", "participatesIn", "event:sommet")},
    ),
    (
        "Les délégations de la Belgique et du Portugal ont assisté à la finale.",
        {("BE", "participatesIn", "event:finale"), ("PT", "participatesIn", "event:finale")},
    ),
    ("Un touriste suisse a participé au sommet.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DELEGATIONS, ids=case_ids(DELEGATIONS))
def test_national_delegations(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected
