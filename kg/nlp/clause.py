"""How sure a sentence is about a fact: modality, tense and the source it is attributed to.

Why rules over the dependency tree: French marks modality with a handful of governors
("devraient rejoindre", "prévoit de livrer", "refuse de signer"), moods (the journalistic
conditional "aurait augmenté") and adjuncts ("selon les médias lettons"), all listed in
``kg/lang/<lang>/relations.json``. The detector walks from the word that licensed the fact up
through its controlling verbs and nouns ("objectif de *livrer*"), so it costs a few dictionary
lookups per relation. The tense that dates a clause ("jeudi" last or next week) lives in
:mod:`kg.nlp.tense`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.symbols import VERB
from spacy.tokens import Span, Token

from kg.lang import fold_lexeme, load_data
from kg.lang.words import Words, load_words
from kg.nlp import ud
from kg.nlp.tense import auxiliaries as _auxiliaries
from kg.nlp.tense import morph as _morph
from kg.nlp.tense import regular_conditional as _regular_conditional
from kg.nlp.tense import regular_form
from kg.nlp.tokens import LEMMA, column, pos_ids

__all__ = ["ModalityCues", "governor_chain", "modality_of", "source_of", "tense_of"]

#: Strongest first: a denial beats everything, hearsay only colours an otherwise plain fact.
_PRIORITY: tuple[str, ...] = (
    "negated",
    "pending",
    "expected",
    "possible",
    "planned",
    "reported",
    "asserted",
)
_FOLD = column(fold_lexeme)
_NOUNISH = frozenset({"NOUN", "PROPN"})
_ARG_DEPS = frozenset(
    {ud.OBJ, ud.OBL, ud.OBL_ARG, ud.OBL_MOD, ud.OBL_AGENT, ud.NSUBJ, ud.NSUBJ_PASS, ud.NMOD}
)


@dataclass(frozen=True, slots=True)
class ModalityCues:
    """The modality lexicon of one language, as sets for O(1) lookups."""

    negation_particles: frozenset[str]
    negation_words: frozenset[str]
    negating_governors: frozenset[str]
    expected_governors: frozenset[str]
    planned_governors: frozenset[str]
    planned_nouns: frozenset[str]
    possible_governors: frozenset[str]
    pending_governors: frozenset[str]
    pending_cues: tuple[str, ...]
    reported_cues: tuple[str, ...]
    reported_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    future_auxiliaries: frozenset[str] = frozenset()
    conditional_endings: tuple[str, ...] = ()
    future_endings: tuple[str, ...] = ()
    complementizers: tuple[str, ...] = ()
    #: "accuse X *d'avoir soutenu* Y": the governed act is the governor's subject's claim.
    reported_governors: frozenset[str] = frozenset()

    @classmethod
    def load(cls, lang: str = "fr") -> ModalityCues:
        """Build the cues from ``kg/lang/<lang>/relations.json``."""
        return cls.from_data(load_data(lang, "relations"), load_words(lang))

    @classmethod
    def from_data(cls, relations: Mapping[str, Any], words: Words) -> ModalityCues:
        """Build the cues from a relation lexicon and the language's closed-class words."""
        m = relations["modality"]
        sets = {
            name: frozenset(fold_lexeme(w) for w in m[name])
            for name in (
                "negation_particles",
                "negation_words",
                "negating_governors",
                "expected_governors",
                "planned_governors",
                "planned_nouns",
                "possible_governors",
                "pending_governors",
                "reported_verbs",
                "speech_verbs",
            )
        }
        return cls(
            future_auxiliaries=words["future_auxiliaries"],
            conditional_endings=tuple(words["conditional_endings"]),
            future_endings=tuple(words["future_endings"]),
            complementizers=tuple(m["complementizers"]),
            pending_cues=tuple(fold_lexeme(c) for c in m["pending_cues"]),
            reported_cues=tuple(fold_lexeme(c) for c in m["reported_cues"]),
            reported_governors=frozenset(fold_lexeme(w) for w in m.get("reported_governors", ())),
            **sets,
        )


