"""The parties of an event named around its noun (kg/nlp/relations/sides.py, pairs.py,
matches.py): a fixture verb of which the event is the subject or the relative's antecedent,
an "entre A et B" complement on an event noun, and a rival the parser hangs on the object.
One table per construction, each with negative cases. Sentences written for these tests;
mentions given by hand, so the tables check the rules alone.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "guerre": ("event:guerre", "Event", "nominal"),
    "match": ("event:match", "Event", "nominal"),
    "procès": ("event:proces", "Event", "nominal"),
    "réunion": ("event:reunion", "Event", "nominal"),
    "négociations": ("event:nego", "Event", "nominal"),
    "élection présidentielle": ("event:election", "Event", "nominal"),
    "sommet": ("event:sommet", "Event", "nominal"),
    "Lima": ("place:lima", "Place", "name"),
    "Portugal": ("PT", "Country", "name"),
    "Belgique": ("BE", "Country", "name"),
    "Pérou": ("PE", "Country", "name"),
    "Chili": ("CL", "Country", "name"),
    "Bolivie": ("BO", "Country", "name"),
    "Nordex": ("org:nordex", "Organization", "name"),
    "Solvia": ("org:solvia", "Organization", "name"),
    "Claire Dubois": ("person:dubois", "Person", "name"),
    "Marc Vidal": ("person:vidal", "Person", "name"),
}

PARTICIPATES = {"participatesIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: "la guerre qui oppose A à B", "le match oppose A à B": the sides of any event, a war as
#: well as a match, through a relative clause or the verb the event is the subject of; a
#: reflexive "s'opposer à" is a stance, and an event that is only the object names none.
OPPOSED = [
    (
        "La guerre qui oppose le Pérou au Chili a fait des milliers de morts.",
        {("PE", "participatesIn", "event:guerre"), ("CL", "participatesIn", "event:guerre")},
    ),
    (
        "Le procès qui oppose Nordex à Solvia reprendra en mai.",
        {
            ("org:nordex", "participatesIn", "event:proces"),
            ("org:solvia", "participatesIn", "event:proces"),
        },
    ),
    (
        "Dimanche, le match oppose le Portugal à la Belgique.",
        {("PT", "participatesIn", "event:match"), ("BE", "participatesIn", "event:match")},
    ),
    ("Le Portugal s'oppose à la guerre menée par le Chili.", set()),
    ("La Bolivie oppose un refus à la guerre.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OPPOSED, ids=case_ids(OPPOSED))
def test_opposed_sides_of_any_event(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "la guerre entre A et B", "les négociations entre A, B et C": the sides named on an event
#: noun take part in it; "entre" on a noun that is no event names no party.
BETWEEN = [
    (
        "La guerre entre le Pérou et le Chili a duré cinq ans.",
        {("PE", "participatesIn", "event:guerre"), ("CL", "participatesIn", "event:guerre")},
    ),
    (
        "Les négociations entre le Pérou, le Chili et la Bolivie ont repris lundi.",
        {
            ("PE", "participatesIn", "event:nego"),
            ("CL", "participatesIn", "event:nego"),
            ("BO", "participatesIn", "event:nego"),
        },
    ),
    ("La frontière entre le Pérou et le Chili est fermée.", set()),
    ("Le différend entre le Pérou et le Chili s'aggrave.", set()),
]


@pytest.mark.parametrize(("text", "expected"), BETWEEN, ids=case_ids(BETWEEN))
def test_sides_between_on_an_event(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "a remporté l'élection face à X": the rival hung on the event object took part too; a
#: rival that names no agent ("face à la crise") gives nothing.
RIVAL_ON_OBJECT = [
    (
        "Claire Dubois a remporté l'élection présidentielle face à Marc Vidal.",
        {
            ("person:dubois", "participatesIn", "event:election"),
            ("person:vidal", "participatesIn", "event:election"),
        },
    ),
    (
        "Marc Vidal a remporté l'élection présidentielle face à Claire Dubois.",
        {
            ("person:dubois", "participatesIn", "event:election"),
            ("person:vidal", "participatesIn", "event:election"),
        },
    ),
    (
        "Le Pérou a remporté le match face au Chili.",
        {("PE", "participatesIn", "event:match"), ("CL", "participatesIn", "event:match")},
    ),
    (
        "Claire Dubois a remporté l'élection présidentielle face à la crise.",
        {("person:dubois", "participatesIn", "event:election")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), RIVAL_ON_OBJECT, ids=case_ids(RIVAL_ON_OBJECT))
def test_rival_on_the_object(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "X se rend à Lima pour le sommet": a verb of going or meeting whose purpose ("pour") is
#: an event: the subject attends it; a purpose that is no event, or another verb, gives
#: nothing.
GOING_FOR = [
    (
        "Claire Dubois se rendra à Lima pour le sommet.",
        {("person:dubois", "participatesIn", "event:sommet")},
    ),
    (
        "Le Pérou et le Chili se retrouvent à Lima pour le sommet.",
        {("PE", "participatesIn", "event:sommet"), ("CL", "participatesIn", "event:sommet")},
    ),
    ("Claire Dubois s'est rendue à Lima pour soutenir le Chili.", set()),
    ("Claire Dubois a plaidé pour le sommet.", set()),
]


@pytest.mark.parametrize(("text", "expected"), GOING_FOR, ids=case_ids(GOING_FOR))
def test_going_for_an_event(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


@pytest.fixture(scope="module")
def nlp():
    """The whole kg pipeline: a negotiation is an event only with a named party."""
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


#: "A et B ont participé aux négociations": the subject of the verb whose argument the
#: event noun is names its party, so the talks are an event and both took part; a verb of
#: giving up names a party too, but no participant.
PARTICIPATION_VERB = [
    (
        "Le Pérou et le Chili ont participé aux négociations.",
        {
            ("Pérou", "participatesIn", "négociations", "asserted"),
            ("Chili", "participatesIn", "négociations", "asserted"),
        },
    ),
    ("Le Chili a renoncé aux négociations.", set()),
    ("Les négociations ont repris hier.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPATION_VERB, ids=case_ids(PARTICIPATION_VERB))
def test_party_of_a_participation_verb(nlp, text, expected):
    from _hand import pipeline_facts

    found = {f for f in pipeline_facts(nlp, text) if f[1] == "participatesIn"}
    assert found == expected
