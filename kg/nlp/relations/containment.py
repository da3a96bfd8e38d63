"""Places inside places: "Alep, dans le nord de la Syrie", "Homs, ville du centre de la
Syrie", "la ville syrienne de Homs", "l'ONG, basée à Genève".

Why surface scans: news situates a place it names in a handful of fixed shapes, right next
to the name, and the parser hangs these appositions on whatever verb is near. Each shape
reads a place mention, a few predictable words and a second place or country:

- an apposed locative: "<X>, dans le nord de <Y>," / "<X>, en <Y>." / "<X>, à l'est de
  <Y>," (a compass word is needed after "à": "à 200 km de Y" is near, not in). The phrase
  must be closed (a comma, a bracket, the sentence's end) and not go on as a list ("à
  Berlin, en Pologne et en Ukraine" names three destinations);
- an apposed kind noun: "<X>, ville du nord du Mali", "<X>, troisième ville de <Y>",
  "<X>, localité syrienne," (the national adjective is the country); a plural one for the
  list before it ("A, B et C, les trois villes du nord du Mali");
- a compass noun in brackets: "Tombouctou (nord du Mali)";
- a kind noun with a national adjective before the name: "la ville syrienne de <X>", "la
  province afghane de <X>";
- a place followed by a national adjective: "le Kurdistan irakien";
- a sited participle after a place or an organisation: "<X>, basée à <Y>", "<X>, située
  dans le sud de <Y>";
- two locatives in a row: "à <X> dans le <Y>", "à <X> en <Y>", "la base de <X> en <Y>".

"du pays" is the headline's country ("Alep, dans le nord du pays" in an article headed
"Syrie : …"; the fact says ``country_inferred``). "près de", "non loin de" and distances
state nearness, not inclusion: no fact. Only what the text states: no gazetteer link is
added. The words live in ``place_containment`` of
``kg/lang/<lang>/relations.json``; "X, capitale de Y" and "X (Y)" are
:mod:`kg.nlp.relations.settings`'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["PlaceContainment"]

_PLACES = frozenset({"Place", "Country"})
_CLOSERS = frozenset({",", ")", ".", ";", ":", "!", "?", "»", "—", "–"})
#: How far after the comma a kind noun may stand ("<X>, la troisième plus grande ville").
_KIND_REACH = 4


class PlaceContainment:
    """``locatedIn`` between places (and sited organisations), compiled once from the lexicon."""

    def __init__(self, lex: dict[str, Any]) -> None:
        spec = lex.get("place_containment", {})
        self.cases = frozenset(fold_lexeme(w) for w in spec.get("apposed_cases", ()))
        self.compass_cases = frozenset(fold_lexeme(w) for w in spec.get("compass_cases", ()))
        self.compass = frozenset(fold_lexeme(w) for w in spec.get("compass_nouns", ()))
        self.kinds = frozenset(fold_lexeme(w) for w in spec.get("kind_nouns", ()))
        self.sited = frozenset(fold_lexeme(w) for w in spec.get("sited_participles", ()))
        self.sited_cases = frozenset(fold_lexeme(w) for w in spec.get("sited_cases", ()))
        self.genitives = frozenset(fold_lexeme(w) for w in spec.get("genitives", ()))
        self.joiners = frozenset(fold_lexeme(w) for w in spec.get("list_joiners", ()))
        #: "dans le nord du *pays*": a noun that names the article's country.
        self.country_nouns = frozenset(fold_lexeme(w) for w in spec.get("country_nouns", ()))
        self.country_articles = frozenset(fold_lexeme(w) for w in spec.get("country_articles", ()))
        #: Prepositions before the first place of "à <X> dans le <Y>", and the ones that may
        #: introduce a region as the area ("au <Y>" only a country: "au stade X" is a venue).
        self.stack_cases = frozenset(fold_lexeme(w) for w in spec.get("stack_cases", ()))
        #: One-word list joiners of the lexicon (",", "et", "ou").
        self.list_words = frozenset(fold_lexeme(w) for w in lex.get("list_joiners", ()))
        self.stack_area_cases = frozenset(fold_lexeme(w) for w in spec.get("stack_area_cases", ()))
        #: Buildings and sites ("la base de <X> en <Y>"), shared with the place links.
        self.sites = frozenset(
            fold_lexeme(w) for w in lex.get("place_links", {}).get("facility_nouns", ())
        )
        self.headline: TokenMention | None = None

    def find(
        self, doc: Doc, syn: Syntax, headline: TokenMention | None = None
    ) -> Iterator[RelationCandidate]:
        """Every place-in-place fact of ``doc`` stated by one of the shapes above;
        ``headline``: the article's headline country, which "du pays" names."""
        if not self.kinds and not self.cases:
            return
        self.headline = headline
        for mention in syn.index.mentions:
            if mention.type == "Place" and mention.kind == "name":
                yield from self._demonym_after(mention, doc, syn)
                yield from self._kind_before(mention, doc, syn)
            if mention.kind != "name" or mention.end + 2 >= len(doc):
                continue
            if mention.type == "Place":
                yield from self._stacked(mention, doc, syn)
            if doc[mention.end].text == "(" and mention.type == "Place":
                yield from self._bracketed(mention, doc, syn)
                continue
            if doc[mention.end].text != ",":
                if mention.type in {"Place", "Organization"}:
                    yield from self._sited(mention, mention.end, doc, syn)
                continue
            if mention.type == "Place":
                yield from self._apposed(mention, doc, syn)
            if mention.type in {"Place", "Organization"}:
                yield from self._sited(mention, mention.end + 1, doc, syn)

    # -- "<X>, dans le nord de <Y>," / "<X>, ville du nord de <Y>," ---------------------------
    def _apposed(self, place: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        i = place.end + 1
        word = fold_lexeme(doc[i].text)
        if word in self.cases or word in self.compass_cases:
            area, end = self._area(i, doc, syn, needs_compass=word not in self.cases)
            # "à l'est de Tripoli" is outside the city; "à l'est du Tchad" is in the country.
            if word not in self.cases and area is not None and area.type != "Country":
                return
            if area is not None and self._closed(end, doc, word):
                yield _candidate(place, area, doc[i])
            return
        # "<X>, (la troisième) ville (syrienne) du nord de <Y>"
        k = i
        while k < min(i + _KIND_REACH, len(doc)) and fold_lexeme(doc[k].lemma_) not in self.kinds:
            if doc[k].pos_ not in {"DET", "ADJ", "NUM", "ADV"}:
                return
            k += 1
        if k >= len(doc) or fold_lexeme(doc[k].lemma_) not in self.kinds:
            return
        j = k + 1
        demonym = None
        while j < len(doc) and doc[j].pos_ == "ADJ":
            named = syn.index.covering(j)
            if named is not None and named.type == "Country" and named.kind == "demonym":
                demonym = named
                j = named.end
                continue
            j += 1
        area = None
        if j < len(doc) and fold_lexeme(doc[j].text) in self.genitives:
            area, end = self._area(j, doc, syn, needs_compass=False)
            if area is not None and not self._closed(end, doc, fold_lexeme(doc[j].text)):
                area = None
        if area is None and demonym is not None and self._closed(j, doc, ","):
            area = demonym
        if area is None:
            return
        # "Gao, Kidal et Tombouctou, les trois villes du nord du Mali": a plural kind noun
        # qualifies the whole list before it.
        members = [place]
        if "Plur" in doc[k].morph.get("Number"):
            members.extend(syn.members_before(place, frozenset({"Place"})))
        for member in members:
            yield _candidate(member, area, doc[k])

    # -- "à <X> dans le <Y>" / "à <X> en <Y>" ---------------------------------------------------
    def _stacked(self, place: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "à Quimper dans le Finistère", "la base de Kourou en Guyane": a second locative
        right after a place the sentence already locates narrows nothing, it situates the
        first. The first must itself stand after a locative, or be the genitive of a site or
        kind noun ("de Paris au Caire" is a route), and no list of destinations may go on."""
        i = place.end
        word = fold_lexeme(doc[i].text)
        if word not in self.cases or place.start == 0:
            return
        before = fold_lexeme(doc[place.start - 1].text)
        if before not in self.stack_cases and not (
            # "le port de <X> au <Y>": the genitive of a site or kind noun, not a route's
            # start ("de Lyon en Italie") nor a name ("le championnat d'Europe en France")
            before in self.genitives
            and place.start > 1
            and fold_lexeme(doc[place.start - 2].lemma_) in self.kinds | self.sites
        ):
            return
        area, end = self._area(i, doc, syn, needs_compass=False)
        if area is None or area.key == place.key or self._list_goes_on(end, doc):
            return
        between = doc[i + 1 : area.start]
        # "à Paris dans le quartier de <Y>" names a part of the first place, not its area;
        # "au <Y>" is a country ("à Montréal au Canada"), a place after it may be a venue.
        if any(fold_lexeme(t.lemma_) in self.kinds - self.compass for t in between):
            return
        if word not in self.stack_area_cases and area.type != "Country":
            return
        yield _candidate(place, area, doc[i])

    def _list_goes_on(self, end: int, doc: Doc) -> bool:
        """ "à Turin en Italie *et au* Pérou", "en Italie*, au* Pérou": destinations, not
        a place and its area."""
        if end >= len(doc):
            return False
        word = fold_lexeme(doc[end].text)
        if word in self.list_words:
            nxt = fold_lexeme(doc[end + 1].text) if end + 1 < len(doc) else ""
            return nxt in self.cases | self.compass_cases | self.stack_cases
        return False

    def _bracketed(self, place: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "Tombouctou (nord du Mali)": a compass noun in brackets ("X (Y)" is settings')."""
        i = place.end
        if fold_lexeme(doc[i + 1].text) not in self.compass:
            return
        area, end = self._area(i, doc, syn, needs_compass=True)
        if area is not None and end < len(doc) and doc[end].text == ")":
            yield _candidate(place, area, doc[i])

    def _area(
        self, i: int, doc: Doc, syn: Syntax, *, needs_compass: bool
    ) -> tuple[TokenMention | None, int]:
        """The place after the preposition at ``i``: "dans *le nord de* la Syrie", "en Libye".

        Returns the place and the token index after it (None when the words in between are
        not a determiner and a compass noun with its "de").
        """
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        compass = False
        # "dans le nord de la Syrie", "dans la province de Kandahar"
        if j < len(doc) and (
            fold_lexeme(doc[j].text) in self.compass or fold_lexeme(doc[j].lemma_) in self.kinds
        ):
            compass = True
            j += 1
            if j >= len(doc) or fold_lexeme(doc[j].text) not in self.genitives:
                return None, j
            j += 1
            while j < len(doc) and doc[j].pos_ == "DET":
                j += 1
        if needs_compass and not compass:
            return None, j
        # "dans le nord du pays": the article's country, when its headline names one.
        if (
            compass
            and self.headline is not None
            and j < len(doc)
            and fold_lexeme(doc[j].text) in self.country_nouns
            and syn.index.covering(j) is None
            and fold_lexeme(doc[j - 1].text) in self.genitives | self.country_articles
        ):
            return self.headline, j + 1
        area = next((m for m in syn.index.starts.get(j, ()) if m.type in _PLACES), None)
        if area is None or area.kind not in {"name", "demonym"}:
            return None, j
        return area, area.end

    def _closed(self, end: int, doc: Doc, case: str) -> bool:
        """The apposition ends at ``end`` and no list goes on ("en Pologne et en Ukraine")."""
        if end >= len(doc) or doc[end].is_space:
            return True
        if doc[end].text not in _CLOSERS:
            return False
        if doc[end].text == "," and end + 1 < len(doc):
            nxt = fold_lexeme(doc[end + 1].text)
            return nxt != case and nxt not in self.cases | self.compass_cases
        return True

    # -- "la ville syrienne de <X>" / "le Kurdistan irakien" ---------------------------------
    def _kind_before(
        self, place: TokenMention, doc: Doc, syn: Syntax
    ) -> Iterator[RelationCandidate]:
        j = place.start - 1
        if j < 2 or fold_lexeme(doc[j].text) not in self.genitives:
            return
        demonym = syn.index.covering(j - 1)
        if demonym is None or demonym.type != "Country" or demonym.kind != "demonym":
            return
        k = demonym.start - 1
        if k < 0 or fold_lexeme(doc[k].lemma_) not in self.kinds:
            return
        # "les villes syriennes de Homs et d'Alep": each place of the list.
        for member in (place, *syn.coordinated(place, frozenset({"Place"}))):
            yield _candidate(member, demonym, doc[k])

    def _demonym_after(
        self, place: TokenMention, doc: Doc, syn: Syntax
    ) -> Iterator[RelationCandidate]:
        if place.end >= len(doc):
            return
        after = syn.index.covering(place.end)
        if after is not None and after.type == "Country" and after.kind == "demonym":
            yield _candidate(place, after, doc[place.end])

    # -- "<X>, basée à <Y>" ---------------------------------------------------------------------
    def _sited(
        self, site: TokenMention, i: int, doc: Doc, syn: Syntax
    ) -> Iterator[RelationCandidate]:
        if i + 1 >= len(doc) or fold_lexeme(doc[i].text) not in self.sited:
            return
        case = fold_lexeme(doc[i + 1].text)
        if case not in self.sited_cases:
            return
        area, _ = self._area(i + 1, doc, syn, needs_compass=False)
        if area is not None and area.key != site.key:
            yield _candidate(site, area, doc[i])


def _candidate(subject: TokenMention, place: TokenMention, trigger: Token) -> RelationCandidate:
    attrs: dict[str, Any] = {"trigger": trigger.lemma_.lower()}
    # Every shape reads the place next to the trigger, but "du pays" (the headline's).
    if place.start < trigger.sent.start:
        attrs["country_inferred"] = True
    return RelationCandidate(subject, "locatedIn", place, trigger, attrs, static=True)
