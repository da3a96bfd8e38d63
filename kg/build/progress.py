"""Progress of a build: one bar and a few notes on stderr, only when asked for.

Why a helper: the library must stay quiet by default (it is imported by scripts, tests and
other libraries), yet a researcher parsing a corpus of thousands of articles wants to see it
move. ``progress=True`` asks for a bar, ``False`` forbids one, and ``None`` (the default of
:func:`kg.build`) follows the ``kg`` logger: a bar appears only when
``logging.getLogger("kg")`` is enabled for ``INFO`` (``logging.basicConfig(level=logging.INFO)``).
``kg build`` asks for one unless ``--quiet``.

:mod:`tqdm.auto` picks the bar: a Jupyter widget when ``ipywidgets`` is installed, else the
text bar, which Jupyter, VS Code and terminals all draw in place.

>>> wants_progress(None)  # the kg logger is not at INFO unless someone asked
False
>>> with progress_bar(3, enabled=False) as bar:
...     bar.update(3)
>>> note("nothing is printed", enabled=False)
"""

from __future__ import annotations

import logging
import sys
import warnings
from typing import Any

__all__ = ["note", "progress_bar", "wants_progress"]

log = logging.getLogger("kg")

#: The label in front of the bar.
LABEL = "kg: reading articles"


def wants_progress(progress: bool | None) -> bool:
    """Resolve a ``progress`` argument: True/False as given, None follows the ``kg`` logger.

    >>> wants_progress(True), wants_progress(False)
    (True, False)
    """
    if progress is None:
        return log.isEnabledFor(logging.INFO)
    return bool(progress)


def progress_bar(total: int, *, initial: int = 0, enabled: bool) -> Any:  # -> tqdm
    """A bar over ``total`` documents, ``initial`` of them done; a silent one if not enabled.

    Use it as a context manager, or call ``close()``; advance it with ``update(n)``.
    """
    with warnings.catch_warnings():
        # Without ipywidgets, tqdm.auto warns once and falls back to the text bar: fine.
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

    return tqdm(
        total=total,
        initial=initial,
        unit="doc",
        desc=LABEL,
        disable=not enabled or total == 0,
        file=sys.stderr,
        mininterval=0.5,
        dynamic_ncols=True,
    )


def note(message: str, *, enabled: bool) -> None:
    """Print ``kg: message`` on stderr if ``enabled`` (what a build is doing, in one line)."""
    if enabled:
        print(f"kg: {message}", file=sys.stderr, flush=True)
