"""Affiliations of unseen news (kg/nlp/relations/titles.py, bearers.py, affiliation.py): one
table per construction, each with negative cases.

- scholars and scientists of an institution ("géologue de l'université de X"), never of a
  country a demonym names;
- representatives and delegates of a body or a country;
- two roles joined by "et" after one person's comma ("X, historienne et professeure à Y");
- a body's name in quotes after its kind noun ("présidente de l'association « Terre vive »");
- a plural title apposed to a list of people ("A et B, cofondateurs de Y": both);
- a person then "de", a kind noun and the body, with no comma ("X de l'ONG Y a dit");
- a party in brackets that opens with its article ("(Les Républicains)");
- an elided article a space cut from its apostrophe ("de l’ OMS", as some corpora print it);
- double mandates ("député-maire de X"), with a party named bare after them;
- "jusqu'alors président de X": a role that ended;
- a title conferred by a verb of succession or choice ("X succède à Y comme président de
  Z", "X a été reconduit comme directeur de Z"), and "travailler à" an organisation;
- an age between the person and the role ("X, 47 ans, directrice de Y");
- a country or a body apposed to "membre de" ("le Chili, pays membre de l'OCDE"), a
  party's figure, a member expelled ("exclu du parti").

The sentences are written for these tests; mentions are given by hand.
"""

from __future__ import annotations

import pytest
from _hand import sentence_extractor

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Lucie Ferrand": ("person:ferrand", "Person", "name"),
    "Omar Benali": ("person:benali", "Person", "name"),
    "université de Grenoble": ("org:ugrenoble", "Organization", "name"),
    "Institut Pasteur": ("org:pasteur", "Organization", "name"),
    "Unicef": ("org:unicef", "Organization", "name"),
    "FAO": ("org:fao", "Organization", "name"),
    "Les Républicains": ("org:lr", "Organization", "name"),
    "LR": ("org:lr", "Organization", "name"),
    "Sénat": ("org:senat", "Organization", "name"),
    "canadienne": ("Q16", "Country", "demonym"),
    "Canada": ("Q16", "Country", "name"),
    "Vannes": ("place:vannes", "Place", "name"),
    "Croix-Rouge": ("org:cr", "Organization", "name"),
    "Chili": ("Q298", "Country", "name"),
    "OCDE": ("org:ocde", "Organization", "name"),
    "Podemos": ("org:podemos", "Organization", "name"),
    "PS": ("org:ps", "Organization", "name"),
    "Parti vert": ("org:verts", "Organization", "name"),
    "Mercosur": ("org:mercosur", "Organization", "name"),
    "Terre vive": ("org:terrevive", "Organization", "name"),
    "Solaris": ("org:solaris", "Organization", "name"),
}

LF, OB = "person:ferrand", "person:benali"
ROLES = {"worksFor", "memberOf", "headOf", "ministerOf"}


@pytest.fixture(scope="module")
def facts():
    run = sentence_extractor(ENTITIES)

    def read(text: str) -> set[tuple[str, str, str]]:
        return {(r.subject, r.predicate, r.object) for r in run(text) if r.predicate in ROLES}

    return read


SCHOLARS = [
    (
        "Lucie Ferrand, géologue de l'université de Grenoble, a daté les roches.",
        {(LF, "worksFor", "org:ugrenoble")},
    ),
    (
        "Selon la virologue Lucie Ferrand, de l'Institut Pasteur, le risque baisse.",
        {(LF, "worksFor", "org:pasteur")},
    ),
    (
        "L'historienne de l'université de Grenoble Lucie Ferrand publie un livre.",
        {(LF, "worksFor", "org:ugrenoble")},
    ),
    # negative: a demonym is no employer, a topic after "de" is no body
    ("L'astronome canadienne Lucie Ferrand a observé la comète.", set()),
    ("Lucie Ferrand, sociologue du travail, a publié une enquête.", set()),
    ("Lucie Ferrand a écrit au géologue de l'université de Grenoble.", set()),
]

