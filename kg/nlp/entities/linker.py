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
Choosing among candidates and linking persons live in :mod:`kg.nlp.entities.names`; span
rules in :mod:`kg.nlp.entities.spans`; nominal mentions in :mod:`kg.nlp.entities.nominals`;
NER spans cut and rejoined in :mod:`kg.nlp.entities.ner_pieces`; candidates linked to the
gazetteer in :mod:`kg.nlp.entities.candidates`.

NER cleaning also follows conventions measured on WiNER (``benchmarks/eval_entities.py``):
web services named alone ("YouTube", ``product_names``) are products, not organisations;
an event series before a place is not part of it ("Ironman *France*", "WTS *Yokohama*");
a name opening with a common first name (``first_names.json``) or ending like a surname
("-ović", "-enko") is a person whatever NER said; a tournament group ("Groupe C") is no
organisation.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, partial
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.ids import article_scope
from kg.lang import fold as _fold
from kg.lang import has_data, lang_data, load_data
from kg.lang.gazetteer import GAZETTEER_DATA, gazetteer_from_data, load_gazetteer
from kg.lang.geo import load_geo
from kg.lang.words import Words, load_words
from kg.nlp.component import LangComponent
from kg.nlp.entities.bodies import UnnamedBodies, scope_generic_names
from kg.nlp.entities.candidates import CandidateLinking
from kg.nlp.entities.defined import acronym_defined_names, drop_defined_things
from kg.nlp.entities.described import DescribedOrganizations
from kg.nlp.entities.event_names import EventNames, drop_event_places, event_places
from kg.nlp.entities.geopoints import locate_places
from kg.nlp.entities.institutions import (
    department_names,
    scope_ministries,
    unlink_foreign_institutions,
)
from kg.nlp.entities.names import (
    choose,
    entity_records,
    harmonise,
    link_acronyms,
    lowercase_repeats,
    persons_over_patterns,
    surname_mentions,
)
from kg.nlp.entities.ner import NerSpans
from kg.nlp.entities.ner_pieces import NerPieces
from kg.nlp.entities.nominals import MentionCandidate, NominalMentions
from kg.nlp.entities.persons import link_persons, titled_persons
from kg.nlp.entities.quoted import quoted_names
from kg.nlp.entities.spans import pattern_spans
from kg.nlp.entities.things import NonAgents, designation_code, menu_item
from kg.nlp.extensions import TokenMention, doc_text, register_extensions

__all__ = [
    "LINKER_DATA",
    "EntityLinker",
    "entity_lexicon",
    "load_entity_lexicon",
    "load_first_names",
]

_ENT_LABELS = {
    "Person": "PER",
    "Country": "LOC",
    "Place": "LOC",
    "Organization": "ORG",
    "Event": "EVENT",
    "Agreement": "MISC",
}


@cache
def load_entity_lexicon(lang: str = "fr") -> dict[str, Any]:
    """Load ``kg/lang/<lang>/entities.json`` once; sets for membership tests."""
    return entity_lexicon(load_data(lang, "entities"))


