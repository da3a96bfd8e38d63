"""Event names for ``kg_entities``: names whose shape says an event, whatever NER typed.

Why a module of its own: an event's name is found on the text, not the parse ("Tour de
France", "Euro 2012", "Roland-Garros", "l'opération Licorne"), and it decides two things
for the other names: the places that only name the event are no mentions ("Tour de
*France*"), the places where it takes place stay mentions ("Grand Prix de *Monaco*").
The words come from the language's entity lexicon (``event_name_words``,
``event_name_starts``, ``event_names``).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from kg.lang import fold as _fold
from kg.lang.words import Words
from kg.nlp.entities.nominals import MentionCandidate
from kg.nlp.extensions import doc_text

__all__ = ["EventNames", "drop_event_places", "event_places"]

#: A race distance or edition number after a name ("Copper Basin 300", "Solstice 50"):
#: two to four digits, not a year.
_RACE_NUMBER = re.compile(r"^(?!1[89]\d\d$|20\d\d$)\d{2,4}$")
_PLACE_TYPES = {"Place", "Country"}
#: A year that ends an event's name ("Euro 2012").
_YEAR = re.compile(r"^(?:19|20)\d\d$")


class EventNames:
    """Finds event names that contain a place without naming it as a place.

    - a capitalised event word from ``event_name_words`` then ``de``/``d'`` and a capitalised
      word ("Tour de France", "Tour d'Italie") or a capitalised word directly ("Rallye
      Dakar");
    - capitalised words followed by a race number ("Copper Basin 300", "Kuskokwim 300").

    "Jeux olympiques *de Rio*" is not one of them: there the place is where the event is.
    Regular expressions over the text find the few candidates, so the cost does not grow
    with the number of tokens.
    """

    def __init__(self, lex: dict[str, Any], words: Words) -> None:
        self._de = words["genitive"]
        names = sorted(lex["event_name_words"], key=len, reverse=True)
        alternatives = "|".join(re.escape(w[:1].upper() + w[1:]) for w in names)
        self._words = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        self._numbers = re.compile(r"(?<=[^\W\d_] )\d{2,4}(?![\w.,])")
        known = "|".join(re.escape(n) for n in lex.get("event_names", ()))
        self._known = re.compile(rf"(?<![\w-])(?:{known})(?![\w-])") if known else None
        starts = "|".join(re.escape(w) for w in lex.get("event_start_words", ()))
        self._starts = re.compile(rf"(?<![\w-])(?:{starts})(?![\w-])") if starts else None
        self._categories = lex.get("event_category_words", set())

    def spans(self, doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
        """Token spans ``(start, end)`` of such event names in ``doc`` (whose text is ``text``)."""
        text = doc_text(doc) if text is None else text
        n = len(doc)
        spans: list[tuple[int, int]] = []
        for m in self._words.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is None or span.end >= n:
                continue
            j = span.end
            if _fold(doc[j].text) in self._de and j + 1 < n:
                j += 1
            if doc[j].text[:1].isupper() and doc[j].is_alpha:
                k = j + 1
                while k < n and doc[k].text[:1].isupper() and doc[k].is_alpha:
                    k += 1
                spans.append((span.start, k))
        for m in self._numbers.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is None or not _RACE_NUMBER.match(span.text):
                continue
            i = span.start
            if i == 0 or not doc[i - 1].text[:1].isupper() or not doc[i - 1].is_alpha:
                continue
            after = doc[i + 1] if i + 1 < n else None
            if after is not None and (
                after.like_num or (after.is_lower and after.pos_ in ("NOUN", "ADJ"))
            ):
                continue  # "Lyon 300 km", "Berlin 300 000"
            k = i - 1
            while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
                k -= 1
            spans.append((k, i + 1))
        return spans

    def named(self, doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
        """Token spans of names that say an event, to be typed ``Event`` whatever NER said.

        - a known recurring event ("Roland-Garros", "Paris-Roubaix", "Vendée Globe"), which
          NER takes for a person or a place;
        - an event word then a year ("Euro 2012", "Mondial 2014") or ``de``/``d'`` and a
          capitalised word ("Grand Prix de Monaco", "Tour d'Italie", "Coupe de France");
        - "opération" then capitalised words ("l'opération Tempête du désert"), the way
          armies name their operations;
        - the spans of :meth:`spans` that read "<event word> de <Name>" or end on a race
          number ("Tour de France", "Copper Basin 300").

        A year right after any of them is part of the name ("Tour de France 2011"), and so
        is a word that says whose competition it is ("Ligue des champions féminine").
        """
        text = doc_text(doc) if text is None else text
        n = len(doc)
        found: list[tuple[int, int]] = []
        if self._known is not None:
            for m in self._known.finditer(text):
                span = doc.char_span(m.start(), m.end())
                if span is not None:
                    found.append((span.start, span.end))
        for m in self._starts.finditer(text) if self._starts is not None else ():
            span = doc.char_span(m.start(), m.end())
            if span is None or span.end >= n:
                continue
            j = span.end
            if _YEAR.match(doc[j].text):
                found.append((span.start, j + 1))
                continue
            if _fold(doc[j].text) in self._de and j + 1 < n:
                j += 1
            elif _fold(span.text) != "operation":
                continue
            k = j
            while k < n and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k += 1
            if k > j:
                found.append((span.start, k))
        for start, end in self.spans(doc, text):
            if _fold(doc[start + 1].text) in self._de or (
                doc[end - 1].like_num
                and len(doc[start].text) > 2
                and doc[start].pos_ != "DET"
                and (end == n or doc[end].text[:1] not in "°′″")
            ):
                found.append((start, end))  # not "Le 27", "N 120" (a coordinate)
        out = []
        for start, end in found:
            while end - start > 1 and doc[start].pos_ == "DET":
                start += 1  # "La Copper Basin 300"
            if end < n and _YEAR.match(doc[end].text):
                end += 1
            while end < n and doc[end].is_lower and _fold(doc[end].text) in self._categories:
                end += 1
            out.append((start, end))
        return out


def event_places(
    chosen: list[MentionCandidate], cands: list[MentionCandidate]
) -> list[MentionCandidate]:
    """Places named inside a chosen event name, after its first word ("Grand Prix de
    *Monaco*", "Festival d'*Avignon* 2016"): the event takes place there, so the place
    stays a mention beside the event (the places that only name the event, as in "Tour de
    France", were dropped before by :func:`drop_event_places`)."""
    events = [
        (c.start, c.end)
        for c in chosen
        if c.type == "Event" and c.extras.get("src") == "pattern" and c.end - c.start > 1
    ]
    if not events:
        return []
    out: list[MentionCandidate] = []
    seen: set[tuple[int, int]] = set()
    for c in cands:
        if (
            c.type in _PLACE_TYPES
            and (c.start, c.end) not in seen
            and any(s < c.start and c.end <= e for s, e in events)
        ):
            seen.add((c.start, c.end))
            out.append(c)
    return out


def drop_event_places(
    cands: list[MentionCandidate], events: list[tuple[int, int]]
) -> list[MentionCandidate]:
    """Candidates without the places (and place-typed NER spans) inside event names."""
    if not events:
        return cands
    inside = {i for start, end in events for i in range(start, end)}
    return [
        c
        for c in cands
        if c.type not in _PLACE_TYPES or not inside.issuperset(range(c.start, c.end))
    ]