REPRESENTATIVES = [
    (
        "Le représentant de l'Unicef, Omar Benali, a visité le camp.",
        {(OB, "worksFor", "org:unicef")},
    ),
    (
        "Omar Benali, délégué de la FAO, a présenté le bilan.",
        {(OB, "worksFor", "org:fao")},
    ),
    (
        "La représentante du Canada, Lucie Ferrand, a pris la parole.",
        {(LF, "worksFor", "Q16")},
    ),
    # negative: plural representatives, and a person the representative met
    ("Les représentants de l'Unicef ont rencontré Omar Benali.", set()),
    ("Omar Benali a reçu un représentant de la FAO.", set()),
]

JOINED_ROLES = [
    (
        "Lucie Ferrand, historienne et professeure à l'université de Grenoble, a parlé.",
        {(LF, "worksFor", "org:ugrenoble")},
    ),
    (
        "Omar Benali, ancien pilote et président de la Croix-Rouge, a parlé.",
        {(OB, "headOf", "org:cr")},
    ),
    # negative: two people joined, not two roles of one person
    (
        "Lucie Ferrand, ses conseillers et le président de la Croix-Rouge ont parlé.",
        set(),
    ),
    (
        "Lucie Ferrand, Omar Benali et le président de la Croix-Rouge ont parlé.",
        set(),
    ),
]

BRACKETS_AND_MANDATES = [
    (
        "Le maire Omar Benali (Les Républicains) a signé l'arrêté.",
        {(OB, "memberOf", "org:lr")},
    ),
    (
        "Omar Benali, député-maire LR de Vannes, a signé l'arrêté.",
        {(OB, "headOf", "place:vannes"), (OB, "memberOf", "org:lr")},
    ),
    (
        "Selon le représentant de l\u2019 Unicef , Omar Benali, la crise dure.",
        {(OB, "worksFor", "org:unicef")},
    ),
    # negative: brackets that hold no party, a town named after a verb
    ("Le maire Omar Benali (Vannes) a signé l'arrêté.", set()),
    ("Omar Benali, député-maire, a quitté Vannes hier.", set()),
]


MEMBERS = [
    ("Le Chili, pays membre de l'OCDE, a signé l'accord.", {("Q298", "memberOf", "org:ocde")}),
    ("Le Chili, membre de l'OCDE, a signé l'accord.", {("Q298", "memberOf", "org:ocde")}),
    (
        "Le parti Podemos, membre de la Croix-Rouge, a répondu.",
        {("org:podemos", "memberOf", "org:cr")},
    ),
    (
        "Omar Benali, proche de Lucie Ferrand et membre du Parti vert, a voté.",
        {(OB, "memberOf", "org:verts")},
    ),
    ("Omar Benali, figure du Parti vert, a voté.", {(OB, "memberOf", "org:verts")}),
    ("Omar Benali, exclu du Parti vert en 2019, a voté.", {(OB, "memberOf", "org:verts")}),
    # negative: the member is the person a bare party qualifies, not the party; a country
    # that only neighbours a body's members
    ("La sénatrice PS, membre du Parti vert jadis, a voté.", set()),
    ("Le Chili, voisin du Mercosur, a signé l'accord.", set()),
]


QUOTED = [
    (
        "Lucie Ferrand, présidente de l'association « Terre vive », a dénoncé le projet.",
        {(LF, "headOf", "org:terrevive")},
    ),
    (
        'Omar Benali, membre du collectif "Terre vive", a dénoncé le projet.',
        {(OB, "memberOf", "org:terrevive")},
    ),
    (
        "Omar Benali, directeur de la société « Solaris », a signé le contrat.",
        {(OB, "headOf", "org:solaris")},
    ),
    # negative: a quoted word that is no body, a quote after a verb
    ("Omar Benali, président du jury, a qualifié de « scandale » le choix de Solaris.", set()),
    ("Le président a lu « Terre vive » devant Omar Benali.", set()),
]


@pytest.mark.parametrize(("text", "expected"), QUOTED)
def test_quoted_names(facts, text, expected):
    assert facts(text) == expected


