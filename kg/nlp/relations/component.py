"""The ``kg_relations`` spaCy component: typed relations with modality, time and evidence.

Why a rule-based component: see :mod:`kg.nlp.relations.patterns`. This module only orchestrates:
it indexes the document's mentions once, asks the patterns for candidates, then attaches
modality (:mod:`kg.nlp.clause`), tense, the clause's time expression and the evidence
sentence, drops self-loops and duplicates, and sorts deterministically.

Decision on ministers without a country ("le ministre du Numérique X"): by default the
country is the one the article's headline names ("Grèce : …", see
:func:`kg.nlp.relations.offices.headline_country`), as a reader does, and only for titles
flagged ``infer_country`` in the lexicon whose sentence tells of no trip ("est attendu à
Alger"); the relation carries ``country_inferred``. A text without a headline gets none
(precision first). With ``infer_minister_country=True`` the document's most mentioned
country is used as well, when the headline names none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.lang import lang_data
from kg.lang.words import Words, load_words
from kg.model import Entity, Mention, Relation
from kg.nlp.attribution.cues import find_attributions
from kg.nlp.attribution.facts import (
    attribution_attributes,
    quote_attributes,
    reporting_relations,
    resolve_titles,
)
from kg.nlp.attribution.records import (
    Attribution,
    AttributionCues,
    Quote,
    find_quotes,
    innermost,
)
from kg.nlp.clause import ModalityCues, governor_chain, modality_of, source_of, tense_of
from kg.nlp.component import LangComponent
from kg.nlp.extensions import TokenMention, doc_text, register_extensions
from kg.nlp.relations.clause_context import TimeIndex
from kg.nlp.relations.clause_context import sentence_evidence as _evidence
from kg.nlp.relations.offices import headline_country
from kg.nlp.relations.parties import party_entities
from kg.nlp.relations.patterns import RelationCandidate, RelationPatterns
from kg.nlp.relations.pronouns import SubjectPronouns
from kg.nlp.relations.speakers import SpeakerPronouns
from kg.nlp.relations.votes import EllipticVotes
from kg.nlp.syntax import MentionIndex

__all__ = ["RelationExtractor", "make_relation_extractor"]


@Language.factory(
    "kg_relations",
    default_config={"infer_minister_country": False},
    requires=[
        "token.dep",
        "token.head",
        "token.lemma",
        "token.pos",
        "token.morph",
        "doc._.kg_mentions",
        "doc._.kg_entities",
        "doc._.kg_times",
    ],
    assigns=["doc._.kg_relations", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_relation_extractor(
    nlp: Language, name: str, *, infer_minister_country: bool
) -> RelationExtractor:
    """Build the ``kg_relations`` component for ``nlp.lang`` (``nlp.add_pipe("kg_relations")``)."""
    return RelationExtractor(
        nlp, name, lang=nlp.lang, infer_minister_country=infer_minister_country
    )


#: The language data the component is built from (and saves with the pipeline).
RELATIONS_DATA: tuple[str, ...] = ("relations", "words")


class RelationExtractor(LangComponent):
    """Reads ``doc._.kg_mentions`` (+ ``kg_times``) and sets ``doc._.kg_relations``.

    Built from the language's relation lexicon and words (``data`` overrides them, as
    parsed JSON), saved with the pipeline by ``to_disk`` and rebuilt by ``from_disk``.
    """

    DATA = RELATIONS_DATA

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_relations",
        *,
        lang: str = "fr",
        infer_minister_country: bool = False,
        data: Mapping[str, Any] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = lang
        self.infer_minister_country = infer_minister_country
        self._build(data)

    def _build(self, data: Mapping[str, Any] | None) -> None:
        self.data = lang_data(self.lang, self.DATA, data)
        lex = self.data["relations"]
        words = load_words(self.lang) if data is None else Words(self.lang, self.data["words"])
        self.patterns = RelationPatterns(lex, self.lang, words)
        self.pronouns = SubjectPronouns(lex)
        self.speakers = SpeakerPronouns(lex)
        self.votes = EllipticVotes(lex)
        self.cues = ModalityCues.from_data(lex, words)
        self.attribution_cues = AttributionCues.from_data(lex)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.kg_relations`` (an empty list when there is nothing to relate)."""
        mentions = doc._.kg_mentions or []
        # One mention may still hold a fact with a party named by an adjective.
        if not mentions and not self.infer_minister_country:
            doc._.kg_relations = []
            return doc
        index = MentionIndex(doc, mentions)
        times = TimeIndex(doc, doc._.kg_times or [])
        found: dict[tuple[str, str, str, int], Relation] = {}
        acues = self.attribution_cues
        quotes = find_quotes(doc_text(doc), acues.quote_marks)
        attributions = find_attributions(doc, index, acues, quotes)
        # "X a été élu en 2008. Il a rejoint le PS": the patterns also see a subject
        # pronoun as the person just told of (quotes and entities do not); « Nous
        # condamnons … », a déclaré X: a speaker's own pronoun as the speaker.
        pronouns = _merge_pronouns(
            self.speakers.mentions(doc, attributions, quotes),
            self.pronouns.mentions(doc, index),
        )
        if pronouns:
            told = MentionIndex(doc, [*mentions, *pronouns])
            candidates = [c for c in self.patterns.find(doc, told) if self.pronouns.keeps(c)]
        else:
            told = index
            candidates = list(self.patterns.find(doc, index))
        candidates = [c for c in candidates if self.votes.keeps(c)]
        candidates += self.votes.find(doc, told)  # "X a voté contre": the one text named
        # A body a title names without the entity component having found it ("le président
        # du groupe PS"): an organisation of the article, its mention the words that name it.
        bodies = [c.object for c in candidates if c.attributes.pop("new_body", False)]
        if attributions:
            attributions = resolve_titles(doc, attributions, candidates, acues)
        supported: list[tuple[int, Relation]] = []
        for candidate in candidates:
            relation = self._relation(candidate, index, times, attributions, quotes)
            if relation is None:
                continue
            _keep(found, relation)
            supported.append((candidate.trigger.idx, relation))
        if attributions:
            for relation in reporting_relations(
                doc, attributions, supported, index, self.cues, times.for_chain, _evidence
            ):
                _keep(found, relation)
        if self.infer_minister_country:
            self._add_inferred_ministers(doc, index, found)
        _drop_contradicted_inferences(found, {m.key for m in mentions if m.type == "Country"})
        if bodies:
            self._add_bodies(doc, bodies)
        parties = [c.object for c in candidates if "party_adjective" in c.attributes]
        if parties:
            self._add_parties(doc, parties, found)
        doc._.kg_relations = sorted(
            found.values(),
            key=lambda r: (r.evidence.start, r.subject, r.predicate, r.object),
        )
        return doc

    def _relation(
        self,
        candidate: RelationCandidate,
        index: MentionIndex,
        times: TimeIndex,
        attributions: list[Attribution],
        quotes: list[Quote],
    ) -> Relation | None:
        if candidate.subject.key == candidate.object.key:
            return None
        trigger = candidate.trigger
        chain = governor_chain(trigger, self.cues)
        attrs: dict[str, Any] = {"trigger": trigger.lemma_.lower(), **candidate.attributes}
        if candidate.static:
            modality, tense = candidate.modality or "asserted", "present"
        else:
            modality = modality_of(trigger, self.cues, chain)
            tense = tense_of(chain, self.cues)
            source = source_of(chain, self.cues, lambda t: _key(index.at_or_apposed(t)))
            if source is not None and source not in (candidate.subject.key, candidate.object.key):
                attrs["source"] = source
        attribution = innermost(attributions, trigger.idx) if attributions else None
        if attribution is None and quotes:
            attrs.update(quote_attributes(quotes, trigger.idx))
        if attribution is not None:
            attrs.update(attribution_attributes(attribution, trigger.idx))
            # "selon X" is hearsay, unless X speaks about itself.
            if (
                modality == "reported"
                and attribution.kind == "according"
                and attribution.speaker is not None
                and attribution.speaker.key == candidate.subject.key
            ):
                modality = "asserted"
        attrs["tense"] = tense
        return Relation(
            subject=candidate.subject.key,
            predicate=candidate.predicate,
            object=candidate.object.key,
            modality=modality,
            evidence=_evidence(trigger),
            time=times.for_chain(chain) if candidate.timed or not candidate.static else None,
            attributes=attrs,
        )

    def _add_bodies(self, doc: Doc, bodies: list[TokenMention]) -> None:
        """Record each new body as an entity of the document, with its mention."""
        entities = dict(doc._.kg_entities or {})
        mentions = list(doc._.kg_mentions or ())
        for m in bodies:
            span = doc[m.start : m.end]
            mention = Mention(span.start_char, span.end_char, span.text)
            known = entities.get(m.key)
            if known is None:
                entities[m.key] = Entity(id=m.key, name=span.text, type=m.type, mentions=(mention,))
            elif mention not in known.mentions:
                merged = tuple(sorted((*known.mentions, mention), key=lambda x: x.start))
                entities[m.key] = replace(known, mentions=merged)
            if m not in mentions:
                mentions.append(m)
        doc._.kg_entities = entities
        doc._.kg_mentions = sorted(set(mentions), key=lambda m: (m.start, -m.end, m.key))

    def _add_parties(
        self,
        doc: Doc,
        parties: list[TokenMention],
        found: dict[tuple[str, str, str, int], Relation],
    ) -> None:
        """A party named by an adjective becomes an entity of the document (its mention
        the adjective, as "letton" is one of Latvia); a party kg does not know loses its facts.
        """
        entities = party_entities(doc, parties, dict(doc._.kg_entities or {}), self.lang)
        doc._.kg_entities = entities
        known = {m.key for m in parties if m.key in entities}
        mentions = list(doc._.kg_mentions or ())
        seen = set(mentions)
        mentions.extend(m for m in parties if m.key in known and m not in seen)
        doc._.kg_mentions = sorted(set(mentions), key=lambda m: (m.start, -m.end, m.key))
        for key in [k for k, r in found.items() if r.object in {m.key for m in parties}]:
            if key[2] not in known:
                del found[key]

    def _add_inferred_ministers(
        self,
        doc: Doc,
        index: MentionIndex,
        found: dict[tuple[str, str, str, int], Relation],
    ) -> None:
        """Opt-in: a minister or head of government with no country gets the dominant one.

        Only titles flagged ``infer_country`` in the lexicon qualify ("le ministre du Budget
        X" in an article about France); "le président du club X" never does.
        """
        counts = Counter(m.key for m in index.mentions if m.type == "Country")
        if not counts or headline_country(doc, index) is not None:
            return  # the patterns already used the headline's country
        country = counts.most_common(1)[0][0]
        syn = self.patterns.syntax(index)
        titles = self.patterns.titles
        title_end = 0
        for token in doc:
            if token.i < title_end:
                continue
            match = titles.match(token)
            if match is None:
                continue
            words, spec = match
            title_end = token.i + len(words)
            if not spec.get("infer_country") or titles.blocked(token, title_end):
                continue
            person, holders, portfolio = titles.phrase(token, title_end, syn)
            if person is None or holders or person.key == country:
                continue
            evidence = _evidence(token)
            predicate = spec["predicate"]
            attrs: dict[str, Any] = {"trigger": token.lemma_.lower(), "tense": "present"}
            attrs["country_inferred"] = True
            portfolio = spec.get("portfolio") or portfolio
            if portfolio and predicate == "ministerOf":
                attrs["portfolio"] = portfolio
            found.setdefault(
                (person.key, predicate, country, evidence.start),
                Relation(person.key, predicate, country, "asserted", evidence, None, attrs),
            )


