"""The kg pipeline for the relation tests that read a sentence through every component
(``load_pipeline`` is cached: one per process)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    """spaCy's French model with kg's components (entities, times, relations, events)."""
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()
