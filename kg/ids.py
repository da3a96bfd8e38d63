"""Stable identifiers for entities, shared across documents and runs.

Why: the graph merges documents on entity keys and RDF IRIs are minted from them, so the
same real thing must get the same key in every run and corpus.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["article_scope", "entity_key", "slugify"]

_NON_WORD = re.compile(r"[^a-z0-9]+")
_UNICODE_NON_WORD = re.compile(r"[\W_]+")


def slugify(text: str) -> str:
    """Return an ASCII, lower-case, hyphen-separated form of ``text``.

    Accents are folded and every other character becomes a separator, so the result is
    safe in IRIs, file names and HTML ids.

    >>> slugify("Réunion des ministres de l’OTAN")
    'reunion-des-ministres-de-l-otan'
    >>> slugify("<script>")
    'script'
    """
    spaced = _UNICODE_NON_WORD.sub(" ", text)
    folded = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", folded.lower()).strip("-")
    if slug:
        return slug[:80].rstrip("-")
    # Names with no Latin letters (Cyrillic, Arabic, emoji) still need a stable, safe key.
    return "u" + "-".join(f"{ord(c):x}" for c in text.strip())[:78]


def entity_key(type_: str, name: str, wikidata: str | None = None) -> str:
    """Mint the stable key of an entity: its Wikidata Q-id, else ``type:slug``.

    >>> entity_key("Country", "Royaume-Uni", "Q145")
    'Q145'
    >>> entity_key("Person", "Grant Schapps")
    'person:grant-schapps'
    """
    if wikidata:
        return wikidata
    return f"{type_.lower()}:{slugify(name)}"


def article_scope(doc_id: str) -> str:
    """The tag that scopes an article's own entities ("la coalition") to that article.

    Why a digest and not a slug: different ids slug alike ("Article 1" and "article-1"; " "
    and "@" both fold to nothing), and two articles' unnamed entities would merge. A digest
    of the exact id differs for every id, the empty one included, and stays safe in IRIs.

    >>> article_scope("Article 1") != article_scope("article-1")
    True
    >>> article_scope("a")
    'a-ca978112ca1bbdca'
    """
    digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"a-{digest}"
