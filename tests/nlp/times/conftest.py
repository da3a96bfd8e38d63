"""Shared by the kg_times tests: a pipeline with kg_times and a way to run it on a date."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def times_nlp():
    """A fresh fr_core_news_md with kg_times added (the shared fixture stays raw)."""
    import spacy

    import kg.nlp.times.component  # noqa: F401  (registers the factory)

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("kg_times")
    return nlp


def run_times(nlp, text: str, anchor: str | None):
    doc = nlp.make_doc(text)
    doc._.kg_date = anchor
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.kg_times


@pytest.fixture(scope="session")
def run():
    """``run(nlp, text, anchor)``: the TimeValues of ``text`` dated ``anchor``."""
    return run_times
