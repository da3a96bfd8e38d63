"""The triples of one time-expression node: its TIMEX3 value, typed date and bounds.

Why apart from :mod:`kg.export._rdf_build`: how a value becomes OWL-Time (a day an
``time:Instant`` with ``xsd:date``, a month or year an ``time:Interval`` with ``xsd:gYearMonth``
/ ``xsd:gYear``, other TIMEX3 values kept as text with their ISO bounds) is a mapping of its
own, while the builder only decides where and how often a node is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.export._rdf_terms import (
    DAY,
    IN_DATE,
    IN_GY,
    IN_GYM,
    INSTANT,
    INTERVAL,
    MONTH,
    TYPE,
    XSD_DATE,
    XSD_GY,
    XSD_GYM,
    YEAR,
    K,
    Triple,
    make_literal,
)

_START_DATE, _END_DATE = K.startDate, K.endDate


def time_triples(
    node: str, fields: dict[str, Any], date: Callable[[Any], str | None]
) -> list[Triple]:
    """The triples describing time node ``node`` from its ``fields`` (value, start, end,
    granularity, text); ``date`` turns an ISO date into an ``xsd:date`` literal (cached by
    the caller), or None."""
    out: list[Triple] = []
    value = fields["value"]
    out.append((node, TYPE, K.TimeExpression))
    literal = None
    if isinstance(value, str):
        if DAY.match(value):
            out.append((node, TYPE, INSTANT))
            literal = (
                node,
                IN_DATE,
                date(value) or make_literal(value, datatype=XSD_DATE),
            )
        elif MONTH.match(value):
            out.append((node, TYPE, INTERVAL))
            literal = (node, IN_GYM, make_literal(value, datatype=XSD_GYM))
        elif YEAR.match(value):
            out.append((node, TYPE, INTERVAL))
            literal = (node, IN_GY, make_literal(value, datatype=XSD_GY))
        out.append((node, K.timexValue, make_literal(value)))
    if literal is not None:
        out.append(literal)
    if fields["text"] is not None:
        out.append((node, K.timeText, make_literal(str(fields["text"]))))
    if fields["granularity"] is not None:
        out.append((node, K.granularity, make_literal(str(fields["granularity"]))))
    for prop, field in ((_START_DATE, "start"), (_END_DATE, "end")):
        lit = date(fields[field])
        if lit is not None:
            out.append((node, prop, lit))
    return out
