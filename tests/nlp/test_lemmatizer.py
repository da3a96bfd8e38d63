"""The column lemmatizer gives the same lemmas as spaCy's French rule lemmatizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.lang.fr.lemmatizer import FrenchLemmatizer

from kg.nlp.lemmatizer import ColumnFrenchLemmatizer, speed_up_lemmatizer
from kg.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.slow

#: Sentences written for this test: verbs in several tenses, proper nouns and numbers (which
#: spaCy looks up without caching), elisions, spaces and blank lines.
TEXTS = [
    "Les ministres avaient signé deux accords ; elles les auraient ratifiés depuis.",
    "L'entreprise Dupont & Fils a licencié 1 200 salariés à Roubaix en 2019.\n\n",
    "  Ils sont partis hier soir, puis ils reviendront !\tJamais…",
    "Le maire de Nantes, Jeanne Martin, inaugurera le pont le 3 mai.",
    "",
    "\n",
]


def _before_lemmatizer(nlp: spacy.Language, texts: list[str]):
    names = nlp.pipe_names
    with nlp.select_pipes(enable=names[: names.index("lemmatizer")]):
        return list(nlp.pipe(texts))


def test_same_lemmas_as_spacy_cold_and_warm():
    """With an empty cache (first documents) and a full one (the same again)."""
    plain = spacy.load("fr_core_news_md", exclude=["ner"])
    column = spacy.load("fr_core_news_md", exclude=["ner"])
    speed_up_lemmatizer(column)
    assert type(column.get_pipe("lemmatizer")) is ColumnFrenchLemmatizer
    for _ in range(2):
        want = [plain.get_pipe("lemmatizer")(d) for d in _before_lemmatizer(plain, TEXTS)]
        have = [column.get_pipe("lemmatizer")(d) for d in _before_lemmatizer(column, TEXTS)]
        for w, h in zip(want, have, strict=True):
            assert [t.lemma_ for t in h] == [t.lemma_ for t in w]
            assert h.to_bytes() == w.to_bytes()
    doc = have[0]
    assert {t.text: t.lemma_ for t in doc}["signé"] == "signer"


def test_lemmas_already_set_are_kept_unless_overwrite(fr_nlp):
    lemmatizer = fr_nlp.get_pipe("lemmatizer")
    assert type(lemmatizer) is FrenchLemmatizer
    column = spacy.load("fr_core_news_md", exclude=["ner"])
    speed_up_lemmatizer(column)
    doc = _before_lemmatizer(column, ["Les syndicats manifestent."])[0]
    doc[2].lemma_ = "défiler"
    column.get_pipe("lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == ["le", "syndicat", "défiler", "."]


def test_kg_pipeline_uses_the_column_lemmatizer_under_the_same_name():
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("lemmatizer"), ColumnFrenchLemmatizer)
    speed_up_lemmatizer(nlp)  # idempotent
    assert type(nlp.get_pipe("lemmatizer")) is ColumnFrenchLemmatizer
