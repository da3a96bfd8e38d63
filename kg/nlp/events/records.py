"""Reading an event's roles, place, time, modality and quantities off the parse.

Why over Universal Dependencies relations: who did what to whom is the verb's subject and
object (the agent and subject of a passive swapped), prepositions name the other roles
("avec" participants, "contre" targets: language data), and a noun trigger takes its
complements ("l'arrestation *de X*"). Lists are expanded by the relations' one list
mechanism (:meth:`kg.nlp.syntax.Syntax.mentions_of`), so "la France, l'Allemagne et
l'Italie ont signé" gives three actors. The place is where the relation patterns placed the
event, else a locative phrase of a trigger's sentence (the parser often hangs "à Rouen" on
a distant verb); the time is the trigger's clause time (:class:`TimeIndex`), else a date of
its sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.model import Event, Relation, TimeValue
from kg.nlp import ud
from kg.nlp.clause import ModalityCues, governor_chain, modality_of
from kg.nlp.events.headline import event_headline
from kg.nlp.events.lexicon import EventLexicon
from kg.nlp.events.places import EventPlaceFinder, event_before, most_specific
from kg.nlp.events.scene_nouns import scene_nouns
from kg.nlp.events.triggers import EventCluster, TriggerHit
from kg.nlp.events.where import gather_places
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.relations.clause_context import TimeIndex, sentence_evidence
from kg.nlp.relations.quantities import quantity_attributes
from kg.nlp.syntax import Syntax
from kg.nlp.tokens import LEMMA, ORTH, column

__all__ = ["EventReader", "hit_roles"]

_FOLD = column(fold)

_DATED = frozenset({"DATE", "TIME"})
_ROLES = ("actors", "targets", "participants")


def hit_roles(
    doc: Doc, hit: TriggerHit, cls: str, syn: Syntax, lex: EventLexicon
) -> dict[str, list[TokenMention]]:
    """The mentions in each role of one trigger (the event's own mentions excluded)."""
    roles: dict[str, list[TokenMention]] = {r: [] for r in _ROLES}
    token = doc[hit.head]

    def add(role: str, tokens: list[Token]) -> None:
        types = lex.target_types if role == "targets" else lex.actor_types
        for t in tokens:
            for m in syn.mentions_of(t, types):
                if m.type != "Event" and m not in roles[role]:
                    roles[role].append(m)

    if hit.entry.verb:
        passive = syn.passive(token)
        subjects = syn.subjects(token)
        objects = syn.direct_objects(token)
        add(hit.entry.subject_role, subjects)
        add(hit.entry.object_role, objects)
        for arg in syn.prepositional(token, frozenset(lex.roles)):
            case = syn.case_of(arg)
            if passive and case == syn.agent_case:
                continue  # already read as the subject
            add(lex.roles.get(case or "", "participants"), [arg])
    else:
        de_role = lex.noun_genitive_role.get(cls, lex.noun_genitive_role["default"])
        # "la prise de fonctions *de X*": a multi-word trigger's complement hangs on its last word.
        last = doc[hit.end - 1]
        children = [*token.children, *(last.children if last.i != token.i else ())]
        for child in children:
            if not child.dep_.startswith(ud.NMOD) or hit.start <= child.i < hit.end:
                continue
            case = syn.case_of(child)
            if case == syn.genitive:
                add(de_role, [child])
            elif case in lex.roles:
                add(lex.roles[case], [child])
        head = token.head
        if token.dep_ in (ud.OBJ, ud.OBL_ARG) and head.pos_ == "VERB":
            # "les syndicats ont organisé une grève", "ont participé aux négociations": the
            # subject of the verb whose argument the event is acts in it.
            role = "participants" if de_role == "participants" else "actors"
            add(role, syn.subjects(head))
    return roles


class EventReader:
    """Builds :class:`kg.model.Event` records for one document's clusters."""

    def __init__(
        self, lex: EventLexicon, cues: ModalityCues, relations: Mapping[str, Any], lang: str
    ) -> None:
        self.lex = lex
        self.cues = cues
        self.lang = lang
        self.places = EventPlaceFinder(lex, relations)
        #: Event key → place key → how it was read (:mod:`kg.nlp.events.where`), per document.
        self.place_sources: dict[str, dict[str, str]] = {}

    def read(
        self, doc: Doc, clusters: list[EventCluster], syn: Syntax, relations: list[Relation]
    ) -> list[Event]:
        """Event records for ``clusters``, and each place's cue in :attr:`place_sources`."""
        self.place_sources = {}
        self._story = {c.key for c in clusters if c.cls not in self.lex.party_classes}
        times = list(doc._.kg_times or ())
        time_index = TimeIndex(doc, times)
        self._syn = syn
        by_id = {t.id: t for t in times}
        entities = dict(doc._.kg_entities or {})
        unnamed = self.places.unnamed(doc, clusters, syn, entities)
        events: list[Event] = []
        for cluster in clusters:
            events.append(
                self._event(doc, cluster, syn, relations, time_index, by_id, entities, unnamed)
            )
        events.sort(key=lambda e: (e.evidence.start, e.id))
        scenes = scene_nouns(
            doc, clusters, syn, self.lex.scene_nouns, self.lex.party_classes, entities
        )
        events = [self._scene(e, [(m.key, c) for m, k, c in scenes if k == e.id]) for e in events]
        used = {k for e in events for k in e.places}
        for mention in [*unnamed.values(), *(m for m, _, _ in scenes)]:
            if mention.key in used:
                doc._.kg_mentions = sorted(
                    [*doc._.kg_mentions, mention], key=lambda m: (m.start, -m.end, m.key)
                )
        doc._.kg_entities = {
            k: e for k, e in entities.items() if k in used or k in doc._.kg_entities
        }
        return events

    def _scene(self, event: Event, found: list[tuple[str, str]]) -> Event:
        """The record with the places its scene nouns name ("sur le lieu de l'accident")."""
        added = [(k, cue) for k, cue in dict(found).items() if k not in event.places]
        if not added:
            return event
        for key, cue in added:
            self.place_sources.setdefault(event.id, {})[key] = cue
        places = (*event.places, *(k for k, _ in added))
        involved = tuple(sorted({*event.entities, *places}))
        place = event.place or added[0][0]
        return replace(event, places=places, place=place, entities=involved)

    def _event(
        self,
        doc: Doc,
        cluster: EventCluster,
        syn: Syntax,
        relations: list[Relation],
        time_index: TimeIndex,
        times: dict[str, TimeValue],
        entities: Mapping[str, Any],
        unnamed: Mapping[int, TokenMention],
    ) -> Event:
        key, cls, main = cluster.key, cluster.cls, cluster.main
        trigger = doc[main.head]
        roles: dict[str, list[str]] = {r: [] for r in _ROLES}
        for hit in cluster.hits:
            if hit.entry.cls is None:
                continue
            for role, found in hit_roles(doc, hit, cls, syn, self.lex).items():
                for m in found:
                    if m.key != key and m.key not in roles[role]:
                        roles[role].append(m.key)
        # One entity, one role: an actor is not also a participant or target of its event.
        roles["targets"] = [k for k in roles["targets"] if k not in roles["actors"]]
        roles["participants"] = [
            k for k in roles["participants"] if k not in roles["actors"] + roles["targets"]
        ]
        chain = governor_chain(trigger, self.cues)
        time = self._time(doc, cluster, time_index, times, chain)
        material = cls not in self.lex.party_classes  # a statement's scene is not its place
        sources = gather_places(
            self.places,
            doc,
            cluster,
            syn,
            relations,
            entities,
            unnamed,
            _flat(roles),
            material,
            self.lang,
            self._story,
        )
        self.place_sources[key] = sources
        places = list(sources)
        unnamed_keys = {m.key for m in unnamed.values()}
        place = most_specific(places, entities, unnamed_keys)
        quantities = self._quantities(doc, cluster, cls)
        verbal = main.entry.verb
        names = {k: e.name for k, e in entities.items()}
        headline = event_headline(
            trigger=trigger,
            roles=self._written_roles(doc, cluster, syn) if verbal else (),
            noun=names.get(key, trigger.text),
            verbal=verbal,
            actors=roles["actors"],
            targets=roles["targets"],
            participants=roles["participants"],
            place=place,
            quantities=quantities,
            names=names,
            words=self.lex.headline_words,
        )
        entity = entities.get(key)
        mentions = entity.mentions if entity is not None else ()
        involved = sorted(set(_flat(roles)) | set(places))
        event = Event(
            id=key,
            cls=cls,
            trigger=doc[main.start : main.end].text,
            modality=self._modality(doc, cluster, trigger, chain),
            evidence=sentence_evidence(trigger),
            headline=headline,
            mode=cluster.mode,
            actors=tuple(roles["actors"]),
            targets=tuple(roles["targets"]),
            participants=tuple(roles["participants"]),
            place=place,
            places=tuple(places),
            time=time,
            quantities=quantities,
            mentions=tuple(mentions),
            entities=tuple(involved),
        )
        return event

    def _written_roles(
        self, doc: Doc, cluster: EventCluster, syn: Syntax
    ) -> list[tuple[str, Token]]:
        """The main verb's role mentions as (key, root token), in text order, for its
        headline (each written where the grammar puts it)."""
        main = cluster.main
        found = hit_roles(doc, main, cluster.cls, syn, self.lex)
        roots: dict[str, int] = {}
        for role in _ROLES:
            for m in found[role]:
                if m.key != cluster.key and m.key not in roots:
                    roots[m.key] = syn.index.roots.get(m, m.start)
        return [(k, doc[i]) for k, i in sorted(roots.items(), key=lambda item: item[1])]

    def _modality(self, doc: Doc, cluster: EventCluster, trigger: Token, chain: list[Token]) -> str:
        """The clause's modality; "le prochain sommet" is planned whatever its verb."""
        modality = modality_of(trigger, self.cues, chain)
        if modality != "asserted":
            return modality
        main = cluster.main
        if not main.entry.verb and any(
            fold(t.text) in self.lex.planned_words for t in doc[main.head].children
        ):
            return "planned"
        return modality

    # -- time --------------------------------------------------------------------------
    def _time(
        self,
        doc: Doc,
        cluster: EventCluster,
        time_index: TimeIndex,
        times: dict[str, TimeValue],
        chain: list[Token],
    ) -> str | None:
        """The main trigger's clause time, else another trigger's, else a date of a sentence.

        Why calendar values first: "ce matin" or "actuellement" near the trigger give
        ``TMO`` or ``PRESENT_REF``, which place the event nowhere on a timeline, while the
        report states the day elsewhere ("Le 3 mars 2021, …"); such a value is kept only
        when no date of the calendar is found by the same steps.
        """
        if all(h.period for h in cluster.hits):
            return None  # "pendant la Seconde Guerre mondiale": the war dates the sentence
        return self._find_time(
            doc, cluster, time_index, times, chain, calendar=True
        ) or self._find_time(doc, cluster, time_index, times, chain, calendar=False)

    def _find_time(
        self,
        doc: Doc,
        cluster: EventCluster,
        time_index: TimeIndex,
        times: dict[str, TimeValue],
        chain: list[Token],
        *,
        calendar: bool,
    ) -> str | None:
        def own(time_id: str | None) -> bool:
            if time_id is None or times[time_id].type not in _DATED:
                return False
            if calendar and not times[time_id].value[:4].isdigit():
                return False
            span = doc.char_span(times[time_id].start, times[time_id].end, alignment_mode="expand")
            other = event_before(span.start, self._syn) if span is not None else None
            return other is None or other.key == cluster.key

        found = time_index.for_chain(chain)
        if own(found):
            return found
        for hit in cluster.hits:
            if hit.entry.cls is None:
                continue
            found = time_index.for_chain(governor_chain(doc[hit.head], self.cues))
            if own(found):
                return found
        sentences = {(doc[h.head].sent.start_char, doc[h.head].sent.end_char) for h in cluster.hits}
        dated = sorted((t for t in times.values() if t.type in _DATED), key=lambda t: t.start)
        for start, end in sorted(sentences):
            for t in dated:
                if start <= t.start < end and own(t.id):
                    return t.id
        # As for the scene: the date last told before it in the paragraph, else the next.
        first = doc[cluster.hits[0].head].idx
        text = doc_text(doc)
        para_start = text.rfind("\n", 0, first) + 1
        para_end = text.find("\n", first)
        para_end = len(text) if para_end == -1 else para_end
        before = [t for t in dated if para_start <= t.start < first and own(t.id)]
        after = [t for t in dated if first <= t.start < para_end and own(t.id)]
        if before:
            return before[-1].id
        return after[0].id if after else None

    # -- place -------------------------------------------------------------------------
    # -- quantities ----------------------------------------------------------------------
    def _quantities(self, doc: Doc, cluster: EventCluster, cls: str) -> dict[str, int]:
        """``dead``/``injured`` (and ``size`` of protests and gatherings) in its sentences."""
        found: dict[str, int] = {}
        seen: set[int] = set()
        nouns, verbs = self.lex.quantity_nouns, self.lex.quantity_verbs
        words, lemmas = _FOLD(doc, ORTH), _FOLD(doc, LEMMA)
        for hit in cluster.hits:
            sent = doc[hit.head].sent
            if sent.start in seen:
                continue
            seen.add(sent.start)
            for i in range(sent.start, sent.end):  # Token objects only for candidates
                kind = nouns.get(words[i]) or nouns.get(lemmas[i])
                verb_kind = verbs.get(lemmas[i])
                if kind is None and verb_kind is None:
                    continue
                token = doc[i]
                counted: Token | None = token
                if kind is None and token.pos_ in ("VERB", "ADJ"):
                    kind, counted = verb_kind, _counted_argument(token)
                if kind is None or counted is None or kind in found:
                    continue
                if kind == "size" and cls not in self.lex.size_classes:
                    continue
                value = quantity_attributes(counted, self.lang).get("quantity")
                if isinstance(value, int) and value > 0:
                    found[kind] = value
        return dict(sorted(found.items()))


def _counted_argument(verb: Token) -> Token | None:
    """ "trois personnes ont été tuées" / "tuant deux passants" / "deux personnes blessées"."""
    if verb.dep_ in (ud.ACL, ud.AMOD) and verb.head.pos_ == "NOUN":
        return verb.head
    intransitive = not any(c.dep_ == ud.OBJ for c in verb.children)
    for child in verb.children:
        counted = any(g.dep_ == ud.NUMMOD for g in child.children)
        if counted and (
            child.dep_ in (ud.NSUBJ_PASS, ud.OBJ) or (child.dep_ == ud.NSUBJ and intransitive)
        ):
            return child
    return None


def _flat(roles: dict[str, list[str]]) -> list[str]:
    return [k for role in _ROLES for k in roles[role]]
