"""Subject and object readers of :class:`kg.nlp.syntax.Syntax`: who does a verb, and to what.

Why apart: a verb's logical subject is often not its ``nsubj`` (a passive's agent, an
infinitive's controller, a relative's antecedent, a name apposed to a pronoun, a subject the
parser hung as an oblique), and its objects and prepositional slots are read the same
tree-first way; these readers are the arguments of every frame, while lists of mentions
(:mod:`kg.nlp.mention_lists`) and whole clauses (:mod:`kg.nlp.relatives`) are read apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.appositions import apposed_subject, named_before_apposition
from kg.nlp.relatives import AUXILIARY_DEPS as _AUXILIARIES
from kg.nlp.relatives import SUBJECT_DEPS as _SUBJ

if TYPE_CHECKING:
    from kg.nlp.syntax import MentionIndex

__all__ = ["VerbArguments"]

_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_BARE_SUBJ_DEPS = frozenset({ud.OBL_MOD, ud.OBL, ud.NMOD, ud.DEP, ud.NSUBJ})


class VerbArguments:
    """Mixin of :class:`kg.nlp.syntax.Syntax`, which sets these attributes and provides
    ``passive``, ``case_of`` and the clause readers of
    :class:`kg.nlp.relatives.ClauseReading`."""

    index: MentionIndex
    doc: Doc
    genitive: str
    agent_case: str
    planned_nouns: frozenset[str]
    dative_controllers: frozenset[str]
    dative_case: str

    _subjects: dict[int, list[Token]]

    def subjects(self, verb: Token) -> list[Token]:
        """Logical subject tokens of ``verb`` (agent of a passive, controller of an infinitive).

        Read once per verb and document (a new list each call: callers may change it).
        """
        found = self._subjects.get(verb.i)
        if found is None:
            found = self._subjects[verb.i] = self._read_subjects(verb)
        return list(found)

    def _read_subjects(self, verb: Token) -> list[Token]:
        if self.passive(verb):
            # "ratifié depuis par le Chili": the agent's preposition need not come first.
            return [
                c
                for c in verb.children
                if c.dep_ == ud.OBL_AGENT
                or (
                    c.dep_.startswith((ud.OBL, ud.NMOD))
                    and any(
                        g.dep_ == ud.CASE and self.case_word(g) == self.agent_case for g in c.lefts
                    )
                )
            ]
        token = verb
        for _ in range(6):
            found = [c for c in token.children if c.dep_ in _SUBJ] or [
                # "La Syrie n'ayant pas ratifié …": the subject hung on the auxiliary.
                g
                for c in token.children
                if c.dep_ in _AUXILIARIES
                for g in c.children
                if g.dep_ in _SUBJ
            ]
            if found:
                found = self._after_rubric(token, self._own_subjects(token, found))
                own = [self.antecedent(token, s) for s in found]
                return [self._apposed_name(s, token) for s in own]
            dep, head = token.dep_, token.head
            if head.i == token.i:
                break
            if dep == ud.XCOMP and (controller := self._controller(token)) is not None:
                # "accuse le Mali de soutenir X", "a été invité à signer": the governor's
                # object does the infinitive, not its subject.
                return controller
            if dep == ud.XCOMP or (dep == ud.CONJ and head.pos_ in {"VERB", "AUX"}):
                token = head
            elif dep == ud.ADVCL and self._nonfinite(token):
                # "travaillerait pour atteindre ...": a purpose infinitive shares the subject,
                # as do a gerund ("en signant …, X") and "après avoir rencontré …, X".
                token = head
            elif dep == ud.ADVCL and self._run_on_verb(token, head):
                token = head
            elif dep == ud.ADVCL and token.i < head.i and token.pos_ in {"ADJ", "VERB"}:
                # "Présente lors de la cérémonie, X a salué …": a fronted verbless or
                # participial phrase with no subject of its own is about the main subject.
                token = head
            elif dep == ud.ACL and head.pos_ in {"NOUN", "PROPN"}:
                if fold_lexeme(head.lemma_) in self.planned_nouns:
                    token = head
                else:
                    return [head]
            elif token.pos_ in {"NOUN", "PROPN"} and dep.startswith((ud.OBJ, ud.OBL)):
                token = head
            else:
                break
        return [self._apposed_name(s, token) for s in self._bare_subjects(token)]

    def _apposed_name(self, subject: Token, verb: Token) -> Token:
        """The name a role noun subject is apposed to ("X, champion du monde, a gagné"), see
        :func:`kg.nlp.appositions.named_before_apposition`; else ``subject`` itself."""
        return named_before_apposition(subject, verb, self.index) or subject

    def _after_rubric(self, verb: Token, subjects: list[Token]) -> list[Token]:
        """Drop a headline's rubric the parser made a subject too: in "SNCF : le syndicat
        refuse de signer", only the subject after the last colon before the verb acts."""
        if len(subjects) < 2:
            return subjects
        first = min(s.i for s in subjects)
        colons = [i for i in range(first, verb.i) if self.doc[i].text == ":"]
        if not colons:
            return subjects
        return [s for s in subjects if s.i > colons[-1]] or subjects

    def _controller(self, infinitive: Token) -> list[Token] | None:
        """Who does ``infinitive`` when its governor's object does, else None.

        French object control: an infinitive under a verb with a direct object is done by
        that object ("inviter *le Mali* à signer", "accuser *X* d'avoir aidé Y"), under a
        passive by its patient ("*X* a été invité à signer"), under a dative-control verb by
        its "à" complement ("demander *au Mali* de signer"). A pronoun is kept as the
        controller (it names nobody here) so the governor's subject is never taken instead.
        """
        head = infinitive.head
        if head.pos_ not in {"VERB", "AUX"} or infinitive.pos_ != "VERB":
            return None
        if self.passive(head):
            patients = self.direct_objects(head)
            return patients or None
        objects = [c for c in head.children if c.dep_ == ud.OBJ and c.i < infinitive.i]
        if not objects and fold_lexeme(head.lemma_) in self.dative_controllers:
            objects = [
                c
                for c in head.children
                if c.i < infinitive.i
                and (
                    c.dep_ == ud.IOBJ
                    or (c.dep_.startswith(ud.OBL) and self.case_of(c) == self.dative_case)
                )
            ]
        return [self.antecedent(head, o) for o in objects] or None

    def _bare_subjects(self, verb: Token) -> list[Token]:
        """Parser fallback: a bare noun phrase left of the verb, misattached as an adjunct.

        It may also hang as a conjunct of a fronted phrase ("Selon la presse, huit pays,
        dont …, devraient rejoindre"): a conjunct with no preposition of its own.
        """
        found = []
        for c in verb.lefts:
            if c.dep_ in _BARE_SUBJ_DEPS and c.pos_ in _NOUNS and self.case_of(c) is None:
                found.append(c)
            found.extend(
                g
                for g in c.children
                if g.dep_ == ud.CONJ and g.i > c.i and g.pos_ in _NOUNS and self.case_of(g) is None
            )
        if not found:
            found = self._fronted_relative_subject(verb)
        if not found:
            # "Lors de la finale, X, tête de série, a battu Y": the name hung in the fronted phrase.
            apposed = apposed_subject(verb, self.index)
            found = [apposed[0]] if apposed else []
        return sorted(found, key=lambda t: t.i)[-1:]

    def _fronted_relative_subject(self, verb: Token) -> list[Token]:
        """ "La Suède, dont l'adhésion … attend …, devrait signer": the parser often gives
        the sentence-initial noun to the relative clause's verb; it is the main subject.
        """
        doc = self.doc
        sent_end = self.sent_end(verb)
        for token in (doc[i] for i in range(self.sent_start(verb), sent_end)):
            if token.i >= verb.i or token.pos_ in {"VERB", "AUX"}:
                return []
            if token.pos_ in _NOUNS:
                nxt = token.i + 1
                while nxt < sent_end and self.doc[nxt].pos_ == "PROPN":
                    nxt += 1
                if (
                    nxt + 1 < sent_end
                    and self.doc[nxt].text == ","
                    and self.is_relative(self.doc[nxt + 1])
                ):
                    return [token]
                return []
        return []

    def direct_objects(self, verb: Token) -> list[Token]:
        """Logical direct objects of ``verb`` (the subject of a passive, the noun of "menée")."""
        if self.passive(verb):
            found = [self.antecedent(verb, c) for c in verb.children if c.dep_ == ud.NSUBJ_PASS]
            if not found and any(c.dep_ == ud.AUX_PASS for c in verb.children):
                # "X est élu président": the parser may label the patient a plain subject
                # while it reads "est" as the passive auxiliary.
                found = [self.antecedent(verb, c) for c in verb.children if c.dep_ == ud.NSUBJ]
            if not found and verb.dep_ == ud.ACL:
                found = [verb.head]
            elif not found and verb.dep_ == ud.CONJ and self.passive(verb.head):
                # "le gouvernement, composé de X et soutenu par Y": the first participle's.
                found = self.direct_objects(verb.head)
            elif not found and verb.dep_ == ud.ADVCL and verb.i < verb.head.i:
                # "Soutenu par le parti, X a …": a fronted participle qualifies the subject.
                found = self.subjects(verb.head)
            return found
        # A noun ud.XCOMP, or an ud.OBL_ARG with no preposition ("qui dirige Amnesty
        # International"), is the parser's frequent misreading of a plain object.
        found = [
            self.antecedent(verb, c)
            for c in verb.children
            if c.dep_ == ud.OBJ
            or (c.dep_ == ud.XCOMP and c.pos_ in _NOUNS)
            or (c.dep_ == ud.OBL_ARG and c.pos_ in _NOUNS and self.case_of(c) is None)
        ]
        if found:
            return found
        return self._stray_objects(verb)

    def arguments(self, verb: Token, slots: frozenset[str]) -> list[Token]:
        """Argument tokens of ``verb`` in ``slots``: "nsubj", "obj" or prepositions."""
        found: list[Token] = []
        if ud.NSUBJ in slots:
            found.extend(self.subjects(verb))
        if ud.OBJ in slots:
            found.extend(self.direct_objects(verb))
        preps = slots - {ud.OBJ, ud.NSUBJ}
        if preps:
            found.extend(self.prepositional(verb, preps))
        return found

    def prepositional(self, verb: Token, preps: frozenset[str]) -> list[Token]:
        """Dependents of ``verb`` (or of its objects, for misattached phrases) under ``preps``."""
        found = []
        for child in verb.children:
            if child.dep_.startswith((ud.OBL, ud.NMOD, ud.IOBJ)) and self.case_of(child) in preps:
                found.append(child)
            if child.dep_.startswith((ud.OBJ, ud.OBL)) and child.pos_ in _NOMINAL:
                found.extend(self._nested(child, preps, 3))
        return found

    def _nested(self, noun: Token, preps: frozenset[str], depth: int) -> list[Token]:
        """Phrases under ``preps`` hung on an object noun or on its genitives ("promis une
        aide de dix millions d'euros *au Mali*": the parser hangs "au Mali" on "millions")."""
        found = []
        for g in noun.children:
            if not g.dep_.startswith(ud.NMOD):
                continue
            case = self.case_of(g)
            if case in preps:
                found.append(g)
            elif depth > 1 and case == self.genitive and self.genitive not in preps:
                found.extend(self._nested(g, preps, depth - 1))
        return found
