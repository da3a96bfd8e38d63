"""Parties named only by an adjective: "le sénateur républicain X" -> X memberOf the party.

Why a table per country: a party adjective means a party only in one country's politics
("socialiste" is a different party in France and in Spain, "républicain" is the United
States' party), so the lexicon (``party_adjectives`` in ``kg/lang/<lang>/relations.json``)
maps, per country key, each adjective form to the party's gazetteer key. The country is,
in order: a country named in the title phrase ("le député américain démocrate"), the
article's headline country, the document's most mentioned country; when the document names
no country at all, an adjective listed for a single country is that country's, and one
listed for several is the home country's (``home``: the language's own press) if listed.
No country, or a country whose table lacks the adjective: no fact (precision first).

Two shapes, with a person's name right after:
- a politician title then the adjective ("le sénateur républicain X", "la députée
  socialiste X", "l'ancien candidat démocrate X"): the title's bearer, also named before
  the title in an apposition ("X, députée socialiste de la Gironde,");
- the adjective as a noun after a determiner ("le républicain X").

The party becomes an entity of the document through the adjective (a token mention of kind
``demonym``, as "letton" is one of Latvia). Like a demonym, the adjective qualifies someone
else: it links the party to the facts but is not written as a span of the party (see
:func:`kg.nlp.entities.names.entity_records` and :func:`party_entities`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from spacy.tokens import Doc

from kg.lang import fold_lexeme
from kg.lang.gazetteer import load_gazetteer
from kg.model import Entity
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.titles import word_variants
from kg.nlp.syntax import MentionIndex, RelationCandidate, Syntax
from kg.nlp.tokens import ORTH, column

__all__ = ["PartyAdjectives", "party_entities"]

_FOLD = column(fold_lexeme)
#: A gazetteer name's disambiguation: "Parti travailliste *(Royaume-Uni)*".
_BRACKETS = re.compile(r"\s*\([^)]*\)$")
#: Tokens that may stand between the title and the adjective ("le sénateur *américain*").
_BETWEEN = 2
#: What "la sénatrice républicaine *du Maine*, X" may name between the adjective and X.
_PLACES = frozenset({"Place", "Country"})


class PartyAdjectives:
    """``memberOf`` facts whose party is an adjective, compiled once from the lexicon."""

    def __init__(self, lex: Mapping[str, Any]) -> None:
        spec = lex.get("party_adjectives", {})
        self.titles = frozenset(fold_lexeme(w) for w in spec.get("titles", ()))
        #: "le chef travailliste X": after a definite article, the party's leader.
        self.head_titles = frozenset(fold_lexeme(w) for w in spec.get("head_titles", ()))
        #: The country a text that names none is read from (the language's home press).
        self.home: str | None = spec.get("home")
        self.cases = frozenset(fold_lexeme(w) for w in spec.get("place_cases", ()))
        #: "le chef de l'*opposition* travailliste X": a camp noun the adjective makes a party's.
        self.bodies = frozenset(fold_lexeme(w) for w in spec.get("party_bodies", ()))
        self.former = frozenset(fold_lexeme(w) for w in lex.get("title_former", ()))
        self.former_prefixes = tuple(fold_lexeme(w) for w in lex.get("title_former_prefixes", ()))
        self.by_country: dict[str, dict[tuple[str, ...], str]] = {}
        for country, forms in spec.get("countries", {}).items():
            table = self.by_country.setdefault(country, {})
            for form, party in forms.items():
                table.update(dict.fromkeys(word_variants(form), party))
        #: "le Frère musulman X": a member noun of one movement, whatever the country.
        self.movements: dict[tuple[str, ...], str] = {}
        for form, party in spec.get("movements", {}).items():
            self.movements.update(dict.fromkeys(word_variants(form), party))
        self.forms: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
        countries: dict[tuple[str, ...], list[str]] = {}
        for country in sorted(self.by_country):
            for form in self.by_country[country]:
                countries.setdefault(form, []).append(country)
        for form in self.movements:
            countries.setdefault(form, [])
        for form in sorted(countries, key=lambda f: (-len(f), f)):
            self.forms.setdefault(form[0], []).append((form, countries[form]))

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
            if word not in self.forms:
                continue
            camp = index.covering(i)
            form, listed = next(
                ((f, c) for f, c in self.forms[word] if tuple(words[i : i + len(f)]) == f),
                ((), []),
            )
            if not form:
                continue
            end = i + len(form)
            j = i - 1
            if camp is not None:
                # "le chef de l'opposition travailliste, X": the camp is the party's.
                j = self._camp_title(camp, i, end, words, doc)
                if j is None:
                    continue
            phrase_country = None
            while j >= max(0, i - 1 - _BETWEEN) and not self._title(words[j]):
                named = index.covering(j)
                if named is None or named.type != "Country":
                    break
                phrase_country = named.key
                j -= 1
            title = j >= 0 and self._title(words[j])
            if not title and not (doc[i - 1].pos_ == "DET" if i > 0 else False):
                continue
            person, place_country = self._bearer(end, words, index, title)
            if person is None and title:
                person = _bearer_before(j, doc, index)
            if person is None:
                continue
            party = self.movements.get(form)
            movement = party is not None
            if party is None:
                country = phrase_country or place_country
                country = country or (headline.key if headline is not None else None)
                if country is None:
                    if countries is None:
                        countries = Counter(m.key for m in index.mentions if m.type == "Country")
                    country = _dominant(countries, listed, self.home)
                party = self.by_country.get(country or "", {}).get(form)
            if party is None:
                continue
            mention = TokenMention(i, end, party, "Organization", "demonym")
            trigger = doc[j] if title else doc[i]
            attrs: dict[str, Any] = {"party_adjective": " ".join(form)}
            # "l'ancien sénateur républicain X", "l'ex-député socialiste X": a past role.
            if title and (
                words[j].startswith(self.former_prefixes) or self._former_before(j, words)
            ):
                attrs["former"] = True
            # the head of a party's camp ("chef de l'opposition") is one of its members
            head = title and not movement and camp is None and self._leader(j, words, doc)
            predicate = "headOf" if head else "memberOf"
            yield RelationCandidate(person, predicate, mention, trigger, attrs, static=True)

    def _leader(self, title: int, words: list[str], doc: Doc) -> bool:
        """ "le chef travailliste X", "l'ancien leader conservateur X": a leader's title
        after a definite singular article (adjectives apart) names the party's head; "un
        chef travailliste", "les chefs …" name one of its figures."""
        if words[title] not in self.head_titles:
            return False
        k = title - 1
        while k >= 0 and doc[k].pos_ == "ADJ" and k >= title - 2:
            k -= 1
        # "du chef travailliste X": the article may be contracted with "de" / "à".
        if k < 0 or doc[k].pos_ not in {"DET", "ADP"}:
            return False
        morph = doc[k].morph
        return "Def" in morph.get("Definite") and "Plur" not in morph.get("Number")

    def _camp_title(
        self, camp: TokenMention, i: int, end: int, words: list[str], doc: Doc
    ) -> int | None:
        """The title before "de l'opposition <adjective>" (``camp``, an unnamed body the
        adjective ends), else None; "le chef *de l'*opposition": a genitive apart."""
        if camp.kind == "name" or camp.end != end or words[camp.start] not in self.bodies:
            return None
        if any(doc[k].pos_ != "ADJ" for k in range(camp.start + 1, i)):
            return None
        k = camp.start - 1
        while k > 0 and (doc[k].pos_ == "DET" or doc[k].text in {"'", "’"}):
            k -= 1
        if k <= 0 or words[k] not in self.cases or doc[k].pos_ != "ADP":
            return None
        return k - 1 if self._title(words[k - 1]) else None

    def _title(self, word: str) -> bool:
        """A politician's title, also with a former prefix ("ex-député")."""
        if word in self.titles:
            return True
        prefix = next((p for p in self.former_prefixes if word.startswith(p)), None)
        return prefix is not None and word[len(prefix) :] in self.titles

    def _former_before(self, title: int, words: list[str]) -> bool:
        """A former-role word right before the title, a determiner apart ("l'ancien")."""
        return any(words[k] in self.former for k in range(max(0, title - 2), title))

    def _bearer(
        self, k: int, words: list[str], index: MentionIndex, title: bool
    ) -> tuple[TokenMention | None, str | None]:
        """The person named at ``k``; after a title, also "du Maine, X" (a place, a comma).

        Returns the person and the country the place phrase names, if it names one.
        """
        person = next((m for m in index.starts.get(k, ()) if m.type == "Person"), None)
        if person is None and title and k + 1 < len(words) and words[k] == ",":
            # "le whip conservateur, X": the name in apposition after a comma.
            person = next((m for m in index.starts.get(k + 1, ()) if m.type == "Person"), None)
        if person is not None or not title or k >= len(words) or words[k] not in self.cases:
            return person, None
        k += 1
        while k < len(words) and index.covering(k) is None and words[k] in self.cases:
            k += 1
        place = next((m for m in index.starts.get(k, ()) if m.type in _PLACES), None)
        if place is not None:
            end = place.end
        else:
            # a state or region the entity component left unnamed: a capitalised word run
            doc = index.doc
            end = k
            while end < min(k + _BETWEEN + 1, len(doc)) and doc[end].pos_ == "PROPN":
                end += 1
            if end == k or index.covering(k) is not None:
                return None, None
        if end >= len(words) or words[end] != ",":
            return None, None
        person = next((m for m in index.starts.get(end + 1, ()) if m.type == "Person"), None)
        return person, place.key if place is not None and place.type == "Country" else None


