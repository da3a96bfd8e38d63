"""A lexicon alternation written as a prefix tree, matching exactly what the flat one matches.

Why: Python's regex engine tries the words of ``(?:janvier|juin|juillet|…)`` one by one, and
under ``re.IGNORECASE`` it cannot skip a word on its first letter, so every position where
a time rule is tried costs a jump per word of each lexicon it starts with (forty numbers,
twelve months…). Factored as ``j(?:anvier|ui(?:n|llet))`` a position costs a few letter
tests. The words keep their priority: siblings start with units that cannot match the same
character, so at most one branch of a node can match at a position, and a word that ends
where others go on (``mi`` before ``midi``) comes last, as it does in the longest-first list.
Where that cannot be shown (two siblings that match the same letter in another case,
spacing followed by spacing), the node keeps the flat list. The words are written as
:func:`kg.nlp.times.rules.alt` writes them: either apostrophe for ``'``, ``\\s+`` for a space.
"""

from __future__ import annotations

import re

__all__ = ["trie_alternation"]

_APOS = "['’]"
_SPACE = r"\s+"


def _units(word: str) -> list[str]:
    """The regex of each character of ``word``, as the flat alternation writes it."""
    return [_APOS if c == "'" else _SPACE if c == " " else re.escape(c) for c in word]


def _samples(unit: str) -> tuple[str, ...]:
    """Characters that stand for what ``unit`` can match (a letter stands for its cases)."""
    if unit == _APOS:
        return ("'", "’")
    if unit == _SPACE:
        return (" ",)
    return (re.sub(r"\\(.)", r"\1", unit),)


def _overlap(a: str, b: str) -> bool:
    """Whether units ``a`` and ``b`` can match the same character (case-insensitively)."""
    return any(re.fullmatch(x, c, re.IGNORECASE) for x, y in ((a, b), (b, a)) for c in _samples(y))


def _flat(rests: list[list[str]]) -> str:
    """The flat alternation of ``rests`` (priority order), as a group."""
    return "(?:" + "|".join("".join(r) for r in rests) + ")"


def _node(rests: list[list[str]]) -> str:
    """The factored alternation of unit lists ``rests``, given in priority order."""
    groups: dict[str, list[list[str]]] = {}
    ends = [not r for r in rests]
    if any(ends) and not all(ends[ends.index(True) :]):
        return _flat(rests)  # a word that ends before one that goes on: keep the order
    for rest in rests:
        if rest:
            groups.setdefault(rest[0], []).append(rest[1:])
    keys = list(groups)
    if any(_overlap(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :]):
        return _flat(rests)
    branches = []
    for key, tails in groups.items():
        if len(tails) == 1:
            branches.append(key + "".join(tails[0]))
        elif key == _SPACE and any(not t or _overlap(t[0], _SPACE) for t in tails):
            # after a variable run of spaces, branches tried per run length would change the order
            branches.append(_flat([[key, *t] for t in tails]))
        else:
            branches.append(key + _node(tails))
    if any(ends):
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def trie_alternation(words: list[str]) -> str:
    """The alternation of ``words`` (non-empty, longest first) as a prefix tree, in a group."""
    body = _node([_units(w) for w in words])
    # a node opening with "(?:" is one group (a branch opens with a character's regex)
    return body if body.startswith("(?:") else "(?:" + body + ")"
