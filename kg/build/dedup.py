"""The same article saved twice, or relayed by several outlets, is read once.

Why: a wire story (AFP, Reuters, Belga) is republished word for word, or nearly, by many
sites, and a crawl or a press database holds every copy. Read eleven times, one report would
count as eleven: the same facts eleven times over, eleven pieces of evidence, a timeline
with eleven rows for one event. kg keeps the first copy in input order and records the
others as its :class:`~kg.model.Copy` records (outlet, URL, capture, hashes), so the fact
is one report with all its publishers.

Two tests, both deterministic:

- **same text**: equal SHA-256 of the text (``text_sha256``);
- **near-identical text**: MinHash (``datasketch``) over word trigrams, candidates from
  LSH, kept when the estimated Jaccard similarity is at least :data:`THRESHOLD`. Two
  different articles on one event share names and quotes but few trigrams (under 0.2 on
  news); a relayed copy with a changed headline, a credit line or a cut paragraph stays
  above 0.7. Texts of fewer than :data:`MIN_WORDS` words are compared by hash only.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any

from kg.model import PROVENANCE_FIELDS, Copy, Document

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["MIN_WORDS", "THRESHOLD", "Duplicates", "as_copy", "text_digest"]

#: Estimated Jaccard similarity of word trigrams above which two texts are one article.
THRESHOLD = 0.7
#: Shorter texts are not compared by MinHash: a few words say too little.
MIN_WORDS = 40
_PERMUTATIONS = 128
_WORD = re.compile(r"\w+")


def text_digest(doc: Document) -> str:
    """The document's ``text_sha256``, computed when the reader did not give it."""
    return doc.text_sha256 or hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()


def as_copy(doc: Document, similarity: float) -> Copy:
    """The provenance of ``doc`` as a copy of another document's text."""
    fields: dict[str, Any] = {name: getattr(doc, name) for name in PROVENANCE_FIELDS}
    fields["text_sha256"] = text_digest(doc)
    return Copy(id=doc.id, similarity=round(similarity, 3), date=doc.date, **fields)


class Duplicates:
    """The texts seen so far in one pass over a corpus, to find each new one's original."""

    def __init__(self) -> None:
        self._hashes: dict[str, str] = {}  # text digest -> id of the kept document
        self._lsh: Any = None
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._pending: tuple[str, list[bytes]] | None = None

    def original(self, doc: Document) -> tuple[str, float] | None:
        """The id of the kept document ``doc`` copies and their similarity, or None.

        A document that is no copy is remembered, so later copies of it are found.
        """
        digest = text_digest(doc)
        first = self._hashes.get(digest)
        if first is not None:
            return first, 1.0
        self._hashes[digest] = doc.id
        shingles = _shingles(doc.text)
        if shingles is None:
            return None
        if self._lsh is None and self._pending is None:
            # One text so far: datasketch (and scipy, ~1 s) loads only when a second comes.
            self._pending = (doc.id, shingles)
            return None
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=_PERMUTATIONS)
            pending_id, pending = self._pending  # type: ignore[misc]
            self._insert(pending_id, _signature(pending))
            self._pending = None
        signature = _signature(shingles)
        best: tuple[str, float] | None = None
        for candidate in sorted(self._lsh.query(signature), key=self._order.__getitem__):
            similarity = signature.jaccard(self._signatures[candidate])
            if similarity >= THRESHOLD and (best is None or similarity > best[1]):
                best = (candidate, similarity)
        if best is not None:
            del self._hashes[digest]  # a copy is never the original of another
            return best
        self._insert(doc.id, signature)
        return None

    def _insert(self, doc_id: str, signature: MinHash) -> None:
        self._order[doc_id] = len(self._order)
        self._signatures[doc_id] = signature
        self._lsh.insert(doc_id, signature)


def _shingles(text: str) -> list[bytes] | None:
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return None
    return sorted({" ".join(words[i : i + 3]).encode("utf-8") for i in range(len(words) - 2)})


def _signature(shingles: list[bytes]) -> MinHash:
    from datasketch import MinHash

    signature = MinHash(num_perm=_PERMUTATIONS, seed=1)
    signature.update_batch(shingles)
    return signature
