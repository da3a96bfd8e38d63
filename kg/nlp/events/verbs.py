"""Verb triggers: the readings of one verb (its idioms, what it needs around it) and the
verbs that tell no happening of their own (a purpose, a participle describing a thing).

Why apart: a verb may name several events by the noun it takes ("prendre feu", "prendre le
pouvoir", "pris en otage"); each reading is tried in order with its own checks, and the
trigger scan (:mod:`kg.nlp.events.triggers`) only asks which reading holds.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.nlp import ud
from kg.nlp.events.context import blocked, habitual
from kg.nlp.events.lexicon import EventLexicon, TriggerEntry

__all__ = ["idiom_object", "is_person", "verb_reading"]


def verb_reading(
    doc: Doc, i: int, lemma: str, lex: EventLexicon
) -> tuple[TriggerEntry, bool] | None:
    """The first reading of the verb ``lemma`` whose checks pass at token ``i``, and whether
    it only joins an event already told (a purpose, a describing participle)."""
    readings = lex.verbs.get(lemma)
    token = doc[i]
    if not readings or token.dep_.startswith(ud.AUX):
        return None
    if blocked(doc, i, i + 1, lex):
        return None  # "élu *le plus* combatif", "sans rien lâcher"
    if _unreal(token, lex):
        return None
    for entry in readings:
        if _verb_reading(token, entry, lex):
            joins_only = _purpose(token, lex) or (
                entry.cls in lex.party_classes and _describing(token, lex)
            )
            return entry, joins_only
    return None


def _purpose(token: Token, lex: EventLexicon) -> bool:
    """ "ils sont venus *pour protester*": an infinitive of purpose tells an aim, not a
    happening (the gathering it is the aim of is the event)."""
    if "Inf" not in token.morph.get("VerbForm"):
        return False
    before = [fold(t.text) for t in token.doc[max(0, token.i - 3) : token.i]]
    return any(" ".join(before[k:]) in lex.purpose_words for k in range(len(before)))


def _describing(token: Token, lex: EventLexicon) -> bool:
    """ "le contrat *signé* avec X", "le gouvernement *élu*": a participle that describes a
    thing (no auxiliary, no agent) tells its state, not when it came about. Only read for
    the political classes: "une voiture *incendiée*" still tells that a fire happened."""
    if token.dep_ not in (ud.ACL, ud.AMOD) or "Part" not in token.morph.get("VerbForm"):
        return False
    return not any(c.dep_.startswith(ud.AUX) or _agent(c, lex) for c in token.children)


def _agent(token: Token, lex: EventLexicon) -> bool:
    """A complement of the agent's preposition read as the agent (the parser also labels
    "avec X" so)."""
    return token.dep_ == ud.OBL_AGENT and any(
        c.dep_ == ud.CASE and fold(c.text) in lex.agent_cases for c in token.children
    )


#: Where an idiom's noun hangs on its verb: "prendre *feu*", "prendre *le pouvoir*"
#: (parsed xcomp), "pris *en otage*", "pris *d'assaut*" (nmod), "le feu a été *mis*".
_IDIOM_DEPS = (ud.OBJ, ud.OBL, ud.XCOMP, ud.NMOD, ud.NSUBJ_PASS)


def idiom_object(
    token: Token, entry: TriggerEntry, role_cases: Collection[str] = ()
) -> Token | None:
    """The noun that completes the idiom ``entry`` names on ``token``, if it is there; never
    a phrase of a role's preposition ("ont pris les armes *contre le pouvoir*")."""
    if entry.object is None:
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_.startswith(_IDIOM_DEPS)
            and entry.object in (fold(c.lemma_), fold(c.text))
            and not any(k.dep_ == ud.CASE and fold(k.text) in role_cases for k in c.children)
        ),
        None,
    )


