"""kg.build.options: one record of build settings, refused at once when no build could use it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from kg.build import BuildOptions
from kg.errors import InputError


def test_defaults_parse_in_this_process_without_a_cache() -> None:
    options = BuildOptions()
    assert (options.workers, options.cache, options.batch_size) == (1, None, 16)
    assert (options.lang, options.model, options.date, options.progress) == ("fr", None, None, None)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-02-15", dt.date(2024, 2, 15)),
        (dt.date(2024, 2, 15), dt.date(2024, 2, 15)),
        (dt.datetime(2024, 2, 15, 13, 30), dt.date(2024, 2, 15)),
        (None, None),
    ],
)
def test_dates_become_dates(given, expected) -> None:
    assert BuildOptions(date=given).date == expected


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": "15/02/2024"}, "ISO date"),
        ({"date": 20240215}, "date must be an ISO string"),
        ({"workers": 0}, "--workers must be at least 1, not 0"),
        ({"batch_size": 0}, "--batch-size must be at least 1, not 0"),
    ],
)
def test_unusable_settings_are_refused_in_one_line(kwargs, message) -> None:
    with pytest.raises(InputError, match=message) as info:
        BuildOptions(**kwargs)
    assert "\n" not in str(info.value)


def test_options_are_frozen_and_the_cache_is_a_path() -> None:
    options = BuildOptions(cache="out/.kg-cache", workers=None)
    assert options.cache == Path("out/.kg-cache") and options.workers is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.workers = 2  # type: ignore[misc]
    assert dataclasses.replace(options, rebuild=True).rebuild is True
