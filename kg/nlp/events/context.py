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

__all__ = [
    "blocked",
    "habitual",
    "issue_phrase",
    "period_phrase",
    "quoted_names",
    "source_phrase",
    "unreal_noun",
    "venue_name",
]


def blocked(doc: Doc, i: int, end: int, lex: EventLexicon) -> bool:
    """A word just after the trigger ``[i, end)`` that makes it no news event ("accident *de
    parcours*", "feu *vert*")."""
    token = doc[i]
    blockers = lex.blockers.get(fold(token.lemma_), frozenset()) | lex.blockers.get(
        fold(token.text), frozenset()
    )
    if blockers and any(
        fold(t.text) in blockers or fold(t.lemma_) in blockers for t in doc[end : end + 3]
    ):  # "feu *rouge*", "les vols *habités*": any agreement of the word
        return True
    if end < len(doc) and _code(doc[end].text):
        return True  # "le vol *AF447*": a code names a thing (a flight, a ship)
    before = lex.blockers_before.get(fold(token.lemma_)) or lex.blockers_before.get(
        fold(token.text)
    )
    if not before:
        return False
    words = [fold(t.text) for t in doc[max(0, i - 4) : i] if not t.is_punct]
    text = " ".join(words).replace("' ", "'")
    return any(text == b or text.endswith(" " + b) for b in before)


def _code(word: str) -> bool:
    """Letters and digits in one word ("MS804", "A320"): an identifier, not a word."""
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


def unreal_noun(token: Token, lex: EventLexicon) -> bool:
    """ "*aucune* évasion", "*sans* heurts", "il n'y a pas eu *d'*accident", "des troubles
    *éventuels*", "des patrouilles *quotidiennes*": the noun says that nothing happened, that
    something may happen or that it happens as a habit; no one happening is told (PLOVER
    codes what occurred)."""
    for c in token.children:
        dep = c.dep_
        if dep == ud.DET:
            word = fold(c.text)
            if word in lex.negative_determiners or word in lex.habitual_determiners:
                return True  # "aucune évasion", "après *chaque* manifestation"
            if fold(c.lemma_) in lex.negative_partitives and _negated(token.head, lex):
                return True  # "il n'y a pas eu d'accident", "sans faire de blessé"
        elif dep == ud.CASE and c.i < token.i and fold(c.text) in lex.negative_cases:
            return not any(k.dep_ == ud.DET for k in token.children)  # "sans heurts"
        elif dep == ud.AMOD and fold(c.lemma_) in lex.hypothetical_modifiers:
            return True
        elif dep == ud.AMOD and fold(c.lemma_) in lex.habitual_modifiers:
            return True  # "des réunions *hebdomadaires*": a series, no one happening
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    modifier = after is not None and after.pos_ == "ADJ"
    unsure = lex.hypothetical_modifiers | lex.habitual_modifiers
    if modifier and fold(after.lemma_) in unsure:
        return True  # the parser may hang "éventuels" on the word after it
    return token.head.i != token.i and habitual(token.head, lex)


def habitual(verb: Token, lex: EventLexicon) -> bool:
    """ "le site *subit régulièrement* des attaques", "est *souvent* accusé", "meurent *chaque
    année*", "se réunit deux fois *par mois*": a habit, no one happening to date."""
    for k in verb.children:
        dep = k.dep_
        if dep.startswith(ud.ADVMOD) and fold(k.text) in lex.habitual_adverbs:
            return True
        if dep.startswith((ud.OBL, ud.OBJ)) and _frequency(k, lex):
            return True
        if dep.startswith(ud.OBJ) and any(
            f.dep_.startswith(ud.NMOD) and _frequency(f, lex) for f in k.children
        ):
            return True  # "a lieu deux fois *par an*": hung on "fois"
    return False


def _frequency(phrase: Token, lex: EventLexicon) -> bool:
    """ "*chaque* année", "*par* mois": a unit of time every one of which the verb recurs in."""
    units = lex.frequency_units
    if fold(phrase.lemma_) not in units and fold(phrase.text) not in units:
        return False
    for c in phrase.children:
        if c.dep_ == ud.DET and fold(c.text) in lex.habitual_determiners:
            return True
        if c.dep_ == ud.CASE and fold(c.text) in lex.frequency_cases:
            return not any(d.dep_ == ud.DET for d in phrase.children)
    return False


def _negated(verb: Token, lex: EventLexicon) -> bool:
    """The verb carries a negative adverb ("n'a *pas* eu", "n'a *jamais* connu")."""
    return any(
        fold(k.text) in lex.negative_adverbs for k in verb.children if k.dep_.startswith(ud.ADVMOD)
    )


def venue_name(token: Token, lex: EventLexicon) -> bool:
    """ "le centre *des congrès*", "la salle *des fêtes*": an event noun completing the noun
    of a building or a body names that place, no happening ("au centre *de la
    manifestation*", with its own determiner, is the middle of one)."""
    head = token.head
    if head.i == token.i or not token.dep_.startswith(ud.NMOD) or head.i > token.i:
        return False
    if fold(head.lemma_) not in lex.venue_nouns:
        return False
    return not any(c.dep_ == ud.DET for c in token.children)


def source_phrase(token: Token, lex: EventLexicon) -> bool:
    """ "*selon* l'enquête", "*d'après* la déclaration": the noun names where a statement
    comes from, not a happening of the story."""
    for c in token.children:
        if c.dep_ == ud.CASE and c.i < token.i:
            words = [c, *(f for f in c.children if f.dep_ == ud.FIXED)]
            if " ".join(fold(w.text) for w in words) in lex.source_cases:
                return True
    return False


def period_phrase(token: Token, lex: EventLexicon) -> bool:
    """ "*pendant* la Seconde Guerre mondiale", "*depuis la fin de* la guerre": a war or a
    regime named to date the sentence is a period of history, which the sentence's own
    date does not date."""
    word = fold(token.lemma_)
    if word not in lex.period_nouns and fold(token.text) not in lex.period_nouns:
        return False
    phrase = token
    if token.head.i != token.i and fold(token.head.lemma_) in lex.period_parts:
        phrase = token.head  # "à la fin de la guerre": the phrase of "fin"
    return any(
        c.dep_ == ud.CASE and c.i < phrase.i and fold(c.text) in lex.period_cases
        for c in phrase.children
    )


def issue_phrase(token: Token, lex: EventLexicon) -> bool:
    """ "ont défilé *contre la guerre*", "une campagne *contre les incendies*", "la réunion a
    porté *sur les enlèvements*": a cause or a topic, not a happening of the story."""
    case = next((c for c in token.children if c.dep_ == ud.CASE and c.i < token.i), None)
    if case is None or token.head.i == token.i:
        return False
    plural_only = lex.issue_heads.get(fold(case.text), {}).get(fold(token.head.lemma_))
    if plural_only is None:
        return False
    if any(c.dep_ == ud.DET and fold(c.text) in lex.demonstratives for c in token.children):
        return False  # "lutter contre *ces* agressions": the happenings told, referred back to
    return not plural_only or "Plur" in token.morph.get("Number")


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
