"""Token-level readings of a matched time expression that its regex cannot make.

Why apart from :mod:`kg.nlp.times.component`: both need the tagger and parser, not the
text alone: whether a candidate is kept ("le quotidien local" is a newspaper, "en 2000
exemplaires" a count) and which way "prochain"/"dernier" a few words before it points.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp import ud
from kg.nlp.times.rules import TimeMatch

__all__ = ["keep", "nearby_marker"]

_VERBS = {"VERB", "AUX"}
#: How many words before a time expression "prochain"/"dernier" may stand to set its direction.
_MARKER_WINDOW = 8


def nearby_marker(
    doc: Doc, start: int, markers: dict[str, str], sent_starts: list[int] | None = None
) -> str | None:
    """Direction given by "prochain"/"dernier" a few words before the expression.

    "la préparation du prochain conseil des ministres à Rome en juillet": the parse often
    hangs the date on a distant verb, but the words just before it say which July.
    ``sent_starts``: per token, its sentence's start (:func:`kg.nlp.tokens.sentence_bounds`,
    read once per document: ``token.sent`` costs ~5 µs a call).
    """
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    first = span[0]
    opens = sent_starts[first.i] if sent_starts is not None else first.sent.start
    for token in reversed(doc[max(opens, first.i - _MARKER_WINDOW) : first.i]):
        if token.pos_ in _VERBS or token.is_punct:
            return None
        if token.lower_ in markers:
            return markers[token.lower_]
    return None


def keep(cand: TimeMatch, doc: Doc | None) -> bool:
    """Token-level filters the regexes cannot express (needs the tagger)."""
    if doc is None or not doc.has_annotation("POS"):
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    if cand.rule == "freq":  # "le lot quotidien" yes, "le quotidien local" (newspaper) no
        before = span[0].nbor(-1) if span.start > 0 else None
        return span.root.pos_ == "ADJ" and not (
            before is not None and before.pos_ in {"DET", "ADJ"}
        )
    if cand.rule == "wdday":  # "jeudi 22", not "lundi 5 personnes ont été arrêtées"
        return span.end == len(doc) or doc[span.end].pos_ not in {"NOUN", "ADJ"}
    if cand.rule == "year":  # "en 2000 exemplaires", "de 1500 à 2000 exemplaires"
        root = span.root
        counted = root.dep_ == ud.NUMMOD or (root.head.dep_ == ud.NUMMOD and root.head.i != root.i)
        return not counted and (span.end == len(doc) or doc[span.end].pos_ != "NOUN")
    return True
