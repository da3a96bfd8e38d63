"""Where a fact or an event sits in its text: the evidence sentence and the clause's time.

Why apart from :mod:`kg.nlp.relations.component`: the relations and the events components
(:mod:`kg.nlp.events.records`) share one evidence rule and one clause-time reader, so a fact
and the event it tells quote the same sentence and carry the same date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.model import Evidence, TimeValue
from kg.nlp import ud
from kg.nlp.extensions import doc_text

__all__ = ["TimeIndex", "clause_head", "sentence_evidence"]

_CLAUSE_POS = frozenset({"VERB", "AUX"})


def sentence_evidence(token: Token) -> Evidence:
    """The sentence of ``token``, trimmed of surrounding whitespace, as doc-text offsets.

    A sentence never crosses a line break here: when the parser merges paragraphs into one
    "sentence", the evidence is cut back to the line holding the trigger.
    """
    sent = token.sent
    text = doc_text(token.doc)
    start, end = sent.start_char, sent.end_char
    newline = text.rfind("\n", start, token.idx)
    if newline != -1:
        start = newline + 1
    newline = text.find("\n", token.idx, end)
    if newline != -1:
        end = newline
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, text=text[start:end])


def clause_head(token: Token) -> Token:
    """The verb (or predicative root) that governs ``token``'s clause."""
    current = token
    for _ in range(10):
        if current.pos_ in _CLAUSE_POS or current.head.i == current.i:
            return current
        if any(c.dep_ == ud.COP for c in current.children):
            return current
        current = current.head
    return current


class TimeIndex:
    """Time expressions of a document, keyed by the clause that governs them."""

    def __init__(self, doc: Doc, times: list[TimeValue]) -> None:
        self.by_clause: dict[int, list[tuple[int, str]]] = {}
        for time in times:
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            head = clause_head(span.root)
            self.by_clause.setdefault(head.i, []).append((span.root.i, time.id))

    def for_chain(self, chain: list[Token]) -> str | None:
        """The time id in the clause of the trigger or of its controllers (nearest wins)."""
        if not self.by_clause:
            return None
        trigger = chain[0]
        best: tuple[int, str] | None = None
        for token in chain:
            for position, time_id in self.by_clause.get(clause_head(token).i, ()):
                distance = abs(position - trigger.i)
                if best is None or distance < best[0]:
                    best = (distance, time_id)
        return None if best is None else best[1]
