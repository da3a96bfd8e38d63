"""Stance and signing read off infinitives, nominalisations and stance statements
(kg/nlp/syntax.py ``Syntax.subjects`` for the controller of an infinitive,
kg/lang/fr/relations.json ``verb_frames`` / ``noun_frames``, ``modality.reported_governors``
and ``dative_controllers``), one table per construction, each with negative cases.

The sentences are written for these tests; mentions are given by hand (surface -> entity), so
the tables check the argument reading alone, whatever the entity component makes of them.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Claire Dumas": ("person:dumas", "Person", "name"),
    "Omar Haddad": ("person:haddad", "Person", "name"),
    "Bénin": ("BJ", "Country", "name"),
    "Togo": ("TG", "Country", "name"),
    "Kenya": ("KE", "Country", "name"),
    "Ouganda": ("UG", "Country", "name"),
    "Parti radical": ("org:radical", "Organization", "name"),
    "Union des ports": ("org:ports", "Organization", "name"),
    "pacte de Lomé": ("agr:lome", "Agreement", "name"),
    "tribunal de Kampala": ("org:tribunal", "Organization", "name"),
    "déclaration": ("event:declaration", "Event", "nominal"),
    "pétition": ("event:petition", "Event", "nominal"),
    "victoire": ("event:victoire", "Event", "nominal"),
}

WANTED = {"opposes", "supports", "signs", "meetsWith"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model + hand mentions."""
    return sentence_extractor(ENTITIES)


