"""Events named by a common noun and its complement ("le centenaire de la bataille de
Verdun", "la régate de Brest", "le synode des évêques"): the entity layer forms them
(entities.json ``event_heads``), the event lexicon classes them as gatherings, contests or
meetings (events.json ``nouns``), so those who take part in them are linked. Through the
whole pipeline; sentences written for these tests, with negative cases.
"""

from __future__ import annotations

import pytest
from _hand import pipeline_facts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


def participations(nlp, text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o, _ in pipeline_facts(nlp, text) if p == "participatesIn"}


ROWS = [
    (
        "Le président Jean Morel a assisté au centenaire de la bataille de la Marne.",
        {("Jean Morel", "centenaire de la bataille de la Marne")},
    ),
    (
        "Lucie Marchand a battu Irina Volkova dans la régate de Brest.",
        {
            ("Lucie Marchand", "régate de Brest"),
            ("Irina Volkova", "régate de Brest"),
        },
    ),
    (
        "Tomas Lind a pris part au synode des évêques de Rome.",
        {("Tomas Lind", "synode des évêques de Rome")},
    ),
    (
        "Le jubilé de Windsor s'est tenu en présence de Tomas Lind.",
        {("Tomas Lind", "jubilé de Windsor")},
    ),
    # a race of arms, a course of time: no event anyone takes part in here
    ("La course aux armements inquiète Tomas Lind.", set()),
    ("Au cours de la matinée, Tomas Lind a quitté Lausanne.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:48] for r in ROWS])
def test_participation_in_common_noun_events(nlp, text, expected):
    assert participations(nlp, text) == expected
