"""Role titles, verb frames and offices handed out (kg/nlp/relations/titles.py, patterns.py,
offices.py), one table per construction with negative cases.

The sentences are written for these tests. Mentions are given by hand (a surface -> entity
table), so the tests check the relation patterns alone, whatever the entity component does.
The model runs with kg's sentence splitter, as in a build: a headline line is its own
sentence, and a sentence ends only after final punctuation.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, facts_of, sentence_extractor

from kg.model import Relation

pytestmark = pytest.mark.slow

#: surface -> (key, type, kind). Longer surfaces nest shorter ones where they overlap.
ENTITIES: dict[str, tuple[str, str, str]] = {
    "Paul Girard": ("person:girard", "Person", "name"),
    "Anna Kowalski": ("person:kowalski", "Person", "name"),
    "Marie Lenoir": ("person:lenoir", "Person", "name"),
    "Lech Walesa": ("person:walesa", "Person", "name"),
    "France": ("FR", "Country", "name"),
    "Italie": ("IT", "Country", "name"),
    "Canada": ("CA", "Country", "name"),
    "Japon": ("JP", "Country", "name"),
    "Russie": ("RU", "Country", "name"),
    "Chine": ("CN", "Country", "name"),
    "Norvège": ("NO", "Country", "name"),
    "Turquie": ("TR", "Country", "name"),
    "Hongrie": ("HU", "Country", "name"),
    "Pologne": ("PL", "Country", "name"),
    "Allemagne": ("DE", "Country", "name"),
    "polonais": ("PL", "Country", "demonym"),
    "américaine": ("US", "Country", "demonym"),
    "américain": ("US", "Country", "demonym"),
    "grec": ("GR", "Country", "demonym"),
    "OTAN": ("NATO", "Organization", "name"),
    "UMP": ("UMP", "Organization", "name"),
    "Union européenne": ("EU", "Organization", "name"),
    "Commission européenne": ("EC", "Organization", "name"),
    "Parlement européen": ("EP", "Organization", "name"),
    "Cour pénale internationale": ("ICC", "Organization", "name"),
    "Cour suprême": ("org:cour-supreme", "Organization", "name"),
    "Amnesty International": ("AI", "Organization", "name"),
    "équipe de France": ("org:equipe-de-france", "Organization", "name"),
    "Renault": ("org:renault", "Organization", "name"),
    "coalition": ("org:coalition", "Organization", "nominal"),
    "délégation": ("org:delegation", "Organization", "nominal"),
    "mission": ("org:mission", "Organization", "nominal"),
    "ministère de la Culture": ("org:culture", "Organization", "name"),
    "accord de Paris": ("agr:paris", "Agreement", "name"),
    "sommet": ("event:sommet", "Event", "nominal"),
    "conférence": ("event:conference", "Event", "nominal"),
    "Ohio": ("place:ohio", "Place", "name"),
    "Lyon": ("place:lyon", "Place", "name"),
    "Bruxelles": ("place:bruxelles", "Place", "name"),
    "Genève": ("place:geneve", "Place", "name"),
    "Rome": ("place:rome", "Place", "name"),
}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


def facts(relations: list[Relation]) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) of the scored predicates (reporting ones left out)."""
    return {
        (r.subject, r.predicate, r.object)
        for r in relations
        if r.predicate not in {"said", "reportedBy"}
    }


