"""Shortcuts taken for speed find what the full scans find: time-rule gates and rewritten
time patterns, the noun prefilter of event triggers, and the per-character count of the
language check.

Sentences are written for these tests. Each shortcut is compared with the slow path it
skips (the same rules without their gates, every noun looked up), on texts where it must
let the rule run and on texts where it must skip it.
"""

from __future__ import annotations

import re

import pytest

import kg.lang.fr.times as french_times
import kg.nlp.times.rules as rules_module
from kg.lang.detect import language_mismatch
from kg.nlp.events.lexicon import EventLexicon
from kg.nlp.events.triggers import find_triggers
from kg.nlp.pipeline import load_pipeline
from kg.nlp.times.rules import load_rules

TEXTS = [
    # the gated rules fire: clock times, "2 h 08", "entre 9 et 11 heures", approximate numbers
    "Le cortège partira à 9h30 de la place centrale et arrivera vers 11 h.",
    "La coureuse a bouclé le marathon de Lyon en 2 h 08, un record.",
    "Les bureaux de vote ouvriront entre 8 et 19 heures dimanche.",
    "Le chantier du viaduc a duré une vingtaine d'années et coûté cher.",
    "Une quinzaine de jours plus tard, le ministre a démissionné.",
    "Les pompiers sont arrivés vers six heures et demie du matin, sans sirène.",
    # the gates skip them: no digit before an "h", no approximate number
    "Le conseil municipal de Brest a voté le budget mardi soir après un long débat.",
    "Depuis 2019, la société a ouvert 12 magasins et embauché 300 salariés.",
    "Trente heures de grève ont paralysé le port du Havre la semaine dernière.",
]


def test_time_rule_gates_change_no_match() -> None:
    rules = load_rules("fr")
    gated = [rules.find(text) for text in TEXTS]
    saved = rules._gates
    try:
        rules._gates = [()] * len(saved)
        ungated = [rules.find(text) for text in TEXTS]
    finally:
        rules._gates = saved
    assert gated == ungated
    found = {m.rule for matches in gated for m in matches}
    assert {"clock", "duration"} <= found  # the gated rules did run where they must


def test_gates_apply_to_their_rules_only() -> None:
    rules = load_rules("fr")
    pairs = list(zip(rules._patterns, rules._gates, strict=True))
    assert {name for (name, _), gates in pairs if gates} == {"clock", "duration"}
    # the general duration rule ("trois jours") keeps no gate: a unit word is enough
    assert any(not gates for (name, _), gates in pairs if name == "duration")


def test_rewritten_time_patterns_change_no_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """The prefix-tree alternations and first-character look-aheads find what the plain
    patterns (flat word lists, no look-ahead in front) find."""
    fast = load_rules("fr")
    monkeypatch.setattr(
        rules_module,
        "trie_alternation",
        lambda words: (
            "(?:"
            + "|".join(
                re.escape(w).replace("'", rules_module.APOS).replace(r"\ ", r"\s+") for w in words
            )
            + ")"
        ),
    )
    monkeypatch.setattr(rules_module, "with_first_chars", lambda pattern: pattern)
    slow = french_times.time_rules(rules_module.load_lexicon("fr"))
    assert [p.pattern for _, p in slow._patterns] != [p.pattern for _, p in fast._patterns]
    more = [
        "Au début des années 1990, puis à la mi-juin 2004, le site a fermé trois semaines.",
        "Le lendemain matin, vers quatre heures et demie, les secours sont arrivés.",
        "Chaque lundi, depuis le printemps dernier, le marché ouvre à l'aube.",
    ]
    for text in [*TEXTS, *more]:
        assert fast.find(text) == slow.find(text)


def _lookup_everything(lex: EventLexicon) -> EventLexicon:
    """The same lexicon whose prefilter lets every word through (the slow path)."""

    class Everything(frozenset):
        def __contains__(self, item: object) -> bool:
            return True

    slow = EventLexicon.__new__(EventLexicon)
    slow.__dict__.update(lex.__dict__)
    slow.__dict__["noun_words"] = Everything()
    return slow


@pytest.mark.parametrize(
    "text",
    [
        "L'explosion d'une usine chimique a fait trois blessés près de Rouen.",
        "La manifestation des agriculteurs a bloqué le périphérique de Toulouse.",
        "Le marché couvert de Caen rouvrira après les travaux de rénovation.",
        "La prise d'otages dans une banque de Namur s'est terminée sans victime.",
    ],
)
def test_noun_prefilter_finds_the_same_triggers(text: str) -> None:
    nlp = load_pipeline()
    doc = nlp(text)
    lex = nlp.get_pipe("kg_event_triggers").lex
    mentions = list(doc._.kg_mentions or ())
    fast = [(h.start, h.end, h.entry.cls) for h in find_triggers(doc, lex, mentions)]
    slow = [
        (h.start, h.end, h.entry.cls) for h in find_triggers(doc, _lookup_everything(lex), mentions)
    ]
    assert fast == slow


def test_noun_words_cover_single_and_multiword_nouns() -> None:
    lex = load_pipeline().get_pipe("kg_event_triggers").lex
    assert set(lex.nouns) <= lex.noun_words
    assert set(lex.multiword) <= lex.noun_words
    assert set(lex.generic) <= lex.noun_words
    assert "parapluie" not in lex.noun_words  # no happening


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        ("Le maire de Quimper a inauguré la nouvelle médiathèque du centre-ville. " * 4, None),
        ("Пресс-служба мэрии сообщила о новом мосте через реку в городе. " * 4, "Latin"),
        ("The mayor of the town opened a new library in the old market hall. " * 4, "function"),
    ],
)
def test_language_check_counts_letters_per_character(text: str, mismatch: str | None) -> None:
    why = language_mismatch(text, "fr")
    assert (why is None) if mismatch is None else (why is not None and mismatch in why)
