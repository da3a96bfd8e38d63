"""An age apposed between a person and a role: "X, 53 ans, employé de Y", "X, âgée de 40
ans, maire de Z".

Why: news gives a person's age in apposition before the role; the role's bearer is then two
commas back, not one. The age phrase is short and fixed (a number and a unit, perhaps after
"âgé de"), so it is read on the surface, in both directions: back from a title's comma
(:mod:`kg.nlp.relations.bearers`) and forward from a person's comma
(:mod:`kg.nlp.relations.affiliation`). The words live in ``title_age`` of
``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from kg.lang import fold_lexeme

__all__ = ["AgePhrase"]

_COMMA = ","


class AgePhrase:
    """Finds an age phrase between two commas."""

    def __init__(self, lex: dict[str, Any]) -> None:
        spec = lex.get("title_age", {})
        #: "ans": the unit after the number.
        self.units = frozenset(fold_lexeme(w) for w in spec.get("units", ()))
        #: "âgé de": words that may open the phrase.
        self.openers = [tuple(fold_lexeme(w).split()) for w in spec.get("openers", ())]

    def _is_age(self, doc: Doc, start: int, end: int) -> bool:
        """Whether ``doc[start:end]`` is exactly an age phrase ("53 ans", "âgé de 53 ans")."""
        if end - start < 2 or fold_lexeme(doc[end - 1].text) not in self.units:
            return False
        number = doc[end - 2]
        if not (number.like_num or number.pos_ == "NUM"):
            return False
        opener = tuple(fold_lexeme(t.text) for t in doc[start : end - 2])
        return not opener or opener in self.openers

    def back(self, doc: Doc, comma: int) -> int | None:
        """ "X, 53 ans, <title>": given the comma before the title, the comma before the age
        (X ends there), else None."""
        if not self.units or comma < 3:
            return None
        longest = 2 + max((len(o) for o in self.openers), default=0)
        for size in range(2, longest + 1):
            start = comma - size
            if start < 1:
                break
            if doc[start - 1].text == _COMMA and self._is_age(doc, start, comma):
                return start - 1
        return None

    def forward(self, doc: Doc, comma: int) -> int | None:
        """ "X, 53 ans, <role>": given the comma after X, the comma after the age, else None."""
        if not self.units:
            return None
        longest = 2 + max((len(o) for o in self.openers), default=0)
        for size in range(2, longest + 1):
            end = comma + 1 + size
            if end >= len(doc):
                break
            if doc[end].text == _COMMA and self._is_age(doc, comma + 1, end):
                return end
        return None
