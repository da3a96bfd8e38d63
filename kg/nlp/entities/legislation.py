"""Legislative texts as ``Agreement`` mentions: bills, laws, reforms, resolutions, decrees.

Why a module of its own: "loi", "réforme", "résolution" and "texte" are among the commonest
nouns of the news, and most of their uses name no text ("la loi du marché", "au-dessus des
lois", "la résolution du conflit"). A mention is made only when the noun phrase itself says
which text it is (a proper name, a number, a topic, a date, an issuer) or, bare and
definite, when it stands as an argument for the one text the article named before. The
decision to type them ``Agreement`` (a text adopted, signed or voted) is in
docs/decisions/0003-entity-resolution.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.nlp import ud
from kg.nlp.entities.nominals import MentionCandidate, clean_name, is_definite

__all__ = ["LegislativeTexts", "resolve_references"]

#: Dependencies of a name-giving word hung on the head without a preposition.
_BARE_NAME_DEPS = frozenset({ud.FLAT_NAME, ud.NMOD, ud.APPOS, ud.NUMMOD, "compound", "fixed"})
#: Argument positions in which a bare "la loi" / "le texte" refers back to a text.
_ARGUMENT_DEPS = frozenset({ud.NSUBJ, ud.NSUBJ_PASS, ud.OBJ})
#: Children after the head that make it more than a bare reference ("la loi *du marché*").
_QUALIFYING_DEPS = frozenset({ud.NMOD, ud.AMOD, ud.NUMMOD, ud.FLAT_NAME, ud.APPOS, "compound"})


class LegislativeTexts:
    """Finds mentions of legislative texts on the parse, from ``legislative_*`` lexicons."""

    def __init__(
        self, lex: dict[str, Any], cases: frozenset[str], determiners: frozenset[str]
    ) -> None:
        self._named = lex["legislative_named_heads"]
        self._issuer = lex["legislative_issuer_heads"]
        self._topic = lex["legislative_topic_heads"]
        self._anaphors = lex["legislative_anaphors"]
        self._capitalised = lex["legislative_capitalised"]
        self._cases = cases
        self._argument_cases = lex["legislative_argument_cases"]
        self._topic_cases = lex["legislative_topic_cases"]
        self._year_cases = lex["legislative_year_cases"]
        self._topic_adjectives = lex["legislative_topic_adjectives"]
        self._determiners = determiners
        heads = [tuple(h.split()) for h in lex["legislative_heads"]]
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(heads, key=len, reverse=True):
            self._by_first.setdefault(words[0], []).append(words)

    def starts(self, lemma: str) -> bool:
        """Whether a folded lemma may open a legislative head (the caller's fast filter)."""
        return lemma in self._by_first

    def find(
        self, doc: Doc, token: Token, subtree: Callable[[Token], set[int]]
    ) -> MentionCandidate | None:
        """The text named at ``token``, or None for a generic use of the noun.

        ``subtree`` gives the words of a ``de``/``sur`` complement kept in a name (the
        caller's rule, so every nominal name stops at the same clauses and places).
        """
        head_words = self._head_words(doc, token)
        if head_words is None:
            return None
        kind = " ".join(head_words)
        last = doc[token.i + len(head_words) - 1]
        keep = set(range(token.i, last.i + 1))
        complement = False
        for word in (token, last) if last.i != token.i else (token,):
            for child in word.children:
                if child.i <= last.i:
                    continue
                if self._bare_name(child):
                    keep |= _flat(child)
                    complement = True
                elif self._complement(kind, child):
                    keep |= subtree(child)
                    complement = True
        capitalised = kind in self._capitalised and token.text[:1].isupper() and token.i > 0
        definite = is_definite(token, self._determiners)
        anaphor = not (complement or capitalised or kind in self._named)
        if anaphor and not (definite and self._bare_reference(token, last)):
            return None
        end = last.i + 1
        while end in keep:
            end += 1
        return MentionCandidate(
            token.i,
            end,
            "Agreement",
            clean_name(doc[token.i : end].text),
            "nominal",
            head=kind,
            extras={
                "distinct": False,
                "bare": not complement,
                "definite": definite,
                "legislative": True,
                "anaphor": anaphor,
            },
        )

    def _head_words(self, doc: Doc, token: Token) -> tuple[str, ...] | None:
        """The longest legislative head opening at ``token`` (lemma, then surface words)."""
        for words in self._by_first.get(fold(token.lemma_), ()):
            end = token.i + len(words)
            if end <= len(doc) and all(
                fold(t.text) == w or fold(t.lemma_) == w
                for t, w in zip(doc[token.i + 1 : end], words[1:], strict=True)
            ):
                return words
        return None

    def _bare_name(self, child: Token) -> bool:
        """ "la loi *Evin*", "la résolution *1973*": a capitalised name or a number, no
        preposition."""
        if child.dep_ not in _BARE_NAME_DEPS or any(c.dep_ == ud.CASE for c in child.children):
            return False
        if child.like_num:
            return True
        return child.pos_ == "PROPN" and child.text[:1].isupper()

    def _complement(self, kind: str, child: Token) -> bool:
        """A prepositional complement that says which text: topic, date or issuer."""
        if child.dep_ == ud.AMOD and fold(child.lemma_) in self._topic_adjectives:
            return kind not in self._anaphors  # "la loi relative au travail"
        if not child.dep_.startswith(ud.NMOD):
            return False
        cases = {fold(c.lemma_) for c in child.children if c.dep_ == ud.CASE}
        if cases & self._topic_cases or (cases & self._year_cases and _has_year(child)):
            return kind not in self._anaphors  # "sur le mariage", "de finances pour 2013"
        if not cases & self._cases:
            return False
        if _has_year(child):
            return True  # "la loi de 1905", "la loi du 9 décembre 1905"
        if child.pos_ == "PROPN" and child.text[:1].isupper():
            return kind in self._issuer  # "la résolution du Conseil de sécurité"
        return child.pos_ == "NOUN" and kind in self._topic  # "la réforme des retraites"

    def _bare_reference(self, token: Token, last: Token) -> bool:
        """A bare definite head in an argument position ("le Sénat a rejeté *le texte*").

        Any qualifying child after the head ("la loi *du marché*", "la loi *islamique*") or
        a relative clause that describes another text makes it no reference to a text named
        before; "selon la loi" is no argument.
        """
        if any(c.dep_ in _QUALIFYING_DEPS and c.i > last.i for c in last.children):
            return False
        if any(c.dep_ in (ud.ACL_RELCL, ud.RELCL) for c in last.children):
            return False  # "la loi *qui imposait* …": a text described, not one named before
        if token.dep_ in _ARGUMENT_DEPS:
            return True
        if token.dep_.startswith(ud.OBL):
            cases = {fold(c.text) for c in token.children if c.dep_ == ud.CASE}
            return bool(cases & self._argument_cases)
        return False


def resolve_references(chains: list[list[MentionCandidate]], cand: MentionCandidate) -> bool:
    """Join a bare reference ("la loi", "le texte") to the one text chain named before.

    Returns False when there is none or more than one (the reference is then dropped:
    which text it means is not stated). ``chains`` are the caller's chains so far.
    """
    texts = [ch for ch in chains if ch[0].type == "Agreement" and not ch[0].extras.get("anaphor")]
    if len(texts) != 1:
        return False
    texts[0].append(cand)
    return True


def _flat(token: Token) -> set[int]:
    """A bare name and the words flat on it ("la loi *Informatique et libertés*" stops at
    coordination)."""
    out = {token.i}
    for child in token.children:
        if child.dep_ in (ud.FLAT_NAME, "flat", ud.NUMMOD) and child.i > token.i:
            out |= _flat(child)
    return out


def _has_year(token: Token) -> bool:
    """Whether a complement holds a year ("de 1905", "du 9 décembre 1905", "pour 2013")."""
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() for t in token.subtree)
