"""The two rewrites that make the time patterns cheaper match exactly what the plain
patterns match: lexicon alternations as prefix trees (:mod:`kg.nlp.times.trie`) and the
first-character look-ahead put in front of each pattern (:mod:`kg.nlp.times.first_chars`).

Sentences are written for these tests; each rewrite is compared with the plain regex on
them, including the cases where the rewrite must step back (siblings that differ only in
case, a word that ends where a longer one goes on, spacing before spacing).
"""

from __future__ import annotations

import re

import pytest

from kg.nlp.times.first_chars import first_chars, with_first_chars
from kg.nlp.times.trie import trie_alternation

SENTENCES = [
    "Le Premier ministre arrivera à midi, puis repartira vers minuit ou le mi-mai.",
    "Il y a trois ans, il y avait déjà une usine ; NOËL et noël ont été fêtés à Lille.",
    "Vingt et un jours plus tard, vingt-trois élus ont voté en juin puis en juillet.",
    "Les  deux   équipes se sont retrouvées en janv. puis en févr. aujourd’hui encore.",
]


def _flat(words: list[str]) -> str:
    escaped = (re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in words)
    return "(?:" + "|".join(escaped) + ")"


def _spans(pattern: str, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(pattern, text, re.IGNORECASE)]


@pytest.mark.parametrize(
    ("words", "factored"),
    [
        (["juillet", "janvier", "juin", "janv.", "févr."], True),  # j(?:…)
        (["vingt et une", "vingt-trois", "vingt et un", "vingt"], True),  # ends come last
        (["aujourd'hui", "avant-hier", "après-demain", "hier"], True),
        (["midi", "minuit", "mi"], True),
        (["il y avait", "il y a"], True),
        (["NOËL", "noël"], False),  # siblings matching the same letters: kept flat
    ],
)
def test_trie_matches_what_the_flat_alternation_matches(words: list[str], factored: bool) -> None:
    words = sorted(set(words), key=len, reverse=True)
    tree = trie_alternation(words)
    assert (tree != _flat(words)) == factored
    for text in SENTENCES:
        for tail in ("", r"(?!\w)", r"\s+\w+"):  # what follows decides among the words too
            assert _spans(tree + tail, text) == _spans(_flat(words) + tail, text)


def test_trie_keeps_spacing_before_spacing_flat() -> None:
    # "a  b" (two spaces) after "a b": \s+ tried per run length would change the order
    words = ["le  mois", "le mois"]
    tree = trie_alternation(words)
    assert r"(?:\s+\s+mois|\s+mois)" in tree
    assert _spans(tree, SENTENCES[3]) == _spans(_flat(words), SENTENCES[3])


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"(?<!\w)(?:le\s+)?(?P<day>\d{1,2})\s+mars", {"l", "L", "5"}),
        (r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?!\d)", {"1", "2"}),
        (r"(?:(?P<mod>début|fin)\s+)?(?(mod)de\s+)?années", {"d", "f", "a", "A"}),
        (r"(?:ce|cette)?\s*soir", {"c", " ", "s"}),
    ],
)
def test_first_chars_hold_every_start(pattern: str, starts: set[str]) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    chars = first_chars(compiled)
    assert chars is not None
    assert all(re.fullmatch(chars, c, re.IGNORECASE) for c in starts)
    assert not re.fullmatch(chars, "x", re.IGNORECASE)
    led = with_first_chars(compiled)
    assert led.groupindex == compiled.groupindex
    for text in [*SENTENCES, "Le 5 mars 1998, début des années folles, ce  soir même."]:
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in compiled.finditer(text)]


@pytest.mark.parametrize(
    "pattern",
    [
        r"[^a]bc",  # a negated class
        r".h",  # any character
        r"(?:le\s+)?",  # can match nothing
        r"(?i:mars)\s+\d+",  # scoped flags
        r"(a)?\1",  # a backreference
    ],
)
def test_unreadable_starts_leave_the_pattern_alone(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert first_chars(compiled) is None
    assert with_first_chars(compiled) is compiled
