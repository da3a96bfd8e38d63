"""Every setting of one build in one record, checked once when it is made.

Why a record: ``kg build``, ``kg extract``, :func:`kg.build` and the corpus flow used to pass
the same eleven keyword arguments through three signatures, each free to forget one. A
frozen :class:`BuildOptions` is made at the public boundary (the CLI, :mod:`kg.api`), refuses
values no build could use, and travels whole down to the stage that reads each field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.io import parse_date

__all__ = ["BuildOptions"]


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """How to build: what to read the documents as, which pipeline, where and how to parse.

    Attributes:
        date: publication date forced on every document, a ``datetime.date`` or an ISO
            string (else the JSONL ``date``, else a dateline in the text, else none).
        lang: language of documents that do not say theirs.
        model: spaCy model; None for the language's default.
        workers: processes that parse documents; None for every core, 1 to parse in this
            process (the default: notebooks and scripts start no process unasked). Ignored
            with ``scheduler``.
        batch_size: documents per ``nlp.pipe`` batch and per task sent to a worker.
        cache: folder of cached extractions (``kg build`` uses ``OUT/.kg-cache``); None
            keeps the extractions of this build in memory only.
        rebuild: parse every document again and overwrite its cache entry.
        scheduler: address of a Dask scheduler (``tcp://HOST:PORT``) to parse on a cluster.
        progress: a progress bar and notes on stderr: True, False, or None to follow the
            ``kg`` logger (see :mod:`kg.build.progress`).

    Example:
        >>> BuildOptions(date="2024-02-15").date
        datetime.date(2024, 2, 15)
        >>> BuildOptions(workers=0)
        Traceback (most recent call last):
        ...
        kg.errors.InputError: --workers must be at least 1, not 0

    Raises:
        InputError: an invalid date, batch size or number of workers.
    """

    date: dt.date | None = None
    lang: str = "fr"
    model: str | None = None
    workers: int | None = 1
    batch_size: int = 16
    cache: Path | None = None
    rebuild: bool = False
    scheduler: str | None = None
    progress: bool | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "date", _as_date(self.date))
        if self.cache is not None:
            object.__setattr__(self, "cache", Path(self.cache))
        if self.batch_size < 1:
            raise InputError(f"--batch-size must be at least 1, not {self.batch_size}")
        if self.workers is not None and self.workers < 1:
            raise InputError(f"--workers must be at least 1, not {self.workers}")


def _as_date(value: object) -> dt.date | None:
    """A publication date from what a user may pass: None, a date, a datetime, an ISO string."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_date(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise InputError(f"date must be an ISO string or a datetime.date, got {value!r}")
