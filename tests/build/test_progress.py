"""kg.build.progress: quiet unless asked; one bar and one-line notes on stderr."""

from __future__ import annotations

import doctest
import logging

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
    with progress_bar(4, initial=2, enabled=True) as bar:
        bar.update(2)
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
