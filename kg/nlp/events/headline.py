"""An event's headline, "who did what to whom, where", written from its structure.

Why not the sentence cut short: "Samedi soir, une voiture a percuté un arbre à Quimper,
faisant deux morts…" cut at fourteen words loses the toll and keeps the clock; the record
already knows the parties, the verb group, the place and the quantities. The words that
join them (and, with, dead, injured) are language data (``headline_words``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Token

from kg.nlp import ud

__all__ = ["event_headline", "verb_group"]


def verb_group(verb: Token) -> str:
    """The verb as conjugated in the text, with its auxiliaries, reflexive pronoun and negation.

    "n'a pas signé", "s'est entretenu": a headline that drops the "se" misreads the verb.
    """
    parts = [
        c
        for c in verb.children
        if c.i < verb.i
        and (
            c.dep_.startswith(ud.AUX)
            or (c.dep_.startswith(ud.EXPL) and c.dep_ != ud.EXPL_SUBJ)  # "se", not "il"
            or c.dep_ == ud.ADVMOD_NEG
        )
    ]
    parts += [c for c in verb.children if c.i > verb.i and c.dep_ == ud.ADVMOD_NEG]
    parts.append(verb)
    if verb.dep_ == ud.XCOMP and "Inf" in verb.morph.get("VerbForm"):
        # "devraient signer": the governing verb carries the modality.
        head = verb.head
        parts.append(head)
        parts += [c for c in head.children if c.i < head.i and c.dep_ == ud.ADVMOD_NEG]
    words = [t.text for t in sorted(parts, key=lambda t: t.i)]
    return " ".join(words).replace("' ", "'").replace("’ ", "’")


def _names(keys: Sequence[str], names: Mapping[str, str], joiner: str) -> str:
    shown = [names.get(k, k) for k in keys]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" {joiner} " + shown[-1]


def event_headline(
    *,
    trigger: Token,
    passive: bool,
    noun: str | None,
    actors: Sequence[str],
    targets: Sequence[str],
    participants: Sequence[str],
    place: str | None,
    quantities: Mapping[str, int],
    names: Mapping[str, str],
    words: Mapping[str, Any],
) -> str:
    """ "une voiture a percuté …" becomes "percuté (Quimper), 2 morts, 3 blessés";
    "la France a critiqué la Russie" becomes "France a critiqué Russie"."""
    joiner = words["and"]
    actor = _names(actors, names, joiner)
    target = _names(targets, names, joiner)
    own = (noun or "").casefold()
    with_ = _names(
        [p for p in participants if names.get(p, p).casefold() not in own], names, joiner
    )
    if noun is None and passive:
        by = f"{words['by']} {actor}" if actor else ""
        head = " ".join(p for p in (target, verb_group(trigger), by) if p)
    elif noun is None:
        if not target and with_ and any(c.dep_ == ud.OBJ for c in trigger.children):
            # "X a rencontré Y": the verb's own object is its partner, not "avec Y"
            target, with_ = with_, ""
        head = " ".join(p for p in (actor, verb_group(trigger), target) if p)
    else:
        head = f"{actor} : {noun}" if actor else noun
        if target:
            head += f" ({target})" if not place else f" — {target}"
    if with_:
        head += f" {words['with']} {with_}"
    if place:
        head += f" ({names.get(place, place)})"
    for kind in ("dead", "injured", "size"):
        value = quantities.get(kind)
        if value:
            singular, plural = words[kind]
            head += f", {value} {singular if value == 1 else plural}"
    return head[:1].upper() + head[1:]
