"""The Python entry point: ``kg.build(inputs)`` returns everything kg read, ready to explore.

Why a result object: notebooks want DataFrames, the networkx graph, RDF, SPARQL and inline
views from one call, while the CLI wants the same files written atomically. Both go through
here. The object only holds data (extractions, graph, documents); every view is computed on
demand by the modules that own it (:mod:`kg.export`, :mod:`kg.timeline`, :mod:`kg.notebook`).

Quick tour (the spaCy model loads once per process, in a few seconds)::

    >>> import kg
    >>> r = kg.build("Le Royaume-Uni a rejoint l'OTAN.", date="2024-02-15")
    >>> r.entities[["id", "label", "type", "wikidata"]].to_dict("records")[:1]
    [{'id': 'Q145', 'label': 'Royaume-Uni', 'type': 'Country', 'wikidata': 'Q145'}]
    >>> r.query("SELECT ?name WHERE { ?c a kg:Country ; rdfs:label ?name }")["name"].tolist()
    ['Royaume-Uni']
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import ExportError, InputError
from kg.graph import build_graph
from kg.io import find_dateline, parse_date, read_documents
from kg.model import Document, Extraction
from kg.progress import track
from kg.resolve import resolve
from kg.timeline import timeline_rows

if TYPE_CHECKING:
    import pandas as pd
    import rdflib

    from kg.notebook import InlineHTML

__all__ = ["OUTPUTS", "BuildResult", "build", "extract"]

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
    "graph.graphml",
)

#: One input: a path (``.txt``, ``.jsonl``, folder), an article's text, or a Document.
Input = str | Path | Document


# ----------------------------------------------------------------------------- reading
def _documents(
    inputs: Input | Iterable[Input], date: dt.date | str | None, lang: str
) -> list[Document]:
    """Accept paths, folders, JSONL, raw strings of text and Documents alike."""
    if isinstance(date, str):
        date = parse_date(date)
    elif date is not None and not isinstance(date, dt.date):
        raise InputError(f"date must be an ISO string or a datetime.date, got {date!r}")
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(inputs, str | Path | Document):
        inputs = [inputs]
    elif isinstance(inputs, bytes | bytearray) or not isinstance(inputs, Iterable):
        raise InputError(_bad_input(inputs, 1))
    docs: list[Document] = []
    paths: list[Path] = []

    def flush() -> None:
        docs.extend(read_documents(paths, date=date, lang=lang))
        paths.clear()

    for n, item in enumerate(inputs, start=1):
        if isinstance(item, Document):
            flush()
            docs.append(item)
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            paths.append(Path(item))
        elif isinstance(item, str):
            flush()
            if not item.strip():
                raise InputError(f"input {n} is an empty string; give an article's text or a path")
            docs.append(
                Document(id=f"text-{n}", text=item, lang=lang, date=date or find_dateline(item))
            )
        else:
            raise InputError(_bad_input(item, n))
    flush()
    if not docs:
        raise InputError("no input: give at least one file, folder, JSONL file or text")
    return docs


def _bad_input(item: object, n: int) -> str:
    hint = " (decode bytes first: data.decode('utf-8'))" if isinstance(item, bytes) else ""
    return (
        f"input {n} is a {type(item).__name__}{hint}; give a path, a folder, a .jsonl file, "
        "an article's text or a kg.Document"
    )


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) >= 260:
        return False
    try:
        if Path(text).exists():
            return True
    except (OSError, ValueError):  # a string the OS cannot stat is text, not a path
        return False
    return text.endswith((".txt", ".jsonl", "/"))


def extract(
    inputs: Input | Iterable[Input],
    *,
    date: dt.date | str | None = None,
    lang: str = "fr",
    model: str | None = None,
    progress: bool | None = None,
) -> list[Extraction]:
    """Read ``inputs`` and return one :class:`~kg.model.Extraction` per document.

    Arguments are those of :func:`build`.

    Example:
        >>> [x.id for x in extract(["Le Royaume-Uni a rejoint l'OTAN.", "La Lettonie aussi."])]
        ['text-1', 'text-2']
    """
    return _extract(_documents(inputs, date, lang), lang=lang, model=model, progress=progress)


def _extract(
    documents: list[Document], *, lang: str, model: str | None, progress: bool | None
) -> list[Extraction]:
    from kg.nlp.pipeline import extract_documents, load_pipeline

    started = time.perf_counter()
    log.info("loading the spaCy pipeline (%s, %s)", model or "default model", lang)
    nlp = load_pipeline(model, lang)
    extractions = list(
        track(
            extract_documents(documents, nlp),
            total=len(documents),
            desc="kg: reading articles",
            unit="doc",
            enabled=progress,
        )
    )
    log.info("read %d documents in %.1f s", len(extractions), time.perf_counter() - started)
    return extractions


def build(
    inputs: Input | Iterable[Input],
    *,
    date: dt.date | str | None = None,
    lang: str = "fr",
    model: str | None = None,
    progress: bool | None = None,
) -> BuildResult:
    """Read articles and build their knowledge graph and timeline.

    Args:
        inputs: ``.txt`` paths, folders, ``.jsonl`` corpora (``{"id", "text", "date"?}`` per
            line), article text as strings, or :class:`~kg.model.Document` objects, alone
            or in a list. A string that names an existing file or ends in ``.txt``,
            ``.jsonl`` or ``/`` is a path; any other string is an article's text.
        date: publication date for every document, ``"2024-02-15"`` or a ``datetime.date``
            (else the JSONL ``date``, else a dateline such as "Paris, 3 mars 2024").
        lang: language of the articles (``fr``).
        model: spaCy model (``fr_core_news_md`` by default, or ``fr_core_news_sm``).
        progress: draw a progress bar over the documents (a widget in Jupyter, text in a
            terminal). None (default) draws one only when the ``kg`` logger is at INFO.

    Returns:
        A :class:`BuildResult`.

    Raises:
        InputError: a missing, empty or unreadable input, or an invalid date.
        ModelError: an unknown language or a model that is not installed.

    Example:
        >>> import kg
        >>> r = kg.build("Le Royaume-Uni a rejoint la coalition.", date="2024-02-15")
        >>> sorted(r.graph.nodes)[0]
        'Q145'
    """
    documents = _documents(inputs, date, lang)
    extractions = resolve(_extract(documents, lang=lang, model=model, progress=progress))
    started = time.perf_counter()
    graph = build_graph(extractions)
    log.info(
        "graph: %d entities, %d relations (%.2f s)",
        graph.number_of_nodes(),
        graph.number_of_edges(),
        time.perf_counter() - started,
    )
    return BuildResult(extractions=extractions, graph=graph, documents=documents)


# ----------------------------------------------------------------------------- the result
@dataclass(repr=False)
class BuildResult:
    """Everything one :func:`build` produced: extractions, graph, and views of them.

    Attributes:
        extractions: one :class:`~kg.model.Extraction` per document, in input order.
        graph: the merged ``networkx.MultiDiGraph`` (contract in ``docs/internals.md``).
        documents: the documents as read (ids, texts, dates), in input order.

    DataFrames (:attr:`entities`, :attr:`relations`, :attr:`timeline`, :attr:`mentions`)
    are rebuilt from the graph on each access, so they reflect edits to ``graph``.
    """

    extractions: list[Extraction]
    graph: nx.MultiDiGraph
    documents: list[Document] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def timeline_rows(self) -> list[dict[str, Any]]:
        """Timeline rows as plain dicts (``docs/internals.md``), sorted by date."""
        return timeline_rows(self.extractions, self.graph)

    # -- DataFrames -------------------------------------------------------------------
    @property
    def entities(self) -> pd.DataFrame:
        """One row per canonical entity.

        Columns: ``id`` (the node key), ``label``, ``type`` (``Person``, ``Country``…),
        ``wikidata`` (Q-id or None), ``aliases`` and ``docs`` (lists), ``mentions`` (count
        over all documents), ``degree`` (number of relations). Sorted by id.

        Example:
            >>> r = build("La Lettonie a rejoint l'OTAN.", date="2024-02-15")
            >>> r.entities.query("type == 'Country'")["wikidata"].tolist()
            ['Q211']
        """
        import pandas as pd

        from kg.export.tables import ENTITY_FIELDS, entity_rows

        frame = pd.DataFrame(entity_rows(self.graph), columns=list(ENTITY_FIELDS))
        frame["wikidata"] = frame["wikidata"].astype(object).where(frame["wikidata"].notna(), None)
        return frame.astype({"mentions": "int64", "degree": "int64"})

    @property
    def relations(self) -> pd.DataFrame:
        """One row per fact and evidence sentence (a fact read twice gives two rows).

        Columns: ``subject``, ``subject_label``, ``subject_type``, ``predicate``, ``object``,
        ``object_label``, ``object_type``, ``modality`` (``asserted``, ``expected``…),
        ``time_value`` (TIMEX3), ``time_start`` / ``time_end`` (ISO dates), ``time_inferred``,
        ``quantity`` (nullable integer), ``item``, ``portfolio``, ``attributes`` (JSON),
        ``doc``, ``sentence`` (the evidence), ``start`` / ``end`` (offsets), ``key``.

        Example:
            >>> r = build("La Lettonie a rejoint l'OTAN.", date="2024-02-15")
            >>> r.relations[["subject_label", "predicate", "object_label", "modality"]].values
            array([['Lettonie', 'joins', 'OTAN', 'asserted']], dtype=object)
        """
        import pandas as pd

        from kg.export.tables import RELATION_FIELDS, relation_rows

        columns = list(RELATION_FIELDS)
        frame = pd.DataFrame(relation_rows(self.graph), columns=columns)
        types = {n: d.get("type") for n, d in self.graph.nodes(data=True)}
        frame.insert(
            columns.index("subject_label") + 1, "subject_type", frame["subject"].map(types)
        )
        frame.insert(
            frame.columns.get_loc("object_label") + 1, "object_type", frame["object"].map(types)
        )
        frame["quantity"] = pd.array(
            [None if pd.isna(q) else int(q) for q in frame["quantity"]], dtype="Int64"
        )
        return frame

    @property
    def timeline(self) -> pd.DataFrame:
        """One row per dated sentence or fact, sorted by start date.

        Columns: ``id``, ``start`` / ``end`` (ISO dates bounding a vague date such as
        "en décembre"), ``value`` (TIMEX3), ``granularity``, ``headline``, ``sentence``,
        ``entities`` / ``entity_ids`` (lists), ``doc``, ``facts`` (edge refs), ``inferred``.
        """
        import pandas as pd

        from kg.timeline import TIMELINE_FIELDS

        return pd.DataFrame(self.timeline_rows, columns=list(TIMELINE_FIELDS))

    @property
    def mentions(self) -> pd.DataFrame:
        """One row per mention of an entity in a document (for frequencies, co-occurrence).

        Columns: ``doc``, ``entity`` (canonical id), ``label``, ``type``, ``start``, ``end``
        (offsets into the document text) and ``text`` (as written).
        """
        import pandas as pd

        labels = dict(self.graph.nodes(data="label"))
        rows = [
            {
                "doc": x.id,
                "entity": e.id,
                "label": labels.get(e.id, e.name),
                "type": e.type,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
            for x in self.extractions
            for e in x.entities
            for m in e.mentions
        ]
        columns = ["doc", "entity", "label", "type", "start", "end", "text"]
        return pd.DataFrame(rows, columns=columns).sort_values(["doc", "start"], ignore_index=True)

    def find(self, text: str, *, type: str | None = None) -> list[str]:
        """Ids of entities whose label or an alias contains ``text`` (case and accents ignored).

        Best-connected first, so ``r.find("coalition")[0]`` is usually the one you mean.

        Example:
            >>> r = build("La Lettonie a rejoint l'OTAN.", date="2024-02-15")
            >>> r.find("lettonie"), r.find("otan", type="Country")
            (['Q211'], [])
        """
        from kg.graph import find_entities

        return find_entities(self.graph, text, type=type)

    # -- RDF and SPARQL ---------------------------------------------------------------
    def rdf(self, **kwargs: Any) -> rdflib.Dataset:
        """The graph as an rdflib Dataset, one named graph per document (default graph = union).

        Keyword arguments go to :func:`kg.export.rdf.to_rdf` (e.g. ``base``). For SPARQL,
        :meth:`query` is much faster on anything but small graphs.
        """
        from kg.export.rdf import to_rdf

        return to_rdf(self.graph, **kwargs)

    def query(self, sparql: str) -> pd.DataFrame:
        """Run a SPARQL 1.1 query over the graph's RDF and return a DataFrame.

        The RDF is loaded once into an in-memory Oxigraph store (rebuilt if the graph
        changes). The default graph is the union of the per-document graphs, and kg's
        prefixes are predeclared: ``kg:``, ``rdf:``, ``rdfs:``, ``xsd:``, ``owl:``, ``skos:``,
        ``time:``, ``prov:``, ``wd:``, ``entity:``, ``statement:``, ``doc:``.

        Values come back as plain Python objects: IRIs and strings as ``str``, integers as
        ``int``, decimals as ``float``, booleans as ``bool``, dates as ISO strings, unbound
        variables as None. ``ASK`` gives one ``ask`` column; ``CONSTRUCT`` and ``DESCRIBE``
        give ``subject``, ``predicate``, ``object`` columns.

        Raises:
            InputError: the query is not valid SPARQL.

        Example:
            >>> r = build("La Lettonie a rejoint l'OTAN.", date="2024-02-15")
            >>> r.query('''
            ...     SELECT ?who ?modality WHERE {
            ...       ?st kg:predicate kg:joins ; kg:subject ?s ; kg:modality ?m .
            ...       ?s rdfs:label ?who .  BIND(STRAFTER(STR(?m), "#") AS ?modality)
            ...     }''').to_dict("records")
            [{'who': 'Lettonie', 'modality': 'asserted'}]
        """
        from kg.notebook import memory_store, query_store

        stamp = (id(self.graph), self.graph.number_of_nodes(), self.graph.number_of_edges())
        cached = self._cache.get("store")
        if cached is None or cached[0] != stamp:
            cached = self._cache["store"] = (stamp, memory_store(self.graph))
        return query_store(cached[1], sparql)

    # -- inline views -----------------------------------------------------------------
    def show(
        self, *, height: int = 650, max_nodes: int | None = None, timeline: bool = True
    ) -> InlineHTML:
        """The interactive graph, displayed inline in Jupyter, JupyterLab and VS Code.

        Returns an :class:`~kg.notebook.InlineHTML` (an isolated ``<iframe srcdoc>``
        holding the same offline page as ``graph.html``); make it the last expression of
        a cell, or call ``IPython.display.display`` on it. ``.save(path)`` writes the page.

        Args:
            height: height of the view in pixels.
            max_nodes: draw only the best-connected nodes (large corpora).
            timeline: include the timeline panel of the page.
        """
        from kg.notebook import graph_view

        rows = self.timeline_rows if timeline else None
        return graph_view(self.graph, timeline=rows, max_nodes=max_nodes, height=height)

    def show_timeline(self, *, height: int = 520) -> InlineHTML:
        """The timeline, displayed inline like :meth:`show` (the page of ``timeline.html``)."""
        from kg.notebook import timeline_view

        return timeline_view(self.timeline_rows, height=height)

    # -- files ------------------------------------------------------------------------
    def save(
        self,
        out: str | Path,
        *,
        max_nodes: int | None = None,
        focus: str | None = None,
        hops: int = 1,
    ) -> dict[str, Path]:
        """Write every output into ``out`` atomically and return their paths.

        All files are first written into a staging folder next to ``out``; only when all
        succeeded are they moved into place, so a failed run leaves earlier outputs intact.
        See :data:`OUTPUTS` for the file names.

        Args:
            out: the output folder.
            max_nodes: draw at most this many entities in ``graph.html`` (best connected).
            focus: draw only this entity's neighbourhood in ``graph.html`` (id or name).
            hops: how far the neighbourhood of ``focus`` reaches.

        The RDF, tables and timeline always hold the whole graph: ``max_nodes`` and
        ``focus`` only cut the interactive view, which large corpora would overload.

        Raises:
            ExportError: ``out`` is a file, or cannot be created or written.
            InputError: ``focus`` names no entity, or ``hops``/``max_nodes`` is negative.
        """
        view = self._view(max_nodes=max_nodes, focus=focus, hops=hops)
        out = Path(out)
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} exists and is not a folder; choose another --out")
        try:
            out.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=out))
        except OSError as e:
            raise ExportError(f"cannot create {out}: {e.strerror}; check permissions") from None
        try:
            self._write_all(staging, view)
            written = {}
            for name in OUTPUTS:
                (staging / name).replace(out / name)
                written[name] = out / name
            log.info("wrote %d files to %s", len(written), out)
            return written
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _view(
        self, *, max_nodes: int | None, focus: str | None, hops: int
    ) -> tuple[nx.MultiDiGraph, int | None]:
        """The graph drawn in graph.html, checked before anything is written."""
        from kg.graph import focus as neighbourhood_of

        if max_nodes is not None and max_nodes < 1:
            raise InputError(f"--max-nodes must be 1 or more, not {max_nodes}")
        if hops < 0:
            raise InputError(f"--hops must be 0 or more, not {hops}")
        if focus is None:
            return self.graph, max_nodes
        try:
            return neighbourhood_of(self.graph, focus, hops), max_nodes
        except KeyError:
            raise InputError(
                f"no entity matches --focus {focus!r}; see entities.csv for names and ids"
            ) from None

    def _write_all(
        self, folder: Path, view: tuple[nx.MultiDiGraph, int | None] | None = None
    ) -> None:
        from kg.export.atomic import atomic_write_text
        from kg.export.html import write_html
        from kg.export.rdf import write_rdf
        from kg.export.tables import (
            ENTITY_FIELDS,
            RELATION_FIELDS,
            entity_rows,
            graphml_text,
            relation_rows,
            rows_csv,
        )
        from kg.export.timeline import timeline_csv, timelinejs
        from kg.export.timeline.html import write_timeline_html

        rows = self.timeline_rows
        atomic_write_text(
            folder / "extraction.jsonl",
            "".join(
                json.dumps(x.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
                for x in self.extractions
            ),
        )
        write_rdf(self.graph, folder / "graph.ttl")
        write_rdf(self.graph, folder / "graph.trig")
        shown, max_nodes = view or (self.graph, None)
        write_html(
            shown,
            folder / "graph.html",
            timeline=_rows_within(rows, shown) if shown is not self.graph else rows,
            max_nodes=max_nodes,
        )
        atomic_write_text(folder / "timeline.json", _json(rows))
        atomic_write_text(folder / "timeline.csv", timeline_csv(rows))
        atomic_write_text(folder / "timeline.timelinejs.json", _json(timelinejs(rows)))
        write_timeline_html(rows, folder / "timeline.html", graph=self.graph)
        atomic_write_text(folder / "entities.csv", rows_csv(entity_rows(self.graph), ENTITY_FIELDS))
        atomic_write_text(
            folder / "relations.csv", rows_csv(relation_rows(self.graph), RELATION_FIELDS)
        )
        atomic_write_text(folder / "graph.graphml", graphml_text(self.graph))

    # -- summaries --------------------------------------------------------------------
    def summary(self) -> dict[str, int]:
        """Counts of documents, entities, relations and dated timeline rows."""
        return {
            "documents": len(self.extractions),
            "entities": self.graph.number_of_nodes(),
            "relations": self.graph.number_of_edges(),
            "dates": len(self.timeline_rows),
        }

    def __repr__(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.summary().items())
        return f"<kg.BuildResult: {counts}>"

    def _repr_html_(self) -> str:
        """A compact card in notebooks: counts, types, relations and the top entities."""
        from kg.notebook import summary_html

        return summary_html(self.graph, counts=self.summary())


def _rows_within(rows: list[dict[str, Any]], graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Timeline rows that mention an entity of ``graph`` (for a focused view)."""
    return [r for r in rows if any(e in graph for e in r["entity_ids"])]


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
