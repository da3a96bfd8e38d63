"""Tests for kg/nlp/relations/quantities.py: French number phrases, never invented."""

from __future__ import annotations

import pytest

from kg.nlp.relations.quantities import parse_quantity, quantity_attributes


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("un million", 1_000_000),
        ("1 million", 1_000_000),
        ("2,5 milliards", 2_500_000_000),
        ("13", 13),
        ("huit", 8),
        ("Huit", 8),
        ("10 000", 10_000),
        ("10\u202f000", 10_000),
        ("10\u00a0000", 10_000),
        ("1.500", 1_500),
        ("trois cents", 300),
        ("deux cent cinquante", 250),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("mille", 1_000),
        ("trois mille", 3_000),
        ("deux millions trois cent mille", 2_300_000),
        ("1,2 million", 1_200_000),
        ("cinq cents millions", 500_000_000),
    ],
)
def test_parse_quantity_values(text, value):
    assert parse_quantity(text) == (value, text)


@pytest.mark.parametrize(
    "text",
    [
        "des milliers",
        "plusieurs centaines",
        "quelques dizaines",
        "des dizaines de milliers",
        "une centaine",
    ],
)
def test_vague_quantities_keep_text_only(text):
    assert parse_quantity(text) == (None, text)


@pytest.mark.parametrize("text", ["drones", "", "beaucoup"])
def test_non_numbers(text):
    assert parse_quantity(text)[0] is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "theme", "expected"),
    [
        ("Ils livrent un million de drones.", "million", {"quantity": 1_000_000, "item": "drone"}),
        ("Ils livrent 1 million de drones.", "million", {"quantity": 1_000_000, "item": "drone"}),
        (
            "Ils promettent 2,5 milliards d'euros.",
            "milliards",
            {"quantity": 2_500_000_000, "item": "euro"},
        ),
        ("Ils envoient 300 chars.", "chars", {"quantity": 300, "item": "char"}),
        (
            "Ils envoient au moins 300 chars.",
            "chars",
            {"quantity": 300, "item": "char", "quantity_qualifier": "min"},
        ),
        (
            "Ils envoient environ 40 hélicoptères.",
            "hélicoptères",
            {"quantity": 40, "item": "hélicoptère", "quantity_qualifier": "approx"},
        ),
        (
            "Ils fourniront jusqu'à un million de drones.",
            "million",
            {"quantity": 1_000_000, "item": "drone", "quantity_qualifier": "max"},
        ),
        (
            "Ils envoient des milliers de drones.",
            "milliers",
            {"quantity_text": "des milliers", "item": "drone"},
        ),
        ("Ils envoient des chars.", "chars", {}),
    ],
)
def test_quantity_attributes_from_parse(fr_nlp, sentence, theme, expected):
    doc = fr_nlp(sentence)
    token = next(t for t in doc if t.text == theme)
    assert quantity_attributes(token) == expected
