"""Where and with whom events happen: the location and participant patterns.

Why a module of its own: these patterns read positions around event mentions (the parser
often hangs "à Washington" or "organisée à Bruxelles" on a distant verb), unlike the
trigger-word frames of :mod:`kg.nlp.relations.patterns`. They are a mixin of
:class:`kg.nlp.relations.patterns.RelationPatterns`, whose compiled lexicon they share.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax
from kg.nlp.tokens import LEMMA, column, pos_ids

__all__ = ["EventPlaces"]

_FOLD = column(fold_lexeme)


class EventPlaces:
    """Event ``locatedIn`` place and organisation ``participatesIn`` event patterns.

    Built once from the language's relation lexicon; the relation patterns hold one and ask
    it for the places and participants of each document's events.
    """

    def __init__(self, lex: dict[str, Any]) -> None:
        self.locative_cases = {k: frozenset(v) for k, v in lex["locative_cases"].items()}
        self.location_nouns = frozenset(fold_lexeme(w) for w in lex["location_nouns"])
        self.future_adjectives = frozenset(fold_lexeme(w) for w in lex.get("future_adjectives", ()))
        self.located_participles = {
            fold_lexeme(k): v for k, v in lex.get("located_participles", {}).items()
        }
        #: "au sud de X": compass nouns (a city's outskirts, a country's region).
        self.compass = frozenset(
            fold_lexeme(w) for w in lex.get("place_containment", {}).get("compass_nouns", ())
        )
        #: Buildings and sites ("l'université de X", "le stade Y"): where events are held.
        self.sites = frozenset(
            fold_lexeme(w) for w in lex.get("place_links", {}).get("facility_nouns", ())
        )
        #: "le championnat de France": a country in a competition's name is its scope.
        self.scope_nouns = tuple(
            fold_lexeme(w) for w in lex.get("event_place_names", {}).get("scope_nouns", ())
        )

    def named_participants(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "le sommet *de l'OTAN*", "la réunion des ministres de la Défense *de l'UE*": an
        organisation or country named in an event's ``de`` complements takes part in it."""
        index = syn.index
        for event in index.mentions:
            if event.type != "Event" or event.kind != "nominal" or event not in index.roots:
                continue
            head = index.roots[event]
            future = any(
                fold_lexeme(t.text) in self.future_adjectives for t in doc[event.start : event.end]
            )
            scoped = self._scoped(event, doc)
            for inner in index.mentions:
                if (
                    inner is event
                    or inner.type not in {"Organization", "Country"}
                    or inner.kind == "demonym"
                    or not (event.start <= inner.start and inner.end <= event.end)
                    or inner not in index.roots
                    or (scoped and inner.type == "Country")
                ):
                    continue
                if self.de_chain(doc[index.roots[inner]], head, syn):
                    yield RelationCandidate(
                        inner,
                        "participatesIn",
                        event,
                        doc[head],
                        static=True,
                        modality="planned" if future else None,
                        timed=True,
                    )

    def _scoped(self, event: TokenMention, doc: Doc) -> bool:
        """Whether the event's name opens with a competition word (``scope_nouns``) whose
        country is the field it is played over, not a side ("la Coupe de France")."""
        text = fold_lexeme(doc[event.start : event.end].text)
        return any(text == n or text.startswith(n + " ") for n in self.scope_nouns)

    def de_chain(self, token: Token, head: int, syn: Syntax, *, through_conj: bool = False) -> bool:
        """Whether ``token`` hangs from the event head through ``de`` complements only
        (and, with ``through_conj``, their conjuncts: "des chefs d'État et de gouvernement
        de Montreux")."""
        current = token
        for _ in range(5):
            if through_conj and current.dep_ == ud.CONJ and current.head.i != current.i:
                current = current.head
                continue
            if not current.dep_.startswith(ud.NMOD) or syn.case_of(current) != syn.genitive:
                return False
            if current.head.i == head:
                return True
            current = current.head
        return False

    def through_location_noun(self, token: Token, syn: Syntax) -> Token:
        """Descend "dans la ville de X" to X (keeping the preposition of "ville" for the check).

        "au sud de Bagdad" is outside the city ("dans le sud de Bagdad", "au nord du Mali"
        are inside): a compass noun under "à" leads to a country only."""
        lemma = fold_lexeme(token.lemma_)
        if syn.index.at(token) is None and lemma in self.location_nouns:
            outside = lemma in self.compass and syn.case_of(token) == "à"
            for child in token.children:
                if (
                    child.dep_.startswith(ud.NMOD)
                    and syn.case_of(child) == syn.genitive
                    and (named := syn.index.at(child)) is not None
                    and not (outside and named.type != "Country")
                ):
                    return child
        return token

    def is_locative(self, token: Token, syn: Syntax) -> bool:
        """Whether ``token`` is a place (or a site organisation: "à l'université de
        Manchester", "au stade X") under a locative preposition."""
        mention = syn.index.at(token)
        if mention is None:
            return False
        if mention.type == "Organization" and fold_lexeme(token.lemma_) in self.sites:
            return syn.raw_case_of(token) in self.locative_cases.get("Place", frozenset())
        carrier = token
        if (
            syn.case_of(token) == syn.genitive
            and fold_lexeme(token.head.lemma_) in self.location_nouns
        ):
            carrier = token.head
        return syn.raw_case_of(carrier) in self.locative_cases.get(mention.type, frozenset())

    def locations(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """An event and a locative phrase it dominates: "réunion ... au siège ... à Bruxelles"."""
        index = syn.index
        events = [m for m in index.mentions if m.type == "Event"]
        if not events:
            return
        event_roots = {index.roots[m]: m for m in events if m in index.roots}
        for place in index.mentions:
            if place.type not in self.locative_cases or place not in index.roots:
                continue
            root = doc[index.roots[place]]
            if syn.raw_case_of(root) not in self.locative_cases[place.type]:
                continue
            # The first reading whose event nothing separates from the place ("une
            # conférence sur la guerre en X": the parser's head, then the nearer event).
            readings = (
                self._event_above(root, event_roots, syn),
                self._event_around(place, events, syn),
                self._event_adjacent(place, events, syn),
            )
            event = next(
                (e for e in readings if e is not None and self._nothing_between(e, place, syn)),
                None,
            )
            if event is not None:
                trigger = next((c for c in root.children if c.dep_ == ud.CASE), root)
                future = any(
                    fold_lexeme(t.text) in self.future_adjectives
                    for t in doc[event.start : event.end]
                )
                # The place word anchors the clause (for its time); "à" stays the trigger.
                yield RelationCandidate(
                    event,
                    "locatedIn",
                    place,
                    root,
                    {"trigger": trigger.lemma_.lower()},
                    static=True,
                    modality="planned" if future else None,
                    timed=True,
                )

    def participle_locations(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "le sommet prévu à Washington", "la réunion, organisée au siège … à Bruxelles".

        A participle of placing ("prévu", "organisé", "tenu") after an event mention gives
        the event its place; the parser hangs such participles on the noun (acl) or, after
        a comma, on the main verb (advcl), so the event is found by position too.
        """
        index = syn.index
        events = [m for m in index.mentions if m.type == "Event" and m in index.roots]
        if not events:
            return
        pos = pos_ids(doc)
        for i, lemma in enumerate(_FOLD(doc, LEMMA)):
            if pos[i] != VERB or lemma not in self.located_participles:
                continue
            token = doc[i]
            modality = self.located_participles.get(lemma)
            if modality is None or "Part" not in token.morph.get("VerbForm"):
                continue
            event = self._event_before(token, events, syn)
            if event is None:
                continue
            for place_token in self._participle_places(token, syn):
                place = index.at(place_token)
                if place is None or place.key == event.key:
                    continue
                yield RelationCandidate(
                    event,
                    "locatedIn",
                    place,
                    token,
                    static=True,
                    modality=None if modality == "asserted" else modality,
                    timed=True,
                )

    def _participle_places(self, participle: Token, syn: Syntax) -> list[Token]:
        """Locative complements of a participle, through location nouns ("au siège … à X")."""
        found = []
        for child in participle.children:
            if not child.dep_.startswith(ud.OBL):
                continue
            if self.is_locative(child, syn):
                found.append(child)
            elif fold_lexeme(child.lemma_) in self.location_nouns:
                found.extend(
                    g
                    for g in child.children
                    if g.dep_.startswith(ud.NMOD) and self.is_locative(g, syn)
                )
        if not found:
            # "sommet du G20 prévu à Rio": the parser may hang "à Rio" on the noun instead;
            # take the locative phrase that directly follows the participle.
            nxt = participle.i + 1
            following = [
                c
                for c in participle.head.children
                if c.i > participle.i and c.left_edge.i == nxt and self.is_locative(c, syn)
            ]
            found.extend(following[:1])
        return found

    def _event_before(
        self, participle: Token, events: list[TokenMention], syn: Syntax
    ) -> TokenMention | None:
        """The event a participle qualifies: its noun head, or the event just before it."""
        index = syn.index
        head = participle.head
        for _ in range(3):
            mention = index.covering(head.i)
            if mention is not None and mention.type == "Event":
                return mention
            if head.head.i == head.i:
                break
            head = head.head
        j = participle.i - 1
        if j >= 0 and participle.doc[j].text == ",":
            j -= 1
        covering = index.covering(j) if j >= 0 else None
        while covering is not None and covering.type != "Event":
            outer = [m for m in events if m.start <= covering.start and covering.end <= m.end]
            covering = outer[0] if outer else None
        return covering

    def _event_adjacent(
        self, place: TokenMention, events: list[TokenMention], syn: Syntax
    ) -> TokenMention | None:
        """ "le prochain sommet de l'Alliance | à Ottawa": a locative phrase right after an
        event names its place, even when the parser hangs it on a distant verb."""
        doc = syn.index.doc
        i = place.start - 1
        while i >= 0 and doc[i].pos_ in {"ADP", "DET"}:
            i -= 1
        if i < 0 or i == place.start - 1:
            return None
        return next((e for e in events if e.end == i + 1), None)

    def _event_around(
        self, place: TokenMention, events: list[TokenMention], syn: Syntax
    ) -> TokenMention | None:
        """The event mention containing the place ("sommet de l'OTAN à Washington")."""
        for event in events:
            if event != place and event.start <= place.start and place.end <= event.end:
                return event
        return None

    def _nothing_between(self, event: TokenMention, place: TokenMention, syn: Syntax) -> bool:
        """No free common noun between event and place, so the place is the event's.

        "réunion ... au siège de l'alliance à Bruxelles" qualifies (location noun, name);
        "conférence sur la guerre en Ukraine" does not (the war is in Ukraine).
        """
        index = syn.index
        doc = index.doc
        root = index.roots[event]
        if place.start < root:
            return False
        first = root + 1 if place.start < event.end else event.end
        for t in doc[first : place.start]:
            if t.pos_ not in {"NOUN", "VERB"} or fold_lexeme(t.lemma_) in self.location_nouns:
                continue
            if self._sited(t, syn) and index.covering(t.i) is None:
                continue  # "un attentat dans une église | en Normandie": the site's place
            covering = index.covering(t.i)
            if covering is not None and covering is not event and covering.type == "Event":
                return False  # "une conférence sur la guerre en X": the nearer event's
            # "l'incendie d'un entrepôt à Lyon": the event's own "de" complement.
            if t.pos_ == "NOUN" and self.de_chain(t, root, syn):
                continue
            if covering in (None, event):
                return False
        return True

    def _sited(self, token: Token, syn: Syntax) -> bool:
        """A building or site noun under a locative preposition ("dans une église", "au
        stade"): the place it stands in is where the event around it happens."""
        return (
            fold_lexeme(token.lemma_) in self.sites
            and syn.raw_case_of(token) in self.locative_cases["Place"]
        )

    def _event_above(
        self, token: Token, event_roots: dict[int, TokenMention], syn: Syntax
    ) -> TokenMention | None:
        """Climb noun heads through location nouns and names up to an event mention."""
        current = token
        for _ in range(4):
            head = current.head
            if head.i == current.i or not current.dep_.startswith(ud.NMOD):
                return None
            if head.i in event_roots:
                return event_roots[head.i]
            if (
                fold_lexeme(head.lemma_) not in self.location_nouns
                and not self._sited(head, syn)
                and syn.index.at(head) is None
                # "l'incendie d'un entrepôt | à Lyon": through the event's "de" complement
                and not (head.dep_.startswith(ud.NMOD) and syn.case_of(head) == syn.genitive)
            ):
                return None
            current = head
        return None
