"""The tense of a clause, for dating: which way from the document date "jeudi" points.

Why apart from :mod:`kg.nlp.clause` (modality and attribution): dating asks a different
question of the same morphology. "a annoncé" is past, "va signer" and "devrait signer" are
ahead, "a promis de signer" is after the promise but says nothing of the document date, and
"prévu le 12 janvier" is ahead whatever its tense. The verbs that build tenses are language
data (``words.json``, ``times.json``); this module only reads the parser's morphology and
dependency tree, a few lookups per time expression.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme, load_data
from kg.lang.words import Words, load_words
from kg.nlp import ud

__all__ = [
    "TenseCues",
    "auxiliaries",
    "clause_tense",
    "load_tense_cues",
    "morph",
    "regular_conditional",
    "regular_form",
    "verb_tense",
]

_VERB_POS = frozenset({"VERB", "AUX"})
_CORE_ARGS = frozenset({ud.OBJ, ud.NSUBJ, ud.NSUBJ_PASS})
#: What a request verb asks for: its object or a complement ("appellent à la grève").
_ASKED_DEPS = frozenset({ud.OBJ, ud.OBL, ud.OBL_ARG, ud.OBL_MOD})


@dataclass(frozen=True, slots=True)
class TenseCues:
    """The verbs a language builds tenses with: what morphology alone does not say."""

    etre_verbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    modal_verbs: frozenset[str]
    #: verbs whose date lies ahead whatever their tense ("prévu le 12 janvier")
    planning_verbs: frozenset[str] = frozenset()
    #: present-tense verbs whose infinitive looks ahead ("doit s'ouvrir le 3 mars")
    intent_verbs: frozenset[str] = frozenset()
    #: verbs and adjectives whose infinitive comes after them even in the past ("a promis
    #: de signer avant le 30 juin", "s'est dit prêt à signer"): ahead of the promise, not
    #: necessarily of the document date
    commitment_words: frozenset[str] = frozenset()
    #: verbs of asking and wishing whose object, infinitive or que-clause is a thing to come
    #: ("réclame un référendum en janvier", "souhaite que les travaux commencent en mars")
    request_verbs: frozenset[str] = frozenset()
    #: words that open an infinitive of purpose ("pour adopter"), ahead of a present clause
    purpose_markers: frozenset[str] = frozenset()
    #: imperfect endings that make a regular conditional on the infinitive's stem
    #: ("rendrait" = "rendr" + "ait"), for conditionals the tagger reads as imperfects
    conditional_endings: tuple[str, ...] = ()
    #: endings that make a regular future on the infinitive's stem ("augmenteront"), for
    #: futures the tagger reads as presents
    future_endings: tuple[str, ...] = ()

    @classmethod
    def load(cls, lang: str = "fr") -> TenseCues:
        """Build the cues from ``words.json`` and the verb lists of ``times.json``."""
        return cls.from_data(load_words(lang), load_data(lang, "times"))

    @classmethod
    def from_data(cls, words: Words, times: Mapping[str, Any]) -> TenseCues:
        """Build the cues from a language's closed-class words and time lexicon."""
        return cls(
            etre_verbs=words["etre_verbs"],
            future_auxiliaries=words["future_auxiliaries"],
            modal_verbs=words["modal_verbs"],
            planning_verbs=frozenset(times.get("planning_verbs", ())),
            intent_verbs=frozenset(times.get("intent_verbs", ())),
            commitment_words=frozenset(times.get("commitment_words", ())),
            request_verbs=frozenset(times.get("request_verbs", ())),
            purpose_markers=frozenset(times.get("purpose_markers", ())),
            conditional_endings=tuple(words["conditional_endings"]),
            future_endings=tuple(words["future_endings"]),
        )


@cache
def load_tense_cues(lang: str = "fr") -> TenseCues:
    """The tense cues of ``lang``, built once per process."""
    return TenseCues.load(lang)


def morph(token: Token, feature: str) -> list[str]:
    return token.morph.get(feature)


def auxiliaries(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_.startswith(ud.AUX) or c.dep_ == ud.COP]


def regular_form(token: Token, endings: Iterable[str]) -> bool:
    """The infinitive (minus the final "e" of "-re") plus one of ``endings``: how French
    builds its futures and conditionals, and no past form ("déclara" is not "déclarer" + "a").
    """
    lemma = fold_lexeme(token.lemma_)
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    text = fold_lexeme(token.text)
    return any(text == stem + ending for ending in endings)


def regular_conditional(token: Token, endings: tuple[str, ...]) -> bool:
    """A regular conditional tagged imperfect: the infinitive (minus a final "e") plus an
    imperfect ending, which an imperfect never is ("rendrait" yes, "rendait" no)."""
    return bool(endings) and "Imp" in morph(token, "Tense") and regular_form(token, endings)


