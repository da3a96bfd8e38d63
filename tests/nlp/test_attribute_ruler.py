"""The column attribute ruler gives the same document as spaCy's, attribute for attribute."""

from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler

from kg.nlp.attribute_ruler import ColumnAttributeRuler, speed_up_attribute_ruler
from kg.nlp.pipeline import load_pipeline

pytestmark = pytest.mark.slow

#: Sentences written for this test: every part of speech, spaces and blank lines (the
#: ruler's rules for whitespace tokens), a title line, numbers and symbols.
TEXTS = [
    "La ministre de la Santé a présenté mardi à Lyon un plan de 3 milliards d'euros.",
    "Titre de l'article\n\nLe conseil municipal s'est réuni hier soir ;  il a voté.\n",
    "  Euh… oui, bon, ils l'ont dit : « Nous reviendrons » !\t Puis ils sont partis.",
    "Selon l'OMS, 40 % des cas — soit 1 200 personnes — concernent des enfants.\n \n",
    "",
    " ",
    "\n\n",
]


def _parsed(nlp, texts: list[str]):
    """The documents as the pipes before the attribute ruler leave them."""
    names = nlp.pipe_names
    before = [n for n in names[: names.index("attribute_ruler")] if not n.startswith("kg_")]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def _columns(doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.dep_) for t in doc]


def test_same_document_as_spacys_ruler(fr_nlp):
    ruler = fr_nlp.get_pipe("attribute_ruler")
    assert type(ruler) is AttributeRuler
    docs = _parsed(fr_nlp, TEXTS)
    expected = [ruler(doc.copy()) for doc in docs]
    column = AttributeRuler(fr_nlp.vocab)
    column.add_patterns(ruler.patterns)
    column.__class__ = ColumnAttributeRuler
    assert column._plan().pos is not None  # the French rules take the fast path
    assert column._plan().gates is not None  # and their whitespace rules are gated
    got = [column(doc.copy()) for doc in docs]
    for want, have in zip(expected, got, strict=True):
        assert _columns(have) == _columns(want)
        assert have.to_bytes() == want.to_bytes()
    # the whitespace rules ran: spaces are tagged SPACE, not copied from a parsed POS
    spaces = [t for doc in got for t in doc if t.is_space]
    assert spaces and all(t.tag_ == "SPACE" and t.pos_ == "SPACE" for t in spaces)


def test_rules_of_another_shape_run_spacys_code(fr_nlp):
    """A tag rule after another rule, or a rule reading tags, disables the fast path."""
    patterns = [
        {"patterns": [[{"LOWER": "hier"}]], "attrs": {"TAG": "ADV"}},
        {"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}},
    ]
    plain = AttributeRuler(fr_nlp.vocab)
    plain.add_patterns(patterns)
    ruler = AttributeRuler(fr_nlp.vocab)
    ruler.add_patterns(patterns)
    ruler.__class__ = ColumnAttributeRuler
    assert ruler._plan().pos is None
    reads_tags = AttributeRuler(fr_nlp.vocab)
    reads_tags.add_patterns(
        [
            {"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}},
            {"patterns": [[{"TAG": "NOUN"}]], "attrs": {"LEMMA": "x"}},
        ]
    )
    reads_tags.__class__ = ColumnAttributeRuler
    assert reads_tags._plan().pos is None
    doc = _parsed(fr_nlp, ["Le maire est arrivé hier."])[0]
    want, have = plain(doc.copy()), ruler(doc.copy())
    assert _columns(have) == _columns(want)
    assert [t.tag_ for t in have if t.text in {"maire", "hier"}] == ["NOUN", "ADV"]


def test_whitespace_rules_are_matched_only_where_a_gate_lets_them(fr_nlp):
    """Rules after the tag rules match on the tokens their POS or IS_SPACE allows; a rule
    that names neither (here a word) makes the matcher scan every token again."""
    tags = [{"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}}]
    gated = [
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE"}},
        {"patterns": [[{"POS": "PUNCT", "LOWER": ";"}]], "attrs": {"TAG": "PV"}},
        {"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "nom"}},
    ]
    ungated = [*gated, {"patterns": [[{"LOWER": "hier"}]], "attrs": {"LEMMA": "la veille"}}]
    doc = _parsed(fr_nlp, ["Le maire ;  est arrivé hier.\n\nLa ville attend."])[0]
    for rest, gates in ((gated, True), (ungated, False)):
        plain = AttributeRuler(fr_nlp.vocab)
        plain.add_patterns([*tags, *rest])
        ruler = AttributeRuler(fr_nlp.vocab)
        ruler.add_patterns([*tags, *rest])
        ruler.__class__ = ColumnAttributeRuler
        assert (ruler._plan().gates is not None) is gates
        want, have = plain(doc.copy()), ruler(doc.copy())
        assert have.to_bytes() == want.to_bytes()
        assert [t.lemma_ for t in have if t.pos_ == "NOUN"] == ["nom", "nom"]
        assert [t.tag_ for t in have if t.text == ";"] == ["PV"]


def test_later_patterns_rebuild_the_plan(fr_nlp):
    ruler = AttributeRuler(fr_nlp.vocab)
    ruler.add_patterns([{"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NOUN"}}])
    ruler.__class__ = ColumnAttributeRuler
    assert ruler._plan().pos is not None
    ruler.add_patterns([{"patterns": [[{"POS": "VERB"}]], "attrs": {"TAG": "V"}}])
    doc = _parsed(fr_nlp, ["Le maire parle."])[0]
    ruler(doc)
    assert [t.tag_ for t in doc if t.pos_ in {"NOUN", "VERB"}] == ["NOUN", "V"]
    # cleared and refilled with as many rules (as ``from_disk`` does): read again
    ruler.clear()
    ruler.add_patterns(
        [
            {"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "N2"}},
            {"patterns": [[{"POS": "VERB"}]], "attrs": {"TAG": "V2"}},
        ]
    )
    ruler(doc)
    assert [t.tag_ for t in doc if t.pos_ in {"NOUN", "VERB"}] == ["N2", "V2"]


def test_kg_pipeline_uses_the_column_ruler_under_the_same_name():
    nlp = load_pipeline()
    assert "attribute_ruler" in nlp.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), ColumnAttributeRuler)
    speed_up_attribute_ruler(nlp)  # idempotent
    assert type(nlp.get_pipe("attribute_ruler")) is ColumnAttributeRuler
