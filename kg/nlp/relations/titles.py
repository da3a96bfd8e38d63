"""Title patterns: "le président ukrainien X", "X, ministre belge des Affaires étrangères".

Why surface scans around the title word: appositions and names after titles are where the
French parser errs most ("la ministre française des Armées Claire Dubois" attaches the name
to "Armées"), while the words between a title and its bearer are few and predictable
(adjectives, "de la Défense", a comma). The title lexicon (with the predicate each title
licenses) lives in ``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["TitlePatterns"]

_WORDS = re.compile(r"\w+'|\w+|[^\w\s]")


class TitlePatterns:
    """``headOf`` / ``ministerOf`` from titles, compiled once from the lexicon."""

    def __init__(self, lex: dict[str, Any]) -> None:
        self.titles: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}
        for spec in lex["titles"]:
            words = tuple(_WORDS.findall(fold_lexeme(spec["words"])))
            self.titles.setdefault(words[0], []).append((words, spec))
        for entries in self.titles.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.title_blockers = frozenset(fold_lexeme(w) for w in lex.get("title_blockers", ()))
        self.title_stop_pos = frozenset(lex["title_stop_pos"])
        self.title_window = int(lex["title_window"])
        self.title_verbs = frozenset(fold_lexeme(w) for w in lex.get("title_verbs", ()))

    def match(self, token: Token) -> tuple[tuple[str, ...], dict[str, Any]] | None:
        """The longest title starting at ``token`` ("secrétaire général" before "secrétaire")."""
        doc = token.doc
        entries = self.titles.get(fold_lexeme(token.text), ()) or self.titles.get(
            fold_lexeme(token.lemma_), ()
        )
        for words, spec in entries:
            got = tuple(fold_lexeme(t.text) for t in doc[token.i : token.i + len(words)])
            if got == words or (len(words) == 1 and fold_lexeme(token.lemma_) == words[0]):
                return words, spec
        return None

    def blocked(self, token: Token, end: int) -> bool:
        """Plural, former, deputy or future titles ("ancien président", "adjoint") state no role."""
        doc = token.doc
        if "Plur" in token.morph.get("Number"):
            return True
        if token.i > 0 and fold_lexeme(doc[token.i - 1].text) in self.title_blockers:
            return True
        return end < len(doc) and fold_lexeme(doc[end].text) in self.title_blockers

    def candidates(
        self, token: Token, match: tuple[tuple[str, ...], dict[str, Any]], syn: Syntax
    ) -> Iterator[RelationCandidate]:
        """Yield the title fact at ``token`` (``match`` from :meth:`match`) if it has a bearer."""
        words, spec = match
        end = token.i + len(words)
        if self.blocked(token, end):
            return
        person, holders, portfolio = self.phrase(token, end, syn)
        if person is None:
            return
        predicate = spec["predicate"]
        default = ("Country",) if predicate == "ministerOf" else ("Country", "Organization")
        wanted = set(spec.get("holder_types") or default)
        holders = [m for m in holders if m.type in wanted and m.key != person.key]
        if not holders:
            return
        named = [m for m in holders if m.kind != "demonym"]
        holder = (named or holders)[0]
        attrs: dict[str, Any] = {}
        if predicate == "ministerOf":
            portfolio = spec.get("portfolio") or portfolio
            if portfolio:
                attrs["portfolio"] = portfolio
        yield RelationCandidate(person, predicate, holder, token, attrs, static=True)

    def phrase(
        self, title: Token, end: int, syn: Syntax
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
        while i < limit:
            tok = doc[i]
            starting = [m for m in index.starts.get(i, ()) if person is None or m != person]
            found_person = next((m for m in starting if m.type == "Person"), None)
            if found_person is not None and person is None:
                person = found_person
                break
            other = next((m for m in starting if m.type != "Person"), None)
            if other is not None:
                holders.append(other)
                # "ministre *letton* de la Défense": a demonym does not end the portfolio.
                in_portfolio = in_portfolio and other.kind == "demonym"
                i = other.end
                continue
            if tok.text == ",":
                nxt = next((m for m in index.starts.get(i + 1, ()) if m.type == "Person"), None)
                if nxt is not None and person is None:
                    person = nxt
                break
            if tok.pos_ in self.title_stop_pos or tok.is_punct or tok.is_space:
                break
            if in_portfolio and tok.pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ"}:
                if portfolio or tok.pos_ != "CCONJ":
                    portfolio.append(tok)
            elif tok.pos_ not in {"ADP", "DET"}:
                in_portfolio = False
            i += 1
        if person is None:
            person = self._person_before(title, syn)
        if person is None:
            person = self._person_by_tree(title, syn)
        while portfolio and portfolio[-1].pos_ == "CCONJ":
            portfolio.pop()
        return person, holders, " ".join(t.text for t in portfolio)

    def _person_before(self, title: Token, syn: Syntax) -> TokenMention | None:
        """ "X, ministre ..." / "X, le président ...": a person just before a comma."""
        doc = title.doc
        j = title.i
        while j > title.sent.start and doc[j - 1].pos_ == "DET":
            j -= 1
        if j > 0 and doc[j - 1].text == ",":
            return next((m for m in syn.index.ends.get(j - 1, ()) if m.type == "Person"), None)
        return None

    def _person_by_tree(self, title: Token, syn: Syntax) -> TokenMention | None:
        """ "X est ministre de ..." / "X a été élu président de ...": the title's bearer."""
        subjects = [c for c in title.children if c.dep_ == ud.NSUBJ]
        head = title.head
        if (
            not subjects
            and fold_lexeme(head.lemma_) in self.title_verbs
            and title.dep_
            in {
                ud.XCOMP,
                ud.OBJ,
                ud.OBL_MOD,
                ud.OBL,
                ud.ADVMOD,
            }
        ):
            subjects = [c for c in head.children if c.dep_ in {ud.NSUBJ, ud.NSUBJ_PASS}]
        for child in subjects:
            mention = syn.index.at_or_apposed(child)
            if mention is not None and mention.type == "Person":
                return mention
        return None
