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

- **fixtures** (kg/nlp/relations/sides.py): the sides named with a gathering ("le match
  A - B", "la finale opposant A à B") took part in it.
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
from spacy.tokens import Doc

from kg.lang import fold_lexeme
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.demonyms import is_people_demonym, people_demonym_bearer
from kg.nlp.relations.elections import ElectionRules
from kg.nlp.relations.matches import ContestVerbs
from kg.nlp.relations.occasions import occasion_facts
from kg.nlp.relations.pairs import pair_facts
from kg.nlp.relations.sides import fixture_facts
from kg.nlp.syntax import RelationCandidate, Syntax, cue_words
from kg.nlp.tokens import LEMMA, column, pos_ids

__all__ = ["Contests", "is_people_demonym", "people_demonym_bearer"]

#: The event class a named competition takes (one of ``gathering_classes``).
_NAMED_CONTEST_CLASS = "GATHERING"
_VERB_POS = frozenset({VERB, AUX, ADJ})
#: Folded lemmas of a document, memoised per string (see kg.nlp.tokens).
_FOLD = column(fold_lexeme)


def _fold_set(words: Any) -> frozenset[str]:
    return frozenset(fold_lexeme(w) for w in words)


class Contests(ElectionRules, ContestVerbs):
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
        #: "la finale opposant A à B" (kg/nlp/relations/sides.py).
        self.fixture_verbs = _fold_set(spec.get("fixture_verbs", ()))
        self.fixture_cases = _fold_set(spec.get("fixture_cases", ()))

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
        yield from fixture_facts(
            syn, gatherings, self.fixture_verbs, self.fixture_cases, opposed_events=events
        )
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
