"""Turn a processed spaCy ``Doc`` into a plain :class:`~kg.model.Extraction`.

Why a separate step: it is the boundary after which no spaCy object exists, so everything
downstream (graph, RDF, HTML, caches, other processes) works on picklable records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.io import dateline_span
from kg.lang.words import load_words
from kg.model import (
    DatedEvent,
    Document,
    Entity,
    Event,
    Evidence,
    Extraction,
    Mention,
    Relation,
    TimeValue,
)
from kg.nlp import ud
from kg.nlp.entities.bodies import acting_bodies
from kg.nlp.entities.linker import load_entity_lexicon

__all__ = ["doc_to_extraction", "headline"]

#: Time types that place a fact on the calendar (durations and sets do not).
_DATED_TYPES = {"DATE", "TIME"}
_HEADLINE_WORDS = 14


def doc_to_extraction(
    doc: Doc,
    document: Document,
    entity_lexicon: Mapping[str, Any] | None = None,
    words: Mapping[str, Any] | None = None,
) -> Extraction:
    """Collect what kg's components left on ``doc`` into an :class:`Extraction`.

    ``entity_lexicon`` and ``words`` are the ones the pipeline's ``kg_entities`` was built
    from (its body nouns say which unnamed bodies act, its name determiners which mentions
    are names); kg's own for the doc's language when None.
    """
    entities: dict[str, Entity] = doc._.kg_entities or {}
    times: list[TimeValue] = list(doc._.kg_times or ())
    relations: list[Relation] = list(doc._.kg_relations or ())
    events: list[Event] = list(doc._.kg_events or ())
    lex = load_entity_lexicon(doc.lang_) if entity_lexicon is None else entity_lexicon
    keep = _worth_keeping(doc, relations, events, lex)
    kinds = _mention_kinds(doc)
    determiners = (load_words(doc.lang_) if words is None else words)["name_determiners"]
    kept = tuple(
        _with_kinds(e, kinds, determiners) for key, e in sorted(entities.items()) if key in keep
    )
    return Extraction(
        id=document.id,
        lang=document.lang,
        date=document.date,
        entities=kept,
        relations=tuple(relations),
        times=tuple(times),
        events=tuple(events),
        dated=tuple(_dated_events(doc, times, {e.id for e in kept}, dateline_span(document.text))),
        copies=document.copies,
        **document.provenance(),
    )


#: Mention kinds written to extraction.jsonl; a component's other kinds (an event's verb
#: trigger) are common words, so nominal.
_KINDS = ("name", "nominal", "demonym")


def _mention_kinds(doc: Doc) -> dict[tuple[int, int, str | None], str]:
    """How each token mention refers, by character span and key (and by span alone)."""
    kinds: dict[tuple[int, int, str | None], str] = {}
    for m in doc._.kg_mentions or ():
        start, last = doc[m.start].idx, doc[m.end - 1]
        end = last.idx + len(last.text)
        kind = m.kind if m.kind in _KINDS else "nominal"
        kinds[(start, end, m.key)] = kind
        kinds.setdefault((start, end, None), kind)
    return kinds


def _with_kinds(
    entity: Entity, kinds: dict[tuple[int, int, str | None], str], determiners: frozenset[str]
) -> Entity:
    """``entity`` with each mention's kind: the token mention's, else read from its case.

    A span no component recorded (an event place's noun phrase) is a name when a word
    after its leading articles is capitalised: "Le Monde" is, "Le quartier" is not.
    """
    mentions = tuple(
        replace(m, kind=_kind(m, entity.id, kinds, determiners)) for m in entity.mentions
    )
    return replace(entity, mentions=mentions)


def _kind(
    m: Mention,
    key: str,
    kinds: dict[tuple[int, int, str | None], str],
    determiners: frozenset[str],
) -> str:
    found = kinds.get((m.start, m.end, key)) or kinds.get((m.start, m.end, None))
    if found is not None:
        return found
    words = m.text.replace("’", "'").replace("'", "' ").split()
    while len(words) > 1 and words[0].lower() in determiners:
        words = words[1:]
    return "name" if any(w[:1].isupper() for w in words) else "nominal"


def _worth_keeping(
    doc: Doc, relations: list[Relation], events: list[Event], lex: Mapping[str, Any]
) -> set[str]:
    """Keys of the entities an extraction keeps: those named, and those that take part.

    Entities the text never names -- a demonym ("hongrois"), an unnamed body ("la
    police"), a described one ("une compagnie argentine") -- are kept when a fact uses them
    or, for bodies, when they act in a clause
    (:func:`~kg.nlp.entities.bodies.acting_bodies`); alone they are noise in every
    table and a false entity for anyone counting organisations.
    """
    mentions = doc._.kg_mentions or ()
    keep = {r.subject for r in relations} | {r.object for r in relations}
    # Qualifiers that name an entity: who a fact is attributed to ("selon les médias").
    keep |= {v for r in relations for v in r.attributes.values() if isinstance(v, str)}
    keep |= {key for e in events for key in (e.id, *e.entities)}
    keep |= {m.key for m in mentions if m.kind == "name"}
    keep |= acting_bodies(doc, mentions, lex["action_nouns"] | lex["member_nouns"])
    return keep


def _dated_events(
    doc: Doc, times: list[TimeValue], keys: set[str], dateline: tuple[int, int] | None
) -> list[DatedEvent]:
    """One timeline event per calendar expression, except the dateline's own date."""
    events: list[DatedEvent] = []
    for time in times:
        if time.type not in _DATED_TYPES:
            continue
        if dateline and time.start < dateline[1] and time.end > dateline[0]:
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        mentioned = sorted(
            {
                m.key
                for m in doc._.kg_mentions or ()
                if sent.start <= m.start < sent.end and m.key in keys
            }
        )
        events.append(
            DatedEvent(
                time=time.id,
                headline=_best_headline(doc, span),
                evidence=Evidence(sent.start_char, sent.end_char, sent.text),
                entities=tuple(mentioned),
            )
        )
    return events


def _best_headline(doc: Doc, time_span: Span) -> str:
    """The clause's own "who did what" when it names its subject, else the dated event.

    "Lors d'une conférence de presse en décembre, le président a annoncé …" is about the
    announcement; "… la préparation du prochain sommet à Washington en juillet" hangs the
    date on a subject-less infinitive, and the summit is what the date dates.
    """
    verb = _governing_verb(time_span.root)
    if verb is not None and any(c.dep_.startswith(ud.NSUBJ) for c in verb.children):
        return headline(time_span)
    return _event_headline(doc, time_span) or headline(time_span)


def _event_headline(doc: Doc, time_span: Span) -> str | None:
    """ "… du prochain sommet de l'OTAN à Washington en juillet": when an event mention
    stands just before the date (no verb between), the event is what the date dates."""
    sent = time_span.sent
    events = [
        m
        for m in doc._.kg_mentions or ()
        if m.type == "Event" and sent.start <= m.start and m.end <= time_span.start
    ]
    if not events:
        return None
    event = max(events, key=lambda m: m.end)
    between = doc[event.end : time_span.start]
    if len(between) > 6 or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in between):
        return None
    end = time_span.start
    while end > event.end and doc[end - 1].pos_ in ("ADP", "DET"):
        end -= 1  # "… à Washington en | juillet": the preposition belongs to the date
    return _tidy(doc[event.start : end].text)


def headline(time_span: Span) -> str:
    """Summarise the clause that a time expression dates: subject, verb group, object.

    Falls back to the start of the sentence when the parse gives no verb.
    """
    verb = _governing_verb(time_span.root)
    sent = time_span.sent
    if verb is None:
        words = [t.text for t in sent if not t.is_space][:_HEADLINE_WORDS]
        return " ".join(words)
    parts: list[Token] = []
    if verb.dep_.startswith(ud.ACL) and verb.head.i != verb.i:
        # "le sommet prévu à Washington en juillet": the noun is what the time dates.
        noun = verb.head
        while noun.dep_ == ud.NMOD and noun.head.i != noun.i:
            noun = noun.head
        parts.extend(t for t in noun.subtree if t.i < verb.i and not _inside(t, time_span))
    subj = [c for c in verb.children if c.dep_.startswith(ud.NSUBJ)]
    if subj:
        parts.extend(t for t in subj[0].subtree if not _inside(t, time_span))
    group = [c for c in verb.children if c.dep_.startswith(ud.AUX) or c.dep_ in (ud.ADVMOD_NEG,)]
    parts.extend(t for t in group if t.i < verb.i)
    parts.append(verb)
    for child in verb.children:
        if (
            child.dep_ in (ud.OBJ, ud.XCOMP, ud.CCOMP, ud.OBL_ARG, ud.NSUBJ_PASS)
            and child.i > verb.i
        ):
            parts.extend(t for t in child.subtree if not _inside(t, time_span))
            break
    words = [t.text for t in sorted(set(parts), key=lambda t: t.i) if not t.is_space]
    if len(words) > _HEADLINE_WORDS:
        words = [*words[:_HEADLINE_WORDS], "…"]
    return _tidy(" ".join(words))


def _governing_verb(token: Token) -> Token | None:
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and not token.dep_.startswith(ud.AUX):
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        seen += 1
    return None


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _tidy(text: str) -> str:
    for a, b in ((" ,", ","), (" .", "."), ("’ ", "’"), ("' ", "'"), ("( ", "("), (" )", ")")):
        text = text.replace(a, b)
    return text.strip(" ,;:–-")
