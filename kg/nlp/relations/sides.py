"""The sides of a fixture named with it: "le match A - B", "la finale opposant A à B".

Why a module of its own: sports and diplomatic news often name a match or a summit by its
sides rather than through a verb with the event as its object ("lors du match Brésil -
Argentine", "le sommet Chine - Afrique", "la demi-finale opposant Lyon à Lille"). No verb
of :mod:`kg.nlp.relations.matches` governs these sides, so the contest rules miss them.
Two constructions, for the gathering events of :class:`kg.nlp.relations.contests.Contests`:

- **dashed**: two names joined by a dash right after the event's words: each took part.
- **opposing**: a participle of ``fixture_verbs`` ("opposant") on the event's head noun,
  a relative clause of it or the verb it is the subject of ("la guerre oppose A à B"; any
  event, a war as well as a match): its object and the ``fixture_cases`` complement ("à B",
  "contre B") took part, and lists give one fact per member
  (:meth:`kg.nlp.syntax.Syntax.mentions_of`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["fixture_facts"]

_PREDICATE = "participatesIn"
#: A city or a nation may stand for its team ("le match Lyon - Lille"); the entity finder
#: types such names as places.
_SIDES = frozenset({"Country", "Organization", "Person", "Place"})
_DASHES = frozenset({"-", "–", "—"})


def fixture_facts(
    syn: Syntax,
    events: Collection[TokenMention],
    verbs: frozenset[str],
    cases: frozenset[str],
    opposed_events: Collection[TokenMention] = (),
) -> Iterator[RelationCandidate]:
    """``participatesIn`` for the sides named with each event of ``events`` (dashed or
    opposed), and with each of ``opposed_events`` (opposed only: "la guerre qui oppose A à
    B" names the sides of a war as well as of a match; a dash after a war is no fixture)."""
    index = syn.index
    doc = syn.doc
    gatherings = set(events)
    for event in sorted(gatherings | set(opposed_events), key=lambda m: (m.start, m.end)):
        if event not in index.roots:
            continue
        head = doc[index.roots[event]]
        sides = _dashed(event, syn) if event in gatherings else []
        for verb in _opposing_verbs(head, verbs):
            sides.extend(_opposed(verb, syn, cases))
        for side in dict.fromkeys(sides):
            if side.key != event.key:
                yield RelationCandidate(side, _PREDICATE, event, head)


def _opposing_verbs(head: Token, verbs: frozenset[str]) -> list[Token]:
    """The fixture verbs whose sides the event ``head`` names: a participle on it ("la
    finale *opposant* A à B"), a relative clause of it ("la guerre *qui oppose* A à B") or
    the verb it is the subject of ("le conflit *oppose* A à B")."""
    found = []
    for child in head.children:
        if fold_lexeme(child.lemma_) not in verbs:
            continue
        relative = child.dep_ == "acl:relcl" and any(
            c.dep_ == ud.NSUBJ and c.pos_ == "PRON" for c in child.children
        )
        if child.dep_ == "acl" or relative:
            found.append(child)
    if head.dep_ == ud.NSUBJ and fold_lexeme(head.head.lemma_) in verbs:
        found.append(head.head)
    # "le projet s'oppose à X" is a stance, not a fixture
    return [v for v in found if not any(c.dep_.startswith("expl") for c in v.children)]


def _starting_at(i: int, syn: Syntax) -> TokenMention | None:
    """The widest mention that starts at token ``i``, if it names a side."""
    if i >= len(syn.doc):
        return None
    mention = syn.index.covering(i)
    while mention is not None and mention.start == i:
        outer = [
            m
            for m in syn.index.mentions
            if m.start == i and m.end > mention.end and m.type == mention.type
        ]
        if not outer:
            break
        mention = outer[0]
    if mention is None or mention.start != i or mention.type not in _SIDES:
        return None
    return mention


def _dashed(event: TokenMention, syn: Syntax) -> list[TokenMention]:
    """ "le match *A - B*": two side names joined by a dash right after the event."""
    first = _starting_at(event.end, syn)
    if first is None or first.end >= len(syn.doc) or syn.doc[first.end].text not in _DASHES:
        return []
    second = _starting_at(first.end + 1, syn)
    if second is None or second.key == first.key:
        return []
    return [first, second]


def _opposed(participle: Token, syn: Syntax, cases: frozenset[str]) -> list[TokenMention]:
    """ "opposant A à B", "opposant A et B": the participle's object and its rival."""
    sides: list[TokenMention] = []
    for obj in participle.children:
        if obj.dep_ != ud.OBJ:
            continue
        sides.extend(syn.mentions_of(obj, _SIDES))
        # The parser often hangs "à B" on the object rather than on the participle.
        for rival in obj.children:
            if rival.dep_.startswith(ud.NMOD) and syn.case_of(rival) in cases:
                sides.extend(syn.mentions_of(rival, _SIDES))
    for rival in participle.children:
        if rival.dep_.startswith(ud.OBL) and syn.case_of(rival) in cases:
            sides.extend(syn.mentions_of(rival, _SIDES))
    return sides
