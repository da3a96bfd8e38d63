"""The ``kg_entities`` component: clean, type and link entity mentions within a document.

Why a component of its own: spaCy's French NER is the raw material, not the answer. It takes
titles for people ("letton de la Défense"), keeps articles ("l'OTAN"), misses meetings and
coalitions, and knows nothing of demonyms or Wikidata. This component merges three sources:

1. gazetteer hits (authoritative type and Wikidata ID),
2. spaCy NER spans, cleaned (leading articles and titles stripped, lower-case starts dropped),
3. nominal mentions found on the parse: events ("la réunion des ministres …"), coalitions,
   agreements, governments named by a demonym ("le gouvernement britannique" → Royaume-Uni),
   and definite anaphora ("la coalition", "la réunion ministérielle") to the latest antecedent.

It then gives one key per real thing in the document (surname-only mentions join the full
name) and writes ``doc._.kg_mentions``, ``doc._.kg_entities`` and a flat ``doc.ents``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.gazetteer import fold, load_gazetteer
from kg.ids import entity_key
from kg.model import Entity, Mention
from kg.nlp.entity_nominals import Cand as _Cand
from kg.nlp.entity_nominals import NominalMentions
from kg.nlp.entity_nominals import clean_name as _clean_name
from kg.nlp.entity_nominals import fold_text as _fold
from kg.nlp.entity_spans import (
    acronym_links,
    demonym_before_name,
    looks_like_demonym,
    pattern_spans,
    split_lines,
)
from kg.nlp.extensions import EntityMention, GazetteerHit, register_extensions

__all__ = ["EntityLinker", "load_entity_lexicon"]

_NER_TYPES = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}
_ENT_LABELS = {
    "Person": "PER",
    "Country": "LOC",
    "Place": "LOC",
    "Organization": "ORG",
    "Event": "EVENT",
    "Agreement": "MISC",
}
_NAME_ARTICLES = {"le", "la", "les", "l'"}
_NAME_ARTICLES_CASED = {"Le", "La", "Les", "L'", "L’"}
#: Words that make a span a list or a clause rather than one name.
_NOT_IN_NAMES = {",", ";", "et", "ou", "/", "(", ")", ":", "«", "»", '"'}
#: Lower-case words that may sit inside a person's name.
_NAME_PARTICLES = {
    "de",
    "du",
    "des",
    "d'",
    "von",
    "van",
    "der",
    "den",
    "ben",
    "bin",
    "al",
    "el",
    "da",
    "di",
    "dos",
    "le",
    "la",
}
#: Title words that are also ordinals ("le premier Français"): no evidence of a person.
_ORDINAL_TITLES = {"premier", "premiere"}
_INITIAL = re.compile(r"^[A-Z]\.$")


@cache
def load_entity_lexicon(lang: str = "fr") -> dict[str, Any]:
    """Load ``kg/data/<lang>/entities.json`` once; sets for membership tests."""
    text = resources.files("kg").joinpath(f"data/{lang}/entities.json").read_text("utf-8")
    raw = json.loads(text)
    # Every word list is folded (lower case, no accents, straight apostrophe), and so is
    # every word compared with it.
    lex: dict[str, Any] = {k: {_fold(w) for w in v} for k, v in raw.items() if isinstance(v, list)}
    lex["nominal_aliases"] = {
        alias: key for key, aliases in raw["nominal_aliases"].items() for alias in aliases
    }
    return lex


@Language.factory(
    "kg_entities",
    default_config={"lang": "fr"},
    requires=["doc.ents", "token.dep", "token.lemma", "doc._.kg_gazetteer"],
    assigns=["doc.ents", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_entity_linker(nlp: Language, name: str, lang: str) -> EntityLinker:
    """spaCy factory for :class:`EntityLinker`."""
    return EntityLinker(lang=lang)


class EntityLinker(NominalMentions):
    """Merge NER, gazetteer and nominal mentions into canonical document entities."""

    def __init__(self, *, lang: str = "fr") -> None:
        register_extensions()
        self.lang = lang
        self.lex = load_entity_lexicon(lang)
        self.gazetteer = load_gazetteer(lang)
        self._nominal_heads: dict[str, str] = {}
        self._multiword_heads: dict[tuple[str, ...], str] = {}
        for type_, lexkey in (
            ("Event", "event_heads"),
            ("Organization", "organization_heads"),
            ("Agreement", "agreement_heads"),
        ):
            for head in self.lex[lexkey]:
                words = tuple(_fold(head).split())
                if len(words) == 1:
                    self._nominal_heads.setdefault(words[0], type_)
                else:
                    self._multiword_heads.setdefault(words, type_)
        self._multiword_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, type_ in self._multiword_heads.items():
            self._multiword_first.setdefault(words[0], []).append((words, type_))

    def __call__(self, doc: Doc) -> Doc:
        named = self._named(doc)
        covered = {i for c in named for i in range(c.start, c.end)}
        nominal = self._nominals(doc, covered, named)
        demonyms = [
            self._demonym(doc, h)
            for h in doc._.kg_gazetteer or ()
            if h.kind == "demonym" and h.start not in covered
        ]
        self._link_persons(named)
        cands = sorted(named + nominal + demonyms, key=lambda c: (c.start, -c.end, c.key or ""))
        doc._.kg_mentions = [EntityMention(c.start, c.end, c.key, c.type, c.kind) for c in cands]
        doc._.kg_entities = self._entities(doc, cands)
        spans = [
            Span(doc, c.start, c.end, label=_ENT_LABELS[c.type], kb_id=c.key)
            for c in named
            if c.kind == "name"
        ]
        doc.ents = filter_spans(spans)
        return doc

    # -- named mentions ---------------------------------------------------------------
    def _named(self, doc: Doc) -> list[_Cand]:
        """Gazetteer, NER and pattern names, reconciled into non-overlapping mentions.

        Longer names win over the names inside them ("Grande mosquée de *Paris*",
        "François *Hollande*") when they look like one name (no coordination, no verb);
        for spans of equal extent the gazetteer wins, then patterns, then NER.
        """
        gaz = [self._from_gazetteer(doc, h) for h in doc._.kg_gazetteer or () if h.kind == "name"]
        ner: list[_Cand] = []
        for start, end, type_ in self._ner_spans(doc):
            cand = self._from_ner(doc, start, end, type_)
            if cand is not None:
                ner.append(cand)
        patterns = [
            self._linked(doc, start, end, type_, "pattern")
            for start, end, type_ in pattern_spans(doc, self.lex, self.gazetteer)
        ]
        chosen = _choose(doc, gaz, ner, patterns)
        taken = {i for c in chosen for i in range(c.start, c.end)}
        chosen += self._titled_persons(doc, taken)
        chosen.sort(key=lambda c: c.start)
        self._acronyms(doc, chosen)
        self._harmonise(chosen)
        return chosen

    def _ner_spans(self, doc: Doc) -> list[tuple[int, int, str]]:
        """NER spans cut at line breaks, with names NER split in two put back together.

        "Tsaï" (LOC) right before "Ing-wen" (PER) is one person: a single unknown word
        glued to a person's name is the first part of that name.
        """
        spans: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            type_ = _NER_TYPES.get(ent.label_)
            if type_ is None:
                continue
            for start, end in split_lines(doc, ent.start, ent.end):
                prev = spans[-1] if spans else None
                if (
                    prev is not None
                    and prev[1] == start
                    and type_ == "Person"
                    and prev[1] - prev[0] == 1
                    and doc[prev[0]].is_alpha
                    and "\n" not in doc[prev[0]].whitespace_
                    and self.gazetteer.lookup_name(doc[prev[0]].text) is None
                ):
                    spans[-1] = (prev[0], end, "Person")
                else:
                    spans.append((start, end, type_))
        return spans

    def _from_gazetteer(self, doc: Doc, hit: GazetteerHit) -> _Cand:
        entry = self.gazetteer.get(hit.key)
        text = doc[hit.start : hit.end].text
        return _Cand(
            hit.start,
            hit.end,
            hit.type,
            entry.name if entry else text,
            "name",
            key=hit.key,
            wikidata=entry.wikidata if entry else None,
            extras={"src": "gaz", "surface": text, "alias": _is_alias(text, entry)},
        )

    def _titled_persons(self, doc: Doc, taken: set[int]) -> list[_Cand]:
        """Names right after a title that NER missed: "le ministre du Numérique Jan Kowal".

        After a title word, skip its qualifiers (demonyms, "de la Défense"), then take a
        run of two or more capitalised words that nothing else claimed.
        """
        found: list[_Cand] = []
        titles = self.lex["person_titles"]
        for token in doc:
            if _fold(token.text) not in titles or not token.is_lower:
                continue
            j, limit = token.i + 1, min(len(doc), token.i + 9)
            while j < limit and (
                doc[j].pos_ == "ADJ"
                or _fold(doc[j].text) in self.lex["title_links"]
                or (j > token.i + 1 and _fold(doc[j - 1].text) in self.lex["title_links"])
            ):
                j += 1
            k = j
            while k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper():
                k += 1
                if "\n" in doc[k - 1].whitespace_:
                    break
            if k - j >= 2 and not any(i in taken for i in range(j, k)):
                found.append(_Cand(j, k, "Person", doc[j:k].text, "name", extras={"src": "title"}))
                taken.update(range(j, k))
        return found

    def _from_ner(self, doc: Doc, start: int, end: int, type_: str) -> _Cand | None:
        """Clean one NER span: articles, titles, demonyms and punctuation off its edges."""
        drop = self.lex["leading_drop"]
        titles = self.lex["person_titles"]
        while start < end:
            token = doc[start]
            word = _fold(token.text)
            if word in drop or token.is_punct or token.is_space:
                # "Le Monde", "Les Républicains": a capitalised article inside a sentence
                # belongs to the name.
                if not (
                    word in _NAME_ARTICLES
                    and token.text[:1].isupper()
                    and _inside_sentence(doc, start)
                    and start + 1 < end
                    and doc[start + 1].text[:1].isupper()
                ):
                    start += 1
                    continue
            elif type_ == "Person" and (
                word in titles
                or (end - start > 2 and demonym_before_name(doc, start, self.gazetteer))
            ):
                start += 1
                continue
            break
        if (
            end - start > 2
            and demonym_before_name(doc, start, self.gazetteer)
            and all(t.text[:1].isupper() for t in doc[start + 1 : end] if t.is_alpha)
        ):
            start, type_ = start + 1, "Person"  # "l'Autrichienne Nadine Fest"
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if type_ == "Person":
            while end - start > 1 and doc[end - 1].is_lower and doc[end - 2].text != "-":
                end -= 1  # "Ban Ki-moon hier"
        if end <= start:
            return None
        if (
            start > 0
            and doc[start - 1].text in _NAME_ARTICLES_CASED
            and _inside_sentence(doc, start - 1)
            and doc[start].text[:1].isupper()
        ):
            start -= 1  # "à La Havane", "selon Le Monde": a capital article is in the name
        if (
            type_ == "Person"
            and start > 0
            and _INITIAL.match(doc[start - 1].text)
            and doc[start - 1].text != "M."
        ):
            start -= 1  # "N. Sarkozy"
        span = doc[start:end]
        first = span[0].text
        if not (first[:1].isupper() or first[:1].isdigit()) or len(span.text.strip(".")) < 2:
            return None  # "ministre du Numérique", "letton de la Défense", "X."
        if type_ == "Person" and not any(t.text[:1].isupper() and t.is_alpha for t in span):
            return None
        if len(span) == 1:
            if looks_like_demonym(doc, start, self.gazetteer):
                return None  # "les Européens", "la Suissesse": people, not a place
            if _fold(first) in self.lex["not_names"]:
                return None  # "État", "Nord", "Vendredi" alone
            if span[0].is_sent_start and span[0].pos_ not in ("PROPN", "X") and type_ != "Person":
                return None  # "Manifestant" opening a sentence
        if (
            type_ != "Person"
            and start > 0
            and doc[start - 1].is_lower
            and _fold(doc[start - 1].text) in self.lex["person_titles"] - _ORDINAL_TITLES
            and self.gazetteer.lookup_name(span.text) is None
        ):
            type_ = "Person"  # "le président Zelenskyy", whatever NER said
        if type_ == "Place" and (
            _fold(first) in self.lex["org_first_words"]
            or _fold(span[:2].text) in self.lex["org_first_words"]
            or _fold(span[-1].text) in self.lex["org_last_words"]
        ):
            type_ = "Organization"  # "Grande Mosquée de Valence", "Splendid Hotel"
        return self._linked(doc, start, end, type_, "ner")

    def _linked(self, doc: Doc, start: int, end: int, type_: str, src: str) -> _Cand:
        """A candidate for ``doc[start:end]``, typed and keyed by the gazetteer if known."""
        span = doc[start:end]
        text = _clean_name(span.text)
        entry = self.gazetteer.lookup_name(text)
        if entry is not None:
            return _Cand(
                start,
                end,
                entry.type,
                entry.name,
                "name",
                key=entry.key,
                wikidata=entry.wikidata,
                extras={"src": "gaz", "surface": text, "alias": _is_alias(text, entry)},
            )
        alias_key = self.lex["nominal_aliases"].get(_fold(text))
        entry = self.gazetteer.get(alias_key) if alias_key else None
        if entry is not None:
            return _Cand(
                start,
                end,
                entry.type,
                entry.name,
                "nominal",
                key=entry.key,
                wikidata=entry.wikidata,
                extras={"src": src},
            )
        return _Cand(start, end, type_, text, "name", extras={"src": src})

    def _acronyms(self, doc: Doc, cands: list[_Cand]) -> None:
        """Acronyms defined in parentheses share the key of the name they abbreviate.

        "l'Organisation mondiale de la santé (OMS)" and "NOAA (National Oceanic …)": the
        acronym, and every later use of it in the document, join the long form.
        """
        by_span = {(c.start, c.end): c for c in cands if c.type != "Person"}
        links = acronym_links(doc, by_span)
        if not links:
            return
        forms: dict[str, _Cand] = {}
        for start, end, target in links:
            acronym = doc[start:end].text
            long_form = target if (target.end - target.start) > 1 else by_span.get((start, end))
            if long_form is None:
                continue
            forms.setdefault(acronym, long_form)
        if not forms:
            return
        covered = {i: c for c in cands for i in range(c.start, c.end)}
        for token in doc:
            target = forms.get(token.text)
            if target is None:
                continue
            cand = covered.get(token.i)
            if cand is None:
                cand = _Cand(token.i, token.i + 1, target.type, target.name, "name")
                cands.append(cand)
            elif (cand.start, cand.end) != (token.i, token.i + 1) or cand is target:
                continue
            cand.type, cand.name, cand.key = target.type, target.name, target.key
            cand.wikidata = target.wikidata
        cands.sort(key=lambda c: c.start)

    def _harmonise(self, cands: list[_Cand]) -> None:
        """One type per name in a document, and surnames of people are people.

        A name that is a person's full name, or a single word that is the surname of
        exactly one person named in full in the document ("François Hollande … Hollande"),
        is that person, whatever NER or a gazetteer *alias* said (a country's own name is
        never re-read as a surname). Other unlinked names take the type NER gave them most
        often in the document.
        """
        persons = {
            _fold(c.name): c.name for c in cands if c.type == "Person" and len(c.name.split()) > 1
        }
        surnames: dict[str, set[str]] = {}
        for full in persons.values():
            surnames.setdefault(_fold(full.split()[-1]), set()).add(full)
        for c in cands:
            if c.type == "Person" or c.kind != "name":
                continue
            if c.extras.get("src") == "gaz" and not c.extras.get("alias"):
                continue
            surface = c.extras.get("surface", c.name)
            folded = _fold(surface)
            if folded in persons:
                names = {persons[folded]}
            else:
                names = surnames.get(folded, set()) if c.end - c.start == 1 else set()
            if len(names) == 1:
                c.type, c.name, c.key, c.wikidata = "Person", surface, None, None
        votes: dict[str, Counter] = {}
        for c in cands:
            if c.key is None and c.extras.get("src") == "ner":
                votes.setdefault(_fold(c.name), Counter())[c.type] += 1
        for c in cands:
            if c.key is None and c.extras.get("src") == "ner":
                counts = votes[_fold(c.name)]
                c.type = max(counts.items(), key=lambda kv: (kv[1], kv[0] == c.type))[0]

    def _link_persons(self, cands: list[_Cand]) -> None:
        """Give persons keys; a surname alone joins the one full name that ends with it."""
        persons = [c for c in cands if c.type == "Person"]
        full = [c for c in persons if len(c.name.split()) > 1]
        by_last: dict[str, set[str]] = {}
        for c in full:
            by_last.setdefault(_fold(c.name.split()[-1]), set()).add(c.name)
        for c in persons:
            if c in full or c.key:
                continue
            names = by_last.get(_fold(c.name), set())
            if len(names) == 1:
                c.name = next(iter(names))
        for c in cands:
            if c.key is None:
                c.key = entity_key(c.type, c.name, c.wikidata)

    def _demonym(self, doc: Doc, hit: GazetteerHit) -> _Cand:
        """ "letton" refers to Latvia: name and Wikidata ID come from the gazetteer."""
        entry = self.gazetteer.get(hit.key)
        name = entry.name if entry else doc[hit.start : hit.end].text
        wikidata = entry.wikidata if entry else None
        return _Cand(hit.start, hit.end, hit.type, name, "demonym", key=hit.key, wikidata=wikidata)

    # -- entity records ---------------------------------------------------------------
    def _entities(self, doc: Doc, cands: list[_Cand]) -> dict[str, Entity]:
        grouped: dict[str, list[_Cand]] = {}
        for c in cands:
            grouped.setdefault(c.key or "", []).append(c)
        entities: dict[str, Entity] = {}
        for key in sorted(grouped):
            group = grouped[key]
            main = _canonical(group)
            surfaces = {
                _clean_name(doc[c.start : c.end].text) for c in group if c.kind != "demonym"
            }
            entities[key] = Entity(
                id=key,
                name=main.name,
                type=main.type,
                wikidata=main.wikidata,
                aliases=tuple(sorted(s for s in surfaces if s and s != main.name)),
                mentions=tuple(
                    Mention(
                        doc[c.start].idx,
                        doc[c.end - 1].idx + len(doc[c.end - 1].text),
                        doc[c.start : c.end].text,
                    )
                    for c in group
                ),
            )
        return entities


def _choose(doc: Doc, gaz: list[_Cand], ner: list[_Cand], patterns: list[_Cand]) -> list[_Cand]:
    """Non-overlapping mentions: longest first; on equal extent gazetteer, pattern, NER.

    A span that strictly contains gazetteer names only wins when it reads as one name
    ("Gendarmerie royale du Canada"), not as a list ("France et Allemagne") or a clause.
    """
    gaz_at = {i: g for g in gaz for i in range(g.start, g.end)}
    pool = list(gaz)
    for c in [*patterns, *ner]:
        inside = {id(g): g for i in range(c.start, c.end) if (g := gaz_at.get(i))}.values()
        if inside and (
            any(g.start < c.start or g.end > c.end for g in inside)
            or any((g.start, g.end) == (c.start, c.end) for g in inside)
            or not _reads_as_one_name(doc, c)
        ):
            continue
        pool.append(c)
    rank = {"gaz": 0, "pattern": 1, "ner": 2, "title": 3}
    pool.sort(key=lambda c: (c.start - c.end, rank.get(c.extras.get("src", ""), 4), c.start))
    taken: set[int] = set()
    chosen: list[_Cand] = []
    for c in pool:
        span = range(c.start, c.end)
        if taken.isdisjoint(span):
            taken.update(span)
            chosen.append(c)
    return chosen


def _reads_as_one_name(doc: Doc, cand: _Cand) -> bool:
    """No coordination, clause or list inside; a person's words are all capitalised."""
    for token in doc[cand.start : cand.end]:
        if token.lower_ in _NOT_IN_NAMES or token.pos_ in ("VERB", "AUX"):
            return False
        if (
            cand.type == "Person"
            and token.is_alpha
            and not token.text[:1].isupper()
            and token.lower_ not in _NAME_PARTICLES
        ):
            return False
    return True


def _inside_sentence(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` follows a word of the same sentence (not a full stop or a line)."""
    if i == 0 or doc[i].is_sent_start:
        return False
    prev = doc[i - 1]
    return prev.is_alpha and "\n" not in prev.whitespace_


def _is_alias(text: str, entry: Any) -> bool:
    """Whether a gazetteer match used an alias that may also be a surname ("Hollande")."""
    return entry is None or (fold(text) != fold(entry.name) and entry.type != "Organization")


def _canonical(group: list[_Cand]) -> _Cand:
    """The candidate whose name represents the entity: named first, then the longest."""
    order = {"name": 0, "nominal": 1, "demonym": 2}
    return min(group, key=lambda c: (order[c.kind], -len(c.name), c.start))
