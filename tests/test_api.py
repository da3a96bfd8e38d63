"""kg.build and its result object: inputs, DataFrames, SPARQL, inline views, files, errors.

Tests that run the spaCy pipeline are marked ``slow``; the inline views and the summary are
also tested on small graphs built by hand, so their escaping does not depend on the NLP.
"""

from __future__ import annotations

import html
import json
import logging
import numbers
import re
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.api import BuildResult
from kg.errors import InputError, KgError
from kg.export.outputs import OUTPUTS
from kg.export.page import check_offline
from kg.notebook import InlineHTML, graph_view, summary_html, timeline_view

HOSTILE = "<img src=x onerror=alert(1)>"

TEXT = (
    "Vilnius, 12 mars 2024 – La Lituanie a rejoint la coalition internationale. "
    "Le ministre estonien de la Défense, Hanno Pevkur, a annoncé que l'Estonie livrerait "
    "500 drones à l'Ukraine. La Finlande devrait rejoindre la coalition en avril."
)
OTHER = "Riga, 4 mars 2024 – La Lettonie a rejoint l'OTAN."


# ----------------------------------------------------------------------------- helpers
def srcdoc(view: InlineHTML) -> tuple[str, str]:
    """The iframe markup and the page inside its ``srcdoc`` attribute, unescaped."""
    markup = view._repr_html_()
    match = re.fullmatch(r'<iframe srcdoc="([^"]*)"[^<>]*></iframe>', markup, flags=re.S)
    assert match, markup[:300]
    return markup, html.unescape(match.group(1))


def hostile_graph() -> nx.MultiDiGraph:
    """A graph in kg's contract whose names and sentence carry markup."""
    g = nx.MultiDiGraph(docs={"d1": {"date": "2024-02-15", "lang": "fr"}})
    common = {"aliases": [], "docs": ["d1"], "mentions": 1}
    g.add_node("person:x", label=HOSTILE, type="Person", wikidata=None, **common)
    g.add_node("Q211", label="Lettonie</script>", type="Country", wikidata="Q211", **common)
    sentence = f"{HOSTILE} dirige la Lettonie</script>."
    g.add_edge(
        "person:x",
        "Q211",
        key="headOf",
        predicate="headOf",
        modality="asserted",
        time={
            "value": "2024-02-15",
            "start": "2024-02-15",
            "end": "2024-02-15",
            "granularity": "day",
            "text": None,
            "inferred": True,
        },
        attributes={},
        evidence=[{"doc": "d1", "start": 0, "end": len(sentence), "text": sentence}],
    )
    return g


# ----------------------------------------------------------------------------- inline views
def test_inline_html_is_one_isolated_iframe() -> None:
    view = InlineHTML(f"<!DOCTYPE html><p>{html.escape(HOSTILE)}</p>", height=300)
    markup, page = srcdoc(view)
    assert markup.count("<") == 2  # <iframe ...></iframe>: nothing else is markup
    assert 'sandbox="allow-scripts"' in markup
    assert "allow-same-origin" not in markup
    assert "height: 300px" in markup
    assert " src=" not in markup.split("srcdoc=", 1)[0]
    assert page == view.page


def test_inline_html_validates_and_saves(tmp_path: Path) -> None:
    with pytest.raises(KgError):
        InlineHTML("<p>x</p>", height=0)
    with pytest.raises(KgError):
        InlineHTML(b"<p>x</p>")  # type: ignore[arg-type]
    path = InlineHTML("<p>x</p>").save(tmp_path / "view.html")
    assert path.read_text(encoding="utf-8") == "<p>x</p>"


def test_graph_view_escapes_article_text() -> None:
    g = hostile_graph()
    markup, page = srcdoc(graph_view(g))
    assert HOSTILE not in markup and "<img" not in markup
    assert "</script>" not in markup  # every tag of the page is escaped in the attribute
    check_offline(page)  # no tag of the page loads anything
    assert HOSTILE not in page  # inside the page the name is JSON-escaped
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page


