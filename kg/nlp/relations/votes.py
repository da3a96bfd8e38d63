"""Elliptic votes: "X a voté contre" with the text left unsaid.

Why a module: the generic frame reader needs the object in the clause ("voter contre *la
loi*"); a report of a vote often names the text once and then only says who voted which
way ("Le projet de loi a été adopté. Trois députés ont voté contre."). The object is then
the one text (an ``Agreement``) the article has named so far; with none or several, which
text was voted is not stated and no fact is made. Voters are the clause's subject, its
conjuncts, and those it voted with ("a voté contre *avec l'opposition*").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import MentionIndex, RelationCandidate

__all__ = ["EllipticVotes"]

_SUBJECT_DEPS = frozenset({ud.NSUBJ})
_AGENT_TYPES = frozenset({"Country", "Organization", "Person"})


class EllipticVotes:
    """Reads ``elliptic_votes`` of ``relations.json``: vote lemmas, the bare adverb of each
    side ("contre": opposes) and the comitative prepositions ("avec")."""

    def __init__(self, lex: dict[str, Any]) -> None:
        spec = lex.get("elliptic_votes", {})
        self._lemmas = frozenset(fold(w) for w in spec.get("lemmas", ()))
        self._sides = {fold(w): p for w, p in spec.get("sides", {}).items()}
        self._with = frozenset(fold(w) for w in spec.get("with_cases", ()))

    def find(self, doc: Doc, index: MentionIndex) -> list[RelationCandidate]:
        """One candidate per voter of each elliptic vote whose text is not in doubt."""
        if not self._lemmas:
            return []
        texts = sorted(
            ((m.start, m) for m in doc._.kg_mentions or () if m.type == "Agreement"),
            key=lambda pair: pair[0],
        )
        if not texts:
            return []
        out: list[RelationCandidate] = []
        for token in doc:
            if token.pos_ != "VERB" or fold(token.lemma_) not in self._lemmas:
                continue
            side = self._side(token)
            if side is None:
                continue
            known = {m.key: m for start, m in texts if start < token.i}
            if len(known) != 1:
                continue
            text = next(iter(known.values()))
            for voter in self._voters(token, index):
                out.append(RelationCandidate(voter, side, text, token))
        return out

    def _side(self, verb: Token) -> str | None:
        """The predicate of a vote with a bare side adverb and no object of its own."""
        if any(c.dep_ in (ud.OBJ, ud.CCOMP, ud.XCOMP) for c in verb.children):
            return None
        for child in verb.children:
            side = self._sides.get(fold(child.text))
            if side is not None and not any(True for _ in child.children):
                return side
            cases = [fold(c.text) for c in child.children if c.dep_ == ud.CASE]
            if len(cases) == 2 and cases[0] in self._sides and cases[1] in self._with:
                return self._sides[cases[0]]  # "contre avec les Verts": a parse of the same
        return None

    def keeps(self, candidate: RelationCandidate) -> bool:
        """False for a stance read off "voter contre *avec* X": X voted alongside, it is not
        what was voted against (the generic frame reader takes "contre" as X's preposition).
        """
        if fold(candidate.trigger.lemma_) not in self._lemmas:
            return True
        doc = candidate.trigger.doc
        return not any(
            c.dep_ == ud.CASE and fold(c.text) in self._with
            for t in doc[candidate.object.start : candidate.object.end]
            for c in t.children
        )

    def _voters(self, verb: Token, index: MentionIndex) -> list[TokenMention]:
        """The subject, its conjuncts and the comitative "avec" complements of the verb."""
        tokens: list[Token] = []
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                tokens.append(child)
                tokens.extend(c for c in child.children if c.dep_ == ud.CONJ)
            elif child.dep_.startswith(ud.OBL) and any(
                c.dep_ == ud.CASE and fold(c.text) in self._with for c in child.children
            ):
                tokens.append(child)
        voters: list[TokenMention] = []
        for token in tokens:
            mention = index.at_or_apposed(token)
            if mention is not None and mention.type in _AGENT_TYPES and mention not in voters:
                voters.append(mention)
        return voters
