"""Span rules on hand-built Docs: no model, so each rule is tested in milliseconds."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.lang.gazetteer import load_gazetteer
from kg.lang.words import load_words
from kg.nlp.entities.linker import load_entity_lexicon
from kg.nlp.entities.quoted import quoted_names
from kg.nlp.entities.spans import (
    demonym_before_name,
    looks_like_demonym,
    pattern_spans,
)


@pytest.fixture(scope="module")
def ctx():
    return spacy.blank("fr").vocab, load_gazetteer("fr"), load_words("fr")


def _doc(vocab, words, pos=None):
    return Doc(vocab, words=words, pos=pos)


@pytest.mark.parametrize(
    ("words", "i", "expected"),
    [
        (["Les", "Québécois", "votent"], 1, True),  # a demonym ending, after an article
        (["les", "Européens", "votent"], 1, True),
        (["Amiens", "accueille", "le", "salon"], 0, False),  # a place ending like a demonym
        (["la", "Niçoise", "Clara", "Roux", "gagne"], 1, True),  # before a person's name
    ],
)
def test_demonyms_are_told_from_places(ctx, words, i, expected):
    vocab, gazetteer, words_ = ctx
    assert looks_like_demonym(_doc(vocab, words), i, gazetteer, words_) is expected


def test_a_demonym_noun_can_open_a_persons_name(ctx):
    vocab, gazetteer, words = ctx
    doc = _doc(vocab, ["la", "Niçoise", "Clara", "Roux", "gagne"])
    assert demonym_before_name(doc, 1, gazetteer, words)
    assert not demonym_before_name(doc, 2, gazetteer, words)


def test_pattern_names_stop_before_a_demonym(ctx):
    """ "le ministère de l'Intérieur turc": the Turkish one, not a ministry named "turc"."""
    vocab, gazetteer, words = ctx
    doc = _doc(
        vocab,
        ["Le", "ministère", "de", "l'", "Intérieur", "turc", "a", "parlé"],
        ["DET", "NOUN", "ADP", "DET", "PROPN", "ADJ", "AUX", "VERB"],
    )
    assert pattern_spans(doc, load_entity_lexicon("fr"), gazetteer, words) == [
        (1, 5, "Organization")
    ]


def test_a_ministers_portfolio_is_its_own_span(ctx):
    vocab, gazetteer, words = ctx
    doc = _doc(
        vocab,
        ["le", "ministre", "de", "la", "Justice", "a", "parlé"],
        ["DET", "NOUN", "ADP", "DET", "PROPN", "AUX", "VERB"],
    )
    assert pattern_spans(doc, load_entity_lexicon("fr"), gazetteer, words) == [(4, 5, "Portfolio")]


def test_a_service_named_by_its_city_is_not_a_name(ctx):
    vocab, gazetteer, words = ctx
    doc = _doc(
        vocab,
        ["l'", "aéroport", "de", "Bruxelles", "est", "fermé"],
        ["DET", "NOUN", "ADP", "PROPN", "AUX", "ADJ"],
    )
    assert pattern_spans(doc, load_entity_lexicon("fr"), gazetteer, words) == []


@pytest.mark.parametrize(
    ("words", "pos", "expected"),
    [
        # the kind noun, then the quoted name
        (
            ["l'", "association", "«", "Les", "Amis", "du", "fleuve", "»", "proteste"],
            ["DET", "NOUN", "PUNCT", "DET", "PROPN", "ADP", "NOUN", "PUNCT", "VERB"],
            [(3, 7, "Organization")],
        ),
        # adjectives may stand between the kind and the name
        (
            ["la", "société", "publique", "«", "Air", "Sahel", "»"],
            ["DET", "NOUN", "ADJ", "PUNCT", "PROPN", "PROPN", "PUNCT"],
            [(4, 6, "Organization")],
        ),
        # a quote after a word that is not a kind of organisation is speech, not a name
        (
            ["il", "a", "crié", "«", "Bonjour", "»"],
            ["PRON", "AUX", "VERB", "PUNCT", "INTJ", "PUNCT"],
            [],
        ),
        # a lower-case slogan of two words or more is a name (no-break spaces inside the marks)
        (
            ["l'", "association", "«", "\xa0", "un", "toit", "pour", "tous", "\xa0", "»"],
            ["DET", "NOUN", "PUNCT", "SPACE", "DET", "NOUN", "ADP", "PRON", "SPACE", "PUNCT"],
            [(4, 8, "Organization")],
        ),
        # ... but lower-case words opening on a verb quote what the body does, with the body
        # as their subject
        (
            ["le", "syndicat", "«", "refuserait", "et", "combattrait", "»", "la", "réforme"],
            ["DET", "NOUN", "PUNCT", "VERB", "CCONJ", "VERB", "PUNCT", "DET", "NOUN"],
            [],
        ),
        (
            ["l'", "alliance", "«", "\xa0", "renforcera", "la", "défense", "\xa0", "»"],
            ["DET", "NOUN", "PUNCT", "SPACE", "VERB", "DET", "NOUN", "SPACE", "PUNCT"],
            [],
        ),
        # ... also behind a clitic or a negation
        (
            ["la", "ligue", "«", "se", "battra", "jusqu'au", "bout", "»"],
            ["DET", "NOUN", "PUNCT", "PRON", "VERB", "ADP", "NOUN", "PUNCT"],
            [],
        ),
        # an adverb opening a slogan is no clitic: the slogan stays a name
        (
            ["l'", "association", "«", "mieux", "manger", "ensemble", "»"],
            ["DET", "NOUN", "PUNCT", "ADV", "VERB", "ADV", "PUNCT"],
            [(3, 6, "Organization")],
        ),
        # ... unless the verb is a call in the first person plural: the body's motto
        (
            ["le", "collectif", "«", "protégeons", "nos", "haies", "»", "manifeste"],
            ["DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "VERB"],
            [(3, 6, "Organization")],
        ),
        # ... but with its subject before it, the quote is speech again
        (
            ["le", "syndicat", "«", "nous", "refusons", "tout", "»"],
            ["DET", "NOUN", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"],
            [],
        ),
        # ... and so is a first person plural auxiliary
        (
            ["le", "parti", "«", "avons", "gagné", "»"],
            ["DET", "NOUN", "PUNCT", "AUX", "VERB", "PUNCT"],
            [],
        ),
        # a relative pronoun after the kind: the quote says what the body did
        (
            ["un", "quotidien", "qui", "«", "a", "tout", "changé", "»"],
            ["DET", "NOUN", "PRON", "PUNCT", "AUX", "PRON", "VERB", "PUNCT"],
            [],
        ),
        # up to two lower-case qualifiers between the kind and the quote, whatever their tag
        (
            ["l'", "association", "bénévole", "«", "Protéa", "»"],
            ["DET", "NOUN", "PROPN", "PUNCT", "PROPN", "PUNCT"],
            [(4, 5, "Organization")],
        ),
        (
            ["le", "groupe", "de", "rock", "«", "Les", "Ombres", "»"],
            ["DET", "NOUN", "ADP", "NOUN", "PUNCT", "DET", "PROPN", "PUNCT"],
            [(5, 7, "Organization")],
        ),
        # a capitalised kind may take a capitalised adjective before the quote
        (
            ["l'", "Union", "Bretonne", "«", "Pour", "nos", "phares", "»"],
            ["DET", "PROPN", "PROPN", "PUNCT", "ADP", "DET", "NOUN", "PUNCT"],
            [(4, 7, "Organization")],
        ),
        # ... not after a lower-case kind: "la fédération Durand" names a person first
        (
            ["la", "fédération", "Durand", "«", "Pour", "tous", "»"],
            ["DET", "NOUN", "PROPN", "PUNCT", "ADP", "PRON", "PUNCT"],
            [],
        ),
        # ... but a verb between them makes the quote speech
        (
            ["la", "société", "a", "dit", "«", "Bonjour", "»"],
            ["DET", "NOUN", "AUX", "VERB", "PUNCT", "INTJ", "PUNCT"],
            [],
        ),
        # quoted lower-case qualifiers after a kind are scare quotes, not a name
        (
            ["un", "parti", "«", "très", "modéré", "»"],
            ["DET", "NOUN", "PUNCT", "ADV", "ADJ", "PUNCT"],
            [],
        ),
        (
            ["le", "groupe", "«", "terroriste", "»"],
            ["DET", "NOUN", "PUNCT", "ADJ", "PUNCT"],
            [],
        ),
        # a capitalised kind opening the quoted words after an article: the body's full name
        (
            ["la", "«", "Fédération", "des", "Amis", "du", "Rail", "»", "proteste"],
            ["DET", "PUNCT", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT", "VERB"],
            [(2, 7, "Organization")],
        ),
        # ... not a kind alone, nor one a participle follows (a title), nor without article
        (
            ["la", "«", "Commission", "»", "a", "tranché"],
            ["DET", "PUNCT", "NOUN", "PUNCT", "AUX", "VERB"],
            [],
        ),
        (
            ["le", "«", "Parti", "pris", "du", "roman", "»"],
            ["DET", "PUNCT", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"],
            [],
        ),
        (
            ["elle", "chante", "«", "Union", "libre", "»"],
            ["PRON", "VERB", "PUNCT", "NOUN", "ADJ", "PUNCT"],
            [],
        ),
        # a quote left open is no name
        (
            ["le", "parti", "«", "Renouveau", "a", "gagné"],
            ["DET", "NOUN", "PUNCT", "PROPN", "AUX", "VERB"],
            [],
        ),
    ],
)
def test_quoted_names_after_an_organisation_kind(ctx, words, pos, expected):
    vocab, _, words_ = ctx
    doc = _doc(vocab, words, pos)
    assert quoted_names(doc, load_entity_lexicon("fr"), words_) == expected


@pytest.mark.parametrize(
    ("polarity", "expected"),
    [("Polarity=Neg", []), ("", [(3, 6, "Organization")])],
)
def test_a_quoted_negated_verb_is_no_name(ctx, polarity, expected):
    """ "l'association « ne lâchera rien »": the negation opens a verb phrase (the morph
    feature says so; an adverb without it, "« mieux vivre ensemble »", may open a slogan)."""
    vocab, _, words_ = ctx
    words = ["l'", "association", "«", "ne", "lâchera", "rien", "»"]
    pos = ["DET", "NOUN", "PUNCT", "ADV", "VERB", "PRON", "PUNCT"]
    morphs = ["", "", "", polarity, "", "", ""]
    doc = Doc(vocab, words=words, pos=pos, morphs=morphs)
    assert quoted_names(doc, load_entity_lexicon("fr"), words_) == expected


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        # doubled single quotes, cut in two by the tokenizer, mark a name as well
        (
            ["l'", "association", "‘", "’", "Un", "toit", "pour", "tous", "’’", "aide"],
            [False, True, False, False, True, True, True, False, True, False],
            [(4, 8, "Organization")],
        ),
        # ... not when the two halves stand apart
        (
            ["l'", "association", "‘", "’", "Un", "toit", "pour", "tous", "’’", "aide"],
            [False, True, True, False, True, True, True, False, True, False],
            [],
        ),
        # ... nor a lone closing single quote after a kind
        (
            ["l'", "association", "’", "Un", "toit", "pour", "tous", "’’"],
            [False, True, False, True, True, True, False, False],
            [],
        ),
    ],
)
def test_doubled_single_quotes_mark_a_name(ctx, words, spaces, expected):
    vocab, _, words_ = ctx
    pos = ["PUNCT" if not w[0].isalpha() else "NOUN" for w in words]
    doc = Doc(vocab, words=words, spaces=spaces, pos=pos)
    assert quoted_names(doc, load_entity_lexicon("fr"), words_) == expected
