"""Where an event happened: the places of its sentences, of its verb, of its scene.

Why apart from the other roles: the parser hangs "à Rouen" on whatever verb is near, so an
event's place is read from several cues, in order: a locative phrase of a trigger's
sentence ("à Rouen", "dans une usine *de Rouen*", "près *de Nantes*") that does not belong
to another event told in the same sentence; the place its verb acts on ("a ravagé *un
entrepôt de Nantes*"); common-noun places ("sur la route") as places of the article; and,
when the sentences name no place, the scene the paragraph set ("… à Londres. Selon les
témoins de cet accident, …").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from spacy.tokens import Doc, Token

from kg.ids import article_scope, slugify
from kg.lang import fold, fold_lexeme
from kg.model import Entity, Mention
from kg.nlp import ud
from kg.nlp.events.lexicon import EventLexicon
from kg.nlp.events.triggers import EventCluster, sentence_numbers
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.syntax import Syntax
from kg.nlp.tokens import LEMMA, ORTH, column

__all__ = ["EventPlaceFinder", "event_before", "most_specific"]

_PLACE_TYPES = frozenset({"Place", "Country"})
_SITE_TYPES = frozenset({"Organization"})
_FOLD = column(fold)


class EventPlaceFinder:
    """The place cues of one language (``events.json`` and the relations' genitive)."""

    def __init__(self, lex: EventLexicon, relations: Mapping[str, Any]) -> None:
        self.lex = lex
        self.place_cases = {
            t: frozenset(fold_lexeme(c) for c in cases) for t, cases in lex.place_cases.items()
        }
        self.genitive = fold_lexeme(relations["case_roles"]["genitive"])
        self.enclosing_cases = frozenset(fold_lexeme(c) for c in lex.enclosing_cases)
        self.speech_verbs = frozenset(fold(v) for v in relations["modality"]["speech_verbs"])

    def unnamed(
        self, doc: Doc, clusters: list[EventCluster], syn: Syntax, entities: dict[str, Any]
    ) -> dict[int, TokenMention]:
        """ "sur la route", "dans un entrepôt": common-noun places of events' sentences.

        Each becomes a Place of the article (scoped like "la coalition"), kept only when an
        event is located in it.
        """
        found: dict[int, TokenMention] = {}
        scope = article_scope(doc._.kg_doc_id) if doc._.kg_doc_id is not None else ""
        cases = self.place_cases.get("Place", frozenset())
        acting = {h.head for c in clusters for h in c.hits if h.entry.verb and h.entry.cls}
        acting |= {  # "un village a été ravagé par un incendie"
            doc[h.head].head.i
            for c in clusters
            for h in c.hits
            if h.entry.cls and not h.entry.verb and doc[h.head].dep_ == ud.OBL_AGENT
        }
        # Folded like the lexicon (accents too: "forêt"), the lemma for plurals ("les rues").
        words, lemmas = _FOLD(doc, ORTH), _FOLD(doc, LEMMA)
        sentences = {doc[h.head].sent.start: doc[h.head].sent for c in clusters for h in c.hits}
        for sent in sentences.values():
            for i in range(sent.start, sent.end):  # Token objects only for candidates
                options = self.lex.location_nouns.get(words[i]) or self.lex.location_nouns.get(
                    lemmas[i]
                )
                if not options:
                    continue
                token = doc[i]
                if token.pos_ != "NOUN" or syn.index.covering(token.i):
                    continue
                match = next(
                    (
                        w
                        for w in options
                        if w[0] in (words[i], lemmas[i])
                        and tuple(words[i + 1 : i + len(w)]) == w[1:]
                    ),
                    None,
                )
                if match is None or self.home(token):
                    continue
                # "a bombardé *un village*": the place a trigger verb acts on, else a locative.
                patient = token.dep_ in (ud.OBJ, ud.NSUBJ_PASS)
                struck = patient and token.head.i in acting
                if not struck and _first_case(token) not in cases:
                    continue
                generic = self.lex.generic_location_nouns
                if (words[i] in generic or lemmas[i] in generic) and len(match) == 1:
                    continue  # "sur place", "dans la ville de X": X is the place
                start, end = token.i, token.i + len(match)
                while end < sent.end and doc[end].dep_ == ud.AMOD and doc[end].head.i == token.i:
                    end += 1
                span = doc[start:end]
                name = span.text.lower()
                key = f"place:{slugify(name)}@{scope}" if scope else f"place:{slugify(name)}"
                mention = TokenMention(start, end, key, "Place", "nominal")
                found[token.i] = mention
                span_mention = Mention(span.start_char, span.end_char, span.text)
                previous = entities.get(key)
                mentions = (previous.mentions if previous else ()) + (span_mention,)
                entities[key] = Entity(key, name, "Place", None, (), mentions)
        return found

    def struck(self, doc: Doc, cluster: EventCluster, syn: Syntax) -> list[TokenMention]:
        """ "un incendie a ravagé *un entrepôt de Nantes*", "a visé *un marché de Kaboul*":
        the place an event's verb acts on is where it happened."""
        out: list[TokenMention] = []
        for hit in cluster.hits:
            if hit.entry.cls is None:
                continue
            token = doc[hit.head]
            verb = token if hit.entry.verb else token.head
            # "une explosion a soufflé X", "X a été frappé par un séisme": the noun acts.
            acts = token.dep_.startswith(ud.NSUBJ) or (
                token.dep_ == ud.OBL_AGENT and syn.passive(verb)
            )
            if not hit.entry.verb and not (acts and verb.pos_ == "VERB"):
                continue
            for obj in syn.direct_objects(verb) if verb.i != token.i or hit.entry.verb else ():
                mention = syn.index.at(obj)
                if mention is not None and mention.type in _PLACE_TYPES:
                    out.append(mention)
                    continue
                if mention is None and self._location_noun(obj):
                    for child in obj.children:
                        inner = syn.index.at(child)
                        if (
                            child.dep_.startswith(ud.NMOD)
                            and inner is not None
                            and inner.type in _PLACE_TYPES
                        ):
                            out.append(inner)
        return out

    def locatives(
        self, doc: Doc, cluster: EventCluster, syn: Syntax, sites: bool = False
    ) -> list[TokenMention]:
        """Places named by a locative phrase in a trigger's sentence, in text order; with
        ``sites``, the bodies named so instead ("ont manifesté *devant la préfecture de
        Rennes*"), whose place the caller reads off their ``locatedIn`` facts."""
        out = [] if sites else self.struck(doc, cluster, syn)
        types = _SITE_TYPES if sites else _PLACE_TYPES
        seen: set[int] = set()
        index = syn.index
        for hit in cluster.hits:
            sent = doc[hit.head].sent
            if sent.start in seen:
                continue
            seen.add(sent.start)
            for m in index.mentions:
                if m.type not in types or not (sent.start <= m.start < sent.end):
                    continue
                root = index.roots.get(m)
                if root is None or m.kind == "demonym":
                    continue
                if (
                    self._locative(doc[root], "Place" if sites else m.type, syn)
                    and not self._elsewhere(doc[root], cluster.key, syn)
                    and not _in_modifier_clause(doc[root], {h.head for h in cluster.hits})
                ):
                    out.append(m)
        return out

    @staticmethod
    def _elsewhere(token: Token, key: str, syn: Syntax, story: Collection[str] = ()) -> bool:
        """ "… annoncée … en préparation du sommet *à Washington*": the phrase hangs on
        another event, or follows it with nothing between, and is that event's (unless that
        event is one of ``story``, the happenings whose scene this one shares)."""
        before = event_before(token.left_edge.i, syn)
        if before is not None and before.key != key:
            return before.key not in story
        events = [m for m in syn.index.mentions if m.type == "Event"]
        current = token
        for _ in range(8):
            head = current.head
            if head.i == current.i:
                return False
            mention = next((m for m in events if m.start <= head.i < m.end), None)
            if mention is not None:
                return mention.key != key and mention.key not in story
            current = head
        return False

    def scene(
        self, doc: Doc, cluster: EventCluster, syn: Syntax, story: Collection[str] = ()
    ) -> list[TokenMention]:
        """The scene of an event its own sentences do not place: as a reader does, the
        place last named in a locative phrase before it in the paragraph, else the first
        after it ("… retrouvé mort à Londres. Selon les témoins de cet accident, …")."""
        first = doc[cluster.hits[0].head]
        text = doc_text(doc)
        number = sentence_numbers(doc)
        para_start = text.rfind("\n", 0, first.idx) + 1
        para_end = text.find("\n", first.idx)
        para_end = len(text) if para_end == -1 else para_end
        before: list[TokenMention] = []
        after: list[TokenMention] = []
        own = {number[h.head] for h in cluster.hits}
        for m in syn.index.mentions:
            root = syn.index.roots.get(m)
            if m.type not in _PLACE_TYPES or root is None or m.kind == "demonym":
                continue
            idx = doc[m.start].idx
            if not (para_start <= idx < para_end) or number[m.start] in own:
                continue  # its own sentences' places were weighed already
            if not self._locative(doc[root], m.type, syn) or self._elsewhere(
                doc[root], cluster.key, syn, story
            ):
                continue
            if self._said_at(doc[root]):
                continue  # "le ministre a déclaré *à Paris*": where it was said, no scene
            (before if m.start < first.i else after).append(m)
        if before:
            sent = number[before[-1].start]
            chosen = [m for m in before if number[m.start] == sent]
        elif after:
            sent = number[after[0].start]
            chosen = [m for m in after if number[m.start] == sent]
        else:
            return []
        return chosen

    def _locative(self, token: Token, type_: str, syn: Syntax) -> bool:
        """ "à Rouen", "en Bretagne", "dans une usine *de Rouen*", "près *de Nantes*"."""
        cases = self.place_cases.get(type_, frozenset())
        current = token
        for _ in range(3):
            case = _first_case(current)
            if case is None:
                return False
            if case in cases:
                return not self.home(current)
            if case != self.genitive:
                return False
            # "près de Nantes": the preposition before "de" is the locative one.
            before = current.doc[current.left_edge.i - 1] if current.left_edge.i > 0 else None
            if current is token and before is not None and fold_lexeme(before.text) in cases:
                return not self.home(current)
            # "… sur l'A7 près de Montélimar": the parser hangs "près" on the name itself.
            if current is token and any(
                c.dep_ == ud.ADVMOD and c.i < token.i and fold_lexeme(c.text) in cases
                for c in token.children
            ):
                return not self.home(current)
            if not current.dep_.startswith(ud.NMOD) or current.head.i == current.i:
                return False
            head = current.head
            held = syn.index.at(head)
            # "dans une usine de Rouen", "le quartier de Séjoumi à Tunis": only places hold
            # places; "la police de Lyon" is an actor's seat, "l'armée de l'Ukraine" no place.
            if held is not None and held.type not in _PLACE_TYPES:
                return False
            if held is None and not (
                self._location_noun(head) or _first_case(head) in self.enclosing_cases
            ):
                return False
            current = head
        return False

    def _said_at(self, token: Token) -> bool:
        """Whether the phrase hangs on a verb of saying ("a déclaré jeudi *à Paris*")."""
        current = token
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                return False
            if head.pos_ in ("VERB", "AUX"):
                return fold(head.lemma_) in self.speech_verbs
            current = head
        return False

    def home(self, token: Token) -> bool:
        """ "née *à Londres*", "transporté *à l'hôpital de Brest*": the phrase hangs on a
        word of where a person lives, was born or was taken, not where the event happened."""
        head = token.head
        if head.i == token.i:
            return False
        words = self.lex.home_heads
        return fold(head.lemma_) in words or fold(head.text) in words

    def _location_noun(self, token: Token) -> bool:
        words = self.lex.location_nouns.get(fold(token.text)) or self.lex.location_nouns.get(
            fold(token.lemma_)
        )
        return bool(words)


def most_specific(places: list[str], entities: Mapping[str, Any], unnamed: set[str]) -> str | None:
    """A named place (city, region) before a country, a country before "l'immeuble"."""
    for key in places:
        entity = entities.get(key)
        if entity is not None and entity.type == "Place" and key not in unnamed:
            return key
    named = [k for k in places if k not in unnamed]
    return (named or places or [None])[0]


def event_before(i: int, syn: Syntax) -> TokenMention | None:
    """The event mention that ends just before token ``i`` (prepositions, articles and
    place names between): "le sommet *à Washington en juillet*"."""
    doc = syn.index.doc
    events = [m for m in syn.index.mentions if m.type == "Event"]
    j = i - 1
    while j >= 0:
        covering = next((m for m in events if m.start <= j < m.end), None)
        covering = covering or syn.index.covering(j)
        if covering is not None:
            if covering.type == "Event":
                return covering
            if covering.type not in _PLACE_TYPES:
                return None
            j = covering.start - 1
            continue
        if doc[j].pos_ not in ("ADP", "DET"):
            return None
        j -= 1
    return None


def _in_modifier_clause(token: Token, triggers: set[int]) -> bool:
    """ "une agression dans un train *ralliant* Toulouse à Lyon": a locative inside a clause
    that modifies a noun (participle, relative) says where that noun goes or is, not where
    the event happened — unless the clause is the trigger's own or modifies it."""
    current = token
    for _ in range(8):
        head = current.head
        if head.i == current.i or head.i in triggers:
            return False
        if head.pos_ in ("VERB", "AUX"):
            # "l'incendie *qui a ravagé* … à Brest": a clause on the event noun is its own.
            return head.dep_.startswith(ud.ACL) and head.head.i not in triggers
        current = head
    return False


def _first_case(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == ud.CASE and child.i < token.i:
            return fold_lexeme(child.text)
    return None
