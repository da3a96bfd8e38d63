"""The event components: ``kg_event_triggers`` (before relations) and ``kg_events`` (after).

Why two: an event must be an entity before relations are read, so that the relation
patterns place and date it like any named meeting ("l'incendie … à Rouen"); its roles,
quantities and modality are read after, from the same parse and the same clause reader
as the relations (:mod:`kg.nlp.clause`), with the relations' list expansion
(:class:`kg.nlp.syntax.Syntax`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.event_classes import event_class
from kg.ids import article_scope, slugify
from kg.lang import fold, lang_data
from kg.lang.words import Words, load_words
from kg.model import Entity, Mention
from kg.nlp import ud
from kg.nlp.clause import ModalityCues
from kg.nlp.component import LangComponent
from kg.nlp.events.clusters import cluster_triggers
from kg.nlp.events.facts import locate
from kg.nlp.events.lexicon import EventLexicon
from kg.nlp.events.records import EventReader, hit_roles
from kg.nlp.events.triggers import EventCluster, TriggerHit, find_triggers
from kg.nlp.extensions import TokenMention, register_extensions
from kg.nlp.syntax import MentionIndex, Syntax, syntax_cues

__all__ = ["EventExtractor", "EventTriggers"]

#: The mention kind of a verb that tells an event ("a percuté"): not a name, not a noun.
TRIGGER_KIND = "trigger"
_ARGUMENT_NEEDS = frozenset({"actor_and_target", "anchor"})
_DATED = frozenset({"DATE", "TIME"})
#: What a visit may be paid to: named people, bodies, countries and places.
_VISITED = frozenset({"Person", "Organization", "Country", "Place"})


@Language.factory(
    "kg_event_triggers",
    requires=["token.dep", "token.lemma", "token.pos", "doc._.kg_mentions", "doc._.kg_entities"],
    assigns=["doc._.kg_mentions", "doc._.kg_entities", "doc._.kg_event_clusters"],
)
def make_event_triggers(nlp: Language, name: str) -> EventTriggers:
    """Build ``kg_event_triggers`` for ``nlp.lang``."""
    return EventTriggers(nlp, name, lang=nlp.lang)


class EventTriggers(LangComponent):
    """Event nouns and verbs become ``Event`` mentions and entities, one per happening.

    Verbs of the political classes ("critiquer", "soutenir") tell an event only between
    two parties (PLOVER codes a source and a target): ``needs: actor_and_target``;
    statements ("annoncer") only when dated or placed (``needs: anchor``), since every
    quote is not a timeline event.
    """

    DATA = ("events", "relations", "words")

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_event_triggers",
        *,
        lang: str = "fr",
        data: Mapping[str, Any] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = lang
        self._build(data)

    def _build(self, data: Mapping[str, Any] | None) -> None:
        self.data = lang_data(self.lang, self.DATA, data)
        self.lex = EventLexicon(self.data["events"])
        self.syntax_data = syntax_cues(self.data["relations"], self.data["words"])

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[TokenMention] = list(doc._.kg_mentions or ())
        hits = find_triggers(doc, self.lex, mentions)
        if not hits:
            doc._.kg_event_clusters = []
            return doc
        syn = Syntax(MentionIndex(doc, mentions), **self.syntax_data)
        # "se sont mobilisés *pour dénoncer*": a gathering with a protest's aim needs no more
        aimed = {
            h.governor
            for h in hits
            if h.governor is not None and h.entry.cls in self.lex.purpose_aims
        }
        hits = [h for h in hits if self._anchored(doc, h, syn, aimed)]
        clusters = [
            c
            for c in cluster_triggers(
                hits,
                self.lex.generic_window,
                self.lex.party_classes,
                self.lex.planned_classes,
                self.lex.purpose_aims,
                self.lex.aim_hosts,
                self.lex.kindred,
            )
            if self._has_party(doc, c, syn)
        ]
        if not clusters:
            doc._.kg_event_clusters = []
            return doc
        entities: dict[str, Entity] = dict(doc._.kg_entities or {})
        scope = article_scope(doc._.kg_doc_id) if doc._.kg_doc_id is not None else ""
        taken = set(entities)
        new: list[TokenMention] = []
        clusters = _merge_hosts(clusters)
        for cluster in clusters:
            host = next((h.host for h in cluster.hits if h.host is not None), None)
            if host is not None:
                cluster.key = host.key
            else:
                cluster.key = _fresh_key(cluster, doc, scope, taken)
            taken.add(cluster.key)
            for hit in cluster.hits:
                # Verbs join the mentions after the relations are read (kg_events): the
                # relation patterns place and date event *nouns*.
                if hit.host is None and not hit.entry.verb:
                    new.append(TokenMention(hit.start, hit.end, cluster.key, "Event", "nominal"))
            entities[cluster.key] = _entity(
                doc, cluster, entities.get(cluster.key), self.lang, self.lex.part_nouns
            )
        doc._.kg_mentions = sorted(mentions + new, key=lambda m: (m.start, -m.end, m.key))
        doc._.kg_entities = entities
        doc._.kg_event_clusters = clusters
        return doc

    def _has_party(self, doc: Doc, cluster: EventCluster, syn: Syntax) -> bool:
        """A political or institutional event needs a named party or a name of its own."""
        cls = cluster.cls
        if cls not in self.lex.party_classes or any(h.host for h in cluster.hits):
            return True
        return any(
            found
            for h in cluster.hits
            if h.entry.cls
            for found in hit_roles(doc, h, cls, syn, self.lex).values()
        )

    def _anchored(self, doc: Doc, hit: TriggerHit, syn: Syntax, aimed: set[int]) -> bool:
        """Whether a verb that needs its parties or an anchor has them; a gathering and the
        aim that makes it a protest need nothing more."""
        needs = hit.entry.needs
        if hit.governor is not None and hit.entry.cls in self.lex.purpose_aims:
            return True  # an aim only joins the gathering it is the aim of, never starts one
        if hit.head in aimed and hit.entry.cls in self.lex.aim_hosts:
            return True
        if needs == "actor_and_target":
            roles = hit_roles(doc, hit, hit.entry.cls or "", syn, self.lex)
            return bool(roles["actors"]) and bool(roles["targets"] or roles["participants"])
        if needs == "named_visited":
            return self._visited_named(doc, hit, syn)
        if needs == "anchor":
            sent = doc[hit.head].sent
            dated = any(
                t.type in _DATED and sent.start_char <= t.start < sent.end_char
                for t in doc._.kg_times or ()
            )
            placed = any(
                m.type in ("Place", "Country") and sent.start <= m.start < sent.end
                for m in syn.index.mentions
                if m.kind != "demonym"
            )
            return dated or placed
        return True

    def _visited_named(self, doc: Doc, hit: TriggerHit, syn: Syntax) -> bool:
        """A visit to someone or somewhere named ("rendu visite au président X", "sa visite
        à Alger"), or to no one said; a visit to people or a site no name gives ("à ses
        parents", "aux blessés", "à l'usine") is no consultation between parties."""
        token = doc[hit.head]
        holders = [token]
        if token.dep_ == ud.OBJ:  # "rendre visite à X", "effectuer une visite à X"
            holders.append(token.head)
        visited = sorted(
            (
                c
                for h in holders
                for c in h.children
                if c.dep_.startswith((ud.OBL, ud.NMOD, ud.IOBJ))
                and syn.case_of(c) in self.lex.visit_cases
            ),
            key=lambda c: c.i,
        )
        if not visited:
            return True
        first = visited[0]  # "à ses parents *à Bordeaux*": the first is the one visited
        if fold(first.lemma_) in self.lex.visit_counterparts:
            return True  # "à son homologue", "au président": a party by office
        names = [first, *(c for c in first.children if c.dep_ == ud.APPOS)]  # "son homologue X"
        return any(
            m is not None and m.type in _VISITED and m.kind == "name"
            for m in map(syn.index.at, names)
        )


def _merge_hosts(clusters: list[EventCluster]) -> list[EventCluster]:
    """Clusters inside the same named event ("la réunion … lors de la réunion") are one."""
    by_host: dict[str, EventCluster] = {}
    out: list[EventCluster] = []
    for cluster in clusters:
        host = next((h.host for h in cluster.hits if h.host is not None), None)
        if host is None:
            out.append(cluster)
            continue
        first = by_host.get(host.key)
        if first is None:
            by_host[host.key] = cluster
            out.append(cluster)
        else:
            first.hits = sorted(first.hits + cluster.hits, key=lambda h: h.start)
    return out


def _fresh_key(cluster: EventCluster, doc: Doc, scope: str, taken: set[str]) -> str:
    """``event:<trigger>@<article>``, numbered when the article tells two of a kind."""
    main = cluster.main
    base = f"event:{slugify(doc[main.head].lemma_ or doc[main.head].text)}"
    key, n = f"{base}@{scope}" if scope else base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}@{scope}" if scope else f"{base}-{n}"
    return key


