"""Timeline exporters: the rows of :func:`kg.timeline.timeline_rows` as CSV and TimelineJS."""

from __future__ import annotations

from kg.export.timeline.formats import timeline_csv, timelinejs

__all__ = ["timeline_csv", "timelinejs"]
