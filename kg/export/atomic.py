"""Atomic file writes: a reader never sees half a file, a crash never clobbers a good one.

Why: outputs are overwritten on every run; writing to a temporary file in the same folder
and renaming it (``os.replace`` is atomic on POSIX) keeps the previous output until the new
one is complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import ExportError, os_error_hint

__all__ = ["atomic_write_bytes", "atomic_write_text"]


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        hint = os_error_hint(e, instead="--out")
        raise ExportError(f"cannot write {path}: {e.strerror}; {hint}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        hint = os_error_hint(e, instead="--out")
        raise ExportError(f"cannot write {path}: {e.strerror}; {hint}") from None
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (``\\n`` line endings, as given)."""
    return atomic_write_bytes(path, text.encode("utf-8"))
