"""What kg's spaCy components share: being built from language data they save and reload.

Why a base class: spaCy's own rule components (``SpanRuler``) are built from patterns that
are passed in and saved with the pipeline; kg's components are built from their language's
data files the same way. Each subclass names the files it reads (``DATA``) and builds
itself from them in ``_build``; saving and reloading is the same for all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, ClassVar, Self

from kg.lang import read_lang_data, write_lang_data

__all__ = ["LangComponent"]


class LangComponent:
    """A component built from the data files ``DATA`` of its language.

    ``self.data`` holds the parsed files it was built from: kg's own, or the caller's
    ``data=`` copy, or what a saved pipeline held.
    """

    DATA: ClassVar[tuple[str, ...]] = ()
    lang: str
    data: dict[str, Any]

    def _build(self, data: Mapping[str, Any] | None) -> None:
        """Build from ``data`` (kg's own files when None); sets ``self.data``."""
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the data the component was built from with the pipeline (``nlp.to_disk``)."""
        write_lang_data(path, self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        """Rebuild from the data saved with the pipeline (``spacy.load``)."""
        self._build(read_lang_data(path))
        return self
