"""Dependency + lexicon patterns that propose typed relations between entity mentions.

Why rules: news relations are few and formulaic ("le ministre letton de la Défense, X",
"A et B sont à la tête de", "devraient rejoindre", "livrer un million de drones à"), the
output must say *why* (trigger, evidence) and other languages must come by data. Every
trigger word is a dictionary lookup on its lemma; arguments are then read around it, so a
document costs O(tokens), never O(mention pairs).

Patterns (all driven by ``kg/lang/<lang>/relations.json``):
- ``titles`` (:mod:`kg.nlp.relations.titles`): "le président ukrainien X" -> ``headOf``,
  "X, ministre britannique des Affaires étrangères" -> ``ministerOf`` (with ``portfolio``).
- ``verb_frames``: a verb, its subject and an object slot (direct object or a preposition).
- ``event_frames``: "lancée *lors d'*une réunion" -> ``launchedAt`` / ``announcedAt``.
- ``noun_frames``: "à la tête de", "adhésion de X à Y", "alliés de l'OTAN, parmi lesquels".
- locations: an event mention with a locative phrase ("réunion ... à Bruxelles").
- contests (:mod:`kg.nlp.relations.contests`): who took part in an election, a match or a
  meeting, read off the clause ("élu avec 52 % des voix", "lors du sommet, X a …").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme, load_data
from kg.lang.words import Words, load_words
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.affiliation import Affiliations
from kg.nlp.relations.arguments import dative_relative, event_parts, inverted_subjects
from kg.nlp.relations.containment import PlaceContainment
from kg.nlp.relations.contests import Contests, people_demonym_bearer
from kg.nlp.relations.event_sites import EventSites
from kg.nlp.relations.membership import Membership
from kg.nlp.relations.offices import Allocation, headline_country
from kg.nlp.relations.parties import PartyAdjectives
from kg.nlp.relations.places import EventPlaces
from kg.nlp.relations.quantities import quantity_attributes, quantity_lexicon
from kg.nlp.relations.settings import PlaceLinks
from kg.nlp.relations.stance import adverbial_lead, fronted_members, phrase_end
from kg.nlp.relations.titles import TitlePatterns
from kg.nlp.syntax import MentionIndex, RelationCandidate, Syntax, cue_words, syntax_cues
from kg.nlp.tokens import LEMMA, ORTH, column, pos_ids

__all__ = ["RelationCandidate", "RelationPatterns"]

_AGENTS = frozenset({"Country", "Organization", "Person"})
_VERB_POS = frozenset({VERB, AUX, ADJ})
#: How the parser hangs the title a verb confers ("élu président", "nommée à la présidence").
_APPOINTED_DEPS = frozenset({ud.XCOMP, ud.OBJ, ud.OBL, ud.OBL_ARG, ud.OBL_MOD, ud.OBL_AGENT})
_NOUN_POS = frozenset({NOUN, PROPN, ADJ})
_EVENTS = frozenset({"Event"})
#: Folded lemmas and words of a document, memoised per string (see kg.nlp.tokens).
_FOLD = column(fold_lexeme)


@dataclass(frozen=True, slots=True)
class _Frame:
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
            and obj.type == "Organization"
            and obj.kind == "name"
        ):
            return self.person_org_predicate
        return self.predicate


def _word_set(lex: Mapping[str, Any], words: str | list[str] | tuple[str, ...]) -> frozenset[str]:
    """Folded words of a frame field: a list, or the name of a shared list of the lexicon."""
    return frozenset(fold_lexeme(w) for w in (lex[words] if isinstance(words, str) else words))


def _split_lemma(lemma: str, clitics: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    """ "prendre part" -> ("prendre", "part"); "se tenir" -> ("tenir", None); "s'en prendre"
    -> ("prendre", "en")."""
    words = [w for w in fold_lexeme(lemma).split() if w not in {"se", "s'"}]
    if words and words[0].startswith("s'"):
        words[0] = words[0][2:]
    if len(words) > 1 and words[0] in clitics:
        # "s'en prendre": the verb is "prendre", and the clitic must hang on it.
        return words[1], words[0]
    return words[0], (words[1] if len(words) > 1 else None)


class RelationPatterns:
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
        self.verbs: dict[str, list[_Frame]] = {}
        clitics = frozenset(fold_lexeme(w) for w in lex.get("verb_clitics", ()))
        for spec in lex["verb_frames"]:
            for lemma in spec["lemmas"]:
                head, extra = _split_lemma(lemma, clitics)
                self.verbs.setdefault(head, []).append(
                    _Frame(
                        predicate=spec["predicate"],
                        subject_types=frozenset(spec["subject_types"]),
                        object_types=frozenset(spec["object_types"]),
                        object_slots=frozenset(spec["object_slots"]),
                        required_child=extra,
                        theme=bool(spec.get("theme")),
                        locative=bool(spec.get("locative")),
                        subject_slots=frozenset(spec.get("subject_slots", ())),
                        through_nouns=_word_set(lex, spec.get("through_nouns", ())),
                        through_only=bool(spec.get("through_only")),
                        theme_nouns=_word_set(lex, spec.get("theme_nouns", ())),
                        object_nouns=_word_set(lex, spec.get("object_nouns", ())),
                        act_governors=_word_set(lex, spec.get("act_governors", ())),
                        person_org_predicate=spec.get("person_org_predicate"),
                        attributes=tuple(sorted(spec.get("attributes", {}).items())),
                        reciprocal=spec.get("reciprocal", False),
                        people_demonyms=spec.get("people_demonyms", True),
                    )
                )
        self.events: dict[str, list[_Frame]] = {}
        for spec in lex["event_frames"]:
            for lemma in spec["lemmas"]:
                head, extra = _split_lemma(lemma)
                self.events.setdefault(head, []).append(
                    _Frame(
                        predicate=spec["predicate"],
                        subject_types=frozenset(spec["subject_types"]),
                        object_types=frozenset(spec["object_types"]),
                        required_child=extra,
                    )
                )
        self.event_cues = [cue_words(c) for c in lex["event_cues"]]
        self.nouns: dict[str, list[_Frame]] = {}
        for spec in lex["noun_frames"]:
            for lemma in spec["lemmas"]:
                self.nouns.setdefault(fold_lexeme(lemma).split()[-1], []).append(
                    _Frame(
                        predicate=spec["predicate"],
                        subject_types=frozenset(spec["subject_types"]),
                        object_types=frozenset(spec["object_types"]),
                        trigger_case=frozenset(spec.get("trigger_case", ())),
                        subject_mode=spec["subject"],
                        object_mode=spec["object"],
                        light_verbs=frozenset(fold_lexeme(w) for w in spec.get("light_verbs", ())),
                        person_org_predicate=spec.get("person_org_predicate"),
                        people_demonyms=spec.get("people_demonyms", True),
                    )
                )
        self.delegate_nouns = frozenset(fold_lexeme(w) for w in lex.get("delegate_nouns", ()))
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
                lemma = self._repaired(doc[i], lemma)
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
            if token.pos_ in {"NOUN", "PROPN", "ADJ"} or _copular(token):
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

    def _has_child(self, token: Token, lemma: str | None) -> bool:
        return lemma is None or any(fold_lexeme(c.lemma_) == lemma for c in token.children)

    def _pairs(
        self, subjects: list[Token], objects: list[Token], frame: _Frame, syn: Syntax
    ) -> Iterator[tuple[TokenMention, TokenMention]]:
        subj = [m for t in subjects for m in syn.mentions_of(t, frame.subject_types)]
        # A mention read on both sides is one list misread twice ("composé de A et de B").
        obj = [m for t in objects for m in syn.mentions_of(t, frame.object_types) if m not in subj]
        if not frame.people_demonyms:
            subj = [b for m in subj if (b := people_demonym_bearer(m, syn)) is not None]
            obj = [b for m in obj if (b := people_demonym_bearer(m, syn)) is not None]
        for s in subj:
            for o in obj:
                yield s, o

    def _verb(self, verb: Token, frame: _Frame, syn: Syntax) -> Iterator[RelationCandidate]:
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
        pairs = list(self._pairs(subjects, objects, frame, syn))
        if not pairs and frame.reciprocal and _reflexive(verb):
            pairs = self._reciprocal_pairs(subjects, frame, syn)
        for s, o in pairs:
            yield RelationCandidate(s, frame.predicate_for(s, o), o, trigger, dict(attrs))

    def _reciprocal_pairs(
        self, subjects: list[Token], frame: _Frame, syn: Syntax
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

    def _event(self, verb: Token, frame: _Frame, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "La coalition a été lancée lors d'une réunion" -> coalition launchedAt réunion."""
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

    def _noun(self, noun: Token, frame: _Frame, syn: Syntax) -> Iterator[RelationCandidate]:
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
        # A role stated in passing ("13 alliés de l'OTAN, parmi lesquels la France",
        # "X, membre de l'OTAN,") is background, not the clause's event.
        static = frame.subject_mode == "enumeration" or noun.dep_ == ud.APPOS
        for s, o in self._pairs(subjects, objects, frame, syn):
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
            # "a annoncé *sa candidature* à l'élection": the parser hangs the complement of
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

    # -- locations ------------------------------------------------------------------------


def _possessed(noun: Token) -> bool:
    """Whether ``noun`` has a possessive determiner ("*sa* candidature")."""
    return any(c.dep_ == ud.DET and "Yes" in c.morph.get("Poss") for c in noun.children)


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


def _copular(token: Token) -> bool:
    """A predicative noun the tagger read as a verb ("X est *candidat* à l'élection": the
    copula hangs on it); noun frames read it as the noun it is."""
    return token.pos_ == "VERB" and any(c.dep_ == ud.COP for c in token.children)


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