def test_timeline_view_escapes_article_text() -> None:
    row = {
        "id": "row1",
        "start": "2024-02-15",
        "end": "2024-02-15",
        "value": "2024-02-15",
        "granularity": "day",
        "headline": HOSTILE,
        "sentence": f"{HOSTILE} dit bonjour.",
        "entities": [HOSTILE],
        "entity_ids": ["person:x"],
        "doc": "d1",
        "facts": [],
        "inferred": False,
    }
    markup, page = srcdoc(timeline_view([row]))
    assert "<img" not in markup
    check_offline(page)
    assert HOSTILE not in page
    assert html.escape(HOSTILE) in page
    assert not re.search(r"https?://", page)


def test_summary_escapes_and_counts() -> None:
    g = hostile_graph()
    result = BuildResult(extractions=[], graph=g)
    card = result._repr_html_()
    assert HOSTILE not in card and "</script>" not in card
    assert html.escape(HOSTILE) in card
    assert "<b>2</b> entities" in card and "<b>1</b> relations" in card
    assert card == summary_html(g, counts=result.summary())
    assert repr(result).startswith("<kg.BuildResult: 0 documents, 2 entities, 1 relations,")


def test_result_from_a_hand_made_graph_shows_and_queries() -> None:
    result = BuildResult(extractions=[], graph=hostile_graph())
    _, page = srcdoc(result.show(height=400))
    check_offline(page)
    names = result.query("SELECT ?n WHERE { ?p a kg:Person ; rdfs:label ?n }")
    assert names["n"].tolist() == [HOSTILE]
    assert result.find("LETTONIE") == ["Q211"]


# ----------------------------------------------------------------------------- building
@pytest.fixture(scope="module")
def result() -> BuildResult:
    return kg.build(TEXT)


@pytest.mark.slow
def test_build_from_a_string(result: BuildResult) -> None:
    assert [x.id for x in result.extractions] == ["text-1"]
    assert result.documents[0].text == TEXT
    assert str(result.documents[0].date) == "2024-03-12"  # from the dateline
    assert isinstance(result.graph, nx.MultiDiGraph)
    assert {"Q37", "Q191", "Q212", "Q33"} <= set(result.graph.nodes)


@pytest.mark.slow
def test_entities_frame(result: BuildResult) -> None:
    frame = result.entities
    expected = ["id", "label", "type", "wikidata", "geonames", "lat", "lon", "aliases", "docs"]
    expected += ["mentions", "degree"]
    assert list(frame.columns) == expected
    row = frame.set_index("id").loc["Q37"]
    assert (row["label"], row["type"], row["wikidata"]) == ("Lituanie", "Country", "Q37")
    assert row["docs"] == ["text-1"]
    people = frame[frame.type == "Person"]
    assert people["label"].tolist() == ["Hanno Pevkur"]
    assert people["wikidata"].tolist() == [None]


@pytest.mark.slow
def test_relations_frame(result: BuildResult) -> None:
    frame = result.relations
    for column in (
        "subject",
        "subject_label",
        "subject_type",
        "predicate",
        "object",
        "object_label",
        "object_type",
        "modality",
        "time_value",
        "time_start",
        "quantity",
        "item",
        "doc",
        "sentence",
    ):
        assert column in frame.columns
    facts = {(r.subject_label, r.predicate, r.object_label, r.modality) for r in frame.itertuples()}
    assert ("Lituanie", "joins", "coalition internationale", "asserted") in facts
    assert ("Finlande", "joins", "coalition internationale", "expected") in facts
    pledge = frame[frame.predicate == "pledgesTo"].iloc[0]
    assert (pledge["subject_label"], pledge["quantity"], pledge["item"]) == (
        "Estonie",
        500,
        "drone",
    )
    assert (pledge.subject_type, pledge.object_type) == ("Country", "Country")
    assert str(frame["quantity"].dtype) == "Int64"
    assert "500 drones" in pledge["sentence"]
    assert set(frame["doc"]) == {"text-1"}


@pytest.mark.slow
def test_timeline_and_mentions_frames(result: BuildResult) -> None:
    from kg.timeline import TIMELINE_FIELDS

    assert list(result.timeline.columns) == list(TIMELINE_FIELDS)
    mentions = result.mentions
    assert list(mentions.columns) == ["doc", "entity", "label", "type", "start", "end", "text"]
    lituanie = mentions[mentions.entity == "Q37"].iloc[0]
    assert TEXT[lituanie.start : lituanie.end] == lituanie.text == "Lituanie"


