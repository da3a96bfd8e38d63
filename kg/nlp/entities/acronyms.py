"""Acronyms defined in parentheses: "Organisation du traité de l'Atlantique nord (OTAN)".

Why apart: an acronym and its expansion are one thing in the document whichever comes
first ("OTAN (Organisation …)"); this reads only the parentheses next to known mentions,
found on the ``ORTH`` column without making a Token of every word, and holds the one
pattern of what an acronym looks like in news, which other rules share.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc

from kg.nlp.tokens import ORTH

__all__ = ["ACRONYM", "acronym_links"]

#: An acronym as written in news: 2-8 capitals, digits or dots, at least two capitals.
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Z0-9.&-]{1,7}$")
#: ``ORTH`` of "(": acronym definitions are found without reading every token.
_OPENING = hash_string("(")


def acronym_links(doc: Doc, spans: dict[tuple[int, int], Any]) -> list[tuple[int, int, Any]]:
    """Acronyms defined in parentheses, linked to the name they abbreviate.

    ``spans`` maps known mention spans ``(start, end)`` to anything (a candidate). Returns
    ``(start, end, value)`` for each parenthesised acronym right after a known mention
    ("… atlantique nord (OTAN)"), and for each known acronym followed by its expansion in
    parentheses when that expansion is a known mention ("OTAN (Organisation …)").
    """
    out: list[tuple[int, int, Any]] = []
    by_end = {end: (start, value) for (start, end), value in spans.items()}
    by_start = {start: (end, value) for (start, end), value in spans.items()}
    n = len(doc)
    for i in numpy.flatnonzero(doc.to_array(ORTH) == _OPENING).tolist():
        if i + 2 >= n:
            continue
        token = doc[i]
        inner, close = doc[token.i + 1], doc[token.i + 2]
        if close.text == ")" and ACRONYM.match(inner.text) and token.i in by_end:
            out.append((inner.i, inner.i + 1, by_end[token.i][1]))
        elif token.i + 1 in by_start and token.i > 0 and ACRONYM.match(doc[token.i - 1].text):
            end, value = by_start[token.i + 1]
            if end < len(doc) and doc[end].text == ")":
                out.append((token.i - 1, token.i, value))
    return out
