"""kg's exception hierarchy.

Every message says what is wrong and how to fix it, on one line, because the CLI prints
it as is (exit code 2) instead of a traceback.
"""

from __future__ import annotations

__all__ = [
    "ExportError",
    "InputError",
    "KgError",
    "ModelError",
    "StoreError",
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
