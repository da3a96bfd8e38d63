"""Plain-text inputs: ``.txt`` articles and ``.jsonl`` corpora, and the byte decoding they share.

Why strict here and lenient for web pages (:mod:`kg.io.web`): a ``.txt`` or ``.jsonl`` file
is something the user wrote or exported on purpose, so a bad one is a mistake to fix, with a
one-line :class:`~kg.errors.InputError` that says how; a crawl always holds some pages that
are not articles.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.io.dateline import find_dateline, parse_date
from kg.io.provenance import clean_field, first_line_title, iso_datetime, sha256, text_sha256
from kg.lang import check_lang
from kg.model import Document

__all__ = ["jsonl_documents", "read_bytes", "text_document"]


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, or a one-line :class:`InputError` saying why they cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder where a file was expected") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror}); check its permissions") from None


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        source = _likely_encoding(raw)
        raise InputError(
            f"{path}: not valid UTF-8 (byte {e.start}, looks like {source}); re-encode it, "
            f"e.g. iconv -f {source} -t utf-8 {path.name}"
        ) from None
    return text


def _likely_encoding(raw: bytes) -> str:
    """The encoding a non-UTF-8 file most likely has, for the ``iconv`` hint.

    Why: telling a UTF-16 file (Windows "Unicode" text) to convert from latin1 produces
    garbage; a byte-order mark, or NUL bytes between ASCII letters, give UTF-16/32 away.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:4096]
    if head and head.count(0) * 4 >= len(head):
        even, odd = head[0::2].count(0), head[1::2].count(0)
        return "UTF-16BE" if even > odd else "UTF-16LE"
    return "latin1"


#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def text_document(path: Path, date: dt.date | None, lang: str) -> Document:
    """The article of a ``.txt`` file: its first line is its title, a dateline its date."""
    raw = read_bytes(path)
    text = _decode(path, raw)
    if not text.strip():
        raise InputError(f"{path}: the file is empty; give it the article's text")
    return Document(
        id=path.stem,
        text=text,
        lang=lang,
        date=date or find_dateline(text, lang=lang),
        source=str(path),
        title=first_line_title(text),
        raw_sha256=sha256(raw),
        text_sha256=text_sha256(text),
    )


def jsonl_documents(path: Path, date: dt.date | None, lang: str) -> Iterator[Document]:
    """The articles of a ``.jsonl`` file, one JSON object per line, with their provenance."""
    text = _decode(path, read_bytes(path))
    seen = 0
    # JSON Lines are separated by "\n" only: str.splitlines() would also split at U+2028,
    # U+2029, U+0085 and other characters a JSON string may hold raw. A "\r" before the
    # "\n" is JSON whitespace.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(
                f"{where}: malformed JSON ({e.msg}); one JSON object per line"
            ) from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object with 'id' and 'text'")
        doc_text = record.get("text")
        if not isinstance(doc_text, str) or not doc_text.strip():
            raise InputError(f"{where}: missing or empty 'text'; each line needs a non-empty text")
        doc_id = _record_id(record.get("id"), where, default=f"{path.stem}-{lineno}")
        doc_lang = check_lang(str(record.get("lang") or lang))
        doc_date = date
        if doc_date is None and record.get("date") not in (None, ""):
            doc_date = parse_date(record["date"], what=f"'date' at {where}")
        doc_text = _LONE_SURROGATE.sub("\ufffd", doc_text)
        yield Document(
            id=doc_id,
            text=doc_text,
            lang=doc_lang,
            date=doc_date or find_dateline(doc_text, lang=doc_lang),
            source=where,
            title=clean_field(record.get("title")),
            url=clean_field(record.get("url")),
            publisher=clean_field(record.get("publisher")),
            author=clean_field(record.get("author")),
            captured=iso_datetime(record.get("captured")),
            warc_record_id=clean_field(record.get("warc_record_id")),
            raw_sha256=sha256(line.rstrip("\r").encode("utf-8", "surrogatepass")),
            text_sha256=text_sha256(doc_text),
        )
        seen += 1
    if not seen:
        raise InputError(f"{path}: no documents; put one JSON object per line")


#: A JSON ``\\ud800`` escape decodes to a lone surrogate, which no UTF-8 output can hold.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _record_id(value: object, where: str, *, default: str) -> str:
    """The id of a JSONL record: a non-blank string or an integer; absent or null: ``default``.

    Why strict: the id names the document's graph (an IRI) and scopes its entities, so
    ``{"id": {}}`` must not become a Python repr, nor ``""`` the namespace IRI itself.
    """
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip() and value.isprintable():
        return value
    raise InputError(
        f"{where}: 'id' must be a non-empty string of printable characters or an integer, "
        f"not {json.dumps(value, ensure_ascii=True)[:40]}; fix or remove it"
    )
