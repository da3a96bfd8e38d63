"""Reading inputs: formats, dates, and one-line errors for bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kg.errors import InputError
from kg.io import find_dateline, parse_date, read_documents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris, 3 mars 2024 – Le gouvernement a annoncé…", dt.date(2024, 3, 3)),
        ("Chisinau, 1er juin 2023 – Les dirigeants…", dt.date(2023, 6, 1)),
        ("Titre de l'article\n\n22 mai 2012. - Le lanceur a décollé.", dt.date(2012, 5, 22)),
        ("15 février 2024\nLes ministres se réunissent.", dt.date(2024, 2, 15)),
        ("Le Mans, jeudi 8 août 2019 – Course…", dt.date(2019, 8, 8)),
        ("Aucune date ici, seulement du texte.", None),
        ("Paris, 31 février 2024 – date impossible", None),
        # A date deep in the article is a fact, not the article's date.
        ("x" * 500 + " Paris, 3 mars 2024", None),
    ],
)
def test_dateline(text: str, expected: dt.date | None) -> None:
    assert find_dateline(text) == expected


def test_txt_file_keeps_text_exactly_and_uses_stem_as_id(tmp_path) -> None:
    path = tmp_path / "article_un.txt"
    text = "Bruxelles, 15 février 2024 – L’OTAN s’est réunie.\r\nFin."
    path.write_bytes(text.encode("utf-8"))
    (doc,) = read_documents([path])
    assert doc.id == "article_un"
    assert doc.text == text
    assert doc.date == dt.date(2024, 2, 15)


def test_forced_date_wins_over_dateline(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Paris, 3 mars 2024 – Texte.", encoding="utf-8")
    (doc,) = read_documents([path], date=dt.date(2020, 1, 1))
    assert doc.date == dt.date(2020, 1, 1)


def test_jsonl_fields_and_order(tmp_path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "b", "text": "Premier texte.", "date": "2023-05-01", "extra": 1},
        {"id": "a", "text": "Paris, 2 juin 2022 – Second texte."},
        {"id": 7, "text": "Troisième.", "lang": "fr"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    docs = list(read_documents([path]))
    assert [d.id for d in docs] == ["b", "a", "7"]
    assert [d.date for d in docs] == [dt.date(2023, 5, 1), dt.date(2022, 6, 2), None]


def test_folder_is_read_sorted_and_recursively(tmp_path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [d.text for d in read_documents([tmp_path])] == ["B.", "A."]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: _write(p / "empty.txt", b"  \n"), "empty"),
        (lambda p: _write(p / "latin.txt", "Défense".encode("latin-1")), "not valid UTF-8"),
        (lambda p: _mkdir(p / "nothing"), "has no article file"),
        (lambda p: _write(p / "bad.jsonl", b'{"id": "x", "text": "ok"}\n{oops\n'), "bad.jsonl:2"),
        (lambda p: _write(p / "notext.jsonl", b'{"id": "x"}\n'), "missing or empty 'text'"),
        (lambda p: _write(p / "list.jsonl", b"[1, 2]\n"), "expected a JSON object"),
        (lambda p: _write(p / "date.jsonl", b'{"text": "t", "date": "15/02/2024"}\n'), "ISO"),
        (lambda p: _write(p / "lang.jsonl", b'{"text": "t", "lang": "xx"}\n'), "unknown language"),
        (lambda p: _write(p / "doc.pdf", b"%PDF"), "unsupported input type"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, setup, message) -> None:
    path = setup(tmp_path)
    with pytest.raises(InputError) as err:
        list(read_documents([path]))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_invalid_date_and_lang() -> None:
    with pytest.raises(InputError, match="ISO date"):
        parse_date("2024-13-40")
    with pytest.raises(InputError, match="--lang fr"):
        list(read_documents([], lang="de"))


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def _mkdir(path):
    path.mkdir()
    return path


def test_txt_title_is_the_first_line_and_hashes_are_of_bytes_and_text(tmp_path) -> None:
    import hashlib

    path = tmp_path / "riga.txt"
    raw = "\ufeffRiga vote le budget\n\nRiga, 3 avril 2024 – Le parlement a voté.\n".encode()
    path.write_bytes(raw)
    (doc,) = read_documents([path])
    assert doc.title == "Riga vote le budget"
    assert doc.raw_sha256 == hashlib.sha256(raw).hexdigest()  # the bytes, BOM included
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode()).hexdigest()
    assert doc.date == dt.date(2024, 4, 3) and doc.url is None and doc.captured is None


def test_jsonl_provenance_fields_are_read_when_present(tmp_path) -> None:
    path = tmp_path / "c.jsonl"
    record = {
        "id": "a",
        "text": "Texte.",
        "title": " Un   titre ",
        "url": "https://presse.example/a",
        "publisher": "La Presse",
        "author": "Jeanne Roux",
        "captured": "2024-05-02T10:00:00+02:00",
        "date": "2024-05-01",
    }
    path.write_text(json.dumps(record) + "\n" + json.dumps({"text": "Deux."}) + "\n", "utf-8")
    a, b = read_documents([path])
    assert (a.title, a.url, a.publisher, a.author) == (
        "Un titre",
        "https://presse.example/a",
        "La Presse",
        "Jeanne Roux",
    )
    assert a.captured == "2024-05-02T08:00:00Z" and a.date == dt.date(2024, 5, 1)
    assert (b.title, b.url, b.publisher, b.captured) == (None, None, None, None)