def verb_tense(verb: Token, cues: TenseCues) -> str | None:
    """Tense of one verb with its auxiliaries, for dating: past, present or future (a
    conditional points forward); None when it does not say (bare participle).

    A planning verb points forward whatever its tense ("est prévu le 12 janvier", "a
    reporté le vote au 8 mars": the date is the plan's), unless in the imperfect ("était
    prévu le 3 janvier" tells of a plan already due), and as a bare participle in a past
    clause leaves the way open. A present that tells of something asked for or planned
    (:func:`_wished`) points forward too.
    """
    if verb.lemma_ in cues.planning_verbs and not _imperfect(verb):
        bare = "Part" in morph(verb, "VerbForm") and not auxiliaries(verb)
        if bare and verb.dep_ != ud.CONJ and _outer_tense(verb, cues) == "past":
            # "le référendum, prévu en mai, a été repoussé": a plan told in the past may
            # have been due before the document date; the nearest reading is taken
            return "unknown"
        return "future"
    tense = _verb_tense(verb, cues)
    if tense == "present" and _wished(verb, cues):
        return "future"
    return tense


def _outer_tense(token: Token, cues: TenseCues) -> str | None:
    """The tense of the nearest verb above ``token`` (from its morphology alone)."""
    for _ in range(10):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in _VERB_POS and not token.dep_.startswith(ud.AUX):
            return _verb_tense(token, cues)
    return None


def _wished(verb: Token, cues: TenseCues) -> bool:
    """Whether a present-tense verb tells of something asked for or planned, so ahead:
    the passive of a request verb ("est attendu en janvier", "est réclamé pour mars"), or
    a que-clause under a request or planning verb not told in the past ("il faut que le
    texte soit adopté avant mars", "il est prévu que le chantier s'achève en mai")."""
    if _requested(verb, cues) and any(c.dep_ == ud.AUX_PASS for c in verb.children):
        return True
    head = verb.head
    return (
        verb.dep_ == ud.CCOMP
        and head.i != verb.i
        and (_requested(head, cues) or head.lemma_ in cues.planning_verbs)
        and _verb_tense(head, cues) in {"present", "future", None}
    )


def _requested(token: Token, cues: TenseCues) -> bool:
    """A request verb, also where the lemmatiser left a verb in -er as written ("l'opposition
    demande", lemma "demande"): its infinitive is that form plus "r"."""
    lemma = token.lemma_
    return lemma in cues.request_verbs or (
        token.pos_ == "VERB" and f"{lemma}r" in cues.request_verbs
    )


def _verb_tense(verb: Token, cues: TenseCues) -> str | None:
    """:func:`verb_tense` from the verb group's morphology alone."""
    auxes = sorted(
        (c for c in verb.children if c.dep_.startswith(ud.AUX) or c.dep_ == ud.COP),
        key=lambda t: t.i,
    )
    if auxes:
        aux = auxes[0]
        tense, mood = morph(aux, "Tense"), morph(aux, "Mood")
        participle = "Part" in morph(verb, "VerbForm")
        if "Fut" in tense:
            return "future"
        if "Cnd" in mood:
            # "aurait signé", "serait parti": done; "devrait signer" and the conditional
            # passive "serait rouvert en mars" (what a report says will be done): ahead
            passive = aux.dep_ == ud.AUX_PASS and verb.lemma_ not in cues.etre_verbs
            return "past" if participle and not passive else "future"
        if aux.lemma_ in cues.future_auxiliaries and "Pres" in tense and not participle:
            return "future"
        if "Imp" in tense or "Past" in tense:
            return "past"
        if participle and (aux.dep_ == ud.AUX_TENSE or verb.lemma_ in cues.etre_verbs):
            return "past"  # passé composé: "a annoncé", "est décédée"
        return "present"
    verb_form, tense, mood = (
        morph(verb, "VerbForm"),
        morph(verb, "Tense"),
        morph(verb, "Mood"),
    )
    if "Inf" in verb_form:
        head = verb.head
        if head.pos_ == "ADJ" and head.lemma_ in cues.commitment_words and not _imperfect(head):
            return "unknown"  # "prêt à signer le 3 mars" (but "était censé signer": past)
        if head.pos_ == "ADV" and _requested(head, cues) and not morph(head, "Tense"):
            return "future"  # "espère conclure": a verb the tagger took for an adverb
        if head.i == verb.i or head.pos_ not in _VERB_POS:
            return None
        if head.lemma_ in cues.future_auxiliaries and ("Pres" in morph(head, "Tense")):
            return "future"  # "va signer"
        if head.lemma_ in cues.modal_verbs and "Cnd" in morph(head, "Mood"):
            return "future"  # "devrait signer"
        if (
            head.lemma_ in cues.intent_verbs
            or head.lemma_ in cues.commitment_words
            or _requested(head, cues)
        ) and _present_indicative(head):
            return "future"  # "doit s'ouvrir", "compte signer", "propose de voter"
        outer = verb_tense(head, cues)
        ahead = head.lemma_ in cues.commitment_words or (
            head.lemma_ in cues.intent_verbs and "Inf" in morph(head, "VerbForm")
        )  # "a promis de signer", "a affirmé vouloir signer"
        if outer == "past" and ahead and not _imperfect(head):
            # after the promise, but which way from the document date the clause does not
            # say ("avait promis" tells of a past plan)
            return "unknown"
        if outer == "present" and any(m.lower_ in cues.purpose_markers for m in verb.children):
            return "future"  # "se réunissent pour adopter le texte le 10 mars": an aim
        return outer
    if (
        "Cnd" in mood
        or "Fut" in tense
        or regular_conditional(verb, cues.conditional_endings)
        or ("Fin" in verb_form and regular_form(verb, cues.future_endings))
    ):
        return "future"  # "se rendrait", "augmenteront", even when tagged otherwise
    if "Part" in verb_form:
        return None
    if "Imp" in tense or "Past" in tense:
        return "past"
    if "Pres" in tense:
        return "present"
    return None


