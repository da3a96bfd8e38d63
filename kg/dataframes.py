"""The DataFrame views of a build: entities, relations, timeline, events, documents, mentions.

Why apart from :mod:`kg.api`: each view is a table shaped for pandas from rows that
:mod:`kg.export.tables`, :mod:`kg.export.events` and :mod:`kg.timeline` compute for the CSV
files too, so notebooks and files agree column for column; :class:`kg.api.BuildResult` only
holds the data and mixes these views in. pandas is imported on first use (the CLI never
needs it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from kg.model import Extraction


class DataFrameViews:
    """DataFrames rebuilt from ``graph`` on each access, so they reflect edits to it."""

    graph: nx.MultiDiGraph
    extractions: list[Extraction]
    timeline_rows: list[dict[str, Any]]

    @property
    def entities(self) -> pd.DataFrame:
        """One row per canonical entity.

        Columns: ``id`` (the node key), ``label``, ``type`` (``Person``, ``Country``…),
        ``wikidata`` (Q-id or None), ``aliases`` and ``docs`` (lists), ``mentions`` (count
        over all documents), ``degree`` (number of relations). Sorted by id.

        Example:
            >>> import kg
            >>> r = kg.build("La Lettonie a rejoint l'OTAN.", date="2024-02-15")
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
            >>> import kg
            >>> r = kg.build("La Lettonie a rejoint l'OTAN.", date="2024-02-15")
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
    def events(self) -> pd.DataFrame:
        """One row per event (what happened, who did it to whom, where, when), PLOVER-shaped.

        Columns are ``events.csv``'s (:data:`kg.export.events.EVENT_FIELDS`): ``id``,
        ``date`` (TIMEX3), ``source``/``target`` (names, lists) and their countries,
        ``event`` (class), ``quad_class``, ``mode``, ``context``, ``location``, ``country``,
        ``dead``/``injured``/``size`` (nullable integers), ``text``, ``eventText``,
        ``headline``, ``modality``, ``document``, ``reports`` (the documents that tell it),
        ``first_reported`` and the entity ids of each role.
        """
        import pandas as pd

        from kg.export.events import EVENT_FIELDS, event_rows

        frame = pd.DataFrame(event_rows(self.graph), columns=list(EVENT_FIELDS))
        for column in ("dead", "injured", "size"):
            frame[column] = pd.array(
                [None if pd.isna(v) else int(v) for v in frame[column]], dtype="Int64"
            )
        return frame

    @property
    def provenance(self) -> pd.DataFrame:
        """One row per document: where its text came from (the ``documents.csv`` table).

        Columns: ``id``, ``title``, ``url``, ``publisher``, ``publishers`` (every outlet
        of the text, copies included), ``author``, ``date`` (publication), ``captured``
        (when the page was saved), ``lang``, ``warc_record_id``, ``raw_sha256``,
        ``text_sha256``, ``copies`` (ids of the copies read once). Sorted by id.
        :attr:`documents` holds the documents themselves (texts and the same fields).
        """
        import pandas as pd

        from kg.export.tables import DOCUMENT_FIELDS, document_rows

        frame = pd.DataFrame(document_rows(self.graph), columns=list(DOCUMENT_FIELDS))
        return frame.astype(object).where(frame.notna(), None)

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
