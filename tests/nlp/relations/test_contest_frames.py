"""Participation in elections, contests and gatherings, rivals, co-signatories and operations
(kg/nlp/relations/contests.py and the ``verb_frames`` / ``noun_frames`` of relations.json),
one table per construction, each with negative cases.

The sentences are written for these tests; mentions are given by hand (surface -> entity), so
the tables check the frames and the argument reading alone. Event mentions are classed by
the event lexicon (events.json), as in a real build.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "Marie Lenoir": ("person:lenoir", "Person", "name"),
    "Jonas Berg": ("person:berg", "Person", "name"),
    "Japon": ("JP", "Country", "name"),
    "Canada": ("CA", "Country", "name"),
    "Mali": ("ML", "Country", "name"),
    "Niger": ("NE", "Country", "name"),
    "OTAN": ("NATO", "Organization", "name"),
    "Parti vert": ("org:parti-vert", "Organization", "name"),
    "Front de libération": ("org:front", "Organization", "name"),
    "traité de Lima": ("agr:lima", "Agreement", "name"),
    "élection présidentielle": ("event:election", "Event", "nominal"),
    "sommet de Lima": ("event:sommet", "Event", "nominal"),
    "conférence de presse": ("event:presse", "Event", "nominal"),
    "réunion": ("event:reunion", "Event", "nominal"),
    "finale": ("event:finale", "Event", "nominal"),
    "premier tour": ("event:tour", "Event", "nominal"),
    "offensive": ("event:offensive", "Event", "nominal"),
    "attaque": ("event:attaque", "Event", "nominal"),
    "Jeux olympiques de Lima": ("event:jeux", "Event", "nominal"),
    "conférence": ("event:conference", "Event", "nominal"),
    "conférence de la paix": ("event:paix", "Event", "name"),
    "Lima": ("place:lima", "Place", "name"),
    "Japonais": ("JP", "Country", "demonym"),
    "Canadien": ("CA", "Country", "demonym"),
}

PARTICIPATES = {"participatesIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: The person an election verb makes, or who counts votes, took part in the election the
#: sentence names, else the one the article named before.
ELECTIONS = [
    (
        "Jonas Berg a été élu président avec 52 % des voix lors de l'élection présidentielle.",
        {("person:berg", "participatesIn", "event:election")},
    ),
    (
        "L'élection présidentielle s'est tenue dimanche. "
        "Marie Lenoir a été réélue avec 60 % des suffrages.",
        {("person:lenoir", "participatesIn", "event:election")},
    ),
    (
        "Anna Kowalski a obtenu 30 % des voix à l'élection présidentielle.",
        {("person:kowalski", "participatesIn", "event:election")},
    ),
    (
        "Jonas Berg a été élu avec 9 millions de voix contre 7 millions de voix pour Paul "
        "Girard lors de l'élection présidentielle.",
        {
            ("person:berg", "participatesIn", "event:election"),
            ("person:girard", "participatesIn", "event:election"),
        },
    ),
    # a round stands for the election the article names
    (
        "L'élection présidentielle s'est tenue dimanche. "
        "Jonas Berg a été élu au premier tour avec 51 % des voix.",
        {("person:berg", "participatesIn", "event:election")},
    ),
    ("Jonas Berg a été élu au premier tour.", {("person:berg", "participatesIn", "event:tour")}),
    # no election named: "élu président du parti" is no election event of the article
    ("Paul Girard a été élu président du Parti vert.", set()),
    # the object counts no votes
    ("Anna Kowalski a obtenu un visa avant l'élection présidentielle.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ELECTIONS, ids=case_ids(ELECTIONS))
def test_elections(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "Lors du sommet, X a …": the subject of an active clause took part in a named or
#: recurring gathering, never in the setting of a statement, never as a passive's patient.
OCCASIONS = [
    (
        "Lors du sommet de Lima, Paul Girard a plaidé pour une trêve.",
        {("person:girard", "participatesIn", "event:sommet")},
    ),
    (
        "Le Japon et le Canada ont conclu un accord commercial en marge du sommet de Lima.",
        {("JP", "participatesIn", "event:sommet"), ("CA", "participatesIn", "event:sommet")},
    ),
    ("Lors d'une conférence de presse, Paul Girard a critiqué le Japon.", set()),
    ("Lors du sommet de Lima, Paul Girard a été critiqué par le Japon.", set()),
    # an unnamed gathering told once is a passing setting
    ("Lors d'une réunion, Paul Girard a démissionné.", set()),
    # cues with an elided word ("l'occasion", "l'issue") are cut as the parser cuts them
    (
        "À l'occasion du sommet de Lima, Anna Kowalski a annoncé une aide au Mali.",
        {("person:kowalski", "participatesIn", "event:sommet")},
    ),
    (
        "À l'issue du sommet de Lima, le Niger a rappelé son ambassadeur.",
        {("NE", "participatesIn", "event:sommet")},
    ),
    ("À l'occasion d'une conférence de presse, Paul Girard a critiqué le Japon.", set()),
    # a name mention with no word the parser tags as a proper noun is named all the same
    (
        "Lors de la conférence de la paix, le Japon a proposé un cessez-le-feu.",
        {("JP", "participatesIn", "event:paix")},
    ),
    ("À l'issue du sommet de Lima, Paul Girard a été critiqué par le Japon.", set()),
]


def test_cue_words_cut_like_the_parser():
    """ "l'occasion" is two tokens for spaCy: a cue split on spaces could never match."""
    from kg.nlp.syntax import cue_words

    assert cue_words("à l'occasion de") == ("à", "l'", "occasion", "de")
    assert cue_words("À l’issue de") == ("à", "l'", "issue", "de")


@pytest.mark.parametrize(("text", "expected"), OCCASIONS, ids=case_ids(OCCASIONS))
def test_occasions(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: Verbs of contest: rivals oppose each other and take part in the contest they govern.
CONTESTS = [
    (
        "Le Japon a battu le Canada en finale.",
        {
            ("JP", "opposes", "CA"),
            ("JP", "participatesIn", "event:finale"),
            ("CA", "participatesIn", "event:finale"),
        },
    ),
    (
        "Le Parti vert est arrivé en tête de l'élection présidentielle.",
        {("org:parti-vert", "participatesIn", "event:election")},
    ),
    ("Le Japon s'est imposé face au Canada.", {("JP", "opposes", "CA")}),
    (
        "Anna Kowalski a perdu contre Marie Lenoir.",
        {("person:kowalski", "opposes", "person:lenoir")},
    ),
    (
        "Paul Girard a été réélu face à Anna Kowalski lors de l'élection présidentielle.",
        {
            ("person:girard", "participatesIn", "event:election"),
            ("person:kowalski", "participatesIn", "event:election"),
            ("person:girard", "opposes", "person:kowalski"),
        },
    ),
    (
        "Le Parti vert a remporté l'élection présidentielle face au Front de libération.",
        {
            ("org:parti-vert", "participatesIn", "event:election"),
            ("org:front", "participatesIn", "event:election"),
            ("org:parti-vert", "opposes", "org:front"),
        },
    ),
    (
        "Jonas Berg a remporté la médaille d'or aux Jeux olympiques de Lima.",
        {("person:berg", "participatesIn", "event:jeux")},
    ),
    (
        "Marie Lenoir brigue un second mandat à l'élection présidentielle.",
        {("person:lenoir", "participatesIn", "event:election")},
    ),
    (
        "Paul Girard représentait le Japon au sommet de Lima.",
        {
            ("person:girard", "participatesIn", "event:sommet"),
            ("JP", "participatesIn", "event:sommet"),
        },
    ),
    ("Paul Girard représentait le Japon à Lima.", set()),
    ("Le Japon a battu un record à Lima.", set()),
    ("Jonas Berg est arrivé à Lima.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CONTESTS, ids=case_ids(CONTESTS))
def test_contests(extract, text, expected):
    assert facts(extract(text), PARTICIPATES | {"opposes"}) == expected


#: Going to, speaking at or qualifying for an event is taking part in it.
GOING = [
    (
        "Paul Girard se rendra au sommet de Lima.",
        {("person:girard", "participatesIn", "event:sommet")},
    ),
    ("Le Japon s'est qualifié pour la finale.", {("JP", "participatesIn", "event:finale")}),
    ("Paul Girard a rendu le rapport au Japon.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GOING, ids=case_ids(GOING))
def test_going_to_events(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


def test_planned_trip_is_planned(extract):
    (relation,) = [
        r
        for r in extract("Paul Girard se rendra au sommet de Lima.")
        if r.predicate == "participatesIn"
    ]
    assert relation.modality == "planned"


#: Winners and rivals named by a noun in apposition or as a predicate.
NOUNS = [
    (
        "Marie Lenoir, vainqueur de l'élection présidentielle, a prêté serment.",
        {("person:lenoir", "participatesIn", "event:election")},
    ),
    (
        "Paul Girard, principal rival de Jonas Berg, a reconnu sa défaite.",
        {("person:girard", "opposes", "person:berg")},
    ),
    (
        "Anna Kowalski est l'adversaire de Marie Lenoir.",
        {("person:kowalski", "opposes", "person:lenoir")},
    ),
    (
        "Le principal rival de Jonas Berg, Paul Girard, a reconnu sa défaite.",
        {("person:girard", "opposes", "person:berg")},
    ),
    (
        "Le candidat du Parti vert à l'élection présidentielle, Anna Kowalski, a voté.",
        {("person:kowalski", "participatesIn", "event:election")},
    ),
    (
        "Marie Lenoir a annoncé sa candidature à l'élection présidentielle.",
        {("person:lenoir", "participatesIn", "event:election")},
    ),
    # nobody named holds the role
    ("Le rival de Jonas Berg a reconnu sa défaite.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NOUNS, ids=case_ids(NOUNS))
def test_winner_and_rival_nouns(extract, text, expected):
    assert facts(extract(text), PARTICIPATES | {"opposes"}) == expected


#: Co-signatories read from "avec" and "entre".
COSIGNS = [
    (
        "Le Japon a signé avec le Canada le traité de Lima.",
        {("JP", "signs", "agr:lima"), ("CA", "signs", "agr:lima")},
    ),
    (
        "Le traité de Lima a été signé entre le Mali et le Niger.",
        {("ML", "signs", "agr:lima"), ("NE", "signs", "agr:lima")},
    ),
    ("Le Japon a signé le traité de Lima avec enthousiasme.", {("JP", "signs", "agr:lima")}),
]


@pytest.mark.parametrize(("text", "expected"), COSIGNS, ids=case_ids(COSIGNS))
def test_cosignatories(extract, text, expected):
    assert facts(extract(text), {"signs"}) == expected


#: Launching or carrying out an operation is leading it.
OPERATIONS = [
    (
        "L'OTAN a lancé une offensive contre le Front de libération.",
        {("NATO", "leads", "event:offensive")},
    ),
    ("L'OTAN a lancé un appel au calme.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OPERATIONS, ids=case_ids(OPERATIONS))
def test_operations(extract, text, expected):
    assert facts(extract(text), {"leads"}) == expected


#: Calling for someone's fall is opposing them; saying one is for or against is a stance.
OUSTER_AND_STANCE_ADJECTIVES = [
    (
        "Le Parti vert réclame la démission de Jonas Berg.",
        {("org:parti-vert", "opposes", "person:berg")},
    ),
    (
        "Le Front de libération a appelé au départ de Marie Lenoir.",
        {("org:front", "opposes", "person:lenoir")},
    ),
    # an unnamed event noun stands for its owner, as a plain stance noun does
    (
        "Le Canada a condamné l'attaque du Front de libération.",
        {("CA", "opposes", "org:front")},
    ),
    ("Le Canada a condamné l'attaque de Lima.", set()),
    ("Le Parti vert réclame le soutien de Jonas Berg.", set()),
    ("Le Parti vert a appelé à la retenue.", set()),
    (
        "Le Canada s'est dit favorable au traité de Lima.",
        {("CA", "supports", "agr:lima")},
    ),
    ("Le Canada est favorable à un accord.", set()),
    # an object not read through an ouster noun is no target ("voter la confiance à")
    (
        "Le Parti vert a voté la confiance à Jonas Berg.",
        {("org:parti-vert", "supports", "person:berg")},
    ),
    ("Le Parti vert a appelé à Lima.", set()),
    (
        "Le Canada se range aux côtés du Mali.",
        {("CA", "supports", "ML")},
    ),
    ("Le Canada se range à l'avis du Mali.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), OUSTER_AND_STANCE_ADJECTIVES, ids=case_ids(OUSTER_AND_STANCE_ADJECTIVES)
)
def test_ouster_and_stance_adjectives(extract, text, expected):
    assert facts(extract(text), {"opposes", "supports"}) == expected


#: Nouns of taking part: "la participation de X à Y", "en compagnie de X" on an event.
PARTICIPATION_NOUNS = [
    (
        "La participation du Japon au sommet de Lima a été confirmée.",
        {("JP", "participatesIn", "event:sommet")},
    ),
    (
        "La présence de Paul Girard au sommet de Lima est attendue.",
        {("person:girard", "participatesIn", "event:sommet")},
    ),
    (
        "La conférence aura lieu à Lima en compagnie de Marie Lenoir.",
        {("person:lenoir", "participatesIn", "event:conference")},
    ),
    # the clause's subject is no event: company is not participation
    ("Paul Girard est arrivé à Lima en compagnie de Marie Lenoir.", set()),
    ("La participation du Japon au capital de la banque a doublé.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), PARTICIPATION_NOUNS, ids=case_ids(PARTICIPATION_NOUNS)
)
def test_participation_nouns(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: Institutional hostile acts aimed "contre" someone, as a verb's object or a noun.
HOSTILE_ACTS = [
    (
        "Le Japon a imposé des sanctions contre le Niger.",
        {("JP", "opposes", "NE")},
    ),
    (
        "Le Parti vert a déposé une plainte contre Jonas Berg.",
        {("org:parti-vert", "opposes", "person:berg")},
    ),
    (
        "Les sanctions du Canada contre le Mali ont été levées.",
        {("CA", "opposes", "ML")},
    ),
    # no hostile act: a verb with "contre" in another sense
    ("Le Japon a échangé du riz contre du pétrole du Niger.", set()),
    ("Le Japon a lancé un appel contre la faim au Niger.", set()),
]


@pytest.mark.parametrize(("text", "expected"), HOSTILE_ACTS, ids=case_ids(HOSTILE_ACTS))
def test_hostile_acts(extract, text, expected):
    assert facts(extract(text), {"opposes"}) == expected


#: "entre A et B" on a noun of conflict (two sides) or of meeting (every pair).
PAIRS = [
    (
        "Le différend entre le Japon et le Canada s'aggrave.",
        {("JP", "opposes", "CA")},
    ),
    (
        "La rencontre entre Paul Girard et Anna Kowalski a eu lieu à Lima.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    (
        "Les entretiens entre le Mali, le Niger et le Canada reprendront lundi.",
        {("ML", "meetsWith", "NE"), ("ML", "meetsWith", "CA"), ("NE", "meetsWith", "CA")},
    ),
    # three sides of a conflict: who opposes whom is not said
    ("Le conflit entre le Mali, le Niger et le Canada dure.", set()),
    ("La frontière entre le Mali et le Niger est fermée.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS, ids=case_ids(PAIRS))
def test_pairs(extract, text, expected):
    assert facts(extract(text), {"opposes", "meetsWith"}) == expected


#: A demonym noun names a person or a people, not the state: the contest is the named
#: person's, or nobody's.
DEMONYMS = [
    ("Le Japonais a battu le Canadien en finale.", set()),
    (
        "Le Japonais Paul Girard a battu le Canadien Jonas Berg en finale.",
        {
            ("person:girard", "opposes", "person:berg"),
            ("person:girard", "participatesIn", "event:finale"),
            ("person:berg", "participatesIn", "event:finale"),
        },
    ),
    (
        "Le Japon a battu le Canada en finale.",
        {
            ("JP", "opposes", "CA"),
            ("JP", "participatesIn", "event:finale"),
            ("CA", "participatesIn", "event:finale"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), DEMONYMS, ids=case_ids(DEMONYMS))
def test_demonym_nouns(extract, text, expected):
    assert facts(extract(text), PARTICIPATES | {"opposes"}) == expected
