"""Provenance reaches every output: extraction.jsonl, RDF (PROV-O, SHACL-valid), tables,
DataFrames and the pages, for a corpus of a web archive, a feed and a relayed wire story."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pyoxigraph
import pyshacl
import pytest
import rdflib
from _news import news_page, rss_feed, write_warc

import kg
from kg.model import Extraction

pytestmark = pytest.mark.slow

URL_A = "https://www.courrier-balte.example/monde/lituanie-defense"
URL_RELAY = "https://www.journal-du-port.example/international/vilnius-defense"
WIRE = (
    "Vilnius, 12 mars 2024 – La Lituanie a signé mardi un accord avec la Norvège pour "
    "l'achat de systèmes de défense aérienne, a annoncé le ministère lituanien de la Défense.",
    "Les premières batteries seront livrées avant la fin de l'année et déployées près de la "
    "frontière orientale du pays, selon le communiqué publié à Vilnius.",
    "L'accord prévoit aussi la formation de soixante militaires lituaniens en Norvège au "
    "cours de l'été, a précisé le ministère dans le même communiqué.",
)
RELAY = (*WIRE[:2], WIRE[2].replace("a précisé le ministère", "a indiqué le ministère"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    pages = [
        (URL_A, "2024-03-15T06:12:44Z", news_page(url=URL_A, paragraphs=WIRE).encode()),
        (
            URL_RELAY,
            "2024-03-16T10:00:00Z",
            news_page(
                url=URL_RELAY, paragraphs=RELAY, site="Le Journal du Port", author="Rédaction"
            ).encode(),
        ),
    ]
    write_warc(root / "crawl.warc.gz", pages)
    feed = rss_feed(
        [
            {
                "title": "Tallinn rouvre la ligne vers Helsinki",
                "link": "https://www.gazette-nord.example/tallinn-ferry",
                "date": "Wed, 13 Mar 2024 07:05:00 +0100",
                "content": "<p>Tallinn, 13 mars 2024 – La compagnie estonienne Tallink a "
                "rouvert mercredi la ligne de ferry entre Tallinn et Helsinki, fermée depuis "
                "janvier à cause des glaces.</p>",
            }
        ],
        title="La Gazette du Nord",
    )
    (root / "nord.rss").write_text(feed, encoding="utf-8")
    result = kg.build(root)
    out = tmp_path_factory.mktemp("out")
    result.save(out)
    return result, out


def test_the_relayed_story_is_one_report_with_two_publishers(built) -> None:
    result, _ = built
    assert [x.id for x in result.extractions] == ["crawl-1", "nord-1"]
    wire = result.extractions[0]
    assert wire.publishers == ("Le Courrier Balte", "Le Journal du Port")
    assert [c.url for c in wire.copies] == [URL_RELAY]
    docs = {ev["doc"] for _, _, d in result.graph.edges(data=True) for ev in d["evidence"]}
    assert docs <= {"crawl-1", "nord-1"}  # no fact cites the relay as a second report


def test_extraction_jsonl_carries_provenance_and_round_trips(built) -> None:
    result, out = built
    lines = (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert first["url"] == URL_A and first["captured"] == "2024-03-15T06:12:44Z"
    assert first["date"] == "2024-03-12" and first["warc_record_id"].startswith("<urn:uuid:")
    assert first["copies"][0]["publisher"] == "Le Journal du Port"
    assert Extraction.from_dict(first) == result.extractions[0]
    feed = json.loads(lines[1])
    assert (feed["publisher"], feed["captured"]) == ("La Gazette du Nord", None)


def test_prov_o_triples_sit_in_each_articles_graph(built) -> None:
    _, out = built
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.trig"))
    rows = list(
        store.query(
            """
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?title ?date ?captured ?record ?raw ?text ?outlet WHERE {
          GRAPH <https://w3id.org/kg-news/doc/crawl-1> {
            ?doc dcterms:title ?title ; kg:publicationDate ?date ; kg:textSha256 ?text ;
                 prov:hadPrimarySource ?page .
            ?page prov:generatedAtTime ?captured ; kg:warcRecordId ?record ;
                  kg:rawSha256 ?raw ; prov:wasAttributedTo/rdfs:label ?outlet .
          }
        }"""
        )
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["title"].value == "La Lituanie achète des défenses aériennes norvégiennes"
    assert row["date"].value == "2024-03-12" and row["captured"].value == "2024-03-15T06:12:44Z"
    assert row["outlet"].value == "Le Courrier Balte"
    assert len(row["raw"].value) == 64 and row["raw"].value != row["text"].value
    outlets = {
        r["name"].value
        for r in store.query(
            """PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?name WHERE { GRAPH <https://w3id.org/kg-news/doc/crawl-1> {
              <https://w3id.org/kg-news/doc/crawl-1> prov:wasAttributedTo/rdfs:label ?name } }"""
        )
    }
    assert outlets == {"Le Courrier Balte", "Le Journal du Port"}


def test_the_rdf_with_provenance_passes_the_shapes(built) -> None:
    """As a store with RDFS reasoning sees it (the stricter reading: domains add types)."""
    _, out = built
    data = rdflib.Dataset()
    data.parse(out / "graph.trig", format="trig")
    ontology = rdflib.Graph().parse(kg.__path__[0] + "/ontology/kg.ttl")
    shapes = rdflib.Graph().parse(kg.__path__[0] + "/ontology/shapes.ttl")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", advanced=True
    )
    assert conforms, text


def test_tables_dataframes_and_pages_name_the_articles(built) -> None:
    result, out = built
    with (out / "documents.csv").open(encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert rows["crawl-1"]["publishers"] == "Le Courrier Balte; Le Journal du Port"
    assert rows["crawl-1"]["captured"] == "2024-03-15T06:12:44Z"
    frame = result.provenance.set_index("id")
    assert frame.loc["nord-1", "url"] == "https://www.gazette-nord.example/tallinn-ferry"
    assert frame.loc["crawl-1", "date"] == "2024-03-12"
    assert result.documents[0].date == dt.date(2024, 3, 12)
    timeline = (out / "timeline.html").read_text(encoding="utf-8")
    assert f'href="{URL_A}"' in timeline or "gazette-nord.example/tallinn-ferry" in timeline
    graph_page = (out / "graph.html").read_text(encoding="utf-8")
    assert "La Lituanie achète des défenses aériennes norvégiennes" in graph_page
