"""Events everywhere kg writes: one event across reports, PLOVER-shaped files, SEM in RDF,
timeline rows headlined from the event, ``r.events`` — on two reports written for the test.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyoxigraph
import pytest

from kg.api import build
from kg.export.events import EVENT_FIELDS, events_csv, events_jsonl
from kg.export.rdf import write_rdf
from kg.model import Document

REPORTS = [
    Document(
        "quotidien-1",
        "Un incendie a détruit un entrepôt à Brest dans la nuit de lundi à mardi. "
        "Le sinistre a fait deux blessés.",
        date=dt.date(2023, 9, 12),
    ),
    Document(
        "hebdo-2",
        "L'incendie qui a ravagé lundi un entrepôt à Brest a fait trois blessés, "
        "selon un nouveau bilan.",
        date=dt.date(2023, 9, 13),
    ),
    Document(
        "quotidien-3",
        "Un incendie s'est déclaré samedi dans un hangar de Quimper.",
        date=dt.date(2023, 9, 17),
    ),
]


@pytest.fixture(scope="module")
def result():
    return build(REPORTS, progress=False)


def _fires(result):
    return [
        (k, d["event"])
        for k, d in result.graph.nodes(data=True)
        if d.get("event") and d["event"]["class"] == "DISASTER"
    ]


def test_two_reports_of_one_fire_are_one_event_with_both_reports(result) -> None:
    fires = _fires(result)
    assert len(fires) == 2  # Brest (two reports) and Quimper (one)
    brest = next(e for _, e in fires if len(e["reports"]) == 2)
    assert [r["doc"] for r in brest["reports"]] == ["quotidien-1", "hebdo-2"]
    assert brest["first_reported"] == "2023-09-12"
    # The toll grew from one report to the next: kept, with the latest figure.
    assert brest["differences"]["injured"] == [2, 3]
    assert brest["quantities"]["injured"] == 3


def test_events_files_have_plover_fields_and_one_row_per_event(result) -> None:
    rows = list(csv.DictReader(io.StringIO(events_csv(result.graph))))
    assert tuple(rows[0]) == EVENT_FIELDS
    fires = [r for r in rows if r["event"] == "DISASTER"]
    assert sorted(r["location"] for r in fires) == ["Brest", "Quimper"]
    brest = next(r for r in fires if r["location"] == "Brest")
    assert brest["reports"] == "quotidien-1; hebdo-2"
    assert brest["mode"] == "fire" and brest["context"] == "other"
    lines = [json.loads(line) for line in events_jsonl(result.graph).splitlines()]
    assert len(lines) == len(rows)
    assert all(isinstance(line["reports"], list) for line in lines)


def test_r_events_is_a_dataframe_with_nullable_counts(result) -> None:
    frame = result.events
    assert list(frame.columns) == list(EVENT_FIELDS)
    assert str(frame["injured"].dtype) == "Int64"
    assert set(frame["event"]) >= {"DISASTER"}


def test_rdf_events_answer_what_happened_where_and_when_with_sem(result, tmp_path) -> None:
    path = tmp_path / "graph.trig"
    write_rdf(result.graph, path)
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TRIG, to_graph=None)
    query = """
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?class ?place ?stamp WHERE {
          GRAPH ?g { ?e a sem:Event ; kg:eventClass ?class ; sem:hasPlace ?p ;
                       sem:hasTimeStamp ?stamp . ?p rdfs:label ?place }
        } ORDER BY ?place ?stamp
    """
    rows = [
        (str(r["class"].value).rsplit("/", 1)[1], r["place"].value, r["stamp"].value)
        for r in store.query(query, use_default_graph_as_union=True)
    ]
    assert ("DISASTER", "Brest", "2023-09-11") in rows
    assert ("DISASTER", "Quimper", "2023-09-16") in rows


def test_timeline_rows_are_built_from_events_with_a_structured_headline(result) -> None:
    rows = [r for r in result.timeline_rows if r.get("event")]
    assert rows, result.timeline_rows
    quimper = next(r for r in rows if "Quimper" in r["headline"])
    assert quimper["value"] == "2023-09-16"
    assert quimper["event"] in quimper["entity_ids"]
