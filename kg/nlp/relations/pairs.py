"""Two sides on one noun: "le différend entre A et B", "la rencontre entre A, B et C".

Why a module of its own: the ``pair_nouns`` of ``contests`` (relations.json) read a noun's
"entre" complement, not a clause around an event; kg/nlp/relations/contests.py calls it for
each such noun.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.nlp import ud
from kg.nlp.relations.holders import bracketed
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["pair_facts"]

#: The symmetric predicate: every pair of a list meets.
_MEETS = "meetsWith"
_PARTICIPATES = "participatesIn"
_AGENTS = frozenset({"Country", "Organization", "Person"})


def pair_facts(noun: Token, predicate: str, case: str, syn: Syntax) -> Iterator[RelationCandidate]:
    """ "le différend entre A et B": A opposes B (two sides only, in text order); "la
    rencontre entre A, B et C": each pair meets; each side takes part in the noun's event."""
    for child in noun.children:
        if not (child.i > noun.i and child.dep_.startswith(ud.NMOD) and syn.case_of(child) == case):
            continue
        sides = syn.mentions_of(child, _AGENTS)
        # "entre le Japon et la Chine": the parser may hang the second on the noun.
        for conj in noun.children:
            if conj.dep_ == ud.CONJ and conj.i > child.i and syn.case_of(conj) is None:
                sides.extend(syn.mentions_of(conj, _AGENTS))
        sides = sorted(set(sides), key=lambda m: m.start)
        # "entre le député X (UMP) et Y": a name in brackets right after a side
        # qualifies that side; it is no side of its own.
        qualifiers = {b for a in sides if (b := bracketed(a.end, syn)) is not None}
        sides = [m for m in sides if m not in qualifiers]
        # "la guerre entre A et B", "les négociations entre A et B": when the noun is an
        # event of the article, its sides take part in it.
        event = syn.index.at(noun)
        if event is not None and event.type == "Event":
            for side in sides:
                yield RelationCandidate(side, _PARTICIPATES, event, noun)
        if predicate == _MEETS:
            for k, a in enumerate(sides):
                for b in sides[k + 1 :]:
                    yield RelationCandidate(a, predicate, b, noun)
        elif len(sides) == 2:
            yield RelationCandidate(sides[0], predicate, sides[1], noun)
