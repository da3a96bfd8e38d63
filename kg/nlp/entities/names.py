"""Reconciling named mentions for ``kg_entities``: which candidate wins, and who is a person.

Why a module of its own: once the three sources (gazetteer, NER, head-noun patterns) have
proposed candidates, choosing among them is a matter of spans and names only, testable
without a pipeline. ``kg.nlp.entities.linker`` calls these functions in this order:

1. :mod:`kg.nlp.entities.event_names` finds event names ("Tour de France", "Euro 2012",
   "Roland-Garros") and drops the places that only name them;
2. :func:`choose` keeps non-overlapping candidates, longest first;
3. :func:`surname_mentions` adds the lone surnames of persons named in full that NER missed;
4. :func:`link_acronyms` joins acronyms to their long forms, :func:`harmonise` gives one
   type per name, :func:`kg.nlp.entities.persons.link_persons` keys persons;
5. :func:`entity_records` turns the keyed candidates into ``kg.model.Entity`` records.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc

from kg.lang import fold as _fold
from kg.lang.gazetteer import Gazetteer, name_fold
from kg.lang.words import Words
from kg.model import Entity, Mention
from kg.nlp.entities.acronyms import acronym_links
from kg.nlp.entities.nominals import MentionCandidate, clean_name
from kg.nlp.extensions import doc_text
from kg.nlp.tokens import ORTH, strings_of

__all__ = [
    "canonical",
    "choose",
    "entity_records",
    "harmonise",
    "inside_sentence",
    "is_alias",
    "link_acronyms",
    "lowercase_repeats",
    "persons_over_patterns",
    "surname_mentions",
]

_PLACE_TYPES = {"Place", "Country"}


def choose(
    doc: Doc,
    gaz: list[MentionCandidate],
    ner: list[MentionCandidate],
    patterns: list[MentionCandidate],
    words: Words,
) -> list[MentionCandidate]:
    """Non-overlapping mentions: longest first; on equal extent gazetteer, pattern, NER.

    A span that strictly contains gazetteer names only wins when it reads as one name
    ("Gendarmerie royale du Canada"), not as a list ("France et Allemagne") or a clause,
    and a lower-case head noun does not swallow a known organisation ("la police de l'EI");
    a quoted name is one name whatever its words ("l'organisation « Pékin Avenir »"), and
    so is a candidate marked ``whole`` (a department named by its portfolios: "Pêches et
    Océans Canada").
    """
    gaz_at = {i: g for g in gaz for i in range(g.start, g.end)}
    pool = list(gaz)
    for c in [*patterns, *ner]:
        inside = {id(g): g for i in range(c.start, c.end) if (g := gaz_at.get(i))}.values()
        if inside and (
            any(g.start < c.start or g.end > c.end for g in inside)
            or any((g.start, g.end) == (c.start, c.end) for g in inside)
            or not (
                c.extras.get("quoted") or c.extras.get("whole") or _reads_as_one_name(doc, c, words)
            )
            or (
                c.extras.get("src") == "pattern"
                and doc[c.start].is_lower
                and any(g.type == "Organization" for g in inside)
            )
        ):
            continue  # "la police de l'*EI*", "le syndicat de la *SNCF*": the known one
        pool.append(c)
    rank = {"gaz": 0, "pattern": 1, "ner": 2, "title": 3}
    pool.sort(key=lambda c: (c.start - c.end, rank.get(c.extras.get("src", ""), 4), c.start))
    taken: set[int] = set()
    chosen: list[MentionCandidate] = []
    for c in pool:
        span = range(c.start, c.end)
        if taken.isdisjoint(span):
            taken.update(span)
            chosen.append(c)
    return chosen


def persons_over_patterns(
    doc: Doc,
    patterns: list[MentionCandidate],
    ner: list[MentionCandidate],
    first_names: frozenset[str],
) -> list[MentionCandidate]:
    """Patterns without those that take a person NER found for an organisation.

    A head-noun pattern reads "Marine Le Pen" as the navy and "l'équipe Carlos Ortiz" as a
    team; when NER reads the same words as a person and they open on a common first name,
    the person is the reading (a quoted name stays a name).
    """
    persons = {
        (c.start, c.end)
        for c in ner
        if c.type == "Person" and doc[c.start].text in first_names and c.end - c.start > 1
    }
    return [
        p
        for p in patterns
        if p.extras.get("quoted") or p.type != "Organization" or (p.start, p.end) not in persons
    ]


def _reads_as_one_name(doc: Doc, cand: MentionCandidate, words: Words) -> bool:
    """No coordination, clause or list inside; a person's words are all capitalised."""
    for token in doc[cand.start : cand.end]:
        if token.lower_ in words["name_breakers"] or (
            token.pos_ in ("VERB", "AUX") and not token.text[:1].isupper()
        ):
            return False  # a capitalised word inside a name is no verb ("mosquée Sidi X")
        if (
            cand.type == "Person"
            and token.is_alpha
            and not token.text[:1].isupper()
            and token.lower_ not in words["name_particles"]
        ):
            return False
    return True


def surname_mentions(
    doc: Doc, cands: list[MentionCandidate], gazetteer: Gazetteer, text: str | None = None
) -> list[MentionCandidate]:
    """Lone surnames NER missed, of persons named in full in the document.

    "Chris Froome … Sagan gagne, Froome garde le maillot": a capitalised word nothing else
    claimed that is the last name of exactly one full-name person is that person. Names
    the gazetteer knows ("Hollande" the country, "Paris") are left alone here.
    """
    surnames: dict[str, set[str]] = {}
    for c in cands:
        if c.type == "Person" and len(c.name.split()) > 1:
            last = c.name.split()[-1]
            if len(last) > 2 and last[:1].isupper():
                surnames.setdefault(last, set()).add(c.name)
    if not surnames:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    found: list[MentionCandidate] = []
    text = doc_text(doc) if text is None else text
    for surname, names in surnames.items():
        if len(names) != 1 or gazetteer.lookup_name(surname) is not None:
            continue
        at = text.find(surname)
        while at >= 0:
            end = at + len(surname)
            span = doc.char_span(at, end)
            at = text.find(surname, end)
            if span is None or len(span) != 1 or span.start in taken:
                continue
            taken.add(span.start)
            found.append(
                MentionCandidate(
                    span.start, span.end, "Person", surname, "name", extras={"src": "ner"}
                )
            )
    return found


def lowercase_repeats(
    doc: Doc, cands: list[MentionCandidate], text: str | None = None
) -> list[MentionCandidate]:
    """Later mentions of a name of several words, written in lower case.

    "la Commission européenne … la commission européenne a répondu": news text often
    repeats an institution's name without its capitals, and then NER misses it. A
    lower-case run of exactly the words of a name found in the document (two words at
    least, so common nouns alone are never taken) is that entity. Persons are left out:
    their names are never written in lower case. These mentions feed the graph and the
    facts, not ``doc.ents`` (``extras["repeat"]``), as WiNER-style gold leaves them out.
    """
    names: dict[str, MentionCandidate] = {}
    for c in cands:
        if c.type != "Person" and c.kind == "name" and c.end - c.start >= 2:
            names.setdefault(c.name.lower(), c)
    if not names:
        return []
    taken = {i for c in cands for i in range(c.start, c.end)}
    lowered = (doc_text(doc) if text is None else text).lower()
    original = doc_text(doc) if text is None else text
    found: list[MentionCandidate] = []
    for low, cand in sorted(names.items()):
        at = lowered.find(low)
        while at >= 0:
            end = at + len(low)
            span = doc.char_span(at, end)
            at = lowered.find(low, end)
            if (
                span is None
                or not original[span.start_char].islower()
                or any(i in taken for i in range(span.start, span.end))
            ):
                continue
            taken.update(range(span.start, span.end))
            found.append(
                MentionCandidate(
                    span.start,
                    span.end,
                    cand.type,
                    cand.name,
                    "name",
                    key=cand.key,
                    wikidata=cand.wikidata,
                    extras={"src": "repeat", "repeat": True},
                )
            )
    return found


def harmonise(cands: list[MentionCandidate]) -> None:
    """One type per name in a document, and surnames of people are people.

    A name that is a person's full name, or a single word that is the surname of exactly
    one person named in full in the document ("François Hollande … Hollande"), is that
    person, whatever NER or a gazetteer *alias* said (a country's own name is never re-read
    as a surname). Other unlinked names take the type NER gave them most often.
    """
    persons = {
        _fold(c.name): c.name for c in cands if c.type == "Person" and len(c.name.split()) > 1
    }
    surnames: dict[str, set[str]] = {}
    for full in persons.values():
        surnames.setdefault(_fold(full.split()[-1]), set()).add(full)
    for c in cands:
        if c.type == "Person" or c.kind != "name":
            continue
        if c.extras.get("src") == "gaz" and not c.extras.get("alias"):
            continue
        surface = c.extras.get("surface", c.name)
        folded = _fold(surface)
        if folded in persons:
            names = {persons[folded]}
        else:
            names = surnames.get(folded, set()) if c.end - c.start == 1 else set()
        if len(names) == 1:
            c.type, c.name, c.key, c.wikidata = "Person", surface, None, None
    votes: dict[str, Counter] = {}
    for c in cands:
        if c.key is None and c.extras.get("src") == "ner":
            votes.setdefault(_fold(c.name), Counter())[c.type] += 1
    for c in cands:
        if c.key is None and c.extras.get("src") == "ner":
            counts = votes[_fold(c.name)]
            c.type = max(counts.items(), key=lambda kv: (kv[1], kv[0] == c.type))[0]


def inside_sentence(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` follows a word of the same sentence (not a full stop or a line)."""
    if i == 0 or doc[i].is_sent_start:
        return False
    prev = doc[i - 1]
    return prev.is_alpha and "\n" not in prev.whitespace_


def is_alias(text: str, entry: Any) -> bool:
    """Whether a gazetteer match used an alias that may also be a surname ("Hollande")."""
    return entry is None or (
        name_fold(text) != name_fold(entry.name) and entry.type != "Organization"
    )


def canonical(group: list[MentionCandidate]) -> MentionCandidate:
    """The candidate whose name represents the entity: named first, then the longest."""
    order = {"name": 0, "nominal": 1, "demonym": 2}
    return min(group, key=lambda c: (order[c.kind], -len(c.name), c.start))


def link_acronyms(doc: Doc, cands: list[MentionCandidate]) -> None:
    """Acronyms defined in parentheses share the key of the name they abbreviate.

    "l'Organisation mondiale de la santé (OMS)" and "NOAA (National Oceanic …)": the
    acronym, and every later use of it in the document, join the long form.
    """
    by_span = {(c.start, c.end): c for c in cands if c.type != "Person"}
    links = acronym_links(doc, by_span)
    if not links:
        return
    forms: dict[str, MentionCandidate] = {}
    for start, end, target in links:
        acronym = doc[start:end].text
        long_form = target if (target.end - target.start) > 1 else by_span.get((start, end))
        if long_form is None:
            continue
        forms.setdefault(acronym, long_form)
    if not forms:
        return
    covered = {i: c for c in cands for i in range(c.start, c.end)}
    # The words as a column: a Token only where an acronym is written.
    for token in (doc[i] for i, text in enumerate(strings_of(doc, ORTH)) if text in forms):
        target = forms[token.text]
        cand = covered.get(token.i)
        if cand is None:
            cand = MentionCandidate(token.i, token.i + 1, target.type, target.name, "name")
            cands.append(cand)
        elif (cand.start, cand.end) != (token.i, token.i + 1) or cand is target:
            continue
        cand.type, cand.name, cand.key = target.type, target.name, target.key
        cand.wikidata = target.wikidata
    cands.sort(key=lambda c: c.start)


def entity_records(doc: Doc, cands: list[MentionCandidate]) -> dict[str, Entity]:
    """One :class:`kg.model.Entity` per key, named by its canonical candidate.

    A demonym ("les autorités *turques*") is no mention of its country: it qualifies
    something else, so it links the country to facts but is not written as a span of it.
    """
    grouped: dict[str, list[MentionCandidate]] = {}
    for c in cands:
        grouped.setdefault(c.key or "", []).append(c)
    entities: dict[str, Entity] = {}
    for key in sorted(grouped):
        group = grouped[key]
        main = canonical(group)
        surfaces = {clean_name(doc[c.start : c.end].text) for c in group if c.kind != "demonym"}
        entities[key] = Entity(
            id=key,
            name=main.name,
            type=main.type,
            wikidata=main.wikidata,
            aliases=tuple(sorted(s for s in surfaces if s and s != main.name)),
            mentions=tuple(
                Mention(
                    doc[c.start].idx,
                    doc[c.end - 1].idx + len(doc[c.end - 1].text),
                    doc[c.start : c.end].text,
                )
                for c in group
                if c.kind != "demonym"
            ),
        )
    return entities
