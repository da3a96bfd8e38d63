"""The guarded token_match keeps the tokens of spaCy's French tokenizer."""

from __future__ import annotations

import pickle
import re
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
import spacy

from kg.nlp.pipeline import load_pipeline
from kg.nlp.token_match import GuardedMatch, _required, required_chars, speed_up_token_match

#: Written for this test: hyphenated words the French pattern keeps whole (compound with
#: "demi", "hip-hop", "saut-de-ski" shapes, elided "entr'"), names it splits, elisions,
#: apostrophes of both kinds, dashes of several widths, URLs and numbers.
TEXTS = [
    "Le demi-frère du maire a dansé le hip-hop jusqu'à l'aube, puis s'est entr'aperçu.",
    "À Saint-Étienne-du-Rouvray, l’arc-en-ciel a duré — dit-on — une demi-heure.",
    "Un pet-en-l'air, un saut-de-ski et un knock-out : la soirée fut longue !",
    "Les États-Unis et le Royaume-Uni ont signé l'accord (voir https://exemple.fr/a-b).",
    "Entre 1 200 et 3‑4 élèves, c'est-à-dire peu ; aujourd'hui, rien n'a changé…",
    "GRANDE-BRETAGNE : Anti-corruption, ex-président, vice-premier ministre.",
    "",
]

WORDS = [
    "maison",
    "Maison,",
    "demi-frère",
    "DEMI-FRÈRE",
    "entr'aperçu",
    "entr’aperçu",
    "saut-de-ski",
    "pet-en-l'air",
    "hip–hop",
    "Jean-Pierre",
    "l'homme",
    "Le Mesnil-Amelot",
    "-",
    "'",
    "",
]

_EXCLUDE = ["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner"]


@pytest.fixture(scope="module")
def tokenizers() -> tuple[spacy.Language, spacy.Language]:
    plain = spacy.load("fr_core_news_md", exclude=_EXCLUDE)
    fast = spacy.load("fr_core_news_md", exclude=_EXCLUDE)
    speed_up_token_match(fast)
    return plain, fast


@pytest.mark.slow
def test_same_documents_as_spacys_tokenizer(tokenizers):
    plain, fast = tokenizers
    assert fast.tokenizer.token_match is not plain.tokenizer.token_match
    for text in TEXTS:
        want, have = plain.tokenizer(text), fast.tokenizer(text)
        assert [t.text for t in have] == [t.text for t in want]
        assert have.to_bytes() == want.to_bytes()
    words = [t.text for t in fast.tokenizer(TEXTS[2])]
    assert "pet-en-l'air" in words and "saut-de-ski" in words


@pytest.mark.slow
def test_same_match_word_by_word(tokenizers):
    plain, fast = tokenizers
    for word in WORDS:
        want, have = plain.tokenizer.token_match(word), fast.tokenizer.token_match(word)
        assert (have and have.span()) == (want and want.span()), word


@pytest.mark.slow
def test_french_pattern_requires_a_hyphen_apostrophe_or_space(tokenizers):
    plain, _ = tokenizers
    chars = required_chars(plain.tokenizer.token_match.__self__)
    assert chars is not None
    assert {"-", "'", "’"} <= chars
    assert not any(c.isalnum() for c in chars)


@pytest.mark.slow
def test_long_classes_do_not_change_the_answer(tokenizers):
    """Parsed whole (1 s) or with its letter classes shortened, the same required set."""
    plain, _ = tokenizers
    pattern = plain.tokenizer.token_match.__self__
    whole = _required(sre_parse.parse(pattern.pattern, pattern.flags))
    assert required_chars(pattern) == whole


@pytest.mark.slow
def test_kg_pipeline_keeps_serialising_the_models_pattern(fr_nlp):
    nlp = load_pipeline()
    match = nlp.tokenizer.token_match
    assert isinstance(match, GuardedMatch)
    assert match.__self__ is fr_nlp.tokenizer.token_match.__self__
    blank = spacy.blank("fr")
    blank.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert blank.tokenizer.token_match.__self__.pattern == match.__self__.pattern
    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert copy.token_match.__self__.pattern == match.__self__.pattern
    speed_up_token_match(nlp)  # idempotent
    assert nlp.tokenizer.token_match is match


@pytest.mark.parametrize(
    ("source", "chars"),
    [
        (r"(?i)(?:^a-b$)|(?:^c'd$)", {"-", "'"}),
        (r"^x[-‐]y$", {"-", "‐"}),
        (r"^(?:ab|c)[-]+z", {"-"}),
        (r"^ab$|^c-d$", None),  # the first alternative needs no non-letter
        (r"^[^-]+$", None),  # a negated class requires nothing
        (r"^a-?b$", None),  # an optional hyphen is not required
    ],
)
def test_required_chars(source: str, chars: set[str] | None):
    assert required_chars(re.compile(source)) == chars


def test_guard_answers_as_the_pattern():
    pattern = re.compile(r"(?i)(?:^a-b$)|(?:^c'd$)|(?:^e-f-g$)")
    chars = required_chars(pattern)
    assert chars == {"-", "'"}
    fast = GuardedMatch(pattern, chars)
    for word in ["a-b", "A-B", "c'd", "e-f-g", "ab", "cd", "a-bc", "x-y", ""]:
        want, have = pattern.match(word), fast(word)
        assert (have and have.span()) == (want and want.span()), word


def test_long_classes_keep_the_structure():
    letters = "[" + "".join(chr(c) for c in range(0x100, 0x180)) + "]"
    pattern = re.compile(rf"^{letters}+[-‐]{letters}*$|^\[?x'[]a]$")
    assert required_chars(pattern) == {"-", "‐", "'"}


def test_pattern_without_required_chars_is_kept():
    pattern = re.compile(r"^ab$|^c-d$")
    assert required_chars(pattern) is None
