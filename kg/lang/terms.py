"""What kg's terms and facts read like to a reader: names of types, relations and modalities,
facts as sentences ("Suède devrait rejoindre OTAN"), dates in words ("les années 1970").

Why these sources: a term's name in a language is part of the ontology (``rdfs:label`` with a
language tag in ``ontology/*.ttl``), so the page, the notebooks and an RDF browser all call a
relation the same thing, and a new predicate or event role is named where it is declared. How a
fact reads as a sentence is grammar, so it lives with the language: ``kg/lang/<lang>/phrases.json``
(one verb phrase per predicate and modality form). Dates are built from ``ui.json`` patterns and
the month names of ``times.json``. Generic code here holds no word of any language.

>>> term_label("joins", "fr"), term_label("Country", "fr"), term_label("expected", "fr")
('rejoint', 'Pays', 'attendu')
>>> fact_sentence("Suède", "joins", "expected", "OTAN", {}, "fr")
'Suède devrait rejoindre OTAN'
>>> verb_phrase("pledgesTo", "asserted", {"quantity": 1000000, "item": "drones"}, "fr")
'a promis 1\u202f000\u202f000 drones à'
>>> when_words({"value": "197", "start": "1970-01-01", "end": "1979-12-31",
...             "granularity": "decade"}, "fr")
'les années 1970'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kg.errors import ModelError
from kg.lang import load_data
from kg.lang.i18n import month_names, ui_strings

__all__ = [
    "day_words",
    "fact_sentence",
    "number_words",
    "term_label",
    "term_labels",
    "verb_phrase",
    "when_words",
]

#: The ontology files kg ships (kg/ontology is the repository's ontology/ folder).
_ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
_SEASON = re.compile(r"^\d{4}-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^\d{4}-Q([1-4])$")


@cache
def term_labels(lang: str) -> Mapping[str, str]:
    """Local name -> ``rdfs:label`` in ``lang`` of every kg term the ontology files declare.

    Read once per process from ``ontology/*.ttl`` (shapes excluded), so a term added to the
    ontology with its labels is shown by its name without touching any code.
    """
    from rdflib import Graph, Literal
    from rdflib.namespace import RDFS

    from kg.vocab import KG_NS

    graph = Graph()
    for path in sorted(_ONTOLOGY.glob("*.ttl")):
        if path.name != "shapes.ttl":
            graph.parse(path, format="turtle")
    labels: dict[str, str] = {}
    for subject, label in sorted(graph.subject_objects(RDFS.label)):
        if isinstance(label, Literal) and label.language == lang:
            name = str(subject)
            if name.startswith(KG_NS):
                labels[name[len(KG_NS) :]] = str(label)
    return MappingProxyType(labels)


def term_label(name: str, lang: str) -> str:
    """The reader's name of a kg term (a type, predicate, modality or qualifier).

    A snake_case qualifier (``source_affiliation``) is looked up as the ontology spells it
    (``sourceAffiliation``); a term the ontology does not name keeps its own name.
    """
    labels = term_labels(lang)
    if name in labels:
        return labels[name]
    head, *rest = name.split("_")
    return labels.get(head + "".join(part.capitalize() for part in rest), name)


def number_words(value: Any, lang: str) -> str:
    """A quantity as readers write it (thousands grouped with the language's separator)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    sep = ui_strings(lang)["common.thousands_separator"]
    return f"{value:,}".replace(",", sep) if isinstance(value, int) else str(value)


def _phrases(lang: str) -> Mapping[str, Any]:
    data = load_data(lang, "phrases")
    for key in ("sentence", "what", "fallback", "modalities", "predicates"):
        if key not in data:
            raise ModelError(f"kg/lang/{lang}/phrases.json: add the {key!r} entry")
    return data


def _fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with its ``{name}`` fields filled, missing ones left out, spaces tidied."""
    text = re.sub(r"\{(\w+)\}", lambda m: str(values.get(m[1], "")), template)
    return re.sub(r" {2,}", " ", text).strip(" ")


def verb_phrase(
    predicate: str, modality: str, attributes: Mapping[str, Any] | None, lang: str
) -> str:
    """The fact's verb in its modality: "devrait rejoindre", "a promis 1 000 drones à".

    A predicate without forms in ``phrases.json`` reads as its label and its modality's
    label, so a new predicate or role is readable before anyone writes its grammar.
    """
    data = _phrases(lang)
    attributes = attributes or {}
    forms = data["predicates"].get(predicate)
    pattern = data["modalities"].get(modality)
    if forms is None or pattern is None:
        return _fill(
            data["fallback"],
            {"label": term_label(predicate, lang), "modality": term_label(modality, lang)},
        )
    what = ""
    if "quantity" in attributes or "item" in attributes:
        what = _fill(
            data["what"],
            {
                "quantity": number_words(attributes.get("quantity", ""), lang),
                "item": attributes.get("item", ""),
            },
        )
    verb = _fill(pattern, {name: _fill(form, {"what": what}) for name, form in forms.items()})
    return verb


def fact_sentence(
    subject: str,
    predicate: str,
    modality: str,
    obj: str,
    attributes: Mapping[str, Any] | None,
    lang: str,
) -> str:
    """One fact as a sentence: "Royaume-Uni a promis 1 000 000 drones à Ukraine"."""
    verb = verb_phrase(predicate, modality, attributes, lang)
    return _fill(_phrases(lang)["sentence"], {"subject": subject, "verb": verb, "object": obj})


def _iso(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def day_words(day: dt.date, lang: str) -> str:
    """A day as readers write it ("1er mars 2024": the first of the month has its own form)."""
    ui = ui_strings(lang)
    number = ui["common.first_day"] if day.day == 1 else day.day
    month = month_names(lang)[day.month - 1]
    return ui.format("common.long_date", day=number, month=month, year=day.year)


def when_words(time: Mapping[str, Any] | None, lang: str) -> str:
    """When a fact or row happened, in words, never as a TIMEX code.

    A value with calendar bounds reads by its granularity ("février 2024", "semaine du
    12 février 2024", "les années 1970"); the expression the article used follows in
    quotes when there is one ("15 février 2024 (« jeudi »)"); a value with no place on the
    calendar (a duration, "dans les prochaines semaines") reads as the article wrote it. A
    date guessed from the article's date says so.
    """
    ui = ui_strings(lang)
    time = time or {}
    start, end = _iso(time.get("start")), _iso(time.get("end"))
    text = re.sub(r"\s+", " ", str(time.get("text") or "")).strip()
    if start is None:
        return ui.format("when.as_written", text=text) if text else ui["common.undated"]
    end = end or start
    words = _calendar_words(str(time.get("value") or ""), start, end, time.get("granularity"), lang)
    if text and not _says_nothing_more(text, words):
        words = ui.format("when.with_text", date=words, text=text)
    if time.get("inferred"):
        words = ui.format("when.inferred", date=words)
    return words


def _calendar_words(value: str, start: dt.date, end: dt.date, granularity: Any, lang: str) -> str:
    ui = ui_strings(lang)
    months = month_names(lang)
    if start == end:
        return day_words(start, lang)
    if granularity == "week":
        return ui.format("when.week", date=day_words(start, lang))
    if granularity == "month" or (granularity != "season" and _whole_month(start, end)):
        return ui.format("common.month_year", month=months[start.month - 1], year=start.year)
    if granularity == "season" and (m := _SEASON.match(value)):
        return ui.format("when.season", season=ui[f"season.{m[1]}"], year=start.year)
    if granularity == "quarter" and (m := _QUARTER.match(value)):
        return ui.format(f"when.quarter_{m[1]}", year=start.year)
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if (granularity == "year" or whole_year) and start.year == end.year:
        return ui.format("when.year", year=start.year)
    if granularity == "decade":
        return ui.format("when.decade", decade=start.year)
    if granularity == "century":
        return ui.format("when.century", century=start.year // 100 + 1)
    return ui.format("when.range", start=day_words(start, lang), end=day_words(end, lang))


def _says_nothing_more(text: str, words: str) -> bool:
    """Whether the article's expression only repeats the date ("en février" for February)."""
    known = set(re.findall(r"\w+", words.casefold()))
    return all(w in known for w in re.findall(r"\w{3,}", text.casefold()))


def _whole_month(start: dt.date, end: dt.date) -> bool:
    following = (end + dt.timedelta(days=1)).day == 1
    return (start.year, start.month) == (end.year, end.month) and start.day == 1 and following
