"""Named events typed ``Event`` from their shape (kg/nlp/entities/event_names.py,
``EventNames.named``):
known recurring events, an event word and a year or ``de`` + a name, "opération" + a name;
places inside stay mentions; a maker and a model number is no race. Nominal event heads
("intervention armée", "festivités") are found on the parse (kg/nlp/entities/nominals.py).
Names with a filiation particle after a first name are persons (kg/nlp/entities/ner.py);
quoted names after an event kind are events (kg/nlp/entities/spans.py); a person's name
right after an event or venue kind ("le tournoi Jean Borotra") is that event or venue.
The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from _parse import parse

pytestmark = pytest.mark.slow


def mentions(nlp, text: str) -> set[tuple[str, str]]:
    """(surface, type) of every mention of ``text``, triggers left out."""
    doc = parse(nlp, text, "t", "2012-07-01")
    return {(doc[m.start : m.end].text, m.type) for m in doc._.kg_mentions if m.kind != "trigger"}


# (sentence, expected (surface, type), mention that must not be there)
NAMED_EVENTS = [
    # a known event NER takes for a person
    (
        "La joueuse danoise a été éliminée dès le premier tour de Roland-Garros.",
        ("Roland-Garros", "Event"),
        ("Roland-Garros", "Person"),
    ),
    # an event word and a year
    ("Les Pays-Bas ont été battus à l'Euro 2012.", ("Euro 2012", "Event"), ("Euro", "Place")),
    ("La sélection a préparé le Mondial 2010 en Autriche.", ("Mondial 2010", "Event"), None),
    # a known event and its year
    (
        "Le sprinteur a gagné deux étapes du Tour de France 2011.",
        ("Tour de France 2011", "Event"),
        ("France", "Country"),
    ),
    # an event word, de and a name: the place stays a mention beside the event
    (
        "Le pilote finlandais a dominé le Grand Prix de Hongrie.",
        ("Grand Prix de Hongrie", "Event"),
        None,
    ),
    ("Le pilote finlandais a dominé le Grand Prix de Hongrie.", ("Hongrie", "Country"), None),
    # an army's operation
    (
        "Les parachutistes de l'opération Licorne ont quitté Abidjan.",
        ("opération Licorne", "Event"),
        None,
    ),
    # negatives: a lower-case word, a model number, a coordinate, a day
    ("Le prix du gazole a baissé d'un euro en 2012.", None, ("euro 2012", "Event")),
    ("La compagnie a commandé dix Boeing 787 à Seattle.", None, ("Boeing 787", "Event")),
    ("Le navire a été vu par 12° 30′ N 45° 10′ E hier.", None, ("N 45", "Event")),
    ("Le 14 juillet, Le 27 défilera à Paris.", None, ("Le 27", "Event")),
    (
        "Une opération chirurgicale a été pratiquée à Lyon.",
        None,
        ("opération chirurgicale", "Event"),
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), NAMED_EVENTS)
def test_named_events(nlp, text, expected, absent):
    found = mentions(nlp, text)
    if expected is not None:
        assert expected in found, found
    if absent is not None:
        assert absent not in found, found


NOMINAL_EVENTS = [
    ("La CEDEAO prépare une intervention armée au nord du Mali.", "intervention armée"),
    ("Le pays redoute une intervention militaire étrangère.", "intervention militaire étrangère"),
    ("Les festivités du centenaire ont commencé à Dakar.", "festivités du centenaire"),
    # negative: an intervention that is a speech is no event here
    ("Son intervention à la tribune a été applaudie.", None),
]


@pytest.mark.parametrize(("text", "name"), NOMINAL_EVENTS)
def test_nominal_events(nlp, text, name):
    events = {s for s, t in mentions(nlp, text) if t == "Event"}
    if name is None:
        assert not any(s.startswith("intervention") for s in events), events
    else:
        assert name in events, events


# (sentence, name, expected type): a filiation particle after a first name says a person;
# places with an article ("Charm el-Cheikh") open on no first name and stay places.
PARTICLE_NAMES = [
    ("Saïf al-Islam Kadhafi a été jugé à Zintan.", "Saïf al-Islam Kadhafi", "Person"),
    ("Abou Bakr al-Baghdadi a appelé au combat.", "Abou Bakr al-Baghdadi", "Person"),
    ("Les touristes ont quitté Charm el-Cheikh hier.", "Charm el-Cheikh", "Place"),
    ("Les rebelles tiennent Deir ez-Zor et Tell al-Abyad.", "Tell al-Abyad", "Place"),
]


@pytest.mark.parametrize(("text", "name", "type_"), PARTICLE_NAMES)
def test_particle_names(nlp, text, name, type_):
    found = mentions(nlp, text)
    assert (name, type_) in found, found


# (sentence, quoted name, expected type): the kind noun before the quotes types the name;
# scare quotes after a kind are no name.
QUOTED_EVENTS = [
    (
        "La soirée s'est ouverte par une comédie musicale intitulée « Les Enfants du fleuve ».",
        "Les Enfants du fleuve",
        "Event",
    ),
    (
        "Le ministre a assisté au spectacle « Mémoires de sable » à Oran.",
        "Mémoires de sable",
        "Event",
    ),
    ("L'association « Les Amis du fleuve » a porté plainte.", "Les Amis du fleuve", "Organization"),
    ("Le spectacle « grandiose » a duré trois heures.", "grandiose", None),
]


@pytest.mark.parametrize(("text", "name", "type_"), QUOTED_EVENTS)
def test_quoted_events(nlp, text, name, type_):
    found = {s: t for s, t in mentions(nlp, text)}
    assert found.get(name) == type_, found


# (sentence, mention, type): a person's name right after an event or venue kind names the
# event or the venue; the same person elsewhere stays a person.
EPONYMS = [
    ("Elle a remporté le tournoi Jean Borotra à Pau.", "tournoi Jean Borotra", "Event"),
    ("La finale du trophée Jules Verne est prévue samedi.", "trophée Jules Verne", "Event"),
    ("Jules Verne a écrit ce roman à Amiens.", "Jules Verne", "Person"),
]


@pytest.mark.parametrize(("text", "name", "type_"), EPONYMS)
def test_eponym_events(nlp, text, name, type_):
    found = {s: t for s, t in mentions(nlp, text)}
    assert found.get(name) == type_, found


# A name NER read as a body, whose last word says an event (``event_last_words``).
LAST_WORD_EVENTS = [
    (
        "La cérémonie des British Comedy Awards s'est tenue à Londres.",
        ("British Comedy Awards", "Event"),
        ("British Comedy Awards", "Organization"),
    ),
    # the event word inside a company's name, not at its end: still the company
    (
        "Le label Festival Records a signé le groupe lyonnais.",
        ("Festival Records", "Organization"),
        ("Festival Records", "Event"),
    ),
    # a company whose name ends in a word of no event
    (
        "La société Epic Games a porté plainte contre le fabricant.",
        ("Epic Games", "Organization"),
        ("Epic Games", "Event"),
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), LAST_WORD_EVENTS)
def test_event_by_its_last_word(nlp, text, expected, absent) -> None:
    found = mentions(nlp, text)
    assert expected in found, found
    assert absent not in found, found


# (sentence, the competition's whole name, the shorter name that must not stand alone)
CATEGORY_EVENTS = [
    (
        "Les Lyonnaises ont conservé leur titre en Ligue des champions féminine samedi.",
        "Ligue des champions féminine",
        "Ligue des champions",
    ),
    (
        "La Coupe du monde juniors s'achève dimanche à Sotchi.",
        "Coupe du monde juniors",
        "Coupe du monde",
    ),
]


@pytest.mark.parametrize(("text", "name", "shorter"), CATEGORY_EVENTS)
def test_a_category_word_belongs_to_the_competition(nlp, text, name, shorter) -> None:
    found = mentions(nlp, text)
    assert (name, "Event") in found
    assert (name, "Organization") not in found
    assert (shorter, "Event") not in found


def test_a_word_that_is_no_category_stays_out(nlp) -> None:
    found = mentions(nlp, "La Ligue des champions reprend mardi soir.")  # a verb follows
    assert ("Ligue des champions", "Event") in found
