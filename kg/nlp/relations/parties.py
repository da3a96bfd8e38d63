"""Parties named only by an adjective: "le sénateur républicain X" -> X memberOf the party.

Why a table per country: a party adjective means a party only in one country's politics
("socialiste" is a different party in France and in Spain, "républicain" is the United
States' party), so the lexicon (``party_adjectives`` in ``kg/lang/<lang>/relations.json``)
maps, per country key, each adjective form to the party's gazetteer key. The country is,
in order: a country named in the title phrase ("le député américain démocrate"), the
article's headline country, the document's most mentioned country; when the document names
no country at all, an adjective listed for a single country is that country's. No country,
or a country whose table lacks the adjective: no fact (precision first).

Two shapes, both with a person's name right after:
- a politician title then the adjective ("le sénateur républicain X", "la députée
  socialiste X", "l'ancien candidat démocrate X"): the title's bearer;
- the adjective as a noun after a determiner ("le républicain X").

The party becomes an entity of the document through the adjective (a mention of kind
``demonym``, as "letton" is a mention of Latvia): see :func:`party_entities`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from kg.lang import fold_lexeme
from kg.lang.gazetteer import load_gazetteer
from kg.model import Entity, Mention
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax
from kg.nlp.tokens import ORTH, column

__all__ = ["PartyAdjectives", "party_entities"]

_FOLD = column(fold_lexeme)
#: Tokens that may stand between the title and the adjective ("le sénateur *américain*").
_BETWEEN = 2


class PartyAdjectives:
    """``memberOf`` facts whose party is an adjective, compiled once from the lexicon."""

    def __init__(self, lex: Mapping[str, Any]) -> None:
        spec = lex.get("party_adjectives", {})
        self.titles = frozenset(fold_lexeme(w) for w in spec.get("titles", ()))
        self.by_country: dict[str, dict[str, str]] = {
            country: {fold_lexeme(form): party for form, party in forms.items()}
            for country, forms in spec.get("countries", {}).items()
        }
        self.forms: dict[str, list[str]] = {}
        for country in sorted(self.by_country):
            for form in self.by_country[country]:
                self.forms.setdefault(form, []).append(country)

    def find(
        self, doc: Doc, syn: Syntax, headline: TokenMention | None
    ) -> Iterator[RelationCandidate]:
        """Every "<title> <party adjective> <person>" / "le <adjective> <person>" of ``doc``."""
        if not self.forms:
            return
        words = _FOLD(doc, ORTH)
        index = syn.index
        countries: Counter[str] | None = None
        for i, word in enumerate(words):
            if word not in self.forms or index.covering(i) is not None:
                continue
            person = next((m for m in index.starts.get(i + 1, ()) if m.type == "Person"), None)
            if person is None:
                continue
            j = i - 1
            phrase_country = None
            while j >= max(0, i - 1 - _BETWEEN) and words[j] not in self.titles:
                named = index.covering(j)
                if named is None or named.type != "Country":
                    break
                phrase_country = named.key
                j -= 1
            title = j >= 0 and words[j] in self.titles
            if not title and not (doc[i - 1].pos_ == "DET" if i > 0 else False):
                continue
            country = phrase_country or (headline.key if headline is not None else None)
            if country is None:
                if countries is None:
                    countries = Counter(m.key for m in index.mentions if m.type == "Country")
                country = _dominant(countries, self.forms[word])
            party = self.by_country.get(country or "", {}).get(word)
            if party is None:
                continue
            mention = TokenMention(i, i + 1, party, "Organization", "demonym")
            trigger = doc[j] if title else doc[i]
            yield RelationCandidate(
                person, "memberOf", mention, trigger, {"party_adjective": word}, static=True
            )


def _dominant(countries: Counter[str], listed: list[str]) -> str | None:
    """The document's most mentioned country; with none, the adjective's only country."""
    if countries:
        return countries.most_common(1)[0][0]
    return listed[0] if len(listed) == 1 else None


def party_entities(
    doc: Doc, mentions: list[TokenMention], entities: dict[str, Entity], lang: str
) -> dict[str, Entity]:
    """``entities`` with the parties of ``mentions`` added (or given the adjective mention).

    A party missing from the language's gazetteer is left out (the caller drops its facts).
    """
    if not mentions:
        return entities
    gazetteer = load_gazetteer(lang)
    out = dict(entities)
    for m in mentions:
        span = doc[m.start : m.end]
        mention = Mention(span.start_char, span.end_char, span.text)
        known = out.get(m.key)
        if known is not None:
            if mention not in known.mentions:
                merged = tuple(sorted((*known.mentions, mention), key=lambda x: x.start))
                out[m.key] = replace(known, mentions=merged)
            continue
        entry = gazetteer.get(m.key)
        if entry is None:
            continue
        out[m.key] = Entity(
            id=entry.key,
            name=entry.name,
            type=entry.type,
            wikidata=entry.wikidata,
            mentions=(mention,),
        )
    return out
