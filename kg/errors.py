"""kg's exception hierarchy.

Every message says what is wrong and how to fix it, on one line, because the CLI prints
it as is (exit code 2) instead of a traceback.
"""

from __future__ import annotations

import errno

__all__ = [
    "ExportError",
    "InputError",
    "KgError",
    "ModelError",
    "StoreError",
    "os_error_hint",
]


class KgError(Exception):
    """Base class: a problem the user can fix (bad input, missing model, bad endpoint)."""


class InputError(KgError):
    """An input file, folder, JSONL line, date or option is unusable."""


class ModelError(KgError):
    """The spaCy model or language asked for is not available."""


class ExportError(KgError):
    """An output could not be written."""


class StoreError(KgError):
    """A triple store or SPARQL endpoint refused, failed or timed out."""


def os_error_hint(error: OSError, *, instead: str) -> str:
    """How to fix a failed write, from its errno: the advice must match the cause.

    Why: "check disk space" for a permission problem sends the user the wrong way.
    ``instead`` names the option to choose another place with (``--out``, ``--cache``).

    >>> os_error_hint(PermissionError(errno.EACCES, "Permission denied"), instead="--out")
    'check its permissions or choose another --out'
    >>> os_error_hint(OSError(errno.ENOSPC, "No space left on device"), instead="--out")
    'free disk space and run again'
    """
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "free disk space and run again"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"check its permissions or choose another {instead}"
    if code in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        return f"a file stands where a folder is needed; choose another {instead}"
    return f"check the folder or choose another {instead}"
