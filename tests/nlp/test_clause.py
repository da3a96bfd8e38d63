"""Tests for kg/nlp/clause.py: modality, tense and source of the clause of a trigger word."""

from __future__ import annotations

import pytest

from kg.model import MODALITIES
from kg.nlp.clause import ModalityCues, governor_chain, modality_of, tense_of


@pytest.fixture(scope="module")
def cues() -> ModalityCues:
    return ModalityCues.load("fr")


def test_cues_load_from_data(cues):
    assert "devoir" in cues.expected_governors
    assert "selon" in cues.reported_cues


def _trigger(doc, lemma):
    return next(t for t in doc if t.lemma_ == lemma)


CASES = [
    ("La Lituanie a rejoint le groupe.", "rejoindre", "asserted", "past"),
    ("La Lituanie rejoint le groupe.", "rejoindre", "asserted", "present"),
    ("La Lituanie rejoindra le groupe.", "rejoindre", "planned", "future"),
    ("La Lituanie devrait rejoindre le groupe.", "rejoindre", "expected", "conditional"),
    ("La Lituanie est censée rejoindre le groupe.", "rejoindre", "expected", None),
    ("La Lituanie prévoit de rejoindre le groupe.", "rejoindre", "planned", None),
    ("La Lituanie a l'intention de rejoindre le groupe.", "rejoindre", "planned", None),
    ("La Lituanie n'a pas rejoint le groupe.", "rejoindre", "negated", "past"),
    ("La Lituanie ne rejoindra jamais le groupe.", "rejoindre", "negated", "future"),
    ("La Lituanie refuse de rejoindre le groupe.", "rejoindre", "negated", None),
    ("La Lituanie ne devrait pas rejoindre le groupe.", "rejoindre", "negated", None),
    ("La Lituanie aurait rejoint le groupe.", "rejoindre", "possible", "conditional"),
    ("La Lituanie pourrait rejoindre le groupe.", "rejoindre", "possible", None),
    ("Selon la presse, la Lituanie a rejoint le groupe.", "rejoindre", "reported", "past"),
    (
        "Selon la presse, la Lituanie devrait rejoindre le groupe.",
        "rejoindre",
        "expected",
        None,
    ),
    ("Le ministre a déclaré que la Lituanie livrerait des armes.", "livrer", "planned", None),
    ("Son adhésion au groupe attend la ratification du parlement.", "adhésion", "pending", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lemma", "modality", "tense"), CASES, ids=[c[0][:45] for c in CASES]
)
def test_modality_table(fr_nlp, cues, text, lemma, modality, tense):
    doc = fr_nlp(text)
    trigger = _trigger(doc, lemma)
    chain = governor_chain(trigger, cues)
    result = modality_of(trigger, cues, chain)
    assert result in MODALITIES
    assert result == modality
    if tense is not None:
        assert tense_of(chain, cues) == tense


@pytest.mark.slow
def test_chain_climbs_control_and_intention_nouns(fr_nlp, cues):
    doc = fr_nlp("Le groupe se fixe pour objectif de livrer des vivres.")
    chain = governor_chain(_trigger(doc, "livrer"), cues)
    assert [t.lemma_ for t in chain][:2] == ["livrer", "objectif"]
