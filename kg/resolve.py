"""Canonical entities over a corpus: one key per real thing across documents.

Why a stage of its own: ``kg_entities`` sees one document at a time, so "Zelensky" in one
article and "Volodymyr Zelenskyy" in another get different keys, and so do "NOAA" and
"National Oceanic and Atmospheric Administration". This stage merges them with rules that
need evidence, because a wrong merge silently joins two people in the graph (the rules and
their reasons are in ``docs/decisions/0003-entity-resolution.md``):

1. Person names with the same *phonetic key* merge: transliteration variants of the same
   first name and surname ("Volodymyr Zelensky" / "Volodymyr Zelenskyy", "Mykhaïlo
   Fedorov" / "Mykhaïlo Fiodorov").
2. A full name whose first name is only an initial or a prefix of another's ("V. Zelensky")
   merges when the two share a co-occurring entity.
3. A surname alone ("Zelensky" in a document with no full name) joins the one full-name
   person with that surname in the corpus, only when exactly one exists and the two
   share a co-occurring entity.
4. An acronym joins its long form: an entity named "NOAA" joins the one entity of the same
   type whose aliases include "NOAA" or whose initials spell it.

Every comparison happens inside a block (folded surname key, acronym), so the cost is
linear in the number of entities plus the size of the blocks. Wikidata Q-ids win as
canonical keys; otherwise the fullest name's key. The output is deterministic.

>>> from kg.model import Entity, Extraction
>>> def doc(id_, name):
...     return Extraction(id_, "fr", None, (Entity(f"person:{id_}", name, "Person"),))
>>> out = resolve([doc("a", "Volodymyr Zelensky"), doc("b", "Volodymyr Zelenskyy")])
>>> [e.id for x in out for e in x.entities]
['person:a', 'person:a']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from kg.lang import languages
from kg.lang.words import load_words
from kg.model import Entity, Event, Extraction, Relation

__all__ = ["phonetic_key", "resolve", "rewrite_extraction"]

_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Z0-9&]{1,7}$")


@cache
def _acronym_skip() -> frozenset[str]:
    """Words left out when spelling an acronym ("Organisation *mondiale* …"), every language."""
    return frozenset().union(*(load_words(lang)["acronym_skip"] for lang in languages()))


@cache
def _phonetic_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Spelling variants of transliterated names, applied in order on folded text.

    Corpus-level: names arrive from articles of any language kg ships, so the rules of every
    language apply, in the order of :func:`kg.lang.languages`.
    """
    rules = (rule for lang in languages() for rule in load_words(lang)["transliteration_rules"])
    return tuple((re.compile(pattern), repl) for pattern, repl in rules)


def _fold(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in norm if not unicodedata.combining(c)).casefold()


def phonetic_key(word: str) -> str:
    """A spelling-tolerant key for one name word: transliterations meet.

    >>> {phonetic_key(w) for w in ("Zelensky", "Zelenskyy", "Zelenski", "Zelenskiy")}
    {'zelenski'}
    >>> phonetic_key("Fiodorov") == phonetic_key("Fedorov")
    True
    >>> phonetic_key("Scholz") == phonetic_key("Schulz")
    False
    """
    key = _fold(word)
    for pattern, repl in _phonetic_rules():
        key = pattern.sub(repl, key)
    return key


def _name_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", name.strip()) if w]


def _first_compatible(a: str, b: str) -> str | None:
    """``"same"`` for equal first-name keys, ``"weak"`` for an initial or prefix, else None."""
    ka, kb = phonetic_key(a), phonetic_key(b)
    if not ka or not kb:
        return None
    if ka == kb:
        return "same"
    if ka[0] != kb[0]:
        return None
    short, long_ = sorted((ka, kb), key=len)
    if len(short) == 1 or (len(short) >= 4 and long_.startswith(short)):
        return "weak"
    return None


def _initials(name: str) -> str:
    words = re.split(r"[\s'’\-]+", _fold(name))
    return "".join(w[0] for w in words if w and w not in _acronym_skip()).upper()


