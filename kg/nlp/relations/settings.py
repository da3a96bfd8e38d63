"""Places stated of places, sites and fronted clauses: the surface ``locatedIn`` patterns.

Why surface scans: French news states where a place is in a few fixed shapes that the
parser attaches erratically (appositions, brackets, a sentence-initial locative hung on
whichever verb follows), while the words in between are few:

- "<Ville>, capitale de <Y>" / "la capitale de <Y>, <Ville>" / "<Ville> est la capitale de
  <Y>": Ville ``locatedIn`` Y. A bare "la province" stands for the last place named after
  "province de" ("le contrôle de la province de la Kapisa … X, capitale de la province").
- "<Ville> (<Pays>)": a place and the bracketed place or country it is in.
- "l'école X à Toulouse": an organisation or place whose name starts with a facility noun
  (a building or site), followed by "à" + a place.
- "À Oran, une fusillade …" / "Dans le nord du pays, l'attaque …": a sentence-initial
  locative places the events that are the subject or object of the main clause.

Only what the text states: no gazetteer link (a city's country) is added, as the guide asks.
The nouns and prepositions live in ``place_links`` of ``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["PlaceLinks"]

_PLACES = frozenset({"Place", "Country"})
#: Types a location noun may introduce ("la province de la Kapisa" names a place whatever
#: the entity component typed it).
_AREA_TYPES = frozenset({"Place", "Country", "Organization"})
_OPEN, _CLOSE = "(", ")"
_SUBJ_OBJ = frozenset({ud.NSUBJ, ud.NSUBJ_PASS, ud.OBJ})


class PlaceLinks:
    """Capital, bracket, facility and fronted-locative ``locatedIn`` patterns."""

    def __init__(self, lex: dict[str, Any]) -> None:
        spec = lex.get("place_links", {})
        self.capital_nouns = frozenset(fold_lexeme(w) for w in spec.get("capital_nouns", ()))
        self.facility_nouns = frozenset(fold_lexeme(w) for w in spec.get("facility_nouns", ()))
        self.facility_cases = frozenset(fold_lexeme(w) for w in spec.get("facility_cases", ()))
        self.fronted_cases = frozenset(fold_lexeme(w) for w in spec.get("fronted_cases", ()))
        self.name_cases = frozenset(fold_lexeme(w) for w in spec.get("name_cases", ()))
        self.sited_heads = self.facility_nouns | {
            fold_lexeme(w) for w in spec.get("sited_heads", ())
        }
        self.location_nouns = frozenset(fold_lexeme(w) for w in lex["location_nouns"])

    def find(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """Every place fact of ``doc`` stated by one of the shapes above."""
        index = syn.index
        for mention in index.mentions:
            if mention.type == "Place":
                yield from self._capital(mention, doc, syn)
                yield from self._bracket(mention, doc, syn)
            if mention.type in {"Place", "Organization"}:
                yield from self._facility(mention, doc, syn)
        for sent in doc.sents:
            yield from self._fronted(sent, syn)

    # -- "X, capitale de Y" -----------------------------------------------------------------
    def _capital(self, place: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        sent_end = doc[place.start].sent.end
        # "X, capitale de Y" / "X est la capitale de Y" / "X, la capitale de Y"
        i = place.end
        if i < sent_end and (doc[i].text == "," or doc[i].dep_ == ud.COP):
            i += 1
        i = self._skip(doc, i, sent_end, {"DET", "ADJ"})
        if i < sent_end and fold_lexeme(doc[i].text) in self.capital_nouns:
            area = self._area_after(doc[i], syn)
            if area is not None and area.key != place.key:
                yield self._candidate(place, area, doc[i])
            return
        # "la capitale de Y, X" / "la capitale malienne, X"
        j = place.start - 1
        if j < 1 or doc[j].text != ",":
            return
        k = j - 1
        while k >= 0 and fold_lexeme(doc[k].text) not in self.capital_nouns and j - k <= 6:
            k -= 1
        if k < 0 or j - k > 6 or fold_lexeme(doc[k].text) not in self.capital_nouns:
            return
        area = self._area_after(doc[k], syn, until=j)
        if area is not None and area.key != place.key:
            yield self._candidate(place, area, doc[k])

    def _area_after(
        self, noun: Token, syn: Syntax, until: int | None = None
    ) -> TokenMention | None:
        """The place a capital noun is the capital of: "capitale *du Mali*", "*malienne*"."""
        doc = noun.doc
        end = min(noun.i + 6, noun.sent.end) if until is None else until
        i = noun.i + 1
        while i < end:
            tok = doc[i]
            mention = syn.index.covering(i)
            if mention is not None and mention.type in _AREA_TYPES:
                return mention
            # "la capitale *économique* du Nigeria", "la capitale malienne, X"
            if tok.pos_ in {"ADP", "DET", "ADJ"}:
                i += 1
                continue
            if fold_lexeme(tok.lemma_) in self.location_nouns:
                # "capitale de la province": the province named before, or one named after.
                nxt = self._skip(doc, i + 1, end, {"ADP", "DET"})
                named = syn.index.covering(nxt) if nxt < end else None
                if named is not None and named.type in _AREA_TYPES:
                    return named
                return self._antecedent(tok, syn)
            return None
        return None

    def _antecedent(self, noun: Token, syn: Syntax) -> TokenMention | None:
        """ "la province" -> the last mention written "province de <X>" before it."""
        doc = noun.doc
        lemma = fold_lexeme(noun.lemma_)
        best = None
        for mention in syn.index.mentions:
            if mention.start >= noun.i or mention.type not in _AREA_TYPES:
                continue
            j = mention.start - 1
            while j >= 0 and doc[j].pos_ in {"DET", "ADP"}:
                j -= 1
            if (
                0 <= j < mention.start - 1
                and fold_lexeme(doc[j].lemma_) == lemma
                and (best is None or mention.start > best.start)
            ):
                best = mention
        return best or self._unmarked_antecedent(noun, syn)

    def _unmarked_antecedent(self, noun: Token, syn: Syntax) -> TokenMention | None:
        """ "la province de la Kapisa … capitale de la province": the name after the last
        "province de" before, when the entity component tagged that name elsewhere in the
        article but not there (the same words as one of its area mentions)."""
        doc = noun.doc
        lemma = fold_lexeme(noun.lemma_)
        names = {doc[m.start : m.end].text: m for m in syn.index.mentions if m.type in _AREA_TYPES}
        if not names:
            return None
        for k in range(noun.i - 1, max(noun.sent.start - 200, -1), -1):
            if fold_lexeme(doc[k].lemma_) != lemma or k == noun.i:
                continue
            j = k + 1
            while j < noun.i and doc[j].pos_ in {"DET", "ADP"}:
                j += 1
            if j == k + 1 or syn.index.covering(j) is not None:
                continue
            end = j
            while end < noun.i and doc[end].pos_ == "PROPN":
                end += 1
            found = names.get(doc[j:end].text) if end > j else None
            if found is not None:
                return found
        return None

    # -- "X (Y)" ------------------------------------------------------------------------------
    def _bracket(self, place: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        i = place.end
        if i + 2 >= len(doc) or doc[i].text != _OPEN:
            return
        inner = next((m for m in syn.index.starts.get(i + 1, ()) if m.type in _PLACES), None)
        if inner is None or inner.end >= len(doc) or doc[inner.end].text != _CLOSE:
            return
        if inner.key != place.key:
            yield self._candidate(place, inner, doc[i])

    # -- "l'école X à Toulouse" ------------------------------------------------------------------
    def _facility(self, site: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        if site.type == "Organization":
            yield from self._named_after_place(site, doc, syn)
        if fold_lexeme(doc[site.start].lemma_) not in self.facility_nouns:
            return
        i = site.end
        if i + 1 >= len(doc) or fold_lexeme(doc[i].text) not in self.facility_cases:
            return
        j = self._skip(doc, i + 1, len(doc), {"DET"})
        place = next((m for m in syn.index.starts.get(j, ()) if m.type in _PLACES), None)
        if place is not None and place.key != site.key:
            yield self._candidate(site, place, doc[i])

    def _named_after_place(
        self, site: TokenMention, doc: Doc, syn: Syntax
    ) -> Iterator[RelationCandidate]:
        """ "l'hôpital de Rennes", "les pompiers du Rhône": the name ends with its place.

        Only for sited institutions (``facility_nouns``, ``sited_heads``): "l'équipe de
        France" represents France, it is not located there.
        """
        first = doc[site.start]
        if not {fold_lexeme(first.lemma_), fold_lexeme(first.text)} & self.sited_heads:
            return
        for k in range(site.start + 1, site.end - 1):
            if fold_lexeme(doc[k].text) not in self.name_cases:
                continue
            j = self._skip(doc, k + 1, site.end, {"DET"})
            inner = syn.index.starts.get(j, ())
            place = next((m for m in inner if m.type in _PLACES and m.end == site.end), None)
            if place is not None and place.key != site.key:
                yield self._candidate(site, place, doc[k])
            return

    # -- "À Oran, une fusillade …" -----------------------------------------------------------------
    def _fronted(self, sent: Any, syn: Syntax) -> Iterator[RelationCandidate]:
        doc = sent.doc
        start = self._skip(doc, sent.start, sent.end, {"SPACE", "PUNCT"})
        if start >= sent.end or fold_lexeme(doc[start].text) not in self.fronted_cases:
            return
        comma = next((t.i for t in doc[start : min(start + 10, sent.end)] if t.text == ","), None)
        if comma is None:
            return
        place = None
        for t in doc[start + 1 : comma]:
            mention = syn.index.covering(t.i)
            if mention is not None:
                if mention.type not in _PLACES:
                    return
                place = mention
            elif t.pos_ not in {"ADP", "DET", "ADJ"} and (
                fold_lexeme(t.lemma_) not in self.location_nouns
            ):
                return
        if place is None:
            return
        index = syn.index
        for event in index.mentions:
            if event.type != "Event" or event not in index.roots or event.start <= comma:
                continue
            if not sent.start <= event.start < sent.end:
                continue
            root = doc[index.roots[event]]
            if root.dep_ not in _SUBJ_OBJ or root.head.dep_ != ud.ROOT:
                continue
            yield RelationCandidate(
                event,
                "locatedIn",
                place,
                doc[index.roots[place]],
                {"trigger": doc[start].lemma_.lower()},
                static=True,
                timed=True,
            )

    # -----------------------------------------------------------------------------------------
    @staticmethod
    def _skip(doc: Doc, i: int, end: int, pos: set[str]) -> int:
        while i < end and doc[i].pos_ in pos:
            i += 1
        return i

    @staticmethod
    def _candidate(subject: TokenMention, place: TokenMention, trigger: Token) -> RelationCandidate:
        return RelationCandidate(
            subject, "locatedIn", place, trigger, {"trigger": trigger.lemma_.lower()}, static=True
        )
