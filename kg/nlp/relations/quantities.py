"""Reading quantities ("un million de drones", "2,5 milliards d'euros") out of French text.

Why its own module: numbers are written in words, digits with thousands separators
(including narrow no-break spaces) and vague forms ("des milliers"), and a wrong number in the
graph is worse than none, so the parser is a pure function with doctests. Number words come
from ``kg/lang/<lang>/relations.json`` so other languages are added by data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from spacy.tokens import Token

from kg.lang import fold_lexeme, load_data
from kg.nlp import ud
from kg.nlp.extensions import doc_text

__all__ = ["parse_quantity", "quantity_attributes", "quantity_lexicon"]

# Digit groups separated by a space, no-break space, narrow no-break space, thin space or dot.
_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009.](?=\d{3}(?!\d))")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_SPLIT = re.compile(r"[\s\u00a0\u202f\u2009-]+")


@cache
def _lexicon(lang: str) -> dict[str, Any]:
    """The compiled number-word tables of ``lang`` (kg's own data, once per process)."""
    return quantity_lexicon(load_data(lang, "relations")["quantity"])


def quantity_lexicon(q: Mapping[str, Any]) -> dict[str, Any]:
    """Precompile number-word tables (the ``quantity`` section of ``relations.json``)."""
    return {
        "units": dict(q["units"]),
        "hundred": frozenset(q["hundred"]),
        "thousand": frozenset(q["thousand"]),
        "multipliers": dict(q["multipliers"]),
        "vague": frozenset(q["vague_words"]),
        "vague_heads": frozenset(q["vague_heads"]),
        "vague_quantifiers": frozenset(q.get("vague_quantifiers", ())),
        "joiners": frozenset(q["joiners"]),
        "decimal": q.get("decimal_separator", ","),
        "qualifiers": sorted(q["qualifiers"].items(), key=lambda kv: -len(kv[0])),
        "item_stop": frozenset(q.get("item_stop", ())),
    }


def parse_quantity(
    text: str, lang: str = "fr", *, lexicon: Mapping[str, Any] | None = None
) -> tuple[int | None, str]:
    """Return ``(value, text)`` for a number phrase; ``value`` is None when vague or unknown.

    Vague amounts keep only their text, so kg never invents a number.

    >>> parse_quantity("un million")
    (1000000, 'un million')
    >>> parse_quantity("1 million")[0], parse_quantity("2,5 milliards")[0]
    (1000000, 2500000000)
    >>> parse_quantity("10\u202f000")[0], parse_quantity("10 000")[0], parse_quantity("1.500")[0]
    (10000, 10000, 1500)
    >>> parse_quantity("trois cents")[0], parse_quantity("quatre-vingt-dix-sept")[0]
    (300, 97)
    >>> parse_quantity("vingt et un")[0], parse_quantity("deux mille vingt-quatre")[0]
    (21, 2024)
    >>> parse_quantity("Huit")[0], parse_quantity("13")[0]
    (8, 13)
    >>> parse_quantity("des milliers")
    (None, 'des milliers')
    >>> parse_quantity("plusieurs centaines")[0] is None, parse_quantity("drones")[0] is None
    (True, True)
    """
    lex = lexicon if lexicon is not None else _lexicon(lang)
    original = text.strip()
    cleaned = _THOUSANDS.sub("", fold_lexeme(original))
    total = 0.0
    current: float | None = None
    seen = vague = False
    previous = ""
    for word in _SPLIT.split(cleaned):
        if not word or word in lex["joiners"]:
            continue
        if _DIGITS.fullmatch(word):
            current = (current or 0) + float(word.replace(lex["decimal"], "."))
        elif word in lex["units"]:
            value = lex["units"][word]
            # "quatre-vingt(s)" multiplies instead of adding.
            if value == 20 and previous == "quatre" and current is not None:
                current = current - 4 + 80
            else:
                current = (current or 0) + value
        elif word in lex["hundred"]:
            current = (current or 1) * 100
        elif word in lex["thousand"]:
            total += (current or 1) * 1000
            current = None
        elif word in lex["multipliers"]:
            total += (current or 1) * lex["multipliers"][word]
            current = None
        elif word in lex["vague"]:
            vague = True
            continue
        else:
            return None, original
        seen = True
        previous = word
    if vague or not seen:
        return None, original
    return round(total + (current or 0)), original


def _is_numeric(token: Token, lex: dict[str, Any]) -> bool:
    """Whether ``token`` can be part of a number phrase."""
    word = fold_lexeme(token.text)
    return bool(
        token.like_num
        or _DIGITS.fullmatch(_THOUSANDS.sub("", word))
        or word in lex["units"]
        or word in lex["hundred"]
        or word in lex["thousand"]
        or word in lex["multipliers"]
        or word in lex["vague"]
        or word in lex["vague_heads"]
        or fold_lexeme(token.lemma_) in lex["vague_heads"]
        or (word in lex["joiners"] and token.i > 0 and token.nbor(-1).like_num)
    )


def quantity_attributes(
    theme: Token, lang: str = "fr", *, lexicon: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return ``quantity``/``quantity_text``, ``item`` and ``quantity_qualifier`` for a theme.

    ``theme`` is the head of the transferred thing: either the counted noun ("10 000 *obus*")
    or the number noun itself ("un *million* de drones", "des *milliers* d'autres"), whose
    ``de`` dependent is then the item. Returns ``{}`` when the phrase holds no number.
    """
    lex = lexicon if lexicon is not None else _lexicon(lang)
    doc = theme.doc
    word = fold_lexeme(theme.text)
    theme_is_number = _is_numeric(theme, lex) and word not in lex["joiners"]
    end = theme.i if theme_is_number else theme.i - 1
    start = end + 1
    i = end
    while i >= max(0, theme.i - 8) and (i == theme.i or _is_numeric(doc[i], lex)):
        start = i
        i -= 1
    if start > end:
        return {}
    item_token: Token | None = theme
    if theme_is_number:
        item_token = next(
            (
                child
                for child in theme.rights
                if (child.dep_.startswith(ud.NMOD) and child.i == theme.i + 2)
                or (child.dep_.startswith(ud.NMOD) and child.i == theme.i + 1)
            ),
            None,
        )
    phrase = doc_text(doc)[doc[start].idx : doc[end].idx + len(doc[end].text)]
    value, phrase = parse_quantity(phrase, lang, lexicon=lex)
    attrs: dict[str, Any] = {}
    if value is None:
        # "des chars" is no quantity; "des milliers", "plusieurs centaines" are vague ones.
        if not any(
            fold_lexeme(t.text) in lex["vague_quantifiers"]
            or fold_lexeme(t.lemma_) in lex["vague_heads"]
            for t in doc[start : end + 1]
        ):
            return {}
        attrs["quantity_text"] = phrase
    else:
        attrs["quantity"] = value
    if item_token is not None:
        item = fold_lexeme(item_token.lemma_)
        if item and item not in lex["item_stop"] and item_token.is_alpha:
            attrs["item"] = item
    before = fold_lexeme(doc_text(doc)[max(0, doc[start].idx - 30) : doc[start].idx]).rstrip()
    for cue, qualifier in lex["qualifiers"]:
        if before.endswith(cue) and (
            len(before) == len(cue) or not before[-len(cue) - 1].isalnum()
        ):
            attrs["quantity_qualifier"] = qualifier
            break
    return attrs
