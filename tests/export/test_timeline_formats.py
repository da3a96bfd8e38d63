"""kg.export.timeline: the timeline rows as CSV and TimelineJS3 JSON."""

from __future__ import annotations

import json

from _timeline_data import extraction

from kg.export.timeline import timeline_csv, timelinejs
from kg.graph import build_graph
from kg.timeline import TIMELINE_FIELDS, timeline_rows


def test_exports_keep_every_row() -> None:
    ext = extraction()
    rows = timeline_rows([ext], build_graph([ext]))
    csv_lines = timeline_csv(rows).strip().splitlines()
    assert csv_lines[0].split(",")[:3] == ["id", "start", "end"]
    assert len(csv_lines) == 1 + len(rows)
    tl = json.loads(json.dumps(timelinejs(rows)))
    assert [e["start_date"] for e in tl["events"]] == [
        {"year": "2023", "month": "12"},
        {"year": "2024", "month": "2", "day": "15"},
        {"year": "2024", "month": "7"},
    ]
    assert tl["events"][0]["end_date"] == {"year": "2023", "month": "12", "day": "31"}


def test_csv_follows_the_rows_contract_and_joins_lists() -> None:
    rows = [
        {field: None for field in TIMELINE_FIELDS}
        | {"id": "row1", "entities": ["Ana Lupu", "Riga"], "inferred": False}
    ]
    header, line = timeline_csv(rows).splitlines()
    assert header == ",".join(TIMELINE_FIELDS)
    assert "Ana Lupu; Riga" in line and line.startswith("row1,,")


def test_timelinejs_dates_follow_the_granularity() -> None:
    row = {
        "id": "row1",
        "start": "2024-07-01",
        "end": "2024-07-01",
        "granularity": "year",
        "headline": "h",
        "sentence": "s",
        "doc": "d",
    }
    doc = timelinejs([row], title="T")
    assert doc["title"] == {"text": {"headline": "T"}}
    assert doc["events"][0]["start_date"] == {"year": "2024"}
    assert "end_date" not in doc["events"][0]