#: Roles of a country, whose country may be the headline's when none is named.
_COUNTRY_ROLES = frozenset({"headOf", "ministerOf"})


def _drop_contradicted_inferences(
    found: dict[tuple[str, str, str, int], Relation], countries: set[str]
) -> None:
    """A role whose country was inferred from the headline ("le président X" in an article
    headed "Syrie") is dropped when the article states the person's role in another country
    ("le président américain X"): the headline's country was not his. A role in a body
    ("directeur d'une agence de l'ONU") says nothing of his country."""
    stated: dict[str, set[str]] = {}
    for r in found.values():
        if (
            r.predicate in _COUNTRY_ROLES
            and not r.attributes.get("country_inferred")
            and r.object in countries
        ):
            stated.setdefault(r.subject, set()).add(r.object)
    for key, r in list(found.items()):
        if (
            r.predicate in _COUNTRY_ROLES
            and r.attributes.get("country_inferred")
            and stated.get(r.subject, {r.object}) - {r.object}
        ):
            del found[key]


def _keep(found: dict[tuple[str, str, str, int], Relation], relation: Relation) -> None:
    """Keep one relation per (subject, predicate, object, sentence): the most qualified."""
    key = (relation.subject, relation.predicate, relation.object, relation.evidence.start)
    previous = found.get(key)
    if previous is None or len(relation.attributes) > len(previous.attributes):
        found[key] = relation


def _key(mention: TokenMention | None) -> str | None:
    return None if mention is None else mention.key


def _merge_pronouns(speakers: list[TokenMention], told: list[TokenMention]) -> list[TokenMention]:
    """Pronoun mentions of both readers; a speaker's reading wins on the same token."""
    taken = {m.start for m in speakers}
    return sorted([*speakers, *(m for m in told if m.start not in taken)], key=lambda m: m.start)