LISTS = [
    (
        "Lucie Ferrand et Omar Benali, cofondateurs de Terre vive, ont pris la parole.",
        {(LF, "memberOf", "org:terrevive"), (OB, "memberOf", "org:terrevive")},
    ),
    (
        "Lucie Ferrand et Omar Benali, tous deux chercheurs à l'Institut Pasteur, ont parlé.",
        {(LF, "worksFor", "org:pasteur"), (OB, "worksFor", "org:pasteur")},
    ),
    # negative: a plural title that is no apposition, a list with a common noun in it
    ("Lucie Ferrand et Omar Benali ont rencontré les cofondateurs de Terre vive.", set()),
    ("Lucie Ferrand, ses amis et Omar Benali, chercheurs à l'Institut Pasteur, ont parlé.", set()),
    ("Lucie Ferrand et les chercheurs de l'Institut Pasteur ont parlé.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_lists(facts, text, expected):
    assert facts(text) == expected


DIRECT = [
    (
        "Omar Benali de l'association « Terre vive » a dénoncé le projet.",
        {(OB, "worksFor", "org:terrevive")},
    ),
    ("Lucie Ferrand de la société Solaris a présenté le bilan.", {(LF, "worksFor", "org:solaris")}),
    ("Lucie Ferrand du parti Podemos a présenté le bilan.", {(LF, "memberOf", "org:podemos")}),
    # a body's own name needs no kind noun
    ("Lucie Ferrand de l'Unicef a présenté le bilan.", {(LF, "worksFor", "org:unicef")}),
    # negative: a person who is a complement, a list that goes on, a phrase that goes on
    ("Le départ de Lucie Ferrand de l'Unicef a surpris.", set()),
    ("Lucie Ferrand de l'Unicef et Omar Benali ont présenté le bilan.", set()),
    ("Lucie Ferrand de l'Unicef à Genève a présenté le bilan.", set()),
    ("La lettre de Lucie Ferrand de la société Solaris a été lue.", set()),
    ("Lucie Ferrand de la société Solaris et Omar Benali ont présenté le bilan.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT)
def test_direct(facts, text, expected):
    assert facts(text) == expected


CONFERRED = [
    (
        "Omar Benali succède à Lucie Ferrand comme président de la Croix-Rouge.",
        {(OB, "headOf", "org:cr")},
    ),
    (
        "Lucie Ferrand a été reconduite comme directrice de l'Unicef.",
        {(LF, "headOf", "org:unicef")},
    ),
    (
        "Le bureau a choisi Lucie Ferrand comme présidente de la Croix-Rouge.",
        {(LF, "headOf", "org:cr")},
    ),
    (
        "Lucie Ferrand travaille à l'Institut Pasteur depuis 2015.",
        {(LF, "worksFor", "org:pasteur")},
    ),
    # negative: the title is someone else's, a town is no employer, a task is no body
    ("Lucie Ferrand a choisi le président de la Croix-Rouge comme témoin.", set()),
    ("Lucie Ferrand travaille à Vannes depuis 2015.", set()),
    ("Lucie Ferrand travaille à un accord avec l'Unicef.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CONFERRED)
def test_conferred(facts, text, expected):
    assert facts(text) == expected


AGES = [
    (
        "Lucie Ferrand, 47 ans, directrice de l'Unicef, a démissionné.",
        {(LF, "headOf", "org:unicef")},
    ),
    (
        "Omar Benali, âgé de 39 ans, salarié de la Croix-Rouge, a témoigné.",
        {(OB, "worksFor", "org:cr")},
    ),
    ("Omar Benali, 39 ans, maire de Vannes, a été réélu.", {(OB, "headOf", "place:vannes")}),
    # negative: an age and no role; a role that is another person's
    ("Omar Benali, 39 ans, a écrit à la directrice de l'Unicef.", set()),
    ("Omar Benali, 39 ans, et la directrice de l'Unicef ont parlé.", set()),
]


@pytest.mark.parametrize(("text", "expected"), AGES)
def test_ages(facts, text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), MEMBERS)
def test_members(facts, text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), SCHOLARS)
def test_scholars(facts, text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), REPRESENTATIVES)
def test_representatives(facts, text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), JOINED_ROLES)
def test_joined_roles(facts, text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), BRACKETS_AND_MANDATES)
def test_brackets_and_mandates(facts, text, expected):
    assert facts(text) == expected


def test_role_that_ended_is_marked_former():
    run = sentence_extractor(ENTITIES)
    rels = [
        r
        for r in run("Il remplace Omar Benali, jusqu'alors président du Sénat, au conseil.")
        if r.predicate == "headOf"
    ]
    assert [(r.subject, r.object, r.attributes.get("former")) for r in rels] == [
        (OB, "org:senat", True)
    ]
