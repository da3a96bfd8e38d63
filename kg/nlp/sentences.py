"""The ``kg_sentences`` component: sentence boundaries set before the parser runs.

Why: the French parser sometimes runs several lines of an article into one sentence (losing
facts and mixing "selon …" attributions across sentences) and sometimes splits inside one
("La Suède, | dont l'adhésion …"). News text marks its sentences plainly: a line break
always ends one, and a sentence only ends after final punctuation. The parser respects
boundaries set on ``token.is_sent_start``, so we fix those two cases and leave it the rest.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["split_sentences"]

#: Tokens after which a new sentence may start (the parser decides whether it does).
_FINAL = {".", "!", "?", "…", "...", "!?", "?!", ".»", "»", "”", '"', ")", ":"}


@Language.component(
    "kg_sentences",
    assigns=["token.is_sent_start"],
)
def split_sentences(doc: Doc) -> Doc:
    """Start a sentence after each line break; allow one elsewhere only after . ! ? …"""
    for token in doc:
        if token.i == 0:
            token.is_sent_start = True
            continue
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True  # the token after a blank line
        elif "\n" in previous.whitespace_:
            token.is_sent_start = not token.is_space  # the token after a single line break
        elif token.is_space or previous.text not in _FINAL:
            token.is_sent_start = False
    return doc
