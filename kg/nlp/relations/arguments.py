"""Arguments of participation frames that the parse puts out of place.

Why a module of its own: news tells who took part in an event in word orders the French
parser misreads, and the verb and noun frames of :mod:`kg.nlp.relations.patterns` would
otherwise see no subject or no event:

- a subject after the verb ("Ont participé à la réunion X et Y"), hung on the event noun
  as an apposition;
- a relative on the event ("le sommet, *auquel* participaient A et B", "*à laquelle* ont
  pris part A et B"), whose pronoun the parser may make a subject;
- a part of the event ("cette *édition* du Tour", "la troisième *étape* des Jeux") that
  stands for the event in its genitive.

The words (relative pronouns, part nouns) are the lexicon's (``dative_relatives``,
``event_part_nouns`` in ``kg/lang/<lang>/relations.json``); these functions only read the
parse and the mention index.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.syntax import Syntax
from kg.nlp.tokens import ORTH, column

__all__ = ["dative_relative", "event_parts", "inverted_subjects"]

#: Folded words of a document, memoised per string (see kg.nlp.tokens).
_FOLD = column(fold_lexeme)


def inverted_subjects(verb: Token, objects: Sequence[Token], syn: Syntax) -> list[Token]:
    """ "Ont participé à la réunion X et Y": a subject after the verb's event, which the
    parser hangs on the event noun as an apposition. Only with no subject before the verb
    and no comma between the event and the names (", X," is the event's own apposition)."""
    if any(c.dep_ in {ud.NSUBJ, ud.NSUBJ_PASS} for c in verb.children):
        return []
    doc = verb.doc
    found = []
    for obj in objects:
        if obj.i < verb.i:
            continue
        for child in obj.children:
            if child.dep_ == ud.APPOS and child.i > obj.i and doc[child.i - 1].text != ",":
                mention = syn.index.at(child)
                if mention is not None and mention.type != "Event":
                    found.append(child)
    return found


def dative_relative(
    verb: Token, syn: Syntax, pronouns: Sequence[tuple[str, ...]]
) -> tuple[Token, Token] | None:
    """The pronoun of "auquel" / "à laquelle" (``pronouns``, folded words) opening
    ``verb``'s clause and the event mention that ends right before it (after an optional
    comma), if any."""
    doc = verb.doc
    words = _FOLD(doc, ORTH)
    for child in verb.children:
        if child.i >= verb.i or child.pos_ != "PRON":
            continue
        for cue in pronouns:
            start = child.i - len(cue) + 1
            if start < 0 or tuple(words[start : child.i + 1]) != cue:
                continue
            j = start - 1 if start > 0 and doc[start - 1].text == "," else start
            for mention in syn.index.ends.get(j, ()):
                if mention.type == "Event":
                    return child, doc[syn.index.roots[mention]]
    return None


def event_parts(objects: Sequence[Token], syn: Syntax, parts: Collection[str]) -> list[Token]:
    """ "cette édition du Tour", "la deuxième étape de la coupe": a part noun (``parts``,
    folded lemmas) that names no event stands for the event in its genitive."""
    found = list(objects)
    if not parts:
        return found
    for obj in objects:
        if syn.index.at(obj) is None and fold_lexeme(obj.lemma_) in parts:
            found.extend(
                g
                for g in obj.children
                if g.dep_.startswith(ud.NMOD) and syn.case_of(g) == syn.genitive
            )
    return found
