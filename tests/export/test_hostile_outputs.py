"""Issue 17, defects 3 and 7: no output misleads the tool that opens it, whatever the input held.

CSV cells that a spreadsheet would run as formulas get the usual ``'`` prefix (JSON and RDF
keep the exact text); every output parses in its own format's strict reader even when ids and
texts hold control characters.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
import rdflib

import kg
from kg.export.outputs import OUTPUTS
from kg.export.tables import csv_cell, rows_csv, xml_safe
from kg.model import Document

#: Every start of a cell that a spreadsheet reads as a formula (OWASP's list).
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]
#: Characters XML 1.0 cannot hold: C0 controls but tab/LF/CR, and non-characters.
NOT_XML = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe", "\uffff"]
SENTENCE = "Le ministre Paul Durand a rencontré le président Marc Lefort à Lyon hier."


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_csv_cells_starting_like_a_formula_get_a_prefix(start) -> None:
    assert csv_cell(f"{start}HYPERLINK(1)") == f"'{start}HYPERLINK(1)"
    assert csv_cell(["x", f"{start}y"]) == f"x; {start}y"  # only the cell's start matters
    assert csv_cell([f"{start}y", "x"]) == f"'{start}y; x"


@pytest.mark.parametrize("value", ["texte", "", "'=déjà", " =espace", -3, 2.5, None])
def test_other_cells_are_unchanged(value) -> None:
    assert csv_cell(value) == ("" if value is None else value)


@pytest.mark.parametrize("cell", ["a\rb", "a\nb", "a\r\nb", 'a"b', "a,b", "\rb"], ids=repr)
def test_csv_cells_with_line_breaks_read_back_whole(cell) -> None:
    text = rows_csv([{"a": cell, "b": 1}], ("a", "b"))
    assert text.endswith("\n") and not text.endswith("\r\n")
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], [csv_cell(cell), "1"]]


@pytest.mark.parametrize("char", NOT_XML, ids=repr)
def test_xml_safe_leaves_no_character_xml_forbids(char) -> None:
    safe = xml_safe(f"a{char}b")
    assert safe == f"a\\u{ord(char):04x}b"
    ET.fromstring(f"<x>{safe}</x>")
    assert xml_safe("tab\tlf\ncr\r é 🙂") == "tab\tlf\ncr\r é 🙂"


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory):
    """One build whose ids and texts start like formulas and hold forbidden characters."""
    docs = [
        Document(id=f"{start}id{n}", text=f"{start}{SENTENCE}", date=None)
        for n, start in enumerate(FORMULA_STARTS)
    ]
    docs += [
        Document(id=f"ctl{char}{n}", text=SENTENCE.replace(" à ", f" {char}à "), date=None)
        for n, char in enumerate(NOT_XML)
    ]
    out = tmp_path_factory.mktemp("hostile")
    kg.build(docs).save(out)
    return out, docs


@pytest.mark.slow
def test_every_output_parses_in_its_strict_reader(hostile_out) -> None:
    out, docs = hostile_out
    for name in OUTPUTS:
        text = (out / name).read_bytes().decode("utf-8")
        if name.endswith(".graphml"):
            ET.fromstring(text.encode("utf-8"))
            graph = nx.read_graphml(out / name)
            assert graph.number_of_nodes() > 0
        elif name.endswith(".ttl"):
            rdflib.Graph().parse(data=text, format="turtle")
        elif name.endswith(".trig"):
            rdflib.Dataset().parse(data=text, format="trig")
        elif name == "extraction.jsonl":
            ids = [json.loads(line)["id"] for line in text.splitlines()]
            assert ids == [d.id for d in docs]  # JSON keeps the exact ids
        elif name.endswith(".jsonl"):
            for line in text.splitlines():
                json.loads(line)
        elif name.endswith(".json"):
            json.loads(text)
        elif name.endswith(".csv"):
            for row in csv.DictReader(io.StringIO(text)):
                for cell in row.values():
                    assert not cell.startswith(tuple(FORMULA_STARTS)), (name, cell)


@pytest.mark.slow
def test_csv_keeps_the_text_after_the_prefix(hostile_out) -> None:
    out, docs = hostile_out
    shown = {d.id: "'" + d.id if d.id.startswith(tuple(FORMULA_STARTS)) else d.id for d in docs}
    text = (out / "relations.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows
    assert {row["doc"] for row in rows} <= set(shown.values())
    assert any(row["doc"].startswith("'") for row in rows)
