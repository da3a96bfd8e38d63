"""Names of things that are not agents: diseases, particles, instruments, products, laws.

Why a filter of its own: NER gives every capitalised name one of three types, and a disease
("Ebola"), a particle ("le boson de Higgs"), a telescope ("Hubble") or a law ("la loi
Macron") then becomes an organisation, a person or a place in the graph, with facts that
make no sense ("Ebola" working for someone). Which names and nouns mark such things is
language data (``kg/lang/<lang>/things.json``); this module drops the names they mark.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from kg.lang import fold
from kg.nlp.entities.nominals import FOLD
from kg.nlp.tokens import ORTH

__all__ = ["NonAgents", "designation_code", "menu_item"]

_TOKEN = re.compile(r"\w+'|\w+|-")
#: A designation: capitals then digits, maybe a hyphen between and a lower-case suffix
#: ("PT1", "CL-415", "A320neo", "T-72").
_CODE = re.compile(r"[A-Z]{1,3}-?[0-9]+[a-z]*")


def _phrases(words: Any) -> set[tuple[str, ...]]:
    return {tuple(_TOKEN.findall(fold(w))) for w in words or ()}


class NonAgents:
    """Tells whether a name span is a thing (not a person, place or organisation)."""

    def __init__(self, data: Mapping[str, Any] | None, genitive: frozenset[str]) -> None:
        data = data or {}
        self._names = {fold(n) for n in data.get("names", ())}
        self._heads = _phrases(data.get("heads"))
        self._eponym_heads = _phrases(data.get("eponym_heads"))
        self._genitive = genitive
        self._firsts = {h[0] for h in self._heads}
        self._lasts = {h[-1] for h in self._heads}

    def __bool__(self) -> bool:
        return bool(self._names or self._heads)

    def is_thing(self, doc: Doc, start: int, end: int) -> bool:
        """Whether ``doc[start:end]`` names a thing: listed, or led by a thing noun."""
        words = FOLD(doc, ORTH)  # folded once per document, shared with other rules
        if " ".join(words[start:end]) in self._names or fold(doc[start:end].text) in self._names:
            return True
        inside = tuple(words[start:end])
        if inside[0] in self._firsts and any(
            inside[: len(h)] == h and len(inside) > len(h) for h in self._heads
        ):
            return True  # "Loi Travail", "Programme Erasmus" as one span
        before = tuple(words[max(0, start - 4) : start])
        if not before:
            return False
        if before[-1] in self._lasts and any(before[-len(h) :] == h for h in self._heads):
            return True  # "le télescope Hubble"
        if before[-1] in self._genitive:
            return any(before[-1 - len(h) : -1] == h for h in self._eponym_heads)
        return False


def designation_code(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is a bare designation code ("PT1", "CL-415", "A320neo").

    Aircraft, weapons, sport classes and instruments carry such codes, and NER types them
    organisations; the organisations that go by one ("TF1", "G20") are the gazetteer's,
    which the caller keeps. A code in a longer name ("France 24", "Europe 1") is not bare.
    """
    return _CODE.fullmatch(doc[start:end].text) is not None


def menu_item(doc: Doc, start: int, end: int, services: set[str]) -> bool:
    """Whether ``doc[start:end]`` is a web service named alone on its line: page chrome.

    Pages copied as text keep their sharing menus, one service a line ("Partager :",
    then "Facebook ,", "Reddit ,", …): those names are buttons, not mentions of the
    companies. ``services`` are the folded names of web services; the same name in a
    sentence ("Google a racheté la société") stays a mention.
    """
    if fold(doc[start:end].text) not in services:
        return False
    if start > 0 and not ("\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_):
        return False
    k = end - 1
    while "\n" not in doc[k].whitespace_:
        k += 1
        if k >= len(doc) or "\n" in doc[k].text:
            return True
        if not doc[k].is_punct:
            return False
    return True
