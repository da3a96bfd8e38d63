"""Scanning a time pattern only around the words every one of its matches holds.

Why: Python's regex engine enters a pattern at every position of a text; for the rules that
open on optional determiners and period modifiers ("la fin de", "le mois de") that is most
word starts of an article, while their matches all hold a month, a year, a unit… which one
cheap scan finds. A match starting at ``s`` holds its anchor within a distance of ``s`` read
from the parsed pattern, so only starts in a window before each anchor can match; each
window is searched with ``pattern.search(text, lo, endpos)``, where ``endpos`` lies beyond
everything the engine can read from a start in the window (look-aheads and greedy repeats
included), and look-behinds still see the text before ``lo``. The matches are the ones
``pattern.finditer(text)`` yields, in the same order (the tests compare both).

Unbounded repeats are allowed only over whitespace or digits (``\\s+``, ``\\d+``): their
length is bounded per text by its longest run of such characters. Patterns with anything
else unbounded, or a backreference, get no window (:func:`reach` returns None).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Anchor", "Reach", "lowered", "reach", "scan_near"]

try:  # CPython ≥ 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other interpreters scan whole texts
    _c = _p = None

#: A length ``c + s·(S+1) + d·(D+1)``, S and D a text's longest runs of whitespace and digits.
_Len = tuple[int, int, int]
_ZERO: _Len = (0, 0, 0)


class _Unbounded(Exception):
    """A pattern whose reach cannot be bounded."""


def _add(a: _Len, b: _Len) -> _Len:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _max(a: _Len, b: _Len) -> _Len:
    return (max(a[0], b[0]), max(a[1], b[1]), max(a[2], b[2]))


def _scale(a: _Len, n: int) -> _Len:
    return (a[0] * n, a[1] * n, a[2] * n)


def _run_kind(sub: Any) -> _Len:
    """The unit of an unbounded repeat of one whitespace or digit class, else raise."""
    items = list(sub)
    if len(items) == 1 and items[0][0] is _c.IN and len(items[0][1]) == 1:
        op, av = items[0][1][0]
        if op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            return (0, 1, 0)
        if op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            return (0, 0, 1)
    raise _Unbounded


def _seq(items: Any, group: str | None, names: dict[int, str]) -> tuple[_Len, _Len, _Len | None]:
    """For a sequence of parsed nodes: the most it consumes, the furthest it reads (both
    from its start), and the most it consumes before the named ``group`` opens (None if
    the group is not in it)."""
    width, far, before = _ZERO, _ZERO, None
    for op, av in items:
        w, f, b = _node(op, av, group, names)
        if b is not None and before is None:
            before = _add(width, b)
        elif b is not None:
            before = _max(before, _add(width, b))
        far = _max(far, _add(width, f))
        width = _add(width, w)
    return width, _max(far, width), before


def _node(
    op: Any, av: Any, group: str | None, names: dict[int, str]
) -> tuple[_Len, _Len, _Len | None]:
    """:func:`_seq` for one node."""
    if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
        return (1, 0, 0), (1, 0, 0), None
    if op is _c.AT:  # \b and the like read the next character
        return _ZERO, (1, 0, 0), None
    if op is _c.SUBPATTERN:
        gid, _add_flags, _del_flags, sub = av
        w, f, b = _seq(sub.data, group, names)
        if gid is not None and group is not None and names.get(gid) == group:
            b = _ZERO
        return w, f, b
    if op is _c.ATOMIC_GROUP:
        return _seq(av.data, group, names)
    if op is _c.BRANCH:
        width, far, before = _ZERO, _ZERO, None
        found = []
        for branch in av[1]:
            w, f, b = _seq(branch.data, group, names)
            width, far = _max(width, w), _max(far, f)
            found.append(b)
        # the group is held by every match only if every branch holds it
        if found and all(b is not None for b in found):
            before = found[0]
            for b in found[1:]:
                before = _max(before, b)
        return width, far, before
    if op is _c.GROUPREF_EXISTS:
        _gid, yes, no = av
        w, f, b = _seq(yes.data, group, names)
        if no is None:
            return w, f, None
        w2, f2, b2 = _seq(no.data, group, names)
        both = None if b is None or b2 is None else _max(b, b2)
        return _max(w, w2), _max(f, f2), both
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        direction, sub = av
        if direction < 0:  # a look-behind reads before the position only
            return _ZERO, _ZERO, None
        _w, f, b = _seq(sub.data, group, names)
        return _ZERO, f, (b if op is _c.ASSERT else None)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        if high is _c.MAXREPEAT:
            unit = _run_kind(sub.data)
            return unit, unit, None
        w, f, b = _seq(sub.data, group, names)
        # held by every match only if the repeated part is (at least once)
        b = _add(_scale(w, high), b) if b is not None and low >= 1 else None
        return _scale(w, high), _add(_scale(w, high), f), b
    raise _Unbounded


@dataclass(frozen=True, slots=True)
class Reach:
    """How far from a match's start its engine reads (``far``) and its anchor group can
    start (``before``), as lengths ``c + s·(S+1) + d·(D+1)`` (see :func:`scan_near`)."""

    far: _Len
    before: _Len


def reach(pattern: re.Pattern[str], group: str) -> Reach | None:
    """The reach of ``pattern`` towards its ``group``, or None when it cannot be bounded
    (or every match need not hold the group)."""
    if _p is None or group not in pattern.groupindex:
        return None
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        names = {gid: name for name, gid in pattern.groupindex.items()}
        width, far, before = _seq(parsed.data, group, names)
    except (_Unbounded, AttributeError, TypeError, ValueError, re.error):
        return None
    if before is None:
        return None
    return Reach(_max(far, width), before)


class Anchor:
    """What every match of a rule holds, found by one scan per text.

    Why two regexes: under ``re.IGNORECASE`` the engine cannot skip ahead to the letters a
    pattern starts with and enters it at every position; the same regex without the flag,
    over the lower-cased text, skips in C to its first letters. The two find the same spans
    when lower-casing maps each character of the text to one character of the same class
    (:func:`lowered` checks that); else the text is scanned with the flag.

    Args:
        source: the regex, its letters in lower case.
        before: a character class the character before a span must match (a look-behind
            would cost the skip); no span of ``source`` may hold a character of it, so a
            span dropped for it covers no other one.
    """

    def __init__(self, source: str, before: str | None = None) -> None:
        self.fast = re.compile(source)
        self.folded = re.compile(source, re.IGNORECASE)
        self.before = re.compile(before) if before else None

    def spans(self, text: str, low: str | None) -> list[tuple[int, int]]:
        """Sorted spans covering every position where the regex matches in ``text`` (case
        ignored); ``low`` is ``lowered(text)``."""
        found = self.fast.finditer(low) if low is not None else self.folded.finditer(text)
        before = self.before
        if before is None:
            return [m.span() for m in found]
        return [m.span() for m in found if m.start() and before.match(text, m.start() - 1)]


#: Characters beyond Latin-1 whose lower case is themselves and that are no letters (quotes,
#: dashes…) or that are French letters: lower-casing them keeps a case-less match.
_TAME: dict[str, bool] = {"œ": True, "Œ": True}


def lowered(text: str) -> str | None:
    """``text.lower()`` when it has the same length and each character keeps its class
    (letter, digit, space) and matches what it matched case-insensitively: every character
    in Latin-1, "œ", or no letter that lower-casing leaves alone. Else None ("ſ", "İ",
    Greek and the like: scan with ``re.IGNORECASE``)."""
    if not text.isascii():
        for c in set(text):
            if c > "\xff":
                tame = _TAME.get(c)
                if tame is None:
                    tame = _TAME[c] = not c.isalpha() and c.lower() == c
                if not tame:
                    return None
    return text.lower()


def _length(n: _Len, runs: tuple[int, int]) -> int:
    return n[0] + n[1] * (runs[0] + 1) + n[2] * (runs[1] + 1) + 1


def scan_near(
    pattern: re.Pattern[str],
    text: str,
    anchors: list[tuple[int, int]],
    where: Reach,
    runs: tuple[int, int],
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, searched only before its anchors.

    Args:
        pattern: the rule's compiled pattern; every match holds its anchor group.
        text: the text.
        anchors: sorted ``(start, end)`` spans covering every position where the anchor
            group can start (the matches of a scan for it: an occurrence it skipped
            overlaps one it found).
        where: the pattern's :func:`reach` towards the anchor group.
        runs: the longest runs of whitespace and of digits in ``text``.
    """
    back, far = _length(where.before, runs), _length(where.far, runs)
    size = len(text)
    pos = 0
    for start, end in anchors:
        lo, hi = max(pos, start - back), end
        while lo <= hi:
            m = pattern.search(text, lo, min(size, hi + far))
            if m is None or m.start() > hi:
                break
            if m.end() == m.start():  # finditer steps over empty matches: not handled
                raise ValueError("empty match")
            yield m
            pos = lo = m.end()
