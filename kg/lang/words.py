"""A language's closed-class words and word shapes, by the role generic code gives them.

Why a record: generic code asks for ``words["genitive"]`` (the genitive preposition and its
contractions) or ``words["person_suffix_pattern"]``, never for "de" itself, so another
language fills the same roles with its own words in ``kg/lang/<lang>/words.json``.

>>> words = load_words("fr")
>>> sorted(words["genitive"])
["d'", 'de', 'des', 'du']
>>> bool(words["person_suffix_pattern"].search("Kowalski"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from kg.errors import ModelError
from kg.lang import load_data

__all__ = ["Words", "load_words"]


class Words(Mapping[str, Any]):
    """Read-only roles -> ``frozenset`` of words (``*_pattern`` roles -> compiled regex;
    lists of rules -> tuples, in order)."""

    __slots__ = ("_roles", "lang")

    def __init__(self, lang: str, raw: Mapping[str, Any]) -> None:
        self.lang = lang
        self._roles: dict[str, Any] = {
            role: _role(role, value) for role, value in raw.items() if not role.startswith("_")
        }

    def __getitem__(self, role: str) -> Any:
        try:
            return self._roles[role]
        except KeyError:
            raise ModelError(
                f"kg/lang/{self.lang}/words.json has no {role!r}: add the words of that role"
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._roles)

    def __len__(self) -> int:
        return len(self._roles)


def _role(role: str, value: Any) -> Any:
    """A regex for ``*_pattern``, a frozenset for a word list, tuples for a list of rules."""
    if role.endswith("_pattern"):
        return re.compile(value)
    if all(isinstance(v, str) for v in value):
        return frozenset(value)
    return tuple(tuple(v) for v in value)


@cache
def load_words(lang: str) -> Words:
    """The closed-class words of ``lang`` (``kg/lang/<lang>/words.json``), read once."""
    return Words(lang, load_data(lang, "words"))