def _entity(
    doc: Doc,
    cluster: EventCluster,
    named: Entity | None,
    lang: str,
    part_nouns: frozenset[str] = frozenset(),
) -> Entity:
    """The event's entity: its own name when it has one, else its first noun that names the
    whole ("le second tour *de la présidentielle*": "présidentielle", not the round of
    ``part_nouns``), else its main verb's nominalisation ("a percuté" alone is a
    "collision"), else that verb's lemma."""
    spans = [
        Mention(
            doc[h.start].idx,
            doc[h.end - 1].idx + len(doc[h.end - 1].text),
            doc[h.start : h.end].text,
        )
        for h in cluster.hits
        if h.host is None
    ]
    if named is not None:
        mentions = tuple(sorted({*named.mentions, *spans}, key=lambda m: (m.start, m.end)))
        return Entity(named.id, named.name, "Event", named.wikidata, named.aliases, mentions)
    nouns = [h for h in cluster.hits if not h.entry.verb and h.entry.cls]
    wholes = [h for h in nouns if fold(doc[h.start : h.end].text) not in part_nouns]
    nouns = wholes or nouns
    if nouns:
        name = doc[nouns[0].start : nouns[0].end].text.lower()
    else:
        # "a été interpellé" is an "interpellation", not a "coercition" (the class label).
        main = cluster.main
        name = main.entry.noun or doc[main.head].lemma_.lower()
        name = name or event_class(cluster.cls).label(lang)
    aliases = sorted({m.text for m in spans if fold(m.text) != fold(name)})
    return Entity(cluster.key, name, "Event", None, tuple(aliases), tuple(spans))