def governor_chain(trigger: Token, cues: ModalityCues) -> list[Token]:
    """Return ``trigger`` and the words that control it, innermost first.

    Climbs control verbs ("devraient *rejoindre*" -> devraient), intention nouns
    ("objectif de *livrer*" -> objectif -> fixerait) and, for a noun trigger, the verb it is
    an argument of ("l'*adhésion* ... attend"), but never crosses into a reporting clause.
    """
    chain = [trigger]
    token = trigger
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            break
        dep = token.dep_
        lemma = fold_lexeme(token.lemma_)
        climb = (
            dep == ud.XCOMP
            or (dep == ud.ACL and fold_lexeme(head.lemma_) in cues.planned_nouns)
            or (
                token.pos_ in _NOUNISH
                and dep in _ARG_DEPS
                and (token.i == trigger.i or lemma in cues.planned_nouns)
                and head.pos_ in {"VERB", "AUX", "ADJ"}
            )
        )
        if not climb:
            break
        chain.append(head)
        token = head
    return chain


def _conditional(token: Token, cues: ModalityCues | None) -> bool:
    """Mood=Cnd, or a regular conditional the tagger read as imperfect ("fixerait").

    A regular conditional is the infinitive (minus a final "e") plus an imperfect ending,
    which an imperfect never is ("fixait"), so the check cannot fire on a real imperfect.
    """
    if "Cnd" in _morph(token, "Mood"):
        return True
    return cues is not None and _regular_conditional(token, cues.conditional_endings)


def _future(token: Token, cues: ModalityCues | None) -> bool:
    """Tense=Fut, or a regular future the tagger read as a participle ("signera").

    Like :func:`_conditional`: the infinitive (minus a final "e") plus a future ending, which
    no past form is ("déclara" is not "déclarer" + "a").
    """
    if "Fut" in _morph(token, "Tense"):
        return True
    return cues is not None and regular_form(token, cues.future_endings)


def tense_of(chain: list[Token], cues: ModalityCues | None = None) -> str:
    """Return ``past``, ``present``, ``future`` or ``conditional`` for a governor chain.

    The first finite form met from the trigger upwards decides (an infinitive takes the
    tense of its controller: "devraient rejoindre" is conditional).
    """
    for token in chain:
        forms = [token, *_auxiliaries(token)]
        if any(_conditional(t, cues) for t in forms):
            return "conditional"
        if any(_future(t, cues) for t in forms):
            return "future"
        if (
            cues is not None
            and token.lemma_ in cues.future_auxiliaries
            and any(c.dep_ == ud.XCOMP for c in token.children)
        ):
            return "future"
        finite_aux = [t for t in forms[1:] if "Fin" in _morph(t, "VerbForm")]
        if finite_aux and "Part" in _morph(token, "VerbForm"):
            return "past"
        if "Fin" in _morph(token, "VerbForm"):
            tense = _morph(token, "Tense")
            return "past" if ("Past" in tense or "Imp" in tense) else "present"
        if finite_aux:
            return (
                "past"
                if any({"Past", "Imp"} & set(_morph(t, "Tense")) for t in forms[1:])
                else "present"
            )
    return "present"


def _negated(token: Token, cues: ModalityCues) -> bool:
    """Whether ``token`` carries "ne ... pas/jamais/plus" (on itself or its auxiliary)."""
    children = list(token.children)
    # "n'ayant pas ratifié": the particle may hang on the auxiliary.
    children += [g for c in _auxiliaries(token) for g in c.children]
    if not any(fold_lexeme(c.text) in cues.negation_particles for c in children):
        return False
    window = token.doc[max(token.i - 4, 0) : token.i + 3]
    return any(fold_lexeme(t.text) in cues.negation_words for t in window) or any(
        fold_lexeme(c.text) in cues.negation_words for c in children
    )


