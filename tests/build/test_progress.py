"""kg.build.progress: quiet unless asked; one bar and one-line notes on stderr."""

from __future__ import annotations

import doctest
import io
import logging
import re
import time

import pytest

from kg.build import progress
from kg.build.progress import note, progress_bar, wants_progress


def test_doctests_of_progress() -> None:
    assert doctest.testmod(progress, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_none_follows_the_kg_logger(caplog: pytest.LogCaptureFixture) -> None:
    assert wants_progress(None) is False
    caplog.set_level(logging.INFO, logger="kg")
    assert wants_progress(None) is True
    assert wants_progress(False) is False


def test_bar_and_notes_go_to_stderr_only_when_enabled(capfd: pytest.CaptureFixture[str]) -> None:
    with progress_bar(4, enabled=True) as bar:
        bar.update(4)
    note("2 documents cached", enabled=True)
    captured = capfd.readouterr()
    assert captured.out == ""
    assert progress.LABEL in captured.err and "4/4" in captured.err
    assert "kg: 2 documents cached\n" in captured.err
    with progress_bar(4, enabled=False) as bar:
        bar.update(4)
    note("hidden", enabled=False)
    with progress_bar(0, enabled=True):  # nothing to parse: no bar
        pass
    assert capfd.readouterr().err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_line_with_the_real_rate() -> None:
    """Not a terminal (a file, a pipe, CI): one final line, no redraws, no unknown rate."""
    out = io.StringIO()
    with progress_bar(5, enabled=True, file=out) as bar:
        time.sleep(0.01)
        for _ in range(5):
            bar.update(1)
    text = out.getvalue()
    assert text.count(progress.LABEL) == 1 and "\r" not in text, text
    assert re.fullmatch(
        r"kg: reading articles: 5/5 documents in \d+\.\d s \(\d+\.\d documents/s\)\n", text
    ), text


def test_a_log_gets_a_line_every_interval_on_a_long_run(monkeypatch) -> None:
    clock = iter([0.0, 31.0, 32.0, 70.0, 71.0])
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    out = io.StringIO()
    with progress_bar(4, enabled=True, file=out) as bar:
        bar.update(1)  # t=31: a line
        bar.update(1)  # t=32: too soon
        bar.update(2)  # t=70: done, the final line says it
    lines = out.getvalue().splitlines()
    assert lines == [
        "kg: reading articles: 1/4 documents (0.0 documents/s)",
        "kg: reading articles: 4/4 documents in 71.0 s (0.1 documents/s)",
    ], lines


def test_a_terminal_gets_one_bar_redrawn_in_place_with_its_rate() -> None:
    out = _Terminal()
    with progress_bar(3, enabled=True, file=out) as bar:
        time.sleep(0.02)
        bar.update(3)
    frames = [f for f in out.getvalue().split("\r") if f.strip()]
    assert out.getvalue().count("\n") == 1  # one line on screen, redrawn with \r
    assert "0/3" in frames[0] and "3/3" in frames[-1]
    assert "?" not in frames[-1], frames[-1]  # the rate is known once documents are done
