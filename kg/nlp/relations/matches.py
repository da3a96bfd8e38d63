"""Contests and matches: the sides of a verb of contest and the competition they met in.

Why apart: "l'Espagne a battu l'Italie en finale de l'Euro" says who took part through a
verb between two sides (a team noun standing for its country, a stage for its
competition), and a verb of defeat with no event of its own points back to the contest its
paragraph named; elections are read in :mod:`kg.nlp.relations.elections`. A mixin of
:class:`kg.nlp.relations.contests.Contests`, which compiles these attributes; ``_whole``
and ``_referendum`` come from its other mixin, :class:`kg.nlp.relations.elections.ElectionRules`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.symbols import NOUN
from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.relations.demonyms import people_demonym_bearer
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["ContestVerbs"]

_PREDICATE = "participatesIn"
_AGENTS = frozenset({"Country", "Organization", "Person"})
#: Whom a team noun's complement may name ("l'équipe de France", "l'équipe du club").
_TEAM_OWNERS = frozenset({"Country", "Organization"})


class ContestVerbs:
    """Mixin of :class:`kg.nlp.relations.contests.Contests`: the contest-verb rules."""

    rival_cases: frozenset[str]
    round_nouns: frozenset[str]
    stage_nouns: frozenset[str]
    defeat_verbs: frozenset[str]
    team_nouns: frozenset[str]
    competitor_nouns: frozenset[str]

    def _governed_events(
        self, verb: Token, syn: Syntax, events: set[TokenMention]
    ) -> list[TokenMention]:
        """Event mentions in ``verb``'s own phrases ("a remporté la médaille d'or *aux Jeux
        olympiques*": the parser may hang the event on the object's complement)."""
        found = []
        for token in _phrase_tokens(verb, 3):
            if token.dep_.startswith((ud.OBJ, ud.OBL, ud.NMOD)) or token.dep_ == ud.NSUBJ:
                mention = syn.index.at(token)
                if mention in events and mention not in found:
                    found.append(mention)
        return found

    def _rivals(self, verb: Token, syn: Syntax) -> list[Token]:
        """ "réélu *face à* X", "a gagné *contre* X": the other side of a contest; the
        parser may hang it on the object ("a remporté l'élection *face à* X")."""
        heads = [verb] + [c for c in verb.children if c.dep_ == ud.OBJ]
        return [
            c
            for h in heads
            for c in h.children
            if c.dep_.startswith((ud.OBL, ud.NMOD, ud.CONJ)) and syn.case_of(c) in self.rival_cases
        ]

    def _contest(
        self, verb: Token, syn: Syntax, events: set[TokenMention]
    ) -> Iterator[RelationCandidate]:
        """ "L'Espagne a battu l'Italie en finale": both sides took part in the final."""
        if syn.passive(verb):
            sides = syn.direct_objects(verb) + syn.subjects(verb)
        else:
            sides = syn.subjects(verb) + syn.direct_objects(verb)
        sides = sides + self._rivals(verb, syn)
        if not sides:
            return
        # "en finale de l'Euro 2012": a stage stands for the competition it is of.
        governed = [self._stage_whole(e, syn) for e in self._governed_events(verb, syn, events)]
        governed = list(dict.fromkeys(governed))
        if not governed:
            governed = self._clitic_contest(verb, syn, events) or self._earlier_contest(
                verb, syn, events
            )
        for event in governed:
            for token in sides:
                for mention in syn.mentions_of(token, _AGENTS) or self._team_of(token, syn):
                    yield RelationCandidate(mention, _PREDICATE, event, verb)

    def _team_of(self, token: Token, syn: Syntax) -> list[TokenMention]:
        """ "l'équipe *de France*", "la sélection *du Brésil*": a team noun (``team_nouns``)
        stands for the country or club it is the team of."""
        if fold_lexeme(token.lemma_) not in self.team_nouns:
            return []
        return [
            m
            for c in token.children
            if c.dep_.startswith(ud.NMOD) and syn.case_of(c) == syn.genitive
            for m in syn.mentions_of(c, _TEAM_OWNERS)
        ]

    def _clitic_contest(
        self, verb: Token, syn: Syntax, events: set[TokenMention]
    ) -> list[TokenMention]:
        """ "La finale aura lieu à Turin ; Lille *y* affrontera Brême": the clitic "y" on a
        verb of contest stands for the contest named last before it, in its sentence or the
        one before."""
        if not any(fold_lexeme(c.text) == "y" and c.i < verb.i for c in verb.children):
            return []
        sent = verb.sent
        start = sent.start
        if start > 0:
            start = syn.doc[start - 1].sent.start
        before = [m for m in events if start <= m.start and m.end <= verb.i]
        if not before:
            return []
        return [self._stage_whole(max(before, key=lambda m: (m.end, m.start)), syn)]

    def _earlier_contest(
        self, verb: Token, syn: Syntax, events: set[TokenMention]
    ) -> list[TokenMention]:
        """ "X a remporté le tournoi. Elle a battu Y en trois sets.": a verb of defeat
        (``defeat_verbs``) with a named side on each end and no event of its own was won in
        the contest its paragraph named last before it. Both ends must be sides: a name, or
        a definite competitor noun ("la tenante du titre a battu Y": ``competitor_nouns``,
        which gives no fact itself); "la police a battu le record" has none.
        """
        if fold_lexeme(verb.lemma_) not in self.defeat_verbs:
            return []
        ends = []
        for side in (syn.subjects(verb), syn.direct_objects(verb) + self._rivals(verb, syn)):
            named = [
                people_demonym_bearer(m, syn) for t in side for m in syn.mentions_of(t, _AGENTS)
            ]
            sides = [m for m in named if m is not None and m.kind != "demonym"]
            ends.append(sides or [t for t in side if self._competitor(t, syn)])
        if not all(ends) or not any(isinstance(m, TokenMention) for end in ends for m in end):
            return []
        doc = syn.doc
        text = doc_text(doc)
        sent = verb.sent
        paragraph = text.rfind("\n", 0, sent.start_char) + 1
        # A short report often names the contest in its lead paragraph and its results in
        # the next ("… la finale du 10 m. // X a battu Y et Z."): one paragraph back too.
        lead = text.rfind("\n", 0, len(text[:paragraph].rstrip())) + 1
        for start in (paragraph, lead):
            before = [
                m
                for m in events
                if m.end <= sent.start
                and doc[m.start].idx >= start
                and not self._referendum(m, syn)
            ]
            if before:
                break
        if not before:
            return []
        return [self._stage_whole(max(before, key=lambda m: (m.end, m.start)), syn)]

    def _competitor(self, token: Token, syn: Syntax) -> bool:
        """A definite noun of a contestant with no entity of its own ("la joueuse
        américaine", "le tenant du titre"): a side of a contest, though unnamed."""
        return (
            token.pos == NOUN
            and syn.index.at(token) is None
            and fold_lexeme(token.lemma_) in self.competitor_nouns
            and any(c.dep_ == ud.DET and "Def" in c.morph.get("Definite") for c in token.children)
        )

    def _stage_whole(self, event: TokenMention, syn: Syntax) -> TokenMention:
        """ "la finale *de l'Euro 2012*": a round or stage (``round_nouns``, ``stage_nouns``)
        stands for the competition it is of; "le tournoi de Wimbledon" stays itself."""
        root = syn.doc[syn.index.roots[event]]
        if fold_lexeme(root.lemma_) in self.round_nouns | self.stage_nouns:
            return self._whole(event, syn)
        return event


#: Dependents that open a clause of their own: an occasion phrase under them is theirs.
_CLAUSAL = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj"})


def _phrase_tokens(verb: Token, depth: int) -> list[Token]:
    """The tokens of ``verb``'s own phrases down to ``depth``, not entering other clauses."""
    found: list[Token] = []
    layer = [c for c in verb.children if c.dep_ not in _CLAUSAL]
    for _ in range(depth):
        found.extend(layer)
        layer = [g for t in layer for g in t.children if g.dep_ not in _CLAUSAL]
    return found
