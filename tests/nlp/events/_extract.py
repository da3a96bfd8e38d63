"""One extraction per test sentence, for the event tests: every table reads its sentence
the same way (one document, a fixed publication date, French), so the helpers live here once.
"""

from __future__ import annotations

import datetime as dt

from kg.api import extract
from kg.model import Extraction

#: The publication date the test sentences are read against.
DATE = dt.date(2023, 5, 1)


def one(text: str) -> Extraction:
    """The extraction of ``text`` as one article published on :data:`DATE`."""
    (x,) = extract([text], date=DATE, lang="fr", progress=False)
    return x


def classes(text: str) -> set[str]:
    """The event classes kg finds in ``text``."""
    return {e.cls for e in one(text).events}
