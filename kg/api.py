"""The Python entry point: ``kg.build(inputs)`` returns everything kg read, ready to explore.

Why a result object: notebooks want DataFrames, the networkx graph, RDF, SPARQL and inline
views from one call, while the CLI wants the same files written atomically. Both build
through :mod:`kg.build` (the one build path) and write through
:func:`kg.export.outputs.write_outputs`. The object only holds data (extractions, graph,
documents); every view is computed on demand by the modules that own it (:mod:`kg.export`,
:mod:`kg.timeline`, :mod:`kg.notebook`).

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.build import BuildOptions, Corpus, CorpusRun, build_corpus, extract_corpus
from kg.build.inputs import Input
from kg.dataframes import DataFrameViews
from kg.export.outputs import OUTPUTS, write_outputs
from kg.model import Document, Extraction
from kg.notebook import GRAPH_HEIGHT, TIMELINE_HEIGHT
from kg.timeline import timeline_rows

if TYPE_CHECKING:
    import pandas as pd
    import rdflib

    from kg.notebook import InlineHTML

__all__ = ["OUTPUTS", "BuildResult", "build", "extract"]


def extract(
    inputs: Input | Iterable[Input],
    *,
    date: dt.date | str | None = None,
    lang: str | None = None,
    model: str | None = None,
    progress: bool | None = None,
) -> list[Extraction]:
    """Read ``inputs`` and return one :class:`~kg.model.Extraction` per document.

    Arguments are those of :func:`build`; the extractions are those of each document
    alone, before entities are resolved across documents.

    Example:
        >>> [x.id for x in extract(["Le Royaume-Uni a rejoint l'OTAN.", "La Lettonie aussi."])]
        ['text-1', 'text-2']
    """
    options = BuildOptions(date=date, lang=lang or "fr", model=model, progress=progress)
    corpus = Corpus.from_inputs(
        inputs, date=options.date, lang=options.lang, check_language=lang is None
    )
    return extract_corpus(corpus, options).extractions


def build(
    inputs: Input | Iterable[Input],
    *,
    date: dt.date | str | None = None,
    lang: str | None = None,
    model: str | None = None,
    progress: bool | None = None,
) -> BuildResult:
    """Read articles and build their knowledge graph and timeline.

    A thin call into :mod:`kg.build`, the path ``kg build`` takes too, parsing in this
    process and keeping the extractions in memory.

    Args:
        inputs: ``.txt`` paths, folders, ``.jsonl`` corpora (``{"id", "text", "date"?}`` per
            line), article text as strings, or :class:`~kg.model.Document` objects, alone
            or in a list. A string that names an existing file or ends in ``.txt``,
            ``.jsonl`` or ``/`` is a path; any other string is an article's text.
        date: publication date for every document, ``"2024-02-15"`` or a ``datetime.date``
            (else the JSONL ``date``, else a dateline such as "Paris, 3 mars 2024").
        lang: language of the articles (``fr`` when not given). Not given, documents that
            do not look like French (:mod:`kg.lang.detect`) are skipped with a warning;
            given, every document is read as that language.
        model: spaCy model (``fr_core_news_md`` by default, or ``fr_core_news_sm``).
        progress: draw a progress bar over the documents (a widget in Jupyter, text in a
            terminal). None (default) draws one only when the ``kg`` logger is at INFO.

    Returns:
        A :class:`BuildResult`.

    Raises:
        InputError: a missing, empty or unreadable input, an invalid date, or an unknown
            language.
        ModelError: a model that is unknown or not installed.

    Example:
        >>> import kg
        >>> r = kg.build("Le Royaume-Uni a rejoint la coalition.", date="2024-02-15")
        >>> sorted(r.graph.nodes)[0]
        'Q145'
    """
    options = BuildOptions(date=date, lang=lang or "fr", model=model, progress=progress)
    corpus = Corpus.from_inputs(
        inputs, date=options.date, lang=options.lang, check_language=lang is None
    )
    return BuildResult.from_run(build_corpus(corpus, options))


# ----------------------------------------------------------------------------- the result
@dataclass(repr=False)
class BuildResult(DataFrameViews):
    """Everything one :func:`build` produced: extractions, graph, and views of them.

    Attributes:
        extractions: one :class:`~kg.model.Extraction` per document, in input order.
        graph: the merged ``networkx.MultiDiGraph`` (contract in ``docs/internals.md``).
        documents: the documents as read (ids, texts, dates, provenance, copies), in input
            order; files are read again on first use, so a large corpus costs no memory
            until then.

    DataFrames (:attr:`entities`, :attr:`relations`, :attr:`timeline`, :attr:`mentions`,
    :attr:`provenance`) are rebuilt from the graph on each access, so they reflect edits
    to ``graph``.
    """

    extractions: list[Extraction]
    graph: nx.MultiDiGraph
    documents: Sequence[Document] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_run(cls, run: CorpusRun) -> BuildResult:
        """The result of a finished :func:`kg.build.build_corpus` run (``kg build`` too)."""
        assert run.graph is not None, "build_corpus sets the graph; extract_corpus does not"
        return cls(extractions=run.extractions, graph=run.graph, documents=run.corpus)

    @cached_property
    def timeline_rows(self) -> list[dict[str, Any]]:
        """Timeline rows as plain dicts (``docs/internals.md``), sorted by date."""
        return timeline_rows(self.extractions, self.graph)

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
        self,
        *,
        height: int = GRAPH_HEIGHT,
        max_nodes: int | None = None,
        timeline: bool = True,
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
        return graph_view(
            self.graph, timeline=rows, max_nodes=max_nodes, height=height, lang=self.lang
        )

    def show_timeline(self, *, height: int = TIMELINE_HEIGHT) -> InlineHTML:
        """The timeline, displayed inline like :meth:`show` (the page of ``timeline.html``)."""
        from kg.notebook import timeline_view

        return timeline_view(self.timeline_rows, height=height, lang=self.lang)

    @property
    def lang(self) -> str:
        """The language the views speak: the corpus's most common one, as the saved pages."""
        from kg.export.outputs import interface_lang

        return interface_lang(self.extractions)

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

        The same files as ``kg build`` (:data:`OUTPUTS`), by the same function,
        :func:`kg.export.outputs.write_outputs`: a failed run leaves earlier outputs intact.

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
        return write_outputs(
            out,
            self.extractions,
            self.graph,
            rows=self.timeline_rows,
            max_nodes=max_nodes,
            focus=focus,
            hops=hops,
        )

    # -- summaries --------------------------------------------------------------------
    def summary(self) -> dict[str, int]:
        """Counts of documents, entities, relations, events and dated timeline rows."""
        return {
            "documents": len(self.extractions),
            "entities": self.graph.number_of_nodes(),
            "relations": self.graph.number_of_edges(),
            "events": sum(1 for _, d in self.graph.nodes(data=True) if d.get("event")),
            "dates": len(self.timeline_rows),
        }

    def __repr__(self) -> str:
        counts = ", ".join(f"{v} {k}" for k, v in self.summary().items())
        return f"<kg.BuildResult: {counts}>"

    def _repr_html_(self) -> str:
        """A compact card in notebooks: counts, types, relations and the top entities."""
        from kg.notebook import summary_html

        return summary_html(self.graph, counts=self.summary(), lang=self.lang)
