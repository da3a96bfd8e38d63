"""A cheap check that a text is in the language kg is told it is in.

Why: kg's rules and models are one language's; an English, Arabic or Chinese article read
as French yields wrong entities or none, silently. The check needs no dependency and no
model: in running text of a language, its own closed-class words (``function_words`` in
``language.json``) are a large share of the words, and its letters are of its script
(``script`` in ``language.json``, a Unicode script name). Too short a text is not judged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from kg.lang import load_data

__all__ = ["language_mismatch"]

#: Words: letters, with an elided article's apostrophe kept ("l'", "qu'").
_WORD = re.compile(r"[^\W\d_]+['’]?")
#: Texts with fewer words are not judged: a headline or a test sentence says too little.
MIN_WORDS = 40
#: Running text of the language has this share of its function words or more (French news:
#: 30-45 %; English or Spanish read with French function words: under 10 %).
MIN_FUNCTION_SHARE = 0.12
#: Letters of the language's script, among all letters.
MIN_SCRIPT_SHARE = 0.6
#: Only the start of a long text is looked at: the check stays cheap.
SAMPLE = 20_000


@cache
def _profile(lang: str) -> tuple[frozenset[str], str]:
    data = load_data(lang, "language")
    words = frozenset(w.casefold().replace("’", "'") for w in data.get("function_words", ()))
    return words, str(data.get("script", "LATIN"))


def language_mismatch(text: str, lang: str) -> str | None:
    """Why ``text`` does not look like ``lang``, or None when it does (or is too short).

    >>> language_mismatch("x " * 50, "fr")
    'few of its words are fr function words (0 %)'
    >>> language_mismatch("Texte court.", "fr") is None
    True
    """
    sample = text[:SAMPLE]
    function_words, script = _profile(lang)
    # Counted per distinct character (in C), not per character: a name lookup for each
    # letter of every article was most of this check's cost.
    counts = Counter(sample)
    letters = sum(n for c, n in counts.items() if c.isalpha())
    if letters >= MIN_WORDS:
        own = sum(
            n
            for c, n in counts.items()
            if c.isalpha() and unicodedata.name(c, "").startswith(script)
        )
        if own < MIN_SCRIPT_SHARE * letters:
            return f"most of its letters are not {script.title()} ({100 * own // letters} %)"
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS or not function_words:
        return None
    share = sum(1 for w in words if w in function_words) / len(words)
    if share < MIN_FUNCTION_SHARE:
        return f"few of its words are {lang} function words ({int(100 * share)} %)"
    return None
