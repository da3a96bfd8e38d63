"""kg: French news articles in; a knowledge graph and a timeline out.

>>> import kg
>>> kg.__version__
'0.1.0'

The public API is small: :func:`build` (articles -> :class:`BuildResult`), :func:`extract`
(articles -> :class:`Extraction` records), :func:`build_graph`, :func:`read_documents`, and
the data records of :mod:`kg.model`. Heavy libraries (spaCy, pyvis) load only when used.
The build path behind :func:`build` and ``kg build`` is the package :mod:`kg.build`.
"""

from __future__ import annotations

# kg.api imports the package kg.build first; binding the function afterwards makes the
# attribute ``kg.build`` the public function for good (importing a submodule later only
# sets attributes on the package). Keep this import first.
from kg.api import BuildResult, build, extract
from kg.errors import ExportError, InputError, KgError, ModelError, StoreError
from kg.graph import build_graph
from kg.io import read_documents
from kg.model import (
    DatedEvent,
    Document,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Relation,
    TimeValue,
)

__version__ = "0.1.0"

__all__ = [
    "BuildResult",
    "DatedEvent",
    "Document",
    "Entity",
    "Evidence",
    "ExportError",
    "Extraction",
    "InputError",
    "KgError",
    "Mention",
    "ModelError",
    "Relation",
    "StoreError",
    "TimeValue",
    "__version__",
    "build",
    "build_graph",
    "extract",
    "read_documents",
]