#: Roles beyond president and minister, in every position, mapped as the guide says.
ROLES = [
    # legislators: the chamber they sit in; a party named bare is their party
    (
        "Marie Lenoir, députée du Parlement européen, a défendu le texte.",
        {("person:lenoir", "worksFor", "EP")},
    ),
    ("Le député UMP Paul Girard a quitté l'hémicycle.", {("person:girard", "memberOf", "UMP")}),
    # local executives head a place, a region as well as a city
    (
        "La gouverneure de l'Ohio, Anna Kowalski, a promulgué la loi.",
        {("person:kowalski", "headOf", "place:ohio")},
    ),
    (
        "Le maire de Lyon Paul Girard inaugure la ligne.",
        {("person:girard", "headOf", "place:lyon")},
    ),
    # diplomats work for the state they represent, not the one they are posted in
    (
        "L'ambassadeur de France en Italie, Paul Girard, a été rappelé.",
        {("person:girard", "worksFor", "FR")},
    ),
    ("L'ambassadeur en Italie, Paul Girard, a été rappelé.", set()),
    # spokespeople, officials, justice, research, sport
    ("Paul Girard, porte-parole de l'OTAN, a démenti.", {("person:girard", "worksFor", "NATO")}),
    (
        "Le juge de la Cour suprême, M. Paul Girard, s'est récusé.",
        {("person:girard", "worksFor", "org:cour-supreme")},
    ),
    (
        "Mme Anna Kowalski, procureure de la Cour pénale internationale, a ouvert une enquête.",
        {("person:kowalski", "worksFor", "ICC")},
    ),
    (
        "L'une des chercheuses d'Amnesty International, Marie Lenoir, a publié le rapport.",
        {("person:lenoir", "worksFor", "AI")},
    ),
    ("Les chercheuses d'Amnesty International ont publié le rapport.", set()),
    (
        "Le sélectionneur de l'équipe de France, Paul Girard, a dévoilé sa liste.",
        {("person:girard", "worksFor", "org:equipe-de-france")},
    ),
    (
        "Le président-directeur général de Renault, Paul Girard, quitte son poste.",
        {("person:girard", "headOf", "org:renault")},
    ),
    # a chief of staff works for the army's state; he does not head the country
    (
        "Le chef d'état-major américain, Paul Girard, a visité la base.",
        {("person:girard", "worksFor", "US")},
    ),
    (
        "La secrétaire d'État américaine Anna Kowalski a pris la parole.",
        {("person:kowalski", "ministerOf", "US")},
    ),
    # a role noun that is not a title here
    ("Il faut conseiller l'OTAN sur ce point, a dit Paul Girard.", set()),
    ("Le responsable a rencontré des habitants de Lyon.", set()),
    # a second role noun ends the first one's holder
    (
        "Paul Girard, responsable de l'OTAN et spécialiste de la Russie, a parlé.",
        {("person:girard", "worksFor", "NATO")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLES, ids=case_ids(ROLES))
def test_role_titles(extract, text, expected):
    assert facts(extract(text)) == expected


#: Former roles are facts about the past: kept, asserted, marked ``former``.
FORMER = [
    ("L'ancien président polonais Lech Walesa a donné une conférence.", ("person:walesa", "PL")),
    ("L'ex-députée du Parlement européen Marie Lenoir a témoigné.", ("person:lenoir", "EP")),
]


@pytest.mark.parametrize(("text", "pair"), FORMER, ids=case_ids(FORMER))
def test_former_roles(extract, text, pair):
    (relation,) = [r for r in extract(text) if (r.subject, r.object) == pair]
    assert relation.attributes.get("former") is True
    assert relation.modality == "asserted"


def test_current_role_is_not_former(extract):
    (relation,) = extract("Le président polonais Lech Walesa a donné une conférence.")
    assert "former" not in relation.attributes


#: Verb frames: opposes, supports, meetsWith, signs (passive), memberOf, leads, participatesIn.
FRAMES = [
    (
        "La Russie et la Chine ont bloqué les initiatives de l'OTAN.",
        {("RU", "opposes", "NATO"), ("CN", "opposes", "NATO")},
    ),
    ("La Russie a bloqué la route pendant deux jours.", set()),
    (
        "Le Canada a voté contre la résolution de l'Union européenne.",
        {("CA", "opposes", "EU")},
    ),
    ("La Norvège s'oppose à la Turquie sur ce dossier.", {("NO", "opposes", "TR")}),
    (
        "La Hongrie a mis son veto à la proposition de la Commission européenne.",
        {("HU", "opposes", "EC")},
    ),
    ("Le Japon a salué la décision de l'Union européenne.", {("JP", "supports", "EU")}),
    ("Le Canada a voté pour la résolution de l'OTAN.", {("CA", "supports", "NATO")}),
    ("Le Canada a voté dimanche à Rome.", set()),
    (
        "Paul Girard a rencontré Anna Kowalski à Rome.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    (
        "Paul Girard s'est entretenu avec Anna Kowalski.",
        {("person:girard", "meetsWith", "person:kowalski")},
    ),
    (
        "L'accord de Paris a été signé par le Canada et le Japon.",
        {("CA", "signs", "agr:paris"), ("JP", "signs", "agr:paris")},
    ),
    (
        "La coalition est composée de la France, de l'Allemagne et de l'Italie.",
        {
            ("FR", "memberOf", "org:coalition"),
            ("DE", "memberOf", "org:coalition"),
            ("IT", "memberOf", "org:coalition"),
        },
    ),
    (
        "La délégation comprend la France et l'Italie.",
        {("FR", "memberOf", "org:delegation"), ("IT", "memberOf", "org:delegation")},
    ),
    ("Le rapport est composé de trois parties.", set()),
    (
        "L'Union européenne a organisé un sommet à Bruxelles.",
        {("EU", "leads", "event:sommet"), ("event:sommet", "locatedIn", "place:bruxelles")},
    ),
    (
        "La conférence s'est tenue à Genève en présence de l'OTAN et de l'Union européenne.",
        {
            ("event:conference", "locatedIn", "place:geneve"),
            ("NATO", "participatesIn", "event:conference"),
            ("EU", "participatesIn", "event:conference"),
        },
    ),
    (
        "L'OTAN a lancé la mission avec le soutien du Canada.",
        {("CA", "supports", "NATO")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRAMES, ids=case_ids(FRAMES))
def test_verb_frames(extract, text, expected):
    assert facts(extract(text)) == expected


HEAD = "Italie : le nouveau gouvernement\n\n"

#: Offices handed out by allocation verbs; the country from the office phrase or headline.
OFFICES = [
    (HEAD + "Le portefeuille de l'Intérieur revient à Paul Girard.", "person:girard", "IT"),
    (
        HEAD + "Le poste de ministre des Finances a été confié à Anna Kowalski.",
        "person:kowalski",
        "IT",
    ),
    (HEAD + "Marie Lenoir obtient la Justice.", "person:lenoir", "IT"),
    ("Paul Girard récupère le ministère grec de la Santé.", "person:girard", "GR"),
    (HEAD + "Le ministère de la Culture revient à Paul Girard.", "person:girard", "IT"),
]


@pytest.mark.parametrize(("text", "person", "country"), OFFICES, ids=case_ids(OFFICES))
def test_offices_handed_out(extract, text, person, country):
    found = {(r.subject, r.predicate, r.object) for r in extract(text)}
    assert (person, "ministerOf", country) in found


NOT_OFFICES = [
    HEAD + "Paul Girard reçoit des drones.",
    HEAD + "Le poste de Premier ministre revient à Anna Kowalski.",
    "Le portefeuille de l'Intérieur revient à Paul Girard.",  # no country anywhere
]


@pytest.mark.parametrize("text", NOT_OFFICES, ids=case_ids([(t,) for t in NOT_OFFICES]))
def test_not_offices(extract, text):
    assert not [r for r in extract(text) if r.predicate == "ministerOf"]


#: The headline country stands for a minister's country, unless he is visiting.
HEADLINE = [
    (
        "Italie : un budget serré\n\nLe ministre du Budget, Paul Girard, a présenté son plan.",
        {("person:girard", "ministerOf", "IT")},
    ),
    (
        "Italie : une visite\n\nLe ministre des Finances, Paul Girard, est attendu à Rome.",
        set(),
    ),
    # a first line that ends as a sentence does is no headline
    (
        "Italie : un budget serré.\n\nLe ministre du Budget, Paul Girard, a présenté son plan.",
        set(),
    ),
    ("Le ministre du Budget, Paul Girard, a présenté son plan en Italie.", set()),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINE, ids=case_ids(HEADLINE))
def test_headline_country(extract, text, expected):
    assert facts(extract(text)) == expected
    for relation in extract(text):
        assert relation.attributes.get("country_inferred") is True


#: A stated role in a body leaves the headline country's minister; one in another country
#: does not.
HEADLINE_AND_ROLE = [
    (
        "Italie : un budget serré\n\nLe ministre du Budget, Paul Girard, a présenté son plan. "
        "Paul Girard, ancien président de Renault, a répondu aux syndicats.",
        {("person:girard", "ministerOf", "IT"), ("person:girard", "headOf", "org:renault")},
    ),
    (
        "Italie : un budget serré\n\nLe ministre du Budget, Paul Girard, a présenté son plan. "
        "Paul Girard, le ministre polonais des Finances, a répondu aux syndicats.",
        {("person:girard", "ministerOf", "PL")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADLINE_AND_ROLE, ids=case_ids(HEADLINE_AND_ROLE))
def test_headline_country_and_stated_role(extract, text, expected):
    assert facts_of(extract(text), {"ministerOf", "headOf"}) == expected
