"""Person–organisation affiliation pairs, RELX-style: each sentence names one person and one
organisation, and says either how they are linked (worksFor, memberOf, headOf) or nothing
(a no-relation pair, which must stay unlinked). Titles with "à"/"chez", partitives and
former words before a title, misparsed objects, passive role nouns (kg/nlp/relations/).

The sentences are written for these tests; mentions are given by hand.
"""

from __future__ import annotations

import pytest
from _hand import sentence_extractor

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Sophie Marchand": ("person:marchand", "Person", "name"),
    "CNRS": ("org:cnrs", "Organization", "name"),
    "Oxfam": ("org:oxfam", "Organization", "name"),
    "Banque mondiale": ("org:bm", "Organization", "name"),
    "Croix-Rouge": ("org:cr", "Organization", "name"),
    "Airbus": ("org:airbus", "Organization", "name"),
    "Libération": ("org:liberation", "Organization", "name"),
    "coalition": ("org:coalition", "Organization", "nominal"),
}

P = "person:marchand"
AFFILIATIONS = {"worksFor", "memberOf", "headOf", "leads"}

PAIRS = [
    ("Sophie Marchand, chercheuse au CNRS, a publié une étude.", {(P, "worksFor", "org:cnrs")}),
    (
        "Sophie Marchand, journaliste à Libération, a posé la question.",
        {(P, "worksFor", "org:liberation")},
    ),
    ("Sophie Marchand, économiste chez Airbus, a commenté.", {(P, "worksFor", "org:airbus")}),
    ("Sophie Marchand, l'une des fondatrices d'Oxfam, a témoigné.", {(P, "memberOf", "org:oxfam")}),
    ("Sophie Marchand, ancienne employée d'Airbus, a témoigné.", {(P, "worksFor", "org:airbus")}),
    ("Sophie Marchand, qui dirige Oxfam, a présenté le rapport.", {(P, "headOf", "org:oxfam")}),
    ("Sophie Marchand a été nommée à la tête de la Croix-Rouge.", {(P, "headOf", "org:cr")}),
    ("Sophie Marchand prend la tête de la coalition.", {(P, "leads", "org:coalition")}),
    ("Sophie Marchand, avocate d'Oxfam, a plaidé.", {(P, "worksFor", "org:oxfam")}),
    # no-relation pairs
    ("Sophie Marchand a écrit à la Banque mondiale pour protester.", set()),
    ("Sophie Marchand est arrivée à Paris avec des représentants d'Airbus.", set()),
    ("Sophie Marchand, interrogée par Libération, a refusé de répondre.", set()),
    ("Sophie Marchand a critiqué la Banque mondiale dans un rapport.", set()),
    ("Sophie Marchand, invitée au CNRS, a donné une conférence.", set()),
    ("Selon Libération, Sophie Marchand quittera bientôt Paris.", set()),
]


#: Role nouns and appositions (kg/nlp/relations/titles.py, affiliation.py): staff
#: occupations, department heads as staff, a role after a copula the parser read as a verb,
#: "X, à la tête d'Y,".
ROLE_PAIRS = [
    ("Sophie Marchand, ingénieure chez Airbus, a témoigné.", {(P, "worksFor", "org:airbus")}),
    ("Sophie Marchand, juriste d'Oxfam, a témoigné.", {(P, "worksFor", "org:oxfam")}),
    ("Sophie Marchand, cadre de la Banque mondiale, a témoigné.", {(P, "worksFor", "org:bm")}),
    ("Sophie Marchand, vice-présidente d'Airbus, a parlé.", {(P, "worksFor", "org:airbus")}),
    ("Sophie Marchand, directrice financière d'Airbus, a parlé.", {(P, "worksFor", "org:airbus")}),
    (
        "Sophie Marchand, l'ancienne directrice de la communication d'Oxfam, a parlé.",
        {(P, "worksFor", "org:oxfam")},
    ),
    ("Sophie Marchand, numéro deux de la Croix-Rouge, a parlé.", {(P, "worksFor", "org:cr")}),
    ("Sophie Marchand est chercheuse au CNRS.", {(P, "worksFor", "org:cnrs")}),
    ("Sophie Marchand est directrice d'Oxfam.", {(P, "headOf", "org:oxfam")}),
    ("Sophie Marchand, à la tête d'Airbus depuis 2021, a parlé.", {(P, "headOf", "org:airbus")}),
    (
        "Sophie Marchand, au service de la Croix-Rouge depuis vingt ans, a parlé.",
        {(P, "worksFor", "org:cr")},
    ),
    # no-relation pairs
    ("Sophie Marchand, cliente d'Airbus, a porté plainte.", set()),
    ("Sophie Marchand a écrit au directeur financier d'Airbus.", set()),
    ("Sophie Marchand a été conseillée par Oxfam.", set()),
    ("Sophie Marchand a rencontré les ingénieurs d'Airbus.", set()),
    ("Sophie Marchand, à la tête de la liste, a critiqué Airbus.", set()),
]


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


@pytest.mark.parametrize(
    ("text", "expected"), PAIRS + ROLE_PAIRS, ids=[c[0][:48] for c in PAIRS + ROLE_PAIRS]
)
def test_affiliation_pairs(extract, text, expected):
    found = {
        (r.subject, r.predicate, r.object) for r in extract(text) if r.predicate in AFFILIATIONS
    }
    assert found == expected


def test_former_employee_is_marked(extract):
    (relation,) = [
        r
        for r in extract("Sophie Marchand, ancienne employée d'Airbus, a témoigné.")
        if r.predicate == "worksFor"
    ]
    assert relation.attributes.get("former") is True
