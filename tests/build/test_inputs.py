"""kg.build.inputs: globs, and a Corpus of paths, texts and Documents, read lazily."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from kg.build.inputs import Corpus, expand_inputs
from kg.errors import InputError
from kg.model import Document

DAY = dt.date(2024, 5, 6)


def test_expand_inputs_globs_sorted_and_keeps_plain_paths(tmp_path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert expand_inputs([str(tmp_path / "*.txt")]) == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert expand_inputs([str(tmp_path / "**/*.txt")])[-1] == tmp_path / "sub/c.txt"
    assert expand_inputs([tmp_path / "missing.txt"]) == [tmp_path / "missing.txt"]
    with pytest.raises(InputError, match="no file matches"):
        expand_inputs([str(tmp_path / "*.jsonl")])


def test_corpus_from_inputs_keeps_input_order_and_names_texts_by_position(tmp_path) -> None:
    (tmp_path / "one.txt").write_text("Un texte sur la Pologne.", encoding="utf-8")
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Premier."}) + "\n" + json.dumps({"text": "Second."}),
        encoding="utf-8",
    )
    given = Document("mine", "Un document.", date=None)
    corpus = Corpus.from_inputs(
        [given, tmp_path / "one.txt", "Un article court.", str(tmp_path / "many.jsonl")],
        date=DAY,
        lang="fr",
    )
    docs = list(corpus)
    assert [d.id for d in docs] == ["mine", "one", "text-3", "j1", "many-2"]
    assert docs[0] is given and docs[0].date is None  # a Document is taken as it is
    assert {d.date for d in docs[1:]} == {DAY}
    assert len(corpus) == 5 and corpus[2].text == "Un article court."


def test_corpus_from_inputs_accepts_one_input_and_dates_a_text_by_its_dateline() -> None:
    (doc,) = Corpus.from_inputs("Riga, 4 mars 2024 – Un texte.", date=None, lang="fr")
    assert (doc.id, doc.date) == ("text-1", dt.date(2024, 3, 4))


def test_corpus_from_inputs_expands_glob_patterns(tmp_path) -> None:
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(f"Texte {name}.", encoding="utf-8")
    corpus = Corpus.from_inputs(str(tmp_path / "*.txt"), date=None, lang="fr")
    assert [d.id for d in corpus] == ["a", "b"]


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ([], "no input"),
        ("  ", "empty string"),
        (42, "input 1 is a int"),
        (b"bytes", "decode bytes first"),
        (["Un texte.", None], "input 2 is a NoneType"),
    ],
)
def test_corpus_from_inputs_refuses_what_is_no_input(inputs, message) -> None:
    with pytest.raises(InputError, match=message):
        Corpus.from_inputs(inputs, date=None, lang="fr")


def test_corpus_reads_files_again_on_each_pass_until_kept(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Avant.", encoding="utf-8")
    corpus = Corpus.from_paths([path], date=None, lang="fr")
    assert [d.text for d in corpus.stream()] == ["Avant."]
    path.write_text("Après.", encoding="utf-8")
    assert [d.text for d in corpus.stream()] == ["Après."]  # not held between passes
    assert [d.text for d in corpus] == ["Après."]  # used as a sequence: read once, kept
    path.write_text("Encore.", encoding="utf-8")
    assert [d.text for d in corpus] == ["Après."] and corpus[0].text == "Après."
    assert [d.text for d in corpus.stream()] == ["Après."]
    digest = hashlib.sha256("Après.".encode()).hexdigest()
    expected = Document("a", "Après.", source=str(path), raw_sha256=digest, text_sha256=digest)
    assert corpus == [expected]


def test_corpus_errors_come_when_it_is_read(tmp_path) -> None:
    corpus = Corpus.from_paths([tmp_path / "missing.txt"], date=None, lang="fr")
    with pytest.raises(InputError, match="no such file"):
        list(corpus.stream())
    with pytest.raises(InputError, match="no file matches"):
        Corpus.from_paths([str(tmp_path / "*.txt")], date=None, lang="fr")


def test_corpus_slices_like_a_list_and_is_unhashable_like_one() -> None:
    corpus = Corpus([Document("a", "Texte.")], date=None, lang="fr")
    assert corpus[0:1] == [Document("a", "Texte.")]
    with pytest.raises(TypeError):
        hash(corpus)
