"""Noun frames: relations a role or act noun states ("à la tête de", "adhésion de X à Y").

Why apart: a noun frame reads who holds the noun (its subject, the name apposed to it, the
antecedent of "dont", the members fronted by "parmi") and its complement, through the
parser's many ways of hanging a noun phrase; verb frames
(:mod:`kg.nlp.relations.verb_frames`) read a clause instead. A mixin of
:class:`kg.nlp.relations.patterns.RelationPatterns`, whose compiled lexicon it shares.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.relations.arguments import event_parts
from kg.nlp.relations.frames import Frame, frame_pairs
from kg.nlp.relations.stance import adverbial_lead, fronted_members
from kg.nlp.relations.titles import TitlePatterns
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["NounFrames", "copular"]


class NounFrames:
    """Mixin of :class:`kg.nlp.relations.patterns.RelationPatterns`, which compiles these
    attributes from the lexicon."""

    titles: TitlePatterns
    delegate_nouns: frozenset[str]
    fronted_cases: frozenset[str]
    event_parts: frozenset[str]

    def _noun(self, noun: Token, frame: Frame, syn: Syntax) -> Iterator[RelationCandidate]:
        # "à la tête de" needs its preposition, except as the object of a light verb
        # ("prendre la tête de", "assurer la direction de"), never of any verb
        # ("critiquer la direction de").
        as_object = (
            frame.subject_mode == "predicative"
            and noun.dep_ == ud.OBJ
            and (not frame.light_verbs or fold_lexeme(noun.head.lemma_) in frame.light_verbs)
        )
        if frame.trigger_case and syn.case_of(noun) not in frame.trigger_case and not as_object:
            lead = adverbial_lead(noun, syn)
            if lead is None or lead[0] not in frame.trigger_case:
                return
        # "ont expulsé les membres de X": the object of any verb holds no role; only a verb
        # that confers one does ("a été élu membre", "nommer X membre"), or a possessive that
        # gives the noun to the subject ("a annoncé *sa* candidature à").
        if (
            frame.subject_mode == "predicative"
            and not frame.trigger_case
            and noun.dep_ == ud.OBJ
            and fold_lexeme(noun.head.lemma_) not in frame.light_verbs | self.titles.title_verbs
            and not any("Yes" in c.morph.get("Poss") for c in noun.children)
        ):
            return
        subjects = self._noun_side(noun, frame.subject_mode, syn)
        objects = self._noun_side(noun, frame.object_mode, syn)
        if "Event" in frame.object_types:
            objects = event_parts(objects, syn, self.event_parts)
        # A role stated in passing ("neuf membres de l'UE, parmi lesquels l'Irlande",
        # "X, membre de l'OTAN,") is background, not the clause's event.
        static = frame.subject_mode == "enumeration" or noun.dep_ == ud.APPOS
        for s, o in frame_pairs(subjects, objects, frame, syn):
            if o.type in frame.person_objects and s.type != "Person":
                continue
            yield RelationCandidate(s, frame.predicate_for(s, o), o, noun, static=static)

    def _noun_side(self, noun: Token, mode: str, syn: Syntax) -> list[Token]:
        if mode == "predicative":
            found = [c for c in noun.children if c.dep_ in {ud.NSUBJ, ud.NSUBJ_PASS}] or [
                # "Il est membre de": a person's pronoun the parser labels an expletive.
                c
                for c in noun.children
                if c.dep_ == ud.EXPL_SUBJ and syn.index.at(c) is not None
            ]
            if found:
                # "la Turquie, qui est membre de l'OTAN": the relative's antecedent.
                return [syn.antecedent(noun, c) for c in found]
            fronted = fronted_members(noun, syn, self.fronted_cases)
            if fronted:
                return fronted
            if noun.dep_ == ud.XCOMP and noun.head.pos_ in {"VERB", "AUX"}:
                # "X a été élu membre de", "X est devenu membre de": who the verb makes one.
                return syn.appointee(noun.head)
            if noun.dep_ in {ud.APPOS, ud.ACL} or (
                noun.dep_ == ud.NMOD and syn.case_of(noun) is None
            ):
                return [noun.head]
            if noun.dep_ == ud.FLAT_NAME and syn.index.at(noun) is None:
                # A headline with no verb ("X candidate à la présidentielle"): the parser
                # reads the role noun as the end of the name before it.
                return [noun.head]
            if syn.index.at(noun) is None and syn.index.at_or_apposed(noun) is not None:
                # "le candidat républicain à l'élection, X, a …": the name apposed to the noun.
                return [noun]
            if noun.dep_ == ud.OBJ or noun.dep_.startswith(ud.OBL):
                # "X a été nommée à la tête de Y": the passive's subject holds the role.
                if noun.dep_ != ud.OBJ and syn.passive(noun.head):
                    return syn.direct_objects(noun.head)
                return syn.subjects(noun.head)
            return []
        if mode == "enumeration":
            return [noun]
        if mode == "governor":
            return [noun.head] if noun.head.pos_ in {"NOUN", "PROPN"} else []
        if mode == "clause_event":
            # "un sommet … avec des représentants du Mali": the event the phrase qualifies,
            # or the event the phrase's verb has as subject or object.
            head = noun.head
            return [head] + [
                c for c in head.children if c.dep_ in {ud.NSUBJ, ud.NSUBJ_PASS, ud.OBJ}
            ]
        if mode == "clause_subject":
            # "la cérémonie s'est déroulée en présence de X": the clause's subject; "lors
            # d'un entretien avec Y, X a …": the verb the adverb modifies.
            lead = adverbial_lead(noun, syn)
            head = noun.head if lead is None else lead[1]
            return syn.subjects(head) if head.pos_ in {"VERB", "AUX"} else []
        if mode == "apposed_subject":
            # "X a signé à Nantes en provenance de Y": the clause's subject; "X, en
            # provenance de Y, a signé": the name the comma-fenced phrase is hung on.
            if noun.head.pos_ in {"VERB", "AUX"}:
                return syn.subjects(noun.head)
            first = noun.left_edge.i
            if noun.head.i < noun.i and first > 0 and noun.doc[first - 1].text == ",":
                return [noun.head]
            return []
        # "est candidate *à l'élection*": a predicative noun's complement may be read as obl.
        # "les pays *membres* de l'OTAN": the parser reads the trigger as an adjective (or a
        # bare noun modifier) and hangs its complement on the noun it qualifies.
        attributive = noun.dep_ == ud.AMOD or (noun.dep_ == ud.NMOD and syn.case_of(noun) is None)
        holders = [noun, noun.head] if attributive and noun.head.i < noun.i else [noun]
        if noun.dep_ == ud.OBJ and _possessed(noun):
            # "a déposé *sa candidature* à la présidence": the parser hangs the complement of
            # a possessed act noun on its verb.
            holders.append(noun.head)
        if adverbial_lead(noun, syn) is not None:
            # "lors de son entretien avec Y": or on the adverb the noun hangs on.
            holders.append(noun.head)
        found = [
            c
            for h in holders
            for c in h.children
            if c.i > noun.i and c.dep_.startswith((ud.NMOD, ud.OBL)) and syn.case_of(c) == mode
        ]
        if mode != syn.genitive:
            # "les sanctions du Canada *contre le Mali*", "l'adhésion de la Suède *à l'OTAN*":
            # the parser often hangs the complement on the genitive before it.
            found.extend(
                g
                for h in holders
                for c in h.children
                if c.i > noun.i and c.dep_.startswith(ud.NMOD) and syn.case_of(c) == syn.genitive
                for g in c.children
                if g.i > c.i and g.dep_.startswith(ud.NMOD) and syn.case_of(g) == mode
            )
        # "en présence de responsables locaux et de l'OTAN": each conjunct of the phrase.
        found.extend(g for c in list(found) for g in c.children if g.dep_ == ud.CONJ)
        # "en présence de représentants de l'OTAN": a delegate stands for its body.
        found.extend(
            g
            for c in list(found)
            if syn.index.at(c) is None and fold_lexeme(c.lemma_) in self.delegate_nouns
            for g in c.children
            if g.dep_.startswith(ud.NMOD) and syn.case_of(g) == syn.genitive
        )
        if mode == syn.genitive:
            found.extend(self._dont_antecedent(noun, syn))
        return found

    def _dont_antecedent(self, noun: Token, syn: Syntax) -> list[Token]:
        """ "la Suède, dont l'adhésion" -> Suède (the mention just before "dont")."""
        doc = noun.doc
        for child in noun.children:
            if fold_lexeme(child.text) == syn.relative_genitive and child.i < noun.i:
                j = child.i
                if j > 0 and doc[j - 1].text == ",":
                    j -= 1
                for mention in syn.index.ends.get(j, ()):
                    return [doc[syn.index.roots[mention]]]
        return []


def _possessed(noun: Token) -> bool:
    """Whether ``noun`` has a possessive determiner ("*sa* candidature")."""
    return any(c.dep_ == ud.DET and "Yes" in c.morph.get("Poss") for c in noun.children)


def copular(token: Token) -> bool:
    """A predicative noun the tagger read as a verb ("X est *candidat* à l'élection": the
    copula hangs on it); noun frames read it as the noun it is."""
    return token.pos_ == "VERB" and any(c.dep_ == ud.COP for c in token.children)
