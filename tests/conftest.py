"""Shared fixtures: the spaCy model is loaded once per test session (it takes seconds)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def fr_nlp():
    """The raw French spaCy pipeline (fr_core_news_md), without kg's components."""
    import spacy

    return spacy.load("fr_core_news_md")
