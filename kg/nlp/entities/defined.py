"""Organisations named in lower case and defined by an acronym in parentheses.

Why: news writes many institutions in lower case, then gives their acronym: "l'agence
spatiale japonaise (JAXA)", "la fédération internationale (ITU)", "le bureau d'enquêtes
(BEA)". Without a capital NER does not see a name, and a description reader would keep
only "une agence"; the acronym right after says the words before it are a proper name.
The name runs back from the parenthesis over lower-case nouns, adjectives and ``de``
links to the leftmost organisation head noun (``org_name_heads``, ``org_pattern_heads``)
that a determiner or a preposition introduces.

The same shape without any organisation noun defines a thing: "un missile tiré depuis un
sous-marin (SLBM)", "un spectromètre à rayons X (APXS)". Such an acronym abbreviates what
the words before it describe, so NER's reading of it as an organisation is dropped
(:func:`defined_things`), for its other uses in the document too.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc

from kg.lang import fold
from kg.lang.words import Words
from kg.nlp.entities.acronyms import ACRONYM
from kg.nlp.entities.nominals import MentionCandidate
from kg.nlp.tokens import ORTH

__all__ = ["acronym_defined_names", "defined_things", "drop_defined_things"]

#: Longest name read back from the parenthesis, in words.
_MAX_WORDS = 8
_NAME_POS = ("NOUN", "ADJ", "ADP", "DET", "PROPN")
_OPENING = hash_string("(")


def acronym_defined_names(
    doc: Doc, lex: dict[str, Any], words: Words
) -> list[tuple[int, int, str]]:
    """``(start, end, "Organization")`` for each lower-case name right before "(ACRONYM)"."""
    heads = lex["org_name_heads"] | lex["org_pattern_heads"] | lex.get("acronym_org_heads", set())
    genitive, coordinators = words["genitive"], words["coordinators"]
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    # Only opening parentheses are visited (a column compare, no Token per word).
    for p in numpy.flatnonzero(doc.to_array(ORTH) == _OPENING).tolist():
        if p < 2 or p + 2 >= n or doc[p + 2].text != ")" or not ACRONYM.match(doc[p + 1].text):
            continue
        b = p - 1
        while (
            b >= 0
            and p - b <= _MAX_WORDS
            and doc[b].is_lower
            and doc[b].text.replace("-", "").replace("'", "").replace("’", "").isalpha()
            and (doc[b].pos_ in _NAME_POS or _joins_complements(doc, b, genitive, coordinators))
        ):
            b -= 1
        if doc[p - 1].pos_ in ("ADP", "DET"):
            continue
        starts: list[int] = []
        for s in range(b + 1, p):
            if fold(doc[s].text) not in heads or s == 0:
                continue
            before = doc[s - 1]
            article = before.morph.get("PronType") == ["Art"]  # "du", "des": "de" + "le"
            if (fold(before.text) in genitive and not article) or before.pos_ not in (
                "DET",
                "ADP",
            ):
                break  # "le chef de service (…)": the head is a complement, no name opens
            if p - s >= 2:
                starts.append(s)
        if starts:
            # "l'équipe du bureau d'enquêtes (BE)": the head the acronym spells names it
            spelled = [s for s in starts if _initials(doc, s, p, genitive) == doc[p + 1].text]
            found.append(((spelled or starts)[0], p, "Organization"))
    return found


def _initials(doc: Doc, start: int, end: int, links: frozenset[str]) -> str:
    """Capitalised first letters of the words of ``doc[start:end]`` that are no ``de``,
    article or coordinator: what an acronym of that phrase would spell."""
    return "".join(
        t.text.split("'")[-1].split("’")[-1][:1].upper()
        for t in doc[start:end]
        if fold(t.text) not in links and t.pos_ not in ("DET", "ADP", "CCONJ")
    )


def _joins_complements(
    doc: Doc, b: int, genitive: frozenset[str], coordinators: frozenset[str]
) -> bool:
    """Whether ``doc[b]`` joins two ``de`` complements of one name ("bureau d'enquêtes *et*
    d'analyses"); before anything else a coordinator joins two phrases, not one name."""
    return (
        fold(doc[b].text) in coordinators and b + 1 < len(doc) and fold(doc[b + 1].text) in genitive
    )


def defined_things(doc: Doc, heads: frozenset[str] | set[str]) -> frozenset[str]:
    """Acronyms that a lower-case noun phrase without an organisation noun defines.

    "(SLBM)" right after "… tiré depuis un sous-marin": the phrase before the parenthesis
    ends on a lower-case noun or adjective, and none of its lower-case words (back to the
    first word that is not a noun, adjective, article or preposition) is a kind of
    organisation from ``heads`` (folded). A capitalised word before the parenthesis
    ("l'Agence spatiale européenne (ESA)") leaves the acronym alone.
    """
    found: set[str] = set()
    n = len(doc)
    for p in numpy.flatnonzero(doc.to_array(ORTH) == _OPENING).tolist():
        if p < 2 or p + 2 >= n or doc[p + 2].text != ")" or not ACRONYM.match(doc[p + 1].text):
            continue
        last = doc[p - 1]
        word = last.text.replace("-", "").replace("'", "").replace("’", "")
        if not (last.is_lower and word.isalpha() and last.pos_ in ("NOUN", "ADJ")):
            continue
        b = p - 1
        while b >= 0 and p - b <= _MAX_WORDS and doc[b].pos_ in (*_NAME_POS, "CCONJ", "PUNCT"):
            if not doc[b].is_lower and not doc[b].is_punct:
                break
            b -= 1
        stop = doc[b] if b >= 0 else None
        if stop is not None and not stop.is_lower and stop.pos_ in ("NOUN", "PROPN", "ADJ"):
            continue  # a capitalised word: a name (or its start) stands before the acronym
        words = doc[b + 1 : p]  # a capitalised article or preposition opening the sentence
        if any(fold(t.text) in heads or fold(t.lemma_) in heads for t in words):
            continue  # an organisation noun: acronym_defined_names reads it as a name
        found.add(doc[p + 1].text)
    return frozenset(found)


def drop_defined_things(
    doc: Doc, cands: list[MentionCandidate], heads: frozenset[str]
) -> list[MentionCandidate]:
    """``cands`` without the unlinked organisations named by an acronym of
    :func:`defined_things` (wherever in the document the acronym stands)."""
    things = defined_things(doc, heads)
    if not things:
        return cands
    return [
        c
        for c in cands
        if c.wikidata or c.type != "Organization" or doc[c.start : c.end].text not in things
    ]
