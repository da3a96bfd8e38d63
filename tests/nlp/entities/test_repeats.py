"""A name written again in lower case is the same entity (and its facts are read)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract():
    from kg.nlp.pipeline import extract_documents, load_pipeline

    nlp = load_pipeline()

    def run(text: str):
        return next(extract_documents([Document("r", text, date=dt.date(2023, 5, 2))], nlp))

    return run


def test_a_lower_case_repeat_of_an_institution_is_a_mention_of_it(extract):
    x = extract(
        "La Commission européenne a proposé un plan pour les pêcheurs. Le porte-parole de la "
        "commission européenne, Marc Duval, a précisé le calendrier."
    )
    commission = next(e for e in x.entities if e.name == "Commission européenne")
    assert [m.text for m in commission.mentions] == [
        "Commission européenne",
        "commission européenne",
    ]
    assert ("person:marc-duval", "worksFor", commission.id) in {
        (r.subject, r.predicate, r.object) for r in x.relations
    }


def test_a_single_common_word_or_a_person_is_never_taken_in_lower_case(extract):
    x = extract(
        "Le Sénat a voté la loi. Le sénat de l'université a protesté. "
        "Rose Martin a parlé ; une rose martin est une fleur inventée."
    )
    mentions = {m.text for e in x.entities for m in e.mentions}
    assert "sénat" not in mentions
    assert "rose martin" not in mentions