def _bearer_before(title: int, doc: Doc, index: MentionIndex) -> TokenMention | None:
    """ "Anne Morel, (l'ancienne) députée socialiste …": the person before the title's comma."""
    k = title - 1
    while k > 0 and doc[k].pos_ in {"DET", "ADJ"} and k >= title - 2:
        k -= 1
    if k <= 0 or doc[k].text != ",":
        return None
    return next((m for m in index.ends.get(k, ()) if m.type == "Person"), None)


def _dominant(countries: Counter[str], listed: list[str], home: str | None) -> str | None:
    """The document's most mentioned country; with none, the adjective's only country, or
    the home country when it is one of several."""
    if countries:
        return countries.most_common(1)[0][0]
    if len(listed) == 1:
        return listed[0]
    return home if home in listed else None


def party_entities(
    doc: Doc, mentions: list[TokenMention], entities: dict[str, Entity], lang: str
) -> dict[str, Entity]:
    """``entities`` with the parties of ``mentions`` added, without a span for the adjective
    ("la députée *socialiste*" qualifies the deputy, as "le ministre *letton*" does the
    minister: no span of the party or of Latvia); a party already named keeps its names.

    A party missing from the language's gazetteer is left out (the caller drops its facts).
    Its aliases are how the article calls it: the adjective ("travailliste") and the name
    without the gazetteer's disambiguating brackets ("Parti travailliste", not "Parti
    travailliste (Royaume-Uni)"), which no text writes.
    """
    if not mentions:
        return entities
    gazetteer = load_gazetteer(lang)
    out = dict(entities)
    written: dict[str, set[str]] = {}
    for m in mentions:
        written.setdefault(m.key, set()).add(" ".join(doc[m.start : m.end].text.split()))
    for m in mentions:
        if m.key in out:
            continue
        entry = gazetteer.get(m.key)
        if entry is None:
            continue
        aliases = written[m.key] | {_BRACKETS.sub("", entry.name).strip()}
        out[m.key] = Entity(
            id=entry.key,
            name=entry.name,
            type=entry.type,
            wikidata=entry.wikidata,
            aliases=tuple(sorted(a for a in aliases if a and a != entry.name)),
        )
    return out
