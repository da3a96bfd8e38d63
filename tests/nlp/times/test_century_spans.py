"""Centuries and decades in French TimeBank's form ("le XXIe siècle": ``20``, "les années
70": ``197``), and the words that only look like one ("le siècle des Lumières" is no 50th
century: "Le" is not the Roman numeral L followed by the ordinal "e").

Sentences written for kg; anchor 2024-02-15.
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Le XXIIe siècle paraît lointain.", "XXIIe siècle", "21"),
        ("Le vingtième siècle fut celui de l'automobile.", "vingtième siècle", "19"),
        ("La chapelle date du XIIIe siècle.", "XIIIe siècle", "12"),
        ("Au 18e siècle, le port s'est agrandi.", "18e siècle", "17"),
        ("La fin du XVIe siècle a été troublée.", "La fin du XVIe siècle", "15"),
        ("Vers le milieu du XXe siècle, le port a décliné.", "le milieu du XXe siècle", "19"),
        ("Dans les années 1920, le port a décliné.", "les années 1920", "192"),
        ("Au début des années 70, le port a décliné.", "début des années 70", "197"),
    ],
)
def test_a_century_or_decade(times_nlp, run, text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Le siècle des Lumières a bouleversé la pensée.",
        "Les années de guerre ont marqué le port.",
        "Le XVIe arrondissement reste calme.",
    ],
)
def test_no_numbered_century(times_nlp, run, text: str) -> None:
    assert not [t for t in run(times_nlp, text, ANCHOR) if t.value.isdigit() and len(t.value) == 2]
