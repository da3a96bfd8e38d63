"""A surname followed by a given name's initial is a person, whatever NER typed it.

Why: sports line-ups write two players of one family as "Surname A." and "Surname B.";
NER sometimes reads such a pair as an organisation, and the graph then holds a club
named after a player. The rule is checked on NER's cleaning step directly, with the label
NER gave (the model's reading of one's own sentence is not stable enough to force it).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "start", "end", "given", "expected"),
    [
        # a surname and an initial: a person
        ("Dubreuil T. (4/4)\nHolmgren (8/9)", 0, 2, "Organization", "Person"),
        ("Lindqvist K. a marqué deux fois.", 0, 2, "Place", "Person"),
        # a known place before the initial keeps NER's type
        ("Le club a signé avec Paris S. pour la saison.", 5, 7, "Organization", "Organization"),
        # an initial alone after nothing capitalised, or two capitalised words: untouched
        ("Conseil Général T. a voté.", 0, 3, "Organization", "Organization"),
    ],
)
def test_surname_and_initial(nlp, text, start, end, given, expected) -> None:
    ner = nlp.get_pipe("kg_entities").ner
    doc = nlp(text)
    cleaned = ner.clean(doc, start, end, given)
    assert cleaned is not None
    assert cleaned[2] == expected, (doc[start:end].text, cleaned)
