"""Terms and facts in the reader's language: names from the ontology, phrases from the data."""

from __future__ import annotations

import pytest

from kg.lang import languages, load_data
from kg.lang.terms import fact_sentence, term_label, term_labels, verb_phrase, when_words
from kg.model import ENTITY_TYPES, MODALITIES
from kg.vocab import RELATION_PROPERTIES


@pytest.mark.parametrize("lang", languages())
def test_every_term_has_a_name(lang: str) -> None:
    """A type, predicate or modality without a label would show its English id."""
    labels = term_labels(lang)
    missing = [t for t in (*ENTITY_TYPES, *MODALITIES, *RELATION_PROPERTIES) if t not in labels]
    assert missing == []


@pytest.mark.parametrize("lang", languages())
def test_every_predicate_reads_in_every_modality(lang: str) -> None:
    phrases = load_data(lang, "phrases")
    assert set(phrases["modalities"]) == set(MODALITIES)
    assert sorted(RELATION_PROPERTIES - set(phrases["predicates"])) == []
    assert sorted(set(phrases["predicates"]) - RELATION_PROPERTIES) == []  # no stale entry
    for predicate in RELATION_PROPERTIES:
        verbs = {verb_phrase(predicate, m, {}, lang) for m in MODALITIES}
        assert len(verbs) == len(MODALITIES), predicate  # each modality says something else
        assert all("{" not in v and "  " not in v for v in verbs), predicate


def test_french_facts_carry_their_modality() -> None:
    assert fact_sentence("Suède", "joins", "expected", "OTAN", {}, "fr") == (
        "Suède devrait rejoindre OTAN"
    )
    assert fact_sentence("Suède", "joins", "asserted", "OTAN", {}, "fr") == "Suède a rejoint OTAN"
    assert fact_sentence("Hongrie", "joins", "negated", "OTAN", {}, "fr") == (
        "Hongrie n'a pas rejoint OTAN"
    )
    pledge = {"quantity": 5000, "item": "obus"}
    assert verb_phrase("pledgesTo", "planned", pledge, "fr") == "doit promettre 5\u202f000 obus à"
    assert verb_phrase("pledgesTo", "planned", {}, "fr") == "doit promettre à"


def test_a_new_predicate_reads_from_its_labels() -> None:
    """An event role the ontology does not know yet still reads in French, not as code."""
    assert verb_phrase("actorOf", "expected", {}, "fr") == "actorOf (attendu)"
    assert term_label("source_affiliation", "fr") == "affiliation de la source"


@pytest.mark.parametrize(
    ("time", "words"),
    [
        ({"value": "2024-03-01", "start": "2024-03-01", "end": "2024-03-01"}, "1er mars 2024"),
        (
            {"value": "2024-02-15", "start": "2024-02-15", "end": "2024-02-15", "text": "jeudi"},
            "15 février 2024 (« jeudi »)",
        ),
        (
            {"value": "2024-02", "start": "2024-02-01", "end": "2024-02-29", "text": "en février"},
            "février 2024",
        ),
        (
            {
                "value": "2024-W07",
                "start": "2024-02-12",
                "end": "2024-02-18",
                "granularity": "week",
            },
            "semaine du 12 février 2024",
        ),
        (
            {
                "value": "2023-FA",
                "start": "2023-09-01",
                "end": "2023-11-30",
                "granularity": "season",
            },
            "automne 2023",
        ),
        (
            {
                "value": "2024-Q2",
                "start": "2024-04-01",
                "end": "2024-06-30",
                "granularity": "quarter",
            },
            "2e trimestre 2024",
        ),
        (
            {"value": "197", "start": "1970-01-01", "end": "1979-12-31", "granularity": "decade"},
            "les années 1970",
        ),
        (
            {"value": "PXW", "text": "dans les prochaines semaines"},
            "« dans les prochaines semaines »",
        ),
        ({"value": "P1W"}, "sans date"),
        (
            {"value": "2024-02-15", "start": "2024-02-15", "end": "2024-02-15", "inferred": True},
            "15 février 2024 (date de l'article)",
        ),
    ],
)
def test_dates_read_in_words(time: dict, words: str) -> None:
    assert when_words(time, "fr") == words
