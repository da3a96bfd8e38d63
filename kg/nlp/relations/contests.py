"""Who takes part in an election, a match or a meeting, read off the clause around the event.

Why a module of its own: ``participatesIn`` is rarely a verb with the event as its object
("a participé au sommet"). News says it through the outcome of a contest ("X a été élu avec
52 % des voix", "300 000 voix pour Y", "l'Espagne a battu l'Italie en finale") or
through an occasion phrase ("*lors du sommet*, X a plaidé pour …"). These rules read three
constructions, each a UD frame with a French word family from ``relations.json``
(``contests``), and the event classes of ``events.json`` (what counts as an election or a
gathering is the event lexicon's, not a second list):

- **elected**: the person a verb of election makes ("élu", "réélue", "les électeurs ont élu
  X") took part in the election the sentence names, else the last one the article named
  before.
- **votes**: "N voix *pour* X" and "X a obtenu / recueilli N % des voix": X took part in
  the same election.
- **occasion** (occasions.py): an active clause with an occasion phrase on an event of a
  gathering class ("lors de", "en marge de", "à l'occasion de"): its subject took part.
- **contest verbs**: the subject and object of a verb of contest ("battre", "affronter",
  "s'imposer", "se qualifier") took part in the contest event the verb governs ("en finale
  *de l'Euro*": the competition a stage is of); a verb of defeat between two named sides
  that governs none took part in the contest its paragraph named last.

- **pairs** (kg/nlp/relations/pairs.py): "entre A et B" on a noun of conflict ("le
  différend entre A et B": A opposes B, two sides only) or of meeting ("la rencontre
  entre A et B": each pair meets).

All arguments go through :meth:`kg.nlp.syntax.Syntax.mentions_of`, so lists give one fact per
member ("A et B ont été élus"). A demonym noun ("le Kényan X") is a person or a people, not
the state: it gives way to the person it names, or the fact is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.relations.demonyms import is_people_demonym, people_demonym_bearer
from kg.nlp.relations.occasions import occasion_facts
from kg.nlp.relations.pairs import pair_facts
from kg.nlp.syntax import RelationCandidate, Syntax, cue_words
from kg.nlp.tokens import LEMMA, column, pos_ids

__all__ = ["Contests", "is_people_demonym", "people_demonym_bearer"]

_PREDICATE = "participatesIn"
_AGENTS = frozenset({"Country", "Organization", "Person"})
#: Whom a team noun's complement may name ("l'équipe de France", "l'équipe du club").
_TEAM_OWNERS = frozenset({"Country", "Organization"})
#: The event class a named competition takes (one of ``gathering_classes``).
_NAMED_CONTEST_CLASS = "GATHERING"
_CANDIDATES = frozenset({"Organization", "Person"})
_VERB_POS = frozenset({VERB, AUX, ADJ})
#: Folded lemmas of a document, memoised per string (see kg.nlp.tokens).
_FOLD = column(fold_lexeme)


def _fold_set(words: Any) -> frozenset[str]:
    return frozenset(fold_lexeme(w) for w in words)


class Contests:
    """The ``participatesIn`` rules of one language (see the module docstring)."""

    def __init__(
        self,
        lex: Mapping[str, Any],
        event_nouns: Mapping[str, Any],
        known_events: Sequence[str] = (),
    ) -> None:
        """Compile ``lex["contests"]`` against the event lexicon's ``nouns`` (noun -> class)
        and the recurring events the entity lexicon knows by name (``event_names``)."""
        spec = lex["contests"]
        classes: dict[str, str] = {}
        for noun, entry in event_nouns.items():
            cls = entry if isinstance(entry, str) else entry.get("class", "")
            classes[fold_lexeme(noun)] = cls
        self.classes = classes
        self.election_classes = frozenset(spec["election_classes"])
        self.gathering_classes = frozenset(spec["gathering_classes"])
        self.elect_verbs = _fold_set(spec["elect_verbs"])
        self.vote_nouns = _fold_set(spec["vote_nouns"])
        self.score_verbs = _fold_set(spec["score_verbs"])
        self.contest_verbs = _fold_set(spec["contest_verbs"])
        self.beneficiary_case = fold_lexeme(spec["beneficiary_case"])
        self.rival_cases = _fold_set(spec["rival_cases"])
        self.round_nouns = _fold_set(spec["round_nouns"])
        self.referendum_nouns = _fold_set(spec.get("referendum_nouns", ()))
        self.defeat_verbs = _fold_set(spec.get("defeat_verbs", ()))
        self.stage_nouns = _fold_set(spec.get("stage_nouns", ()))
        #: A competition known by its name alone ("Roland-Garros", "Euro 2012").
        self.known_contests = frozenset(fold_lexeme(n) for n in known_events)
        self.contest_name_starts = _fold_set(spec.get("contest_name_starts", ()))
        self.team_nouns = _fold_set(spec.get("team_nouns", ()))
        self.competitor_nouns = _fold_set(spec.get("competitor_nouns", ()))
        #: noun -> predicate of "le différend / la rencontre entre A et B".
        self.pair_nouns = {
            fold_lexeme(noun): predicate
            for predicate, nouns in spec["pair_nouns"].items()
            for noun in nouns
        }
        self.pair_case = fold_lexeme(spec["pair_case"])
        self.occasion_blockers = tuple(fold_lexeme(w) for w in spec["occasion_blockers"])
        self.occasion_cues = [cue_words(c) for c in spec["occasion_cues"]]

    # ---------------------------------------------------------------------------------
    def find(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """Yield the candidates of :meth:`_find` whose arguments are no demonym nouns ("le
        Kényan X" is a runner, not Kenya)."""
        for candidate in self._find(doc, syn):
            subject = people_demonym_bearer(candidate.subject, syn)
            obj = people_demonym_bearer(candidate.object, syn)
            if subject is not None and obj is not None:
                candidate.subject, candidate.object = subject, obj
                yield candidate

    def _find(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """Yield the ``participatesIn`` (and rivalry ``opposes``) candidates of ``doc``."""
        events = [m for m in syn.index.mentions if m.type == "Event"]
        classed = [(m, self.event_class(m, syn)) for m in events]
        elections = [m for m, c in classed if c in self.election_classes]
        gatherings = {m for m, c in classed if c in self.gathering_classes}
        # Only tokens some rule may fire on become Token objects (see kg.nlp.tokens).
        lemmas, pos = _FOLD(doc, LEMMA), pos_ids(doc)
        for i, lemma in enumerate(lemmas):
            if pos[i] in _VERB_POS:
                if lemma in self.elect_verbs and elections:
                    yield from self._elected(doc[i], syn, elections)
                if lemma in self.score_verbs and elections:
                    yield from self._scored(doc[i], syn, elections)
                if (lemma in self.contest_verbs or lemma in self.defeat_verbs) and gatherings:
                    yield from self._contest(doc[i], syn, gatherings)
            elif pos[i] == NOUN:
                if lemma in self.vote_nouns and elections:
                    yield from self._votes_for(doc[i], syn, elections)
                if lemma in self.pair_nouns:
                    yield from pair_facts(doc[i], self.pair_nouns[lemma], self.pair_case, syn)
        if gatherings:
            yield from occasion_facts(syn, gatherings, self.occasion_cues, self.occasion_blockers)

    def event_class(self, mention: TokenMention, syn: Syntax) -> str:
        """The event lexicon's class of an event mention: its longest leading words in the
        lexicon ("Jeux olympiques de Londres" -> "jeux olympiques"), else its head noun."""
        doc = syn.doc
        words = [fold_lexeme(t.text) for t in doc[mention.start : mention.end]]
        for k in range(len(words), 0, -1):
            cls = self.classes.get(" ".join(words[:k]))
            if cls:
                return cls
        root = doc[syn.index.roots[mention]]
        cls = self.classes.get(fold_lexeme(root.lemma_), "")
        text = fold_lexeme(doc[mention.start : mention.end].text)
        if not cls and mention.kind == "name" and self._named_contest(text):
            return _NAMED_CONTEST_CLASS
        return cls

    def _named_contest(self, text: str) -> bool:
        """ "l'Euro 2012", "Roland-Garros": a name that says a competition, though no noun
        of the event lexicon does (``contest_name_starts``, the entity lexicon's events)."""
        names = self.known_contests | self.contest_name_starts
        return any(text == n or text.startswith(n + " ") for n in names)

    # -- elections ------------------------------------------------------------------------
    def _election_for(
        self, token: Token, elections: list[TokenMention], syn: Syntax
    ) -> TokenMention | None:
        """The election a clause speaks of: the nearest one in its sentence, else the last
        one the article named before, else the first one later in its paragraph ("X l'a
        emporté avec 54 % des suffrages. Le taux de participation à ce scrutin …"), or in
        the article when the clause is its headline."""
        sent = token.sent
        inside = [m for m in elections if sent.start <= m.start < sent.end]
        if inside:
            return self._whole(min(inside, key=lambda m: abs(m.start - token.i)), syn, elections)
        before = [m for m in elections if m.end <= sent.start]
        if before:
            return self._whole(before[-1], syn, elections)
        doc = syn.doc
        text = doc_text(doc)  # spaCy rebuilds doc.text on every access
        stop = text.find("\n", sent.end_char)
        stop = len(text) if stop < 0 else stop
        after = [m for m in elections if m.start >= sent.end and doc[m.start].idx < stop]
        if not after and "\n" not in text[: sent.start_char].strip():
            # A headline ("X élu président") tells the article's election, named below it.
            after = [m for m in elections if m.start >= sent.end]
        return self._whole(after[0], syn, elections) if after else None

    def _whole(
        self, mention: TokenMention, syn: Syntax, elections: Sequence[TokenMention] = ()
    ) -> TokenMention:
        """ "le second tour *de l'élection présidentielle*": the election a round is of; a
        bare round ("élu au premier tour") is of the election the article names nearest."""
        root = syn.doc[syn.index.roots[mention]]
        for child in root.children:
            if child.dep_.startswith(ud.NMOD) and syn.case_of(child) == syn.genitive:
                whole = syn.index.at(child)
                if whole is not None and whole != mention and whole.type == "Event":
                    return whole
        if fold_lexeme(root.lemma_) in self.round_nouns:
            wholes = [
                m
                for m in elections
                if fold_lexeme(syn.doc[syn.index.roots[m]].lemma_) not in self.round_nouns
            ]
            if wholes:
                return min(wholes, key=lambda m: abs(m.start - mention.start))
        return mention

    def _elected(
        self, verb: Token, syn: Syntax, elections: list[TokenMention]
    ) -> Iterator[RelationCandidate]:
        """ "X a été élu (président) avec 52 % des voix": X took part in the election."""
        # A referendum elects nobody: "élue députée en 2015" is not about the article's vote.
        elections = [m for m in elections if not self._referendum(m, syn)]
        election = self._election_for(verb, elections, syn)
        if election is None:
            return
        elected = [m for t in syn.direct_objects(verb) for m in syn.mentions_of(t, _CANDIDATES)]
        rivals = [m for t in self._rivals(verb, syn) for m in syn.mentions_of(t, _CANDIDATES)]
        for mention in elected + [r for r in rivals if r not in elected]:
            yield RelationCandidate(mention, _PREDICATE, election, verb)
        for mention in elected:
            for rival in rivals:
                if rival != mention:
                    # "réélu face à X": the two ran against each other.
                    yield RelationCandidate(mention, "opposes", rival, verb)

    def _referendum(self, mention: TokenMention, syn: Syntax) -> bool:
        """Whether an election mention is a referendum (the lexicon's ``referendum_nouns``)."""
        root = syn.doc[syn.index.roots[mention]]
        return fold_lexeme(root.lemma_) in self.referendum_nouns

    def _scored(
        self, verb: Token, syn: Syntax, elections: list[TokenMention]
    ) -> Iterator[RelationCandidate]:
        """ "X a obtenu 48 % des voix": the subject of a verb whose object counts votes."""
        if not any(self._counts_votes(o) for o in syn.direct_objects(verb)):
            return
        election = self._election_for(verb, elections, syn)
        if election is None:
            return
        for token in syn.subjects(verb):
            for mention in syn.mentions_of(token, _CANDIDATES):
                yield RelationCandidate(mention, _PREDICATE, election, verb)

    def _counts_votes(self, noun: Token) -> bool:
        """ "des voix", "48 % des suffrages", "la majorité des votes"."""
        if fold_lexeme(noun.lemma_) in self.vote_nouns:
            return True
        return any(
            c.dep_.startswith(ud.NMOD) and fold_lexeme(c.lemma_) in self.vote_nouns
            for c in noun.children
        )

    def _votes_for(
        self, noun: Token, syn: Syntax, elections: list[TokenMention]
    ) -> Iterator[RelationCandidate]:
        """ "800 000 voix pour la candidate X": X took part in the election."""
        holders = [noun, noun.head] if noun.dep_.startswith(ud.NMOD) else [noun]
        found = [
            c
            for h in holders
            for c in h.children
            if c.dep_.startswith(ud.NMOD) and syn.case_of(c) == self.beneficiary_case
        ]
        nxt = noun.i + 1
        if not found and nxt < len(noun.doc):
            # The parser often hangs the "pour" phrase on the verb; read it right after.
            case = noun.doc[nxt]
            if case.dep_ == ud.CASE and fold_lexeme(case.text) == self.beneficiary_case:
                found = [case.head]
        if not found:
            return
        election = self._election_for(noun, elections, syn)
        if election is None:
            return
        for token in found:
            for mention in syn.mentions_of(token, _CANDIDATES):
                yield RelationCandidate(mention, _PREDICATE, election, noun)

    # -- contests and gatherings ------------------------------------------------------------
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
        """ "réélu *face à* X", "a gagné *contre* X": the other side of a contest."""
        return [
            c
            for c in verb.children
            if c.dep_.startswith((ud.OBL, ud.NMOD)) and syn.case_of(c) in self.rival_cases
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
            governed = self._earlier_contest(verb, syn, events)
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
        before = [
            m
            for m in events
            if m.end <= sent.start
            and doc[m.start].idx >= paragraph
            and not self._referendum(m, syn)
        ]
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
