"""Attribution as facts: qualifiers on the facts a source supports, ``said`` / ``reportedBy``.

Why qualifiers plus one edge per reporting clause (``docs/decisions/0005-attribution.md``):
a fact read in "X a déclaré que la Finlande rejoindrait l'OTAN" stays a ``joins`` fact between
the two entities it is about, and carries who said it (``source``, ``source_text``,
``reporting_verb``, ``quote``) so one SPARQL pattern finds "what X vouched for"; the clause
itself becomes one ``said`` edge from the speaker to the main entity of what was said, with
the words (``quote`` and its offsets), when the clause is a direct quote or supports no fact
kg reads, so a speaker's words are kept even when they state no relation kg knows. A source
that is not an entity but names one ("les médias *lettons*") gives a ``reportedBy`` edge
from that main entity to it under the same condition.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.model import Evidence, Relation
from kg.nlp.attribution.records import Attribution, AttributionCues, Quote, innermost
from kg.nlp.clause import ModalityCues, governor_chain, modality_of, tense_of
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.syntax import MentionIndex, RelationCandidate

__all__ = ["attribution_attributes", "quote_attributes", "reporting_relations", "resolve_titles"]

_TITLE_PREDICATES = frozenset({"ministerOf", "headOf"})
_TRIM = " ,;:–—-\n\t"


def quote_attributes(quotes: Sequence[Quote], char: int) -> dict[str, Any]:
    """``{"quote": text}`` when ``char`` lies inside a quote, else ``{}``."""
    for quote in quotes:
        if quote.start <= char < quote.end:
            return {"quote": quote.text}
    return {}


def attribution_attributes(attribution: Attribution, char: int) -> dict[str, Any]:
    """The qualifiers a fact whose trigger is at ``char`` gets from its attribution."""
    attrs: dict[str, Any] = {
        "reporting_verb": attribution.reporting_verb,
        "source_text": attribution.source_text,
    }
    if attribution.speaker is not None:
        attrs["source"] = attribution.speaker.key
        if attribution.inferred:
            attrs["source_inferred"] = True
    elif attribution.affiliation is not None:
        attrs["source_affiliation"] = attribution.affiliation.key
    attrs.update(quote_attributes(attribution.quotes, char))
    return attrs


def resolve_titles(
    doc: Doc,
    attributions: list[Attribution],
    candidates: Sequence[RelationCandidate],
    cues: AttributionCues,
) -> list[Attribution]:
    """ "Le ministre letton de la Défense a déclaré …": when the document names exactly one
    holder of that title for that country ("Le ministre letton de la Défense, Andris
    Sprūds"), the title speaks for that person.
    """
    holders: dict[tuple[str, str], dict[str, TokenMention]] = {}
    for candidate in candidates:
        if candidate.predicate in _TITLE_PREDICATES:
            key = (fold_lexeme(candidate.trigger.lemma_), candidate.object.key)
            holders.setdefault(key, {})[candidate.subject.key] = candidate.subject
    if not holders:
        return attributions
    resolved = []
    for attribution in attributions:
        affiliation = attribution.affiliation
        if attribution.speaker is None and affiliation is not None:
            span = doc.char_span(*attribution.hole, alignment_mode="expand")
            head = span.root if span is not None else None
            if head is not None and fold_lexeme(head.lemma_) in cues.title_words:
                people = holders.get((fold_lexeme(head.lemma_), affiliation.key), {})
                if len(people) == 1:
                    (person,) = people.values()
                    attribution = replace(attribution, speaker=person, inferred=True)
        resolved.append(attribution)
    return resolved


def reporting_relations(
    doc: Doc,
    attributions: Sequence[Attribution],
    supported: Sequence[tuple[int, Relation]],
    index: MentionIndex,
    cues: ModalityCues,
    time_for: Callable[[list[Token]], str | None],
    evidence_of: Callable[[Token], Evidence],
) -> list[Relation]:
    """One ``said`` (speaker -> topic) or ``reportedBy`` (topic -> source) per attribution
    that quotes its source directly or supports no fact (else its facts carry it).

    ``supported`` holds ``(trigger offset, relation)`` for the facts already read; the
    topic is the subject of the first fact the attribution supports, else the most central
    entity of the reported words. No edge when no topic (or no source entity) is found.
    """
    relations: list[Relation] = []
    for attribution in attributions:
        # "selon la presse allemande": a national adjective names where the press is, not
        # who speaks; Germany is no source of a fact about Greece (issue 12). The facts
        # keep it as ``source_affiliation``; no ``reportedBy`` edge stands for it.
        affiliation = attribution.affiliation
        if affiliation is not None and affiliation.kind == "demonym":
            affiliation = None
        source = attribution.speaker or affiliation
        if source is None:
            continue
        facts = [
            r
            for char, r in sorted(supported, key=lambda pair: pair[0])
            if r.predicate not in {"said", "reportedBy"}
            and innermost(attributions, char) is attribution
        ]
        if facts and not attribution.direct:
            continue  # the supported facts carry the attribution; no edge repeats it
        speaks = attribution.speaker is not None
        topic = _topic(attribution, source.key, facts, doc, index, speaks)
        if topic is None:
            continue
        cue = doc[attribution.cue]
        attrs = _said_attributes(attribution, doc, cues.complementizers)
        if attribution.kind == "speech":
            chain = governor_chain(cue, cues)
            modality = modality_of(cue, cues, chain)
            attrs["tense"] = tense_of(chain, cues)
            time = time_for(chain)
        else:
            modality, time = "asserted", None
            attrs["tense"] = "present"
        if attribution.speaker is not None:
            relation = Relation(
                attribution.speaker.key, "said", topic, modality, evidence_of(cue), time, attrs
            )
        else:
            relation = Relation(
                topic, "reportedBy", source.key, modality, evidence_of(cue), time, attrs
            )
        relations.append(relation)
    return relations


def _said_attributes(
    attribution: Attribution, doc: Doc, complementizers: Sequence[str]
) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "trigger": attribution.reporting_verb,
        "reporting_verb": attribution.reporting_verb,
        "source_text": attribution.source_text,
        "direct": attribution.direct,
    }
    if attribution.inferred:
        attrs["source_inferred"] = True
    if attribution.speaker is not None and attribution.affiliation is not None:
        attrs["source_affiliation"] = attribution.affiliation.key
    if attribution.direct and attribution.quotes:
        first, last = attribution.quotes[0], attribution.quotes[-1]
        text = " […] ".join(q.text for q in attribution.quotes)
        attrs.update(quote=text, quote_start=first.start, quote_end=last.end)
        return attrs
    start, end = _content_bounds(attribution, doc_text(doc), complementizers)
    if end > start:
        attrs.update(quote=doc_text(doc)[start:end], quote_start=start, quote_end=end)
    return attrs


def _content_bounds(
    attribution: Attribution, text: str, complementizers: Sequence[str]
) -> tuple[int, int]:
    """The reported words of indirect speech: the clause, without "que" or the source."""
    start, end = attribution.ranges[0]
    hole_start, hole_end = attribution.hole
    if hole_start <= start < hole_end:
        start = hole_end
    if start < hole_start < end and hole_end >= end - 2:
        end = hole_start
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    for word in complementizers:
        if text[start : start + len(word)].lower() == word:
            start += len(word)
            break
    return start, end


def _topic(
    attribution: Attribution,
    source: str,
    facts: list[Relation],
    doc: Doc,
    index: MentionIndex,
    speaks: bool,
) -> str | None:
    """What the reported words are about: a supported fact's subject, else their centre.

    A speaker may talk about the object of its own fact ("nous soutiendrons l'Ukraine");
    a medium reporting a fact about its own country names no other topic (no edge).
    """
    for relation in facts:
        if relation.subject != source:
            return relation.subject
        if speaks and relation.object != source:
            return relation.object
    if facts:
        return None
    best: tuple[int, int, str] | None = None
    for mention in index.mentions:
        if mention.key == source or mention not in index.roots:
            continue
        root = doc[index.roots[mention]]
        if not attribution.covers(root.idx):
            continue
        rank = (_depth(root), mention.start, mention.key)
        if best is None or rank < best:
            best = rank
    return None if best is None else best[2]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 20:
        token = token.head
        depth += 1
    return depth
