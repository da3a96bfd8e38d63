"""Span-level rules of ``kg_entities``: where a name starts and ends, and what it is not.

Why a module of its own: these rules look only at tokens (no keys, no documents), so they
are easy to test and tune on the entity benchmark (``benchmarks/eval_entities.py``) without
touching how mentions are linked. Every word list comes from ``kg/lang/<lang>/entities.json``.

- :func:`split_lines` cuts NER spans that run across line breaks ("Morency\\nŽvižej") and
  spaced dashes ("Portugal - Islande").
- :func:`looks_like_demonym` tells "Québécois", "Suissesse" or "Bermudienne" (people) from
  names, so they are neither places nor parts of a person's name.
- :func:`pattern_spans` finds organisation and place names spaCy's NER misses or cuts:
  "ministère de l'Intérieur", "armée syrienne", "université Harvard", "place de la
  République", "le ministre de la *Justice*", "15 e arrondissement de Paris"; a service
  named by its place ("l'aéroport de Bruxelles") leaves the place as the mention.

Acronyms in parentheses (:mod:`kg.nlp.entities.acronyms`) and names in quotes
(:mod:`kg.nlp.entities.quoted`) are read in modules of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.lang.gazetteer import Gazetteer
from kg.lang.words import Words
from kg.nlp.entities.extent import (
    adjectives,
    coordinated_portfolios,
    open_adjectives_off,
    qualifier_word,
)
from kg.nlp.entities.nominals import FOLD as _FOLD
from kg.nlp.tokens import ORTH

__all__ = [
    "ARABIC_ARTICLE",
    "demonym_before_name",
    "is_name_word",
    "kind_noun_before_name",
    "looks_like_demonym",
    "pattern_spans",
    "portfolio_before_name",
    "split_lines",
]

#: Type of a ministry named only by its portfolio ("le ministre de la *Justice*"): an
#: organisation, the article's ministry (:mod:`kg.nlp.entities.institutions`).
PORTFOLIO = "Portfolio"

_DASHES = {"-", "–", "—"}
_ROAD_CODE = re.compile(r"^[A-Z]{1,2}\d{1,3}$")
#: Arabic article written lower case at the start of a name: "al-Bab", "el-Sissi".
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ad-d)[-‑][A-ZÀ-Ý]")


def is_name_word(token: Token) -> bool:
    """A capitalised word, a number or a name-internal hyphen/apostrophe token."""
    text = token.text
    return (text[:1].isupper() and not token.is_punct) or (
        token.like_num and not token.is_punct and token.i > 0
    )


def split_lines(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Parts of ``doc[start:end]`` between line breaks (NER spans may run across them).

    A dash with spaces on both sides also separates two names: "Portugal - Islande" (a
    match), "Téhéran – Bagdad"; a hyphen inside a name ("Nord-Pas-de-Calais") does not.
    """
    part = start
    for i in range(start, end):
        token = doc[i]
        if token.text in _DASHES and i > start and doc[i - 1].whitespace_ and token.whitespace_:
            if i > part:
                yield part, i
            part = i + 1
        elif "\n" in token.text or "\n" in token.whitespace_:
            stop = i if "\n" in token.text else i + 1
            if stop > part:
                yield part, stop
            part = i + 1
    if end > part:
        yield part, end


def place_of_place(
    doc: Doc,
    start: int,
    end: int,
    known: dict[int, int] | None,
    gazetteer: Gazetteer,
    words: Words,
    heads: frozenset[str] = frozenset(),
) -> int | None:
    """Where a NER place "X de Y" splits in two, when Y is a known city: "Iju de Lagos"
    (a suburb, then its city), "Kasba d'Agadir". None when the whole is a known name, when
    X is one word only of several ("Rio de Janeiro" names no known Janeiro) or X is not
    capitalised, or a kind word in ``heads`` opens it ("Grande Mosquée de Lyon", "Port de
    Gênes"). The caller keeps X as a place and Y as the gazetteer's entity."""
    for k in range(start + 1, end - 1):
        if fold(doc[k].text) not in words["genitive"] or (
            known is not None and known.get(k + 1) != end
        ):
            continue
        entry = gazetteer.lookup_name(doc[k + 1 : end].text)
        if entry is None or entry.type != "Place":
            return None  # "Santiago du Chili", "Saint-Louis du Sénégal": one city
        if gazetteer.lookup_name(doc[start:end].text) is not None:
            return None
        if not all(t.text[:1].isupper() for t in doc[start:k] if t.is_alpha) or any(
            fold(t.text) in heads for t in doc[start:k]
        ):
            return None
        return k
    return None


