"""Verb and event frames: a trigger verb's subject and object slots, read through the clause.

Why apart: verb frames ("X a signé avec Y", "lancée lors d'une réunion") read a verb's
arguments, their delegates ("les représentants du Canada") and the owners of object nouns
("les efforts du Conseil"), unlike noun frames (:mod:`kg.nlp.relations.noun_frames`), which
read around a role noun. A mixin of :class:`kg.nlp.relations.patterns.RelationPatterns`,
whose compiled lexicon it shares.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.arguments import dative_relative, event_parts, inverted_subjects
from kg.nlp.relations.frames import Frame, frame_pairs
from kg.nlp.relations.places import EventPlaces
from kg.nlp.relations.quantities import quantity_attributes
from kg.nlp.relations.stance import phrase_end
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["VerbFrames"]

_EVENTS = frozenset({"Event"})
#: How the parser hangs a body's name on its kind noun ("l'entreprise *Michelin*").
_NAME_DEPS = frozenset({ud.NMOD, ud.APPOS, ud.FLAT_NAME})


class VerbFrames:
    """Mixin of :class:`kg.nlp.relations.patterns.RelationPatterns`, which compiles these
    attributes from the lexicon."""

    quantities: Any
    delegate_nouns: frozenset[str]
    state_delegates: frozenset[str]
    event_parts: frozenset[str]
    dative_relatives: list
    event_cues: list
    places: EventPlaces
    kind_nouns: frozenset[str]

    def _has_child(self, token: Token, lemma: str | None) -> bool:
        return lemma is None or any(fold_lexeme(c.lemma_) == lemma for c in token.children)

    def _verb(self, verb: Token, frame: Frame, syn: Syntax) -> Iterator[RelationCandidate]:
        if not self._has_child(verb, frame.required_child):
            return
        if frame.theme_nouns and not any(
            fold_lexeme(o.lemma_) in frame.theme_nouns for o in syn.direct_objects(verb)
        ):
            return
        subjects = (
            syn.arguments(verb, frame.subject_slots) if frame.subject_slots else syn.subjects(verb)
        )
        if frame.theme_nouns:
            # "a reçu une aide de 10 millions de dollars *du Japon*": the giver in the
            # genitive of the gift (through its quantity nouns).
            subjects = subjects + [
                g
                for o in syn.direct_objects(verb)
                for g in self._through(o, frame.theme_nouns, syn)
                if g.i != o.i
            ]
        subjects = self._delegated(subjects, syn)
        if "Event" in frame.subject_types:
            # "la 42e édition du festival débute à Lorient": the part stands for the event;
            # "le sommet de l'UA, qui s'est ouvert à X": the parser hangs the relative on
            # the name inside the event, which stands for the event.
            subjects = event_parts(subjects, syn, self.event_parts)
            subjects = [_enclosing_event(t, syn) for t in subjects]
        dative = None
        if frame.object_types == _EVENTS and frame.object_slots & {"à"}:
            # "le sommet, auquel participaient A et B": the antecedent is the event and the
            # subjects are those after the pronoun (the parser may make the pronoun one), or
            # an inverted subject read as an object ("à laquelle ont pris part A et B":
            # these verbs take no direct object).
            dative = dative_relative(verb, syn, self.dative_relatives)
            if dative is not None:
                subjects = [t for t in subjects if t.i > dative[0].i] or [
                    c for c in verb.children if c.dep_ == ud.OBJ and c.i > verb.i
                ]
        if not subjects and frame.object_types == _EVENTS:
            subjects = inverted_subjects(verb, syn.arguments(verb, frame.object_slots), syn)
        if not subjects:
            return
        objects = syn.arguments(verb, frame.object_slots)
        if dative is not None:
            objects = [dative[1]] + [o for o in objects if o.i != dative[0].i]
        if "Event" in frame.object_types:
            objects = event_parts(objects, syn, self.event_parts)
        if frame.object_nouns:
            objects = [o for o in objects if fold_lexeme(o.lemma_) in frame.object_nouns]
        if "Organization" in frame.object_types:
            objects = [self._kind_named(o, syn) for o in objects]
        if frame.through_nouns:
            objects = [
                g
                for o in objects
                for g in self._through(o, frame.through_nouns, syn)
                if g.i != o.i or not frame.through_only
            ]
        if frame.locative:
            objects = [self.places.through_location_noun(o, syn) for o in objects]
            objects = [o for o in objects if self.places.is_locative(o, syn)]
            # "débute à Lorient dans le Morbihan": the second place situates the first
            # (containment's fact), it is not a second venue of the event.
            placed = {o.i for o in objects}
            ends = {m.end for o in objects if (m := syn.index.at(o)) is not None}
            objects = [o for o in objects if o.head.i not in placed and not _right_after(o, ends)]
        attrs: dict[str, Any] = dict(frame.attributes)
        if frame.theme:
            attrs.update(self._theme(verb, syn))
        trigger = verb
        if verb.dep_ == ud.XCOMP and fold_lexeme(verb.head.lemma_) in frame.act_governors:
            # "appelle les électeurs à voter pour X": the call is the caller's support.
            trigger = verb.head
            subjects = syn.subjects(verb.head)
        pairs = list(frame_pairs(subjects, objects, frame, syn))
        if not pairs and frame.reciprocal and _reflexive(verb):
            pairs = self._reciprocal_pairs(subjects, frame, syn)
        for s, o in pairs:
            yield RelationCandidate(s, frame.predicate_for(s, o), o, trigger, dict(attrs))

    def _kind_named(self, noun: Token, syn: Syntax) -> Token:
        """ "dirige *l'entreprise* Michelin", "a quitté le parti Podemos": the body a kind
        noun introduces is named right after it, with no preposition (the name token), else
        the argument itself."""
        if (
            noun.pos_ != "NOUN"
            or syn.index.at(noun) is not None
            or fold_lexeme(noun.lemma_) not in self.kind_nouns
        ):
            return noun
        for child in noun.rights:
            if child.dep_ not in _NAME_DEPS or syn.index.has_case(child.i):
                continue
            named = syn.index.at(child)
            if named is not None and named.type == "Organization" and named.start == noun.i + 1:
                return child
        return noun

    def _reciprocal_pairs(
        self, subjects: list[Token], frame: Frame, syn: Syntax
    ) -> list[tuple[TokenMention, TokenMention]]:
        """ "A et B se sont rencontrés": each pair of the subject's members, in text order."""
        types = frame.subject_types & frame.object_types
        members = sorted(
            {m for t in subjects for m in syn.mentions_of(t, types)}, key=lambda m: m.start
        )
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]

    def _delegated(self, subjects: list[Token], syn: Syntax) -> list[Token]:
        """ "signé par les représentants du Canada et du Japon": a delegate noun that names
        nobody acts for the bodies in its genitive."""
        found = []
        for token in subjects:
            found.append(token)
            if syn.index.at_or_apposed(token) is not None:
                continue
            lemma = fold_lexeme(token.lemma_)
            if lemma in self.delegate_nouns or lemma in self.state_delegates:
                found.extend(
                    g
                    for g in token.children
                    if g.dep_.startswith(ud.NMOD) and syn.case_of(g) == syn.genitive
                )
            if lemma in self.state_delegates:
                # "les troupes *françaises*": a state's forces act for the state (never
                # "les rebelles syriens": rebels are no state's delegates).
                found.extend(
                    c
                    for c in token.children
                    if c.dep_ == ud.AMOD
                    and (m := syn.index.at(c)) is not None
                    and m.type == "Country"
                    and m.kind == "demonym"
                )
        return found

    def _through(
        self, noun: Token, nouns: frozenset[str], syn: Syntax, depth: int = 3
    ) -> list[Token]:
        """ "rejeter le projet de résolution *du Conseil*": an object noun of the frame's
        ``through_nouns`` stands for the owner in its genitive (nested nouns are followed),
        never for another complement ("une intervention *en Syrie*").
        """
        mention = syn.index.at_or_apposed(noun)
        # "voter la *mise en accusation* de X": a phrase of the list, whose genitive the
        # parser hangs on its first or its last word.
        end = phrase_end(noun, nouns) if depth and mention is None else None
        if end is None and (
            depth == 0
            # an unnamed event noun ("condamné *l'attaque* du Front") still stands for its owner
            or (mention is not None and (mention.type != "Event" or mention.kind == "name"))
            or fold_lexeme(noun.lemma_) not in nouns
        ):
            return [noun]
        return [
            g
            for c in ([*noun.children, *end.children] if end is not None else noun.children)
            if c.dep_.startswith(ud.NMOD) and syn.case_of(c) == syn.genitive
            for g in self._through(c, nouns, syn, depth - 1)
        ]

    def _theme(self, verb: Token, syn: Syntax) -> dict[str, Any]:
        """Quantity and item of what is delivered ("jusqu'à un million de drones")."""
        item: dict[str, Any] = {}
        for child in verb.children:
            if child.i < verb.i or syn.index.headed_by(child) is not None:
                continue
            if child.dep_ == ud.OBJ or child.dep_.startswith(ud.OBL):
                attrs = quantity_attributes(child, lexicon=self.quantities)
                if "quantity" in attrs or "quantity_text" in attrs:
                    return attrs
                if child.dep_ == ud.OBJ and child.pos_ == "NOUN" and not item:
                    item = {"item": fold_lexeme(child.lemma_)}
        return item

    def _event(self, verb: Token, frame: Frame, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "L'initiative fut lancée pendant un sommet" -> initiative launchedAt sommet."""
        if not self._has_child(verb, frame.required_child):
            return
        themes = [
            m for t in syn.direct_objects(verb) for m in syn.mentions_of(t, frame.subject_types)
        ]
        if not themes:
            return
        doc = verb.doc
        sent = verb.sent
        for mention in syn.index.mentions:
            if mention.type not in frame.object_types or not sent.start <= mention.start < sent.end:
                continue
            root = doc[syn.index.roots[mention]]
            if not syn.cue_before(mention.start, self.event_cues):
                continue
            if verb not in _ancestors(root, 3):
                continue
            for theme in themes:
                yield RelationCandidate(theme, frame.predicate, mention, verb)


def _enclosing_event(token: Token, syn: Syntax) -> Token:
    """The root of the event mention ``token`` lies inside, when its own mention is not an
    event ("le sommet de *l'Union africaine*"); else ``token``."""
    index = syn.index
    own = index.at(token)
    if own is not None and own.type == "Event":
        return token
    for mention in index.mentions:
        if (
            mention.type == "Event"
            and mention.start <= token.i < mention.end
            and mention in index.roots
        ):
            return token.doc[index.roots[mention]]
    return token


def _right_after(token: Token, ends: set[int]) -> bool:
    """Whether ``token``'s phrase starts with its preposition right where a mention ends
    ("à Nantes | dans la Loire-Atlantique"), with no comma or "et" in between."""
    start = token.left_edge.i
    return start in ends and token.doc[start].pos_ == "ADP"


def _reflexive(verb: Token) -> bool:
    """Whether ``verb`` has a reflexive pronoun ("se sont rencontrés")."""
    return any("Yes" in c.morph.get("Reflex") for c in verb.children)


def _ancestors(token: Token, depth: int) -> list[Token]:
    result = []
    current = token
    for _ in range(depth):
        if current.head.i == current.i:
            break
        current = current.head
        result.append(current)
    return result
