"""Membership stated by "faire partie de", "appartenir à" and founding verbs: "le Mali, qui
fait partie de la CEDEAO", "le Parti vert, formation faisant partie de la coalition", "X
appartient au parti", "X a fondé Y" / "Y, fondée par X".

Why a module of its own: the member is the subject of a light verb whose object noun
("partie") carries the body, and the parser hangs the phrase as a relative, a participle on a
kind noun in apposition ("formation faisant partie de") or a plain clause; the body is read
from the noun's "de" (or the verb's "à"), the member from the verb's subject, the relative's
antecedent, or the name a kind noun is in apposition to. The words live in ``membership`` of
``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax
from kg.nlp.tokens import LEMMA, column

__all__ = ["Membership"]

_FOLD = column(fold_lexeme)
_MEMBERS = frozenset({"Country", "Organization", "Person"})
_BODIES = frozenset({"Organization"})


class Membership:
    """``memberOf`` from "faire partie de" and "appartenir à", compiled once from the lexicon."""

    def __init__(self, lex: dict[str, Any]) -> None:
        spec = lex.get("membership", {})
        self.nouns = frozenset(fold_lexeme(w) for w in spec.get("part_nouns", ()))
        self.light_verbs = frozenset(fold_lexeme(w) for w in spec.get("light_verbs", ()))
        self.verbs = {fold_lexeme(k): fold_lexeme(v) for k, v in spec.get("verbs", {}).items()}
        self.founding = frozenset(fold_lexeme(w) for w in spec.get("founding_verbs", ()))
        #: Kind nouns an apposition may describe the member by ("X, *formation* faisant …").
        self.kinds = frozenset(fold_lexeme(w) for w in spec.get("kind_nouns", ()))

    def find(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """Every membership of ``doc`` stated by one of the shapes above."""
        if not self.nouns and not self.verbs:
            return
        wanted = self.nouns | self.verbs.keys() | self.founding
        # Token objects only for the few words some shape may start on (see kg.nlp.tokens).
        for i, lemma in enumerate(_FOLD(doc, LEMMA)):
            if lemma not in wanted:
                continue
            token = doc[i]
            if (
                lemma in self.nouns
                and token.dep_ == ud.OBJ
                and fold_lexeme(token.head.lemma_) in self.light_verbs
            ):
                verb = token.head
                bodies = self._body_after(token, syn)
            elif lemma in self.verbs and token.pos_ in {"VERB", "AUX"}:
                verb = token
                bodies = [
                    m
                    for t in syn.prepositional(verb, frozenset({self.verbs[lemma]}))
                    for m in syn.mentions_of(t, _BODIES)
                ]
            elif lemma in self.founding and token.pos_ == "VERB":
                yield from self._founders(token, syn)
                continue
            else:
                continue
            if not bodies:
                continue
            for member in self._members(verb, syn):
                for body in bodies:
                    if body.key != member.key:
                        yield RelationCandidate(member, "memberOf", body, verb)

    def _founders(self, verb: Token, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "X a fondé Y", "Y, fondée par X": a founder is a member, as the title says."""
        bodies = [m for t in syn.direct_objects(verb) for m in syn.mentions_of(t, _BODIES)]
        if not bodies:
            return
        people = [m for t in syn.subjects(verb) for m in syn.mentions_of(t, frozenset({"Person"}))]
        for person in people:
            for body in bodies:
                yield RelationCandidate(person, "memberOf", body, verb)

    def _body_after(self, noun: Token, syn: Syntax) -> list[TokenMention]:
        """ "partie *de la CEDEAO*": the body right after the noun, read on the surface (the
        parser hangs it on the verb or on the noun)."""
        doc = noun.doc
        i = noun.i + 1
        if i >= len(doc) or syn.case_word(doc[i]) != syn.genitive:
            return []
        i += 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        first = next((m for m in syn.index.starts.get(i, ()) if m.type in _BODIES), None)
        if first is None or first.kind == "demonym":
            return []
        return [first, *syn.coordinated(first, _BODIES)]

    def _members(self, verb: Token, syn: Syntax) -> list[TokenMention]:
        """The verb's subject, or the name a kind noun carrying the verb is apposed to
        ("le Parti vert, *formation* faisant partie de …"; not "X, un hélicoptère
        appartenant à …": the noun must be a kind of member, ``kind_nouns``)."""
        found: list[TokenMention] = []
        for subject in self._subjects(verb, syn):
            mentions = syn.mentions_of(subject, _MEMBERS)
            if (
                not mentions
                and syn.index.at(subject) is None
                and subject.i > 0
                and fold_lexeme(subject.lemma_) in self.kinds
            ):
                mentions = self._apposed_to(subject, syn)
            found.extend(m for m in mentions if m not in found)
        return found

    def _subjects(self, verb: Token, syn: Syntax) -> list[Token]:
        """The verb's own subject (a relative's antecedent), its governor's under a modal
        ("devrait faire partie"), or the noun a participle qualifies; never a noun the
        parser's fallbacks find further away ("un hélicoptère appartenant à …")."""
        own = [syn.antecedent(verb, c) for c in verb.children if c.dep_ == ud.NSUBJ]
        if own:
            return own
        if verb.dep_ == ud.XCOMP:
            return [syn.antecedent(verb.head, c) for c in verb.head.children if c.dep_ == ud.NSUBJ]
        if verb.dep_ == ud.ACL:
            return [verb.head]
        return []

    def _apposed_to(self, noun: Token, syn: Syntax) -> list[TokenMention]:
        """ "X, formation …": the mention that ends at the comma before the kind noun."""
        doc = noun.doc
        j = noun.i - 1
        while j > 0 and doc[j].pos_ in {"DET", "ADJ"}:
            j -= 1
        if doc[j].text != ",":
            return []
        return [m for m in syn.index.ends.get(j, ()) if m.type in _MEMBERS][:1]
