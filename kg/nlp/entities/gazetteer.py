"""The ``kg_gazetteer`` spaCy component: finds known countries, organisations, places and demonyms.

Why a PhraseMatcher over the bundled gazetteer (:mod:`kg.lang.gazetteer`) rather than an
EntityRuler: we do not want to overwrite ``doc.ents`` here (``kg_entities`` reconciles NER and
gazetteer later), and the hits must be plain, picklable records (``doc._.kg_gazetteer``).

Matching rules, each against a known false positive:

- Names match on ``LOWER`` with patterns tokenised by ``nlp.make_doc`` (so "Royaume-Uni" or
  "l’OTAN" split the same way in patterns and text), in accented and unaccented, straight- and
  curly-apostrophe variants. A name written with capitals must show them in the text, so
  "suède" (the leather) is not Sweden; capitals after the first word are the ones checked,
  so "Le monde entier" opening a sentence is not the newspaper *Le Monde*.
- Acronyms ("UE", "US", "ONU") match case-sensitively on ``ORTH``: "ue" or "us" never match.
- Aliases that are also first names ("Salvador", "Maurice", "Dominique") only match after the
  tokens the data lists ("le Salvador", "l'île Maurice", "la Dominique").
- Overlaps keep the longest span ("Guinée-Bissau" over "Guinée"); a French article is never
  part of a hit because no pattern starts with one.
- Demonyms ("letton", "ukrainiennes") are reported with kind ``demonym`` unless they sit
  inside a name ("République tchèque").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.lang import lang_data
from kg.lang.fold import strip_accents
from kg.lang.gazetteer import (
    GAZETTEER_DATA,
    TYPE_PRIORITY,
    Gazetteer,
    GazetteerEntry,
    gazetteer_from_data,
    load_gazetteer,
)
from kg.nlp.component import LangComponent
from kg.nlp.extensions import TokenMention, register_extensions

__all__ = ["GazetteerComponent", "make_gazetteer"]


@dataclass(frozen=True, slots=True)
class _Rule:
    """What a matcher label means and the checks a match must pass."""

    key: str
    type: str
    kind: str
    capitals: tuple[int, ...]
    requires_before: frozenset[str] | None


@Language.factory(
    "kg_gazetteer",
    requires=[],  # token text only: nothing a pipe assigns
    assigns=["doc._.kg_gazetteer"],
)
def make_gazetteer(nlp: Language, name: str) -> GazetteerComponent:
    """Build the component for ``nlp.lang`` (``nlp.add_pipe("kg_gazetteer")``)."""
    return GazetteerComponent(nlp, name, lang=nlp.lang)


class GazetteerComponent(LangComponent):
    """Annotates ``doc._.kg_gazetteer`` with a sorted ``list[TokenMention]``.

    All matchers are built once here; ``__call__`` only runs them and filters the results,
    because the component runs on every document.
    """

    DATA = GAZETTEER_DATA

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_gazetteer",
        *,
        lang: str = "fr",
        data: Mapping[str, Any] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = lang
        self._nlp = nlp
        self._build(data)

    def _build(self, data: Mapping[str, Any] | None) -> None:
        """Compile the matchers from ``data`` (the gazetteer files; kg's own when None)."""
        nlp = self._nlp
        #: The data this component was built from: what ``to_disk`` saves.
        self.data = lang_data(self.lang, self.DATA, data)
        self.gazetteer: Gazetteer = (
            load_gazetteer(self.lang) if data is None else gazetteer_from_data(self.lang, self.data)
        )
        self._names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._demonyms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._rules: dict[int, _Rule] = {}
        for entry in self.gazetteer.entries:
            self._add_entry(nlp, entry)

    def _label(self, nlp: Language, rule: _Rule) -> str:
        """Register ``rule`` under a unique matcher label and return the label."""
        guard = ",".join(sorted(rule.requires_before or ()))
        caps = ".".join(map(str, rule.capitals))
        label = f"{rule.kind}|{rule.key}|{caps}|{guard}"
        self._rules[nlp.vocab.strings.add(label)] = rule
        return label

    def _add_entry(self, nlp: Language, entry: GazetteerEntry) -> None:
        guards = dict(entry.requires_before)
        acronyms = set(entry.acronyms)
        groups: dict[tuple[tuple[int, ...], tuple[str, ...] | None], set[str]] = {}
        for surface in entry.names:
            if surface in acronyms:
                continue
            guard = guards.get(surface)
            capitals = _capitals(nlp, surface)
            groups.setdefault((capitals, guard), set()).update(_variants(surface))
        for (capitals, guard), texts in sorted(groups.items(), key=repr):
            rule = _Rule(
                entry.key, entry.type, "name", capitals, frozenset(guard) if guard else None
            )
            self._names.add(self._label(nlp, rule), _docs(nlp, texts))
        if acronyms:
            rule = _Rule(entry.key, entry.type, "name", (), None)
            texts = {v for a in acronyms for v in _variants(a, fold_case=False)}
            self._acronyms.add(self._label(nlp, rule), _docs(nlp, texts))
        if entry.demonyms:
            rule = _Rule(entry.key, entry.type, "demonym", (), None)
            texts = {v for d in entry.demonyms for v in _variants(d)}
            self._demonyms.add(self._label(nlp, rule), _docs(nlp, texts))

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.kg_gazetteer``; the doc is otherwise untouched."""
        register_extensions()
        candidates = []
        for match_id, start, end in [*self._names(doc), *self._acronyms(doc)]:
            rule = self._rules[match_id]
            if self._accepts(doc, rule, start, end):
                candidates.append((start, end, rule))
        names = _longest(candidates)
        covered = {i for hit in names for i in range(hit.start, hit.end)}
        demonyms = {
            TokenMention(start, end, rule.key, rule.type, "demonym")
            for match_id, start, end in self._demonyms(doc)
            if (rule := self._rules[match_id]) and not covered.intersection(range(start, end))
        }
        doc._.kg_gazetteer = sorted(
            [*names, *demonyms], key=lambda h: (h.start, h.end, h.kind, h.key)
        )
        return doc

    @staticmethod
    def _accepts(doc: Doc, rule: _Rule, start: int, end: int) -> bool:
        """Apply the capitalisation and preceding-word checks to one raw match."""
        for i in rule.capitals:
            if start + i >= end or not doc[start + i].text[:1].isupper():
                return False
        if rule.requires_before is not None:
            return start > 0 and doc[start - 1].lower_ in rule.requires_before
        return True

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of docs (spaCy's batch interface; nothing to batch here)."""
        for doc in stream:
            yield self(doc)


def _capitals(nlp: Language, surface: str) -> tuple[int, ...]:
    """Token positions that must be capitalised in text for ``surface`` to match.

    A capital after the first word is the real evidence ("Le *Monde*", "Maison *Blanche*")
    since the first word may be capitalised only because it opens a sentence ("Le monde
    entier…"); a name capitalised only on its first word needs that capital ("Suède").
    """
    words = [t.text for t in nlp.make_doc(surface)]
    caps = [i for i, w in enumerate(words) if w[:1].isupper()]
    return tuple(i for i in caps if i > 0) or tuple(caps[:1])


def _longest(candidates: list[tuple[int, int, _Rule]]) -> list[TokenMention]:
    """Keep non-overlapping matches, longest first, then leftmost, then by type priority."""
    ranked = sorted(
        candidates,
        key=lambda c: (c[0] - c[1], c[0], TYPE_PRIORITY.get(c[2].type, 9), c[2].key),
    )
    taken: set[int] = set()
    hits: list[TokenMention] = []
    for start, end, rule in ranked:
        span = range(start, end)
        if taken.isdisjoint(span):
            taken.update(span)
            hits.append(TokenMention(start, end, rule.key, rule.type, "name"))
    return hits


def _variants(text: str, *, fold_case: bool = True) -> set[str]:
    """Spelling variants seen in news: curly vs straight apostrophe, with or without accents."""
    out = {text, text.replace("'", "’"), text.replace("’", "'")}
    stripped = {strip_accents(t) for t in out}
    out |= stripped
    if fold_case:
        out |= {t.lower() for t in out}
    return out


def _docs(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """Tokenise patterns exactly like documents (``make_doc``), so splits agree."""
    return [nlp.make_doc(t) for t in sorted(texts)]
