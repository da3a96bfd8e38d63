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
from spacy.attrs import DEP, LEMMA, ORTH, POS
from spacy.tokens import Doc

__all__ = ["DEP", "LEMMA", "ORTH", "POS", "Column", "column", "pos_ids", "strings_of"]

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
        # The last column built per attribute: components read the same column of a
        # document several times. The result depends only on the hashes, which are compared.
        self.last: dict[int, tuple[numpy.ndarray, list[str]]] = {}

    def __call__(self, doc: Doc, attr: int) -> list[str]:
        """The column (shared: callers must not modify it)."""
        hashes = doc.to_array(attr)
        last = self.last.get(attr)
        if last is not None and numpy.array_equal(last[0], hashes):
            return last[1]
        memo = self.memo
        if len(memo) > _MAX_MEMO:
            memo.clear()
        strings = doc.vocab.strings
        fn = self.fn
        out: list[str] = []
        append = out.append
        for h in hashes.tolist():
            value = memo.get(h)
            if value is None:
                value = strings[h] if fn is None else fn(strings[h])
                memo[h] = value
            append(value)
        self.last[attr] = (hashes, out)
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
    """``token.pos`` (the symbol ids of ``spacy.symbols``) for every token of ``doc``."""
    return doc.to_array(POS).tolist()


_COLUMNS: dict[Callable[[str], str] | None, Column] = {}