def _imperfect(verb: Token) -> bool:
    """The verb or its first auxiliary in the imperfect ("était prévu", "prévoyait")."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith(ud.AUX) or c.dep_ == ud.COP)]
    return any("Imp" in morph(t, "Tense") for t in forms)


def _present_indicative(verb: Token) -> bool:
    """A finite present with no auxiliary: "doit", not "a dû" nor "devait"."""
    return (
        "Pres" in morph(verb, "Tense")
        and "Fin" in morph(verb, "VerbForm")
        and "Cnd" not in morph(verb, "Mood")
        and not any(c.dep_.startswith(ud.AUX) for c in verb.children)
    )


def clause_tense(
    doc: Doc,
    start: int,
    end: int,
    cues: TenseCues,
    markers: dict[str, str] | None = None,
) -> str:
    """The tense governing the characters ``[start, end)``: past/future/present/unknown.

    Climbs from the span's root to the first verb that carries tense (a bare participle
    such as "Réélu dimanche" defers to its head), falling back to the sentence's root. A
    bare participle under a future clause leaves the direction open ("unknown").
    """
    if not doc.has_annotation("DEP"):
        return "unknown"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "unknown"
    token = span.root
    markers = markers or {}
    tense = _climb_tense(token, cues, markers)
    if tense is None:
        tense = verb_tense(span.sent.root, cues) or "unknown"
    if tense == "future" and _under_participle(token, cues):
        # "le projet, présenté en novembre, sera voté": a participle tells of something
        # done, not of what the clause will do; which way from the document date is open.
        return "unknown"
    return tense


def _under_participle(token: Token, cues: TenseCues) -> bool:
    """Whether the nearest verb above ``token`` is a bare past participle ("présenté"), not
    a planning one ("prévu en mars" stays ahead)."""
    for _ in range(10):
        if token.pos_ in _VERB_POS and not token.dep_.startswith(ud.AUX):
            return (
                token.lemma_ not in cues.planning_verbs
                and "Part" in morph(token, "VerbForm")
                and "Past" in morph(token, "Tense")
                and not auxiliaries(token)
            )
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _asked_for(date: Token, verb: Token) -> bool:
    """Whether ``date`` hangs on ``verb`` or on one of its arguments ("réclame un
    référendum en janvier"), not deeper ("réclament justice pour les victimes de l'incendie
    du 3 janvier" dates the fire)."""
    head = date.head
    return head.i == verb.i or (head.head.i == verb.i and head.dep_ in _ASKED_DEPS)


def _climb_tense(token: Token, cues: TenseCues, markers: dict[str, str]) -> str | None:
    """The first tense met climbing from ``token`` (a marked noun, then a tensed verb).

    A date after a request verb in the present, on it or on what it asks for, is when the
    thing asked for should happen ("l'opposition réclame un référendum en janvier", "les
    syndicats appellent à la grève le 8 mars"): ahead.
    """
    origin = token
    marked: str | None = None  # "dernier" on a noun: past unless the verb is a future
    for _ in range(10):
        if token.pos_ in ("NOUN", "PROPN") and markers and marked is None:
            # "le prochain sommet … en juillet": the noun phrase says when, whatever the verb.
            for child in token.children:
                if child.dep_ == ud.AMOD and child.lower_ in markers:
                    marked = markers[child.lower_]
                    if marked != "past":
                        return marked
        if token.pos_ in _VERB_POS and markers and marked is None:
            # "préparer le prochain sommet en juillet": the date goes with the marked object.
            for arg in token.children:
                if arg.dep_ in _CORE_ARGS:
                    for child in arg.children:
                        if child.dep_ == ud.AMOD and child.lower_ in markers:
                            marked = markers[child.lower_]
                            if marked != "past":
                                return marked
        if (token.pos_ in _VERB_POS and not token.dep_.startswith(ud.AUX)) or any(
            c.dep_ == ud.COP for c in token.children
        ):
            if (
                origin.i > token.i
                and _asked_for(origin, token)
                and _requested(token, cues)
                and _present_indicative(token)
            ):
                return "future"
            tense = verb_tense(token, cues)
            if tense:
                # "la dernière séance se tiendra en mars": the final one, next March
                return "future" if marked and tense == "future" else marked or tense
        if token.head.i == token.i:
            break
        token = token.head
    return marked