def _reporting_verb(top: Token, cues: ModalityCues) -> Token | None:
    """The speech verb whose complement (or quoted parataxis) holds ``top``, if any."""
    if top.dep_ in {ud.CCOMP, ud.PARATAXIS} and fold_lexeme(top.head.lemma_) in cues.speech_verbs:
        return top.head
    for child in top.children:
        if (
            child.dep_ in {ud.PARATAXIS, ud.CONJ}
            and child.i > top.i
            and fold_lexeme(child.lemma_) in cues.speech_verbs
        ):
            return child
    return None


def _reported(sentence: Span, cues: ModalityCues) -> bool:
    text = " " + fold_lexeme(sentence.text)
    if any(f" {cue} " in text for cue in cues.reported_cues):
        return True
    # read from the document's columns: no Token per word of the sentence
    lemmas, pos, verbs = _FOLD(sentence.doc, LEMMA), pos_ids(sentence.doc), cues.reported_verbs
    return any(pos[i] == VERB and lemmas[i] in verbs for i in range(sentence.start, sentence.end))


def modality_of(trigger: Token, cues: ModalityCues, chain: list[Token] | None = None) -> str:
    """Return the modality (one of :data:`kg.model.MODALITIES`) of the fact ``trigger`` licenses.

    Examples of the cues read: "ne ... pas" / "refuser de" (negated), "attend la
    ratification" (pending), "devraient" (expected), "aurait" / "pourrait" (possible),
    future tense / "prévoit de" / "objectif de" (planned), "selon ..." (reported).
    """
    chain = chain if chain is not None else governor_chain(trigger, cues)
    found: set[str] = set()
    top = chain[-1]
    reporting = _reporting_verb(top, cues)
    for position, token in enumerate(chain):
        lemma = fold_lexeme(token.lemma_)
        negated = _negated(token, cues)
        if position > 0 and lemma in cues.negating_governors:
            # "n'exclut pas de quitter": a denied refusal leaves the act open.
            found.add("possible" if negated else "negated")
        elif negated:
            found.add("negated")
        if position == 0:
            continue
        if lemma in cues.pending_governors:
            found.add("pending")
        if lemma in cues.reported_governors:
            found.add("reported")
        if lemma in cues.expected_governors:
            found.add("expected")
        if lemma in cues.possible_governors:
            found.add("possible")
        if lemma in cues.planned_nouns or (
            # "compte *annoncer*", "prévoit *sa participation*", but not "comptait *parmi
            # les favoris*": a prepositional adjunct is no planned act.
            lemma in cues.planned_governors and not chain[position - 1].dep_.startswith(ud.OBL)
        ):
            found.add("planned")
    tense = tense_of(chain, cues)
    if tense == "future":
        found.add("planned")
    elif tense == "conditional":
        # A conditional under "a déclaré que" is a future-in-the-past, not hearsay.
        found.add("planned" if reporting is not None else "possible")
    clause = trigger.doc[top.left_edge.i : top.right_edge.i + 1]
    clause_text = " " + fold_lexeme(clause.text) + " "
    if any(f" {cue} " in clause_text for cue in cues.pending_cues):
        found.add("pending")
    if _reported(trigger.sent, cues):
        found.add("reported")
    return next((m for m in _PRIORITY if m in found), "asserted")


def source_of(
    chain: list[Token], cues: ModalityCues, mention_at: Callable[[Token], str | None]
) -> str | None:
    """Return the entity key of who said the clause ("..., a déclaré X"), else None.

    ``mention_at`` maps a token to the key of the entity mention it heads (or None).
    """
    verb = _reporting_verb(chain[-1], cues)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in {ud.NSUBJ, ud.NSUBJ_PASS}:
            key = mention_at(child)
            if key is not None:
                return key
    return None