def facts(relations) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, modality) of the stance, signing and meeting relations."""
    return {
        (r.subject, r.predicate, r.object, r.modality) for r in relations if r.predicate in WANTED
    }


#: Who does an infinitive: the governor's direct object, a passive's patient or a
#: dative-control verb's "à" complement, never the governor's subject; an accusation makes
#: the governed act reported, an invitation expected. Subject control is unchanged.
CONTROL = [
    (
        "Le Kenya accuse l'Ouganda d'armer l'Union des ports.",
        set(),  # "armer" is no stance verb: nothing, and above all not Kenya's
    ),
    (
        "Le Kenya accuse l'Ouganda de soutenir l'Union des ports.",
        {("UG", "supports", "org:ports", "reported")},
    ),
    (
        "Le Togo a demandé au Bénin de ratifier le pacte de Lomé.",
        {("BJ", "signs", "agr:lome", "planned")},
    ),
    (
        "Le Togo a exhorté le Bénin à ratifier le pacte de Lomé.",
        {("BJ", "signs", "agr:lome", "expected")},
    ),
    (
        "Le Bénin a été invité par le Togo à signer le pacte de Lomé.",
        {("BJ", "signs", "agr:lome", "expected")},
    ),
    (
        "L'Ouganda, soupçonné par le Kenya d'aider l'Union des ports, dément.",
        {("UG", "supports", "org:ports", "reported")},
    ),
    # an object pronoun names nobody here: the subject is still not the controller
    ("Le Togo l'a invité à signer le pacte de Lomé.", set()),
    # subject control: the subject does the infinitive
    (
        "Le Bénin a promis de ratifier le pacte de Lomé.",
        {("BJ", "signs", "agr:lome", "planned")},
    ),
    (
        "Le Parti radical a décidé de soutenir Claire Dumas.",
        {("org:radical", "supports", "person:dumas", "planned")},
    ),
    # a call to vote is the caller's support, whoever is called
    (
        "Le Parti radical appelle les électeurs à voter pour Claire Dumas.",
        {("org:radical", "supports", "person:dumas", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CONTROL, ids=case_ids(CONTROL))
def test_infinitive_controller(extract, text, expected):
    assert facts(extract(text)) == expected


#: An act noun with its agent in "par" and its target in the genitive, in either order.
NOMINAL_AGENT = [
    (
        "La condamnation du Togo par le Kenya a été votée sans débat.",
        {("KE", "opposes", "TG", "asserted")},
    ),
    (
        "Le désaveu d'Omar Haddad par le Parti radical a surpris ses proches.",
        {("org:radical", "opposes", "person:haddad", "asserted")},
    ),
    (
        "La ratification par le Bénin du pacte de Lomé a eu lieu hier.",
        {("BJ", "signs", "agr:lome", "asserted")},
    ),
    (
        "L'approbation du pacte de Lomé par l'Ouganda reste incertaine.",
        {("UG", "supports", "agr:lome", "asserted")},
    ),
    # no agent: the noun alone says nothing about who
    ("La condamnation du Togo a été votée sans débat.", set()),
    ("La ratification du pacte de Lomé a eu lieu hier.", set()),
    # no genitive target
    ("Le rejet par le Kenya a été annoncé à Kampala.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NOMINAL_AGENT, ids=case_ids(NOMINAL_AGENT))
def test_act_noun_with_agent(extract, text, expected):
    assert facts(extract(text)) == expected


#: A stated stance: "exprimer son opposition à", "prendre position contre".
STATEMENTS = [
    (
        "Le Bénin a réitéré son opposition au pacte de Lomé.",
        {("BJ", "opposes", "agr:lome", "asserted")},
    ),
    (
        "Omar Haddad a exprimé son hostilité à Claire Dumas.",
        {("person:haddad", "opposes", "person:dumas", "asserted")},
    ),
    (
        "Claire Dumas a pris position contre le Parti radical.",
        {("person:dumas", "opposes", "org:radical", "asserted")},
    ),
    (
        "Claire Dumas a pris position pour le Parti radical.",
        {("person:dumas", "supports", "org:radical", "asserted")},
    ),
    # no target entity
    ("Le Bénin a réitéré son opposition à la réforme.", set()),
    ("Claire Dumas a pris position contre la hausse des prix.", set()),
    # no opposition noun: a plain statement
    ("Le Bénin a réitéré sa confiance dans le Togo.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STATEMENTS, ids=case_ids(STATEMENTS))
def test_stance_statements(extract, text, expected):
    assert facts(extract(text)) == expected


#: Signing: a document the entity component types as an event ("la déclaration"), a
#: signatory role noun fronted by "parmi", a headline's rubric before a colon.
SIGNING = [
    (
        "Claire Dumas n'a pas voulu signer la déclaration commune.",
        {("person:dumas", "signs", "event:declaration", "negated")},
    ),
    (
        "Omar Haddad a signé la pétition des riverains.",
        {("person:haddad", "signs", "event:petition", "asserted")},
    ),
    # an event that is no document is not signed
    ("Omar Haddad a signé une belle victoire à Kampala.", set()),
    (
        "Parmi les signataires du pacte de Lomé figurent le Togo et le Bénin.",
        {("TG", "signs", "agr:lome", "asserted"), ("BJ", "signs", "agr:lome", "asserted")},
    ),
    (
        "Parmi les signataires du pacte de Lomé, on compte le Kenya.",
        {("KE", "signs", "agr:lome", "asserted")},
    ),
    # "parmi" after the verb: the subject holds the role, as before
    (
        "Le Kenya figure parmi les signataires du pacte de Lomé.",
        {("KE", "signs", "agr:lome", "asserted")},
    ),
    # a rubric before the colon is no subject of the headline's verb
    (
        "Ouganda : le Parti radical refuse de signer le pacte de Lomé",
        {("org:radical", "signs", "agr:lome", "negated")},
    ),
    (
        "Le Togo : le Parti radical a signé le pacte de Lomé",
        {("org:radical", "signs", "agr:lome", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIGNING, ids=case_ids(SIGNING))
def test_signing(extract, text, expected):
    assert facts(extract(text)) == expected


#: Approving or backing someone's fall is opposing them; approving their candidacy supports
#: them.
OUSTER = [
    (
        "Le Parti radical a approuvé la destitution de Claire Dumas.",
        {("org:radical", "opposes", "person:dumas", "asserted")},
    ),
    # an institution's act on someone is no stance
    ("Le tribunal de Kampala a ordonné l'arrestation d'Omar Haddad.", set()),
    (
        "Le Parti radical a approuvé la candidature de Claire Dumas.",
        {("org:radical", "supports", "person:dumas", "asserted")},
    ),
    ("Le Parti radical a approuvé la destitution du gouvernement.", set()),
    # a phrase of the list ("mise en accusation"), whichever word holds the genitive
    (
        "Le Parti radical a voté la mise en accusation de Claire Dumas.",
        {("org:radical", "opposes", "person:dumas", "asserted")},
    ),
    (
        "Le Kenya a approuvé la mise à l'écart d'Omar Haddad.",
        {("KE", "opposes", "person:haddad", "asserted")},
    ),
    ("Le Kenya a approuvé la mise en service du port de Kampala.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OUSTER, ids=case_ids(OUSTER))
def test_approved_ouster(extract, text, expected):
    assert facts(extract(text)) == expected


#: A meeting named by a noun in a time phrase ("lors de sa rencontre avec Y, X a …"): the
#: clause's subject met the "avec" complement.
MEETING_PHRASES = [
    (
        "Lors de son entretien avec Omar Haddad, Claire Dumas a parlé du Togo.",
        {("person:dumas", "meetsWith", "person:haddad", "asserted")},
    ),
    (
        "Claire Dumas a parlé du Togo lors d'une rencontre avec Omar Haddad.",
        {("person:dumas", "meetsWith", "person:haddad", "asserted")},
    ),
    (
        "Après son déjeuner avec Omar Haddad, Claire Dumas a quitté Kampala.",
        {("person:dumas", "meetsWith", "person:haddad", "asserted")},
    ),
    # no one met: a meeting with nobody named, or a phrase that is no time phrase
    ("Lors de la réunion, Claire Dumas a parlé avec des élus.", set()),
    ("Claire Dumas a parlé de sa rencontre avec la presse.", set()),
    ("Claire Dumas a parlé de sa rencontre avec Omar Haddad.", set()),
]


@pytest.mark.parametrize(("text", "expected"), MEETING_PHRASES, ids=case_ids(MEETING_PHRASES))
def test_meeting_phrases(extract, text, expected):
    assert facts(extract(text)) == expected


#: A speaker's own pronoun is the speaker: "je"/"nous" in their words, "il"/"elle" as the
#: subject of the clause their reporting verb introduces.
SPEAKERS = [
    (
        "« Nous soutenons le Bénin », a déclaré Claire Dumas.",
        {("person:dumas", "supports", "BJ", "asserted")},
    ),
    (
        "« Je condamne Omar Haddad », a dit Claire Dumas.",
        {("person:dumas", "opposes", "person:haddad", "asserted")},
    ),
    (
        "Le Kenya a affirmé qu'il soutient le Bénin.",
        {("KE", "supports", "BJ", "asserted")},
    ),
    (
        "Claire Dumas a expliqué : « nous avons signé le pacte de Lomé ».",
        {("person:dumas", "signs", "agr:lome", "asserted")},
    ),
    # a body says no "je"
    ("« Je soutiens le Bénin », a déclaré le Kenya.", set()),
    # a third person inside a quote is someone else
    ("« Il soutient le Bénin », a déclaré Claire Dumas.", set()),
    # a named subject of the reported clause is its subject, not the speaker
    (
        "Claire Dumas a dit qu'Omar Haddad soutenait le Bénin.",
        {("person:haddad", "supports", "BJ", "asserted")},
    ),
    # no speaker: the pronoun names nobody
    ("« Nous soutenons le Bénin », lit-on sur une banderole.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS, ids=case_ids(SPEAKERS))
def test_speaker_pronouns(extract, text, expected):
    assert facts(extract(text)) == expected
