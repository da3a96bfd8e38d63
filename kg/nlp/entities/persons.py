"""Persons keyed within one article: "Dupont", "M. Dupont", "J.-P. Dupont" and
"Jean-Pierre Dupont" are one person when only one full name fits.

Why a module of its own: keying persons is about spelling only (the surname, the initials
of every given name, hyphenated parts included), apart from the span choices of
:mod:`kg.nlp.entities.names` that come before it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from kg.ids import entity_key
from kg.lang import fold as _fold
from kg.nlp.entities.nominals import FOLD as _FOLD
from kg.nlp.entities.nominals import MentionCandidate
from kg.nlp.entities.spans import portfolio_before_name
from kg.nlp.tokens import ORTH

__all__ = ["given_initials", "initials_only", "link_persons", "same_person", "titled_persons"]


def given_initials(name: str) -> list[str]:
    """ "Jean-Pierre Dupont" / "J.-P. Dupont" -> ["j", "p"]: the given names' initials."""
    given = name.split()[:-1]
    return [_fold(part.strip("."))[:1] for word in given for part in word.split("-") if part]


def initials_only(name: str) -> bool:
    """Whether every given name is an initial ("J.-P. Dupont", "N. Sarkozy")."""
    given = name.split()[:-1]
    parts = [part for word in given for part in word.split("-") if part]
    return bool(parts) and all(len(part.strip(".")) == 1 for part in parts)


def same_person(initials: str, spelled: str) -> bool:
    """ "J.-P. Dupont" and "Jean-Pierre Dupont": one surname, the same initials."""
    return _fold(initials.split()[-1]) == _fold(spelled.split()[-1]) and given_initials(
        initials
    ) == given_initials(spelled)


def link_persons(cands: list[MentionCandidate]) -> None:
    """Give persons keys; a surname alone joins the one full name that ends with it.

    A name written with initials ("J.-P. Dupont") first joins the one full name its
    initials and surname fit ("Jean-Pierre Dupont"), so the surname alone stays unambiguous.
    """
    persons = [c for c in cands if c.type == "Person"]
    full = [c for c in persons if len(c.name.split()) > 1]
    spelled = sorted({c.name for c in full if not initials_only(c.name)})
    for c in full:
        if c.key or not initials_only(c.name):
            continue
        fits = [n for n in spelled if same_person(c.name, n)]
        if len(fits) == 1:
            c.name = fits[0]
    by_last: dict[str, set[str]] = {}
    for c in full:
        by_last.setdefault(_fold(c.name.split()[-1]), set()).add(c.name)
    for c in persons:
        if c in full or c.key:
            continue
        names = by_last.get(_fold(c.name), set())
        if len(names) == 1:
            c.name = next(iter(names))
    for c in cands:
        if c.key is None:
            c.key = entity_key(c.type, c.name, c.wikidata)


def titled_persons(
    doc: Doc,
    taken: set[int],
    lex: dict[str, Any],
    links: frozenset[str],
    first_names: frozenset[str],
) -> list[MentionCandidate]:
    """Names right after a title that NER missed: "le ministre du Numérique Jan Kowal".

    After a title word, skip its qualifiers (demonyms, "de la Défense"), then take a
    run of two or more capitalised words that nothing else claimed (``taken`` grows).
    """
    found: list[MentionCandidate] = []
    titles = lex["person_titles"]
    for i, word in enumerate(_FOLD(doc, ORTH)):
        if word not in titles:
            continue
        token = doc[i]
        if not token.is_lower:
            continue
        j, limit = token.i + 1, min(len(doc), token.i + 9)
        while j < limit and (
            doc[j].pos_ == "ADJ"
            or _fold(doc[j].text) in lex["title_links"]
            or (j > token.i + 1 and _fold(doc[j - 1].text) in lex["title_links"])
        ):
            j += 1
        k = j
        while k < len(doc) and doc[k].is_alpha and doc[k].text[:1].isupper():
            k += 1
            if "\n" in doc[k - 1].whitespace_:
                break
        if portfolio_before_name(doc, j, k, links, first_names):
            j += 1  # "la ministre de la Défense Ursula Schmidt": the portfolio is no name
        if k - j >= 2 and not any(i in taken for i in range(j, k)):
            found.append(
                MentionCandidate(j, k, "Person", doc[j:k].text, "name", extras={"src": "title"})
            )
            taken.update(range(j, k))
    return found