@pytest.mark.slow
def test_query_returns_plain_values(result: BuildResult) -> None:
    joins = result.query(
        """
        SELECT ?who ?modality WHERE {
          ?st a kg:Statement ; kg:predicate kg:joins ; kg:subject/rdfs:label ?who ;
              kg:modality ?m .
          BIND (STRAFTER(STR(?m), "#") AS ?modality)
        } ORDER BY ?who
        """
    )
    assert joins.to_dict("records") == [
        {"who": "Finlande", "modality": "expected"},
        {"who": "Lituanie", "modality": "asserted"},
    ]
    pledge = result.query("SELECT ?q WHERE { ?st kg:predicate kg:pledgesTo ; kg:quantity ?q }")
    assert pledge["q"].tolist() == [500] and isinstance(pledge["q"][0], numbers.Integral)
    direct = result.query("SELECT ?c WHERE { entity:Q37 kg:joins ?c }")  # prefixes predeclared
    assert len(direct) == 1 and direct["c"][0].startswith("https://w3id.org/kg-news/entity/")
    assert result.query("ASK { ?x a kg:Country }")["ask"].tolist() == [True]
    triples = result.query(
        "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kg:Person ; rdfs:label ?n }"
    )
    assert list(triples.columns) == ["subject", "predicate", "object"]
    assert triples["object"].tolist() == ["Hanno Pevkur"]
    optional = result.query(
        "SELECT ?x ?none WHERE { ?x a kg:Person OPTIONAL { ?x kg:nope ?none } }"
    )
    assert optional["none"].tolist() == [None]


@pytest.mark.slow
def test_query_errors(result: BuildResult) -> None:
    with pytest.raises(InputError, match="SPARQL"):
        result.query("SELEC ?x WHERE {")
    with pytest.raises(InputError):
        result.query("   ")


@pytest.mark.slow
def test_rdf_is_an_rdflib_dataset(result: BuildResult) -> None:
    import rdflib

    dataset = result.rdf()
    assert isinstance(dataset, rdflib.Dataset)
    assert len(dataset) > 0


@pytest.mark.slow
def test_show_and_show_timeline(result: BuildResult) -> None:
    markup, page = srcdoc(result.show())
    check_offline(page)
    assert "Lituanie" in page and "<img" not in markup
    markup, page = srcdoc(result.show_timeline())
    check_offline(page)
    assert not re.search(r"https?://", page)


@pytest.mark.slow
def test_hostile_article_text_is_escaped() -> None:
    r = kg.build(f"La Lettonie {HOSTILE} a rejoint l'OTAN.", date="2024-02-15")
    assert HOSTILE in r.relations["sentence"].iloc[0]  # the data keeps the text as written
    markup, page = srcdoc(r.show())
    assert "<img" not in markup
    check_offline(page)
    assert HOSTILE not in page
    assert HOSTILE not in r._repr_html_()


@pytest.mark.slow
def test_build_from_path_list_folder_document_and_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "lituanie.txt").write_text(TEXT, encoding="utf-8")
    (folder / "lettonie.txt").write_text(OTHER, encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "j1", "text": "La Suède a rejoint l'OTAN.", "date": "2024-03-07"}) + "\n",
        encoding="utf-8",
    )

    def ids(r: BuildResult) -> list[str]:
        return [x.id for x in r.extractions]

    assert ids(kg.build(folder / "lettonie.txt")) == ["lettonie"]
    assert ids(kg.build(str(folder / "lettonie.txt"))) == ["lettonie"]
    assert ids(kg.build(folder)) == ["lettonie", "lituanie"]
    assert ids(kg.build(corpus)) == ["j1"]
    doc = kg.Document(id="mine", text=OTHER, date=None)
    mixed = kg.build(
        [doc, folder / "lituanie.txt", "La Suède a rejoint l'OTAN."], date="2024-03-01"
    )
    assert ids(mixed) == ["mine", "lituanie", "text-3"]
    assert [str(d.date) for d in mixed.documents] == ["None", "2024-03-01", "2024-03-01"]
    assert {"Q211", "Q37", "Q34"} <= set(mixed.graph.nodes)


