"""Relation tests on hand-given mentions: the parse is real, the entities are fixed by the test.

Why: a relation rule is tested alone, whatever the entity linker makes of a sentence. Each test
module names its entities (surface -> key, type, kind); every occurrence becomes a mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from kg.model import Relation
from kg.nlp.extensions import TokenMention, register_extensions

Entities = Mapping[str, tuple[str, str, str]]


def hand_mentions(doc, entities: Entities) -> list[TokenMention]:
    """Mentions for every surface of ``entities`` found in ``doc`` (token-aligned)."""
    found = set()
    for surface, (key, type_, kind) in entities.items():
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", doc.text):
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                found.add(TokenMention(span.start, span.end, key, type_, kind))
    return sorted(found, key=lambda m: (m.start, -m.end))


def sentence_extractor(entities: Entities) -> Callable[[str], list[Relation]]:
    """``run(text) -> relations`` over the model (with kg's sentence splitting) and the
    hand-given mentions of ``entities``."""
    import spacy

    import kg.nlp.sentences  # noqa: F401  (registers kg_sentences)
    from kg.nlp.relations.component import RelationExtractor

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("kg_sentences", before="parser")
    register_extensions()
    component = RelationExtractor(nlp)

    def run(text: str) -> list[Relation]:
        doc = nlp(text)
        doc._.kg_mentions = hand_mentions(doc, entities)
        doc._.kg_times = []
        return component(doc)._.kg_relations

    return run


def pipeline_facts(nlp, text: str) -> set[tuple[str, str, str, str]]:
    """(subject name, predicate, object name, modality) of ``text`` through the whole
    pipeline ``nlp``, the article dated 2024-03-01."""
    doc = nlp.make_doc(text)
    doc._.kg_doc_id = "t"
    doc._.kg_date = "2024-03-01"
    doc = nlp(doc)
    names = {k: e.name for k, e in doc._.kg_entities.items()}
    return {
        (names[r.subject], r.predicate, names[r.object], r.modality) for r in doc._.kg_relations
    }


#: The predicates of who holds a role in which body.
AFFILIATIONS = frozenset({"worksFor", "memberOf", "headOf", "leads", "ministerOf"})


def pipeline_facts_of(
    nlp, text: str, predicates: Collection[str] = AFFILIATIONS
) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of :func:`pipeline_facts` whose predicate is in
    ``predicates``."""
    return {(s, p, o) for s, p, o, _ in pipeline_facts(nlp, text) if p in predicates}


def facts_of(relations: list[Relation], predicates: set[str]) -> set[tuple[str, str, str]]:
    """(subject, predicate, object) of the relations whose predicate is in ``predicates``."""
    return {(r.subject, r.predicate, r.object) for r in relations if r.predicate in predicates}


def case_ids(cases) -> list[str]:
    """Test ids for a table of (sentence, ...) rows: the sentence's first 48 characters."""
    return [c[0][:48] for c in cases]
