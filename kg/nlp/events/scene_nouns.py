"""The scene of an event named by a noun of its own: "le lieu de l'accident", "sur les lieux".

Why apart from the other place cues: "lieu", "lieux", "endroit" name no place by
themselves (they are too general to be location nouns), but completed by an event ("arrivés
*sur le lieu de l'accident*", "près *des lieux du drame*") they name where that event
happened, and bare after "sur" ("les secours se sont rendus *sur les lieux*", "*sur
place*") they name where the happening just told happened. Each becomes an unnamed Place of
the article, as "sur la route" does, placed on that one event.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from spacy.tokens import Doc

from kg.ids import article_scope, slugify
from kg.lang import fold, fold_lexeme
from kg.model import Entity, Mention
from kg.nlp import ud
from kg.nlp.events.triggers import EventCluster
from kg.nlp.events.where import OWN, SCENE
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import Syntax

__all__ = ["scene_nouns"]


def scene_nouns(
    doc: Doc,
    clusters: list[EventCluster],
    syn: Syntax,
    spec: Mapping[str, Any],
    party_classes: Collection[str],
    entities: dict[str, Any],
) -> list[tuple[TokenMention, str, str]]:
    """(unnamed place, event key, cue) for each scene noun of ``doc`` that names an event's scene.

    ``spec`` is ``events.json``'s ``scene_nouns``: ``nouns``, the ``cases`` that make the
    phrase locative when completed by an event, and the ``bare_cases`` that make it refer to
    the happening last told (``sur``), with no determiner for ``bare_without_determiner``.
    New entities are added to ``entities``.
    """
    nouns = frozenset(fold(w) for w in spec["nouns"])
    cases = frozenset(fold_lexeme(c) for c in spec["cases"])
    bare_cases = frozenset(fold_lexeme(c) for c in spec["bare_cases"])
    idioms = frozenset(fold(w) for w in spec["bare_without_determiner"])
    keys = {c.key for c in clusters}
    material = [c for c in clusters if c.cls not in party_classes]
    scope = article_scope(doc._.kg_doc_id) if doc._.kg_doc_id is not None else ""
    out: list[tuple[TokenMention, str, str]] = []
    for token in doc:
        if token.pos_ != "NOUN" or fold(token.text) not in nouns:
            continue
        case = next(
            (fold_lexeme(c.text) for c in token.children if c.dep_ == ud.CASE and c.i < token.i),
            None,
        )
        if case is None:
            continue  # "a eu lieu": no place
        event: str | None = None
        complements = [c for c in token.children if c.dep_.startswith(ud.NMOD) and c.i > token.i]
        for child in complements:
            mention = syn.index.at(child)
            if mention is not None and mention.type == "Event" and mention.key in keys:
                event = mention.key
        if event is not None and case not in cases:
            continue
        cue = OWN
        if event is None:
            cue = SCENE
            if complements or case not in bare_cases:
                continue  # "sur les lieux de travail", "au lieu de partir"
            if fold(token.text) in idioms and any(c.dep_ == ud.DET for c in token.children):
                continue  # "sur place", not "sur la place"
            before = [
                (max(h.head for h in c.hits if h.head < token.i), c.key)
                for c in material
                if any(h.head < token.i for h in c.hits)
            ]
            if not before:
                continue
            event = max(before)[1]
        name = token.text.lower()
        key = f"place:{slugify(name)}@{scope}" if scope else f"place:{slugify(name)}"
        mention = TokenMention(token.i, token.i + 1, key, "Place", "nominal")
        span = Mention(token.idx, token.idx + len(token.text), token.text)
        previous = entities.get(key)
        mentions = (previous.mentions if previous else ()) + (span,)
        entities[key] = Entity(key, name, "Place", None, (), mentions)
        out.append((mention, event, cue))
    return out
