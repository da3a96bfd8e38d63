"""Who takes part in a gathering named by an occasion phrase ("*lors du sommet*, X a …").

Why a module of its own: it reads from an event up to the clause it sets, not the clause
around a verb of contest; kg/nlp/relations/contests.py calls it with the ``occasion_cues``
and ``occasion_blockers`` of ``contests`` (relations.json).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kg.lang import fold_lexeme
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["occasion_facts"]

_PREDICATE = "participatesIn"
_AGENTS = frozenset({"Country", "Organization", "Person"})
#: How the parser may hang a main clause on a fronted occasion phrase it made the root.
_MAIN_CLAUSE = frozenset({"parataxis", "advcl", "conj"})
#: Dependents that open a clause of their own: an occasion phrase under them is theirs.
_CLAUSAL = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj"})


def occasion_facts(
    syn: Syntax,
    events: set[TokenMention],
    cues: Sequence[tuple[str, ...]],
    blockers: Sequence[str],
) -> Iterator[RelationCandidate]:
    """ "Lors du sommet, X a plaidé pour …": the subject of an active clause took part in
    the gathering its occasion phrase names. Read from each event up to its verb: the
    parser often hangs the event on "lors" (an adverb), and "en marge du sommet" on the
    object ("ont conclu un accord en marge du sommet")."""
    doc = syn.doc
    for event in sorted(events, key=lambda m: (m.start, m.end)):
        if not (syn.cue_before(event.start, cues) and _salient(event, syn, blockers)):
            continue
        token = doc[syn.index.roots[event]]
        climbed = [token]
        for _ in range(4):
            if token.dep_ in _CLAUSAL or token.head.i == token.i:
                break
            token = token.head
            climbed.append(token)
            if token.pos_ == "VERB":
                break
        if token.pos_ != "VERB":  # "Lors de la clôture du sommet, X a …" rooted on "lors"
            main = (c for t in climbed for c in t.children if c.dep_ in _MAIN_CLAUSE)
            token = next((c for c in main if c.pos_ == "VERB" and c.i > event.end), token)
        if token.pos_ != "VERB" or syn.passive(token):
            continue
        for subject in syn.subjects(token):
            for mention in syn.mentions_of(subject, _AGENTS):
                yield RelationCandidate(mention, _PREDICATE, event, token)


def _salient(event: TokenMention, syn: Syntax, blockers: Sequence[str]) -> bool:
    """Whether an occasion is one of the article's events, not a passing setting: named
    ("le sommet *du G20*", a proper noun inside, or a name mention) or told again, and
    never a statement's own setting ("lors d'une conférence de presse", the lexicon's
    ``occasion_blockers``).
    """
    doc = syn.doc
    words = fold_lexeme(doc[event.start : event.end].text)
    if any(words.startswith(b) for b in blockers):
        return False
    # a name the parser did not tag as one ("l'opération Serval": "serval" a noun) is
    # named all the same
    if event.kind == "name" or any(doc[i].pos_ == "PROPN" for i in range(event.start, event.end)):
        return True
    return sum(m.key == event.key for m in syn.index.mentions) > 1
