"""Organisations named by a description: "une compagnie argentine", "l'association des…".

Why a module of its own: incident reports often introduce an organisation by what it is
and never name it ("une entreprise de fabrication de farine", "l'association des femmes
avocates"); the description is the only mention a reader has, and it acts in the facts.
Which nouns are kinds of organisation is language data (``described_org_heads`` in
``kg/lang/<lang>/entities.json``); here, a kind noun refers when a determiner introduces it
and a qualifier follows (an adjective or a complement): "une compagnie argentine" is one
company, "créer une entreprise" is no company yet, "devant la banque" is a building. A
plural reached through its singular's lemma ("des partis politiques", "les agences de
notation") names a class of organisations, not one: only plurals the data lists itself
("associations") describe a body.

Descriptions are never names: keys are scoped to the article, and a later bare definite
mention ("l'association") joins the latest description with the same noun.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from kg.ids import article_scope, entity_key
from kg.lang import fold
from kg.lang.words import Words
from kg.nlp import ud
from kg.nlp.entities.nominals import FOLD, MentionCandidate
from kg.nlp.tokens import LEMMA, ORTH

__all__ = ["DescribedOrganizations"]

_TOKEN = re.compile(r"\w+'|\w+|-")
#: Dependencies that end a description: clauses, appositions, coordination, punctuation.
_STOP = {ud.ACL, ud.ACL_RELCL, ud.RELCL, ud.APPOS, ud.ADVCL, ud.PUNCT, ud.PARATAXIS, ud.CONJ, ud.CC}
_MAX_WORDS = 9


class DescribedOrganizations:
    """Finds described organisations in a document (one instance per pipeline)."""

    def __init__(self, lex: dict[str, Any], words: Words) -> None:
        self._heads: dict[str, list[tuple[str, ...]]] = {}
        for noun in lex.get("described_org_heads", ()):
            parts = tuple(_TOKEN.findall(fold(noun)))
            self._heads.setdefault(parts[0], []).append(parts)
        for options in self._heads.values():
            options.sort(key=lambda p: (-len(p), p))
        self._definite = lex.get("body_determiners", set())
        self._indefinite = lex.get("described_indefinites", set())
        self._quotes = frozenset(q for pair in words["name_quotes"] for q in pair)
        self._cases = words["name_cases"]

    def find(self, doc: Doc, covered: set[int]) -> list[MentionCandidate]:
        """Described organisations whose words nothing else claimed."""
        if not self._heads:
            return []
        scope = article_scope(doc._.kg_doc_id) if doc._.kg_doc_id is not None else ""
        words, lemmas = FOLD(doc, ORTH), FOLD(doc, LEMMA)
        latest: dict[str, MentionCandidate] = {}
        found: list[MentionCandidate] = []
        heads = self._heads
        # Only words or lemmas that start a described head can (``_head_end`` is None
        # elsewhere): one set test per token instead of a call.
        for i in [k for k in range(1, len(words)) if words[k] in heads or lemmas[k] in heads]:
            head_end = self._head_end(doc, words, lemmas, i, covered)
            if head_end is None:
                continue
            end = self._extent(doc, doc[head_end - 1], head_end, covered)
            head = " ".join(words[i:head_end])
            if end == head_end == i + 1 and (
                words[i - 1] not in self._definite or head not in latest
            ):
                continue  # "créer une entreprise", "devant la banque": no particular one
            after = _past_hyphenated(doc, end)
            if after < len(doc) and (
                doc[after].text in self._quotes or doc[after].text[:1].isupper()
            ):
                continue  # "l'ONG « Tous Libres »", "la compagnie low-cost Air Nova": the name
            name = " ".join(doc[i:end].text.split())
            if end == head_end and head in latest:
                key = latest[head].key  # "l'association" after "une association partenaire"
            else:
                key = entity_key("Organization", name)
                key = f"{key}@{scope}" if scope else key
            cand = MentionCandidate(
                i, end, "Organization", name, "nominal", key=key, extras={"src": "described"}
            )
            if end > head_end or head not in latest:
                latest[head] = cand
            found.append(cand)
        return found

    def _head_end(
        self, doc: Doc, words: list[str], lemmas: list[str], i: int, covered: set[int]
    ) -> int | None:
        options = self._heads.get(words[i]) or self._heads.get(lemmas[i])
        if not options or i in covered:
            return None
        if words[i - 1] not in self._definite and words[i - 1] not in self._indefinite:
            return None
        if doc[i].pos_ not in ("NOUN", "PROPN") or not doc[i].is_lower:
            return None
        for parts in options:
            end = i + len(parts)
            if len(parts) == 1 and parts[0] == words[i]:
                return end
            if len(parts) == 1 and parts[0] == lemmas[i]:
                # "des partis politiques", "les agences de notation": a plural the data does
                # not list itself describes a class of organisations, not one of them
                return None if doc[i].morph.get("Number") == ["Plur"] else end
            if (
                end <= len(doc)
                and tuple(words[i:end]) == parts
                and not any(j in covered for j in range(i, end))
            ):
                return end
        return None

    def _extent(self, doc: Doc, head: Token, end: int, covered: set[int]) -> int:
        """End of the description: adjectives and ``de`` complements right of the head."""
        keep: set[int] = set()
        for child in head.children:
            if (
                child.dep_ == ud.AMOD
                and child.pos_ not in ("ADJ", "VERB")
                and not _hyphenated(child)
            ):
                continue  # a misparsed noun or adverb ("partis politiques autrefois membres")
            if child.i >= end and child.dep_ in (ud.AMOD, ud.NMOD, ud.FLAT_NAME, ud.FIXED):
                keep |= self._subtree(child)
        while (
            end in keep
            and end not in covered
            and not doc[end].is_space  # a line break ends the description (a headline's)
            and end - head.i < _MAX_WORDS
            and not _opens_a_comparison(doc, end)
        ):
            end += 1
        while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "DET")):
            end -= 1
        return end

    def _subtree(self, token: Token) -> set[int]:
        """A complement's words; "de" complements only ("… de farine", not "… au sud")."""
        if token.dep_.startswith((ud.NMOD, ud.OBL)) and not any(
            c.dep_ == ud.CASE and fold(c.lemma_) in self._cases for c in token.children
        ):
            return set()
        out = {token.i}
        for child in token.children:
            if child.dep_ not in _STOP and not child.dep_.startswith(ud.ACL):
                out |= self._subtree(child)
        return out


def _past_hyphenated(doc: Doc, i: int) -> int:
    """``i`` past a lower-case qualifier the tokenizer cut at its hyphens ("low-cost")."""
    k, n = i, len(doc)
    while (
        k + 2 < n
        and doc[k].is_lower
        and doc[k].is_alpha
        and doc[k + 1].text == "-"
        and not doc[k].whitespace_
        and not doc[k + 1].whitespace_
        and doc[k + 2].is_lower
        and doc[k + 2].is_alpha
    ):
        k += 2
    return k + 1 if k > i else i


def _opens_a_comparison(doc: Doc, i: int) -> bool:
    """An adverb or an article after the head ends a description: "les hôpitaux *les plus
    proches*", "des partis *autrefois* membres" say which ones, they are no name."""
    token = doc[i]
    return token.pos_ == "ADV" or (token.pos_ == "DET" and doc[i - 1].pos_ != "ADP")


def _hyphenated(token: Token) -> bool:
    """A lower-case hyphenated qualifier the tagger reads as a noun ("la brigade
    *anti-émeute*", "une cellule *anti-crise*"): it qualifies the body like an adjective."""
    return token.is_lower and "-" in token.text and token.text.replace("-", "").isalpha()
