"""One person per article under every spelling (kg/nlp/entities/persons.py): the full name,
the surname alone, an honorific and the surname, initials and the surname; none when two
full names fit. Also: a title after a capitalised article is no person's name
(kg/nlp/entities/ner.py). The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from _parse import parse

from kg.nlp.entities.persons import initials_only, same_person

pytestmark = pytest.mark.slow


def persons(nlp, text: str) -> list[tuple[str, str]]:
    """(surface, entity name) of every person mention of ``text``."""
    doc = parse(nlp, text, "t", "2024-03-01")
    names = {k: e.name for k, e in doc._.kg_entities.items()}
    return [
        (doc[m.start : m.end].text, names[m.key]) for m in doc._.kg_mentions if m.type == "Person"
    ]


ROWS = [
    (
        "Jean-Pierre Roussel a parlé à Lyon. M. Roussel a ensuite quitté la salle.",
        {"Jean-Pierre Roussel"},
    ),
    (
        "J.-P. Roussel a parlé à Lyon. Jean-Pierre Roussel est maire depuis 2010.",
        {"Jean-Pierre Roussel"},
    ),
    (
        "Jean-Luc Roussel a parlé à Lyon. Roussel a quitté la salle. J.-L. Roussel reviendra.",
        {"Jean-Luc Roussel"},
    ),
    ("Hélène Roussel a été élue. Mme Roussel a remercié ses soutiens.", {"Hélène Roussel"}),
    # two full names fit the surname: it stays apart
    (
        "Hélène Roussel et Marc Roussel ont parlé à Lyon. Roussel a ensuite quitté la salle.",
        {"Hélène Roussel", "Marc Roussel", "Roussel"},
    ),
    # other initials are another person
    (
        "J.-M. Roussel a parlé à Lyon. Jean-Pierre Roussel est maire depuis 2010.",
        {"J.-M. Roussel", "Jean-Pierre Roussel"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:48] for r in ROWS])
def test_one_person_per_spelling(nlp, text, expected):
    assert {name for _, name in persons(nlp, text)} == expected


def test_title_after_a_capitalised_article_is_no_name(nlp):
    text = "2 mars 2024. - Le Frère musulman Karim Saleh a été élu."
    assert persons(nlp, text) == [("Karim Saleh", "Karim Saleh")]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("J.-P. Roussel", "Jean-Pierre Roussel", True),
        ("J. Roussel", "Jean Roussel", True),
        ("J.-P. Roussel", "Jean Roussel", False),
        ("J. Roussel", "Jean Roux", False),
    ],
)
def test_initials_fit_a_spelled_name(a, b, same):
    assert initials_only(a) and not initials_only(b)
    assert same_person(a, b) is same
