"""kg.sparql: the one engine behind ``kg query`` and ``BuildResult.query``."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from kg.errors import InputError
from kg.sparql import format_table, lexical, run, sparql_prefixes, to_python
from kg.vocab import prefixes

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture()
def store():
    s = ox.Store()
    graph = ox.NamedNode(EX + "doc1")
    for p, o in [
        ("n", ox.Literal("7", datatype=ox.NamedNode(XSD + "integer"))),
        ("x", ox.Literal("2.5", datatype=ox.NamedNode(XSD + "decimal"))),
        ("ok", ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))),
        ("day", ox.Literal("2024-02-15", datatype=ox.NamedNode(XSD + "date"))),
        ("name", ox.Literal("Riga", language="lv")),
        ("link", ox.BlankNode("b0")),
    ]:
        s.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + p), o, graph))
    return s


def _ask(store, sparql, **kw):
    return run(store, sparql, **kw)[1][0][0]


def test_rows_as_text_or_python_values(store):
    sparql = f"SELECT ?p ?o WHERE {{ <{EX}s> ?p ?o }} ORDER BY ?p"
    variables, text = run(store, sparql)
    assert variables == ["p", "o"]
    values = dict(run(store, sparql, convert=to_python)[1])
    assert dict(text)[EX + "n"] == "7" and values[EX + "n"] == 7
    assert values[EX + "x"] == 2.5 and values[EX + "ok"] is True
    assert values[EX + "day"] == "2024-02-15" and values[EX + "name"] == "Riga"
    assert values[EX + "link"].startswith("_:")


def test_default_graph_is_the_union_of_the_graphs(store):
    assert _ask(store, f"ASK {{ <{EX}s> ?p ?o }}") == "true"
    assert _ask(store, f"ASK {{ <{EX}nobody> ?p ?o }}", convert=to_python) is False


def test_unbound_variables_are_none(store):
    sparql = f"SELECT ?o ?missing WHERE {{ <{EX}s> <{EX}n> ?o OPTIONAL {{ ?o ?q ?missing }} }}"
    assert run(store, sparql) == (["o", "missing"], [("7", None)])


def test_construct_gives_triple_rows(store):
    variables, rows = run(store, f"CONSTRUCT {{ ?s <{EX}n> ?o }} WHERE {{ ?s <{EX}n> ?o }}")
    assert variables == ["subject", "predicate", "object"]
    assert rows == [(EX + "s", EX + "n", "7")]


def test_prefixes_are_predeclared_only_when_asked(store):
    sparql = "SELECT ?s WHERE { ?s a kg:Statement }"
    assert run(store, sparql, prefixes=sparql_prefixes()) == (["s"], [])
    with pytest.raises(InputError, match="invalid SPARQL"):
        run(store, sparql)


@pytest.mark.parametrize("sparql", ["", "   \n", None])
def test_empty_query_is_input_error(store, sparql):
    with pytest.raises(InputError, match="empty"):
        run(store, sparql)


def test_one_prefix_table_for_queries_and_serialisers():
    table = sparql_prefixes()
    assert table == prefixes()
    assert table["kg"] == "https://w3id.org/kg-news/ontology#"
    assert table["timex"] == "https://w3id.org/kg-news/time/"
    assert prefixes("http://example.org/kg#")["doc"] == "http://example.org/kg#doc/"


def test_lexical_and_to_python_agree_on_non_literals():
    for term in (ox.NamedNode(EX + "a"), ox.BlankNode("b1"), None):
        assert lexical(term) == to_python(term)
    bad = ox.Literal("many", datatype=ox.NamedNode(XSD + "integer"))
    assert to_python(bad) == "many"


def test_format_table_csv_json():
    variables, rows = ["pays", "qid"], [("Lettonie", "Q211"), ("Pays-Bas\nNL", None)]
    table = format_table(variables, rows).splitlines()
    assert table[0].split() == ["pays", "qid"] and "Pays-Bas\\nNL" in table[3]
    assert format_table(variables, rows, "csv") == 'pays,qid\nLettonie,Q211\n"Pays-Bas\nNL",\n'
    assert json.loads(format_table(variables, rows, "json"))[1] == {
        "pays": "Pays-Bas\nNL",
        "qid": None,
    }
    with pytest.raises(InputError):
        format_table(variables, rows, "xml")
