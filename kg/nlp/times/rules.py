"""Finding temporal expressions in text: the engine that runs a language's compiled patterns.

Why regexes over the raw text rather than a token Matcher: temporal expressions have a rigid
surface ("14 h 30", "mi-mars", "l'année 2001") that spaCy's tokenizer splits unpredictably
("14h30", "aujourd'hui", "mi-mars"), and a handful of compiled patterns over the text cost far
less than the parser. What an expression looks like in a language is that language's grammar
(``kg/lang/<lang>/times.py``, which builds a :class:`TimeRules` from ``times.json``); this
module holds what every language shares: the candidate record, the alternation builder and the
longest-match-first choice among overlapping matches. Normalising the value (which December?
which Thursday?) needs the document date and the verb's tense and lives in
:mod:`kg.nlp.times.resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kg.lang import grammar, load_data
from kg.nlp.times.first_chars import with_first_chars
from kg.nlp.times.trie import trie_alternation
from kg.nlp.times.windows import Anchor, Reach, lowered, reach, scan_near

__all__ = ["APOS", "TimeMatch", "TimeRules", "alt", "load_lexicon", "load_rules", "prev_words"]

#: Either apostrophe, as typed in news text.
APOS = "['’]"


def load_lexicon(lang: str = "fr") -> dict[str, Any]:
    """The temporal lexicon shipped in ``kg/lang/<lang>/times.json`` (read once)."""
    return load_data(lang, "times")


@cache
def load_rules(lang: str = "fr") -> TimeRules:
    """The compiled time rules of ``lang`` (its grammar's ``time_rules``), built once."""
    return grammar(lang).time_rules(load_lexicon(lang))


def alt(words: Any) -> str:
    """A regex alternation of lexicon entries, longest first, tolerant to ' / ’ and spacing."""
    parts = []
    firsts: set[str] = set()
    unique = sorted(set(words), key=len, reverse=True)
    for word in unique:
        escaped = re.escape(word).replace("'", APOS).replace(r"\ ", r"\s+")
        parts.append(escaped)
        first = word[:1]
        firsts.update("'’" if first in "'’" else (first, first.lower(), first.upper()))
    alternation = "(?:" + "|".join(parts) + ")"
    if "" not in unique:
        alternation = trie_alternation(unique)
    if not firsts or "" in unique or not all(c.isalnum() or c in "'’" for c in firsts):
        return alternation
    # A look-ahead on the first character (equivalent: every alternative starts with one of
    # them) lets the regex engine reject most positions at once instead of trying every
    # word; it halves the scan of a document.
    return "(?=[" + "".join(sorted(firsts)) + "])" + alternation


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A matched expression before normalisation: character span, rule name, groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None] = field(default_factory=dict)


def prev_words(text: str, start: int, n: int = 2) -> list[str]:
    """The ``n`` words before ``start`` (lower-cased, nearest last), for context checks."""
    words = re.findall(r"[\w'’/-]+|[.;:!?,]", text[max(0, start - 60) : start].lower())
    return [w.replace("’", "'") for w in words[-n:]]


