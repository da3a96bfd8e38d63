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


#: Words of a phrase written as in the text: determiners, numbers, adjectives, names.
_PHRASE_DEPS = frozenset({ud.DET, ud.NUMMOD, ud.AMOD, ud.FLAT, ud.FLAT_NAME, ud.FIXED})
#: Dependents that open a clause of their own: a written phrase stops before them.
_CLAUSE_DEPS = frozenset({ud.ACL, ud.ACL_RELCL, ud.ADVCL, ud.APPOS, ud.CCOMP, ud.PARATAXIS})
#: How long a written phrase may be: a headline names, it does not quote.
_PHRASE_WORDS = 6


def _join(words: Sequence[str]) -> str:
    """Words joined as French is written: no space after an elided article ("l'accord")."""
    text = " ".join(w for w in words if w)
    return text.replace("' ", "'").replace("’ ", "’")


def _phrase_head(token: Token) -> Token:
    """The word that bears a name's function: the first conjunct ("la France, l'Allemagne
    *et l'Italie*"), the title a name is in apposition to ("le président *William Ruto*")."""
    while token.dep_ in (ud.CONJ, ud.APPOS) and token.head.i != token.i:
        token = token.head
    return token


def _determiner(root: Token, name: str) -> str:
    """The determiners written before a name ("la Russie", "l'Allemagne"), unless the name
    already starts with them."""
    dets = [c.text for c in root.children if c.dep_ == ud.DET and c.i < root.i]
    det = _join(dets)
    if not det or name.casefold().startswith(det.casefold()):
        return ""
    return det


def _case(token: Token) -> str:
    """The preposition written before a phrase ("contre", "avec", "aux côtés de")."""
    return _join([c.text for c in token.children if c.dep_ == ud.CASE and c.i < token.i])


def written_phrase(token: Token, kept_cases: frozenset[str] = frozenset()) -> str:
    """A noun phrase as written, kept short: "la fermeture de la mine", "un plan".

    Why not the whole subtree: a relative clause or a long complement is the sentence,
    not a headline; the phrase keeps the determiners and modifiers before the noun, and
    after it stops at a comma, a clause, a complement whose preposition is not one of
    ``kept_cases`` ("trois suspects *à Rennes*": the place is written apart) or its sixth
    word.
    """
    chosen: list[Token] = [token]
    for child in token.children:
        if child.i < token.i:
            if child.dep_ in _PHRASE_DEPS or child.dep_ == ud.NUMMOD:
                chosen += list(child.subtree)
            continue
        if child.is_punct or child.dep_ in _CLAUSE_DEPS:
            break
        cases = [c for c in child.children if c.dep_ == ud.CASE and c.i < child.i]
        if cases and not all(c.text.lower() in kept_cases for c in cases):
            break
        chosen += [t for t in child.subtree if not t.is_punct]
    words = sorted(chosen, key=lambda t: t.i)[:_PHRASE_WORDS]
    while words and words[0].dep_ == ud.CASE:  # "(plus) de 300 manifestants"
        words = words[1:]
    return _join([t.text for t in words])


def _written_subject(verb: Token, kept: frozenset[str]) -> str:
    """The subject as written; for a relative pronoun ("… *qui* a pris feu") or a
    participle on a noun ("un moteur *surchauffé*"), the noun the clause hangs on."""
    subjects = [c for c in verb.children if c.dep_.startswith(ud.NSUBJ)]
    relative = bool(subjects) and "Rel" in subjects[0].morph.get("PronType")
    if (relative or not subjects) and verb.dep_.startswith(ud.ACL) and verb.head.i != verb.i:
        return written_phrase(verb.head, kept)
    return written_phrase(subjects[0], kept) if subjects else ""


def verbal_headline(
    trigger: Token,
    roles: Sequence[tuple[str, Token]],
    names: Mapping[str, str],
    words: Mapping[str, Any],
) -> str | None:
    """ "La Pologne a manifesté contre la Russie", "Le traité a été signé par la Norvège".

    Each role is written where the grammar puts it: subjects before the verb group,
    objects after it, other phrases after it with their preposition, each name with its
    determiner as written; an object or subject that names no entity ("sa démission", "le
    traité") is written as in the text, so a verb never stands without what it governs.
    None when the clause gives no subject at all.
    """
    joiner = words["and"]
    kept = frozenset(words.get("kept_cases", ()))
    before: list[tuple[str, Token]] = []
    after: dict[int, tuple[str, list[tuple[str, Token]]]] = {}
    for key, root in roles:
        head = _phrase_head(root)
        if head.dep_.startswith(ud.NSUBJ) or (head.head.i != trigger.i and root.i < trigger.i):
            before.append((key, root))
            continue
        case = "" if head.dep_ in (ud.OBJ, ud.IOBJ) else _case(head)
        after.setdefault(head.i, (case, []))[1].append((key, root))

    def listed(items: list[tuple[str, Token]]) -> str:
        shown = [_join([_determiner(r, names.get(k, k)), names.get(k, k)]) for k, r in items]
        if len(shown) <= 1:
            return "".join(shown)
        return ", ".join(shown[:-1]) + f" {joiner} " + shown[-1]

    subject = listed(before) or _written_subject(trigger, kept)
    if not subject:
        return None  # "a surchauffé" alone says less than the event's noun
    parts = [subject, verb_group(trigger)]
    governed = set(after)
    objects = [c for c in trigger.children if c.dep_ == ud.OBJ]
    if objects and objects[0].i not in governed:
        parts.append(written_phrase(objects[0], kept))
    parts += [_join([case, listed(items)]) for _, (case, items) in sorted(after.items())]
    return " ".join(p for p in parts if p)


def _names(keys: Sequence[str], names: Mapping[str, str], joiner: str) -> str:
    shown = [names.get(k, k) for k in keys]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" {joiner} " + shown[-1]


def event_headline(
    *,
    trigger: Token,
    roles: Sequence[tuple[str, Token]],
    noun: str,
    verbal: bool,
    actors: Sequence[str],
    targets: Sequence[str],
    participants: Sequence[str],
    place: str | None,
    quantities: Mapping[str, int],
    names: Mapping[str, str],
    words: Mapping[str, Any],
) -> str:
    """ "la France a critiqué la Russie à Genève" becomes "La France a critiqué la Russie
    (Genève)"; an event told by a noun becomes "Incendie (Quimper), 2 morts, 3 blessés".

    ``roles``: the main trigger's role mentions, as (entity key, root token) in text order;
    ``verbal``: the event is told by a verb (its headline is that clause when it has a
    subject, else the event's ``noun``).
    """
    joiner = words["and"]
    actor = _names(actors, names, joiner)
    target = _names(targets, names, joiner)
    own = noun.casefold()
    with_ = _names(
        [p for p in participants if names.get(p, p).casefold() not in own], names, joiner
    )
    written = verbal_headline(trigger, roles, names, words) if verbal else None
    if written is not None:
        head = written
        with_ = ""  # the verb's own phrases carry their prepositions ("avec X")
    else:
        head = f"{actor} : {noun}" if actor else noun
        if target:
            head += f" ({target})" if not place else f" — {target}"
    if with_:
        head += f" {words['with']} {with_}"
    if place and names.get(place, place) not in head:  # "a bombardé la ville de Kharkiv"
        head += f" ({names.get(place, place)})"
    for kind in ("dead", "injured", "size"):
        value = quantities.get(kind)
        if value:
            singular, plural = words[kind]
            head += f", {value} {singular if value == 1 else plural}"
    return head[:1].upper() + head[1:]
