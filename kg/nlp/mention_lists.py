"""Lists of mentions for :class:`kg.nlp.syntax.Syntax`: coordination, enumeration, cue words.

Why apart: the parser misattaches coordinated names ("le Royaume-Uni et la Lettonie") and
enumerations ("cinq pays, dont le Chili et le Pérou,"), so a mention's siblings are
read by left-to-right scans over the mention index with the lexicon's joiners and cues,
not from the tree as a verb's arguments are (:mod:`kg.nlp.verb_arguments`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.symbols import AUX, DET, VERB
from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention

if TYPE_CHECKING:
    from kg.nlp.syntax import MentionIndex

__all__ = ["MentionLists"]

_OPENERS = frozenset({"–", "—", "-", "(", ":"})


class MentionLists:
    """Mixin of :class:`kg.nlp.syntax.Syntax`, which sets these attributes and provides
    ``words``, ``pos``, ``sent_start``, ``sent_end`` and ``case_of``."""

    index: MentionIndex
    doc: Doc
    case_aliases: dict[str, str]
    joiners: list[tuple[str, ...]]
    closing_joiners: set[tuple[str, ...]]
    enumeration_cues: list[tuple[str, ...]]

    def mentions_of(self, token: Token, types: frozenset[str]) -> list[TokenMention]:
        """The mention at ``token`` plus its coordinated and enumerated siblings, by type."""
        result: list[TokenMention] = []
        mention = self.index.at_or_apposed(token)
        if mention is not None and mention.type in types:
            result.append(mention)
            result.extend(self.coordinated(mention, types))
            result.extend(
                m for m in self.coordinated_before(mention, token, types) if m not in result
            )
            bare = self.index.at(token) is None
            root = self.doc[self.index.roots[mention]]
            heads = [token] if root.i == token.i else [token, root]
            for conj in (c for head in heads for c in head.children):
                # "le président français X et la chancelière allemande Y": a titled
                # conjunct is its bearer, and a bare role noun's further appositions count.
                if conj.dep_ == ud.CONJ or (bare and conj.dep_ == ud.APPOS):
                    other = self.index.at_or_apposed(conj)
                    if other is not None and other.type in types and other not in result:
                        result.append(other)
        members = self.enumerated(token, types)
        result.extend(m for m in members if m not in result)
        return result

    def _joiner_at(self, i: int) -> tuple[str, ...] | None:
        folded = self.words
        for joiner in self.joiners:
            if tuple(folded[i : i + len(joiner)]) == joiner:
                return joiner
        return None

    def _list_after(
        self, i: int, types: frozenset[str], *, need_closing: bool, case: str | None = None
    ) -> tuple[list[TokenMention], int]:
        """Scan "A, B et C" from token ``i``; return the members and the index after them.

        ``case``: the preposition of the first member, which each member may repeat ("de la
        France, de l'Allemagne et de l'Italie").
        """
        doc = self.doc
        members: list[tuple[tuple[str, ...], TokenMention]] = []
        while i < len(doc):
            joiner = self._joiner_at(i)
            if joiner is None:
                break
            j = i + len(joiner)
            if case is not None and j < len(doc) and self.case_word(doc[j]) == case:
                j += 1
            while j < len(doc) and doc[j].pos_ == "DET":
                j += 1
            candidates = [m for m in self.index.starts.get(j, ()) if m.type in types]
            if not candidates:
                break
            mention = candidates[0]
            members.append((joiner, mention))
            i = mention.end
        if need_closing:
            last = max(
                (k for k, (j, _) in enumerate(members) if j in self.closing_joiners), default=-1
            )
            members = members[: last + 1]
        return [m for _, m in members], i

    def coordinated(self, mention: TokenMention, types: frozenset[str]) -> list[TokenMention]:
        """Mentions coordinated after ``mention`` ("le Royaume-Uni *et la Lettonie*")."""
        j = mention.start - 1
        while j >= 0 and self.doc[j].pos_ == "DET":
            j -= 1
        case = self.case_word(self.doc[j]) if j >= 0 else None
        members, _ = self._list_after(mention.end, types, need_closing=True, case=case)
        return members

    def coordinated_before(
        self, mention: TokenMention, token: Token, types: frozenset[str]
    ) -> list[TokenMention]:
        """Mentions coordinated *before* ``mention`` when the parser made the first conjunct
        the head of the clause ("*Le Canada et* la Norvège sont signataires": "Canada" is
        the root, "Norvège" the subject): each earlier member must govern ``token``.
        """
        doc, index = self.doc, self.index
        ancestors = {a.i for a in token.ancestors}
        chain = self.members_before(mention, types)
        if not chain:
            return []
        # "Le Canada, le Chili, la Norvège et le Japon ont condamné": a list that opens the
        # sentence is the subject's list whatever the parser made of its first members.
        first = chain[-1].start
        sent_start = self.sent_start(token)
        while first > sent_start and doc[first - 1].pos_ == "DET":
            first -= 1
        if first == sent_start:
            return chain
        found: list[TokenMention] = []
        for member in chain:
            if index.roots[member] not in ancestors:
                break
            found.append(member)
        return found

    def members_before(self, mention: TokenMention, types: frozenset[str]) -> list[TokenMention]:
        """The mentions listed right before ``mention`` ("A, B et" before C), nearest first."""
        doc, index = self.doc, self.index
        found: list[TokenMention] = []
        start = mention.start
        while True:
            j = start - 1
            while j >= 0 and doc[j].pos_ == "DET":
                j -= 1
            joiner = next(
                (
                    jn
                    for jn in self.joiners
                    if j + 1 >= len(jn) and tuple(self.words[j - len(jn) + 1 : j + 1]) == jn
                ),
                None,
            )
            if joiner is None:
                return found
            end = j - len(joiner) + 1
            before = next((m for m in index.ends.get(end, ()) if m.type in types), None)
            if before is None or before in found:
                return found
            found.append(before)
            start = before.start

    def case_word(self, token: Token) -> str | None:
        """The normalised preposition a token is ("aux" -> "à"), else None."""
        if token.pos_ != "ADP":
            return None
        word = fold_lexeme(token.text)
        return self.case_aliases.get(word, word)

    def cue_before(self, start: int, cues: Iterable[tuple[str, ...]]) -> bool:
        """Whether one of ``cues`` (folded words) ends just before ``start``, determiners
        apart, prepositions compared through their aliases: "*lors d'*une réunion",
        "*en marge du* sommet"."""
        aliases, pos, folded = self.case_aliases, self.pos, self.words
        i = start
        while i > 0 and pos[i - 1] == DET:
            i -= 1
        for cue in cues:
            if len(cue) > i:
                continue
            words = (aliases.get(w, w) for w in folded[i - len(cue) : i])
            if tuple(words) == tuple(aliases.get(w, w) for w in cue):
                return True
        return False

    def enumerated(self, token: Token, types: frozenset[str]) -> list[TokenMention]:
        """Members listed after a group noun: "cinq pays, *dont la Suède et le Portugal*,".

        The list must be closed by punctuation or the sentence end, so that a relative
        clause ("la coalition, dont la France fait partie") is not read as a list.
        """
        doc, pos = self.doc, self.pos
        sent_end = self.sent_end(token)
        limit = min(token.i + 8, sent_end)
        i = token.i + 1
        folded = self.words
        while i < limit:
            if pos[i] == VERB or pos[i] == AUX:
                return []
            cue = next(
                (c for c in self.enumeration_cues if tuple(folded[i : i + len(c)]) == c),
                None,
            )
            if cue is not None:
                break
            i += 1
        else:
            return []
        j = i + len(cue)
        while j < len(doc) and (pos[j] == DET or doc[j].text in _OPENERS):
            j += 1
        first = next((m for m in self.index.starts.get(j, ()) if m.type in types), None)
        if first is None:
            return []
        rest, end = self._list_after(first.end, types, need_closing=False)
        if end < len(doc) and end < sent_end and not (doc[end].is_punct or doc[end].is_space):
            return []
        return [first, *rest]
