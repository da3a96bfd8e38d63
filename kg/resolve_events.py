"""One event per real happening across articles: the same fire told by three papers.

Why its own stage, after entity resolution: two reports of one event agree on what
happened (class), where (the canonical place), who (a shared actor, target or
participant) and when (dates within a few days), and those comparisons need canonical
entity keys. The rules ask for all four, because a wrong merge joins two protests in two
cities into one; a missed merge only leaves two rows a reader can still compare.

An event every article names by itself (article-scoped keys such as ``event:incendie@a-…``)
takes the key of its first report (earliest publication date, then document id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kg.model import Event, Extraction
from kg.resolve import rewrite_extraction
from kg.timex import bounds

__all__ = ["DATE_WINDOW_DAYS", "resolve_events"]

#: How far apart two reports may date one event (publication lag, "hier" vs a date).
DATE_WINDOW_DAYS = 3


def _interval(event: Event, ext: Extraction) -> tuple[dt.date, dt.date] | None:
    times = {t.id: t.value for t in ext.times}
    value = times.get(event.time) if event.time else None
    if value:
        start, end, _ = bounds(value)
        if start and end:
            return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if ext.date is not None:
        return ext.date, ext.date
    return None


def _parties(event: Event) -> set[str]:
    return {*event.actors, *event.targets, *event.participants}


def _same(a: tuple[Event, Extraction], b: tuple[Event, Extraction]) -> bool:
    (ea, xa), (eb, xb) = a, b
    if ea.cls != eb.cls or xa.id == xb.id:
        return False
    if not ea.place or ea.place != eb.place:
        return False
    pa, pb = _parties(ea), _parties(eb)
    if (pa or pb) and not pa & pb:
        return False
    ia, ib = _interval(ea, xa), _interval(eb, xb)
    if ia is None or ib is None:
        return False
    window = dt.timedelta(days=DATE_WINDOW_DAYS)
    return ia[0] <= ib[1] + window and ib[0] <= ia[1] + window


def resolve_events(extractions: Iterable[Extraction]) -> list[Extraction]:
    """``extractions`` with the events that are one happening under one key.

    >>> from kg.model import Evidence
    >>> def x(doc, day):
    ...     ev = Event(f"event:fire@{doc}", "DISASTER", "incendie", "asserted",
    ...                Evidence(0, 8, "Incendie."), place="Q90")
    ...     return Extraction(doc, "fr", dt.date(2024, 3, day), events=(ev,))
    >>> [e.id for x_ in resolve_events([x("a", 1), x("b", 2)]) for e in x_.events]
    ['event:fire@a', 'event:fire@a']
    """
    extractions = list(extractions)
    reports = sorted(
        ((ev, x) for x in extractions for ev in x.events),
        key=lambda r: (r[1].date or dt.date.max, r[1].id, r[0].evidence.start, r[0].id),
    )
    # Blocks by (class, place): only reports that could be one event are compared.
    blocks: dict[tuple[str, str], list[tuple[Event, Extraction]]] = {}
    for report in reports:
        if report[0].place:
            blocks.setdefault((report[0].cls, report[0].place), []).append(report)
    canonical: dict[tuple[str, str], str] = {}  # (doc, event id) -> canonical id
    for block in blocks.values():
        firsts: list[tuple[Event, Extraction]] = []
        for report in block:
            first = next((f for f in firsts if _same(f, report)), None)
            if first is None:
                firsts.append(report)
            else:
                canonical[(report[1].id, report[0].id)] = canonical.get(
                    (first[1].id, first[0].id), first[0].id
                )
    if not canonical:
        return extractions
    out: list[Extraction] = []
    for x in extractions:
        mapping = {eid: key for (doc, eid), key in canonical.items() if doc == x.id}
        out.append(rewrite_extraction(x, mapping) if mapping else x)
    return out
