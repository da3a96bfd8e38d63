"""Offices handed out ("le portefeuille de la Justice revient à X") and the article's country.

Why a frame of its own: a cabinet line-up states ``ministerOf`` without the word "ministre"
before the name: the office is the theme of an allocation verb ("confier", "revenir à",
"recevoir", "récupérer") and the minister its recipient. The office is an office noun with
its portfolio ("le poste de ministre des Finances", "le ministère de l'Intérieur"), a bare
portfolio ("X reçoit la Défense") or a pronoun standing for one ("celui de la Justice"); a bare
noun counts only if the lexicon lists it as a portfolio, so "X reçoit des drones" is nothing.

The country is the one named in the office phrase ("le ministère grec de la Défense"), else
the article's headline country (:func:`headline_country`), as a reader does with a Wikinews
line-up headed "Grèce : …". The verbs, office nouns and portfolios live in the ``allocation``
entry of ``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.syntax import MentionIndex, RelationCandidate, Syntax

__all__ = ["Allocation", "headline_country"]

#: Dependents that belong to an office's portfolio phrase ("Réforme *de l'administration*").
_PHRASE_DEPS = frozenset(
    {ud.AMOD, ud.CASE, ud.DET, ud.NMOD, ud.FLAT, ud.FLAT_NAME, ud.FIXED, ud.CC}
)
_HEADLINE_ENDS = frozenset(".!?…")
_HEADLINE_MAX_CHARS = 200


def headline_country(doc: Doc, index: MentionIndex) -> TokenMention | None:
    """The country an article's headline names ("Grèce : le nouveau gouvernement …").

    A headline is a first line followed by more text and not ending as a sentence does; its
    first country named (not a national adjective) is the article's country. A text that
    opens with an ordinary sentence has none.
    """
    text = doc_text(doc)
    cut = text.find("\n")
    first = text[:cut].strip() if cut != -1 else ""
    if not first or len(first) > _HEADLINE_MAX_CHARS or first[-1] in _HEADLINE_ENDS:
        return None
    if not text[cut:].strip():
        return None
    end = text.index(first) + len(first)
    for mention in index.mentions:
        if mention.type == "Country" and mention.kind == "name" and doc[mention.start].idx < end:
            return mention
    return None


class Allocation:
    """``ministerOf`` from verbs that hand out a ministry, compiled once from the lexicon."""

    def __init__(self, lex: dict[str, Any]) -> None:
        self.verbs: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for spec in lex.get("frames", ()):
            slots = (frozenset(spec["office"]), frozenset(spec["holder"]))
            for lemma in spec["lemmas"]:
                self.verbs.setdefault(fold_lexeme(lemma), []).append(slots)
        self.office_nouns = frozenset(fold_lexeme(w) for w in lex.get("office_nouns", ()))
        self.office_titles = frozenset(fold_lexeme(w) for w in lex.get("office_titles", ()))
        self.pronouns = frozenset(fold_lexeme(w) for w in lex.get("pronouns", ()))
        self.portfolios = frozenset(fold_lexeme(w) for w in lex.get("portfolios", ()))

    def candidates(
        self, verb: Token, lemma: str, syn: Syntax, country: TokenMention | None
    ) -> Iterator[RelationCandidate]:
        """ "Le ministère de la Justice revient à X" -> X ministerOf (country), portfolio."""
        for office_slots, holder_slots in self.verbs.get(lemma, ()):
            people = [m for t in syn.arguments(verb, holder_slots) for m in self._people(t, syn)]
            if not people:
                continue
            for office in syn.arguments(verb, office_slots):
                portfolio = self.portfolio(office, syn)
                if portfolio is None:
                    continue
                attrs: dict[str, Any] = {"portfolio": portfolio}
                holder = self._country_in(office, syn)
                if holder is None:
                    holder, attrs["country_inferred"] = country, True
                if holder is None:
                    continue
                for person in people:
                    yield RelationCandidate(person, "ministerOf", holder, verb, dict(attrs))

    def _people(self, token: Token, syn: Syntax) -> list[TokenMention]:
        """The persons at ``token``; "au conservateur X": the name after a role noun."""
        people = syn.mentions_of(token, frozenset({"Person"}))
        if people:
            return people
        for child in token.children:
            if child.dep_ in {ud.APPOS, ud.FLAT, ud.FLAT_NAME, ud.NMOD} and child.i > token.i:
                mention = syn.index.covering(child.i)
                if mention is not None and mention.type == "Person":
                    return [mention]
        return []

    def _genitive(self, token: Token, syn: Syntax) -> Token | None:
        return next(
            (
                c
                for c in token.children
                if c.dep_.startswith(ud.NMOD) and syn.case_of(c) == syn.genitive and c.i > token.i
            ),
            None,
        )

    def portfolio(self, office: Token, syn: Syntax) -> str | None:
        """The portfolio an office token names, or None when it names no ministry."""
        lemma = fold_lexeme(office.lemma_)
        if lemma in self.office_nouns:
            target = self._genitive(office, syn)
            # "le poste de ministre des Finances": through the title to its portfolio;
            # "le poste de Premier ministre" (a modified title) is not a ministry.
            if target is not None and fold_lexeme(target.lemma_) in self.office_titles:
                if any(c.dep_ == ud.AMOD and c.i < target.i for c in target.children):
                    return None
                target = self._genitive(target, syn)
            return None if target is None else _phrase_text(target)
        if lemma in self.pronouns:
            target = self._genitive(office, syn)
            text = None if target is None else _phrase_text(target)
        else:
            text = _phrase_text(office)
        return text if text is not None and fold_lexeme(text) in self.portfolios else None

    def _country_in(self, office: Token, syn: Syntax) -> TokenMention | None:
        for token in office.subtree:
            mention = syn.index.covering(token.i)
            if mention is not None and mention.type == "Country":
                return mention
        return None


def _phrase_text(token: Token) -> str | None:
    """ "de la Réforme de l'administration" -> "Réforme de l'administration"."""
    kept = [token]
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in _PHRASE_DEPS or child.dep_.startswith(ud.NMOD):
                kept.append(child)
                stack.append(child)
    kept.sort(key=lambda t: t.i)
    while kept and kept[0].pos_ in {"ADP", "DET"}:
        kept.pop(0)
    if not kept:
        return None
    doc = token.doc
    first, last = kept[0].i, kept[-1].i
    if last - first + 1 != len(kept):
        # A gap (a relative clause inside the phrase): keep the part up to the gap.
        last = next(
            (t.i - 1 for prev, t in pairwise(kept) if t.i != prev.i + 1),
            last,
        )
    return doc[first : last + 1].text
