"""Doc extensions shared by kg's spaCy components, and the token-level records they hold.

Why plain dataclasses: ``nlp.pipe(n_process=N)`` pickles ``doc.user_data`` between
processes, so extensions hold data, never spans or callables.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["TokenMention", "doc_text", "register_extensions"]


@dataclass(frozen=True, slots=True)
class TokenMention:
    """A mention of an entity over tokens ``[start, end)``: a gazetteer match or a linked one.

    ``kind``: ``name`` (a proper name: "Royaume-Uni", "OTAN"), ``demonym`` ("ministre
    *letton*", which refers to the country without naming it) or ``nominal`` ("le
    *gouvernement britannique*", "la *coalition*") resolved to an entity. One record serves
    the gazetteer's hits and the linker's mentions: the linker refines, never reshapes.
    """

    start: int
    end: int
    key: str
    type: str
    kind: str


_EXTENSIONS: dict[str, object] = {
    "kg_doc_id": None,
    "kg_date": None,
    "kg_gazetteer": None,
    "kg_mentions": None,
    "kg_entities": None,
    "kg_times": None,
    "kg_relations": None,
    "kg_event_clusters": None,
    "kg_events": None,
}


def register_extensions() -> None:
    """Register kg's Doc extensions once (idempotent, safe in worker processes)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document.

    Why: spaCy rebuilds ``Doc.text`` from every token on each access; kg's components read
    it in loops, which cost about 5% of the whole parse before this cache.
    """
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.text
        doc.user_data["kg_text"] = text
    return text
