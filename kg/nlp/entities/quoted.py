"""Names in quotes after their kind: "l'association « Les Amis du fleuve »".

Why apart: the quote marks, not NER, delimit these organisation and event names; the rule
reads the kind noun and its qualifiers before the marks and tells a name from scare quotes
or a quoted slogan, which no other span rule of :mod:`kg.nlp.entities.spans` needs.
Every word list comes from ``kg/lang/<lang>/entities.json`` and ``words.json``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.lang import fold
from kg.lang.words import Words
from kg.nlp.tokens import ORTH, strings_of

__all__ = ["quoted_names"]


#: At most this many words inside the quotes of a quoted name, and adjectives before them.
_QUOTED_MAX = 10
_QUOTED_ADJECTIVES = 2


def quoted_names(doc: Doc, lex: dict[str, Any], words: Words) -> list[tuple[int, int, str]]:
    """Organisation and event names in quotes after their kind, as ``(start, end, type)``.

    "l'association « Les Amis du fleuve »", "le collectif \"Nous toutes\"", "la société
    nationale « Air Sahel »": the quoted words are the name (without the marks or the
    no-break spaces French typography puts inside them), whatever NER made of them; the kind
    noun (``org_quoted_heads``) may carry two lower-case qualifiers ("l'association
    bénévole", "le groupe de rock"), none of them a verb. The name closes within ``_QUOTED_MAX``
    words on its line and starts with a capital or a digit -- or, for a slogan-like name of
    two words or more with a noun or a verb, in lower case ("l'association « un chat, une
    vie »"); quoted lower-case qualifiers after a kind noun are scare quotes ("le groupe
    « terroriste »", "un parti « très modéré »"). An event's kind (``event_quoted_heads``:
    "le spectacle", "une comédie musicale nommée") makes the name an event's; a naming
    participle ("nommée", "intitulé") may stand between the kind and the name. The kind may
    also open the quoted words themselves (:func:`_kind_inside`).
    """
    pairs = dict(tuple(pair) for pair in words["name_quotes"])
    org_heads, event_heads = lex["org_quoted_heads"], lex.get("event_quoted_heads", set())
    name_heads = lex.get("org_name_heads", set())
    heads = org_heads | event_heads
    naming = lex.get("quoted_naming_words", set())
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    # Words from a column: a Token for every word of the document cost more than the rest.
    orths = strings_of(doc, ORTH)
    for i, text in enumerate(orths):
        mark = i
        if i > 1 and orths[i - 1] + text in pairs and not doc[i - 1].whitespace_:
            text, mark = orths[i - 1] + text, i - 1  # "‘’", cut in two by the tokenizer
        closing = pairs.get(text)
        if closing is None or mark == 0:
            continue
        j = mark - 1
        while j > 0 and mark - j <= _QUOTED_ADJECTIVES and not _is_head(doc[j], heads):
            if not (_qualifier(doc[j]) or fold(doc[j].text) in naming):
                break
            j -= 1
        start = i + 1
        while start < n and doc[start].is_space and "\n" not in doc[start].text:
            start += 1
        kind_inside = _kind_inside(doc, mark, start, org_heads | name_heads)
        if not (_is_head(doc[j], heads) or kind_inside):
            continue
        end = next(
            (k for k in range(start, min(n, start + 1 + _QUOTED_MAX)) if doc[k].text == closing),
            None,
        )
        if end is None or any("\n" in t.text + t.whitespace_ for t in doc[i:end]):
            continue
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end == start:
            continue
        first = doc[start].text[:1]
        if first.isupper() or first.isdigit() or _slogan(doc[start:end]):
            # "le spectacle « Les Veilleurs »": an event's kind names an event
            kind = "Organization" if kind_inside or _is_head(doc[j], org_heads) else "Event"
            found.append((start, end, kind))
    return found


def _kind_inside(doc: Doc, mark: int, start: int, heads: set[str]) -> bool:
    """Whether the quoted words open on their own kind after an article: "la « Cellule des
    Patrons Pêcheurs »", "le « Comité de soutien »" -- a capitalised kind of organisation
    followed by more words is the body's full name, which NER would cut at the kind."""
    return (
        mark > 0
        and doc[mark - 1].pos_ == "DET"
        and start + 1 < len(doc)
        and doc[start].text[:1].isupper()
        and fold(doc[start].text) in heads
        and not doc[start + 1].is_punct
        and doc[start + 1].pos_ not in ("VERB", "AUX")  # "le « Parti pris des choses »"
    )


def _slogan(span: Span) -> bool:
    """Lower-case words that can be a name: two or more, one of them a noun or a verb, and
    not opening on a verb -- "la coalition « renforcerait et unifierait » la défense"
    quotes what the body would do, with the body as its subject -- unless the verb is a
    call in the first person plural ("l'association « sauvons la forêt »"): a body's deeds
    are told in the third person, so such a verb is the motto the body is named after."""
    words = [t for t in span if not t.is_space]
    # "« s'est couché »", "« ne cédera pas »": clitics and negation open a verb phrase
    k = 0
    while (
        k < len(words) - 1
        and words[k].is_lower
        and (words[k].pos_ == "PRON" or words[k].morph.get("Polarity") == ["Neg"])
    ):
        k += 1
    return (
        sum(t.is_alpha for t in words) >= 2
        and (words[k].pos_ not in ("VERB", "AUX") or (k == 0 and _call(words[k])))
        and any(t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") for t in words)
    )


def _call(token: Token) -> bool:
    """A verb in the first person plural or the imperative ("agissons", "sauvez") with no
    subject before it ("« nous avons agi »" quotes speech); the tagger often misreads the
    person of "-ons" forms, so the ending counts as well."""
    morph = token.morph
    return token.pos_ == "VERB" and (
        morph.get("Mood") == ["Imp"]
        or (morph.get("Person") == ["1"] and morph.get("Number") == ["Plur"])
        or token.text.lower().endswith("ons")
    )


def _qualifier(token: Token) -> bool:
    """A lower-case word between a kind noun and a quoted name; a verb ends the search, and
    so does a pronoun: "le journal qui « … »" quotes what the paper did, not its name. After
    a capitalised kind, its adjective may be capitalised too ("l'Association Canadienne
    « … »")."""
    if not token.is_alpha or token.pos_ in ("VERB", "AUX", "PRON"):
        return False
    return token.is_lower or (token.is_title and token.i > 0 and token.nbor(-1).is_title)


def _is_head(token: Token, heads: set[str]) -> bool:
    return fold(token.text) in heads or fold(token.lemma_) in heads
