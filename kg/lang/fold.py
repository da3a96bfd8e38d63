"""The comparison form of text: one rule for every lookup kg makes.

Why one rule: a lexicon entry, a gazetteer name and a word in an article must meet however
the article typed them ("l’OTAN", "l'Otan"; "Etats-Unis", "États-Unis"). Two strengths exist,
and only two, because some languages need accents to tell words apart in a lexicon (French
"a", a verb, and "à", a preposition): ``fold(text)`` is case-, accent- and apostrophe-blind
(names, entity word lists); ``fold_lexeme(text)``, the same with the accents kept (verb frames,
cue words). Nothing here is specific to a language; what is (leading articles, for instance) is
data in ``kg/lang/<lang>/language.json``, applied by :meth:`kg.lang.gazetteer.Gazetteer.key`.

>>> fold("L’Élysée")
"l'elysee"
>>> fold_lexeme("Jusqu’à")
"jusqu'à"
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_lexeme", "strip_accents"]

#: Every apostrophe-like character news text uses, mapped to the straight one.
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})


def strip_accents(text: str) -> str:
    """Drop combining marks after canonical decomposition ("é" -> "e", "ł" stays)."""
    if text.isascii():
        return text  # ASCII is its own decomposition and has no combining mark
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return the comparison form of ``text``: lower case, straight apostrophes, no accents.

    Memoised: the same words come back in every sentence.
    """
    return strip_accents(text.translate(_APOSTROPHES)).casefold()


@lru_cache(maxsize=65536)
def fold_lexeme(text: str) -> str:
    """Like :func:`fold`, but the accents stay: lexicon words that differ only by an accent."""
    return text.translate(_APOSTROPHES).casefold()