def entity_lexicon(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Compile an entity lexicon (the shape of ``entities.json``) for lookups."""
    # Every word list is folded (lower case, no accents, straight apostrophe), and so is
    # every word compared with it.
    lex: dict[str, Any] = {k: {_fold(w) for w in v} for k, v in raw.items() if isinstance(v, list)}
    # Known event names are matched on the text as written (accents, upper case).
    lex["event_names"] = sorted(
        {
            n
            for kind, names in raw.get("event_names", {}).items()
            if kind != "_comment"
            for n in names
        },
        key=len,
        reverse=True,
    )
    # Country words that close a department's name ("Santé Canada"), matched as written.
    lex["department_suffixes"] = frozenset(raw.get("department_suffixes", ()))
    # The word for a ministry, folded: its name may join several portfolios (spans.py).
    lex["ministry_head"] = _fold(raw.get("ministry_head", ""))
    lex["event_start_words"] = sorted(raw.get("event_name_starts", ()), key=len, reverse=True)
    lex["nominal_aliases"] = {
        alias: key for key, aliases in raw["nominal_aliases"].items() for alias in aliases
    }
    return lex


@cache
def load_first_names(lang: str = "fr") -> frozenset[str]:
    """Common first names from ``kg/lang/<lang>/first_names.json`` (as written)."""
    if not has_data(lang, "first_names"):
        return frozenset()
    return frozenset(load_data(lang, "first_names")["names"])


@Language.factory(
    "kg_entities",
    requires=[
        "doc.ents",
        "token.dep",
        "token.head",
        "token.lemma",
        "token.pos",
        "token.is_sent_start",
        "doc._.kg_gazetteer",
    ],
    assigns=["doc.ents", "doc._.kg_mentions", "doc._.kg_entities"],
)
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    """spaCy factory for :class:`EntityLinker`, for ``nlp.lang``."""
    return EntityLinker(lang=nlp.lang)


#: The language data the linker is built from (and saves with the pipeline).
LINKER_DATA: tuple[str, ...] = ("entities", "words", "first_names", "things", *GAZETTEER_DATA)


class EntityLinker(CandidateLinking, NerPieces, LangComponent):
    """Merge NER, gazetteer and nominal mentions into canonical document entities.

    Built from the language's data (``data`` overrides any file of :data:`LINKER_DATA`, as
    parsed JSON), saved with the pipeline by ``to_disk`` and rebuilt by ``from_disk``.
    """

    DATA = LINKER_DATA

    def __init__(self, *, lang: str = "fr", data: Mapping[str, Any] | None = None) -> None:
        register_extensions()
        self.lang = lang
        self._build(data)

    def _build(self, data: Mapping[str, Any] | None) -> None:
        lang = self.lang
        self.data = lang_data(lang, self.DATA, data)
        if data is None:  # kg's own data: the per-process caches
            self.lex = load_entity_lexicon(lang)
            self.words = load_words(lang)
            self.gazetteer = load_gazetteer(lang)
            self.first_names = load_first_names(lang)
        else:
            self.lex = entity_lexicon(self.data["entities"])
            self.words = Words(lang, self.data["words"])
            self.gazetteer = gazetteer_from_data(lang, self.data)
            self.first_names = frozenset(self.data.get("first_names", {}).get("names", ()))
        self._events = EventNames(self.lex, self.words)
        self.nominals = NominalMentions(self.lex, self.words, self.gazetteer)
        self.ner = NerSpans(self.lex, self.words, self.gazetteer, self.first_names)
        lex = self.lex
        self._body_words = frozenset(
            lex["org_name_heads"] | lex["org_pattern_heads"] | lex["org_quoted_heads"]
        )
        self._kind_words = frozenset(
            self.lex["org_first_words"]
            | self.lex["org_pattern_heads"]
            | self.lex["place_pattern_heads"]
            | self.lex["org_name_heads"]
        )
        # The GeoNames/ISO index is kg's shipped data, not part of the component's own copy:
        # it only confirms that a capitalised word after a body noun is a place.
        self.things = NonAgents(self.data.get("things"), self.words["genitive"])
        self.described = DescribedOrganizations(self.lex, self.words)
        self.bodies = UnnamedBodies(
            self.lex, self.words, self.gazetteer, partial(load_geo, lang), self._linked
        )

    def __call__(self, doc: Doc) -> Doc:
        named = self._named(doc)
        covered = {i for c in named for i in range(c.start, c.end)}
        nominal = self.nominals.find(doc, covered, named)
        places = {c.start: (c.end, c.key) for c in named if c.type in ("Place", "Country")}
        taken = covered | {i for c in nominal for i in range(c.start, c.end)}
        nominal += self.bodies.find(doc, taken, places)
        taken |= {i for c in nominal for i in range(c.start, c.end)}
        nominal += self.described.find(doc, taken)
        demonyms = [
            self._demonym(doc, h)
            for h in doc._.kg_gazetteer or ()
            if h.kind == "demonym" and h.start not in covered
        ]
        link_persons(named)
        scope = None if doc._.kg_doc_id is None else article_scope(doc._.kg_doc_id)
        generic = self.lex["generic_names"] | self.lex["org_name_heads"]
        unlink_foreign_institutions(
            doc, named, gazetteer=self.gazetteer, generic=generic, scope=scope, lang=self.lang
        )
        if scope is not None:
            scope_generic_names(named, generic, scope, self.lang)
        # "ministre de la *Justice*": the portfolio names this article's ministry.
        plural = scope_ministries(
            doc,
            named,
            scope=scope,
            head=self.data["entities"]["ministry_head"],
            links=self.ner.links,
            is_portfolio=self._portfolio_word,
            gazetteer=self.gazetteer,
        )
        named = [c for c in named if all(c is not p for p in plural)]
        graph_named = list(named)
        graph_named += self.bodies.places_inside(doc, graph_named)
        cands = sorted(
            graph_named + nominal + demonyms, key=lambda c: (c.start, -c.end, c.key or "")
        )
        doc._.kg_mentions = [TokenMention(c.start, c.end, c.key, c.type, c.kind) for c in cands]
        doc._.kg_entities = locate_places(
            entity_records(doc, cands), self.gazetteer, partial(load_geo, self.lang)
        )
        spans = [
            Span(
                doc,
                c.start,
                c.end,
                label=c.extras.get("ner_label") or _ENT_LABELS[c.type],
                kb_id=c.key or "",
            )
            for c in named
            if c.kind == "name" and not c.extras.get("repeat")
        ]
        doc.ents = filter_spans(spans)
        return doc

    # -- named mentions ---------------------------------------------------------------
    def _named(self, doc: Doc) -> list[MentionCandidate]:
        """Gazetteer, NER and pattern names, reconciled into non-overlapping mentions.

        Longer names win over the names inside them ("Grande mosquée de *Paris*",
        "François *Hollande*") when they look like one name (no coordination, no verb);
        for spans of equal extent the gazetteer wins, then patterns, then NER.
        """
        gaz = [self._from_gazetteer(doc, h) for h in doc._.kg_gazetteer or () if h.kind == "name"]
        ner: list[MentionCandidate] = []
        known = {h.start: h.end for h in doc._.kg_gazetteer or () if h.kind == "name"}
        for start, end, type_ in self._ner_spans(doc, known):
            cand = self._from_ner(doc, start, end, type_)
            if cand is not None:
                ner.append(cand)
        patterns = [
            self._pattern(doc, start, end, type_)
            for span in pattern_spans(doc, self.lex, self.gazetteer, self.words)
            for start, end, type_ in self._title_body_split(doc, *span, known)
        ]
        for start, end, type_ in quoted_names(doc, self.lex, self.words):
            patterns.append(self._pattern(doc, start, end, type_))
            patterns[-1].extras["quoted"] = True  # its marks delimit it: one name
        patterns += [
            self._pattern(doc, start, end, type_)
            for start, end, type_ in acronym_defined_names(doc, self.lex, self.words)
        ]
        for start, end in department_names(
            doc, self.lex["department_suffixes"], self.words["coordinators"], self.gazetteer
        ):
            patterns.append(self._pattern(doc, start, end, "Organization"))
            patterns[-1].extras["whole"] = True  # "Pêches et Océans Canada": one name
        patterns = persons_over_patterns(doc, patterns, ner, self.first_names)
        # Web services named alone ("YouTube") are products in the NER layer but stay
        # organisations in the graph (the company is what researchers follow).
        products = self.lex["product_names"]
        for cand in (*gaz, *ner, *patterns):
            if _fold(doc[cand.start : cand.end].text) in products:
                cand.extras["ner_label"] = "MISC"
        text = doc_text(doc)
        events = self._events.spans(doc, text)
        gaz = drop_event_places(gaz, events)
        ner = drop_event_places(ner, events)
        # "Roland-Garros", "Euro 2012", "l'opération Serval": names shaped as events are
        # events, whatever NER typed them.
        patterns += [
            self._pattern(doc, start, end, "Event")
            for start, end in self._events.named(doc, text)
            if not self._maker_model(doc, start, end)
        ]
        chosen = [self._kind_noun_off(doc, c) for c in choose(doc, gaz, ner, patterns, self.words)]
        chosen += event_places(chosen, gaz + ner)
        if self.things:
            chosen = [
                c for c in chosen if c.wikidata or not self.things.is_thing(doc, c.start, c.end)
            ]
        chosen = [c for c in chosen if not menu_item(doc, c.start, c.end, products)]
        chosen = [  # "le Canadair CL-415", "en PT1": designations, not organisations
            c
            for c in chosen
            if c.type != "Organization"
            or c.extras.get("src") == "gaz"
            or not designation_code(doc, c.start, c.end)
        ]
        chosen = drop_defined_things(doc, chosen, self._body_words)  # "un sous-marin (SLBM)"
        taken = {i for c in chosen for i in range(c.start, c.end)}
        chosen += titled_persons(doc, taken, self.lex, self.ner.links, self.first_names)
        chosen.sort(key=lambda c: c.start)
        link_acronyms(doc, chosen)
        chosen += surname_mentions(doc, chosen, self.gazetteer, text)
        chosen += lowercase_repeats(doc, chosen, text)
        chosen.sort(key=lambda c: c.start)
        harmonise(chosen)
        return chosen
