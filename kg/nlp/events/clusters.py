"""Grouping the triggers that tell one happening into one event (one id, one class).

Why apart from the trigger scan (:mod:`kg.nlp.events.triggers`): finding a trigger reads the
words around one candidate; grouping reads the hits of the whole text in order. A report
usually tells one happening per class, and a French text introduces a new one with an
indefinite article ("un incendie") or a word of contrast ("un autre accident"); later
definite mentions ("l'incendie") and verbs of the same class refer back. Generic nouns
("l'incident", "le drame") always refer to an event already told (or, at the start of a
text, to the next one); an infinitive of purpose joins the event it is the aim of.
"""

from __future__ import annotations

from collections.abc import Mapping

from kg.nlp.events.triggers import EventCluster, TriggerHit

__all__ = ["cluster_triggers"]


def cluster_triggers(
    hits: list[TriggerHit],
    window: int,
    verbal: frozenset[str] = frozenset(),
    planned: frozenset[str] = frozenset(),
    aims: Mapping[str, str] | None = None,
    aim_hosts: frozenset[str] = frozenset(),
    kindred: Mapping[str, frozenset[str]] | None = None,
) -> list[EventCluster]:
    """Group hits into happenings (see the module docstring); generic-only groups vanish.

    ``verbal``: classes a weak word never joins ("l'explosion" is part of an attack or an
    accident told before, never of an inquiry or a statement about it). A mishap word
    ("l'incident", "le drame") joins neither those nor the ``planned`` classes: "un incident
    s'est produit pendant la conférence" tells something that befell the conference.
    """
    closed = verbal | planned
    clusters: list[EventCluster] = []
    pending: list[TriggerHit] = []  # generic nouns before any event
    for hit in hits:
        cls = hit.entry.cls
        if cls is None:
            if hit.entry.mishap:
                target = _latest(clusters, hit, window, closed)
            else:  # "l'événement" names an organised happening sooner than a mishap
                target = _latest(clusters, hit, window, frozenset(), prefer=planned)
            if target is not None:
                target.hits.append(hit)
            else:
                pending.append(hit)
            continue
        if hit.governor is not None and _join_aim(clusters, hit, aims or {}, aim_hosts, window):
            continue
        target = None if hit.distinct else _same_class(clusters, hit, verbal, planned)
        if target is None and hit.demonstrative and not hit.distinct:
            target = _kindred(clusters, hit, (kindred or {}).get(cls, frozenset()), window)
        if target is None and hit.joins_only:
            continue
        if (
            target is not None
            and hit.entry.verb
            and hit.sentence - target.hits[-1].sentence > window
        ):
            target = None  # a verb far from the last mention tells a happening of its own
        if (
            target is not None
            and hit.indefinite
            and not _verbs_only_nearby(target, hit)
            and target.hits[-1].sentence != hit.sentence  # "une fuite … a provoqué une explosion"
        ):
            target = None
        if target is None:
            target = EventCluster()
            clusters.append(target)
            kept: list[TriggerHit] = []
            for waiting in pending:
                if waiting.entry.mishap and cls in closed:
                    kept.append(waiting)  # waits for the mishap it names
                elif hit.sentence - waiting.sentence <= window:
                    target.hits.append(waiting)
            pending = kept
        target.hits.append(hit)
    for c in clusters:
        c.hits.sort(key=lambda h: h.start)
    return [c for c in clusters if any(h.entry.cls for h in c.hits)]


def _join_aim(
    clusters: list[EventCluster],
    hit: TriggerHit,
    aims: Mapping[str, str],
    hosts: frozenset[str],
    window: int,
) -> bool:
    """A purpose joins the event it is the aim of when of its class ("descendus dans la rue
    pour manifester") or when it makes a gathering a protest ("rassemblés pour protester");
    the aim of another happening ("ont brûlé des pneus pour protester") stays apart. A
    gathering told by its verb alone that so becomes a protest is the protest just told
    ("une manifestation … les salariés se sont mobilisés pour dénoncer …")."""
    at = hit.governor
    governing = (
        next((c for c in reversed(clusters) if any(h.start <= at < h.end for h in c.hits)), None)
        if at is not None
        else None
    )
    if governing is None:
        return False
    cls = hit.entry.cls or ""
    if governing.cls != cls:
        if cls not in aims or governing.cls not in hosts:
            return False
        governing.aim, governing.aim_at = aims[cls], at
        told = next(
            (c for c in reversed(clusters) if c is not governing and c.cls == aims[cls]), None
        )
        if (
            told is not None
            and len(governing.hits) == 1
            and governing.hits[0].entry.verb
            and hit.sentence - told.hits[-1].sentence <= window
        ):
            clusters.remove(governing)
            told.aim, told.aim_at = aims[cls], told.main.head
            told.hits.extend(governing.hits)
            governing = told
    governing.hits.append(hit)
    return True


def _latest(
    clusters: list[EventCluster],
    hit: TriggerHit,
    window: int,
    closed: frozenset[str],
    prefer: frozenset[str] = frozenset(),
) -> EventCluster | None:
    """The group told last before ``hit`` (within ``window`` sentences), of an open class;
    of a ``prefer`` class when one is that near."""
    near = [c for c in clusters if c.cls in prefer and hit.sentence - c.hits[-1].sentence <= window]
    if near:
        return max(near, key=lambda c: c.hits[-1].start)
    open_ = [c for c in clusters if c.cls not in closed]
    if not open_:
        return None
    last = max(open_, key=lambda c: c.hits[-1].start)
    return last if hit.sentence - last.hits[-1].sentence <= window else None


def _same_class(
    clusters: list[EventCluster],
    hit: TriggerHit,
    verbal: frozenset[str],
    planned: frozenset[str] = frozenset(),
) -> EventCluster | None:
    """The latest group this hit can join: same class, or a weak word on either side, but
    never across an organised happening ("une explosion pendant la séance" is no séance)."""
    for c in reversed(clusters):
        if hit.host is not None and any(h.host == hit.host for h in c.hits):
            return c
        if any(h.host is not None for h in c.hits) and hit.host is not None:
            continue  # two named events ("le sommet de Rome", "le sommet de Paris")
        cls = c.cls
        if cls == hit.entry.cls:
            return c
        if cls in verbal or hit.entry.cls in verbal:
            continue
        if (cls in planned and not _all_weak(c)) or (
            hit.entry.cls in planned and not hit.entry.weak
        ):
            continue  # a weak word names no organised happening ("la fête", "le spectacle")
        if hit.entry.weak or _all_weak(c):
            return c
    return None


def _kindred(
    clusters: list[EventCluster], hit: TriggerHit, classes: frozenset[str], window: int
) -> EventCluster | None:
    """ "une réunion des ministres … *cette rencontre*": a demonstrative points back to the
    latest event of a kindred class told within ``window`` sentences."""
    near = [
        c for c in clusters if c.cls in classes and hit.sentence - c.hits[-1].sentence <= window
    ]
    return max(near, key=lambda c: c.hits[-1].start) if near else None


def _all_weak(cluster: EventCluster) -> bool:
    return all(h.entry.weak for h in cluster.hits if h.entry.cls)


def _verbs_only_nearby(cluster: EventCluster, hit: TriggerHit) -> bool:
    """ "Une voiture a percuté un arbre : un accident …": a noun naming a verb just told."""
    told = [h for h in cluster.hits if h.entry.cls]
    return all(h.entry.verb for h in told) and hit.sentence - told[-1].sentence <= 1
