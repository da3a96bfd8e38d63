"""Which title words state a role: matching a title, blocking it, and telling a former role.

Why apart: before any bearer is read, a title word must be a title here ("conseiller le
gouvernement" is a verb, "les ministres" a plural, "le chef cuisinier" a trade) and may
state an ended role ("l'ancien ministre", "l'ex-députée"); these tests read only the words
around the title, unlike the phrase reading of :mod:`kg.nlp.relations.title_phrases`. A mixin
of :class:`kg.nlp.relations.titles.TitlePatterns`, which compiles these attributes.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.syntax import Syntax

__all__ = ["TitleGuards"]


class TitleGuards:
    """Mixin of :class:`kg.nlp.relations.titles.TitlePatterns`: title matching and guards."""

    titles: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]]
    title_blockers: frozenset[str]
    title_former: frozenset[str]
    deputies: frozenset[str]
    title_partitives: list[tuple[str, ...]]
    case_aliases: dict[str, str]
    genitive_case: str
    visit_lemmas: frozenset[str]
    visit_reflexive: frozenset[str]
    politicians: frozenset[str]

    def match(self, token: Token) -> tuple[tuple[str, ...], dict[str, Any]] | None:
        """The longest title starting at ``token`` ("secrétaire général" before "secrétaire")."""
        if token.pos_ in {"VERB", "AUX"} and not (
            self._predicative(token) or self._apposed_participle(token)
        ):
            return None  # "conseiller le gouvernement" is no "conseiller"
        doc = token.doc
        entries = self.titles.get(fold_lexeme(token.text), ()) or self.titles.get(
            fold_lexeme(token.lemma_), ()
        )
        for words, spec in entries:
            got = tuple(fold_lexeme(t.text) for t in doc[token.i : token.i + len(words)])
            if got == words or (len(words) == 1 and fold_lexeme(token.lemma_) == words[0]):
                return words, spec
        return None

    def _named_next(self, token: Token, end: int, syn: Syntax) -> bool:
        """Whether a person's name follows the title, adjectives apart ("le président
        (sortant) X"), with no determiner or preposition: the title is a bare style."""
        doc = token.doc
        i = end
        while (
            i < len(doc)
            and (doc[i].pos_ == "ADJ" or "Part" in doc[i].morph.get("VerbForm"))
            and doc[i].is_lower
            and syn.index.covering(i) is None
        ):
            i += 1  # "le président élu X", "la présidente sortante X"
        return any(m.type == "Person" for m in syn.index.starts.get(i, ()))

    def _politician(self, token: Token) -> bool:
        return bool({fold_lexeme(token.text), fold_lexeme(token.lemma_)} & self.politicians)

    def _predicative(self, token: Token) -> bool:
        """ "X est chercheuse chez Y": a title word the parser read as a verb, written as
        the title (not "conseillé"), after a copula or passive auxiliary, with no object."""
        if fold_lexeme(token.text) not in self.titles:
            return False
        deps = {c.dep_ for c in token.children}
        return bool(deps & {ud.COP, ud.AUX_PASS}) and ud.OBJ not in deps

    def _apposed_participle(self, token: Token) -> bool:
        """ "X, représentante de l'Unicef, …", "X, envoyé spécial de l'ONU": a title the
        parser read as a participle, written as the title, opening an apposition (after a comma or a
        determiner) and followed by "de"; "représentant la France, X a voté" stays a verb."""
        doc = token.doc
        if fold_lexeme(token.text) not in self.titles or not 0 < token.i < len(doc) - 1:
            return False
        if "Part" not in token.morph.get("VerbForm"):
            return False
        # "X, envoyé spécial de l'ONU": "de" after the whole title
        length = max(
            (
                len(words)
                for words, _ in self.titles.get(fold_lexeme(token.text), ())
                if tuple(fold_lexeme(t.text) for t in doc[token.i : token.i + len(words)]) == words
            ),
            default=1,
        )
        if token.i + length >= len(doc):
            return False
        before = fold_lexeme(doc[token.i - 1].text)
        after = fold_lexeme(doc[token.i + length].text)
        opens = before in {",", "(", "–", "—"} or doc[token.i - 1].pos_ == "DET"
        return opens and self.case_aliases.get(after, after) == self.genitive_case

    def blocked(self, token: Token, end: int, plural: bool = False) -> bool:
        """Plural, deputy or future titles ("les ministres", "adjoint") state no role.

        A plural title after a partitive ("l'un des chercheurs de X, Y") names one bearer;
        ``plural``: a plural title apposed to a list of people ("A et B, députés de …").
        """
        doc = token.doc
        if "Plur" in token.morph.get("Number") and not (plural or self._partitive(token)):
            return True
        if token.i > 0 and fold_lexeme(doc[token.i - 1].text) in self.title_blockers:
            return True
        if end >= len(doc):
            return False
        # "le chef *décorateur*", "le chef *cuisinier*": a compound trade, not the title.
        after = doc[end]
        if fold_lexeme(after.text) in self.deputies:
            return False  # "le secrétaire général adjoint": see :meth:`candidates`
        if after.pos_ == "NOUN" and after.is_lower and fold_lexeme(after.text) not in self.titles:
            return True
        return fold_lexeme(after.text) in self.title_blockers

    def _partitive(self, token: Token) -> bool:
        doc = token.doc
        for words in self.title_partitives:
            start = token.i - len(words)
            if start >= 0 and tuple(fold_lexeme(t.text) for t in doc[start : token.i]) == words:
                return True
        return False

    def former(self, token: Token, spec: dict[str, Any]) -> bool:
        """ "l'ancien premier ministre", "l'ex-députée": a role that ended (still a fact)."""
        if spec.get("former"):
            return True
        doc = token.doc
        j = token.i - 1
        # "l'ancien premier ministre": adjectives may stand between the marker and the title.
        while j >= token.sent.start and j >= token.i - 3:
            word = fold_lexeme(doc[j].text)
            if word in self.title_former:
                return True
            if doc[j].pos_ != "ADJ":
                break
            j -= 1
        return False

    def _counterpart_of(self, token: Token) -> dict[str, Any] | None:
        """The spec of the last title before ``token`` in its sentence, with no country
        inferred (a counterpart is of another country), or None."""
        doc, i, last = token.doc, token.sent.start, None
        while i < token.i:  # forward, so "Premier ministre" is read whole, not as "ministre"
            found = self.match(doc[i])
            if found is None:
                i += 1
                continue
            if not found[1].get("counterpart"):
                last = found[1]
            i += len(found[0])
        return None if last is None else {**last, "infer_country": False}

    def visiting(self, token: Token) -> bool:
        """Whether the title's sentence tells of a trip ("est attendu à", "en visite à",
        "s'est rendu à"; "a rendu hommage" is no trip)."""
        for t in token.sent:
            lemma = fold_lexeme(t.lemma_)
            if lemma in self.visit_lemmas:
                return True
            if lemma in self.visit_reflexive and any(
                "Yes" in c.morph.get("Reflex") for c in t.children
            ):
                return True
        return False
