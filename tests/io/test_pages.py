"""kg.io.html: saved news pages -> the article's text and provenance, no boilerplate."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

import pytest
from _news import BOILERPLATE, ENGLISH, PARAGRAPHS, news_page, rss_feed

from kg.io import read_documents
from kg.io.html import PageError, decode_html


def _read(tmp_path, html: str | bytes, name: str = "article.html", **kwargs):
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return list(read_documents([path], **kwargs)), path


def test_main_text_has_the_article_and_none_of_the_boilerplate(tmp_path) -> None:
    (doc,), _ = _read(tmp_path, news_page())
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    for furniture in BOILERPLATE:
        assert furniture not in doc.text, furniture
    assert "Accueil" not in doc.text and "Lecteur75" not in doc.text


def test_page_metadata_becomes_provenance(tmp_path) -> None:
    (doc,), path = _read(tmp_path, news_page())
    assert doc.id == "article"
    assert doc.title == "La Lituanie achète des défenses aériennes norvégiennes"
    assert doc.url == "https://www.courrier-balte.example/monde/2024/03/12/lituanie-defense.html"
    assert doc.publisher == "Le Courrier Balte"
    assert doc.author == "Aurélie Marchand"
    assert doc.captured is None  # a page saved from a browser says nothing of when
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode()).hexdigest()


#: An address without a date in it, so only the page's metadata can date it.
PLAIN_URL = "https://www.courrier-balte.example/monde/lituanie-defense-aerienne"


def test_the_publication_date_is_the_original_not_the_update(tmp_path) -> None:
    html = news_page(published="2024-03-11T22:15:00+01:00", url=PLAIN_URL)
    (doc,), _ = _read(tmp_path, html)
    assert doc.date == dt.date(2024, 3, 11)  # modified 2024-03-14 is not the publication


def test_json_ld_alone_dates_the_page(tmp_path) -> None:
    html = news_page(published="2024-03-10T08:00:00+01:00", modified=None, url=PLAIN_URL)
    html = html.replace('<meta property="article:published_time"', '<meta name="x-ignored"')
    html = html.replace('<time datetime="2024-03-10T08:00:00+01:00">2024-03-10', "<time>")
    (doc,), _ = _read(tmp_path, html)
    assert doc.date == dt.date(2024, 3, 10)


def test_without_date_metadata_the_dateline_dates_the_page(tmp_path) -> None:
    html = news_page(published=None, modified=None, json_ld=False)
    (doc,), _ = _read(tmp_path, html)
    assert doc.date == dt.date(2024, 3, 12)  # "Vilnius, 12 mars 2024 –"


def test_a_forced_date_wins(tmp_path) -> None:
    (doc,), _ = _read(tmp_path, news_page(), date=dt.date(2024, 1, 1))
    assert doc.date == dt.date(2024, 1, 1)


def test_a_latin1_page_is_decoded_as_it_declares(tmp_path) -> None:
    html = (
        news_page(charset="iso-8859-1")
        .replace("Dovilė Šakalienė", "Dovile Sakaliene")
        .replace("–", "-")
    )
    (doc,), _ = _read(tmp_path, html.encode("latin-1"))
    assert "lituaniens en Norvège au cours de l'été" in doc.text


@pytest.mark.parametrize(
    ("html", "why"),
    [
        (
            "<html><body><nav><a href='/'>Accueil</a></nav><p>Bienvenue.</p></body></html>",
            "no main text",
        ),
        (news_page(charset="x-mystere").encode("utf-8").replace(b"\xc3\xa9", b"\xe9"), "unknown"),
        (b"", "no main text"),
    ],
    ids=["no-article", "unknown-encoding", "empty"],
)
def test_a_bad_page_is_one_warning_and_the_rest_is_read(tmp_path, caplog, html, why) -> None:
    (tmp_path / "bad.html").write_bytes(html if isinstance(html, bytes) else html.encode())
    (tmp_path / "good.html").write_text(news_page(), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_documents([tmp_path]))
    assert [d.id for d in docs] == ["good"]
    (message,) = [r.getMessage() for r in caplog.records if r.name == "kg"]
    assert message.startswith(str(tmp_path / "bad.html")) and why in message
    assert "\n" not in message


def test_an_undeclared_non_utf8_page_is_windows_1252() -> None:
    assert decode_html("<p>Côte d’Ivoire</p>".encode("cp1252")) == "<p>Côte d’Ivoire</p>"
    with pytest.raises(PageError, match="neither UTF-8 nor windows-1252"):
        decode_html(b"<p>\x81\x8d</p>")


def test_an_english_page_is_skipped_with_one_warning(tmp_path, caplog) -> None:
    from kg.build.inputs import Corpus

    english = news_page(paragraphs=ENGLISH, lang="en", title="Budget talks at the White House")
    (tmp_path / "en.html").write_text(english, encoding="utf-8")
    (tmp_path / "fr.html").write_text(news_page(), encoding="utf-8")
    corpus = Corpus.from_paths([tmp_path], date=None, lang="fr")
    with caplog.at_level(logging.WARNING, logger="kg"):
        ids = [d.id for d in corpus.stream()]
    assert ids == ["fr"]
    (message,) = [r.getMessage() for r in caplog.records]
    assert "en.html: skipped, it does not look like 'fr'" in message and "--lang fr" in message


def test_kg_build_on_pages_that_are_all_bad_exits_2_in_a_few_lines(tmp_path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    (tmp_path / "menu.html").write_text("<html><body><nav>Accueil</nav></body></html>", "utf-8")
    (tmp_path / "vide.rss").write_text(rss_feed([]), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert any("menu.html: skipped, no main text" in line for line in lines)
    assert any("vide.rss: skipped, the feed has no entries" in line for line in lines)
    assert "no document left to build" in lines[-1]
