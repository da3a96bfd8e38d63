"""Issue 17: readers that accept every valid input and refuse bad ids with the right advice.

Defects 4 (JSONL split only at "\\n"), 11 (JSONL ids validated), 12 (the encoding hint) and
13 (an empty --date is an error, not "no date").
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.build import BuildOptions
from kg.cli import main
from kg.errors import InputError
from kg.io import read_documents

#: Characters str.splitlines() splits at, that a JSON string may hold raw.
RAW_SEPARATORS = ["\u2028", "\u2029", "\u0085"]


def _jsonl(path, *records: object, newline: str = "\n") -> object:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + newline for r in records), encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("sep", RAW_SEPARATORS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_jsonl_text_may_hold_unicode_line_separators(tmp_path, sep, newline) -> None:
    path = _jsonl(
        tmp_path / "c.jsonl",
        {"id": "a", "text": f"Un{sep}deux"},
        {"id": "b", "text": "Trois."},
        newline=newline,
    )
    docs = list(read_documents([path]))
    assert [(d.id, d.text) for d in docs] == [("a", f"Un{sep}deux"), ("b", "Trois.")]
    assert docs[1].source.endswith("c.jsonl:2")


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e"], ids=repr)
def test_a_raw_control_character_is_reported_at_its_own_line(tmp_path, control) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "a", "text": "ok"}\n{"id": "b", "text": "x' + control + 'y"}\n', "utf-8"
    )
    with pytest.raises(InputError, match=r"c\.jsonl:2: malformed JSON"):
        list(read_documents([path]))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("x-1", "x-1"), ("Article 1", "Article 1"), (7, "7"), (None, "c-1")],
)
def test_jsonl_ids_strings_and_integers_are_kept_null_is_absent(tmp_path, value, expected) -> None:
    path = _jsonl(tmp_path / "c.jsonl", {"id": value, "text": "Texte."})
    assert [d.id for d in read_documents([path])] == [expected]


@pytest.mark.parametrize(
    "value", ["", "  ", {}, {"a": 1}, [1], True, 1.5, "a\x1bb", "a\x00b", "a\tb"], ids=repr
)
def test_jsonl_ids_that_cannot_name_a_document_are_refused(tmp_path, value) -> None:
    path = _jsonl(tmp_path / "c.jsonl", {"id": value, "text": "Texte."})
    with pytest.raises(InputError, match=r"c\.jsonl:1: 'id' must be") as err:
        list(read_documents([path]))
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("encoding", "hint"),
    [
        ("utf-16", "iconv -f UTF-16 "),
        ("utf-16-le", "iconv -f UTF-16LE "),
        ("utf-16-be", "iconv -f UTF-16BE "),
        ("utf-32", "iconv -f UTF-32 "),
        ("latin-1", "iconv -f latin1 "),
        ("cp1252", "iconv -f latin1 "),
    ],
)
def test_the_encoding_hint_names_the_likely_encoding(tmp_path, encoding, hint) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Défense « été », fin.".encode(encoding))
    with pytest.raises(InputError, match="not valid UTF-8") as err:
        list(read_documents([path]))
    assert hint in str(err.value)


@pytest.mark.parametrize("value", ["", " ", "\t"], ids=repr)
def test_an_empty_date_is_an_error_not_no_date(tmp_path, value) -> None:
    with pytest.raises(InputError, match="invalid --date"):
        BuildOptions(date=value)
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    for command in ("build", "extract"):
        result = CliRunner().invoke(main, [command, str(tmp_path / "a.txt"), "--date", value])
        assert result.exit_code == 2, result.output
        assert result.output.startswith("kg: error: invalid --date"), result.output


def test_an_empty_jsonl_date_is_no_date(tmp_path) -> None:
    path = _jsonl(tmp_path / "c.jsonl", {"id": "a", "text": "Texte.", "date": ""})
    assert [d.date for d in read_documents([path])] == [None]
