"""A verb's object or oblique that is a kind noun with the body's name right after it
("dirige l'entreprise Michelin", "travaille pour le groupe Airbus"), read through the whole
pipeline: the named body is the argument. Negative rows: a kind noun with an adjective, a
name after a preposition, a verb of no frame. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest
from _hand import AFFILIATIONS, pipeline_facts_of

pytestmark = pytest.mark.slow


def facts(nlp, text: str) -> set[tuple[str, str, str]]:
    return pipeline_facts_of(nlp, text, AFFILIATIONS | {"joins"})


KIND_NOUN_OBJECTS = [
    (
        "Lucie Ferrand dirige l'entreprise Michelin depuis six ans.",
        {("Lucie Ferrand", "headOf", "Michelin")},
    ),
    (
        "Omar Benali travaille pour le groupe Airbus depuis 2015.",
        {("Omar Benali", "worksFor", "Airbus")},
    ),
    # a described body is no named one; a verb of no frame relates nothing
    ("Omar Benali critique l'entreprise Michelin depuis six ans.", set()),
    ("Omar Benali dirige le service juridique de Renault.", set()),
]


@pytest.mark.parametrize(("text", "expected"), KIND_NOUN_OBJECTS)
def test_kind_noun_before_the_body_name(nlp, text, expected):
    assert facts(nlp, text) == expected
