"""One article's extraction with dated sentences and facts, for the timeline tests."""

from __future__ import annotations

import datetime as dt

from kg.model import DatedEvent, Entity, Evidence, Extraction, Relation, TimeValue

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
    return Extraction("d", "fr", dt.date(2024, 2, 15), ents, rels, times, dated=events)