def portfolio_before_name(
    doc: Doc, start: int, end: int, links: frozenset[str], first_names: frozenset[str]
) -> bool:
    """ "la ministre de la *Défense* Ursula Schmidt": a portfolio word glued to a name.

    Three capitalised words or more after "de"/"la", the first no given name and the
    second one: the first is the portfolio of the title before, not part of the name.
    """
    return (
        end - start >= 3
        and start > 0
        and fold(doc[start - 1].text) in links
        and doc[start].text not in first_names
        and doc[start + 1].text in first_names
    )


def kind_noun_before_name(
    doc: Doc, start: int, end: int, kinds: frozenset[str], gazetteer: Gazetteer
) -> bool:
    """ "l'*ONG* Human Rights Watch": a kind noun opening a span whose rest is a known name.

    The noun says what the body is; the name is what the gazetteer knows. A capitalised
    noun ("Agence France-Presse") opens the name itself; an acronym ("ONG") does not.
    """
    first = doc[start].text
    return (
        end - start >= 2
        and (first.islower() or first.isupper())
        and fold(first) in kinds
        and gazetteer.lookup_name(doc[start + 1 : end].text) is not None
    )


def demonym_before_name(doc: Doc, i: int, gazetteer: Gazetteer, words: Words) -> bool:
    """Whether ``doc[i]`` is a demonym noun opening a person's name ("Autrichienne X Y")."""
    word = doc[i].text
    if not word[:1].isupper() or gazetteer.lookup_name(word) is not None:
        return False
    lower = word.lower()
    return (
        gazetteer.lookup_demonym(word) is not None
        or bool(words["demonym_always_pattern"].search(lower))
        or bool(words["demonym_feminine_pattern"].search(lower))
    )


def looks_like_demonym(doc: Doc, i: int, gazetteer: Gazetteer, words: Words) -> bool:
    """Whether the capitalised word ``doc[i]`` names people of a place, not a place.

    Known country demonyms come from the gazetteer; others ("Québécois", "Niçois",
    "Suissesse") are recognised by their ending, with the ambiguous endings only after an
    article or before a capitalised name ("l'Autrichienne Nadine Fest").
    """
    token = doc[i]
    word = token.text
    if not word[:1].isupper() or gazetteer.lookup_name(word) is not None:
        return False
    if gazetteer.lookup_demonym(word) is not None:
        return True
    lower = word.lower()
    if words["demonym_always_pattern"].search(lower):
        return True
    if not words["demonym_maybe_pattern"].search(lower):
        return False
    after_article = i > 0 and fold(doc[i - 1].text) in words["name_determiners"]
    before_name = i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha
    return after_article or before_name


