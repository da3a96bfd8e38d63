"""Argument readings of stance and signing frames that the generic frame reader lacks.

Why a module: :mod:`kg.nlp.relations.patterns` reads every frame the same way (subject, object
slot, genitive); the constructions here put a frame's holders where no generic rule looks,
and keeping them apart keeps that reader small.

- :func:`adverbial_lead`: "*lors d'*un entretien avec Y, X a …": the parser hangs the noun
  on the adverb of a compound preposition, whose word, not "de", says what the phrase is,
  and whose head is the clause's verb.
- :func:`phrase_end`: "la *mise en accusation* de X": a noun phrase of a lexicon list
  whose complement hangs on its last word.
- :func:`fronted_members`: "*Parmi les signataires* du pacte figurent A et B", a role noun
  fronted by a partitive preposition: its holders are the clause's other arguments, after
  the verb ("figurent", "on compte", "se trouvent"), not a subject of the noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.syntax import Syntax

__all__ = ["adverbial_lead", "fronted_members", "phrase_end"]

#: How the parser hangs the holders after an inverted verb ("figurent *A et B*").
_MEMBER_DEPS = frozenset({ud.NSUBJ, ud.OBJ, ud.NSUBJ_PASS})


def fronted_members(noun: Token, syn: Syntax, cases: frozenset[str]) -> list[Token]:
    """The holders of a role noun fronted by one of ``cases`` ("parmi"), or [] when the noun
    is not fronted that way: the nouns that follow the clause's verb as its subject or
    object ("Parmi les signataires du pacte figurent *le Togo* et le Bénin"); conjuncts are
    read by the caller's list expansion."""
    verb = noun.head
    if (
        not cases
        or verb.pos_ not in {"VERB", "AUX"}
        or noun.i > verb.i
        or syn.case_of(noun) not in cases
    ):
        return []
    return [c for c in verb.children if c.i > verb.i and c.dep_ in _MEMBER_DEPS]


def adverbial_lead(noun: Token, syn: Syntax) -> tuple[str, Token] | None:
    """ "*lors d'*un entretien": the adverb that opens the noun's compound preposition (its
    folded word) and the verb it modifies, or None when the noun hangs on no such adverb."""
    adverb = noun.head
    if (
        adverb.pos_ != "ADV"
        or adverb.i >= noun.i
        or syn.case_of(noun) != syn.genitive
        or adverb.head.pos_ not in {"VERB", "AUX"}
    ):
        return None
    return fold_lexeme(adverb.text), adverb.head


def phrase_end(noun: Token, phrases: frozenset[str]) -> Token | None:
    """The last word of the multiword entry of ``phrases`` (folded) that opens at ``noun``
    ("*mise* en accusation" -> "accusation"), or None when none does."""
    doc = noun.doc
    head = fold_lexeme(noun.lemma_)
    for phrase in phrases:
        words = phrase.replace("'", "' ").split()
        if len(words) < 2 or words[0] != head or noun.i + len(words) > len(doc):
            continue
        tail = [fold_lexeme(t.text) for t in doc[noun.i + 1 : noun.i + len(words)]]
        if tail == words[1:]:
            return doc[noun.i + len(words) - 1]
    return None
