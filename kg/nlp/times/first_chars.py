"""Which characters a compiled pattern's match can start with, put in front of it as a test.

Why: every time rule starts with look-behinds (no word before it, "(?<!\\w)"), so Python's
regex engine has no first letter to look for and enters the whole pattern at every position
of a text; a look-ahead on the possible first characters, written *first*, lets most
positions fail on one character-class test. A look-ahead is zero-width and the class holds
every character the pattern can start with (read from the parsed pattern, look-arounds and
optional parts included), so the pattern with it matches exactly where and what it matched
without it. Where the start cannot be read (a negated class, a backreference, scoped
flags, a pattern that can match nothing), the pattern is left as it is.

The parse tree comes from ``re._parser``, CPython's own parser (private, stable since 3.11);
if it is missing or changes shape, :func:`with_first_chars` returns the pattern unchanged.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["first_chars", "with_first_chars"]

try:  # CPython ≥ 3.11
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other interpreters keep their patterns
    _c = _p = None

_CATEGORIES = (
    {
        _c.CATEGORY_DIGIT: r"\d",
        _c.CATEGORY_NOT_DIGIT: r"\D",
        _c.CATEGORY_SPACE: r"\s",
        _c.CATEGORY_NOT_SPACE: r"\S",
        _c.CATEGORY_WORD: r"\w",
        _c.CATEGORY_NOT_WORD: r"\W",
    }
    if _c
    else {}
)


class _Unknown(Exception):
    """The start of a pattern cannot be read as a character class."""


def _class_items(items: Any) -> set[str]:
    """The class items (``\\U…``, ranges, ``\\d``…) of a parsed ``[…]``."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(f"\\U{av:08x}")
        elif op is _c.RANGE:
            out.add(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:  # a negated class and the like
            raise _Unknown
    return out


def _first(items: Any) -> tuple[set[str], bool]:
    """The class items a sequence of parsed nodes can start with, and whether it can match
    nothing (then what follows it can start the match too)."""
    out: set[str] = set()
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero-width
        if op is _c.LITERAL:
            return out | {f"\\U{av:08x}"}, False
        if op is _c.IN:
            return out | _class_items(av), False
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unknown
            chars, empty = _first(sub.data)
        elif op is _c.ATOMIC_GROUP:
            chars, empty = _first(av.data)
        elif op is _c.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:
                more, more_empty = _first(branch.data)
                chars, empty = chars | more, empty or more_empty
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            chars, empty = _first(sub.data)
            empty = empty or low == 0
        elif op is _c.GROUPREF_EXISTS:
            _group, yes, no = av
            chars, empty = _first(yes.data)
            if no is None:
                empty = True
            else:
                more, more_empty = _first(no.data)
                chars, empty = chars | more, empty or more_empty
        else:  # any character, a backreference…
            raise _Unknown
        out |= chars
        if not empty:
            return out, False
    return out, True


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """A character class (``[…]``) holding every character a match of ``pattern`` can start
    with, or None when that cannot be read."""
    if _p is None:
        return None
    try:
        chars, empty = _first(_p.parse(pattern.pattern, pattern.flags).data)
    except (_Unknown, AttributeError, TypeError, ValueError, re.error):
        return None
    if empty or not chars:
        return None
    return "[" + "".join(sorted(chars)) + "]"


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` led by a look-ahead on its first characters (same matches, same groups)."""
    chars = first_chars(pattern)
    if chars is None:
        return pattern
    return re.compile(f"(?={chars})" + pattern.pattern, pattern.flags)
