"""Helpers shared by the entity tests: run the kg pipeline on a sentence of a test."""

from __future__ import annotations


def parse(nlp, text: str, doc_id: str, date: str | None = None):
    """``text`` through the whole pipeline ``nlp`` as document ``doc_id`` (dated ``date``)."""
    doc = nlp.make_doc(text)
    doc._.kg_doc_id = doc_id
    if date is not None:
        doc._.kg_date = date
    return nlp(doc)


def organisations(nlp, text: str, doc_id: str = "a1") -> dict[str, tuple[str, tuple[str, ...]]]:
    """Organisation name -> (key, mention texts) for the organisations of ``text``."""
    return {
        e.name: (e.id, tuple(m.text for m in e.mentions))
        for e in parse(nlp, text, doc_id)._.kg_entities.values()
        if e.type == "Organization"
    }