def _verb_reading(token: Token, entry: TriggerEntry, lex: EventLexicon) -> bool:
    """Whether ``token`` tells the event of this reading (its idiom noun, its needs)."""
    if entry.not_forms and fold(token.text) in entry.not_forms:
        return False  # "le choc a été *violent*": an adjective, not "violer"
    children = list(token.children)
    if entry.object is not None:
        noun = idiom_object(token, entry, lex.roles)
        if noun is None or blocked(noun.doc, noun.i, noun.i + 1, lex):
            return False  # "mettre le feu *aux poudres*" sets nothing alight
    if entry.objects and any(
        c.dep_ in (ud.OBJ, ud.NSUBJ_PASS) and fold(c.lemma_) not in entry.objects for c in children
    ):
        return False  # "signer le registre", "signer des autographes": no agreement
    if entry.subjects and not any(
        c.dep_ == ud.NSUBJ and (fold(c.lemma_) in entry.subjects or fold(c.text) in entry.subjects)
        for c in children
    ):
        return False  # "la digue a cédé" is a mishap, "le ministre a cédé" a concession
    if entry.objects and token.dep_ == ud.ACL and fold(token.head.lemma_) not in entry.objects:
        return False  # "le registre signé", "la photo signée": nothing agreed
    if entry.concrete_subject and any(
        c.dep_ == ud.NSUBJ and fold(c.lemma_) in lex.figurative_subjects for c in children
    ):
        return False  # "les prix ont explosé", "l'espoir s'est effondré"
    if entry.no_attribute and any(c.dep_ == ud.XCOMP and c.pos_ == "ADJ" for c in children):
        return False  # "la vidéo est jugée choquante": an opinion, no trial
    needs = entry.needs
    passive = any(c.dep_ in (ud.AUX_PASS, ud.NSUBJ_PASS) for c in children)
    reflexive = any(c.dep_.startswith(ud.EXPL) or "Reflex=Yes" in str(c.morph) for c in children)
    if reflexive and entry.figurative_cases and _has_case(children, entry.figurative_cases):
        return False  # "le projet se heurte à des résistances": no collision
    has_object = any(c.dep_ == ud.OBJ for c in children)
    if needs == "reflexive" and not reflexive:
        return False
    if needs == "not_reflexive" and reflexive:
        return False
    if needs == "passive_or_object" and not (passive or has_object):
        return False
    if needs == "passive_or_person" and (reflexive or not (passive or _person_object(token, lex))):
        return False  # "elle s'est arrêtée au magasin" stops, nobody arrests her
    if needs == "passive_object_or_reflexive" and not (passive or has_object or reflexive):
        return False
    if needs == "object" and not has_object:
        return False  # "a fait tomber un flacon", not "les prix sont tombés"
    if needs == "person" and not _person_patient(token, lex, passive):
        return False
    if needs == "person_subject" and (
        has_object or not any(c.dep_ == ud.NSUBJ and is_person(c, lex) for c in children)
    ):  # "il a glissé", not "les prix ont glissé" nor "il a glissé un mot"
        return False
    participle = token.dep_ == ud.ACL and "Part" in token.morph.get("VerbForm")
    # "la loi votée" is no vote told; "l'onde s'est manifestée" no protest
    return not (needs == "intransitive" and (has_object or passive or participle or reflexive))


def _has_case(children: list[Token], cases: frozenset[str]) -> bool:
    """A complement of ``token`` opened by one of ``cases``."""
    return any(
        k.dep_ == ud.CASE and fold(k.text) in cases
        for c in children
        if c.dep_.startswith((ud.OBL, ud.OBJ))
        for k in c.children
    )


def _unreal(token: Token, lex: EventLexicon) -> bool:
    """ "afin de *ne pas* blesser", "ils souhaitent *protester*": an infinitive negated or
    wished tells no happening (the wish, when a trigger, is the event); nor does a verb of a
    habit ("est *régulièrement* accusé")."""
    if habitual(token, lex):
        return True  # "il est régulièrement accusé de fraude"
    if "Inf" not in token.morph.get("VerbForm"):
        return False
    if token.dep_ == ud.XCOMP and fold(token.head.lemma_) in lex.wish_verbs:
        return True
    before = token.doc[max(0, token.i - 2) : token.i]
    return any(fold(t.text) in lex.negative_adverbs for t in before)


def _person_object(token: Token, lex: EventLexicon) -> bool:
    """The object is a person: a name, a pronoun, or a noun for people ("un suspect")."""
    for c in token.children:
        if c.dep_ == ud.OBJ:
            return is_person(c, lex)
    return False


def _person_patient(token: Token, lex: EventLexicon, passive: bool) -> bool:
    """The one acted on is a person: the object, or the subject of a passive ("le suspect a
    été maîtrisé", not "l'incendie a été maîtrisé")."""
    if not passive:
        return _person_object(token, lex)
    return any(c.dep_ in (ud.NSUBJ_PASS, ud.NSUBJ) and is_person(c, lex) for c in token.children)


def is_person(token: Token, lex: EventLexicon) -> bool:
    """A name, a personal pronoun, or a noun for people."""
    if "Rel" in token.morph.get("PronType") and token.head.dep_.startswith(ud.ACL):
        token = token.head.head  # "une vidéo *qui* est jugée": the antecedent
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ == "PER":
        return True
    return fold(token.lemma_) in lex.person_nouns
