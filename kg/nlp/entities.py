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
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.gazetteer import load_gazetteer
from kg.ids import entity_key, slugify
from kg.model import Entity, Mention
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
#: Dependencies that end a nominal phrase's name: clauses, appositions, coordination at top.
_NAME_STOP_DEPS = {"acl", "acl:relcl", "relcl", "appos", "advcl", "punct", "parataxis", "dep"}
#: Prepositions whose complements belong to a nominal name ("sommet de …", "accord sur …").
_NAME_CASES = {"de", "du", "des", "d'", "sur"}


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


def _fold(text: str) -> str:
    """Lower-case and strip accents, for tolerant name comparison."""
    norm = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in norm if not unicodedata.combining(c)).replace("’", "'")


@dataclass
class _Cand:
    """A mention being built (mutable while keys are resolved)."""

    start: int
    end: int
    type: str
    name: str
    kind: str
    key: str | None = None
    wikidata: str | None = None
    head: str = ""
    extras: dict[str, Any] = field(default_factory=dict)


@Language.factory(
    "kg_entities",
    default_config={"lang": "fr"},
    requires=["doc.ents", "token.dep", "token.lemma", "doc._.kg_gazetteer"],
    assigns=["doc.ents", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_entity_linker(nlp: Language, name: str, lang: str) -> EntityLinker:
    """spaCy factory for :class:`EntityLinker`."""
    return EntityLinker(lang=lang)


class EntityLinker:
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
        """Gazetteer names first, then cleaned NER spans that do not clash with them."""
        cands: list[_Cand] = []
        taken: set[int] = set()
        for hit in doc._.kg_gazetteer or ():
            if hit.kind != "name":
                continue
            entry = self.gazetteer.get(hit.key)
            cands.append(
                _Cand(
                    hit.start,
                    hit.end,
                    hit.type,
                    entry.name if entry else doc[hit.start : hit.end].text,
                    "name",
                    key=hit.key,
                    wikidata=entry.wikidata if entry else None,
                )
            )
            taken.update(range(hit.start, hit.end))
        for ent in doc.ents:
            cand = self._from_ner(doc, ent, taken)
            if cand is not None:
                cands.append(cand)
                taken.update(range(cand.start, cand.end))
        for cand in self._titled_persons(doc, taken):
            cands.append(cand)
            taken.update(range(cand.start, cand.end))
        return cands

    def _titled_persons(self, doc: Doc, taken: set[int]) -> list[_Cand]:
        """Names right after a title that NER missed: "le ministre du Numérique Jan Kowal".

        After a title word, skip its qualifiers (demonyms, "de la Défense"), then take a
        run of two or more capitalised words that nothing else claimed.
        """
        found: list[_Cand] = []
        titles = self.lex["person_titles"]
        for token in doc:
            if not token.is_lower or _fold(token.text) not in titles:
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
            if k - j >= 2 and not any(i in taken for i in range(j, k)):
                found.append(_Cand(j, k, "Person", doc[j:k].text, "name"))
                taken.update(range(j, k))
        return found

    def _from_ner(self, doc: Doc, ent: Span, taken: set[int]) -> _Cand | None:
        type_ = _NER_TYPES.get(ent.label_)
        if type_ is None:
            return None
        start, end = ent.start, ent.end
        drop = self.lex["leading_drop"]
        titles = self.lex["person_titles"]
        while start < end and (
            _fold(doc[start].text) in drop
            or (type_ == "Person" and _fold(doc[start].text) in titles)
        ):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end <= start:
            return None
        span = doc[start:end]
        first = span[0].text
        if not (first[:1].isupper() or first[:1].isdigit()) or len(span.text.strip(".")) < 2:
            return None  # "ministre du Numérique", "letton de la Défense", "X."
        if type_ == "Person" and not any(t.text[:1].isupper() and t.is_alpha for t in span):
            return None
        if len(span) == 1 and self.gazetteer.lookup_demonym(span.text) is not None:
            return None  # "les Européens", "les Britanniques": people, not a place
        if any(i in taken for i in range(start, end)):
            # A gazetteer name wins, unless NER found a longer organisation name around it
            # ("Parlement européen", "Banque centrale de Russie").
            if not (type_ == "Organization" and _fold(span[0].text) in self.lex["org_name_heads"]):
                return None
            if any(i in taken for i in (start, end - 1)):
                return None
        entry = self.gazetteer.lookup_name(span.text)
        if entry is not None:
            return _Cand(
                start, end, entry.type, entry.name, "name", key=entry.key, wikidata=entry.wikidata
            )
        alias_key = self.lex["nominal_aliases"].get(_fold(span.text))
        if alias_key is not None:
            entry = self.gazetteer.get(alias_key)
            if entry is not None:
                return _Cand(
                    start,
                    end,
                    entry.type,
                    entry.name,
                    "nominal",
                    key=entry.key,
                    wikidata=entry.wikidata,
                )
        return _Cand(start, end, type_, span.text, "name")

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

    # -- nominal mentions -------------------------------------------------------------
    def _nominals(self, doc: Doc, covered: set[int], named: list[_Cand]) -> list[_Cand]:
        """Events, coalitions, agreements and governments found on the parse."""
        doc_scope = slugify(doc._.kg_doc_id) if doc._.kg_doc_id else ""
        named_keys = {c.key for c in named}
        found: list[_Cand] = []
        for token in doc:
            if token.i in covered or token.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = _fold(token.lemma_)
            multi = self._multiword_head(doc, token)
            if multi is not None:
                cand = self._nominal_phrase(doc, token, multi)
            elif lemma in self.lex["government_heads"]:
                cand = self._government(doc, token)
            elif lemma in self._nominal_heads:
                cand = self._nominal_phrase(doc, token, self._nominal_heads[lemma])
            else:
                continue
            if cand is None:
                continue
            alias_key = self.lex["nominal_aliases"].get(_fold(cand.name))
            if alias_key is not None and alias_key in named_keys:
                entry = self.gazetteer.get(alias_key)
                cand.key, cand.type = alias_key, entry.type if entry else "Organization"
                cand.name = entry.name if entry else cand.name
            found.append(cand)
        self._corefer(found, doc_scope)
        return found

    def _multiword_head(self, doc: Doc, token: Token) -> str | None:
        """Type of a multi-word head starting at ``token`` ("Jeux olympiques"), if any."""
        for words, type_ in self._multiword_heads.items():
            end = token.i + len(words)
            if end <= len(doc) and tuple(_fold(t.text) for t in doc[token.i : end]) == words:
                return type_
        return None

    def _government(self, doc: Doc, token: Token) -> _Cand | None:
        """``le gouvernement britannique`` / ``les autorités ukrainiennes`` → that country."""
        for child in token.children:
            if child.dep_ != "amod":
                continue
            entry = self.gazetteer.lookup_demonym(child.text)
            if entry is not None and entry.type == "Country":
                start, end = min(token.i, child.i), max(token.i, child.i) + 1
                return _Cand(
                    start,
                    end,
                    "Country",
                    entry.name,
                    "nominal",
                    key=entry.key,
                    wikidata=entry.wikidata,
                )
        return None

    def _nominal_phrase(self, doc: Doc, head: Token, type_: str) -> _Cand | None:
        """The name of an event/coalition/agreement: head, adjectives and complements.

        Complements kept in the name are ``de``/``sur`` phrases ("sommet *de l'OTAN*",
        "accord *sur l'achat de munitions*"); clauses and places ("prévu à Washington") are
        facts about the thing, not its name.
        """
        keep = {head.i}
        distinct = complement = False
        for child in head.children:
            if child.dep_ == "amod":
                lemma = _fold(child.lemma_)
                if lemma in self.lex["distinct_event_adjectives"]:
                    distinct = True
                    keep.add(child.i)
                elif lemma not in self.lex["name_stop_adjectives"] and child.i > head.i:
                    keep.add(child.i)
            elif child.dep_ in ("nmod", "flat:name", "fixed") and child.i > head.i:
                if child.dep_ == "nmod" and not any(
                    c.dep_ == "case" and _fold(c.lemma_) in _NAME_CASES for c in child.children
                ):
                    continue
                complement = True
                keep.update(self._name_subtree(child))
        start, end = min(keep), max(keep) + 1
        while start < head.i and doc[start].pos_ == "DET":
            start += 1
        return _Cand(
            start,
            end,
            type_,
            _clean_name(doc[start:end].text),
            "nominal",
            head=_fold(head.lemma_),
            extras={
                "distinct": distinct,
                "bare": not complement and not distinct,
                "definite": _is_definite(head),
            },
        )

    def _name_subtree(self, token: Token) -> set[int]:
        out = {token.i}
        for child in token.children:
            if child.dep_ in _NAME_STOP_DEPS or child.dep_.startswith("acl"):
                continue
            out |= self._name_subtree(child)
        return out

    def _corefer(self, found: list[_Cand], doc_scope: str) -> None:
        """Group nominal mentions into chains, then key each chain by its fullest name.

        A mention joins the latest chain with the same head when it adds no complement of
        its own ("la réunion ministérielle", "la même réunion"), or repeats its name. A
        definite, bare organisation head with no such chain ("l'initiative") joins the
        latest organisation chain: articles vary the noun for the thing they discuss.
        """
        chains: list[list[_Cand]] = []
        latest: dict[str, list[_Cand]] = {}
        for cand in found:
            if cand.key is not None:
                continue
            chain = latest.get(cand.head)
            if chain is not None and not (
                cand.extras["bare"]
                or (cand.type == "Organization" and not cand.extras["distinct"])
                or any(_fold(c.name) == _fold(cand.name) for c in chain)
            ):
                chain = None
            if chain is None and cand.type == "Organization" and cand.extras["bare"]:
                chain = next((ch for ch in reversed(chains) if ch[0].type == cand.type), None)
            if chain is None:
                chain = []
                chains.append(chain)
            chain.append(cand)
            latest[cand.head] = chain
        for chain in chains:
            best = max(chain, key=lambda c: (not c.extras["bare"], len(c.name), -c.start))
            key = entity_key(best.type, best.name)
            if doc_scope:
                key = f"{key}@{doc_scope}"
            for cand in chain:
                cand.key, cand.type = key, best.type

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


def _canonical(group: list[_Cand]) -> _Cand:
    """The candidate whose name represents the entity: named first, then the longest."""
    order = {"name": 0, "nominal": 1, "demonym": 2}
    return min(group, key=lambda c: (order[c.kind], -len(c.name), c.start))


def _clean_name(text: str) -> str:
    """Collapse whitespace and strip quotes/punctuation around a name."""
    return " ".join(text.replace("«", " ").replace("»", " ").split()).strip(" ,.;:–-\"'")


def _is_definite(token: Token) -> bool:
    return any(
        c.dep_ == "det" and c.lemma_.lower() in ("le", "ce", "cette", "son", "sa")
        for c in token.children
    )
