"""Timeline exporters: the rows of :func:`kg.timeline.timeline_rows` as files.

:mod:`.formats` writes CSV and TimelineJS3 JSON; :mod:`.html` renders the offline page.
"""

from __future__ import annotations

from kg.export.timeline.formats import timeline_csv, timelinejs

__all__ = ["timeline_csv", "timelinejs"]
