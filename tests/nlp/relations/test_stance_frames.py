"""Verb frames of stance, meeting, membership, gifts and elections (relations.json
``verb_frames`` / ``noun_frames`` read by kg/nlp/relations/patterns.py), one table per
construction, each with negative cases.

The sentences are written for these tests; mentions are given by hand (surface -> entity), so
the tables check the frames and the argument reading alone (titled arguments, lists,
genitives), whatever the entity component makes of the sentence.
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
    "Pérou": ("PE", "Country", "name"),
    "Chili": ("CL", "Country", "name"),
    "Canada": ("CA", "Country", "name"),
    "Norvège": ("NO", "Country", "name"),
    "Japon": ("JP", "Country", "name"),
    "Mali": ("ML", "Country", "name"),
    "Niger": ("NE", "Country", "name"),
    "Bolivie": ("BO", "Country", "name"),
    "Ghana": ("GH", "Country", "name"),
    "Islande": ("IS", "Country", "name"),
    "Suède": ("SE", "Country", "name"),
    "suédois": ("SE", "Country", "demonym"),
    "OTAN": ("NATO", "Organization", "name"),
    "ONU": ("UN", "Organization", "name"),
    "Union africaine": ("AU", "Organization", "name"),
    "Banque mondiale": ("WB", "Organization", "name"),
    "Parti vert": ("org:parti-vert", "Organization", "name"),
    "Ligue arabe": ("LAS", "Organization", "name"),
    "Conseil de l'Europe": ("COE", "Organization", "name"),
    "Front de libération": ("org:front", "Organization", "name"),
    "traité de Lima": ("agr:lima", "Agreement", "name"),
    "élection présidentielle": ("event:election", "Event", "nominal"),
    "Lima": ("place:lima", "Place", "name"),
    "Bamako": ("place:bamako", "Place", "name"),
}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


STANCE = {"opposes", "supports"}

#: Stance verbs; the object may be read through a stance noun's genitive, never through
#: another complement ("en Bolivie").
OPPOSES_SUPPORTS = [
    (
        "Le Pérou et le Chili rejettent toute intervention de l'OTAN en Bolivie.",
        {("PE", "opposes", "NATO"), ("CL", "opposes", "NATO")},
    ),
    (
        "Le Niger a condamné l'attaque du Front de libération contre Bamako.",
        {("NE", "opposes", "org:front")},
    ),
    (
        "Le Ghana a opposé son veto au projet de résolution de la Ligue arabe.",
        {("GH", "opposes", "LAS")},
    ),
    ("Le Canada a refusé le plan de l'Union africaine.", {("CA", "opposes", "AU")}),
    ("Le Canada a refusé de commenter.", set()),
    (
        "Le Parti vert soutient la candidature de Marie Lenoir.",
        {("org:parti-vert", "supports", "person:lenoir")},
    ),
    (
        "L'Union africaine a appelé à voter pour le candidat de la majorité, Jonas Berg.",
        {("AU", "supports", "person:berg")},
    ),
    ("Le Japon a voté en faveur du traité de Lima.", {("JP", "supports", "agr:lima")}),
    (
        "Le Parti vert a fait campagne pour Anna Kowalski.",
        {("org:parti-vert", "supports", "person:kowalski")},
    ),
    (
        "Le Mali a obtenu le soutien de la Banque mondiale.",
        {("WB", "supports", "ML")},
    ),
    ("Le Japon a voté dimanche à Lima.", set()),
    ("Le Canada soutient que la Norvège a tort.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OPPOSES_SUPPORTS, ids=case_ids(OPPOSES_SUPPORTS))
def test_opposes_supports(extract, text, expected):
    assert facts(extract(text), STANCE) == expected


def test_call_to_vote_is_asserted_support(extract):
    text = "L'Union africaine a appelé à voter pour Jonas Berg."
    (relation,) = [r for r in extract(text) if r.predicate == "supports"]
    assert relation.modality == "asserted"
    assert relation.attributes["trigger"] == "appeler"


def test_refused_support_is_negated(extract):
    (relation,) = [
        r
        for r in extract("Le Parti vert ne soutiendra pas Marie Lenoir.")
        if r.predicate == "supports"
    ]
    assert relation.modality == "negated"


#: A titled argument is the person its title names ("le sénateur vert Paul Girard").
TITLED = [
    (
        "Le sénateur écologiste Paul Girard a critiqué la Norvège.",
        {("person:girard", "opposes", "NO")},
    ),
    (
        "L'ancienne ministre Anna Kowalski a vivement critiqué le Canada.",
        {("person:kowalski", "opposes", "CA")},
    ),
    (
        "Le roi de Suède a reçu lundi à Lima la ministre suédoise de la Culture, Anna Kowalski.",
        set(),  # no named host: the king is nobody kg knows
    ),
    (
        "Paul Girard a reçu lundi à Lima la ministre suédoise de la Culture, Anna Kowalski.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), TITLED, ids=case_ids(TITLED))
def test_titled_arguments(extract, text, expected):
    assert facts(extract(text), STANCE | {"meetsWith"}) == expected


#: Meetings, admission, signatories, candidacies and elections.
OTHERS = [
    (
        "Paul Girard a rendu visite à Anna Kowalski à Lima.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    ("Paul Girard a rendu un rapport à Lima.", set()),
    ("L'Islande a été admise au Conseil de l'Europe.", {("IS", "joins", "COE")}),
    ("Le Conseil de l'Europe a admis l'Islande.", {("IS", "joins", "COE")}),
    (
        "Le Canada et la Norvège sont signataires du traité de Lima.",
        {("CA", "signs", "agr:lima"), ("NO", "signs", "agr:lima")},
    ),
    # an earlier mention that does not govern the subject is no member of its list
    (
        "Le Canada a quitté l'OTAN et la Norvège a signé le traité de Lima.",
        {("CA", "memberOf", "NATO"), ("NO", "signs", "agr:lima")},
    ),
    (
        "Marie Lenoir est candidate à l'élection présidentielle.",
        {("person:lenoir", "participatesIn", "event:election")},
    ),
    (
        "Jonas Berg a remporté l'élection présidentielle.",
        {("person:berg", "participatesIn", "event:election")},
    ),
    ("Jonas Berg a remporté le match à Lima.", set()),
    (
        "Jonas Berg, candidat du Parti vert, a voté.",
        {("person:berg", "memberOf", "org:parti-vert")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OTHERS, ids=case_ids(OTHERS))
def test_meetings_membership_elections(extract, text, expected):
    wanted = {"meetsWith", "joins", "signs", "participatesIn", "memberOf"}
    assert facts(extract(text), wanted) == expected


#: Gifts read from the receiver's side ("a reçu une aide du Japon"): only gift nouns.
GIFTS = [
    ("Le Mali a reçu une aide de cinq millions d'euros du Japon.", {("JP", "pledgesTo", "ML")}),
    ("Le Niger a obtenu un prêt de la Banque mondiale.", {("WB", "pledgesTo", "NE")}),
    ("Le Mali a reçu une lettre du Japon.", set()),
    ("Paul Girard a reçu le ministre du Japon.", set()),
    ("Le Japon a remis le pouvoir à Jonas Berg.", {("JP", "pledgesTo", "person:berg")}),
]


@pytest.mark.parametrize(("text", "expected"), GIFTS, ids=case_ids(GIFTS))
def test_gifts_from_the_receiver(extract, text, expected):
    assert facts(extract(text), {"pledgesTo"}) == expected


#: One list mechanism for every frame: subject lists the parser split, titled conjuncts.
LISTS = [
    (
        "Le Pérou, le Chili, la Norvège et le Japon ont condamné le Mali.",
        {
            ("PE", "opposes", "ML"),
            ("CL", "opposes", "ML"),
            ("NO", "opposes", "ML"),
            ("JP", "opposes", "ML"),
        },
    ),
    (
        "Paul Girard a rencontré lundi à Lima la ministre suédoise Anna Kowalski et "
        "le président du Mali Jonas Berg.",
        {
            ("person:girard", "meetsWith", "person:kowalski"),
            ("person:girard", "meetsWith", "person:berg"),
        },
    ),
    # a list that does not open the sentence and does not govern the subject
    (
        "Selon le Pérou, le Chili et la Norvège, le Japon a condamné le Mali.",
        {("JP", "opposes", "ML")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS, ids=case_ids(LISTS))
def test_lists(extract, text, expected):
    assert facts(extract(text), STANCE | {"meetsWith"}) == expected
