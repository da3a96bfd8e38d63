"""What a build reads: paths, folders, JSONL files, glob patterns, article text, Documents.

Why a :class:`Corpus` and not a list of documents: a build reads its corpus twice (once
for the cache keys, once for the documents the cache lacks), and a corpus of thousands of
articles should not sit in memory, nor be copied into forked worker processes, while it is
parsed. A Corpus keeps what it was given (documents already in memory, paths of files) and
reads the files again on each pass. Used as a sequence (iteration, ``len``, indexing) it
reads them once and keeps the documents, so ``r.documents`` works after any build, from the command
line or a notebook, without costing memory to builds that never look.

Two ways in: :meth:`Corpus.from_paths` for the command line, where every argument is a
path, and :meth:`Corpus.from_inputs` for :func:`kg.build`, where a string may also be an
article's text.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import overload

from kg.build.screen import screen
from kg.errors import InputError
from kg.io import SUFFIXES, find_dateline, read_documents
from kg.model import Copy, Document

__all__ = ["Corpus", "Input", "expand_inputs"]

log = logging.getLogger("kg")

#: One input of :func:`kg.build`: a path (``.txt``, ``.jsonl``, ``.html``, a feed, a WARC,
#: a folder), an article's text, or a Document.
Input = str | Path | Document

_GLOB_CHARS = frozenset("*?[")


def expand_inputs(specs: Iterable[str | Path]) -> list[Path]:
    """Paths of ``specs``: files and folders as given, quoted glob patterns expanded (sorted).

    >>> expand_inputs(["kg/build/cache.py"])
    [PosixPath('kg/build/cache.py')]

    Raises:
        InputError: a pattern matches no file.
    """
    paths: list[Path] = []
    for spec in specs:
        text = str(spec)
        if not Path(text).exists() and _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(os.path.expanduser(text), recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file() or Path(m).is_dir()]
            if not files:
                raise InputError(f"{text}: no file matches this pattern; check the path")
            paths.extend(files)
        else:
            paths.append(Path(text))
    if not paths:
        raise InputError("no input: give a folder, a glob pattern or a .jsonl file")
    return paths


class Corpus(Sequence[Document]):
    """The documents of one build, in input order, read lazily and as often as needed.

    :meth:`stream` reads the files again on each call (documents given in memory are
    yielded as they are): the build's passes. Used as a sequence (iteration, ``len()``,
    indexing), the corpus reads them once, on first use, and keeps them.

    >>> corpus = Corpus([Document("a", "Texte.")], date=None, lang="fr")
    >>> len(corpus), corpus[0].id
    (1, 'a')
    """

    def __init__(
        self,
        parts: Iterable[Document | Path],
        *,
        date: dt.date | None,
        lang: str,
        check_language: bool = True,
    ) -> None:
        self.parts: tuple[Document | Path, ...] = tuple(parts)
        self.date = date
        self.lang = lang
        #: Skip documents that do not look like their language (:mod:`kg.build.screen`);
        #: False when the language was given explicitly.
        self.check_language = check_language
        self._kept: list[Document] | None = None
        self._warned: set[str] = set()
        #: Copies of a kept document's text, by its id (:mod:`kg.build.dedup`), as found by
        #: the last complete pass.
        self.copies: dict[str, list[Copy]] = {}

    @classmethod
    def from_paths(
        cls,
        specs: Iterable[str | Path],
        *,
        date: dt.date | None,
        lang: str,
        check_language: bool = True,
    ) -> Corpus:
        """A corpus of files, folders and quoted glob patterns (``kg build``, ``kg extract``).

        Raises:
            InputError: no input, or a pattern that matches no file.
        """
        return cls(expand_inputs(specs), date=date, lang=lang, check_language=check_language)

    @classmethod
    def from_inputs(
        cls,
        inputs: Input | Iterable[Input],
        *,
        date: dt.date | None,
        lang: str,
        check_language: bool = True,
    ) -> Corpus:
        """A corpus of paths, article texts and Documents, alone or in a list (``kg.build``).

        A string that names an existing file or ends in a suffix kg reads (``.txt``,
        ``.jsonl``, ``.html``, ``.warc.gz``…) or ``/`` is a path
        (glob patterns are expanded); any other string is an article's text, with the
        id ``text-N`` (N its position among the inputs).

        Raises:
            InputError: no input, an empty string, or an input of another type.
        """
        if isinstance(inputs, str | Path | Document):
            inputs = [inputs]
        elif isinstance(inputs, bytes | bytearray) or not isinstance(inputs, Iterable):
            raise InputError(_bad_input(inputs, 1))
        parts: list[Document | Path] = []
        for n, item in enumerate(inputs, start=1):
            if isinstance(item, Document):
                parts.append(item)
            elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
                parts.extend(expand_inputs([item]))
            elif isinstance(item, str):
                if not item.strip():
                    raise InputError(
                        f"input {n} is an empty string; give an article's text or a path"
                    )
                parts.append(
                    Document(id=f"text-{n}", text=item, lang=lang, date=date or find_dateline(item))
                )
            else:
                raise InputError(_bad_input(item, n))
        if not parts:
            raise InputError("no input: give at least one file, folder, JSONL file or text")
        return cls(parts, date=date, lang=lang, check_language=check_language)

    def stream(self) -> Iterator[Document]:
        """Read the documents, without keeping them: what a build does on each pass.

        Documents a build cannot read well are skipped or renamed, with one warning each
        however many passes (:mod:`kg.build.screen`).
        """
        if self._kept is not None:
            yield from self._kept
            return
        copies: dict[str, list[Copy]] = {}
        yield from screen(
            self._read(), check_language=self.check_language, warned=self._warned, copies=copies
        )
        self.copies = copies

    def _warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            log.warning("%s", message)

    def _read(self) -> Iterator[Document]:
        for part in self.parts:
            if isinstance(part, Document):
                yield part
            else:
                yield from read_documents([part], date=self.date, lang=self.lang, warn=self._warn)

    def _documents(self) -> list[Document]:
        if self._kept is None:
            kept = list(self.stream())
            self._kept = [
                replace(d, copies=(*d.copies, *self.copies[d.id])) if d.id in self.copies else d
                for d in kept
            ]
        return self._kept

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents())

    def __len__(self) -> int:
        return len(self._documents())

    @overload
    def __getitem__(self, index: int) -> Document: ...
    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...
    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        return self._documents()[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return self._documents() == list(other)

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __repr__(self) -> str:
        return f"<kg Corpus of {len(self.parts)} inputs>"


def _bad_input(item: object, n: int) -> str:
    hint = " (decode bytes first: data.decode('utf-8'))" if isinstance(item, bytes) else ""
    return (
        f"input {n} is a {type(item).__name__}{hint}; give a path, a folder, a .jsonl file, "
        "an article's text or a kg.Document"
    )


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) >= 260:
        return False
    try:
        if Path(text).exists():
            return True
    except (OSError, ValueError):  # a string the OS cannot stat is text, not a path
        return False
    return text.lower().endswith((*SUFFIXES, "/"))
