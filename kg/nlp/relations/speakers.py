"""Subject pronouns that stand for the speaker of the words they are in.

Why: a stance is often stated by its holder in their own words, « Nous condamnons cette
attaque », a déclaré X, or reported with a pronoun, X a affirmé qu'elle soutenait Y. The
attribution reader already knows who speaks; without this, the holder is a pronoun that
names nobody and the fact is lost.

Readings (narrow on purpose):
- a first-person subject pronoun ("je", "nous") inside words attributed to a named
  speaker, in a quote or not; "je" only for a person;
- a third-person subject pronoun ("il", "elle") that is the subject of the very clause a
  reporting verb introduces ("X a déclaré *qu'elle* soutenait Y"), outside any quote, when
  the speaker is the reporting verb's own subject.
The words live in ``speaker_pronouns`` of ``kg/lang/<lang>/relations.json``; the mentions
serve the relation patterns only, like :mod:`kg.nlp.relations.pronouns`' ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.attribution.records import Attribution, Quote
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.pronouns import PRONOUN

__all__ = ["SpeakerPronouns"]

_SUBJECTS = frozenset({ud.NSUBJ, ud.NSUBJ_PASS})


class SpeakerPronouns:
    """Speaker mentions for pronouns in attributed words, compiled once from the lexicon."""

    def __init__(self, lex: Mapping[str, Any]) -> None:
        spec = lex.get("speaker_pronouns", {})
        self.singular = frozenset(fold_lexeme(w) for w in spec.get("first_singular", ()))
        self.plural = frozenset(fold_lexeme(w) for w in spec.get("first_plural", ()))
        self.third = frozenset(fold_lexeme(w) for w in spec.get("third", ()))
        self.person_types = frozenset(spec.get("person_types", ("Person",)))
        self.speaker_types = frozenset(spec.get("speaker_types", ()))

    def mentions(
        self, doc: Doc, attributions: list[Attribution], quotes: list[Quote]
    ) -> list[TokenMention]:
        """A mention of the speaker for each subject pronoun read as them (see above)."""
        found: dict[int, TokenMention] = {}
        for attribution in attributions:
            speaker = attribution.speaker
            if speaker is None or speaker.type not in self.speaker_types:
                continue
            cue = doc[attribution.cue] if attribution.cue < len(doc) else None
            for token in _content_tokens(doc, attribution):
                if token.pos_ != "PRON" or token.dep_ not in _SUBJECTS or token.i in found:
                    continue
                if self._reads_as_speaker(token, speaker, cue, quotes):
                    found[token.i] = TokenMention(
                        token.i, token.i + 1, speaker.key, speaker.type, PRONOUN
                    )
        return [found[i] for i in sorted(found)]

    def _reads_as_speaker(
        self, token: Token, speaker: TokenMention, cue: Token | None, quotes: list[Quote]
    ) -> bool:
        word = fold_lexeme(token.text)
        if word in self.plural:
            return True
        if word in self.singular:
            return speaker.type in self.person_types
        if word not in self.third or cue is None or _quoted(token, quotes):
            return False
        # "X a déclaré qu'elle soutenait Y": the subject of the clause the verb introduces,
        # the verb's own subject being the speaker.
        clause = token.head
        return (
            clause.head.i == cue.i
            and clause.dep_ in {ud.CCOMP, ud.XCOMP}
            and any(
                c.dep_ in _SUBJECTS and speaker.start <= c.i < speaker.end for c in cue.children
            )
        )


def _content_tokens(doc: Doc, attribution: Attribution) -> list[Token]:
    """The tokens of the words ``attribution`` reports."""
    return [
        t
        for start, end in attribution.ranges
        for t in doc.char_span(start, end, alignment_mode="expand") or ()
        if attribution.covers(t.idx)
    ]


def _quoted(token: Token, quotes: list[Quote]) -> bool:
    return any(q.start <= token.idx < q.end for q in quotes)
