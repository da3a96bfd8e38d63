"""The column lemmatizer gives the same lemmas as spaCy's French rule lemmatizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.tokens import Doc

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


def test_rule_forms_equal_spacys_rules_word_by_word_with_cold_caches():
    """The set-based copy of the French rules answers and caches as spaCy's own does.

    Words from the model's own tables (every 300th lemma of each part of speech, every
    800th exception) and inflections of them that are not in the tables, under every
    part of speech, so each branch runs: index hit, exception, suffix rules (in and out of
    the index), lookup fallback, and the parts of speech the rules leave to the lookup.
    """
    plain = spacy.load("fr_core_news_md", exclude=["ner"])
    column = spacy.load("fr_core_news_md", exclude=["ner"])
    speed_up_lemmatizer(column)
    spacy_rules, ours = plain.get_pipe("lemmatizer"), column.get_pipe("lemmatizer")
    tables = spacy_rules.lookups
    words = [w for forms in tables.get_table("lemma_index").values() for w in forms[::300]]
    for exceptions in tables.get_table("lemma_exc").values():
        words += [w for w in list(exceptions)[::800] if isinstance(w, str)]
    words += [w + suffix for w in words[::5] for suffix in ("s", "ent", "aient", "ées")]
    words += ["Manifestaient", "ÉTÉ", "Lyon", "42", "1,5", "-", "aujourd'hui", "l'"]
    words = [w for w in words if w and not any(c.isspace() for c in w)]
    assert len(words) > 500
    parts = ["NOUN", "VERB", "ADJ", "ADV", "AUX", "DET", "PRON", "PROPN", "NUM", "SPACE", ""]
    for pos in parts:
        doc = Doc(plain.vocab, words=words, pos=[pos] * len(words) if pos else None)
        want = [spacy_rules.rule_lemmatize(t) for t in doc]
        assert [ours._rule_forms(t) for t in doc] == want, pos
    assert dict(ours.cache) == dict(spacy_rules.cache)
