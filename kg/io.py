"""Reading inputs: ``.txt`` files, folders of them and ``.jsonl`` corpora.

Why one module: every entry point (CLI, API, benchmarks) must accept the same inputs and
fail the same way, with a one-line :class:`~kg.errors.InputError` that says how to fix it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.lang import check_lang, load_data
from kg.lang.i18n import dateline_months, weekday_names
from kg.model import Document

__all__ = [
    "dateline_span",
    "find_dateline",
    "parse_date",
    "read_documents",
]


@cache
def _dateline(lang: str) -> re.Pattern[str]:
    """The dateline pattern of ``lang``; its month and weekday names come from ``times.json``."""
    months = sorted(dateline_months(lang), key=len, reverse=True)
    words = load_data(lang, "times")
    prefixes = "|".join(map(re.escape, words["dateline_day_prefixes"]))
    first = "|".join(map(re.escape, words["dateline_first_day"]))
    return re.compile(
        r"^[^\S\n]*(?:[^\n,.:]{1,40},[^\S\n]*)?(?:(?:"
        + "|".join(map(re.escape, weekday_names(lang)))
        + rf")[^\S\n]+)?(?:(?:{prefixes})[^\S\n]+)?(?P<day>\d{{1,2}}|{first})[^\S\n]+(?P<month>"
        + "|".join(map(re.escape, months))
        + r")[^\S\n]+(?P<year>\d{4})\b"
        # A dateline stands alone: the line ends, or a dash (after an optional "(AFP)" or
        # a full stop) opens the text. "Le 12 mai 2021, un incendie …" is a sentence.
        + r"(?=[^\S\n]*(?:\([^)\n]{1,30}\)[^\S\n]*)?(?:$|[–—-]|\.[^\S\n]*(?:$|[–—-])))",
        re.IGNORECASE | re.MULTILINE,
    )


#: A dateline is looked for only near the top: later dates are facts, not the article's date.
_DATELINE_WINDOW = 400


def parse_date(value: str, *, what: str = "--date") -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date or raise a one-line :class:`InputError`.

    >>> parse_date("2024-02-15")
    datetime.date(2024, 2, 15)
    """
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"invalid {what} {value!r}: use an ISO date such as 2024-02-15") from None


def find_dateline(text: str, *, lang: str = "fr") -> dt.date | None:
    """Return the date of a dateline near the top of ``text`` ("Paris, 3 mars 2024"), or None.

    >>> find_dateline("Bruxelles, 15 février 2024 – Les ministres…")
    datetime.date(2024, 2, 15)
    >>> find_dateline("Titre\\n\\n22 mai 2012. - Le lanceur…")
    datetime.date(2012, 5, 22)
    >>> find_dateline("Aucune date ici.") is None
    True
    >>> find_dateline("Le 12 mai 2021, un incendie a ravagé l'entrepôt.") is None
    True
    """
    match = _dateline(lang).search(text[:_DATELINE_WINDOW])
    if not match:
        return None
    first = {w.lower() for w in load_data(lang, "times")["dateline_first_day"]}
    day = 1 if match["day"].lower() in first else int(match["day"])
    try:
        return dt.date(int(match["year"]), dateline_months(lang)[match["month"].lower()], day)
    except ValueError:
        return None


def dateline_span(text: str, *, lang: str = "fr") -> tuple[int, int] | None:
    """Character offsets of the dateline's date, so later stages can tell it from facts.

    >>> dateline_span("Paris, 3 mars 2024 – Texte")
    (7, 18)
    """
    match = _dateline(lang).search(text[:_DATELINE_WINDOW])
    return (match.start("day"), match.end("year")) if match else None


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder where a file was expected") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror}); check its permissions") from None
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


def _text_document(path: Path, date: dt.date | None, lang: str) -> Document:
    text = _read_text(path)
    if not text.strip():
        raise InputError(f"{path}: the file is empty; give it the article's text")
    return Document(
        id=path.stem, text=text, lang=lang, date=date or find_dateline(text), source=str(path)
    )


def _jsonl_documents(path: Path, date: dt.date | None, lang: str) -> Iterator[Document]:
    text = _read_text(path)
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
        yield Document(
            id=doc_id,
            text=_LONE_SURROGATE.sub("\ufffd", doc_text),
            lang=doc_lang,
            date=doc_date or find_dateline(doc_text),
            source=where,
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


def read_documents(
    inputs: Iterable[str | Path], *, date: dt.date | None = None, lang: str = "fr"
) -> Iterator[Document]:
    """Yield the documents of ``inputs`` lazily, in order.

    Args:
        inputs: ``.txt`` files, ``.jsonl`` files (one ``{"id", "text", "date"?, "lang"?}``
            per line) and folders (their ``.txt`` and ``.jsonl`` files, sorted, recursively).
        date: publication date forced on every document (``--date``); else the JSONL
            ``date`` field, else a dateline in the text, else None.
        lang: language of documents that do not say theirs.

    Raises:
        InputError: a missing, empty or non-UTF-8 file, a folder with no article, a
            malformed JSONL line, or an unknown language.
    """
    check_lang(lang)
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl") and p.is_file()
            )
            if not files:
                raise InputError(f"{path}: the folder has no .txt or .jsonl file")
            for file in files:
                yield from _file_documents(file, date, lang)
        else:
            yield from _file_documents(path, date, lang)


def _file_documents(path: Path, date: dt.date | None, lang: str) -> Iterator[Document]:
    if path.suffix == ".jsonl":
        yield from _jsonl_documents(path, date, lang)
    elif path.suffix == ".txt" or not path.suffix:
        yield _text_document(path, date, lang)
    elif not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    else:
        raise InputError(f"{path}: unsupported input type {path.suffix!r}; give .txt or .jsonl")
