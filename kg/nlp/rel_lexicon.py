"""Loading the per-language relation lexicon (``kg/data/<lang>/relations.json``).

Why a separate module: the quantity parser, the modality detector and the relation patterns
all read the same file, and each must stay usable alone (pure functions, doctests) without
importing spaCy components.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import ModelError

__all__ = ["fold", "load_relation_lexicon"]


def fold(text: str) -> str:
    """Lower-case ``text`` and use straight apostrophes, the form lexicon keys are written in.

    >>> fold("Jusqu’à")
    "jusqu'à"
    """
    return text.lower().replace("’", "'").replace("`", "'")


@cache
def load_relation_lexicon(lang: str = "fr") -> dict[str, Any]:
    """Return the parsed relation lexicon of ``lang`` (cached: read once per process).

    Raises:
        ModelError: when no lexicon ships for ``lang``; add ``kg/data/<lang>/relations.json``.
    """
    # Resolved next to the package (not importlib.resources) so it also works while ``kg``
    # is a namespace package in a source checkout; package-data ships the file in the wheel.
    path = Path(__file__).resolve().parent.parent / "data" / lang / "relations.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ModelError(
            f"no relation lexicon for language {lang!r}: add kg/data/{lang}/relations.json"
        ) from e
