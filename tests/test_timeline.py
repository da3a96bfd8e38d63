"""Timeline rows: dated sentences and dated facts, sorted, with entities and edge refs."""

from __future__ import annotations

from _timeline_data import E2, extraction

from kg.graph import build_graph
from kg.model import Extraction, Relation
from kg.timeline import TIMELINE_FIELDS, timeline_rows


def test_rows_are_sorted_and_cover_dated_sentences_and_inferred_facts() -> None:
    ext = extraction()
    rows = timeline_rows([ext], build_graph([ext]))
    assert [(r["value"], r["inferred"]) for r in rows] == [
        ("2023-12", False),
        ("2024-02-15", True),
        ("2024-07", False),
    ]
    assert [r["id"] for r in rows] == ["row1", "row2", "row3"]
    dec, launch, summit = rows
    assert (dec["start"], dec["end"], dec["granularity"]) == ("2023-12-01", "2023-12-31", "month")
    assert dec["entities"] == ["Ana Lupu"] and dec["facts"] == []
    assert launch["facts"] == ["organization:coalition@d|launchedAt|Q1773"]
    assert launch["sentence"] == E2.text
    assert summit["facts"] == ["event:prochain-sommet@d|locatedIn|Q585"]
    assert set(rows[0]) == set(TIMELINE_FIELDS)


def test_standing_states_are_not_put_on_the_timeline_by_the_document_date() -> None:
    ext = extraction()
    minister = Relation(
        "person:ana-lupu", "headOf", "Q1773", "asserted", E2, attributes={"tense": "present"}
    )
    ext = Extraction(ext.id, ext.lang, ext.date, ext.entities, (minister,), ext.times, ())
    assert timeline_rows([ext], build_graph([ext])) == []
