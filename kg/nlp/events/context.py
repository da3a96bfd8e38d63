"""What around a trigger word makes it tell no event: a word just before or after it ("la
troisième *marche*", "accident *de parcours*"), a source phrase ("*selon* l'enquête"), a
short quoted name ("l'association « *Un toit, un vote* »"), the cause a protest is against
or the topic a meeting is about ("manifester *contre la guerre*", "portait *sur les
enlèvements*").

Why apart from the trigger scan: these checks read the words around one candidate only, and
the verb readings (:mod:`kg.nlp.events.verbs`) use them too.
"""

from __future__ import annotations

import re

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.nlp import ud
from kg.nlp.events.lexicon import EventLexicon
from kg.nlp.extensions import doc_text

__all__ = ["blocked", "issue_phrase", "quoted_names", "source_phrase"]


def blocked(doc: Doc, i: int, end: int, lex: EventLexicon) -> bool:
    """A word just after the trigger ``[i, end)`` that makes it no news event ("accident *de
    parcours*", "feu *vert*")."""
    token = doc[i]
    blockers = lex.blockers.get(fold(token.lemma_), frozenset()) | lex.blockers.get(
        fold(token.text), frozenset()
    )
    if blockers and any(fold(t.text) in blockers for t in doc[end : end + 3]):
        return True
    before = lex.blockers_before.get(fold(token.lemma_)) or lex.blockers_before.get(
        fold(token.text)
    )
    if not before:
        return False
    words = [fold(t.text) for t in doc[max(0, i - 4) : i] if not t.is_punct]
    text = " ".join(words).replace("' ", "'")
    return any(text == b or text.endswith(" " + b) for b in before)


def source_phrase(token: Token, lex: EventLexicon) -> bool:
    """ "*selon* l'enquête", "*d'après* la déclaration": the noun names where a statement
    comes from, not a happening of the story."""
    for c in token.children:
        if c.dep_ == ud.CASE and c.i < token.i:
            words = [c, *(f for f in c.children if f.dep_ == ud.FIXED)]
            if " ".join(fold(w.text) for w in words) in lex.source_cases:
                return True
    return False


def issue_phrase(token: Token, lex: EventLexicon) -> bool:
    """ "ont défilé *contre la guerre*", "une campagne *contre les incendies*", "la réunion a
    porté *sur les enlèvements*": a cause or a topic, not a happening of the story."""
    case = next((c for c in token.children if c.dep_ == ud.CASE and c.i < token.i), None)
    if case is None or token.head.i == token.i:
        return False
    found = lex.issue_heads.get(fold(case.text))
    if found is None or fold(token.head.lemma_) not in found[0]:
        return False
    return not found[1] or "Plur" in token.morph.get("Number")


#: Where a quotation may open ("'" alone is an apostrophe far more often).
_OPENING = re.compile(r"[«“\"‘]|''")
_QUOTE_CHARS = frozenset("«»“”\"‘’'")
#: The longest quoted name read as a name: a quote is longer.
_NAME_TOKENS = 8


def _is_quote(token: Token) -> bool:
    return all(ch in _QUOTE_CHARS for ch in token.text)


def quoted_names(doc: Doc) -> set[int]:
    """Tokens of a short capitalised quotation right after a noun: the name of what the
    noun names (l'association « *Un toit, un vote* », l'opération "*Tempête*"), so its
    words tell no event. Only the opening marks found in the text are looked at."""
    inside: set[int] = set()
    n = len(doc)
    for m in _OPENING.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or span.start == 0 or not _is_quote(doc[span.start]):
            continue
        if doc[span.start - 1].pos not in (NOUN, PROPN):
            continue
        first = span.start + 1
        while first < n and _is_quote(doc[first]):
            first += 1
        stop = next(
            (k for k in range(first, min(n, first + _NAME_TOKENS + 1)) if _is_quote(doc[k])), None
        )
        if stop is not None and stop > first and doc[first].text[:1].isupper():
            inside.update(range(first, stop))
    return inside
