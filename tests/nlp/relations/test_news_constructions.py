"""Constructions read on news kg was never tuned on (relations.json frames, containment.py,
contests.py, patterns.py): a place situated by the locative right after it, engaging in a
war or an operation, bids and qualifications "pour" an event, subjects after a participation
verb, people named by a demonym noun, an election told by a passive or a headline, the
members and acts of a side standing for it, and a state's forces for the state. One table
per construction, each with negative cases.

The sentences are written for these tests; mentions are given by hand (surface -> entity), so
the tables check the rules alone, whatever the entity component makes of the sentences.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "Jonas Berg": ("person:berg", "Person", "name"),
    "Marie Lenoir": ("person:lenoir", "Person", "name"),
    "Japon": ("JP", "Country", "name"),
    "Canada": ("CA", "Country", "name"),
    "Chili": ("CL", "Country", "name"),
    "Pérou": ("PE", "Country", "name"),
    "Niger": ("NE", "Country", "name"),
    "Italie": ("IT", "Country", "name"),
    "Suédois": ("SE", "Country", "demonym"),
    "chiliennes": ("CL", "Country", "demonym"),
    "chiliens": ("CL", "Country", "demonym"),
    "péruviens": ("PE", "Country", "demonym"),
    "OTAN": ("NATO", "Organization", "name"),
    "Parti vert": ("org:parti-vert", "Organization", "name"),
    "Front de libération": ("org:front", "Organization", "name"),
    "Ligue du Sud": ("org:ligue", "Organization", "name"),
    "Arequipa": ("place:arequipa", "Place", "name"),
    "Cuzco": ("place:cuzco", "Place", "name"),
    "Valparaiso": ("place:valparaiso", "Place", "name"),
    "Atacama": ("place:atacama", "Place", "name"),
    "Bolzano": ("place:bolzano", "Place", "name"),
    "Turin": ("place:turin", "Place", "name"),
    "Bellavista": ("place:bellavista", "Place", "name"),
    "Stade national": ("place:stade", "Place", "name"),
    "Championnat d'Amérique": ("event:championnat", "Event", "name"),
    "Amérique": ("place:amerique", "Place", "name"),
    "élection présidentielle": ("event:election", "Event", "nominal"),
    "référendum": ("event:referendum", "Event", "nominal"),
    "guerre du Pacifique": ("event:guerre", "Event", "name"),
    "opération Condor": ("event:condor", "Event", "name"),
    "conférence de Lima": ("event:conference", "Event", "name"),
    "Coupe du monde": ("event:coupe", "Event", "name"),
    "Jeux panaméricains": ("event:jeux", "Event", "name"),
}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: "à <X> dans le <Y>", "à <X> en <Y>", "à <X> au <pays>", "la base de <X> en <Y>": the
#: second locative situates the first place. Never a route ("de X au Y", "de X en Y"), a
#: venue after "au", a part named by a kind noun, a name ("le championnat d'Amérique en
#: Italie"), or a list going on.
STACKED = [
    ("Le congrès s'ouvre lundi à Arequipa dans le sud du Pérou.", {("place:arequipa", "PE")}),
    ("Les secours sont arrivés à Cuzco au Pérou dans la nuit.", {("place:cuzco", "PE")}),
    ("Un séisme a frappé Valparaiso, puis Bolzano en Italie.", set()),
    ("Un séisme a été ressenti à Bolzano en Italie.", {("place:bolzano", "IT")}),
    ("Le port de Valparaiso au Chili a rouvert.", {("place:valparaiso", "CL")}),
    (
        "Il a vécu à Valparaiso dans l'Atacama avant la guerre.",
        {("place:valparaiso", "place:atacama")},
    ),
    # routes
    ("Le train relie Turin en Italie depuis mardi.", set()),
    ("Le vol part de Cuzco au Chili chaque lundi.", set()),
    ("Il est passé de Cuzco en Italie en une semaine.", set()),
    # a venue after "au", a part of the first place
    ("La finale se joue à Arequipa au Stade national.", set()),
    ("Il habite à Cuzco dans le quartier de Bellavista.", set()),
    # a name that holds a place
    ("Le Championnat d'Amérique en Italie a commencé.", set()),
    # a list of destinations
    ("Il se rendra à Turin en Italie et au Pérou.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STACKED, ids=case_ids(STACKED))
def test_stacked_locatives(extract, text, expected):
    found = {(s, o) for s, _, o in facts(extract(text), {"locatedIn"}) if not s.startswith("event")}
    assert found == expected


PARTICIPATES = {"participatesIn"}

#: "s'engager dans", "candidature / qualification pour", a subject after the verb, and a
#: demonym noun that names a person, not the state.
PARTICIPATION = [
    (
        "Le Canada s'est engagé dans la guerre du Pacifique.",
        {("CA", "participatesIn", "event:guerre")},
    ),
    (
        "Le Japon a engagé deux frégates dans l'opération Condor.",
        {("JP", "participatesIn", "event:condor")},
    ),
    ("Le Canada s'est engagé à réduire ses dépenses.", set()),
    (
        "Anna Kowalski a déposé sa candidature pour l'élection présidentielle.",
        {("person:kowalski", "participatesIn", "event:election")},
    ),
    (
        "Le Chili et le Pérou ont obtenu leur qualification pour la Coupe du monde.",
        {("CL", "participatesIn", "event:coupe"), ("PE", "participatesIn", "event:coupe")},
    ),
    # a country's bid for an event is a bid to host it
    ("La candidature du Pérou pour les Jeux panaméricains a été retenue.", set()),
    (
        "Ont aussi pris part à la conférence de Lima Paul Girard et Jonas Berg.",
        {
            ("person:girard", "participatesIn", "event:conference"),
            ("person:berg", "participatesIn", "event:conference"),
        },
    ),
    # the event's own apposition, after a comma, is no subject
    ("Il a assisté à la conférence de Lima, Paul Girard l'a dit.", set()),
    (
        "Le Suédois Jonas Berg, qui participait aux Jeux panaméricains, a chuté.",
        {("person:berg", "participatesIn", "event:jeux")},
    ),
    ("Les Suédois ont participé aux Jeux panaméricains.", set()),
    # "auquel" / "à laquelle": the event is the relative's antecedent
    (
        "Les Jeux panaméricains, auxquels participaient le Chili et le Pérou, ont fermé.",
        {("CL", "participatesIn", "event:jeux"), ("PE", "participatesIn", "event:jeux")},
    ),
    (
        "La conférence de Lima, à laquelle ont pris part Paul Girard et Jonas Berg, a échoué.",
        {
            ("person:girard", "participatesIn", "event:conference"),
            ("person:berg", "participatesIn", "event:conference"),
        },
    ),
    ("Le Pérou, auquel participait le Chili, a échoué.", set()),
    # a part of an event ("cette édition", "la troisième étape") stands for the event
    (
        "Jonas Berg a gagné la troisième étape des Jeux panaméricains.",
        {("person:berg", "participatesIn", "event:jeux")},
    ),
    (
        "Le Canada a participé à la dernière édition des Jeux panaméricains.",
        {("CA", "participatesIn", "event:jeux")},
    ),
    ("Le Canada a participé à la deuxième étape de son plan.", set()),
    # a headline with no verb: the role noun read as the end of the name
    (
        "Marie Lenoir candidate à l'élection présidentielle\n\nElle l'a dit hier soir.",
        {("person:lenoir", "participatesIn", "event:election")},
    ),
    ("Marie Lenoir critique la candidate à l'élection présidentielle.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPATION, ids=case_ids(PARTICIPATION))
def test_participation(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: An election told by a passive the parser reads with a plain subject, or by the headline
#: (its election named below); a referendum elects nobody; a past election told in passing
#: in the body is not the article's.
ELECTIONS = [
    (
        "Jonas Berg est élu président lors de l'élection présidentielle.",
        {("person:berg", "participatesIn", "event:election")},
    ),
    (
        "Marie Lenoir élue à la présidence du Niger\n\n"
        "La candidate du Parti vert a remporté l'élection présidentielle avec 54 % des voix.",
        {("person:lenoir", "participatesIn", "event:election")},
    ),
    (
        "Crise au Niger\n\nPaul Girard, élu maire en 2008, a démissionné.\n\n"
        "L'élection présidentielle aura lieu en mai.",
        set(),
    ),
    (
        "Anna Kowalski, élue députée en 2015, a été agressée. "
        "Elle militait pour le non avant le référendum.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ELECTIONS, ids=case_ids(ELECTIONS))
def test_elections(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


STANCES = {"opposes", "supports", "leads", "participatesIn"}

#: "condamner les frappes de X", "soutenir les rebelles de X": the acts and members of a
#: side stand for it; "les forces de X", "les troupes <adjectif>" act for X; rebels named by
#: a national adjective are no state's.
SIDES = [
    ("Le Canada a condamné les frappes de l'OTAN.", {("CA", "opposes", "NATO")}),
    (
        "Le Japon a critiqué l'essai nucléaire du Niger.",
        {("JP", "opposes", "NE")},
    ),
    (
        "Le Pérou soutient les rebelles du Front de libération.",
        {("PE", "supports", "org:front")},
    ),
    (
        "Les troupes chiliennes combattent les miliciens de la Ligue du Sud.",
        {("CL", "opposes", "org:ligue")},
    ),
    (
        "Les forces de l'OTAN ont mené l'opération Condor.",
        {("NATO", "leads", "event:condor")},
    ),
    (
        "Les soldats chiliens ont participé à l'opération Condor.",
        {("CL", "participatesIn", "event:condor")},
    ),
    # rebels are not their country; an unrelated genitive is no side
    ("Les rebelles péruviens combattent le Front de libération.", set()),
    ("Le Japon a critiqué la force de la monnaie du Niger.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SIDES, ids=case_ids(SIDES))
def test_sides(extract, text, expected):
    assert facts(extract(text), STANCES) == expected


PAIRS = {"meetsWith", "opposes", "participatesIn"}

#: "les négociations / la discussion / le combat entre A et B" (the lemma is singular), and
#: a country's delegation, team or contingent at an event.
PAIRS_AND_DELEGATIONS = [
    (
        "Les négociations entre le Chili et le Front de libération reprennent lundi.",
        {("CL", "meetsWith", "org:front")},
    ),
    (
        "Le combat entre le Pérou et la Ligue du Sud a repris.",
        {("PE", "opposes", "org:ligue")},
    ),
    ("Les négociations du Chili ont repris lundi.", set()),
    (
        "La délégation du Pérou à la conférence de Lima a quitté la salle.",
        {("PE", "participatesIn", "event:conference")},
    ),
    (
        "Le contingent du Canada à l'opération Condor a été réduit.",
        {("CA", "participatesIn", "event:condor")},
    ),
    # a delegation in a country is no participation
    ("La délégation de l'OTAN au Niger a été renforcée.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), PAIRS_AND_DELEGATIONS, ids=case_ids(PAIRS_AND_DELEGATIONS)
)
def test_pairs_and_delegations(extract, text, expected):
    assert facts(extract(text), PAIRS) == expected


#: "sa participation / sa présence / sa venue à <événement>": the possessor takes part, with
#: the modality of the verb that holds the noun ("prévoit": planned, "a annulé": negated); a
#: participation with no owner is nobody's. "compter parmi" plans nothing.
OWN_PARTICIPATION = [
    (
        "Le Canada prévoit sa participation à la conférence de Lima.",
        {("CA", "participatesIn", "event:conference", "planned")},
    ),
    (
        "Le Japon a confirmé sa présence aux Jeux panaméricains.",
        {("JP", "participatesIn", "event:jeux", "asserted")},
    ),
    (
        "Le Japon a annulé sa venue aux Jeux panaméricains.",
        {("JP", "participatesIn", "event:jeux", "negated")},
    ),
    ("La participation à la conférence de Lima a été annulée.", set()),
    ("Le Japon a critiqué la participation à la conférence de Lima.", set()),
    (
        "Jonas Berg, qui comptait parmi les favoris des Jeux panaméricains, a chuté.",
        {("person:berg", "participatesIn", "event:jeux", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OWN_PARTICIPATION, ids=case_ids(OWN_PARTICIPATION))
def test_own_participation(extract, text, expected):
    found = {
        (r.subject, r.predicate, r.object, r.modality)
        for r in extract(text)
        if r.predicate in PARTICIPATES
    }
    assert found == expected