@Language.factory(
    "kg_events",
    requires=["doc._.kg_event_clusters", "doc._.kg_relations", "doc._.kg_times"],
    assigns=["doc._.kg_events", "doc._.kg_relations"],
)
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    """Build ``kg_events`` for ``nlp.lang``."""
    return EventExtractor(nlp, name, lang=nlp.lang)


class EventExtractor(LangComponent):
    """Event records (roles, place, time, modality, quantities) for the clusters found."""

    DATA = ("events", "relations", "words")

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_events",
        *,
        lang: str = "fr",
        data: Mapping[str, Any] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = lang
        self._build(data)

    def _build(self, data: Mapping[str, Any] | None) -> None:
        self.data = lang_data(self.lang, self.DATA, data)
        rel = self.data["relations"]
        words = load_words(self.lang) if data is None else Words(self.lang, self.data["words"])
        self.lex = EventLexicon(self.data["events"])
        self.cues = ModalityCues.from_data(rel, words)
        self.syntax_data = syntax_cues(rel, words)
        self.reader = EventReader(self.lex, self.cues, rel, self.lang)

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[EventCluster] = doc._.kg_event_clusters or []
        if not clusters:
            doc._.kg_events = []
            return doc
        relations = list(doc._.kg_relations or ())
        verbs = [
            TokenMention(h.start, h.end, c.key, "Event", TRIGGER_KIND)
            for c in clusters
            for h in c.hits
            if h.entry.verb and h.host is None
        ]
        if verbs:
            doc._.kg_mentions = sorted(
                [*doc._.kg_mentions, *verbs], key=lambda m: (m.start, -m.end, m.key)
            )
        syn = Syntax(MentionIndex(doc, doc._.kg_mentions or []), **self.syntax_data)
        events = self.reader.read(doc, clusters, syn, relations)
        doc._.kg_events = events
        # A happening's places are facts too (decision 0009, "Where", eleventh session).
        located = locate(events, relations, self.lex.party_classes, self.reader.place_sources)
        if located:
            doc._.kg_relations = [*relations, *located]
        return doc
