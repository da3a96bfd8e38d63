"""kg.io.warc: web archives -> one article per HTML response, with capture time and record id."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

import pytest
from _news import BOILERPLATE, PARAGRAPHS, news_page, write_warc

from kg.io import read_documents

URL_A = "https://www.courrier-balte.example/monde/lituanie-defense"
URL_B = "https://www.gazette-nord.example/riga-sommet"
RIGA = (
    "Riga, 2 avril 2024 – Les dirigeants des trois pays baltes se retrouveront jeudi à Riga "
    "pour un sommet consacré à l'énergie et aux interconnexions électriques avec la Pologne.",
    "La présidence lettone a indiqué que la question du gaz naturel liquéfié serait abordée "
    "dès la première séance, en présence du commissaire européen chargé de l'énergie.",
)


def _pages() -> list[tuple[str, str, bytes]]:
    return [
        (URL_A, "2024-03-15T06:12:44Z", news_page(url=URL_A).encode("utf-8")),
        (
            URL_B,
            "2024-04-02T11:00:00Z",
            news_page(
                title="Riga accueille le sommet balte de l'énergie",
                paragraphs=RIGA,
                site="La Gazette du Nord",
                url=URL_B,
                published="2024-04-02T09:00:00+02:00",
                modified=None,
            ).encode("utf-8"),
        ),
    ]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_each_html_response_is_an_article_with_its_capture(tmp_path, gzip) -> None:
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), _pages(), gzip=gzip)
    first, second = read_documents([path])  # the css, the redirect and the 404 are not pages
    assert [d.id for d in (first, second)] == ["crawl-1", "crawl-2"]
    for paragraph in PARAGRAPHS:
        assert paragraph in first.text
    assert not any(b in first.text for b in BOILERPLATE)
    assert first.url == URL_A
    assert first.date == dt.date(2024, 3, 12)  # published: from the page
    assert first.captured == "2024-03-15T06:12:44Z"  # saved: from the archive, kept apart
    assert first.warc_record_id.startswith("<urn:uuid:")
    assert first.warc_record_id != second.warc_record_id
    assert first.raw_sha256 == hashlib.sha256(_pages()[0][2]).hexdigest()  # the HTTP body
    assert first.source == f"{path}#record-3"  # warcinfo, request, response
    assert (second.publisher, second.date) == ("La Gazette du Nord", dt.date(2024, 4, 2))


def test_a_latin1_response_is_decoded_by_its_http_charset(tmp_path) -> None:
    html = news_page(charset="utf-8").replace('<meta charset="utf-8">', "")
    html = html.replace("Dovilė Šakalienė", "Dovile Sakaliene").replace("–", "-")
    pages = [(URL_A, "2024-03-15T06:12:44Z", html.encode("latin-1"))]
    path = write_warc(tmp_path / "l.warc.gz", pages, content_type="text/html; charset=ISO-8859-1")
    (doc,) = read_documents([path])
    assert "lituaniens en Norvège au cours de l'été" in doc.text


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_archive_keeps_the_pages_before_the_damage(tmp_path, caplog, gzip) -> None:
    whole = write_warc(tmp_path / "w", _pages(), extra=False, gzip=gzip).read_bytes()
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(whole[: len(whole) - 700])  # the crawler died inside the last page
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_documents([path]))
    assert [d.url for d in docs] == [URL_A]
    (message,) = [r.getMessage() for r in caplog.records if r.name == "kg"]
    assert message.startswith(str(path)) and "truncated" in message and "\n" not in message


def test_not_a_warc_is_one_warning(tmp_path, caplog) -> None:
    (tmp_path / "a.warc").write_bytes(b"ceci n'est pas une archive\n" * 10)
    write_warc(tmp_path / "b.warc.gz", _pages()[1:], extra=False)
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_documents([tmp_path]))
    assert [d.url for d in docs] == [URL_B]
    (message,) = [r.getMessage() for r in caplog.records if r.name == "kg"]
    assert message.startswith(str(tmp_path / "a.warc"))


def test_a_response_without_article_is_skipped_alone(tmp_path, caplog) -> None:
    menu = (
        b"<html><body><nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav></body></html>"
    )
    pages = [("https://x.example/", "2024-03-15T06:00:00Z", menu), *_pages()[:1]]
    path = write_warc(tmp_path / "c.warc.gz", pages, extra=False)
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_documents([path]))
    assert [d.id for d in docs] == ["c-2"]
    (message,) = [r.getMessage() for r in caplog.records if r.name == "kg"]
    assert "c.warc.gz#record-3 (https://x.example/): skipped, no main text" in message
