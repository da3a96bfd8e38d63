"""The clause tense reader on hand-built parses: what dates "jeudi" forwards or backwards."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.nlp.tense import load_tense_cues, verb_tense

FIN = "Mood=Ind|Tense=Pres|VerbForm=Fin"


def _clause(aux_lemma, aux_dep, aux_morph, verb_lemma, verb_morph):
    """A three-word clause "Elle <aux> <verb>", parsed by hand."""
    vocab = spacy.blank("fr").vocab
    aux_is_head = aux_dep == "ROOT"
    return Doc(
        vocab,
        words=["Elle", "AUX", "VERB"],
        heads=[1, 1, 1] if aux_is_head else [2, 2, 2],
        deps=["nsubj", aux_dep, "xcomp" if aux_is_head else "ROOT"],
        pos=["PRON", "VERB" if aux_is_head else "AUX", "VERB"],
        lemmas=["elle", aux_lemma, verb_lemma],
        morphs=["", aux_morph, verb_morph],
    )


@pytest.mark.parametrize(
    ("clause", "tense"),
    [
        (("avoir", "aux:tense", FIN, "signer", "Tense=Past|VerbForm=Part"), "past"),
        (("être", "aux:tense", FIN, "partir", "Tense=Past|VerbForm=Part"), "past"),
        (("aller", "ROOT", FIN, "signer", "VerbForm=Inf"), "future"),  # "va signer"
        (
            ("devoir", "ROOT", "Mood=Cnd|Tense=Pres|VerbForm=Fin", "signer", "VerbForm=Inf"),
            "future",
        ),
        (("vouloir", "ROOT", FIN, "signer", "VerbForm=Inf"), "future"),  # "veut signer jeudi"
        (("vouloir", "ROOT", "Mood=Ind|Tense=Imp|VerbForm=Fin", "signer", "VerbForm=Inf"), "past"),
    ],
)
def test_the_verb_group_says_which_way_a_date_points(clause, tense):
    doc = _clause(*clause)
    assert verb_tense(doc[2], load_tense_cues("fr")) == tense


def test_the_verbs_that_build_tenses_are_language_data():
    cues = load_tense_cues("fr")
    assert "aller" in cues.future_auxiliaries
    assert {"devoir", "pouvoir"} <= cues.modal_verbs
    assert "partir" in cues.etre_verbs


def test_the_relation_patterns_read_the_etre_verbs_of_the_words_they_are_given():
    """One list of être verbs (``words.json``) for dating and for relations, and a
    component built from other words (a saved pipeline's) uses those."""
    from kg.lang import load_data
    from kg.lang.words import Words
    from kg.nlp.relations.patterns import RelationPatterns

    assert RelationPatterns().syntax_cues["etre_verbs"] == load_tense_cues("fr").etre_verbs
    words = Words("fr", {**load_data("fr", "words"), "etre_verbs": ["partir"]})
    assert RelationPatterns(words=words).syntax_cues["etre_verbs"] == {"partir"}
