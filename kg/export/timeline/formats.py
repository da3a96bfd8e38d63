"""The timeline rows as files: CSV for spreadsheets, TimelineJS3 JSON for storytelling.

Why apart from :mod:`kg.timeline`: building the rows reads the graph; writing them is one
exporter per format, like every other output of :mod:`kg.export`. The rows' contract is
:data:`kg.timeline.TIMELINE_FIELDS` (docs/internals.md).
"""

from __future__ import annotations

from typing import Any

from kg.export.tables import rows_csv
from kg.timeline import TIMELINE_FIELDS

__all__ = ["timeline_csv", "timelinejs"]


def timeline_csv(rows: list[dict]) -> str:
    """CSV text of the rows (lists joined with ``; ``), for spreadsheets."""
    return rows_csv(rows, TIMELINE_FIELDS)


def timelinejs(rows: list[dict], title: str = "kg timeline") -> dict[str, Any]:
    """The rows as a TimelineJS3 JSON document (``events`` with start/end dates)."""

    def date(iso: str, granularity: str) -> dict[str, str]:
        year, month, day = iso.split("-")
        out = {"year": year}
        if granularity in ("day", "week", "month", "season", "quarter"):
            out["month"] = str(int(month))
        if granularity in ("day",):
            out["day"] = str(int(day))
        return out

    events = []
    for row in rows:
        event: dict[str, Any] = {
            "unique_id": row["id"],
            "start_date": date(row["start"], row["granularity"]),
            "text": {"headline": row["headline"], "text": row["sentence"]},
            "group": row["doc"],
        }
        if row["end"] != row["start"]:
            event["end_date"] = date(row["end"], "day")
        events.append(event)
    return {"title": {"text": {"headline": title}}, "events": events}
