"""The Python entry point: ``kg.build(inputs)`` returns everything kg read, ready to explore.

Why a result object: notebooks want DataFrames, the networkx graph, RDF and inline views
from one call, while the CLI wants the same files written atomically. Both go through here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import ExportError, InputError
from kg.graph import build_graph
from kg.io import parse_date, read_documents
from kg.model import Document, Extraction
from kg.timeline import timeline_rows

if TYPE_CHECKING:
    import pandas as pd
    import rdflib

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

Input = str | Path | Document


def _documents(
    inputs: Input | Iterable[Input], date: dt.date | str | None, lang: str
) -> list[Document]:
    """Accept paths, folders, JSONL, raw strings of text and Documents alike."""
    if isinstance(date, str):
        date = parse_date(date)
    if isinstance(inputs, str | Path | Document):
        inputs = [inputs]
    docs: list[Document] = []
    paths: list[Path] = []

    def flush() -> None:
        docs.extend(read_documents(paths, date=date, lang=lang))
        paths.clear()

    for n, item in enumerate(inputs, start=1):
        if isinstance(item, Document):
            flush()
            docs.append(item)
        elif isinstance(item, Path) or _looks_like_path(item):
            paths.append(Path(item))
        else:
            flush()
            if not item.strip():
                raise InputError(f"input {n} is an empty string; give an article's text or a path")
            docs.append(Document(id=f"text-{n}", text=item, lang=lang, date=date))
    flush()
    if not docs:
        raise InputError("no input: give at least one file, folder, JSONL file or text")
    return docs


def _looks_like_path(text: str) -> bool:
    if Path(text).exists():
        return True
    return "\n" not in text and len(text) < 260 and text.endswith((".txt", ".jsonl", "/"))


def extract(
    inputs: Input | Iterable[Input],
    *,
    date: dt.date | str | None = None,
    lang: str = "fr",
    model: str | None = None,
) -> list[Extraction]:
    """Read ``inputs`` and return one :class:`~kg.model.Extraction` per document."""
    from kg.nlp.pipeline import extract_documents, load_pipeline

    documents = _documents(inputs, date, lang)
    nlp = load_pipeline(model, lang)
    return list(extract_documents(documents, nlp))


def build(
    inputs: Input | Iterable[Input],
    *,
    date: dt.date | str | None = None,
    lang: str = "fr",
    model: str | None = None,
) -> BuildResult:
    """Read articles and build their knowledge graph and timeline.

    Args:
        inputs: ``.txt`` paths, folders, ``.jsonl`` corpora, article text as strings, or
            :class:`~kg.model.Document` objects (alone or in a list).
        date: publication date for every document (else JSONL ``date``, else a dateline).
        lang: language of the articles (``fr``).
        model: spaCy model (``fr_core_news_md`` by default, or ``fr_core_news_sm``).

    Example:
        >>> import kg
        >>> r = kg.build("Le Royaume-Uni a rejoint la coalition.", date="2024-02-15")
        >>> sorted(r.graph.nodes)[0]
        'Q145'
    """
    extractions = extract(inputs, date=date, lang=lang, model=model)
    return BuildResult(extractions=extractions, graph=build_graph(extractions))


@dataclass
class BuildResult:
    """Everything one ``kg.build`` produced: extractions, graph, and views of them."""

    extractions: list[Extraction]
    graph: nx.MultiDiGraph
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def timeline_rows(self) -> list[dict[str, Any]]:
        """Timeline rows as plain dicts (``docs/internals.md``), sorted by date."""
        return timeline_rows(self.extractions, self.graph)

    # -- DataFrames -------------------------------------------------------------------
    @property
    def entities(self) -> pd.DataFrame:
        """One row per canonical entity (id, label, type, wikidata, aliases, docs, …)."""
        import pandas as pd

        from kg.export.tables import ENTITY_FIELDS, entity_rows

        return pd.DataFrame(entity_rows(self.graph), columns=list(ENTITY_FIELDS))

    @property
    def relations(self) -> pd.DataFrame:
        """One row per fact and evidence sentence (predicate, modality, date, sentence…)."""
        import pandas as pd

        from kg.export.tables import RELATION_FIELDS, relation_rows

        return pd.DataFrame(relation_rows(self.graph), columns=list(RELATION_FIELDS))

    @property
    def timeline(self) -> pd.DataFrame:
        """One row per dated sentence or fact, sorted by start date."""
        import pandas as pd

        from kg.timeline import TIMELINE_FIELDS

        return pd.DataFrame(self.timeline_rows, columns=list(TIMELINE_FIELDS))

    # -- RDF --------------------------------------------------------------------------
    def rdf(self) -> rdflib.Dataset:
        """The graph as an rdflib Dataset (one named graph per document)."""
        from kg.export.rdf import to_rdf

        return to_rdf(self.graph)

    def query(self, sparql: str) -> pd.DataFrame:
        """Run a SPARQL query over the graph in an embedded Oxigraph store."""
        import pandas as pd

        from kg.store import query_graph

        variables, rows = query_graph(self.graph, sparql)
        return pd.DataFrame(rows, columns=variables)

    # -- files ------------------------------------------------------------------------
    def save(self, out: str | Path) -> dict[str, Path]:
        """Write every output into ``out`` atomically and return their paths.

        All files are first written into a staging folder next to ``out``; only when all
        succeeded are they moved into place, so a failed run leaves earlier outputs intact.
        """
        out = Path(out)
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} exists and is not a folder; choose another --out")
        try:
            out.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=out))
        except OSError as e:
            raise ExportError(f"cannot create {out}: {e.strerror}; check permissions") from None
        try:
            self._write_all(staging)
            written = {}
            for name in OUTPUTS:
                (staging / name).replace(out / name)
                written[name] = out / name
            return written
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _write_all(self, folder: Path) -> None:
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
        from kg.export.timeline_html import write_timeline_html
        from kg.timeline import timeline_csv, timelinejs

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
        write_html(self.graph, folder / "graph.html", timeline=rows)
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

    def _repr_html_(self) -> str:
        from html import escape

        counts = self.summary()
        top = sorted(
            self.graph.nodes(data=True), key=lambda nd: (-self.graph.degree(nd[0]), nd[0])
        )[:8]
        items = "".join(
            f"<li>{escape(d['label'])} <small>({escape(d['type'])}, "
            f"{self.graph.degree(n)} links)</small></li>"
            for n, d in top
        )
        figures = ", ".join(f"{v} {k}" for k, v in counts.items())
        return f"<div><b>kg result</b>: {escape(figures)}<ul>{items}</ul></div>"


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
