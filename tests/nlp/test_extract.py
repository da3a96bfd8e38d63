"""Doc -> Extraction: dated events and their headlines, entities kept, dateline skipped."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract():
    from kg.nlp.pipeline import extract_documents, load_pipeline

    nlp = load_pipeline()

    def run(text: str, date: str = "2024-02-15"):
        doc = Document("d", text, date=dt.date.fromisoformat(date))
        return next(extract_documents([doc], nlp))

    return run


def headlines(extraction) -> dict[str, str]:
    values = {t.id: t.value for t in extraction.times}
    return {values[e.time]: e.headline for e in extraction.dated}


def test_a_clause_with_a_subject_heads_its_own_row(extract) -> None:
    x = extract(
        "Lors d'une conférence de presse en décembre, la présidente Ana Lupu a annoncé un "
        "plan de reconstruction."
    )
    assert "Ana Lupu a annoncé" in headlines(x)["2023-12"]


def test_a_date_hung_on_a_subjectless_verb_dates_the_event_before_it(extract) -> None:
    x = extract(
        "Les diplomates se réunissaient pour examiner la préparation du prochain sommet du "
        "G20 à Rio en novembre."
    )
    assert headlines(x)["2024-11"] == "prochain sommet du G20 à Rio"


def test_the_dateline_is_not_a_timeline_event(extract) -> None:
    x = extract("Oslo, 12 mars 2024 – La Norvège a signé l'accord jeudi.", date="2024-03-12")
    assert [t.text for t in x.times][:1] == ["12 mars 2024"]
    assert set(headlines(x)) == {"2024-03-07"}


def test_demonym_only_entities_are_dropped_unless_a_fact_uses_them(extract) -> None:
    x = extract("Le parlement hongrois a voté mardi; la presse lettone s'en est fait l'écho.")
    assert "Q211" not in {e.id for e in x.entities}