class _Union:
    """Union-find over entity ids that never joins two different Wikidata items."""

    def __init__(self, wikidata: dict[str, str | None]) -> None:
        self.parent: dict[str, str] = {}
        self.qid: dict[str, str | None] = dict(wikidata)

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        qa, qb = self.qid.get(ra), self.qid.get(rb)
        if ra == rb or (qa and qb and qa != qb):
            return
        root, child = min(ra, rb), max(ra, rb)
        self.parent[child] = root
        self.qid[root] = qa or qb


def resolve(extractions: Iterable[Extraction]) -> list[Extraction]:
    """Give every real thing one entity id across ``extractions``.

    Entity ids are rewritten consistently in entities, relations and dated events;
    entities of one document that now share an id are merged (mentions and aliases
    kept), and each takes the cluster's canonical name, its other names becoming aliases.
    Extractions keep their order.
    """
    extractions = list(extractions)
    info = _collect(extractions)
    uf = _Union(info.wikidata)
    _merge_persons(info, uf)
    _merge_acronyms(info, uf)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in sorted(info.names):
        clusters[uf.find(key)].append(key)
    mapping: dict[str, str] = {}
    canonical_name: dict[str, str] = {}
    for members in clusters.values():
        # A linked member (Q-id) names the cluster, else the fullest, most mentioned name.
        best = min(members, key=lambda k: _rank(info, k))
        for k in members:
            mapping[k] = best
        if len(members) > 1:
            canonical_name[best] = _name(info, best)
    return [_rewrite(x, mapping, canonical_name) for x in extractions]


class _Info:
    """Corpus-wide facts about entity ids, gathered in one pass."""

    def __init__(self) -> None:
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.types: dict[str, Counter] = defaultdict(Counter)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.docs: dict[str, set[int]] = defaultdict(set)
        self.wikidata: dict[str, str | None] = {}
        self.mentions: Counter = Counter()
        self.doc_entities: list[set[str]] = []


def _collect(extractions: list[Extraction]) -> _Info:
    info = _Info()
    for n, x in enumerate(extractions):
        keys = set()
        for e in x.entities:
            info.names[e.id][e.name] += max(1, len(e.mentions))
            info.types[e.id][e.type] += 1
            info.aliases[e.id].update(e.aliases)
            info.docs[e.id].add(n)
            info.wikidata[e.id] = info.wikidata.get(e.id) or e.wikidata
            info.mentions[e.id] += len(e.mentions)
            keys.add(e.id)
        info.doc_entities.append(keys)
    return info


def _type(info: _Info, key: str) -> str:
    return info.types[key].most_common(1)[0][0]


