"""Progress of a build: one bar and a few notes on stderr, only when asked for.

Why a helper: the library must stay quiet by default (it is imported by scripts, tests and
other libraries), yet a researcher parsing a corpus of thousands of articles wants to see it
move. ``progress=True`` asks for a bar, ``False`` forbids one, and ``None`` (the default of
:func:`kg.build`) follows the ``kg`` logger: a bar appears only when
``logging.getLogger("kg")`` is enabled for ``INFO`` (``logging.basicConfig(level=logging.INFO)``).
``kg build`` asks for one unless ``--quiet``.

:mod:`tqdm.auto` picks the bar where it can be redrawn in place: a terminal, or a Jupyter
kernel (a widget when ``ipywidgets`` is installed, else the text bar, which Jupyter and VS
Code redraw). Elsewhere (a log file, a pipe, CI) a bar would be written anew at every refresh,
so the same progress is a line at most every :data:`LINE_EVERY` seconds and one line at the
end, with the real rate.

>>> wants_progress(None)  # the kg logger is not at INFO unless someone asked
False
>>> with progress_bar(3, enabled=False) as bar:
...     bar.update(3)
>>> note("nothing is printed", enabled=False)
"""

from __future__ import annotations

import logging
import sys
import time
import warnings
from typing import Any, TextIO

__all__ = ["LineProgress", "note", "progress_bar", "wants_progress"]

log = logging.getLogger("kg")

#: The label in front of the bar.
LABEL = "kg: reading articles"
#: Seconds between two progress lines when the bar cannot be redrawn in place.
LINE_EVERY = 30.0


def wants_progress(progress: bool | None) -> bool:
    """Resolve a ``progress`` argument: True/False as given, None follows the ``kg`` logger.

    >>> wants_progress(True), wants_progress(False)
    (True, False)
    """
    if progress is None:
        return log.isEnabledFor(logging.INFO)
    return bool(progress)


def progress_bar(
    total: int, *, enabled: bool, file: TextIO | None = None
) -> Any:  # -> tqdm | LineProgress
    """A bar over ``total`` documents; a silent one if not enabled.

    Create it before the work starts (its clock is the rate's), use it as a context manager
    or call ``close()``, and advance it with ``update(n)``. ``file`` defaults to stderr.
    """
    stream = file if file is not None else sys.stderr
    if enabled and total > 0 and not _redraws_in_place(stream):
        return LineProgress(total, file=stream)
    with warnings.catch_warnings():
        # Without ipywidgets, tqdm.auto warns once and falls back to the text bar: fine.
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

    return tqdm(
        total=total,
        unit="doc",
        desc=LABEL,
        disable=not enabled or total == 0,
        file=stream,
        mininterval=0.5,
        dynamic_ncols=True,
    )


def _redraws_in_place(stream: Any) -> bool:
    """A terminal, or a Jupyter kernel's stream (its front end honours carriage returns)."""
    try:
        if stream.isatty():
            return True
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
    return type(stream).__module__.startswith("ipykernel")


class LineProgress:
    """The bar's lines for a log: ``k/N`` at most every :data:`LINE_EVERY` s, then a total.

    >>> import io
    >>> out = io.StringIO()
    >>> with LineProgress(3, file=out) as bar:
    ...     bar.update(3)
    >>> out.getvalue().startswith("kg: reading articles: 3/3 documents in ")
    True
    """

    def __init__(self, total: int, *, file: TextIO) -> None:
        self.total, self.n, self.file = total, 0, file
        self.start = self.last = time.monotonic()
        self.closed = False

    def update(self, n: int = 1) -> None:
        """Count ``n`` more documents; print a line if the last one is old enough."""
        self.n += n
        now = time.monotonic()
        if now - self.last >= LINE_EVERY and self.n < self.total:
            self.last = now
            self._print(f"{self.n}/{self.total} documents ({self._rate(now)})")

    def close(self) -> None:
        """Print the one final line: how many, in how long, how fast."""
        if self.closed:
            return
        self.closed = True
        now = time.monotonic()
        self._print(
            f"{self.n}/{self.total} documents in {now - self.start:.1f} s ({self._rate(now)})"
        )

    def _rate(self, now: float) -> str:
        return f"{self.n / max(now - self.start, 1e-9):.1f} documents/s"

    def _print(self, text: str) -> None:
        print(f"{LABEL}: {text}", file=self.file, flush=True)

    def __enter__(self) -> LineProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def note(message: str, *, enabled: bool) -> None:
    """Print ``kg: message`` on stderr if ``enabled`` (what a build is doing, in one line)."""
    if enabled:
        print(f"kg: {message}", file=sys.stderr, flush=True)
