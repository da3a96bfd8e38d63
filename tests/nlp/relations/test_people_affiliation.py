"""Person–organisation affiliation, RELX-style, for role nouns and appositions: each sentence
names one person and one organisation and says how they are linked (staff occupations,
department heads as staff, a role after a copula the parser read as a verb, "X, à la tête
d'Y,"), or nothing (a no-relation pair, which must stay unlinked).

The sentences are written for these tests; mentions are given by hand.
"""

from __future__ import annotations

import pytest
from _hand import sentence_extractor

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Inès Caron": ("person:caron", "Person", "name"),
    "Safran": ("org:safran", "Organization", "name"),
    "Unicef": ("org:unicef", "Organization", "name"),
    "Orange": ("org:orange", "Organization", "name"),
}

P = "person:caron"
AFFILIATIONS = {"worksFor", "memberOf", "headOf", "leads"}

PAIRS = [
    ("Inès Caron, ingénieure chez Safran, a témoigné.", {(P, "worksFor", "org:safran")}),
    ("Inès Caron, juriste de l'Unicef, a témoigné.", {(P, "worksFor", "org:unicef")}),
    ("Inès Caron, cadre d'Orange, a témoigné.", {(P, "worksFor", "org:orange")}),
    ("Inès Caron, vice-présidente de Safran, a parlé.", {(P, "worksFor", "org:safran")}),
    ("Inès Caron, directrice financière d'Orange, a parlé.", {(P, "worksFor", "org:orange")}),
    (
        "Inès Caron, l'ancienne directrice de la communication de Safran, a parlé.",
        {(P, "worksFor", "org:safran")},
    ),
    ("Inès Caron, numéro deux de l'Unicef, a parlé.", {(P, "worksFor", "org:unicef")}),
    ("Inès Caron est chercheuse chez Safran.", {(P, "worksFor", "org:safran")}),
    ("Inès Caron est directrice de l'Unicef.", {(P, "headOf", "org:unicef")}),
    ("Inès Caron, à la tête d'Orange depuis 2021, a parlé.", {(P, "headOf", "org:orange")}),
    (
        "Inès Caron, au service de l'Unicef depuis vingt ans, a parlé.",
        {(P, "worksFor", "org:unicef")},
    ),
    # no-relation pairs
    ("Inès Caron, cliente d'Orange, a porté plainte.", set()),
    ("Inès Caron a écrit au directeur financier de Safran.", set()),
    ("Inès Caron a été conseillée par l'Unicef.", set()),
    ("Inès Caron a rencontré les ingénieurs de Safran.", set()),
    ("Inès Caron, à la tête de la liste, a critiqué Orange.", set()),
    ("Inès Caron a visité le siège de l'Unicef.", set()),
]


@pytest.fixture(scope="module")
def extract():
    return sentence_extractor(ENTITIES)


@pytest.mark.parametrize(("text", "expected"), PAIRS, ids=[c[0][:48] for c in PAIRS])
def test_affiliation_pairs(extract, text, expected):
    found = {
        (r.subject, r.predicate, r.object) for r in extract(text) if r.predicate in AFFILIATIONS
    }
    assert found == expected
