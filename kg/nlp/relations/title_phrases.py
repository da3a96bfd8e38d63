"""The phrase of a title: its bearer, the bodies or countries it is held for, its portfolio.

Why apart: "le ministre letton de la Défense, X" is read by a surface scan after the title
word (the parser misattaches names there), with its own stops (a comma, a second role, a
demonstrative); whether the title word is a title at all is
:mod:`kg.nlp.relations.title_guards`' question. A mixin of
:class:`kg.nlp.relations.titles.TitlePatterns`, which compiles these attributes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.bearers import Bearers
from kg.nlp.relations.holders import APOSTROPHES, bracketed, passing_mark
from kg.nlp.syntax import Syntax

__all__ = ["TitlePhrases"]


class TitlePhrases:
    """Mixin of :class:`kg.nlp.relations.titles.TitlePatterns`: reading a title's phrase."""

    case_aliases: dict[str, str]
    title_window: int
    title_honorifics: frozenset[str]
    title_stop_pos: frozenset[str]
    former_after: frozenset[str]
    portfolios: frozenset[str]
    bearers: Bearers

    def holder_case(self, mention: TokenMention, doc: Doc) -> str:
        """The preposition before a holder ("de" in "l'ambassadeur *de* France"), else ""."""
        j = mention.start - 1
        while j >= 0 and (doc[j].pos_ == "DET" or doc[j].text in APOSTROPHES):
            j -= 1
        if j < 0 or doc[j].pos_ != "ADP":
            return ""
        word = fold_lexeme(doc[j].text)
        return self.case_aliases.get(word, word)

    def phrase(
        self, title: Token, end: int, syn: Syntax, bearers: frozenset[str] = frozenset({"Person"})
    ) -> tuple[TokenMention | None, list[TokenMention], str]:
        """Read "le ministre letton de la Défense, X": (person, country/org mentions, portfolio)."""
        doc = title.doc
        index = syn.index
        person = None
        container = index.covering(title.i)
        while container is not None and container.type != "Person":
            container = None
        if container is not None:
            person = container
        holders: list[TokenMention] = []
        portfolio: list[Token] = []
        in_portfolio = True
        i = end
        limit = min(end + self.title_window, title.sent.end)
        # "le président de la *République tunisienne*": a country named across the title's end.
        across = index.covering(end - 1) if end > title.i + 1 else None
        if across is not None and across.type == "Country" and across.end > end:
            holders.append(across)
            i = across.end
        while i < limit:
            tok = doc[i]
            starting = [m for m in index.starts.get(i, ()) if person is None or m != person]
            found_person = next((m for m in starting if m.type == "Person"), None)
            if found_person is not None and person is None:
                # "le premier ministre d'Hosni Moubarak": a person after "de" is whom the
                # bearer serves, not the bearer.
                if self.holder_case(found_person, doc) != syn.genitive:
                    person = found_person
                break
            other = next((m for m in starting if m.type != "Person"), None)
            if other is not None:
                holders.append(other)
                words = doc[other.start : other.end]
                if in_portfolio and fold_lexeme(words.text) in self.portfolios:
                    # "ministre espagnole de la *Santé*": the ministry the entity layer
                    # names from the portfolio is still the title's portfolio.
                    portfolio.extend(words)
                # "ministre *letton* de la Défense": a demonym does not end the portfolio.
                in_portfolio = in_portfolio and other.kind == "demonym"
                i = other.end
                continue
            if tok.text == ",":
                j = i + 1
                # "…, Mme Fatou Diallo", "…, le général X": an honorific before the name.
                if (
                    j + 1 < limit
                    and doc[j].pos_ == "DET"
                    and fold_lexeme(doc[j + 1].text) in self.title_honorifics
                ):
                    j += 1
                while j < limit and fold_lexeme(doc[j].text) in self.title_honorifics:
                    j += 1
                nxt = next((m for m in index.starts.get(j, ()) if m.type == "Person"), None)
                if nxt is not None and person is None:
                    person = nxt
                break
            # "maire de *cette* commune du département de X": the body is the one named
            # before, not a name further on.
            if tok.pos_ == "DET" and "Dem" in tok.morph.get("PronType") and not holders:
                break
            # "le maire (PS) de Lille", "de Lille (Nord),": a bracketed name ends no phrase.
            inner = bracketed(i, syn)
            if inner is not None:
                i = inner.end + 1
                continue
            # "le président égyptien *déchu* X": a participle of a lost office; "le
            # président *élu* X": a participle on the title itself.
            if fold_lexeme(tok.text) in self.former_after or (
                tok.pos_ == "VERB"
                and tok.is_lower
                and tok.head.i == title.i
                and tok.dep_ in {ud.AMOD, ud.ACL}
                and "Part" in tok.morph.get("VerbForm")
                and not list(tok.children)
            ):
                i += 1
                continue
            if passing_mark(i, syn):  # "de l’ OIM", "de l'association « Terre vive »"
                i += 1
                continue
            if tok.pos_ in self.title_stop_pos or tok.is_punct or tok.is_space:
                break
            # "responsable de X et spécialiste de Y": a second role ends the first one.
            if tok.pos_ == "CCONJ" and i + 1 < limit and doc[i + 1].pos_ == "NOUN":
                break
            if in_portfolio and tok.pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ"}:
                if portfolio or tok.pos_ != "CCONJ":
                    portfolio.append(tok)
            elif tok.pos_ not in {"ADP", "DET"}:
                in_portfolio = False
            i += 1
        if person is None:
            person = self.bearers.before(title, syn, bearers)
        if person is None:
            person = self.bearers.by_tree(title, syn)
        while portfolio and portfolio[-1].pos_ == "CCONJ":
            portfolio.pop()
        return person, holders, " ".join(t.text for t in portfolio)
