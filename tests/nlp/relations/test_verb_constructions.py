"""Verb-driven constructions (kg/nlp/syntax.py argument reading, relations.json ``verb_frames``):
passive agents, relative clauses and incises between a verb and its arguments, coordinated
verbs, lists, and the modality each keeps. One table per construction, with negative cases.

The sentences are written for these tests; mentions are given by hand (surface -> entity), so
the tables check the argument reading alone, whatever the entity component makes of them.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from test_stance_frames import ENTITIES as STANCE_ENTITIES

from kg.model import Relation

pytestmark = pytest.mark.slow

#: The stance tables' entities, and a few more.
ENTITIES: dict[str, tuple[str, str, str]] = {
    **STANCE_ENTITIES,
    "Estonie": ("EE", "Country", "name"),
    "Parti radical": ("org:parti-radical", "Organization", "name"),
    "accord de Genève": ("agr:geneve", "Agreement", "name"),
    "Oslo": ("place:oslo", "Place", "name"),
}

#: The predicates these tables look at (titles, places and speech are tested elsewhere).
VERBAL = {"signs", "supports", "opposes", "meetsWith", "joins", "memberOf", "pledgesTo", "leads"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


def facts(relations: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in relations if r.predicate in VERBAL}


#: "X a été signé par A, B et C": the agent list signs; a non-agent "par" phrase does not.
PASSIVES = [
    (
        "Le traité de Lima a été signé par le Canada, la Norvège et le Japon.",
        {("CA", "signs", "agr:lima"), ("NO", "signs", "agr:lima"), ("JP", "signs", "agr:lima")},
    ),
    (
        "Le traité de Lima, ratifié par quinze États, dont le Ghana et le Niger, entre en "
        "vigueur lundi.",
        {("GH", "signs", "agr:lima"), ("NE", "signs", "agr:lima")},
    ),
    (
        "Le Parti vert est soutenu par le Parti radical et la Ligue arabe.",
        {
            ("org:parti-radical", "supports", "org:parti-vert"),
            ("LAS", "supports", "org:parti-vert"),
        },
    ),
    (
        "L'accord de Genève a été rejeté par le Mali et le Niger.",
        {("ML", "opposes", "agr:geneve"), ("NE", "opposes", "agr:geneve")},
    ),
    ("Le Mali a été condamné par l'ONU.", {("UN", "opposes", "ML")}),
    (
        "Le traité de Lima a été approuvé par le Parti radical.",
        {("org:parti-radical", "supports", "agr:lima")},
    ),
    (
        "Le traité de Lima, paraphé en 2010 par le Pérou et ratifié depuis par le Chili, "
        "reste contesté.",
        {("PE", "signs", "agr:lima"), ("CL", "signs", "agr:lima")},
    ),
    (
        "Soutenu par le Parti vert, Jonas Berg a remporté la victoire.",
        {("org:parti-vert", "supports", "person:berg")},
    ),
    (
        "Le traité de Lima a été signé lundi par les représentants du Canada et du Japon.",
        {("CA", "signs", "agr:lima"), ("JP", "signs", "agr:lima")},
    ),
    ("Le traité de Lima a été signé en présence du Canada.", set()),
    ("Le traité de Lima a été signé par des juristes du Canada.", set()),
    ("Le traité de Lima a été négocié par le Pérou.", set()),
    (
        "Le Parti vert, composé de militants et soutenu par la Ligue arabe, a rejeté le "
        "traité de Lima.",
        {
            ("LAS", "supports", "org:parti-vert"),
            ("org:parti-vert", "opposes", "agr:lima"),
        },
    ),
    # "être" verbs are active: the subject enters, nobody is an agent
    ("L'Estonie est entrée dans l'OTAN en 2004.", {("EE", "joins", "NATO")}),
    ("L'Estonie est passée par l'OTAN.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PASSIVES, ids=case_ids(PASSIVES))
def test_passive_agents(extract, text, expected):
    assert facts(extract(text)) == expected


#: A relative clause or an incise between subject and verb keeps the main subject; the
#: relative's own verb takes its antecedent ("qui", "que") as argument.
CLAUSES = [
    (
        "Le Canada, qui a longtemps hésité, a signé le traité de Lima.",
        {("CA", "signs", "agr:lima")},
    ),
    (
        "Le Canada, que le Japon avait critiqué, a signé le traité de Lima.",
        {("CA", "signs", "agr:lima"), ("JP", "opposes", "CA")},
    ),
    (
        "Le Canada a signé le traité de Lima que le Japon avait rejeté.",
        {("CA", "signs", "agr:lima"), ("JP", "opposes", "agr:lima")},
    ),
    (
        "Le Pérou a signé le traité de Lima, qui a été rejeté par le Chili.",
        {("PE", "signs", "agr:lima"), ("CL", "opposes", "agr:lima")},
    ),
    (
        "Le Pérou a critiqué le Chili, qui a signé le traité de Lima.",
        {("PE", "opposes", "CL"), ("CL", "signs", "agr:lima")},
    ),
    (
        "Marie Lenoir, que le Parti vert soutient, a critiqué Jonas Berg.",
        {
            ("org:parti-vert", "supports", "person:lenoir"),
            ("person:lenoir", "opposes", "person:berg"),
        },
    ),
    (
        "Le Mali, qui a rejoint l'Union africaine en 1963, soutient le Niger.",
        {("ML", "joins", "AU"), ("ML", "supports", "NE")},
    ),
    (
        "Le Japon, lors d'une réunion à Oslo, a condamné le Mali.",
        {("JP", "opposes", "ML")},
    ),
    (
        "Le ministre, Paul Girard, a rencontré hier, à Oslo, Anna Kowalski.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    (
        "La Norvège, qui est membre de l'OTAN, a condamné le Mali.",
        {("NO", "memberOf", "NATO"), ("NO", "opposes", "ML")},
    ),
    ("L'Islande est devenue membre de l'OTAN.", {("IS", "memberOf", "NATO")}),
    # a complementizer "que" is no relative: nothing is its object
    ("Le Canada, dit-on, estime que le Japon soutient.", set()),
    ("Paul Girard a expliqué au Canada que le Japon hésitait.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES, ids=case_ids(CLAUSES))
def test_clauses_between_verb_and_arguments(extract, text, expected):
    assert facts(extract(text)) == expected


#: Coordinated verbs, gerunds and "après avoir" clauses share their subject; a second clause
#: with its own subject does not.
COORDINATED = [
    (
        "Paul Girard a rencontré Anna Kowalski puis a signé le traité de Lima.",
        {("person:girard", "meetsWith", "person:kowalski"), ("person:girard", "signs", "agr:lima")},
    ),
    (
        "Le Japon a signé le traité de Lima, a rejoint l'OTAN et a condamné le Mali.",
        {("JP", "signs", "agr:lima"), ("JP", "joins", "NATO"), ("JP", "opposes", "ML")},
    ),
    ("En signant le traité de Lima, le Canada a surpris le Japon.", {("CA", "signs", "agr:lima")}),
    (
        "Après avoir rencontré Anna Kowalski, Paul Girard a quitté Oslo.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    (
        "Le Japon a rejoint l'OTAN tandis que le Canada a quitté l'Union africaine.",
        {("JP", "joins", "NATO"), ("CA", "memberOf", "AU")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED, ids=case_ids(COORDINATED))
def test_coordinated_verbs(extract, text, expected):
    assert facts(extract(text)) == expected


#: The fact keeps the clause's modality through every construction.
MODALITY = [
    ("Le traité de Lima n'a pas été signé par le Mali.", "signs", "negated"),
    ("Le Canada n'ayant pas ratifié le traité de Lima, le texte reste bloqué.", "signs", "negated"),
    ("Le Canada a refusé de signer le traité de Lima.", "signs", "negated"),
    ("Le Canada devrait signer le traité de Lima.", "signs", "expected"),
    ("Le Canada s'apprête à ratifier le traité de Lima.", "signs", "planned"),
    ("Le Japon ne livrera pas d'armes au Mali.", "pledgesTo", "negated"),
    ("Le Canada, qui avait refusé de signer le traité de Lima, hésite.", "signs", "negated"),
    ("Le Mali n'ayant pas ratifiée l'accord de Genève, l'ONU hésite.", "signs", "negated"),
    ("Le Japon a menacé de quitter l'OTAN.", "memberOf", "possible"),
    ("Le Japon hésite à signer le traité de Lima.", "signs", "possible"),
    ("Le Japon a demandé à rejoindre l'OTAN.", "joins", "planned"),
    ("Le Japon a accepté de signer le traité de Lima.", "signs", "asserted"),
    ("Le Japon n'exclut pas de quitter l'OTAN.", "memberOf", "possible"),
    ("Le Japon exclut de quitter l'OTAN.", "memberOf", "negated"),
    # a regular future the tagger reads as a participle; a simple past is no future
    ("La Norvège rejoindra l'OTAN.", "joins", "planned"),
    ("Le Canada signera le traité de Lima.", "signs", "planned"),
    ("En 1990, le Canada signa le traité de Lima.", "signs", "asserted"),
]


@pytest.mark.parametrize(("text", "predicate", "modality"), MODALITY, ids=case_ids(MODALITY))
def test_modality(extract, text, predicate, modality):
    (relation,) = [r for r in extract(text) if r.predicate == predicate]
    assert relation.modality == modality


#: Verb classes as data: each class in its other French forms (prepositional, light verb +
#: noun, present tense the lemmatizer leaves as written), with look-alikes that are not.
LEXICON = [
    ("Le Japon a sanctionné le Mali.", {("JP", "opposes", "ML")}),
    (
        "Le Parti vert milite contre l'accord de Genève.",
        {("org:parti-vert", "opposes", "agr:geneve")},
    ),
    ("Le Japon lutte contre le Front de libération.", {("JP", "opposes", "org:front")}),
    ("Le Japon lutte contre la corruption.", set()),
    ("Le Japon a donné son feu vert au traité de Lima.", {("JP", "supports", "agr:lima")}),
    ("Le Japon a renouvelé son soutien au Mali.", {("JP", "supports", "ML")}),
    ("Le Japon a renouvelé son appel au Mali.", set()),
    (
        "Paul Girard a eu un entretien avec Anna Kowalski à Oslo.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    ("Paul Girard a dîné avec Jonas Berg.", {("person:girard", "meetsWith", "person:berg")}),
    ("Paul Girard a eu raison de Jonas Berg.", set()),
    ("Le Parti vert participe à l'Union africaine.", {("org:parti-vert", "joins", "AU")}),
    ("Le Parti vert a rallié l'Union africaine.", {("org:parti-vert", "joins", "AU")}),
    ("Le Mali a adhéré à l'accord de Genève.", {("ML", "signs", "agr:geneve")}),
    ("Le Japon a cosigné le traité de Lima.", {("JP", "signs", "agr:lima")}),
    ("Le Japon signe le traité de Lima.", {("JP", "signs", "agr:lima")}),
    (
        "Le Japon a apporté une aide de cinq millions d'euros au Mali.",
        {("JP", "pledgesTo", "ML")},
    ),
    ("Le Japon a apporté son soutien au Mali.", {("JP", "supports", "ML")}),
    ("L'ONU a confié le pouvoir à Jonas Berg.", {("UN", "pledgesTo", "person:berg")}),
    ("Le Japon a rendu visite à Jonas Berg.", {("JP", "meetsWith", "person:berg")}),
    ("Il revient à l'ONU de trancher.", set()),
    ("Le Japon a réitéré son soutien au Mali.", {("JP", "supports", "ML")}),
]


@pytest.mark.parametrize(("text", "expected"), LEXICON, ids=case_ids(LEXICON))
def test_verb_lexicon(extract, text, expected):
    assert facts(extract(text)) == expected


#: Lists: one relation per member, whether the list follows a group noun ("dont",
#: "parmi lesquels", "notamment") or a role the parser reads as an adjective ("membres").
LISTS = [
    (
        "Les pays membres de l'OTAN, dont le Canada et la Norvège, hésitent encore.",
        {("CA", "memberOf", "NATO"), ("NO", "memberOf", "NATO")},
    ),
    (
        "Plusieurs États membres de l'Union africaine, parmi lesquels le Mali et le Niger, ont "
        "rejeté l'accord de Genève.",
        {
            ("ML", "memberOf", "AU"),
            ("NE", "memberOf", "AU"),
            ("ML", "opposes", "agr:geneve"),
            ("NE", "opposes", "agr:geneve"),
        },
    ),
    (
        "Plusieurs pays, notamment le Canada et le Japon, ont signé le traité de Lima.",
        {("CA", "signs", "agr:lima"), ("JP", "signs", "agr:lima")},
    ),
    (
        "L'Union africaine est composée du Mali, du Niger et du Ghana.",
        {("ML", "memberOf", "AU"), ("NE", "memberOf", "AU"), ("GH", "memberOf", "AU")},
    ),
    # "dont" opening a relative clause is no list
    ("La coalition, dont le Canada fait partie, a condamné le Mali.", set()),
    ("Les pays voisins de l'OTAN, dont le Canada, hésitent.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LISTS, ids=case_ids(LISTS))
def test_lists(extract, text, expected):
    assert facts(extract(text)) == expected


#: Election and appointment verbs: the bearer by voice, the verb's modality on the title.
APPOINTMENTS = [
    ("Marie Lenoir a été réélue présidente de l'Union africaine.", "asserted"),
    ("Le Parti vert a nommé Marie Lenoir présidente de l'Union africaine.", "asserted"),
    ("Marie Lenoir n'a pas été élue présidente de l'Union africaine.", "negated"),
    ("Marie Lenoir devrait être élue présidente de l'Union africaine dimanche.", "expected"),
    ("Marie Lenoir sera nommée présidente de l'Union africaine.", "planned"),
    ("Marie Lenoir est devenue présidente de l'Union africaine.", "asserted"),
]


@pytest.mark.parametrize(("text", "modality"), APPOINTMENTS, ids=case_ids(APPOINTMENTS))
def test_appointments(extract, text, modality):
    heads = [r for r in extract(text) if r.predicate == "headOf"]
    assert [(r.subject, r.object, r.modality) for r in heads] == [("person:lenoir", "AU", modality)]


def test_appointer_is_no_bearer(extract):
    text = "L'Union africaine a désigné Marie Lenoir à Oslo."
    assert [r for r in extract(text) if r.predicate == "headOf"] == []


#: A reflexive meeting or confrontation verb with no object relates its subject's members.
RECIPROCAL = [
    (
        "Paul Girard et Anna Kowalski se sont rencontrés à Oslo.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    (
        "Le Canada, le Japon et la Norvège se sont entretenus lundi.",
        {("CA", "meetsWith", "JP"), ("CA", "meetsWith", "NO"), ("JP", "meetsWith", "NO")},
    ),
    ("Le Canada et le Japon se sont affrontés lundi.", {("CA", "opposes", "JP")}),
    ("Paul Girard s'est rendu à Oslo.", set()),
    ("Paul Girard s'est réuni lundi à Oslo.", set()),
    ("Le Canada et le Japon se sont rapprochés.", set()),
]


@pytest.mark.parametrize(("text", "expected"), RECIPROCAL, ids=case_ids(RECIPROCAL))
def test_reciprocal_meetings(extract, text, expected):
    assert facts(extract(text)) == expected
