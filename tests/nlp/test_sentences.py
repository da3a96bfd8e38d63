"""kg_sentences: line breaks end sentences; sentences end only after final punctuation."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    import spacy

    import kg.nlp.sentences  # noqa: F401  (registers the component)

    nlp = spacy.load("fr_core_news_md", exclude=["ner"])
    nlp.add_pipe("kg_sentences", before="parser")
    return nlp


def test_line_breaks_end_sentences(nlp) -> None:
    text = "Titre sans point\nLe ministre a parlé.\n\nUn autre paragraphe commence ici"
    sents = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sents == ["Titre sans point", "Le ministre a parlé.", "Un autre paragraphe commence ici"]


def test_no_split_inside_a_sentence_with_a_relative_clause(nlp) -> None:
    text = (
        "La Norvège, dont la candidature reste bloquée par plusieurs capitales européennes "
        "depuis des années, devrait signer le traité. Le texte entre en vigueur en mai."
    )
    sents = [s.text for s in nlp(text).sents]
    assert len(sents) == 2
    assert sents[0].startswith("La Norvège") and sents[0].endswith("traité.")


def test_empty_text(nlp) -> None:
    assert len(nlp("")) == 0
