"""Mention candidates of the entity linker: a span typed and keyed by the gazetteer.

Why apart: every source of names (gazetteer hits, cleaned NER spans, patterns, demonyms)
ends in one candidate record, linked the same way (an alias's guard, the lexicon's nominal
aliases, a kind noun cut off a known name); choosing among candidates is
:mod:`kg.nlp.entities.names`' job. A mixin of :class:`kg.nlp.entities.linker.EntityLinker`,
which builds these attributes.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from kg.lang import fold as _fold
from kg.lang.gazetteer import Gazetteer
from kg.nlp.entities.names import is_alias
from kg.nlp.entities.ner import NerSpans
from kg.nlp.entities.nominals import MentionCandidate
from kg.nlp.entities.nominals import clean_name as _clean_name
from kg.nlp.entities.spans import PORTFOLIO, kind_noun_before_name
from kg.nlp.extensions import TokenMention

__all__ = ["CandidateLinking"]


class CandidateLinking:
    """Mixin of :class:`kg.nlp.entities.linker.EntityLinker`: making linked candidates."""

    lex: dict[str, Any]
    gazetteer: Gazetteer
    ner: NerSpans

    def _maker_model(self, doc: Doc, start: int, end: int) -> bool:
        """ "Boeing 737": a known organisation and a number is a product, not a race."""
        if end - start < 2 or not doc[end - 1].like_num:
            return False
        entry = self.gazetteer.lookup_name(doc[start : end - 1].text)
        return entry is not None and entry.type == "Organization"

    def _kind_noun_off(self, doc: Doc, cand: MentionCandidate) -> MentionCandidate:
        """ "l'ONG Human Rights Watch", "l'organisation État islamique": a kind noun opening
        an organisation whose rest is a known name says what it is, and is no part of its
        name, whichever source (NER, a pattern, a gazetteer alias) took it in."""
        if cand.type != "Organization" or cand.extras.get("quoted"):
            return cand
        kinds = self.lex["org_name_before_heads"]
        if not kind_noun_before_name(doc, cand.start, cand.end, kinds, self.gazetteer):
            return cand
        return self._linked(doc, cand.start + 1, cand.end, cand.type, cand.extras.get("src", "ner"))

    def _from_gazetteer(self, doc: Doc, hit: TokenMention) -> MentionCandidate:
        entry = self.gazetteer.get(hit.key)
        text = doc[hit.start : hit.end].text
        return MentionCandidate(
            hit.start,
            hit.end,
            hit.type,
            entry.name if entry else text,
            "name",
            key=hit.key,
            wikidata=entry.wikidata if entry else None,
            extras={"src": "gaz", "surface": text, "alias": is_alias(text, entry)},
        )

    def _from_ner(self, doc: Doc, start: int, end: int, type_: str) -> MentionCandidate | None:
        """Clean one NER span (:class:`~kg.nlp.entities.ner.NerSpans`), then link it."""
        cleaned = self.ner.clean(doc, start, end, type_)
        return None if cleaned is None else self._linked(doc, *cleaned, "ner")

    def _pattern(self, doc: Doc, start: int, end: int, type_: str) -> MentionCandidate:
        """A pattern candidate; a bare portfolio is marked so the graph leaves it out."""
        if type_ != PORTFOLIO:
            return self._linked(doc, start, end, type_, "pattern")
        cand = self._linked(doc, start, end, "Organization", "pattern")
        cand.extras["portfolio"] = True
        return cand

    def _linked(self, doc: Doc, start: int, end: int, type_: str, src: str) -> MentionCandidate:
        """A candidate for ``doc[start:end]``, typed and keyed by the gazetteer if known."""
        span = doc[start:end]
        text = _clean_name(span.text)
        entry = self.gazetteer.lookup_name(text)
        guard = dict(entry.requires_before).get(text) if entry is not None else None
        if guard is not None and (start == 0 or doc[start - 1].lower_ not in guard):
            # "à la Libération" is no paper: the alias's guard holds for every source
            return MentionCandidate(start, end, type_, text, "name", extras={"src": src})
        if entry is not None:
            return MentionCandidate(
                start,
                end,
                entry.type,
                entry.name,
                "name",
                key=entry.key,
                wikidata=entry.wikidata,
                extras={"src": "gaz", "surface": text, "alias": is_alias(text, entry)},
            )
        alias_key = self.lex["nominal_aliases"].get(_fold(text))
        entry = self.gazetteer.get(alias_key) if alias_key else None
        if entry is not None:
            return MentionCandidate(
                start,
                end,
                entry.type,
                entry.name,
                "nominal",
                key=entry.key,
                wikidata=entry.wikidata,
                extras={"src": src},
            )
        return MentionCandidate(start, end, type_, text, "name", extras={"src": src})

    def _demonym(self, doc: Doc, hit: TokenMention) -> MentionCandidate:
        """ "letton" refers to Latvia: name and Wikidata ID come from the gazetteer."""
        entry = self.gazetteer.get(hit.key)
        name = entry.name if entry else doc[hit.start : hit.end].text
        wikidata = entry.wikidata if entry else None
        return MentionCandidate(
            hit.start, hit.end, hit.type, name, "demonym", key=hit.key, wikidata=wikidata
        )
