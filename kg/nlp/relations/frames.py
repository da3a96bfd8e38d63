"""Compiled relation frames: the record of one trigger's frame and how it is read from the lexicon.

Why apart: verb, event and noun frames (:mod:`kg.nlp.relations.verb_frames`,
:mod:`kg.nlp.relations.noun_frames`) share one record and one way of pairing their
arguments; this module holds only that shared data, no reading rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.contests import people_demonym_bearer
from kg.nlp.syntax import Syntax

__all__ = ["Frame", "frame_pairs", "split_lemma", "word_set"]


@dataclass(frozen=True, slots=True)
class Frame:
    """One compiled frame of the lexicon: a trigger's predicate, argument types and slots."""

    predicate: str
    subject_types: frozenset[str]
    object_types: frozenset[str]
    object_slots: frozenset[str] = frozenset()
    required_child: str | None = None
    theme: bool = False
    locative: bool = False
    trigger_case: frozenset[str] = frozenset()
    subject_mode: str = ""
    object_mode: str = ""
    light_verbs: frozenset[str] = frozenset()
    #: Where the subject is read: "subj" (default), "obj" or a preposition ("composé *de*").
    subject_slots: frozenset[str] = frozenset()
    #: Object nouns read through their genitive ("bloquer les efforts *du Conseil*").
    through_nouns: frozenset[str] = frozenset()
    #: Attributes every relation of the frame carries ("quitter le parti": ``former``).
    attributes: tuple[tuple[str, Any], ...] = ()
    #: Objects count only when read through ``through_nouns`` ("réclamer *la démission*
    #: de X"), never as themselves ("voter la confiance *au gouvernement*").
    through_only: bool = False
    #: Direct-object nouns the frame needs ("a reçu une *aide* du Japon"), when not empty.
    theme_nouns: frozenset[str] = frozenset()
    #: Head nouns an object must have, when not empty ("signer *la déclaration*": an event
    #: that is a document, never "signer *sa victoire*").
    object_nouns: frozenset[str] = frozenset()
    #: Governors that state the act themselves ("*appeler* à voter pour X"): the trigger.
    act_governors: frozenset[str] = frozenset()
    #: The predicate for a person and a named organisation ("X dirige Amnesty": headOf).
    person_org_predicate: str | None = None
    #: Object types a person alone may take, with ``person_org_predicate`` ("réélu *à la
    #: tête du Congo*": he heads the country; a country at the head of another is no fact).
    person_objects: frozenset[str] = frozenset()
    #: A reflexive use with no object relates the subject's members ("A et B se sont
    #: rencontrés").
    reciprocal: bool = False
    #: Whether a demonym noun may be an argument: "l'Éthiopien X a battu le Kényan Y" is about
    #: two runners, not two states (a demonym adjective, "le gouvernement malien", still is).
    people_demonyms: bool = True

    def predicate_for(self, subject: TokenMention, obj: TokenMention) -> str:
        """The frame's predicate for this pair (see ``person_org_predicate``)."""
        if (
            self.person_org_predicate
            and subject.type == "Person"
            and (
                (obj.type == "Organization" and obj.kind == "name")
                or obj.type in self.person_objects
            )
        ):
            return self.person_org_predicate
        return self.predicate


def word_set(lex: Mapping[str, Any], words: str | list[str] | tuple[str, ...]) -> frozenset[str]:
    """Folded words of a frame field: a list, or the name of a shared list of the lexicon."""
    return frozenset(fold_lexeme(w) for w in (lex[words] if isinstance(words, str) else words))


def split_lemma(lemma: str, clitics: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """ "prendre part" -> ("prendre", "part"); "se tenir" -> ("tenir", None); "s'en prendre"
    -> ("prendre", "en")."""
    words = [w for w in fold_lexeme(lemma).split() if w not in {"se", "s'"}]
    if words and words[0].startswith("s'"):
        words[0] = words[0][2:]
    if len(words) > 1 and words[0] in clitics:
        # "s'en prendre": the verb is "prendre", and the clitic must hang on it.
        return words[1], words[0]
    return words[0], (words[1] if len(words) > 1 else None)


def frame_pairs(
    subjects: list[Token], objects: list[Token], frame: Frame, syn: Syntax
) -> Iterator[tuple[TokenMention, TokenMention]]:
    """The (subject, object) mention pairs of a frame read off its argument tokens."""
    subj = [m for t in subjects for m in syn.mentions_of(t, frame.subject_types)]
    # A mention read on both sides is one list misread twice ("composé de A et de B").
    obj = [m for t in objects for m in syn.mentions_of(t, frame.object_types) if m not in subj]
    if not frame.people_demonyms:
        subj = [b for m in subj if (b := people_demonym_bearer(m, syn)) is not None]
        obj = [b for m in obj if (b := people_demonym_bearer(m, syn)) is not None]
    for s in subj:
        for o in obj:
            yield s, o
