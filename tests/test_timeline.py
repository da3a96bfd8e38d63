"""Timeline rows: dated sentences and dated facts, sorted, with entities and edge refs."""

from __future__ import annotations

import datetime as dt
import json

from kg.graph import build_graph
from kg.model import DatedEvent, Entity, Evidence, Extraction, Relation, TimeValue
from kg.timeline import TIMELINE_FIELDS, timeline_csv, timeline_rows, timelinejs

TEXT = (
    "En décembre, la présidente Ana Lupu a annoncé un plan. "
    "La coalition a été lancée à Riga. "
    "Le prochain sommet se tiendra à Oslo en juillet."
)
S1, S2, S3 = (TEXT.index(s) for s in ("En décembre", "La coalition", "Le prochain"))
E1 = Evidence(S1, S2 - 1, TEXT[S1 : S2 - 1])
E2 = Evidence(S2, S3 - 1, TEXT[S2 : S3 - 1])
E3 = Evidence(S3, len(TEXT), TEXT[S3:])


def extraction() -> Extraction:
    ents = (
        Entity("person:ana-lupu", "Ana Lupu", "Person"),
        Entity("organization:coalition@d", "coalition", "Organization"),
        Entity("Q1773", "Riga", "Place", "Q1773"),
        Entity("event:prochain-sommet@d", "prochain sommet", "Event"),
        Entity("Q585", "Oslo", "Place", "Q585"),
    )
    times = (
        TimeValue("t1", S1, S1 + 11, "En décembre", "DATE", "2023-12", True),
        TimeValue("t2", TEXT.index("en juillet"), len(TEXT) - 1, "en juillet", "DATE", "2024-07"),
        TimeValue("t3", 0, 5, "xxxxx", "DATE", "XXXX-05"),
        TimeValue("t4", 0, 5, "xxxxx", "DURATION", "P3D"),
    )
    rels = (
        Relation(
            "organization:coalition@d",
            "launchedAt",
            "Q1773",
            "asserted",
            E2,
            attributes={"tense": "past"},
        ),
        Relation(
            "event:prochain-sommet@d",
            "locatedIn",
            "Q585",
            "planned",
            E3,
            time="t2",
            attributes={"tense": "future"},
        ),
    )
    events = (
        DatedEvent("t1", "Ana Lupu a annoncé un plan", E1, ("person:ana-lupu",)),
        DatedEvent("t2", "Le prochain sommet se tiendra", E3, ("event:prochain-sommet@d", "Q585")),
        DatedEvent("t3", "underspecified: no row", E1, ()),
    )
    return Extraction("d", "fr", dt.date(2024, 2, 15), ents, rels, times, events)


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


def test_standing_states_are_not_put_on_the_timeline_by_the_document_date() -> None:
    ext = extraction()
    minister = Relation(
        "person:ana-lupu", "headOf", "Q1773", "asserted", E2, attributes={"tense": "present"}
    )
    ext = Extraction(ext.id, ext.lang, ext.date, ext.entities, (minister,), ext.times, ())
    assert timeline_rows([ext], build_graph([ext])) == []
