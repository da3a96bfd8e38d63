"""Unnamed bodies: institutions named by a common noun ("la police", "les pompiers de Lyon").

Why a module of its own: news and incident reports name most of the organisations that act
by what they are, not by a proper name: the police arrest, the fire brigade rescues, the
government announces. NER never sees them (no capital), yet they are the actors of the
facts and events kg extracts. The nouns are language data (``unnamed_bodies`` in
``kg/lang/<lang>/entities.json``); this module only decides which occurrences refer and
which real body each one is:

- the noun must be introduced by a determiner (``body_determiners``): "la police" refers,
  "une voiture de police" describes a car;
- a country demonym after it ("la police turque") or a place complement ("les pompiers de
  Lyon") makes it a body of that country or place: one key across articles, the place
  recorded for a ``locatedIn`` fact;
- bare ("les secours", "le gouvernement"), it is that article's body: the key is scoped to
  the article, so one article's police never merges with another's.

Government nouns with a demonym ("le gouvernement syrien") are the country itself, read by
:mod:`kg.nlp.entities.nominals` before this runs; their tokens arrive covered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.tokens import Doc

from kg.ids import article_scope, entity_key
from kg.lang import fold
from kg.lang.gazetteer import name_fold
from kg.lang.geo import GeoIndex
from kg.lang.words import Words
from kg.nlp import ud
from kg.nlp.entities.nominals import FOLD, MentionCandidate
from kg.nlp.extensions import TokenMention
from kg.nlp.tokens import LEMMA, ORTH

__all__ = ["UnnamedBodies", "acting_bodies", "scope_generic_names"]

#: How a lexicon phrase splits into tokens the way the tokenizer splits text ("sapeurs",
#: "-", "pompiers"; "l'", "ordre").
_TOKEN = re.compile(r"\w+'|\w+|-")


class UnnamedBodies:
    """Finds common-noun institutions in a document (one instance per pipeline)."""

    def __init__(
        self,
        lex: dict[str, Any],
        words: Words,
        gazetteer: Any,
        geo: Callable[[], GeoIndex],
        link: Callable[[Doc, int, int, str, str], MentionCandidate],
    ) -> None:
        """``geo`` returns the GeoNames/ISO index, called only when needed (it takes a
        second or two to load, which most documents never need); ``link`` is the linker's
        own way to key a span (gazetteer first)."""
        self._link = link
        self.gazetteer = gazetteer
        self._geo = geo
        self._determiners = lex.get("body_determiners", set())
        self._plural_only = lex.get("body_plural_only", set())
        self._plural = lex.get("body_plural_determiners", set())
        self._genitive = words["genitive"]
        #: A body noun with an adjective that makes it no body ("les médias sociaux").
        self._not_bodies = lex.get("not_bodies", set())
        self._heads: dict[str, list[tuple[str, ...]]] = {}
        for noun in sorted(lex.get("unnamed_bodies", ()), key=lambda n: -len(n.split())):
            for parts in {tuple(_TOKEN.findall(fold(noun))), tuple(fold(noun).split())}:
                self._heads.setdefault(parts[0], []).append(parts)
        for options in self._heads.values():
            options.sort(key=lambda p: (-len(p), p))

    def find(
        self, doc: Doc, covered: set[int], places: dict[int, tuple[int, str | None]]
    ) -> list[MentionCandidate]:
        """Body mentions not inside ``covered`` tokens.

        ``places`` maps the first token of each place mention already found to its end and
        key, so "de Lyon" after a body is read as where the body is.
        """
        if not self._heads:
            return []
        scope = article_scope(doc._.kg_doc_id) if doc._.kg_doc_id is not None else ""
        words, lemmas = FOLD(doc, ORTH), FOLD(doc, LEMMA)
        found: list[MentionCandidate] = []
        heads = self._heads
        i = 0
        # Only words or lemmas that start a body noun can (``_head_end`` is None elsewhere):
        # one set test per token instead of a call.
        for start in [k for k, w in enumerate(words) if w in heads or lemmas[k] in heads]:
            if start < i:
                continue  # inside the body found last
            end = self._head_end(doc, words, lemmas, start, covered)
            if end is None:
                continue
            body = self._mention(doc, start, end, words, places, scope)
            if fold(body.name) in self._not_bodies:
                i = body.end
                continue  # "sur les médias sociaux": platforms, not an institution
            found.append(body)
            new_place = body.extras.pop("new_place", None)
            if new_place is not None:
                found.append(new_place)
            i = body.end
        return found

    def _head_end(
        self, doc: Doc, words: list[str], lemmas: list[str], i: int, covered: set[int]
    ) -> int | None:
        """End of a body noun starting at ``i`` that refers (has a determiner), else None."""
        options = self._heads.get(words[i]) or self._heads.get(lemmas[i])
        if not options or i in covered or i == 0 or words[i - 1] not in self._determiners:
            return None
        if words[i] in self._plural_only and words[i - 1] not in self._plural:
            return None  # "appel au secours"
        for parts in options:
            end = i + len(parts)
            if end > len(doc) or any(j in covered for j in range(i, end)):
                continue
            if len(parts) == 1 and words[i] != parts[0] and lemmas[i] != parts[0]:
                continue
            if len(parts) > 1 and tuple(words[i:end]) != parts:
                continue
            if doc[i].pos_ not in ("NOUN", "PROPN") and len(parts) == 1:
                continue
            return end
        return None

    def _mention(
        self,
        doc: Doc,
        start: int,
        end: int,
        words: list[str],
        places: dict[int, tuple[int, str | None]],
        scope: str,
    ) -> MentionCandidate:
        """The mention, qualified by a country demonym or a place complement if one follows."""
        country = None
        head = doc[end - 1]
        while (
            end < len(doc)
            and doc[end].pos_ == "ADJ"
            and doc[end].is_lower
            and doc[end].head.i == head.i
            and self.gazetteer.lookup_demonym(doc[end].text) is None
        ):
            end += 1  # "la police locale", "les autorités sanitaires"
        if end < len(doc) and doc[end].is_lower:
            entry = self.gazetteer.lookup_demonym(doc[end].text)
            if entry is not None and entry.type == "Country":
                country, end = entry, end + 1
        place_key = place_span = None
        if country is None and end + 1 < len(doc) and words[end] in self._genitive:
            place = self._place_after(doc, end + 1, places)
            if place is not None:
                place_span, place_key = (place[2], place[0]), place[1]
                end = place[0]
        name = " ".join(doc[start:end].text.split())
        extras: dict[str, Any] = {"src": "body"}
        if country is not None:
            key = entity_key("Organization", name)
            extras["country"] = country.key
        elif place_span is not None:
            key = entity_key("Organization", name)
            extras["place"] = place_key
            extras["place_span"] = place_span
            if place_span[0] not in places:
                extras["new_place"] = self._place_mention(doc, *place_span)
        else:
            key = entity_key("Organization", name)
            key = f"{key}@{scope}" if scope else key
        return MentionCandidate(start, end, "Organization", name, "nominal", key=key, extras=extras)

    def places_inside(self, doc: Doc, named: list[MentionCandidate]) -> list[MentionCandidate]:
        """The place at the end of an institution's name: "hôpital de *Rennes*".

        A named organisation "<words> de/du/d' [la] <Place>" keeps its name (and its NER
        label), and the place becomes a mention of its own, so the graph holds both and the
        relation stage can state that the institution is located there.
        """
        places = {c.start for c in named if c.type in ("Place", "Country")}
        found = []
        for cand in named:
            if cand.type != "Organization" or cand.end - cand.start < 3:
                continue
            for k in range(cand.start + 1, cand.end - 1):
                if fold(doc[k].text) not in self._genitive:
                    continue
                place = self._place_after(doc, k + 1, {})
                if place is not None and place[0] == cand.end and place[2] not in places:
                    found.append(self._place_mention(doc, place[2], place[0]))
                break
        return found

    def _place_mention(self, doc: Doc, start: int, end: int) -> MentionCandidate:
        """A place nothing else found ("de Quimper"), keyed like a NER place of that name."""
        cand = self._link(doc, start, end, "Place", "body")
        cand.key = cand.key or entity_key(cand.type, cand.name, cand.wikidata)
        return cand

    def _place_after(
        self, doc: Doc, i: int, places: dict[int, tuple[int, str | None]]
    ) -> tuple[int, str | None, int] | None:
        """``(end, key, start)`` of the place named at token ``i`` ("Lyon", "la Drôme")."""
        if i < len(doc) and fold(doc[i].text) in self._determiners and i + 1 < len(doc):
            i += 1
        if i in places:
            return (*places[i], i)
        if i >= len(doc) or not doc[i].text[:1].isupper():
            return None
        j = i + 1
        while j < len(doc) and (doc[j].text == "-" or doc[j - 1].text == "-"):
            j += 1
        text = doc[i:j].text
        entry = self.gazetteer.lookup_name(text)
        if entry is not None and entry.type in ("Place", "Country"):
            return j, entry.key, i
        if self._geo().lookup(text) is not None:
            return j, entity_key("Place", text), i
        return None


def scope_generic_names(
    chosen: list[MentionCandidate], generic: set[str], scope: str, lang: str
) -> None:
    """ "le Conseil", "la Poste": a bare institution name is this article's body.

    Every country has a council, a post office and an assembly; without a Wikidata id the
    name alone says nothing about which one, so its key is scoped to the article and
    :mod:`kg.resolve` never merges two articles' "Conseil" by name. Inside the article it
    joins the one fuller name it opens ("le Conseil national syrien … le Conseil").
    """
    for cand in chosen:
        short = name_fold(cand.name, lang)
        if (
            cand.type == "Person"
            or cand.wikidata
            or not cand.key
            or "@" in cand.key
            or short not in generic
        ):
            continue
        fuller = {
            c.key: c
            for c in chosen
            if c.type == cand.type
            and c.key != cand.key
            and name_fold(c.name, lang).startswith(short + " ")
        }
        if len(fuller) == 1:
            full = next(iter(fuller.values()))
            cand.key, cand.name, cand.wikidata = full.key, full.name, full.wikidata
        else:
            cand.key = f"{cand.key}@{scope}"


#: Dependency relations of a noun that does or undergoes what its verb says.
_ACTING = {ud.NSUBJ, ud.NSUBJ_PASS, ud.OBL_AGENT, ud.OBJ, ud.IOBJ, ud.OBL_ARG}
#: Of those, the ones that take part whatever heads them ("la police était présente").
_SUBJECTS = {ud.NSUBJ, ud.NSUBJ_PASS, ud.OBL_AGENT}


def acting_bodies(doc: Doc, mentions: Iterable[TokenMention], part_nouns: set[str]) -> set[str]:
    """Keys of the organisations without a name that take part in what a clause reports.

    A body acts as a clause's subject or agent, a verb's object ("la police a arrêté…",
    "alerter les secours"), the complement of an event or action noun ("l'intervention des
    pompiers") or of a member ("le chef de la police", "les soldats de l'armée"):
    ``part_nouns`` are those action and member nouns. Cited as a source or a setting
    ("selon les autorités",
    "une voiture devant la gendarmerie"), it does not: an extraction that kept every such
    body would list organisations where a reader sees none. A body whose mention says which
    one it is (:func:`_complemented`) is kept wherever it appears, as a name would be.
    """
    mentions = list(mentions)
    events = {i for m in mentions if m.type == "Event" for i in range(m.start, m.end)}
    keys: set[str] = set()
    for m in mentions:
        if m.kind != "nominal" or m.type != "Organization":
            continue
        root = doc[m.start : m.end].root
        if _complemented(doc, m.start, m.end, root):
            keys.add(m.key)
            continue
        while root.dep_ == ud.CONJ and root.head.i != root.i:
            root = root.head
        head = root.head
        if root.dep_ in _ACTING:
            acts = root.dep_ in _SUBJECTS or head.pos_ in ("VERB", "AUX")
        else:
            acts = root.dep_ == ud.NMOD and (head.i in events or fold(head.lemma_) in part_nouns)
        if acts:
            keys.add(m.key)
    return keys


def _complemented(doc: Doc, start: int, end: int, root: Any) -> bool:
    """Whether a body's mention carries a ``de`` complement naming which one it is ("les
    pompiers *de Lyon*", "l'association *des riverains du port*"): one particular body, as
    specific as a name, so the extraction keeps it wherever it appears. A plural needs a
    name in its complement ("les pompiers de Lyon"): "des entreprises de la province" are
    a class of bodies, not one."""
    plural = root.morph.get("Number") == ["Plur"]
    return any(
        child.dep_ == ud.NMOD
        and start <= child.i < end
        and child.i > root.i
        and (not plural or any(t.pos_ == "PROPN" for t in child.subtree))
        for child in root.children
    )
