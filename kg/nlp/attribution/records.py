"""Attribution records: quotes, the attribution lexicon, and who-said-what spans.

Why apart from the finder (:mod:`kg.nlp.attribution.cues`): facts, relations and tests read
these records without the clause rules that produce them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kg.lang import fold_lexeme, load_data
from kg.nlp.extensions import TokenMention

__all__ = ["Attribution", "AttributionCues", "Quote", "find_quotes", "innermost"]

_WORDS = re.compile(r"\w+'|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words: ``start``/``end`` bound the words, ``open``/``close`` the marks.

    An unbalanced opening mark is closed at the end of its paragraph (``close == end``).
    """

    open: int
    start: int
    end: int
    close: int
    text: str


@dataclass(frozen=True, slots=True)
class AttributionCues:
    """The attribution lexicon of one language."""

    speech_verbs: frozenset[str]
    according_cues: tuple[tuple[tuple[str, ...], str], ...]
    quote_marks: tuple[tuple[str, str], ...]
    incise_openers: frozenset[str]
    speaker_types: frozenset[str]
    definite_determiners: frozenset[str]
    max_source_tokens: int
    title_words: frozenset[str]
    source_openers: frozenset[str] = frozenset()

    @classmethod
    def load(cls, lang: str = "fr") -> AttributionCues:
        """Build the cues from ``kg/lang/<lang>/relations.json``."""
        return cls.from_data(load_data(lang, "relations"))

    @classmethod
    def from_data(cls, lex: Mapping[str, Any]) -> AttributionCues:
        """Build the cues from a relation lexicon (the shape of ``relations.json``)."""
        a = lex["attribution"]
        return cls(
            speech_verbs=frozenset(fold_lexeme(w) for w in lex["modality"]["speech_verbs"]),
            according_cues=tuple(
                sorted(
                    (
                        (tuple(_WORDS.findall(fold_lexeme(c))), fold_lexeme(c))
                        for c in a["according_cues"]
                    ),
                    key=lambda cue: len(cue[0]),
                    reverse=True,
                )
            ),
            quote_marks=tuple((o, c) for o, c in a["quote_marks"]),
            incise_openers=frozenset(a["incise_openers"]),
            speaker_types=frozenset(a["speaker_types"]),
            definite_determiners=frozenset(fold_lexeme(w) for w in a["definite_determiners"]),
            max_source_tokens=int(a["max_source_tokens"]),
            title_words=frozenset(fold_lexeme(t["words"]).split()[-1] for t in lex["titles"]),
            source_openers=frozenset(fold_lexeme(w) for w in a["source_openers"]),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reporting clause or "selon" phrase and the text it attributes.

    Attributes:
        cue: token index of the reporting verb or of the first word of "selon"/"d'après".
        reporting_verb: lemma of the verb ("déclarer") or the cue as written ("selon").
        source_text: the source phrase as written ("les médias lettons", "Grant Schapps").
        speaker: the entity that speaks (the source phrase *is* it), or None.
        affiliation: an entity inside a source that is not one ("les médias *lettons*").
        ranges: character ranges of the reported content (quotes included).
        hole: character range of the source phrase, never part of the content.
        quotes: the quotes the clause introduces (direct speech), in text order.
        inferred: the speaker was resolved from an earlier sentence ("le communiqué").
        kind: ``speech`` (a reporting verb) or ``according`` ("selon", "d'après").
        direct: the content is a quote of its own ("X a déclaré : « … »"), not a clause
            that may embed quoted words ("X a déclaré que la coalition « augmenterait »").
    """

    cue: int
    reporting_verb: str
    source_text: str
    speaker: TokenMention | None
    affiliation: TokenMention | None
    ranges: tuple[tuple[int, int], ...]
    hole: tuple[int, int]
    quotes: tuple[Quote, ...] = ()
    inferred: bool = False
    kind: str = "speech"
    direct: bool = False

    def covers(self, char: int) -> bool:
        """Whether the character offset ``char`` lies in the reported content."""
        if self.hole[0] <= char < self.hole[1]:
            return False
        return any(start <= char < end for start, end in self.ranges)

    @property
    def size(self) -> int:
        """Characters of reported content (the innermost attribution is the smallest)."""
        return sum(end - start for start, end in self.ranges)


# ------------------------------------------------------------------------------ quotes
def find_quotes(text: str, marks: Sequence[tuple[str, str]]) -> list[Quote]:
    """Outermost quotes of ``text``, paragraph by paragraph.

    Nested quotes stay inside their outer quote; an opening mark left open is closed at the
    end of its paragraph; a closing mark with no opening one is ignored.

    >>> [q.text for q in find_quotes("Il a dit « oui « non » peut-être » puis « fin", [("«", "»")])]
    ['oui « non » peut-être', 'fin']
    >>> [q.text for q in find_quotes('« a » et "b"', [("«", "»"), ('"', '"')])]
    ['a', 'b']
    """
    openers = {o: c for o, c in marks}
    closers = {c for _, c in marks}
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (expected closing mark, offset of the opening mark)
    # Only line breaks and quote marks change the state: jump from one to the next.
    marks_re = re.compile("[" + re.escape("\n" + "".join(openers) + "".join(closers)) + "]")
    for m in marks_re.finditer(text):
        i, char = m.start(), m.group()
        if char == "\n":
            if stack:
                _add_quote(quotes, text, stack[0][1], i, i)
            stack.clear()
            continue
        if stack and char == stack[-1][0]:
            _, opened = stack.pop()
            if not stack:
                _add_quote(quotes, text, opened, i, i + 1)
            continue
        if char in openers and not (char in closers and any(c == char for c, _ in stack)):
            stack.append((openers[char], i))
    if stack:
        _add_quote(quotes, text, stack[0][1], len(text), len(text))
    return quotes


def _add_quote(quotes: list[Quote], text: str, opened: int, end: int, close: int) -> None:
    start = opened + 1
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        quotes.append(Quote(opened, start, stop, close, text[start:stop]))


def innermost(attributions: Iterable[Attribution], char: int) -> Attribution | None:
    """The smallest attribution whose content covers ``char`` (None when none does)."""
    best: Attribution | None = None
    for attribution in attributions:
        if attribution.covers(char) and (best is None or attribution.size < best.size):
            best = attribution
    return best
