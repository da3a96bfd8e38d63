"""A content-addressed cache of extractions: one JSON file per document, written atomically.

Why files and not a database: a process killed with SIGKILL at any instant must leave the
cache usable. Each entry is written to a temporary file and renamed into place
(``os.replace`` is atomic on POSIX), so an entry is either whole or absent; an entry damaged
by a power cut (empty or truncated JSON) reads as a miss and is parsed again. Entries never
change once written, so concurrent runs sharing a cache cannot corrupt each other.

Keys: a document's key hashes its text, id, date, language and provenance (title, URL,
outlet, capture, hashes: they are copied into the extraction) together with the
*pipeline fingerprint* (kg's version, the model and its version, spaCy's version and a
digest of kg's extraction code and language data), so a change to any of them parses the
document again instead of serving a stale extraction.

A build given no cache folder (``kg.build()`` in a notebook) uses a :class:`MemoryCache`
instead: the same interface over a dict, so both take the one build path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from kg.errors import ExportError, os_error_hint
from kg.model import PROVENANCE_FIELDS, Document, Extraction

__all__ = [
    "CACHE_DIRNAME",
    "ExtractionCache",
    "MemoryCache",
    "document_key",
    "pipeline_fingerprint",
]

#: Default cache folder, inside the ``--out`` folder.
CACHE_DIRNAME = ".kg-cache"
#: Bump when the entry layout changes.
_FORMAT = 2
#: Modules downstream of extraction: editing them does not change what is cached.
_DOWNSTREAM = (
    "api.py",
    "build",
    "cli.py",
    "graph.py",
    "resolve.py",
    "store.py",
    "timeline.py",
    "export",
    "ontology",
    "schema",
)
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by kg (https://bford.info/cachedir/).\n"
    "# Delete this folder to force kg to parse every document again (or use --rebuild).\n"
)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


@cache
def _code_digest() -> str:
    """Digest of kg's own code and data that can change an extraction.

    Computed once per process: the code a process runs is the code it imported.
    """
    import kg

    root = Path(kg.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if (
            not path.is_file()
            or path.suffix not in (".py", ".json")
            or rel.parts[0] in _DOWNSTREAM
            or "__pycache__" in rel.parts
        ):
            continue
        digest.update(rel.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def pipeline_fingerprint(model: str, lang: str = "fr") -> str:
    """What, besides a document, decides its extraction: one short hex string.

    Computed once per run in the parent and once per Dask worker (to refuse workers that
    run other code).
    """
    import kg

    parts = {
        "format": _FORMAT,
        "kg": kg.__version__,
        "model": model,
        "model_version": _version(model.replace("_", "-")),
        "spacy": _version("spacy"),
        "lang": lang,
        "code": _code_digest(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def document_key(document: Document, fingerprint: str) -> str:
    """The cache key of ``document`` under a pipeline fingerprint (64 hex digits).

    >>> from kg.model import Document
    >>> a = document_key(Document("a", "Texte."), "f")
    >>> a == document_key(Document("a", "Texte.", source="elsewhere.txt"), "f")
    True
    >>> a == document_key(Document("b", "Texte."), "f")
    False
    >>> a == document_key(Document("a", "Texte.", url="https://exemple.fr/a"), "f")
    False
    """
    date = document.date.isoformat() if document.date else None
    provenance = [getattr(document, name) for name in PROVENANCE_FIELDS]
    payload = json.dumps(
        [fingerprint, document.id, document.lang, date, document.text, *provenance],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ExtractionCache:
    """Extractions on disk, one ``<root>/extractions/<ab>/<key>.json`` file per document."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._dirs: set[Path] = set()
        try:
            (self.root / "extractions").mkdir(parents=True, exist_ok=True)
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text(_TAG, encoding="utf-8")
        except OSError as e:
            hint = os_error_hint(e, instead="--cache")
            raise ExportError(
                f"cannot create the cache {self.root}: {e.strerror}; {hint}"
            ) from None

    def path(self, key: str) -> Path:
        """Where the entry of ``key`` lives (whether or not it exists)."""
        return self.root / "extractions" / key[:2] / f"{key}.json"

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.path(key).is_file()

    def get(self, key: str) -> Extraction | None:
        """The cached extraction of ``key``, or None if absent or unreadable."""
        try:
            data = json.loads(self.path(key).read_bytes())
        except (OSError, ValueError):  # absent, truncated by a power cut, not UTF-8
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None  # valid JSON of another shape (null, [], a string): a miss too
        entry = data.get("extraction")
        if not isinstance(entry, dict):
            return None
        try:
            return Extraction.from_dict(entry)
        except Exception:  # any field of the wrong type: parse it again
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        """Store ``extraction`` under ``key`` atomically (a reader sees all of it or nothing)."""
        path = self.path(key)
        folder = path.parent
        data = json.dumps(
            {"key": key, "extraction": extraction.to_dict()}, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        tmp = None
        try:
            if folder not in self._dirs:
                folder.mkdir(parents=True, exist_ok=True)
                self._dirs.add(folder)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError as e:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            hint = os_error_hint(e, instead="--cache")
            raise ExportError(
                f"cannot write the cache entry {path}: {e.strerror}; {hint}"
            ) from None

    def discard(self, key: str) -> None:
        """Remove the entry of ``key`` if present."""
        with contextlib.suppress(FileNotFoundError):
            self.path(key).unlink()


class MemoryCache:
    """Extractions of one build kept in memory: the cache of a build without a cache folder.

    Why: :mod:`kg.build.corpus` has one flow (scan keys, parse what is missing, read back in
    input order) whether or not extractions outlive the build. In memory the records are
    kept as they are (no JSON round trip), and a document given twice is parsed once.

    >>> cache = MemoryCache()
    >>> cache.put("k", Extraction(id="a", lang="fr", date=None))
    >>> "k" in cache, cache.get("k").id, cache.get("other")
    (True, 'a', None)
    """

    #: No folder: nothing is written.
    root: Path | None = None

    def __init__(self) -> None:
        self._entries: dict[str, Extraction] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: str) -> Extraction | None:
        """The extraction stored under ``key``, or None."""
        return self._entries.get(key)

    def put(self, key: str, extraction: Extraction) -> None:
        """Keep ``extraction`` under ``key``."""
        self._entries[key] = extraction

    def discard(self, key: str) -> None:
        """Forget the entry of ``key`` if present."""
        self._entries.pop(key, None)
