"""kg's pipeline as spaCy sees it: components in order, reading ``nlp.lang``, honest metadata."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.nlp.pipeline import KG_PIPES, load_pipeline

pytestmark = pytest.mark.slow


def test_components_follow_the_model_in_order():
    nlp = load_pipeline()
    names = nlp.pipe_names
    assert names[-len(KG_PIPES) :] == [name for name, _ in KG_PIPES]
    assert names.index("kg_sentences") < names.index("parser")


def test_analyze_pipes_finds_every_requirement_assigned_upstream():
    """Each kg component declares what it reads; an earlier pipe must assign all of it."""
    analysis = load_pipeline().analyze_pipes()
    assert {pipe: missing for pipe, missing in analysis["problems"].items() if missing} == {}
    summary = analysis["summary"]
    assert "doc._.kg_mentions" in summary["kg_entities"]["assigns"]
    assert "doc._.kg_mentions" in summary["kg_relations"]["requires"]


def test_components_take_the_language_of_the_model():
    nlp = load_pipeline()
    for name, _ in KG_PIPES:
        assert "lang" not in nlp.get_pipe_meta(name).default_config
        assert getattr(nlp.get_pipe(name), "lang", nlp.lang) == nlp.lang


def test_a_model_of_another_language_is_refused():
    with pytest.raises(InputError, match="unknown language 'en'"):
        load_pipeline(lang="en")
