"""Every output file of a build, written together and atomically.

Why one function: ``kg build --out`` and ``r.save(out)`` in a notebook must write the same
files the same way, so both call :func:`write_outputs`. All files are first written into a
staging folder next to ``out``; only when all succeeded are they moved into place, so a
failed run leaves earlier outputs intact, and the rest of ``out`` (the extraction cache,
the user's own files) is never touched.

The writers are imported when the function runs, not with this module: the CLI imports
this module on every command, and ``benchmarks/scale.py`` times each writer by wrapping it.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError, InputError
from kg.model import Extraction

__all__ = ["OUTPUTS", "check_out_folder", "write_outputs"]

log = logging.getLogger("kg")

#: Files ``kg build`` writes, in the order they are written.
OUTPUTS: tuple[str, ...] = (
    "extraction.jsonl",
    "graph.ttl",
    "graph.trig",
    "graph.html",
    "timeline.json",
    "timeline.csv",
    "timeline.timelinejs.json",
    "timeline.html",
    "entities.csv",
    "relations.csv",
    "events.csv",
    "events.jsonl",
    "documents.csv",
    "graph.graphml",
)


def write_outputs(
    out: str | Path,
    extractions: Sequence[Extraction],
    graph: nx.MultiDiGraph,
    *,
    rows: list[dict[str, Any]] | None = None,
    max_nodes: int | None = None,
    focus: str | None = None,
    hops: int = 1,
) -> dict[str, Path]:
    """Write every output of a build into ``out`` as one set and return their paths.

    The set is written aside, then switched in with one rename, under a lock on ``out``
    (:mod:`kg.export.outset`): a reader never sees two builds' files mixed.

    Args:
        out: the output folder (created if missing).
        extractions: the resolved extractions, in input order (``extraction.jsonl``).
        graph: the graph built from them.
        rows: the timeline rows, if already computed (else built from the graph).
        max_nodes: draw at most this many entities in ``graph.html`` (best connected).
        focus: draw only this entity's neighbourhood in ``graph.html`` (id or name).
        hops: how far the neighbourhood of ``focus`` reaches.

    The RDF, tables and timeline always hold the whole graph: ``max_nodes`` and ``focus``
    only cut the interactive view, which large corpora would overload. See :data:`OUTPUTS`
    for the file names.

    Raises:
        ExportError: ``out`` is a file, or cannot be created or written.
        InputError: ``focus`` names no entity, or ``hops``/``max_nodes`` is negative.
    """
    from kg.export.outset import STAGING_PREFIX, clean_stale, locked, publish

    view = _view(graph, max_nodes=max_nodes, focus=focus, hops=hops)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder; choose another --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"cannot create {out}: {e.strerror}; check permissions") from None
    with locked(out):
        clean_stale(out)
        try:
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
        except OSError as e:
            raise ExportError(f"cannot create {out}: {e.strerror}; check permissions") from None
        try:
            if rows is None:
                from kg.timeline import timeline_rows

                rows = timeline_rows(list(extractions), graph)
            _write_files(staging, extractions, graph, rows, view)
            written = publish(out, staging, OUTPUTS)
            log.info("wrote %d files to %s", len(written), out)
            return written
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # gone already once published


def check_out_folder(out: str | Path) -> Path:
    """Refuse an ``--out`` no build could write, before any document is parsed.

    Why up front: a build of thousands of articles must not parse for an hour and then
    find that ``--out`` is a file (or lies under one, or in a folder it may not write).

    Raises:
        ExportError: ``out`` or one of its parents is a file, or the nearest existing
            folder cannot be written.
    """
    out = Path(out)
    for path in (out, *out.parents):
        if path.exists():
            if not path.is_dir():
                what = "exists" if path == out else f"is in {path}, which"
                raise ExportError(f"{out} {what} is a file, not a folder; choose another --out")
            if not os.access(path, os.W_OK | os.X_OK):
                raise ExportError(
                    f"cannot write in {path}: permission denied; check its permissions or "
                    "choose another --out"
                )
            break
    return out


def _view(
    graph: nx.MultiDiGraph, *, max_nodes: int | None, focus: str | None, hops: int
) -> tuple[nx.MultiDiGraph, int | None]:
    """The graph drawn in graph.html, checked before anything is written."""
    from kg.graph import focus as neighbourhood_of

    if max_nodes is not None and max_nodes < 1:
        raise InputError(f"--max-nodes must be 1 or more, not {max_nodes}")
    if hops < 0:
        raise InputError(f"--hops must be 0 or more, not {hops}")
    if focus is None:
        return graph, max_nodes
    try:
        return neighbourhood_of(graph, focus, hops), max_nodes
    except KeyError:
        raise InputError(
            f"no entity matches --focus {focus!r}; see entities.csv for names and ids"
        ) from None


def _write_files(
    folder: Path,
    extractions: Sequence[Extraction],
    graph: nx.MultiDiGraph,
    rows: list[dict[str, Any]],
    view: tuple[nx.MultiDiGraph, int | None],
) -> None:
    from kg.export.atomic import atomic_write_text
    from kg.export.events import events_csv, events_jsonl
    from kg.export.html import write_html
    from kg.export.rdf import write_rdf
    from kg.export.tables import (
        DOCUMENT_FIELDS,
        ENTITY_FIELDS,
        RELATION_FIELDS,
        document_rows,
        entity_rows,
        graphml_text,
        relation_rows,
        rows_csv,
    )
    from kg.export.timeline import timeline_csv, timelinejs
    from kg.export.timeline.html import write_timeline_html

    atomic_write_text(
        folder / "extraction.jsonl",
        "".join(
            json.dumps(x.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for x in extractions
        ),
    )
    write_rdf(graph, folder / "graph.ttl")
    write_rdf(graph, folder / "graph.trig")
    shown, max_nodes = view
    lang = interface_lang(extractions)
    write_html(
        shown,
        folder / "graph.html",
        timeline=_rows_within(rows, shown) if shown is not graph else rows,
        max_nodes=max_nodes,
        lang=lang,
    )
    atomic_write_text(folder / "timeline.json", _json(rows))
    atomic_write_text(folder / "timeline.csv", timeline_csv(rows))
    atomic_write_text(folder / "timeline.timelinejs.json", _json(timelinejs(rows)))
    write_timeline_html(rows, folder / "timeline.html", graph=graph, lang=lang)
    atomic_write_text(folder / "entities.csv", rows_csv(entity_rows(graph), ENTITY_FIELDS))
    atomic_write_text(folder / "relations.csv", rows_csv(relation_rows(graph), RELATION_FIELDS))
    atomic_write_text(folder / "events.csv", events_csv(graph))
    atomic_write_text(folder / "events.jsonl", events_jsonl(graph))
    atomic_write_text(folder / "documents.csv", rows_csv(document_rows(graph), DOCUMENT_FIELDS))
    atomic_write_text(folder / "graph.graphml", graphml_text(graph))


def interface_lang(extractions: Sequence[Extraction]) -> str:
    """The language the pages speak: the corpus's most common one (French when empty).

    >>> interface_lang([])
    'fr'
    """
    counts = Counter(x.lang for x in extractions)
    return min(counts, key=lambda lang: (-counts[lang], lang)) if counts else "fr"


def _rows_within(rows: list[dict[str, Any]], graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Timeline rows that mention an entity of ``graph`` (for a focused view)."""
    return [r for r in rows if any(e in graph for e in r["entity_ids"])]


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
