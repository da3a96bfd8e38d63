"""Token columns (kg.nlp.tokens) read the same values as the Token objects they replace."""

from __future__ import annotations

import pytest
import spacy

from kg.lang import fold_lexeme
from kg.nlp.tokens import LEMMA, ORTH, Column, heads_with_child, pos_ids, sentence_bounds

#: Sentences of our own, with prepositions, coordination and numbers under several heads.
SENTENCES = [
    "Le ministre de la Santé a rencontré hier à Dakar les représentants de trois syndicats.",
    "La présidente du conseil régional et son adjoint ont inauguré deux écoles.",
    "Selon l'agence Reuters, le port de Gênes restera fermé jusqu'à lundi.",
    "Il pleut.",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("dep", ["case", "cc", "nummod", "det", "obl:arg"])
def test_heads_with_child_matches_children(fr_nlp, text: str, dep: str) -> None:
    doc = fr_nlp(text)
    expected = {t.i for t in doc if any(c.dep_ == dep for c in t.children)}
    assert heads_with_child(doc, dep) == expected


def test_heads_with_child_finds_prepositions(fr_nlp) -> None:
    doc = fr_nlp("Le ministre de la Santé est arrivé à Dakar.")
    heads = heads_with_child(doc, "case")
    words = {doc[i].text for i in heads}
    assert "Dakar" in words  # "à Dakar"
    assert "ministre" not in words  # its "de" hangs on "Santé", not on it
    assert heads_with_child(fr_nlp(""), "case") == set()


def test_column_reads_a_corrected_lemma(fr_nlp) -> None:
    """A component may correct a lemma: the column of the same document is read again."""
    column = Column(fold_lexeme)
    doc = fr_nlp("Le Japon signe un accord avec la Corée.")
    words = column(doc, ORTH)
    assert words == [fold_lexeme(t.text) for t in doc]
    assert column(doc, ORTH) is words  # same document, same words: reused
    before = list(column(doc, LEMMA))
    verb = next(t for t in doc if t.text == "signe")
    verb.lemma_ = "signer-corrigé"
    after = column(doc, LEMMA)
    assert after[verb.i] == fold_lexeme("signer-corrigé") != before[verb.i]
    assert after == [fold_lexeme(t.lemma_) for t in doc]


def test_column_of_another_document(fr_nlp) -> None:
    column = Column()
    first = column(fr_nlp("La grève continue à Lyon."), ORTH)
    second = column(fr_nlp("Les syndicats appellent au calme."), ORTH)
    assert first == ["La", "grève", "continue", "à", "Lyon", "."]
    assert second == ["Les", "syndicats", "appellent", "au", "calme", "."]


#: Several sentences per text, a title line and blank lines (sentence starts of every kind).
PARAGRAPHS = [
    "Grève à Lyon\n\nLes conducteurs de bus ont cessé le travail lundi. Le trafic reprendra "
    "mercredi, selon la mairie. Aucune ligne ne circule !",
    "Le comité a voté. Puis il s'est séparé.\n",
    "Bonjour",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_sentence_bounds_are_token_sent(fr_nlp, text: str) -> None:
    doc = fr_nlp(text)
    bounds = sentence_bounds(doc)
    assert bounds is not None
    starts, ends = bounds
    assert [(starts[t.i], ends[t.i]) for t in doc] == [(t.sent.start, t.sent.end) for t in doc]


def test_sentence_bounds_several_sentences(fr_nlp) -> None:
    doc = fr_nlp("Le comité a voté. Puis il s'est séparé.")
    starts, ends = sentence_bounds(doc)
    puis = next(t.i for t in doc if t.text == "Puis")
    assert starts[0] == 0 and ends[0] == puis
    assert starts[-1] == puis and ends[-1] == len(doc)


def test_sentence_bounds_of_an_unsegmented_document() -> None:
    """No parse, no sentence starts: spaCy cannot say, and neither do the bounds."""
    assert sentence_bounds(spacy.blank("fr")("Un texte sans analyse. Deux phrases.")) is None


def test_pos_ids_are_read_once_per_document(fr_nlp) -> None:
    """``pos_ids`` equals ``token.pos`` for each document, its column read once per document."""
    docs = [fr_nlp(text) for text in SENTENCES]
    for doc in [*docs, *docs]:
        assert pos_ids(doc) == [t.pos for t in doc]
    first = pos_ids(docs[0])
    assert pos_ids(docs[0]) is first  # the same list: callers must not change it
    assert pos_ids(docs[1]) is not first