def _name(info: _Info, key: str) -> str:
    return max(info.names[key].items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


def _rank(info: _Info, key: str) -> tuple:
    """Sort key of the member that names a cluster (smallest first): linked, then the
    fullest name without initials, the most mentioned, the shortest spelling, the id."""
    name = _name(info, key)
    return (
        not info.wikidata.get(key),
        -len(_name_words(name)),
        any(w.endswith(".") and len(w) <= 3 for w in _name_words(name)),  # "N. Sarkozy"
        -info.mentions[key],
        len(name),
        key,
    )


def _context(info: _Info, key: str, uf: _Union) -> set[str]:
    """Roots of the entities co-occurring with ``key`` in any of its documents."""
    return {uf.find(k) for n in info.docs[key] for k in info.doc_entities[n] if k != key}


def _merge_persons(info: _Info, uf: _Union) -> None:
    full: dict[str, list[tuple[str, str]]] = defaultdict(list)  # surname key -> (key, first)
    single: list[tuple[str, str]] = []
    for key in sorted(info.names):
        if _type(info, key) != "Person" or info.wikidata.get(key):
            continue
        words = _name_words(_name(info, key))
        if len(words) == 1:
            single.append((key, phonetic_key(words[0])))
        elif words:
            full[phonetic_key(words[-1])].append((key, words[0]))
    # Full names within a surname block: transliterations merge, initials need evidence.
    for block in full.values():
        for i, (a, first_a) in enumerate(block):
            for b, first_b in block[i + 1 :]:
                how = _first_compatible(first_a, first_b)
                if how == "same" or (
                    how == "weak" and _context(info, a, uf) & _context(info, b, uf)
                ):
                    uf.union(a, b)
    # A surname alone joins the single full-name person with that surname, with evidence.
    for key, surname in single:
        roots = {uf.find(k) for k, _ in full.get(surname, ())}
        if len(roots) != 1:
            continue
        root = next(iter(roots))
        members = [k for k, _ in full[surname]]
        if any(_context(info, key, uf) & _context(info, m, uf) for m in members):
            uf.union(key, root)


def _merge_acronyms(info: _Info, uf: _Union) -> None:
    long_forms: dict[tuple[str, str], set[str]] = defaultdict(set)  # (acronym, type) -> roots
    short: list[tuple[str, str, str]] = []
    for key in sorted(info.names):
        type_ = _type(info, key)
        if type_ == "Person":
            continue
        name = _name(info, key)
        if _ACRONYM.match(name):
            short.append((key, name, type_))
            continue
        for alias in info.aliases[key]:
            if _ACRONYM.match(alias):
                long_forms[(alias, type_)].add(key)
        if len(_name_words(name)) >= 2:
            long_forms[(_initials(name), type_)].add(key)
    for key, acronym, type_ in short:
        roots = {uf.find(k) for k in long_forms.get((acronym, type_), ())}
        if len(roots) == 1:
            uf.union(key, next(iter(roots)))


def _rewrite(x: Extraction, mapping: dict[str, str], names: dict[str, str]) -> Extraction:
    merged: dict[str, Entity] = {}
    for e in x.entities:
        target = mapping.get(e.id, e.id)
        name = names.get(target) or e.name
        aliases = set(e.aliases) | ({e.name} if e.name != name else set())
        if target in merged:
            prev = merged[target]
            aliases |= set(prev.aliases) | ({prev.name} if prev.name != name else set())
            mentions = tuple(sorted({*prev.mentions, *e.mentions}, key=lambda m: (m.start, m.end)))
            wikidata = prev.wikidata or e.wikidata
            geo = prev.geo or e.geo
        else:
            mentions, wikidata, geo = e.mentions, e.wikidata, e.geo
        merged[target] = replace(
            e,
            id=target,
            name=name,
            wikidata=wikidata,
            geo=geo,
            aliases=tuple(sorted(a for a in aliases if a and a != name)),
            mentions=mentions,
        )
    relations = tuple(
        replace(
            r,
            subject=mapping.get(r.subject, r.subject),
            object=mapping.get(r.object, r.object),
        )
        for r in x.relations
    )
    dated = tuple(
        replace(ev, entities=tuple(sorted({mapping.get(k, k) for k in ev.entities})))
        for ev in x.dated
    )
    return replace(
        x,
        entities=tuple(merged[k] for k in sorted(merged)),
        relations=_dedupe(relations),
        events=tuple(remap_event(ev, mapping) for ev in x.events),
        dated=dated,
    )


def remap_event(event: Event, mapping: dict[str, str]) -> Event:
    """``event`` with its entity ids replaced by their canonical keys (order kept)."""

    def ids(keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(mapping.get(k, k) for k in keys))

    place = mapping.get(event.place, event.place) if event.place else None
    return replace(
        event,
        id=mapping.get(event.id, event.id),
        actors=ids(event.actors),
        targets=ids(event.targets),
        participants=ids(event.participants),
        place=place,
        places=ids(event.places),
        entities=tuple(sorted(set(ids(event.entities)))),
    )


def _dedupe(relations: tuple[Relation, ...]) -> tuple[Relation, ...]:
    """Drop relations made identical by a merge (same fact, same sentence)."""
    seen: list[Relation] = []
    for r in relations:
        if r not in seen:
            seen.append(r)
    return tuple(seen)


def rewrite_extraction(x: Extraction, mapping: dict[str, str]) -> Extraction:
    """``x`` with entity (and event) ids replaced by ``mapping`` (used by event resolution)."""
    return _rewrite(x, mapping, {})