@pytest.mark.slow
def test_save_writes_every_output(result: BuildResult, tmp_path: Path) -> None:
    written = result.save(tmp_path / "out")
    assert list(written) == list(OUTPUTS)
    for name, path in written.items():
        assert path == tmp_path / "out" / name and path.stat().st_size > 0
    assert not list((tmp_path / "out").glob(".kg-staging-*"))
    with pytest.raises(KgError):
        result.save(written["graph.ttl"])  # a file, not a folder


# ----------------------------------------------------------------------------- progress
@pytest.mark.slow
def test_progress_is_off_by_default(capfd: pytest.CaptureFixture[str]) -> None:
    kg.build([OTHER, TEXT])
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


@pytest.mark.slow
def test_progress_when_asked(capfd: pytest.CaptureFixture[str]) -> None:
    kg.build([OTHER, TEXT], progress=True)
    assert "kg: reading articles" in capfd.readouterr().err
    kg.build([OTHER, TEXT], progress=False)
    assert capfd.readouterr().err == ""


@pytest.mark.slow
def test_progress_follows_the_kg_logger(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kg")
    kg.build(OTHER)
    assert "kg: reading articles" in capfd.readouterr().err
    assert any("read 1 documents" in m for m in caplog.messages)


# ----------------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    "inputs, kwargs",
    [
        ("", {}),
        ("   \n", {}),
        ([], {}),
        ("missing-article.txt", {}),
        (42, {}),
        (b"La Lettonie a rejoint l'OTAN.", {}),
        ([None], {}),
        ("La Lettonie a rejoint l'OTAN.", {"date": "15/02/2024"}),
        ("La Lettonie a rejoint l'OTAN.", {"date": 20240215}),
        ("La Lettonie a rejoint l'OTAN.", {"lang": "xx"}),
        ("La Lettonie a rejoint l'OTAN.", {"model": "en_core_web_sm"}),
    ],
    ids=[
        "empty",
        "blank",
        "no-input",
        "missing-file",
        "int",
        "bytes",
        "none-in-list",
        "bad-date",
        "date-type",
        "lang",
        "model",
    ],
)
def test_bad_input_raises_kg_errors(inputs: object, kwargs: dict) -> None:
    with pytest.raises(KgError) as info:
        kg.build(inputs, **kwargs)  # type: ignore[arg-type]
    message = str(info.value)
    assert message and "\n" not in message


def test_empty_folder_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="has no article file"):
        kg.build(tmp_path)


# ----------------------------------------------------------------------------- doctests
def test_doctests_of_views() -> None:  # of progress: tests/build/test_progress.py
    import doctest

    import kg.notebook

    assert doctest.testmod(kg.notebook, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_kg_build_is_the_function_beside_the_package() -> None:
    import importlib

    for name in ("kg.build", "kg.build.corpus", "kg.build.distributed", "kg.export.outputs"):
        importlib.import_module(name)
    assert kg.build.__module__ == "kg.api" and kg.build.__name__ == "build"
    from kg.build import BuildOptions, build_corpus

    assert BuildOptions.__module__ == "kg.build.options" and callable(build_corpus)


@pytest.mark.slow
def test_doctests_of_the_api() -> None:
    import doctest

    import kg.api

    results = doctest.testmod(kg.api, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert results.attempted > 5 and results.failed == 0


def test_inline_views_speak_the_corpus_language(monkeypatch) -> None:
    """The notebook views are given the articles' language, as the saved pages are."""
    import kg.notebook

    calls: list[str] = []
    monkeypatch.setattr(kg.notebook, "graph_view", lambda *a, **k: calls.append(k["lang"]))
    monkeypatch.setattr(kg.notebook, "timeline_view", lambda *a, **k: calls.append(k["lang"]))
    result = kg.build(["Le 3 mars, la Norvège a rejoint l'OTAN à Bruxelles."])
    assert result.lang == "fr" == result.extractions[0].lang
    result.show()
    result.show_timeline()
    assert calls == ["fr", "fr"]
