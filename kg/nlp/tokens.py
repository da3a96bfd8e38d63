"""Token columns read in bulk: one attribute of every token, without Token objects.

Why: ``for token in doc`` builds a Python ``Token`` per word, and kg's components scan
whole documents several times looking for a few trigger words; building those objects was
the largest single cost of kg on top of the parse. ``doc.to_array`` reads one attribute of
every token in C; strings are then looked up once per distinct hash (memoised across
documents), so a scan only makes ``Token`` objects for the candidates it keeps.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, SENT_START
from spacy.tokens import Doc

__all__ = [
    "DEP",
    "LEMMA",
    "ORTH",
    "POS",
    "Column",
    "column",
    "heads_with_child",
    "pos_ids",
    "sentence_bounds",
    "strings_of",
]

#: Memo entries kept before a column's memo is cleared (bounds memory on huge corpora).
_MAX_MEMO = 500_000


class Column:
    """``fn(string)`` of one attribute (``ORTH``, ``LEMMA``, ``DEP``) for every token.

    ``Column(fold)(doc, LEMMA)`` equals ``[fold(t.lemma_) for t in doc]``; ``fn`` must be
    a pure function of the string (its results are memoised by string hash).
    """

    __slots__ = ("fn", "last", "memo")

    def __init__(self, fn: Callable[[str], str] | None = None) -> None:
        self.fn = fn
        self.memo: dict[int, str] = {}
        # The last column built per attribute, with its document and the bytes of its
        # hashes: components read the same column of a document several times. The result
        # depends only on the hashes, which are compared (a component may correct a lemma).
        self.last: dict[int, tuple[Doc, bytes, list[str]]] = {}

    def __call__(self, doc: Doc, attr: int) -> list[str]:
        """The column (shared: callers must not modify it)."""
        last = self.last.get(attr)
        if attr == ORTH and last is not None and last[0] is doc and len(last[2]) == len(doc):
            # A document's words never change once tokenized: no need to read them again.
            # (``last`` holds ``doc`` alive, so ``is`` cannot match a new document.)
            return last[2]
        hashes = doc.to_array(attr)
        key = hashes.tobytes()
        if last is not None and last[1] == key:
            return last[2]
        memo = self.memo
        if len(memo) > _MAX_MEMO:
            memo.clear()
        strings = doc.vocab.strings
        fn = self.fn
        keys = hashes.tolist()
        out = list(map(memo.get, keys))  # in C; most words are known
        if None in out:
            for i, value in enumerate(out):
                if value is None:
                    h = keys[i]
                    value = memo.get(h)
                    if value is None:
                        value = strings[h] if fn is None else fn(strings[h])
                        memo[h] = value
                    out[i] = value
        self.last[attr] = (doc, key, out)
        return out


def column(fn: Callable[[str], str] | None = None) -> Column:
    """The shared :class:`Column` of ``fn`` (one per function, so modules share columns)."""
    found = _COLUMNS.get(fn)
    if found is None:
        found = _COLUMNS[fn] = Column(fn)
    return found


def strings_of(doc: Doc, attr: int) -> list[str]:
    """The strings of ``attr`` (``ORTH``: ``token.text``) for every token of ``doc``.

    Shared with other callers: do not modify the list.
    """
    return column()(doc, attr)


def pos_ids(doc: Doc) -> list[int]:
    """``token.pos`` (the symbol ids of ``spacy.symbols``) for every token of ``doc``.

    Shared with other callers: do not modify the list. Read once per document: kg's
    components read it about ten times a document, and ``to_array`` costs ~0.15 µs a token
    and call; no component changes a part of speech once tagged (only lemmas are
    repaired, so :class:`Column` compares those). The last document is held, so ``is``
    cannot match a new one; the pair is replaced whole, so a reader in another thread sees
    one document's column or the other's, never a mix.
    """
    global _LAST_POS
    last_doc, last_found = _LAST_POS
    if last_doc is doc and len(last_found) == len(doc):
        return last_found
    found = doc.to_array(POS).tolist()
    _LAST_POS = (doc, found)
    return found


def heads_with_child(doc: Doc, dep: str) -> set[int]:
    """The indices of the tokens that have a child attached as ``dep``.

    ``i in heads_with_child(doc, "case")`` is ``any(c.dep_ == "case" for c in
    doc[i].children)``, read from two columns instead of walking each token's subtree
    (``Token.children`` scans from its left to its right edge, building Tokens).
    """
    if not len(doc):
        return set()
    table = doc.to_array([HEAD, DEP])
    rows = numpy.flatnonzero(table[:, 1] == doc.vocab.strings[dep])
    offsets = table[rows, 0].astype(numpy.int64)  # relative heads; a root's is 0
    return {int(i) for i in (rows + offsets)[offsets != 0]}


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]] | None:
    """Per token, the start and end of its sentence: ``token.sent.start`` / ``.end``.

    Why: ``token.sent`` builds two spans and rescans the document's annotation on each call
    (about 5 µs); rules that read it for every candidate token read these lists instead,
    built once per document from one column. None when spaCy would not read sentence starts
    (a document neither parsed nor segmented, or one with sentence hooks): callers then
    fall back to ``token.sent``.
    """
    n = len(doc)
    if (
        "sents" in doc.user_hooks
        or "sent" in doc.user_hooks
        or "sent" in doc.user_span_hooks
        or not doc.has_annotation("SENT_START")
    ):
        return None
    flags = doc.to_array(SENT_START)
    # spaCy walks back to the nearest token flagged 1 (or the first) and forward to the
    # next token flagged 1 (or the end); unset (0) counts as "not a start", as it does.
    starts = numpy.flatnonzero(flags == 1)
    after = numpy.searchsorted(starts, numpy.arange(n), side="right")  # starts <= i
    padded_starts = numpy.concatenate(([0], starts))
    padded_ends = numpy.concatenate((starts, [n]))
    return padded_starts[after].tolist(), padded_ends[after].tolist()


_COLUMNS: dict[Callable[[str], str] | None, Column] = {}
#: The last document :func:`pos_ids` read, and its column.
_LAST_POS: tuple[Doc | None, list[int]] = (None, [])
