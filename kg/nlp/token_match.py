"""The tokenizer's ``token_match``, tried only on words that have a character it requires.

Why: the French ``token_match`` (words kept whole, such as "hip-hop", "entr'abat",
"saut-de-ski") is one regular expression of a few hundred alternatives, each anchored at
the start, under ``re.IGNORECASE``; spaCy's tokenizer calls it on every chunk of text its
cache lacks, and again after each prefix or suffix it strips, and the engine then tries the
alternatives one by one: 10-20 µs for an ordinary word, which fails them all. That was a
third of the tokenizer's time on new text (0.56 → 0.39 s CPU over the first 250 WiNER dev
articles without it).

Every alternative requires one character of a small set (a hyphen, an apostrophe or a
space, in the French model). :func:`required_chars` reads that set from the pattern's own
parse, and :class:`GuardedMatch` calls the pattern only on strings that contain one of
them: on the others it would have failed, so it answers None at once. On the rest it is the
same call, so the match, and the tokens, are the same.

A new pattern with the guard in front would do the same, but compiling it again costs
3-4 s per process (the pattern is 1.4 MB of character classes); :class:`GuardedMatch`
keeps the compiled one, and exposes it as ``__self__`` as a bound ``match`` does, so the
tokenizer serialises the original pattern as before.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from spacy.language import Language

__all__ = ["GuardedMatch", "required_chars", "speed_up_token_match"]

_LITERAL = sre_constants.LITERAL
_IN = sre_constants.IN
_RANGE = sre_constants.RANGE
_SUBPATTERN = sre_constants.SUBPATTERN
_BRANCH = sre_constants.BRANCH
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_POSSESSIVE = getattr(sre_constants, "POSSESSIVE_REPEAT", None)

#: An escape outside a character class, or a whole character class (Python's syntax: a
#: ``]`` first in the class is a member; a backslash escapes the next character).
_ATOM = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]", re.DOTALL)

#: Character classes longer than this (source characters) are parsed as a one-letter class.
_LONG_CLASS = 100


class GuardedMatch:
    """``pattern.match``, skipped (None) on strings with none of the characters it requires."""

    __slots__ = ("__self__", "_guard", "_match")

    def __init__(self, pattern: re.Pattern[str], chars: set[str]) -> None:
        #: The pattern, as on a bound method: spaCy serialises ``token_match.__self__``.
        self.__self__ = pattern
        self._match = pattern.match
        cls = "".join(re.escape(c) for c in sorted(chars))
        self._guard = re.compile(f"[{cls}]").search

    def __call__(self, string: str) -> re.Match[str] | None:
        """``pattern.match(string)``."""
        if self._guard(string) is None:
            return None
        return self._match(string)

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as the plain bound method: the guard is rebuilt by speed_up_token_match
        return (getattr, (self.__self__, "match"))


def _uncased(chars: set[str]) -> bool:
    """Whether no character of ``chars`` has another case (so IGNORECASE cannot widen it)."""
    return all(c.lower() == c == c.upper() and not c.isalnum() for c in chars)


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a character class, or None if it is not a short list of them."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _LITERAL:
            chars.add(chr(arg))
        elif op is _RANGE and arg[1] - arg[0] < 64:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None  # NEGATE, CATEGORY, wide ranges: not a small required set
    return chars


def _required(seq: Any) -> set[str] | None:
    """A small set of uncased characters one of which every match of ``seq`` contains."""
    best: set[str] | None = None
    for op, arg in seq:
        found: set[str] | None = None
        if op is _LITERAL:
            found = {chr(arg)}
        elif op is _IN:
            found = _class_chars(arg)
        elif op is _SUBPATTERN:
            found = _required(arg[-1])
        elif op is _BRANCH:
            parts = [_required(branch) for branch in arg[1]]
            if all(p is not None for p in parts):
                found = set().union(*parts)  # type: ignore[arg-type]
        elif (op in _REPEATS or op is _POSSESSIVE) and arg[0] >= 1:
            found = _required(arg[2])
        if found is not None and _uncased(found) and (best is None or len(found) < len(best)):
            best = found
    return best


def _short_classes(source: str) -> str:
    """``source`` with every long character class replaced by ``[a]``.

    A class is one atom whatever its members, so the pattern keeps its structure (which
    atoms every match needs); the long classes (all letters, in the French pattern) are
    never a small required set, and parsing them is most of the parse's time (1 s).
    """

    def shorten(m: re.Match[str]) -> str:
        atom = m.group(0)
        return "[a]" if atom[0] == "[" and len(atom) > _LONG_CLASS else atom

    return _ATOM.sub(shorten, source)


def required_chars(pattern: re.Pattern[str]) -> set[str] | None:
    """Characters one of which every string ``pattern`` matches contains, or None.

    Read from the parse of the pattern: for each alternative, the smallest class or literal
    of non-letter, uncased characters that it cannot match without.
    """
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return None  # (verbose: a "[" in a comment is not a class)
    try:
        parsed = sre_parse.parse(_short_classes(pattern.pattern), pattern.flags)
    except re.error:
        return None
    return _required(parsed)


def speed_up_token_match(nlp: Language) -> None:
    """Guard ``nlp``'s tokenizer's ``token_match`` (a compiled pattern's ``match``)."""
    match = nlp.tokenizer.token_match
    pattern = getattr(match, "__self__", None)
    if isinstance(match, GuardedMatch) or not isinstance(pattern, re.Pattern):
        return
    if match != pattern.match:
        return
    chars = required_chars(pattern)
    if chars:
        nlp.tokenizer.token_match = GuardedMatch(pattern, chars)
