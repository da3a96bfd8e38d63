"""kg.io.feeds: RSS and Atom files -> one article per entry, content before summary."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from _news import PARAGRAPHS, rss_feed

from kg.io import read_documents

ITEMS = [
    {
        "title": "La Lituanie achète des défenses aériennes",
        "link": "https://www.courrier-balte.example/monde/lituanie-defense",
        "date": "Tue, 12 Mar 2024 23:40:00 +0100",
        "author": "Aurélie Marchand",
        "summary": "Vilnius commande des batteries à un constructeur norvégien.",
        "content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "<script>alert('x')</script>",
    },
    {
        "title": "Tallinn rouvre son port aux ferries finlandais",
        "link": "https://www.courrier-balte.example/monde/tallinn-port",
        "date": "Wed, 13 Mar 2024 07:05:00 +0100",
        "summary": "<p>Le port de Tallinn a rouvert mercredi la ligne vers Helsinki.</p>",
    },
]


def test_each_entry_is_an_article_with_its_link_date_and_outlet(tmp_path) -> None:
    path = tmp_path / "monde.rss"
    path.write_text(rss_feed(ITEMS), encoding="utf-8")
    first, second = read_documents([path])
    assert first.text == "\n".join(PARAGRAPHS)  # the full content, not the summary
    assert "alert" not in first.text
    assert first.id == "monde-1" and first.source.endswith("monde.rss#entry-1")
    assert first.url == ITEMS[0]["link"]
    assert first.title == ITEMS[0]["title"]
    assert first.author == "Aurélie Marchand"
    assert first.publisher == "Le Courrier Balte – Monde"
    assert first.date == dt.date(2024, 3, 12)  # the entry's own day, not UTC's 13th
    assert second.text == "Le port de Tallinn a rouvert mercredi la ligne vers Helsinki."
    assert second.date == dt.date(2024, 3, 13)
    assert first.raw_sha256 == second.raw_sha256  # both come from the one file


def test_an_atom_feed_is_read_too(tmp_path) -> None:
    path = tmp_path / "flux.atom"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>La Gazette du Nord</title>
  <entry>
    <title>Riga accueille le sommet régional</title>
    <link href="https://gazette-nord.example/riga-sommet"/>
    <id>urn:gazette:1</id>
    <published>2024-04-02T10:00:00+02:00</published>
    <updated>2024-04-03T10:00:00+02:00</updated>
    <content type="html">&lt;p&gt;Les dirigeants des pays baltes se réuniront à Riga
      jeudi pour parler d'énergie.&lt;/p&gt;</content>
  </entry>
</feed>""",
        encoding="utf-8",
    )
    (doc,) = read_documents([path])
    assert (
        doc.text
        == "Les dirigeants des pays baltes se réuniront à Riga jeudi pour parler d'énergie."
    )
    assert (doc.publisher, doc.url) == (
        "La Gazette du Nord",
        "https://gazette-nord.example/riga-sommet",
    )
    assert doc.date == dt.date(2024, 4, 2)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (rss_feed([]), "the feed has no entries"),
        ("<html><body>Ceci n'est pas un flux</body></html>", "no entries"),
        ("<?xml version='1.0'?><rss><channel><item>", "malformed"),
    ],
    ids=["empty-feed", "html-as-feed", "truncated"],
)
def test_a_feed_without_entries_is_one_warning(tmp_path, caplog, content, why) -> None:
    (tmp_path / "a-vide.xml").write_text(content, encoding="utf-8")
    (tmp_path / "b-monde.rss").write_text(rss_feed(ITEMS[1:]), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_documents([tmp_path]))
    assert [d.id for d in docs] == ["b-monde-1"]
    messages = [r.getMessage() for r in caplog.records if r.name == "kg"]
    assert all(m.startswith(str(tmp_path / "a-vide.xml")) for m in messages)
    assert any(why in m for m in messages) and len(messages) <= 2


def test_an_entry_without_text_is_skipped_alone(tmp_path, caplog) -> None:
    empty = {"title": "Sans texte", "link": "https://x.example/a", "date": ITEMS[1]["date"]}
    path = tmp_path / "f.rss"
    path.write_text(rss_feed([empty, ITEMS[1]]), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(read_documents([path]))
    assert [d.id for d in docs] == ["f-2"]
    assert "f.rss#entry-1: skipped" in caplog.records[0].getMessage()