def pattern_spans(
    doc: Doc, lex: dict[str, Any], gazetteer: Gazetteer, words: Words
) -> list[tuple[int, int, str]]:
    """Organisation and place names built on a head noun, as ``(start, end, type)``.

    - ``<head> [adjectives] [de/du/des/d' [la/l']] <Capitalised words>``: "ministère de
      l'Intérieur", "diocèse de Moosonee", "université Harvard", "place de la République";
    - a military head with a demonym: "armée syrienne", "aviation russe";
    - a name right after a media or company noun is an organisation, without the noun:
      "le quotidien allemand *Bild*", "l'agence *Bloomberg*";
    - a minister's portfolio is the ministry: "le ministre de la *Justice*", "la ministre
      des *Affaires étrangères*" (heads in ``portfolio_heads``);
    - a service named by its place ("l'aéroport de Bruxelles", "le parquet de Paris", heads
      in ``place_only_heads``) is not a name: the place in it is the mention.

    A lower-case head needs a capitalised complement or a demonym, so "le service
    national" is not a name.
    """
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    de, articles = words["genitive"], words["definite_articles"]
    heads, places = lex["org_pattern_heads"], lex["place_pattern_heads"]
    demonym_heads, before = lex["org_demonym_heads"], lex["org_name_before_heads"]
    place_only, portfolio = lex["place_only_heads"], lex["portfolio_heads"]
    every = heads | places | before | demonym_heads | portfolio
    # Only words that fold to a head become Token objects (see kg.nlp.tokens).
    folded = _FOLD(doc, ORTH)
    i = 0
    while i < n:
        low = folded[i]
        if low not in every:
            i += 1
            continue
        token = doc[i]
        if not token.is_alpha:
            i += 1
            continue
        capital = token.text[:1].isupper()
        j = i + 1
        demonym = False
        # hyphenated qualifiers only before a name ("la compagnie low-cost X"); after a
        # head with a complement they open a description ("la gendarmerie anti-…")
        while j < n and (
            qualifier_word(doc, j)
            if low in before
            else doc[j].is_lower and doc[j].pos_ == "ADJ" and doc[j].is_alpha
        ):
            demonym = demonym or gazetteer.lookup_demonym(doc[j].text) is not None
            j += 1
        if low in before and not capital and j < n and doc[j].text[:1].isupper():
            end = _name_run(doc, j, _run_links(words))
            if end > j:
                found.append((j, end, "Organization"))
                if "Plur" in token.morph.get("Number") or low.endswith(("s", "x")):
                    # "les firmes Alpha Conseil et Beta": a plural kind names each one
                    end = _listed_names(doc, end, words, found)
                i = end
                continue
        type_ = "Place" if low in places else "Organization"
        if low in portfolio and not capital and j + 1 < n:
            # adjectives may stand between: "le ministre colombien de la *Santé*"
            k = j + 1 + (fold(doc[j + 1].text) in articles)
            if doc[j].lower_ in de and k < n and doc[k].is_title and doc[k].is_alpha:
                # "le ministre de la *Justice*", "des *Affaires étrangères*" (one capitalised
                # word: "le ministre du Numérique Jan Kowal" names a person after it)
                end = adjectives(doc, k + 1, gazetteer)
                end = coordinated_portfolios(doc, end, words, gazetteer)
                found.append((k, end, PORTFOLIO))
                i = end
                continue
        end = _complement(doc, j, words, gazetteer) if low in heads | places else None
        if end is not None and low == lex.get("ministry_head"):
            # "le ministère de l'Économie et des Finances"
            end = coordinated_portfolios(
                doc, end, words, gazetteer, lambda k: _name_run(doc, k, _run_links(words))
            )
        if low in places and j < n and _ROAD_CODE.match(doc[j].text):
            end = j + 1  # "autoroute A7"
        elif end is not None and type_ == "Place" and not capital:
            entry = gazetteer.lookup_name(doc[j:end].text.split(" ", 1)[-1])
            if entry is not None and entry.type == "Country":
                end = None  # "l'île Maurice" is the country
        if end is not None and not capital and low in place_only:
            k = j
            while k < end and fold(doc[k].text) in de | articles:
                k += 1
            entry = gazetteer.lookup_name(doc[k:end].text)
            if entry is not None and entry.type in ("Place", "Country"):
                i = end  # "l'aéroport de Bruxelles", "le parquet de Paris": the place
                continue
        if end is None and capital and j > i + 1 and type_ == "Organization":
            end = j  # "Communion anglicane", "Assemblée populaire"
        if end is None and demonym and low in demonym_heads:
            end = j  # "armée syrienne", "aviation russe"
        if end is not None:
            end = open_adjectives_off(doc, j, end, lex.get("complement_adjectives", set()))
            start = i
            if (
                type_ == "Place"
                and i > 1
                and doc[i - 1].lower_ in words["ordinal_marks"]
                and doc[i - 2].like_num
            ):
                start = i - 2  # "15 e arrondissement de Paris"
            found.append((start, end, type_))
            i = end
            continue
        i += 1
    return found


