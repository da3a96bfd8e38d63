"""kg.timex: TIMEX3 values -> calendar bounds, granularity and XSD literals."""

from __future__ import annotations

import doctest

import pytest

import kg.timex
from kg.timex import bounds, xsd_literal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-15", ("2024-02-15", "2024-02-15", "day")),
        ("2024-02-15TEV", ("2024-02-15", "2024-02-15", "day")),
        ("2024-02-15T14:30", ("2024-02-15", "2024-02-15", "day")),
        ("2024-W06", ("2024-02-05", "2024-02-11", "week")),
        ("2020-W53", ("2020-12-28", "2021-01-03", "week")),
        ("2003-W05-WE", ("2003-02-01", "2003-02-02", "week")),
        ("2023-12", ("2023-12-01", "2023-12-31", "month")),
        ("2024-02", ("2024-02-01", "2024-02-29", "month")),
        ("2024-SP", ("2024-03-01", "2024-05-31", "season")),
        ("2024-SU", ("2024-06-01", "2024-08-31", "season")),
        ("2023-WI", ("2023-12-01", "2024-02-29", "season")),
        ("2024-Q4", ("2024-10-01", "2024-12-31", "quarter")),
        ("2024", ("2024-01-01", "2024-12-31", "year")),
        ("199", ("1990-01-01", "1999-12-31", "decade")),
        ("XXXX-12", (None, None, "month")),
        ("XXXX-WXX-4", (None, None, "day")),
        ("XXXX-SU", (None, None, "season")),
        ("P3D", (None, None, "unknown")),
        ("PRESENT_REF", (None, None, "unknown")),
        ("2023-02-30", (None, None, "unknown")),
        ("", (None, None, "unknown")),
    ],
)
def test_bounds(value: str, expected: tuple[str | None, str | None, str]) -> None:
    assert bounds(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-15", ("2024-02-15", "xsd:date")),
        ("1999-05-23TEV", ("1999-05-23", "xsd:date")),
        ("2024-02-15T09:05", ("2024-02-15T09:05:00", "xsd:dateTime")),
        ("2023-12", ("2023-12", "xsd:gYearMonth")),
        ("2024", ("2024", "xsd:gYear")),
        ("2024-W06", None),
        ("2024-SP", None),
        ("XXXX-12", None),
        ("P3D", None),
        ("2023-13", None),
    ],
)
def test_xsd_literal(value: str, expected: tuple[str, str] | None) -> None:
    assert xsd_literal(value) == expected


def test_doctests() -> None:
    assert doctest.testmod(kg.timex).failed == 0
