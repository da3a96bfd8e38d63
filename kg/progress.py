"""Progress bars for long runs: a notebook widget in Jupyter, a text bar in a terminal.

Why a helper: the library must stay quiet by default (it is imported by scripts, tests and
other libraries), yet a researcher parsing a corpus of thousands of articles wants to see it
move. ``progress=True`` asks for a bar, ``False`` forbids one, and ``None`` (the default)
follows the ``kg`` logger: a bar appears only when ``logging.getLogger("kg")`` is enabled for
``INFO`` (the CLI's verbose mode, or ``logging.basicConfig(level=logging.INFO)``).

:mod:`tqdm.auto` picks the bar: a Jupyter widget when ``ipywidgets`` is installed, else the
text bar, which Jupyter, VS Code and terminals all draw in place.

>>> list(track(range(3), enabled=False))
[0, 1, 2]
>>> wants_progress(None)  # the kg logger is not at INFO unless someone asked
False
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["track", "wants_progress"]

T = TypeVar("T")

log = logging.getLogger("kg")


def wants_progress(progress: bool | None) -> bool:
    """Resolve a ``progress`` argument: True/False as given, None follows the ``kg`` logger.

    >>> wants_progress(True), wants_progress(False)
    (True, False)
    """
    if progress is None:
        return log.isEnabledFor(logging.INFO)
    return bool(progress)


def track(
    iterable: Iterable[T],
    *,
    total: int | None = None,
    desc: str = "kg",
    unit: str = "doc",
    enabled: bool | None = None,
) -> Iterator[T]:
    """Yield the items of ``iterable`` while drawing a progress bar if ``enabled``.

    Args:
        iterable: the items, consumed lazily (a generator stays a generator).
        total: number of items, when ``iterable`` has no ``len``.
        desc: label in front of the bar.
        unit: what one item is called.
        enabled: True, False, or None to follow the ``kg`` logger (see module docs).
    """
    if not wants_progress(enabled):
        yield from iterable
        return
    with warnings.catch_warnings():
        # Without ipywidgets, tqdm.auto warns once and falls back to the text bar: fine.
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

    bar = tqdm(iterable, total=total, desc=desc, unit=unit, dynamic_ncols=True, leave=True)
    try:
        yield from bar
    finally:
        bar.close()
