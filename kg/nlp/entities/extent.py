"""Where a head-noun name ends: the words after its head and its complement.

Why a module of its own: :func:`kg.nlp.entities.spans.pattern_spans` finds names built on a
head noun ("ministère de l'Intérieur", "commissariat des Lilas"); these rules decide how far
such a name runs, by the shape of the words after it and nothing else. A ministry may join
several portfolios ("de l'Économie et des Finances"); lower-case adjectives belong to a
name unless they are demonyms or open a phrase of their own ("âgé de", "situé à"); a
hyphenated qualifier the tokenizer cut ("low - cost") still qualifies the head.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from kg.lang import fold
from kg.lang.gazetteer import Gazetteer
from kg.lang.words import Words

__all__ = ["adjectives", "coordinated_portfolios", "open_adjectives_off", "qualifier_word"]


def open_adjectives_off(doc: Doc, start: int, end: int, opening: set[str]) -> int:
    """``end`` without the adjectives that open a phrase of their own: "le commissariat des
    Lilas *âgé de* cent ans", "l'hôpital de Vannes *proche du* port". Such an adjective
    (``complement_adjectives``, folded) followed by a preposition qualifies the body; it is
    no part of its name."""
    while (
        end > start + 1
        and end < len(doc)
        and doc[end].pos_ == "ADP"
        and fold(doc[end - 1].text) in opening
    ):
        end -= 1
    return end


def qualifier_word(doc: Doc, j: int) -> bool:
    """Whether ``doc[j]`` is a lower-case adjective after a head noun, or a piece of a
    hyphenated one ("la compagnie *low-cost* X", "le groupe *agro-alimentaire* X"): the
    tokenizer may cut such a word at its hyphen and tag the pieces as anything."""
    token = doc[j]
    glued = j > 0 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_
    if token.text == "-":
        return (
            not doc[j - 1].whitespace_
            and not token.whitespace_
            and j + 1 < len(doc)
            and doc[j + 1].is_lower
        )
    return (
        token.is_lower
        and token.text.replace("-", "").isalpha()
        and (token.pos_ == "ADJ" or glued or "-" in token.text)
    )


def coordinated_portfolios(
    doc: Doc,
    end: int,
    words: Words,
    gazetteer: Gazetteer,
    name_end: Callable[[int], int] | None = None,
) -> int:
    """End of the further portfolios a ministry's name joins to its first one.

    Ministries often hold several portfolios: "le ministère de l'Économie *et des
    Finances*", "la ministre de l'Immigration*, des Réfugiés et de la Citoyenneté*". Each
    further one is ", " or "et" then "de"/"des"/"du" (an article may follow) then one
    capitalised word with its adjectives, like the first (a name may follow the last:
    "… et des Finances Jan Kowal"). A place there is no portfolio ("… et de la France").
    ``name_end(k)``, where no person's name can follow (after "ministère"), lets a
    portfolio run over several capitalised words ("… et de la Sécurité Maritime").
    """
    n = len(doc)
    de, articles, joins = words["genitive"], words["definite_articles"], words["coordinators"]
    while end < n and (doc[end].text == "," or doc[end].lower_ in joins):
        k = end + 1
        if k < n and doc[end].text == "," and doc[k].lower_ in joins:
            k += 1  # ", et de la …"
        if not (k < n and fold(doc[k].text) in de):
            break
        k += 1
        if k < n and fold(doc[k].text) in articles:
            k += 1
        if not (k < n and doc[k].is_title and doc[k].is_alpha):
            break
        entry = gazetteer.lookup_name(doc[k].text)
        if entry is not None and entry.type in ("Place", "Country"):
            break
        end = adjectives(doc, name_end(k) if name_end else k + 1, gazetteer)
    return end


def adjectives(doc: Doc, end: int, gazetteer: Gazetteer | None) -> int:
    """End of the lower-case adjectives from ``end`` that are not demonyms."""
    n = len(doc)
    while (
        end < n
        and doc[end].is_lower
        and doc[end].pos_ == "ADJ"
        and doc[end].is_alpha
        and (gazetteer is None or gazetteer.lookup_demonym(doc[end].text) is None)
    ):
        end += 1
    return end
