"""Where an event happens by its name or its host, and who opens it.

Why a module of its own: these facts need no locative phrase (that is
:mod:`kg.nlp.relations.places`'s): the event's own name states its place ("le festival de
Cannes", "l'élection présidentielle française"), a place hosts it ("Londres accueille les
Jeux"), or an agent opens or closes it ("X a inauguré le forum"). The words live in
``event_place_names``, ``event_hosts`` and ``event_openers`` of
``kg/lang/<lang>/relations.json``; the event classes are those of ``events.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.arguments import event_parts
from kg.nlp.relations.places import EventPlaces
from kg.nlp.syntax import RelationCandidate, Syntax
from kg.nlp.tokens import LEMMA, column, pos_ids

__all__ = ["EventSites"]

_FOLD = column(fold_lexeme)
_HOSTS = frozenset({"Place", "Country"})
_EVENTS = frozenset({"Event"})
_AGENTS = frozenset({"Country", "Organization", "Person"})


class EventSites:
    """Name, host and opener facts of events, compiled once from the relation lexicon."""

    def __init__(self, lex: dict[str, Any], places: EventPlaces) -> None:
        self.places = places
        spec = lex.get("event_place_names", {})
        #: Event classes whose national adjective is where they happen ("l'élection
        #: présidentielle *française*"), unlike an attack's ("les frappes *américaines*").
        self.demonym_classes = frozenset(spec.get("demonym_classes", ()))
        #: The prepositions of a name's genitive ("de", "du", "d'").
        self.name_cases = frozenset(fold_lexeme(w) for w in spec.get("genitives", ()))
        #: "le championnat d'Europe": a continent is a contest's scope, not its place.
        self.scope_places = frozenset(fold_lexeme(w) for w in spec.get("scope_places", ()))
        #: "en entrevue avec X": a statement's setting is no gathering X attends.
        self.blockers = tuple(
            fold_lexeme(w) for w in lex.get("contests", {}).get("occasion_blockers", ())
        )
        #: "un attentat dans lequel …", "la réunion au cours de laquelle …".
        self.relatives = frozenset(fold_lexeme(w) for w in spec.get("relatives", ()))
        self.relative_leads = frozenset(fold_lexeme(w) for w in spec.get("relative_leads", ()))
        #: Objects of an intransitive-like idiom ("perdre *la vie*", "faire dix *victimes*").
        self.relative_objects = frozenset(fold_lexeme(w) for w in spec.get("relative_objects", ()))
        hosts = lex.get("event_hosts", {})
        #: "Londres accueille les Jeux": verbs whose subject place hosts the object event.
        self.host_verbs = frozenset(fold_lexeme(w) for w in hosts.get("verbs", ()))
        #: "Paris a accueilli *favorablement* l'élection": welcoming, not hosting.
        self.host_blockers = frozenset(fold_lexeme(w) for w in hosts.get("blockers", ()))
        #: "*la ville de* Lima accueille le sommet": a noun of a kind of place stands for
        #: the place its genitive names (``place_containment`` ``kind_nouns``).
        kinds = lex.get("place_containment", {}).get("kind_nouns", ())
        self.host_kinds = frozenset(fold_lexeme(w) for w in kinds)
        #: The event classes of a gathering (``contests``' own), which an opener attends.
        self.gathering_classes = frozenset(lex.get("contests", {}).get("gathering_classes", ()))
        #: "X a ouvert le forum": verbs whose subject opens or closes a gathering.
        openers = lex.get("event_openers", {})
        self.openers = frozenset(fold_lexeme(w) for w in openers.get("verbs", ()))
        #: "un concert *avec* X": the prepositions of a gathering's company.
        self.company_cases = frozenset(fold_lexeme(w) for w in openers.get("company_cases", ()))

    def named_places(
        self, doc: Doc, syn: Syntax, event_class: Callable[[TokenMention], str]
    ) -> Iterator[RelationCandidate]:
        """ "le festival de Cannes", "les Jeux olympiques de Londres", "l'élection
        présidentielle française": the place an event's own name gives.

        A named place (not a country: "le sommet de la France" would be a participant,
        see :meth:`EventPlaces.named_participants`) in the event's ``de`` complements,
        standing alone (not inside an organisation's name: "le congrès de l'université de
        Lyon"), is where it happens. A national adjective counts only for the classes of
        ``demonym_classes`` (an election is held in its country; a raid is only by it).
        """
        index = syn.index
        for event in index.mentions:
            if event.type != "Event" or event not in index.roots:
                continue
            head = index.roots[event]
            if self._names_a_site(doc[head], syn):
                continue
            inner = [
                m
                for m in index.mentions
                if m is not event and event.start <= m.start and m.end <= event.end
            ]
            # "le rassemblement | de Milan": the parser's genitive right after the mention.
            after = [
                m
                for k in (event.end + 1, event.end + 2)
                for m in index.starts.get(k, ())
                if fold_lexeme(doc[event.end].text) in self.name_cases
                and all(t.pos_ == "DET" for t in doc[event.end + 1 : k])
            ]
            for place in inner + after:
                if place.kind != "name" or place.type != "Place" or place not in index.roots:
                    continue
                if fold_lexeme(doc[place.start : place.end].text) in self.scope_places:
                    continue
                if any(
                    o is not place and o.start <= place.start and place.end <= o.end for o in inner
                ):
                    continue
                if self.places.de_chain(doc[index.roots[place]], head, syn, through_conj=True):
                    yield self._named(event, place, doc[index.roots[place]], doc)
            if not self.demonym_classes or event_class(event) not in self.demonym_classes:
                continue
            for country in inner:
                if (
                    country.type == "Country"
                    and country.kind == "demonym"
                    and country in index.roots
                    and doc[index.roots[country]].dep_ == ud.AMOD
                    and doc[index.roots[country]].head.i == head
                ):
                    yield self._named(event, country, doc[index.roots[country]], doc)

    def _names_a_site(self, head: Token, syn: Syntax) -> bool:
        """ "le centre *des Congrès* de Lyon", "le palais des Festivals": an event word in
        the genitive of a site or place noun names the building, not an event there."""
        return (
            head.dep_.startswith(ud.NMOD)
            and syn.case_of(head) == syn.genitive
            and fold_lexeme(head.head.lemma_) in self.places.sites | self.places.location_nouns
        )

    def _named(
        self, event: TokenMention, place: TokenMention, trigger: Token, doc: Doc
    ) -> RelationCandidate:
        future_words = self.places.future_adjectives
        future = any(fold_lexeme(t.text) in future_words for t in doc[event.start : event.end])
        return RelationCandidate(
            event,
            "locatedIn",
            place,
            trigger,
            {"trigger": "name"},
            static=True,
            modality="planned" if future else None,
            timed=True,
        )

    def hosted(self, doc: Doc, syn: Syntax, parts: Collection[str]) -> Iterator[RelationCandidate]:
        """ "Londres accueille les Jeux", "la ville abritera le sommet": a place or country
        that hosts an event is where it happens (``event_hosts``). Not a welcome ("a
        accueilli favorablement l'élection", ``blockers``), nor a passive."""
        if not self.host_verbs:
            return
        lemmas, pos = _FOLD(doc, LEMMA), pos_ids(doc)
        for i, lemma in enumerate(lemmas):
            if pos[i] != VERB or lemma not in self.host_verbs:
                continue
            verb = doc[i]
            if syn.passive(verb) or any(
                fold_lexeme(c.lemma_) in self.host_blockers
                or (c.dep_.startswith(ud.OBL) and syn.case_of(c) in self.host_blockers)
                for c in verb.children
            ):
                continue
            hosts = [
                m
                for t in syn.subjects(verb)
                for m in syn.mentions_of(t, _HOSTS) or self._kind_of(t, syn)
                if m.kind == "name"
            ]
            if not hosts:
                continue
            objects = event_parts(syn.direct_objects(verb), syn, parts)
            for event in (m for t in objects for m in syn.mentions_of(t, _EVENTS)):
                for host in hosts:
                    yield RelationCandidate(event, "locatedIn", host, verb)

    def _kind_of(self, token: Token, syn: Syntax) -> list[TokenMention]:
        """ "la ville *de Lima*", "la capitale *du Kenya*": the named place a noun of a kind
        of place (``host_kinds``) stands for, through its genitive complement."""
        if syn.index.at(token) is not None or fold_lexeme(token.lemma_) not in self.host_kinds:
            return []
        return [
            m
            for c in token.children
            if c.dep_.startswith(ud.NMOD) and syn.case_of(c) in self.name_cases
            for m in syn.mentions_of(c, _HOSTS)
        ]

    def opened(
        self, doc: Doc, syn: Syntax, event_class: Callable[[TokenMention], str]
    ) -> Iterator[RelationCandidate]:
        """ "X a ouvert le forum", "Y a clôturé le sommet": who opens or closes a gathering
        (its direct object, never a phrase of it: "a ouvert le feu lors du rassemblement")
        was there."""
        if not self.openers:
            return
        lemmas, pos = _FOLD(doc, LEMMA), pos_ids(doc)
        gatherings: set[TokenMention] | None = None
        for i, lemma in enumerate(lemmas):
            if pos[i] != VERB or lemma not in self.openers:
                continue
            if gatherings is None:  # classed once, only for a document with an opener
                gatherings = {
                    m
                    for m in syn.index.mentions
                    if m.type == "Event" and event_class(m) in self.gathering_classes
                }
            verb = doc[i]
            if syn.passive(verb):
                continue
            opened = [m for t in syn.direct_objects(verb) if (m := syn.index.at(t)) in gatherings]
            for token in syn.subjects(verb) if opened else ():
                for mention in syn.mentions_of(token, _AGENTS):
                    for event in opened:
                        yield RelationCandidate(mention, "participatesIn", event, verb)

    def company(
        self, doc: Doc, syn: Syntax, event_class: Callable[[TokenMention], str]
    ) -> Iterator[RelationCandidate]:
        """ "un concert avec X et Y", "une réunion avec le ministre X": the company a
        gathering noun names took part in it (not an agreement's partner, not a war's
        enemy: gathering classes only)."""
        if not self.company_cases:
            return
        index = syn.index
        for event in index.mentions:
            if event.type != "Event" or event not in index.roots:
                continue
            root = doc[index.roots[event]]
            company = [
                c
                for c in root.children
                if c.dep_.startswith(ud.NMOD) and syn.case_of(c) in self.company_cases
            ]
            if not company or event_class(event) not in self.gathering_classes:
                continue
            if fold_lexeme(doc[event.start : event.end].text).startswith(self.blockers):
                continue
            for token in company:
                for mention in syn.mentions_of(token, _AGENTS):
                    if mention.key != event.key:
                        yield RelationCandidate(mention, "participatesIn", event, token)

    def relative_places(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "un attentat dans lequel dix personnes ont péri à Kano", "l'explosion, où trois
        soldats sont morts au nord du pays": a relative clause about an event (found by
        position: the parser often leaves it unattached) places it where its verb happens,
        its own locatives or those of its obliques ("près d'une église au nord de X")."""
        if not self.relatives:
            return
        index, places = syn.index, self.places
        for event in index.mentions:
            if event.type != "Event":
                continue
            j = event.end
            while j < min(len(doc), event.end + 5) and (
                doc[j].pos_ in {"PUNCT", "ADP", "DET"}
                or fold_lexeme(doc[j].text) in self.relative_leads
            ):
                j += 1
            if j >= len(doc) or fold_lexeme(doc[j].text) not in self.relatives:
                continue
            verb = doc[j].head
            if verb.pos_ != "VERB" or verb.i <= j:
                # the parser may hang the pronoun on the noun: the clause's first verb
                sent_end = doc[j].sent.end
                verb = next((t for t in doc[j + 1 : sent_end] if t.pos_ == "VERB"), doc[j])
                if verb.i == j:
                    continue
            if any(
                c.dep_ == ud.OBJ and fold_lexeme(c.lemma_) not in self.relative_objects
                for c in verb.children
            ):
                continue
            phrases = [c for c in verb.children if c.dep_.startswith(ud.OBL)]
            for _ in range(2):  # "à proximité | d'un marché | au nord de X"
                phrases += [
                    g
                    for c in phrases
                    for g in c.children
                    if g.dep_.startswith(ud.NMOD) and g not in phrases
                ]
            seen = set()
            for phrase in phrases:
                token = places.through_location_noun(phrase, syn)
                place = index.at(token)
                if place is None or place.key in seen or place.key == event.key:
                    continue
                if places.is_locative(token, syn) or places.is_locative(phrase, syn):
                    seen.add(place.key)
                    yield RelationCandidate(event, "locatedIn", place, verb)
