"""Searching a time rule only before its anchors (:mod:`kg.nlp.times.windows`) finds what
scanning the whole text finds: the same spans and groups, in the same order.

Sentences are written for these tests, with the cases a window could get wrong: matches that
start well before their anchor ("au début de l'année 2001"), long runs of spaces or digits
that stretch ``\\s+`` and ``\\d+``, anchors without a match, adjacent and overlapping
matches, a look-ahead read after the match.
"""

from __future__ import annotations

import re

import pytest

from kg.nlp.times.rules import _runs, load_rules
from kg.nlp.times.windows import Anchor, lowered, reach, scan_near

SENTENCES = [
    "Au début de l'année 2001, puis à la fin du mois de mars 2003, le maire a parlé.",
    "La seconde   moitié   de   septembre \n\n\n  2019 a été calme ; mais pas en mai.",
    "Il est parti trois semaines plus tard, puis environ une dizaine d'années après.",
    "Les dernières 48 heures, 12 h 30, 2h08 et 123456789 2015 ; le lundi 3 et les mardis.",
    "Cet hiver-là, l'été 1998, au printemps dernier : la semaine suivante, ce mois-ci.",
    "Le 14 juillet 1789 et le 4 août, les 16 et 17 juin 2020, en mars, marsupiaux.",
    "Plan, Jean, an ; un an plus tard, cette année-là, la même année, l'année suivante.",
    "2020202020 1999-2000 l'an 2000 ; mi-mars, début avril, fin 2012, courant mai 2014.",
    "Ils reviendront lundi prochain après-midi, dimanche dernier en soirée, mars 2019 prochain.",
]


def _plain(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_windowed_rules_find_what_the_whole_scan_finds() -> None:
    rules = load_rules("fr")
    pairs = zip(rules._patterns, rules._near, strict=True)
    windowed = [(p, near) for (_n, p), near in pairs if near]
    assert len(windowed) >= 10  # month, date, year, season, units, weekdays…
    texts = [*SENTENCES, " ".join(SENTENCES), "\n".join(SENTENCES).upper()]
    texts.append(texts[-1].replace("S", "ſ").replace("I", "İ"))  # scanned case-folded
    for text in texts:
        runs = _runs(text)
        for pattern, (anchor, where) in windowed:
            spans = anchor.spans(text, lowered(text))
            near = scan_near(pattern, text, spans, where, runs)
            found = [(m.span(), m.groupdict()) for m in near]
            assert found == _plain(pattern, text), pattern.pattern[:60]


def test_find_is_unchanged_without_windows() -> None:
    rules = load_rules("fr")
    text = " ".join(SENTENCES)
    kept = rules._near
    try:
        windowed = [(c.start, c.end, c.rule) for c in rules.find(text)]
        rules._near = [None] * len(kept)
        plain = [(c.start, c.end, c.rule) for c in rules.find(text)]
    finally:
        rules._near = kept
    assert windowed == plain
    assert len(plain) > 20


@pytest.mark.parametrize(
    ("pattern", "group", "bounded"),
    [
        (r"(?:la\s+)?fin\s+de\s+(?P<m>mars)", "m", True),
        (r"(?:la\s+)?(?P<m>mars)?", "m", False),  # optional: not in every match
        (r"(?:(?P<m>mars)|avril)", "m", False),  # in one branch only
        (r"\w+\s+(?P<m>mars)", "m", False),  # a word of any length before it
        (r"(?=\d+\s+(?P<m>mars))\d+", "m", True),  # in a look-ahead: still held
        (r"(?:\d\s+){1,3}(?P<m>mars)", "m", True),
    ],
)
def test_reach_is_read_only_where_it_is_bounded(pattern: str, group: str, bounded: bool) -> None:
    assert (reach(re.compile(pattern), group) is not None) == bounded


@pytest.mark.parametrize(
    ("text", "lowers"),
    [
        ("Le 3 MARS à Besançon, « Noël » – œuvre", True),
        ("ſeptembre", False),  # the long s matches "s" only case-insensitively
        ("İl y a", False),  # lower-cased in two characters
        ("Αθήνα en mars", False),
    ],
)
def test_lowered_only_where_lower_case_keeps_the_match(text: str, lowers: bool) -> None:
    assert (lowered(text) == text.lower()) == lowers
    assert (lowered(text) is None) == (not lowers)


def test_anchor_finds_the_same_spans_lowered_or_folded() -> None:
    anchor = Anchor(r"(?:mars|an|ans)(?!\w)", before=r"[\s\d]")
    text = "En MARS, dans 2 ans, un an, plan, Jean, 3ans et mars."
    assert anchor.spans(text, lowered(text)) == anchor.spans(text, None)
    assert [text[s:e] for s, e in anchor.spans(text, None)] == ["MARS", "ans", "an", "ans", "mars"]


def test_runs_bound_the_longest_spaces_and_digits() -> None:
    assert _runs("le 3 mars") == (2, 4)
    assert _runs("le  3     mars 123456789") == (5, 9)
