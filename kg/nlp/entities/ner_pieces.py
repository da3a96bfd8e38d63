"""NER spans cut into names: line breaks, a known body before a person, a place of a place.

Why apart: spaCy's French NER glues a title's body to the person after it ("le président
du Sénat Paul Girard"), runs over line breaks and splits names in two ("Tsaï" + "Ing-wen");
these repairs read the words around one NER span before any candidate is made
(:mod:`kg.nlp.entities.candidates`). A mixin of :class:`kg.nlp.entities.linker.EntityLinker`,
which builds these attributes.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from kg.lang import fold as _fold
from kg.lang.gazetteer import Gazetteer
from kg.lang.words import Words
from kg.nlp.entities.ner import NerSpans
from kg.nlp.entities.spans import place_of_place, split_lines

__all__ = ["NerPieces"]

_NER_TYPES = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}


class NerPieces:
    """Mixin of :class:`kg.nlp.entities.linker.EntityLinker`: NER spans cut and rejoined."""

    lex: dict[str, Any]
    words: Words
    gazetteer: Gazetteer
    ner: NerSpans
    first_names: frozenset[str]
    _kind_words: frozenset[str]

    def _ner_spans(self, doc: Doc, known: dict[int, int]) -> list[tuple[int, int, str]]:
        """NER spans cut at line breaks, with names NER split in two put back together.

        "Tsaï" (LOC) right before "Ing-wen" (PER) is one person: a single unknown word
        glued to a person's name is the first part of that name.
        """
        spans: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            ner_type = _NER_TYPES.get(ent.label_)
            if ner_type is None:
                continue
            for start, end, type_ in self._title_body_split(
                doc, ent.start, ent.end, ner_type, known
            ):
                prev = spans[-1] if spans else None
                if (
                    prev is not None
                    and prev[1] == start
                    and type_ == "Person"
                    and prev[1] - prev[0] == 1
                    and doc[prev[0]].is_alpha
                    and "\n" not in doc[prev[0]].whitespace_
                    and self.gazetteer.lookup_name(doc[prev[0]].text) is None
                    and not self._portfolio_word(doc, prev[0])
                ):
                    spans[-1] = (prev[0], end, "Person")
                else:
                    spans.append((start, end, type_))
        return spans

    def _after_title(self, doc: Doc, a: int, cut: int, b: int) -> bool:
        """ "le président du Conseil européen Herman Van Rompuy": a person's title before the
        known body, and capitalised words after it that name nothing known."""
        j = a - 1
        while j >= 0 and _fold(doc[j].text) in self.ner.links:
            j -= 1
        return (
            0 <= j < a - 1
            and _fold(doc[j].text) in self.lex["person_titles"]
            and all(t.text[:1].isupper() for t in doc[cut:b] if t.is_alpha)
            and self.gazetteer.lookup_name(doc[cut:b].text) is None
        )

    def _portfolio_word(self, doc: Doc, i: int) -> bool:
        """ "la ministre de la *Défense*": a word after a minister's "de la" is a portfolio."""
        links = self.ner.links
        j = i - 1
        while j >= 0 and _fold(doc[j].text) in links:
            j -= 1
        heads = self.lex["portfolio_heads"]
        if j >= i - 1:
            return False
        # the title right before "de la", or with its adjectives between ("ministre belge")
        for k in range(j, max(-1, j - 3), -1):
            if _fold(doc[k].text) in heads:
                return all(doc[x].pos_ == "ADJ" for x in range(k + 1, j + 1))
        return False

    def _title_body_split(
        self, doc: Doc, start: int, end: int, type_: str, known: dict[int, int]
    ) -> list[tuple[int, int, str]]:
        """The line pieces of a NER span, a known body cut from the name after it.

        "le président du Sénat Paul Girard": NER reads "Sénat Paul Girard" as one
        organisation; a known name followed by a first name and a capitalised word is two.
        """
        pieces = []
        for a, b in split_lines(doc, start, end):
            cut = known.get(a)
            if (
                type_ != "Person"
                and cut is not None
                and cut + 1 < b
                and doc[cut + 1].text[:1].isupper()
                and (doc[cut].text in self.first_names or self._after_title(doc, a, cut, b))
            ):
                pieces += [(a, cut, type_), (cut, b, "Person")]
            elif type_ == "Place" and (
                k := place_of_place(doc, a, b, known, self.gazetteer, self.words, self._kind_words)
            ):
                pieces += [(a, k, type_), (k + 1, b, type_)]  # "Iju de Lagos": two places
            else:
                pieces.append((a, b, type_))
        return pieces