def _complement(doc: Doc, j: int, words: Words, gazetteer: Gazetteer | None = None) -> int | None:
    """End of a capitalised complement starting at ``j`` ("de l'Intérieur", "Harvard").

    Lower-case adjectives after it belong to the name ("des Affaires *étrangères*"), but
    not a demonym ("le ministère de l'Intérieur *turc*" is the Turkish one, not its name).
    """
    n = len(doc)
    k = j
    if k < n and fold(doc[k].text) in words["genitive"]:
        k += 1
        if k < n and fold(doc[k].text) in words["definite_articles"]:
            k += 1
    elif k + 1 < n and doc[k + 1].is_punct and fold(doc[k : k + 2].text) in words["genitive"]:
        k += 2  # "l'hôpital d' Ajaccio": an elided "de" the tokenizer cut from its apostrophe
    if k >= n or not doc[k].text[:1].isupper() or not doc[k].text.replace("-", "").isalpha():
        return None  # a capitalised word, hyphenated or not ("Sainte-Odile", "Paris-Saclay")
    return adjectives(doc, _name_run(doc, k, _run_links(words)), gazetteer)


def _listed_names(doc: Doc, end: int, words: Words, found: list[tuple[int, int, str]]) -> int:
    """Further names of a list after a plural kind noun ("…, Beta et Gamma"), each an
    organisation; returns the end of the last one (``end`` if the list stops there)."""
    n = len(doc)
    while end + 1 < n and (doc[end].text == "," or doc[end].lower_ in words["coordinators"]):
        nxt = end + 1
        if not (doc[nxt].text[:1].isupper() and doc[nxt].is_alpha):
            break
        stop = _name_run(doc, nxt, _run_links(words))
        if stop <= nxt:
            break
        found.append((nxt, stop, "Organization"))
        end = stop
    return end


def _name_run(doc: Doc, k: int, links: frozenset[str]) -> int:
    """End of a run of capitalised words from ``k``, through ``links`` ("de", "d'", hyphens).

    A lower-case Arabic article glued to a capitalised word ("al-Khattab") is a word of the
    name, and ``links`` may hold name particles ("ben", "von"): "la mosquée Omar ben
    al-Khattab" is one name."""
    n, start = len(doc), k
    end = k
    while k < n:
        if is_name_word(doc[k]) or (k > start and k == end and _arabic(doc[k].text)):
            k += 1
            end = k
            if "\n" in doc[k - 1].whitespace_:
                break
        elif (
            doc[k].text in links
            and k + 1 < n
            and (_capital_word(doc, k + 1) or _glued_link(doc, k, links))
            and not doc[k].whitespace_.count("\n")
        ):
            k += 1
        else:
            break
    return end


def _capital_word(doc: Doc, k: int) -> bool:
    return doc[k].text[:1].isupper() and doc[k].is_alpha


def _glued_link(doc: Doc, k: int, links: frozenset[str]) -> bool:
    """Two links glued to each other and to the capitalised word after them, as the
    tokenizer cuts "al-Qahtani" ("al", "-", "Qahtani") or "Goutte-d'Or" ("-", "d'", "Or")."""
    return (
        k + 2 < len(doc)
        and doc[k + 1].text in links
        and not doc[k].whitespace_
        and not doc[k + 1].whitespace_
        and _capital_word(doc, k + 2)
    )


def _arabic(text: str) -> bool:
    """ "al-Joubouri": an Arabic article glued to a capitalised word."""
    return ARABIC_ARTICLE.match(text) is not None


def _run_links(words: Words) -> frozenset[str]:
    """Links inside a name: "de", hyphens, and name particles other than articles."""
    return frozenset(words["name_links"] | (words["name_particles"] - words["definite_articles"]))
