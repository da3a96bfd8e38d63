"""Nominal mentions for ``kg_entities``: events, coalitions, agreements, governments.

Why a module of its own: these mentions are found on the dependency parse, not by NER, and
they follow their own rules (a name is a head noun with its ``de``/``sur`` complements; a
definite bare head refers back to the latest chain). ``EntityLinker`` mixes them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from kg.ids import article_scope, entity_key
from kg.lang import fold
from kg.lang.words import Words
from kg.nlp import ud
from kg.nlp.tokens import LEMMA, ORTH, column, pos_ids

__all__ = ["MentionCandidate", "NominalMentions", "clean_name"]

#: Dependencies that end a nominal phrase's name: clauses, appositions, coordination at top.
_NAME_STOP_DEPS = {
    ud.ACL,
    ud.ACL_RELCL,
    ud.RELCL,
    ud.APPOS,
    ud.ADVCL,
    ud.PUNCT,
    ud.PARATAXIS,
    ud.DEP,
}


#: Folded words and lemmas of a document, memoised per string (see kg.nlp.tokens).
FOLD = column(fold)
_NOMINAL_POS = frozenset({NOUN, PROPN})


@dataclass
class MentionCandidate:
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


class NominalMentions:
    """Finds nominal mentions on the parse: events, coalitions, agreements, governments.

    Built once per pipeline from the language's entity lexicon, closed-class words and
    gazetteer; :meth:`find` is called by the linker for every document.
    """

    def __init__(self, lex: dict[str, Any], words: Words, gazetteer: Any) -> None:
        self.lex = lex
        self.gazetteer = gazetteer
        self._name_cases = words["name_cases"]
        self._anaphoric = words["anaphoric_determiners"]
        self._genitive = words["genitive"]
        self._nominal_heads: dict[str, str] = {}
        self._multiword_heads: dict[tuple[str, ...], str] = {}
        for type_, lexkey in (
            ("Event", "event_heads"),
            ("Organization", "organization_heads"),
            ("Agreement", "agreement_heads"),
        ):
            for head in lex[lexkey]:
                head_words = tuple(fold(head).split())
                if len(head_words) == 1:
                    self._nominal_heads.setdefault(head_words[0], type_)
                else:
                    self._multiword_heads.setdefault(head_words, type_)
        # Imported here: kg.nlp.entities.legislation builds on this module's candidates.
        from kg.nlp.entities.legislation import LegislativeTexts, resolve_references

        self._laws = LegislativeTexts(lex, self._genitive, self._anaphoric)
        self._resolve_reference = resolve_references
        self._multiword_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for head_words, type_ in self._multiword_heads.items():
            self._multiword_first.setdefault(head_words[0], []).append((head_words, type_))

    def find(
        self, doc: Doc, covered: set[int], named: list[MentionCandidate]
    ) -> list[MentionCandidate]:
        """Events, coalitions, agreements and governments found on the parse."""
        doc_scope = article_scope(doc._.kg_doc_id) if doc._.kg_doc_id is not None else ""
        named_keys = {c.key for c in named}
        found: list[MentionCandidate] = []
        # Only possible heads become Token objects (see kg.nlp.tokens).
        pos, lemmas, words = pos_ids(doc), FOLD(doc, LEMMA), FOLD(doc, ORTH)
        government, single, first, laws = (
            self.lex["government_heads"],
            self._nominal_heads,
            self._multiword_first,
            self._laws,
        )
        skip_to = 0  # words inside a nominal already found ("gouvernement de *coalition*")
        for i, lemma in enumerate(lemmas):
            if (
                pos[i] not in _NOMINAL_POS
                or i in covered
                or i < skip_to
                or not (
                    words[i] in first
                    or lemma in government
                    or lemma in single
                    or laws.starts(lemma)
                )
            ):
                continue
            token = doc[i]
            multi = self._multiword_head(doc, token)
            law = laws.find(doc, token, self._name_subtree) if laws.starts(lemma) else None
            if law is not None:
                cand: MentionCandidate | None = law
                skip_to = law.end  # "projet de *loi*" is no second text
            elif multi is not None:
                cand = self._nominal_phrase(doc, token, multi)
            elif lemma in self.lex["government_heads"]:
                cand = self._government(doc, token)
            elif lemma in self._nominal_heads:
                cand = self._nominal_phrase(doc, token, self._nominal_heads[lemma])
            else:
                continue
            if cand is None:
                continue
            alias_key = self.lex["nominal_aliases"].get(fold(cand.name))
            if alias_key is not None and alias_key in named_keys:
                entry = self.gazetteer.get(alias_key)
                cand.key, cand.type = alias_key, entry.type if entry else "Organization"
                cand.name = entry.name if entry else cand.name
            found.append(cand)
            if cand.type == "Organization" and cand.head in government:
                skip_to = cand.end
        self._corefer(found, doc_scope)
        return [c for c in found if c.key is not None]

    def _multiword_head(self, doc: Doc, token: Token) -> str | None:
        """Type of a multi-word head starting at ``token`` ("Jeux olympiques"), if any."""
        options = self._multiword_first.get(fold(token.text))
        if not options:
            return None
        for words, type_ in options:
            end = token.i + len(words)
            if end <= len(doc) and tuple(fold(t.text) for t in doc[token.i : end]) == words:
                return type_
        return None

    def _government(self, doc: Doc, token: Token) -> MentionCandidate | None:
        """``le gouvernement britannique`` / ``les autorités ukrainiennes`` → that country."""
        for child in token.children:
            if child.dep_ != ud.AMOD:
                continue
            entry = self.gazetteer.lookup_demonym(child.text)
            if entry is not None and entry.type == "Country":
                start, end = min(token.i, child.i), max(token.i, child.i) + 1
                return MentionCandidate(
                    start,
                    end,
                    "Country",
                    entry.name,
                    "nominal",
                    key=entry.key,
                    wikidata=entry.wikidata,
                )
        return self._named_government(doc, token)

    def _named_government(self, doc: Doc, token: Token) -> MentionCandidate | None:
        """ "le gouvernement Lambert", "un gouvernement d'union nationale": one cabinet.

        A person's name right after the head, or a bare ``de`` noun ("de coalition", "de
        transition", no article), names one government among the country's successive
        ones: an organisation of its own, not the state. "Le gouvernement de Kiev" (a
        place) is not one.
        """
        nxt = token.i + 1
        if nxt >= len(doc) or fold(token.lemma_) not in self.lex.get("named_government_heads", ()):
            return None  # "l'état d'urgence" is no cabinet
        child = doc[nxt]
        if child.pos_ == "PROPN" and child.text[:1].isupper() and child.head.i == token.i:
            end = nxt + 1
            while (
                end < len(doc) and doc[end].head.i in range(nxt, end) and doc[end].pos_ == "PROPN"
            ):
                end += 1
            if self.gazetteer.lookup_name(doc[nxt:end].text) is not None:
                return None
        elif (
            fold(child.text) in self._genitive
            and nxt + 1 < len(doc)
            and doc[nxt + 1].pos_ in ("NOUN", "PROPN")
            and doc[nxt + 1].is_lower
            and doc[nxt + 1].head.i == token.i
            and not any(c.dep_ == ud.DET for c in doc[nxt + 1].children)
        ):
            end = nxt + 2
            while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].head.i == nxt + 1:
                end += 1  # "d'union nationale"
        else:
            return None
        return MentionCandidate(
            token.i,
            end,
            "Organization",
            clean_name(doc[token.i : end].text),
            "nominal",
            head=fold(token.lemma_),
            extras={"distinct": True, "bare": False, "definite": True},
        )

    def _nominal_phrase(self, doc: Doc, head: Token, type_: str) -> MentionCandidate | None:
        """The name of an event/coalition/agreement: head, adjectives and complements.

        Complements kept in the name are ``de``/``sur`` phrases ("sommet *de l'OTAN*",
        "accord *sur l'achat de munitions*"); clauses and places ("prévu à Washington") are
        facts about the thing, not its name.
        """
        keep = {head.i}
        distinct = complement = False
        for child in head.children:
            if child.dep_ == ud.AMOD:
                lemma = fold(child.lemma_)
                if lemma in self.lex["distinct_event_adjectives"]:
                    distinct = True
                    keep.add(child.i)
                elif lemma not in self.lex["name_stop_adjectives"] and child.i > head.i:
                    keep.add(child.i)
            elif child.dep_ in (ud.NMOD, ud.FLAT_NAME, ud.FIXED) and child.i > head.i:
                if child.dep_ == ud.NMOD and not _is_name_complement(child, self._name_cases):
                    continue
                complement = True
                keep.update(self._name_subtree(child))
        # A name is contiguous: stop at the first word that is not part of it, so a
        # misattached complement further on ("prévu à Rio *de Janeiro*") stays out.
        start, end = head.i, head.i + 1
        while start - 1 in keep:
            start -= 1
        while end in keep:
            end += 1
        while start < head.i and doc[start].pos_ == "DET":
            start += 1
        return MentionCandidate(
            start,
            end,
            type_,
            clean_name(doc[start:end].text),
            "nominal",
            head=fold(head.lemma_),
            extras={
                "distinct": distinct,
                "bare": not complement and not distinct,
                "definite": is_definite(head, self._anaphoric),
            },
        )

    def _name_subtree(self, token: Token) -> set[int]:
        """The words of a name complement, without clauses, places or dates hung on it."""
        out = {token.i}
        for child in token.children:
            if child.dep_ in _NAME_STOP_DEPS or child.dep_.startswith(ud.ACL):
                continue
            if child.dep_.startswith((ud.NMOD, ud.OBL)) and not _is_name_complement(
                child, self._name_cases
            ):
                continue  # "… à Rio", "… en novembre"
            out |= self._name_subtree(child)
        return out

    def _corefer(self, found: list[MentionCandidate], doc_scope: str) -> None:
        """Group nominal mentions into chains, then key each chain by its fullest name.

        A mention joins the latest chain with the same head when it adds no complement of
        its own ("la réunion ministérielle", "la même réunion"), or repeats its name. A
        definite, bare organisation head with no such chain ("l'initiative") joins the
        latest organisation chain: articles vary the noun for the thing they discuss.
        """
        chains: list[list[MentionCandidate]] = []
        latest: dict[str, list[MentionCandidate]] = {}
        for cand in found:
            if cand.key is not None:
                continue
            chain = latest.get(cand.head)
            if chain is not None and not (
                cand.extras["bare"]
                or (cand.type == "Organization" and not cand.extras["distinct"])
                or any(fold(c.name) == fold(cand.name) for c in chain)
            ):
                chain = None
            if chain is None and cand.type == "Organization" and cand.extras["bare"]:
                chain = next((ch for ch in reversed(chains) if ch[0].type == cand.type), None)
            if chain is None and cand.extras.get("anaphor"):
                self._resolve_reference(chains, cand)  # "le texte": the one text named before
                continue
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


def clean_name(text: str) -> str:
    """Collapse whitespace and strip quotes/punctuation around a name."""
    return " ".join(text.replace("«", " ").replace("»", " ").split()).strip(" ,.;:–-\"'")


def is_definite(token: Token, determiners: frozenset[str]) -> bool:
    """Whether ``token`` has one of the (definite, demonstrative, possessive) determiners."""
    return any(c.dep_ == ud.DET and c.lemma_.lower() in determiners for c in token.children)


def _is_name_complement(token: Token, cases: frozenset[str]) -> bool:
    """A ``de``/``sur`` phrase headed by a noun ("de l'OTAN"), not "d'ici" or "à Rio"."""
    return token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == ud.CASE and fold(c.lemma_) in cases for c in token.children
    )