class TimeRules:
    """A language's compiled patterns; build once, then call :meth:`find` per text.

    Args:
        lexicon: the language's ``times.json``, kept for the resolver (``rules.lexicon``).
        patterns: ``(rule name, compiled regex)`` in priority order (first wins a tie).
        triggers: per rule, substrings one of which a (lower-cased, straight-apostrophe) text
            must contain for the rule to be tried: cheap tests in C that skip most rules.
        gates: finer tests for the rules of one name whose regex has a given group
            (``(rule, group)``): substrings as in ``triggers``, or a regex that must match
            the lower-cased text. Each must be implied by the rule's own regex (a text it
            fails cannot match the rule): they only spare the scan, never change a result.
        anchors: for the rules of one name whose regex has a given group (``(rule,
            group)``), a group of it and an :class:`~kg.nlp.times.windows.Anchor` whose
            regex matches (case ignored) where that group starts in every match: the rule
            is then searched only just before the anchor's spans
            (:mod:`kg.nlp.times.windows`). Same results; a rule whose reach cannot be read
            from its regex is scanned whole.
    """

    def __init__(
        self,
        lexicon: dict[str, Any],
        patterns: Sequence[tuple[str, re.Pattern[str]]],
        triggers: dict[str, tuple[str, ...]],
        gates: Mapping[tuple[str, str], tuple[str, ...] | re.Pattern[str]] | None = None,
        anchors: Mapping[tuple[str, str], tuple[str, Anchor]] | None = None,
    ) -> None:
        self.lexicon = lexicon
        # each led by a test of its first character: the same matches, found without
        # entering the pattern at every position (see kg.nlp.times.first_chars)
        self._patterns = [(name, with_first_chars(pattern)) for name, pattern in patterns]
        self._triggers = triggers
        # Per rule (by priority), its gates; a gate object shared by several rules (one
        # regex for every clock rule) is tested once per text.
        self._gates = [
            tuple(
                gate
                for (rule, group), gate in (gates or {}).items()
                if rule == name and group in pattern.groupindex
            )
            for name, pattern in self._patterns
        ]
        self._near: list[tuple[Anchor, Reach] | None] = []
        for name, pattern in self._patterns:
            near = None
            for (rule, group), (held, anchor) in (anchors or {}).items():
                if rule == name and group in pattern.groupindex:
                    where = reach(pattern, held)
                    near = (anchor, where) if where is not None else None
            self._near.append(near)

    def find(self, text: str) -> list[TimeMatch]:
        """All non-overlapping candidates in ``text``, longest match first, in text order."""
        found: list[TimeMatch] = []
        low = text.lower().replace("’", "'")
        # Trigger and gate results, per text: rules that share their words (the month
        # rules, the weekday rules, the clock rules) test them once.
        passed: dict[tuple[str, ...] | re.Pattern[str], bool] = {}
        # per text: each anchor's spans, and the longest whitespace and digit runs
        spans: dict[Anchor, list[tuple[int, int]]] = {}
        runs: tuple[int, int] | None = None
        lower: list[str | None] = []  # the lower-cased text, once one anchor needs it
        for priority, (name, pattern) in enumerate(self._patterns):
            triggers = self._triggers.get(name)
            if triggers and not _passes(triggers, low, passed):
                continue
            if self._gates[priority] and not all(
                _passes(gate, low, passed) for gate in self._gates[priority]
            ):
                continue
            near = self._near[priority]
            if near is None:
                matches: Iterable[re.Match[str]] = pattern.finditer(text)
            else:
                anchor, where = near
                if anchor not in spans:
                    if not lower:
                        lower.append(lowered(text))
                    spans[anchor] = anchor.spans(text, lower[0])
                runs = runs or _runs(text)
                matches = scan_near(pattern, text, spans[anchor], where, runs)
            for m in matches:
                groups = m.groupdict()
                start, end = m.span("span") if groups.get("span") else m.span()
                if self._plausible(name, groups, text, start, end):
                    found.append(TimeMatch(start, end, name, groups))
                    found[-1].groups["_priority"] = str(priority)
        found.sort(key=lambda c: (-(c.end - c.start), int(c.groups["_priority"] or 0), c.start))
        chosen: list[TimeMatch] = []
        taken: list[tuple[int, int]] = []
        for cand in found:
            if all(cand.end <= s or cand.start >= e for s, e in taken):
                chosen.append(cand)
                taken.append((cand.start, cand.end))
        return sorted(chosen, key=lambda c: c.start)

    def _plausible(
        self, rule: str, g: dict[str, str | None], text: str, start: int, end: int
    ) -> bool:
        """Context checks that keep look-alikes out; a language's rules override this."""
        return True


_SPACES, _DIGITS = re.compile(r"\s+"), re.compile(r"\d+")
_LONG_SPACES, _LONG_DIGITS = re.compile(r"\s{3}"), re.compile(r"\d{5}")


def _runs(text: str) -> tuple[int, int]:
    """Bounds on the longest runs of whitespace and of digits in ``text`` (2 and 4 unless
    it has longer ones): how far ``\\s+`` and ``\\d+`` can reach in it."""
    spaces = 2 if not _LONG_SPACES.search(text) else max(map(len, _SPACES.findall(text)))
    digits = 4 if not _LONG_DIGITS.search(text) else max(map(len, _DIGITS.findall(text)))
    return spaces, digits


def _passes(
    gate: tuple[str, ...] | re.Pattern[str],
    low: str,
    passed: dict[tuple[str, ...] | re.Pattern[str], bool],
) -> bool:
    """Whether the lower-cased text ``low`` passes ``gate``: one of its substrings is in
    ``low``, or its regex matches there (memoised per text in ``passed``)."""
    found = passed.get(gate)
    if found is None:
        if isinstance(gate, re.Pattern):
            found = gate.search(low) is not None
        else:
            found = any(map(low.__contains__, gate))  # in C, no generator frame
        passed[gate] = found
    return found
