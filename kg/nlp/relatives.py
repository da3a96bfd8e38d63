"""Clause-level argument reading for :class:`kg.nlp.syntax.Syntax`: relative pronouns,
appointments, run-on and non-finite clauses, and objects the parser lost.

Why apart: these rules repair how the French parser hangs whole clauses ("X, que Y avait
critiqué, a signé": the relative's verb as the root; "a signé …, a rejoint …" read as an
adverbial clause), not single arguments; they are read only when a frame's verb fires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud

if TYPE_CHECKING:
    from kg.nlp.syntax import MentionIndex

__all__ = ["AUXILIARY_DEPS", "SUBJECT_DEPS", "ClauseReading"]

SUBJECT_DEPS = frozenset({ud.NSUBJ, ud.NSUBJ_PASS})
AUXILIARY_DEPS = frozenset({ud.AUX, ud.AUX_TENSE, ud.AUX_PASS})


class ClauseReading:
    """Mixin of :class:`kg.nlp.syntax.Syntax`, which sets these attributes and provides
    ``passive``, ``subjects``, ``direct_objects`` and ``case_of``."""

    index: MentionIndex
    doc: Doc
    relative_words: frozenset[str]

    def _nonfinite(self, verb: Token) -> bool:
        """An infinitive, a present participle, or a participle under an infinitive
        auxiliary ("après *avoir* rencontré")."""
        forms = verb.morph.get("VerbForm")
        if "Inf" in forms or ("Part" in forms and "Pres" in verb.morph.get("Tense")):
            return True
        return any(
            c.dep_ in AUXILIARY_DEPS and "Inf" in c.morph.get("VerbForm") for c in verb.children
        )

    def appointee(self, verb: Token) -> list[Token]:
        """Who a title verb makes a title's bearer: the passive's subject ("X a été élu
        président"), the object ("le parti a nommé X présidente"), else the subject ("X est
        devenu président"); under a modal, its subject ("X devrait être élu président")."""
        if self.passive(verb):
            found = self.direct_objects(verb)
        else:
            found = [c for c in verb.children if c.dep_ == ud.OBJ] or [
                self.antecedent(verb, c) for c in verb.children if c.dep_ in SUBJECT_DEPS
            ]
        if not found and verb.dep_ == ud.XCOMP:
            found = self.subjects(verb.head)
        return found

    def _run_on_verb(self, verb: Token, head: Token) -> bool:
        """ "X a signé le traité, a rejoint l'OTAN et …": a finite verb after a comma, with no
        subordinator, is a coordinated verb the parser read as an adverbial clause; it shares
        its head's subject, unless that head is a relative clause's verb."""
        if verb.i < head.i or head.pos_ not in {"VERB", "AUX"}:
            return False
        if any(c.dep_ == ud.MARK for c in verb.children):
            return False
        if any(c.i < head.i and self.is_relative(c) for c in head.children):
            return False
        finite = [verb, *(c for c in verb.children if c.dep_ == ud.AUX_TENSE)]
        return any("Fin" in t.morph.get("VerbForm") for t in finite)

    def _own_subjects(self, verb: Token, found: list[Token]) -> list[Token]:
        """Drop the antecedent the parser also made a subject: in "X, que Y avait critiqué,"
        X is the relative's object, Y its subject (the subjects after the pronoun stay)."""
        if len(found) < 2:
            return found
        pronoun = next(
            (
                c
                for c in verb.children
                if c.i < verb.i and c.dep_ != ud.NSUBJ and self.is_relative(c)
            ),
            None,
        )
        if pronoun is None:
            return found
        return [s for s in found if s.i > pronoun.i] or found

    def antecedent(self, clause: Token, pronoun: Token) -> Token:
        """Replace a relative pronoun ("qui", "que") by the noun the clause modifies.

        The parser often hangs the relative clause on the main verb ("a critiqué le Chili,
        qui a signé": ``ccomp``); the antecedent is then the mention that ends right before
        the pronoun (after an optional comma), never a noun further away.
        """
        if not self.is_relative(pronoun):
            return pronoun
        if clause.dep_.startswith(ud.ACL) and clause.head.i < pronoun.i:
            return clause.head
        j = pronoun.i - 1 if pronoun.i > 0 and self.doc[pronoun.i - 1].text == "," else pronoun.i
        before = self.index.ends.get(j)
        return self.doc[self.index.roots[before[0]]] if before else pronoun

    def is_relative(self, token: Token) -> bool:
        """Whether ``token`` is a relative pronoun (by the tagger, or by the lexicon)."""
        return "Rel" in token.morph.get("PronType") or (
            token.dep_ in {ud.MARK, ud.OBJ, ud.NSUBJ, ud.NSUBJ_PASS}
            and fold_lexeme(token.text) in self.relative_words
        )

    def _stray_objects(self, verb: Token) -> list[Token]:
        """Objects the parser lost: a relative "que" read as a conjunction ("X, que le
        parti soutient,": X), or a bare name after adjuncts ("a rencontré hier, à Oslo,
        X": ``obl:mod``)."""
        for child in verb.children:
            if (
                child.dep_ == ud.MARK
                and 0 < child.i < verb.i
                and self.doc[child.i - 1].text == ","
                and self.is_relative(child)
            ):
                antecedent = self.antecedent(verb, child)
                return [] if antecedent.i == child.i else [antecedent]
        return [
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in {ud.OBL_MOD, ud.OBL}
            and c.pos_ == "PROPN"
            and self.case_of(c) is None
            and self.index.at(c) is not None
        ][:1]
