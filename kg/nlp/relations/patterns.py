"""Dependency + lexicon patterns that propose typed relations between entity mentions.

Why rules: news relations are few and formulaic ("le ministre letton de la Défense, X",
"A et B sont à la tête de", "devraient rejoindre", "livrer un million de drones à"), the
output must say *why* (trigger, evidence) and other languages must come by data. Every
trigger word is a dictionary lookup on its lemma; arguments are then read around it, so a
document costs O(tokens), never O(mention pairs).

Patterns (all driven by ``kg/lang/<lang>/relations.json``):
- ``titles`` (:mod:`kg.nlp.relations.titles`): "le président ukrainien X" -> ``headOf``,
  "X, ministre britannique des Affaires étrangères" -> ``ministerOf`` (with ``portfolio``).
- ``verb_frames`` (:mod:`kg.nlp.relations.verb_frames`): a verb, its subject and an object
  slot (direct object or a preposition).
- ``event_frames`` (same module): "lancée *lors d'*une réunion" -> ``launchedAt`` /
  ``announcedAt``.
- ``noun_frames`` (:mod:`kg.nlp.relations.noun_frames`): "à la tête de", "adhésion de X à
  Y", "alliés de l'OTAN, parmi lesquels".
- locations: an event mention with a locative phrase ("réunion ... à Bruxelles").
- contests (:mod:`kg.nlp.relations.contests`): who took part in an election, a match or a
  meeting, read off the clause ("élu avec 52 % des voix", "lors du sommet, X a …").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme, load_data
from kg.lang.words import Words, load_words
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.affiliation import Affiliations
from kg.nlp.relations.containment import PlaceContainment
from kg.nlp.relations.contests import Contests
from kg.nlp.relations.event_sites import EventSites
from kg.nlp.relations.frames import Frame, split_lemma, word_set
from kg.nlp.relations.membership import Membership
from kg.nlp.relations.noun_frames import NounFrames, copular
from kg.nlp.relations.offices import Allocation, headline_country
from kg.nlp.relations.parties import PartyAdjectives
from kg.nlp.relations.places import EventPlaces
from kg.nlp.relations.quantities import quantity_lexicon
from kg.nlp.relations.settings import PlaceLinks
from kg.nlp.relations.titles import TitlePatterns
from kg.nlp.relations.verb_frames import VerbFrames
from kg.nlp.syntax import MentionIndex, RelationCandidate, Syntax, cue_words, syntax_cues
from kg.nlp.tokens import LEMMA, ORTH, column, pos_ids

__all__ = ["RelationCandidate", "RelationPatterns"]

_VERB_POS = frozenset({VERB, AUX, ADJ})
#: How the parser hangs the title a verb confers ("élu président", "nommée à la présidence").
_APPOINTED_DEPS = frozenset({ud.XCOMP, ud.OBJ, ud.OBL, ud.OBL_ARG, ud.OBL_MOD, ud.OBL_AGENT})
_NOUN_POS = frozenset({NOUN, PROPN, ADJ})
#: Folded lemmas and words of a document, memoised per string (see kg.nlp.tokens).
_FOLD = column(fold_lexeme)


class RelationPatterns(VerbFrames, NounFrames):
    """All patterns of one language, compiled once (in the component's ``__init__``)."""

    def __init__(
        self, lex: Mapping[str, Any] | None = None, lang: str = "fr", words: Words | None = None
    ) -> None:
        """Compile ``lex`` (a relation lexicon) and ``words``; kg's own for ``lang`` when None."""
        lex = load_data(lang, "relations") if lex is None else lex
        self.lang = lang
        self.quantities = quantity_lexicon(lex["quantity"])
        self.syntax_cues = syntax_cues(lex, load_words(lang) if words is None else words)
        self.case_aliases = self.syntax_cues["case_aliases"]
        self.case_roles = self.syntax_cues["case_roles"]
        self.planned_nouns = self.syntax_cues["planned_nouns"]
        self.list_joiners = self.syntax_cues["list_joiners"]
        self.enumeration_cues = self.syntax_cues["enumeration_cues"]
        self.lemma_repairs = tuple(
            (fold_lexeme(a), fold_lexeme(b))
            for a, b in lex.get("lemma_repairs", {}).items()
            if a != "_comment"
        )
        self.verbs: dict[str, list[Frame]] = {}
        clitics = frozenset(fold_lexeme(w) for w in lex.get("verb_clitics", ()))
        for spec in lex["verb_frames"]:
            for lemma in spec["lemmas"]:
                head, extra = split_lemma(lemma, clitics)
                self.verbs.setdefault(head, []).append(
                    Frame(
                        predicate=spec["predicate"],
                        subject_types=frozenset(spec["subject_types"]),
                        object_types=frozenset(spec["object_types"]),
                        object_slots=frozenset(spec["object_slots"]),
                        required_child=extra,
                        theme=bool(spec.get("theme")),
                        locative=bool(spec.get("locative")),
                        subject_slots=frozenset(spec.get("subject_slots", ())),
                        through_nouns=word_set(lex, spec.get("through_nouns", ())),
                        through_only=bool(spec.get("through_only")),
                        theme_nouns=word_set(lex, spec.get("theme_nouns", ())),
                        object_nouns=word_set(lex, spec.get("object_nouns", ())),
                        act_governors=word_set(lex, spec.get("act_governors", ())),
                        person_org_predicate=spec.get("person_org_predicate"),
                        attributes=tuple(sorted(spec.get("attributes", {}).items())),
                        reciprocal=spec.get("reciprocal", False),
                        people_demonyms=spec.get("people_demonyms", True),
                    )
                )
        self.events: dict[str, list[Frame]] = {}
        for spec in lex["event_frames"]:
            for lemma in spec["lemmas"]:
                head, extra = split_lemma(lemma)
                self.events.setdefault(head, []).append(
                    Frame(
                        predicate=spec["predicate"],
                        subject_types=frozenset(spec["subject_types"]),
                        object_types=frozenset(spec["object_types"]),
                        required_child=extra,
                    )
                )
        self.event_cues = [cue_words(c) for c in lex["event_cues"]]
        self.nouns: dict[str, list[Frame]] = {}
        for spec in lex["noun_frames"]:
            for lemma in spec["lemmas"]:
                self.nouns.setdefault(fold_lexeme(lemma).split()[-1], []).append(
                    Frame(
                        predicate=spec["predicate"],
                        subject_types=frozenset(spec["subject_types"]),
                        object_types=frozenset(spec["object_types"]),
                        trigger_case=frozenset(spec.get("trigger_case", ())),
                        subject_mode=spec["subject"],
                        object_mode=spec["object"],
                        light_verbs=frozenset(fold_lexeme(w) for w in spec.get("light_verbs", ())),
                        person_org_predicate=spec.get("person_org_predicate"),
                        person_objects=frozenset(spec.get("person_objects", ())),
                        people_demonyms=spec.get("people_demonyms", True),
                    )
                )
        self.delegate_nouns = frozenset(fold_lexeme(w) for w in lex.get("delegate_nouns", ()))
        #: "dirige l'*entreprise* Michelin": kind nouns a body's name follows (as a title's).
        self.kind_nouns = frozenset(
            fold_lexeme(w) for w in lex.get("title_anaphora", {}).get("nouns", ())
        )
        #: Partitive prepositions that front a role noun ("*parmi* les signataires figurent").
        self.fronted_cases = frozenset(fold_lexeme(w) for w in lex.get("fronted_role_cases", ()))
        #: Parts of an event that stand for it ("cette *édition* du festival").
        self.event_parts = frozenset(fold_lexeme(w) for w in lex.get("event_part_nouns", ()))
        #: Relative pronouns that stand for an "à" complement ("auquel", "à laquelle").
        self.dative_relatives = [cue_words(w) for w in lex.get("dative_relatives", ())]
        #: Nouns of a state's agents, which a national adjective ties to the state.
        self.state_delegates = frozenset(
            fold_lexeme(w) for w in lex.get("state_delegates", {}).get("nouns", ())
        )
        self.titles = TitlePatterns(lex, lang)
        self.settings = PlaceLinks(lex)
        self.containment = PlaceContainment(lex)
        self.membership = Membership(lex)
        self.affiliations = Affiliations(lex, lang)
        self.parties = PartyAdjectives(lex)
        self.places = EventPlaces(lex)
        self.sites = EventSites(lex, self.places)
        self.allocation = Allocation(lex["allocation"])
        known = load_data(lang, "entities").get("event_names", {})
        self.contests = Contests(
            lex,
            load_data(lang, "events")["nouns"],
            [n for kind, names in known.items() if not kind.startswith("_") for n in names],
        )

    def syntax(self, index: MentionIndex) -> Syntax:
        """The argument finder for one document."""
        return Syntax(index, **self.syntax_cues)

    # ---------------------------------------------------------------------------------
    def find(self, doc: Doc, index: MentionIndex) -> Iterator[RelationCandidate]:
        """Yield every candidate relation of ``doc`` (unfiltered for self-loops/duplicates)."""
        syn = self.syntax(index)
        titles = self.titles
        title_end = 0
        country = headline_country(doc, index)
        allocation = self.allocation.verbs
        # Only tokens some rule may fire on become Token objects (see kg.nlp.tokens).
        lemmas, texts, pos = _FOLD(doc, LEMMA), _FOLD(doc, ORTH), pos_ids(doc)
        verbs, events, nouns, title_words = self.verbs, self.events, self.nouns, titles.titles
        repairs = self.lemma_repairs
        for i, lemma in enumerate(lemmas):
            if repairs and pos[i] == VERB and lemma == texts[i] and lemma not in verbs:
                fixed = self._repaired(doc[i], lemma)
                if fixed != lemma:
                    lemma = fixed
                    syn.forget()  # what it read of this verb may have changed
            if not (
                (pos[i] in _VERB_POS and (lemma in verbs or lemma in events or lemma in allocation))
                or ((pos[i] in _NOUN_POS or pos[i] == VERB) and lemma in nouns)
                or (i >= title_end and (texts[i] in title_words or lemma in title_words))
            ):
                continue
            token = doc[i]
            text = texts[i]
            if token.pos_ in {"VERB", "AUX", "ADJ"}:
                for frame in self.verbs.get(lemma, ()):
                    yield from self._verb(token, frame, syn)
                for frame in self.events.get(lemma, ()):
                    yield from self._event(token, frame, syn)
                if lemma in allocation:
                    yield from self.allocation.candidates(token, lemma, syn, country)
            if token.pos_ in {"NOUN", "PROPN", "ADJ"} or copular(token):
                for frame in self.nouns.get(lemma, ()):
                    yield from self._noun(token, frame, syn)
            if token.i >= title_end and (text in titles.titles or lemma in titles.titles):
                match = titles.match(token)
                if match is not None:
                    # "Premier ministre" is one title: "ministre" must not match again.
                    title_end = token.i + len(match[0])
                    appointed = self._appointed(token)
                    for candidate in titles.candidates(token, match, syn, country):
                        # "n'a pas été élu président", "devrait être nommé directeur": the
                        # appointment is the clause's event, with its modality and time.
                        candidate.static = candidate.static and not appointed
                        yield candidate
        yield from self.places.locations(doc, syn)
        yield from self.places.participle_locations(doc, syn)
        yield from self.places.named_participants(doc, syn)

        def event_class(event: TokenMention) -> str:
            return self.contests.event_class(event, syn)

        yield from self.sites.named_places(doc, syn, event_class)
        yield from self.sites.hosted(doc, syn, self.event_parts)
        yield from self.sites.opened(doc, syn, event_class)
        yield from self.sites.company(doc, syn, event_class)
        yield from self.sites.relative_places(doc, syn)
        yield from self.settings.find(doc, syn)
        yield from self.containment.find(doc, syn, country)
        yield from self.membership.find(doc, syn)
        yield from self.affiliations.find(doc, syn)
        yield from self.parties.find(doc, syn, country)
        yield from self.contests.find(doc, syn)

    def _appointed(self, title: Token) -> bool:
        """Whether ``title`` is what a title verb makes its bearer ("élu *président*")."""
        head = title.head
        return (
            head.i != title.i
            and head.pos_ in {"VERB", "AUX"}
            and title.dep_ in _APPOINTED_DEPS
            and fold_lexeme(head.lemma_) in self.titles.title_verbs
        )

    def _repaired(self, token: Token, lemma: str) -> str:
        """The trigger lemma of a verb the lemmatizer left as written ("le Japon *signe*":
        lemma "signe"): the lexicon's suffix repairs, kept only when they give a trigger.
        The token's lemma is corrected too, so modality and evidence read the same verb."""
        for suffix, replacement in self.lemma_repairs:
            if lemma.endswith(suffix):
                fixed = lemma[: len(lemma) - len(suffix)] + replacement
                if fixed in self.verbs or fixed in self.events or fixed in self.allocation.verbs:
                    token.lemma_ = fixed
                    return fixed
        return lemma
