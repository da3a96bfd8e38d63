"""A clause's named subject when the parser takes its apposition for the subject.

Why: in "X, champion du monde en titre, a remporté …" or "Lors de la finale, X, tête de
série numéro un, a battu Y" the French parser often makes the apposed role noun the subject
(or a bare adjunct of the verb) and hangs the name elsewhere: as an adjunct, or as a conjunct
inside the fronted phrase. Every frame that reads the verb's subject then sees a role noun
with no entity and drops the fact. The surface says it plainly: a name, a comma, a phrase
with no verb of its own, a comma, then the verb. This module reads that shape back, so the
name is the subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from kg.nlp.syntax import MentionIndex

__all__ = ["named_before_apposition"]

#: Entity types a clause's subject may be named as.
_AGENTS = frozenset({"Country", "Organization", "Person"})
#: Parts of speech an apposed role phrase may not contain: it would be a clause of its own.
_CLAUSE_POS = frozenset({"VERB", "AUX", "PRON", "SCONJ"})
#: What may stand between a name and the comma opening its clause ("le champion X, …").
_TITLE_POS = frozenset({"DET", "NOUN", "ADJ"})
#: Tokens allowed between the apposition's closing comma and the verb.
_BEFORE_VERB_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "expl:comp", "expl:pv", "advmod"})


def named_before_apposition(noun: Token, verb: Token, index: MentionIndex) -> Token | None:
    """The root token of the name ``noun`` stands in apposition to, if the text reads
    "NAME, <noun phrase with ``noun``>, [auxiliary] VERB"; else None.

    ``noun`` must be a common noun with no mention of its own, left of ``verb``, inside the
    phrase between the two commas (see :func:`apposed_subject`).
    """
    if noun.pos_ != "NOUN" or noun.i >= verb.i or index.at(noun) is not None:
        return None
    found = apposed_subject(verb, index)
    if found is None or not found[1] <= noun.i < found[2]:
        return None
    return found[0]


def apposed_subject(verb: Token, index: MentionIndex) -> tuple[Token, int, int] | None:
    """(root token of NAME, start, end of the role phrase) when the text before ``verb``
    reads "NAME, <role phrase>, [auxiliary] VERB"; else None.

    The phrase between the two commas must hold a common noun and no verb, pronoun or
    subordinating conjunction ("X, qui dirige Y, a dit" is a relative clause, read
    elsewhere); only auxiliaries, clitics and adverbs may separate the second comma from the
    verb. The name must be a person, organisation or country, and open its clause (sentence
    start, or after a comma, possibly behind a determiner or a title).
    """
    doc = verb.doc
    close = verb.i - 1
    while close > 0 and doc[close].dep_ in _BEFORE_VERB_DEPS:
        close -= 1
    if close <= 0 or doc[close].text != "," or doc[close].is_sent_start:
        return None
    open_ = close
    while open_ > 0 and doc[open_ - 1].text != ",":
        open_ -= 1
        if doc[open_].pos_ in _CLAUSE_POS or doc[open_].is_sent_start:
            return None
    if open_ <= 1 or open_ == close:
        return None
    if not any(doc[i].pos_ == "NOUN" and index.at(doc[i]) is None for i in range(open_, close)):
        return None
    comma = open_ - 1
    names = [m for m in index.ends.get(comma, []) if m.type in _AGENTS]
    if not names:
        return None
    name = max(names, key=lambda m: m.end - m.start)
    start = name.start - 1
    while start >= 0 and doc[start].pos_ in _TITLE_POS and not doc[start + 1].is_sent_start:
        start -= 1
    if start >= 0 and not doc[start + 1].is_sent_start and doc[start].text != ",":
        return None
    return doc[index.roots[name]], open_, close
