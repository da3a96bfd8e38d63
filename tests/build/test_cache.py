"""kg.build.cache: cache keys, entries on disk that survive a power cut, the memory cache."""

from __future__ import annotations

import datetime as dt

from kg.build.cache import (
    ExtractionCache,
    MemoryCache,
    document_key,
    pipeline_fingerprint,
)
from kg.model import Document, Entity, Extraction, Mention


def test_document_key_covers_text_id_date_lang_and_pipeline() -> None:
    doc = Document("a", "Texte.", "fr", dt.date(2024, 2, 15))
    key = document_key(doc, "fp")
    assert len(key) == 64
    for other in (
        Document("b", "Texte.", "fr", dt.date(2024, 2, 15)),
        Document("a", "Texte !", "fr", dt.date(2024, 2, 15)),
        Document("a", "Texte.", "fr", dt.date(2024, 2, 16)),
        Document("a", "Texte.", "fr", None),
    ):
        assert document_key(other, "fp") != key
    assert document_key(doc, "other-pipeline") != key
    assert pipeline_fingerprint("fr_core_news_md") != pipeline_fingerprint("fr_core_news_sm")


def test_cache_round_trip_and_damaged_entries_read_as_misses(tmp_path) -> None:
    cache = ExtractionCache(tmp_path / "c")
    mention = Mention(0, 11, "Royaume-Uni")
    entity = Entity("Q145", "Royaume-Uni", "Country", "Q145", (), (mention,))
    x = Extraction(id="a", lang="fr", date=dt.date(2024, 2, 15), entities=(entity,))
    cache.put("ab" * 32, x)
    assert "ab" * 32 in cache and cache.get("ab" * 32) == x
    assert cache.get("cd" * 32) is None and "cd" * 32 not in cache
    cache.path("ab" * 32).write_bytes(b'{"key": "ab')  # truncated by a power cut
    assert cache.get("ab" * 32) is None
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")
    assert not list((tmp_path / "c").rglob("*.tmp"))


def test_memory_cache_keeps_the_records_themselves() -> None:
    cache = MemoryCache()
    x = Extraction(id="a", lang="fr", date=None)
    cache.put("k", x)
    assert "k" in cache and cache.get("k") is x  # no JSON round trip
    cache.discard("k")
    cache.discard("k")  # absent: no error
    assert "k" not in cache and cache.get("k") is None
    assert cache.root is None


def _entry(key: str, extraction: object) -> bytes:
    import json

    return json.dumps({"key": key, "extraction": extraction}).encode()


def test_entries_of_another_shape_read_as_misses(tmp_path) -> None:
    """Issue 17, defect 8: valid JSON that is not an entry is a miss, like a truncated one."""
    import pytest

    key = "ab" * 32
    cache = ExtractionCache(tmp_path / "c")
    cache.put(key, Extraction(id="a", lang="fr", date=None))
    shapes = [
        b"null",
        b"[]",
        b"[1, 2]",
        b'"text"',
        b"3",
        b"true",
        b"{}",
        b'{"key": null}',
        _entry(key, None),
        _entry(key, []),
        _entry(key, "x"),
        _entry(key, {"id": "a", "lang": "fr", "date": "not a date"}),
        _entry(key, {"id": "a", "lang": "fr", "date": None, "entities": 3}),
        _entry(key, {"id": "a", "lang": "fr", "date": None, "entities": [None]}),
        _entry(key, {"id": "a", "lang": "fr", "date": None, "relations": [{"x": 1}]}),
        b"\xff\xfe",
    ]
    for data in shapes:
        cache.path(key).write_bytes(data)
        try:
            assert cache.get(key) is None, data
        except Exception as e:  # pragma: no cover - the failure message
            pytest.fail(f"{data!r}: {type(e).__name__}: {e}")


def test_a_build_parses_again_entries_of_another_shape(tmp_path) -> None:
    """The corpus flow: every later build reads such an entry as damaged and re-parses it."""
    from kg.build.corpus import _load

    cache = ExtractionCache(tmp_path / "c")
    cache.put("ab" * 32, Extraction(id="a", lang="fr", date=None))
    cache.path("ab" * 32).write_bytes(b"null")
    extractions, damaged = _load(cache, ["ab" * 32])
    assert extractions == [None] and damaged == {"ab" * 32}
    assert "ab" * 32 not in cache  # discarded, so the next pass writes it again
