"""Finding event triggers (nouns and verbs) and what one trigger says (:class:`TriggerHit`,
:class:`EventCluster`).

Why before arguments: "une collision s'est produite … l'accident … le drame" is one event,
and every later stage (relations pointing at it, the graph, RDF) needs one id for it; the
hits found here are grouped into happenings by :mod:`kg.nlp.events.clusters`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import SENT_START
from spacy.symbols import ADJ, AUX, DET, NOUN, NUM, PROPN, VERB
from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.nlp import ud
from kg.nlp.events.context import (
    blocked,
    issue_phrase,
    period_phrase,
    quoted_names,
    source_phrase,
    unreal_noun,
    venue_name,
)
from kg.nlp.events.lexicon import EventLexicon, TriggerEntry
from kg.nlp.events.verbs import idiom_object, is_person, verb_reading
from kg.nlp.extensions import TokenMention
from kg.nlp.tokens import LEMMA, ORTH, column, pos_ids, strings_of

__all__ = [
    "EventCluster",
    "TriggerHit",
    "find_triggers",
    "sentence_numbers",
]

_FOLD = column(fold)
_NOUN_POS = frozenset({NOUN, PROPN, ADJ})
_VERB_POS = frozenset({VERB, AUX})
#: Where a participle the tagger took for a noun or adjective stands ("retrouvé *encastré*"),
#: never a subject's or object's place ("les *élus*").
_PREDICATE_DEPS = frozenset({ud.XCOMP, ud.ACL, ud.ADVCL, ud.AMOD, ud.ROOT})
#: What opens the object of a present participle the tagger took for an adjective
#: (", *percutant* un arbre"): "un sol *glissant*", "un score *écrasant*" have none.
_OBJECT_START = frozenset({DET, NUM})
#: How what is wished or feared hangs on the verb ("craignent *de nouvelles crues*").
_WISHED_DEPS = frozenset({ud.OBJ, ud.OBL_ARG})
#: How an infinitive hangs on the verb that calls for it ("appelle *à manifester*").
_CALLED_DEPS = frozenset({ud.XCOMP, ud.CCOMP, ud.OBL, ud.ADVCL, ud.OBJ})
#: How a name hangs on the noun it names ("le chanteur *Prince*").
_NAME_DEPS = (ud.APPOS, ud.FLAT, ud.NMOD)
#: Mention types a trigger may sit inside: only an event's own name ("le sommet de l'OTAN").
_HOST_TYPES = frozenset({"Event"})


@dataclass(slots=True)
class TriggerHit:
    """One trigger in the text: tokens ``[start, end)``, its head token and its entry."""

    start: int
    end: int
    head: int
    entry: TriggerEntry
    sentence: int
    host: TokenMention | None = None
    indefinite: bool = False
    distinct: bool = False
    #: Tells no happening of its own, only part of one already told: a purpose ("*pour*
    #: protester"), a participle describing a thing ("des pneus *brûlés*").
    joins_only: bool = False
    #: For a purpose, the token it is the aim of ("rassemblés" in "rassemblés pour protester").
    governor: int | None = None
    #: Opened by a demonstrative ("*cette* rencontre"): refers back to an event told.
    demonstrative: bool = False
    #: Names a period that dates its sentence ("*pendant* la guerre"): not dated by it.
    period: bool = False


@dataclass(slots=True)
class EventCluster:
    """The triggers of one happening, in text order, and the key of its entity."""

    hits: list[TriggerHit] = field(default_factory=list)
    key: str = ""
    #: The class an aim gives a gathering ("rassemblés pour protester" is a protest).
    aim: str | None = None
    #: The token of the gathering the aim gave its class (the event's main trigger).
    aim_at: int = -1

    @property
    def cls(self) -> str:
        """The aim's class, else the most specific one: a strong trigger's, else the
        first weak one's."""
        if self.aim is not None:
            return self.aim
        strong = [h.entry.cls for h in self.hits if h.entry.cls and not h.entry.weak]
        weak = [h.entry.cls for h in self.hits if h.entry.cls]
        return (strong or weak or ["EVENT"])[0]

    @property
    def mode(self) -> str | None:
        cls = self.cls
        return next((h.entry.mode for h in self.hits if h.entry.cls == cls and h.entry.mode), None)

    @property
    def main(self) -> TriggerHit:
        """The first trigger of the final class (what the event is told as); the gathering
        itself, not its aim, when an aim gave the class."""
        if self.aim is not None:
            return next(h for h in self.hits if h.start <= self.aim_at < h.end)
        cls = self.cls
        return next((h for h in self.hits if h.entry.cls == cls), self.hits[0])


def find_triggers(doc: Doc, lex: EventLexicon, mentions: list[TokenMention]) -> list[TriggerHit]:
    """Every trigger of ``doc`` that passes its lexical checks, in text order."""
    words, lemmas, pos = _FOLD(doc, ORTH), _FOLD(doc, LEMMA), pos_ids(doc)
    raw = strings_of(doc, ORTH)
    covering: dict[int, TokenMention] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            covering.setdefault(i, m)
    sent_of = sentence_numbers(doc)
    quoted = quoted_names(doc)
    noun_words, verbs = lex.noun_words, lex.verbs
    hits: list[TriggerHit] = []
    idiom_nouns: set[int] = set()  # "ouvrir *le feu*" is shooting, not a fire of its own
    i, n = 0, len(doc)
    while i < n:
        if i in idiom_nouns:
            i += 1
            continue
        p = pos[i]
        hit: TriggerHit | None = None
        if p in _NOUN_POS and (words[i] in noun_words or lemmas[i] in noun_words):
            hit = _noun_hit(doc, i, words, lemmas, lex)
        # a lemma that is no trigger verb has no reading: no Token to build for it
        if (
            hit is None
            and lemmas[i] in verbs
            and (p in _VERB_POS or (p == ADJ and _participle(doc[i])))
        ):
            hit = _verb_hit(doc, i, lemmas[i], lex)
        if hit is None and (p in _VERB_POS or p == ADJ) and words[i] in lex.irregular_participles:
            hit = _verb_hit(doc, i, lex.irregular_participles[words[i]], lex)  # "ouvert le feu"
        if hit is None and p in _NOUN_POS:
            verb = lex.participle_verb(raw[i])
            if verb is not None and doc[i].dep_ in _PREDICATE_DEPS:
                hit = _verb_hit(doc, i, verb, lex)
        if hit is None and p == ADJ and i + 1 < n and pos[i + 1] in _OBJECT_START:
            verb = lex.present_participle_verb(raw[i])  # ", *polluant* la côte"
            if verb is not None:
                hit = _verb_hit(doc, i, verb, lex)
        if hit is not None:
            host = covering.get(hit.head)
            if hit.head in quoted or (host is not None and host.type not in _HOST_TYPES):
                i += 1
                continue  # "Attaque" inside an organisation's name
            hit.host = host
            hit.sentence = sent_of[hit.head]
            hits.append(hit)
            noun = idiom_object(doc[hit.head], hit.entry, lex.roles) if hit.entry.verb else None
            if noun is not None and _other_class(noun, hit.entry, lex):
                idiom_nouns.add(noun.i)
            i = hit.end
            continue
        i += 1
    return hits


def _verb_hit(doc: Doc, i: int, lemma: str, lex: EventLexicon) -> TriggerHit | None:
    reading = verb_reading(doc, i, lemma, lex)
    if reading is None:
        return None
    hit = TriggerHit(i, i + 1, i, reading[0], 0)
    hit.joins_only = reading[1]
    if hit.joins_only and doc[i].head.i != i:
        hit.governor = doc[i].head.i
    return hit


def _other_class(noun: Token, entry: TriggerEntry, lex: EventLexicon) -> bool:
    """An idiom's noun that names another class on its own ("ouvrir *le feu*" is no fire)."""
    own = lex.nouns.get(fold(noun.lemma_)) or lex.nouns.get(fold(noun.text))
    return own is not None and own.cls != entry.cls


def _participle(token: Token) -> bool:
    """ "la voiture *encastrée* dans le mur": a participle the tagger calls an adjective."""
    return "Part" in token.morph.get("VerbForm")


def sentence_numbers(doc: Doc) -> list[int]:
    """The sentence number of every token, from the sentence-start column (no Token or
    Span objects: ``token.sent`` walks the document each time). Kept on the doc."""
    numbers = doc.user_data.get("kg_sentence_numbers")
    if numbers is None or len(numbers) != len(doc):
        starts = doc.to_array(SENT_START)
        if len(starts):
            starts[0] = 1
        numbers = doc.user_data["kg_sentence_numbers"] = numpy.cumsum(starts == 1).tolist()
    return numbers


def _noun_hit(
    doc: Doc, i: int, words: list[str], lemmas: list[str], lex: EventLexicon
) -> TriggerHit | None:
    entry: TriggerEntry | None = None
    end = i + 1
    for option, candidate in lex.multiword.get(words[i], ()):
        stop = i + len(option)
        if stop <= len(doc) and tuple(words[i:stop]) == option:
            entry, end = candidate, stop
            break
    if entry is None:
        entry = lex.nouns.get(words[i]) or lex.nouns.get(lemmas[i]) or lex.generic.get(lemmas[i])
        entry = entry or lex.generic.get(words[i])
    if entry is None:
        return None
    token = doc[i]
    if entry.accented is not None and entry.accented not in (token.lower_, token.lemma_.lower()):
        return None  # "marché" is no "marche"
    if (
        token.pos == ADJ
        and end == i + 1
        and (
            fold(token.text) not in lex.nouns
            or token.dep_ == ud.AMOD
            or not any(c.dep_ == ud.DET for c in token.children)
        )
    ):  # an adjective only counts when the parser mislabels the noun itself ("les
        return None  # européennes"), never as a modifier ("la résidence *présidentielle*")
    if source_phrase(token, lex) or issue_phrase(token, lex):
        return None  # "d'après l'annonce du ministère", "selon l'enquête": a source
    if unreal_noun(token, lex) or venue_name(token, lex):
        return None  # "aucune évasion", "des troubles éventuels", "le centre des congrès"
    if blocked(doc, i, end, lex):
        return None
    if entry.singular and "Plur" in token.morph.get("Number"):
        return None  # "neuf morts": a toll, not a death told
    if entry.needs_complement and not _has_complement(doc[i], entry.complement_cases):
        return None
    if entry.needs == "person_complement" and not _person_complement(token, lex):
        return None  # "la disparition du timbre rouge": no one died
    det = _determiner(token)
    if det is None and end == i + 1 and _classifier(token, lex):
        return None
    demonstrative = det is not None and fold(det.text) in lex.demonstratives
    if not demonstrative and _wished(token, lex):
        return None  # "ont exigé la démission du directeur": a demand, no resignation
    hit = TriggerHit(i, end, i, entry, 0)
    hit.indefinite = det is not None and fold(det.text) in lex.indefinite
    hit.demonstrative = demonstrative
    hit.period = period_phrase(token, lex)  # "pendant la Seconde Guerre mondiale"
    hit.distinct = any(
        fold(t.text) in lex.distinct
        for t in token.children
        if t.dep_ in (ud.AMOD, ud.DET, ud.NUMMOD) or t.pos_ == "ADJ"
    )
    return hit


def _wished(noun: Token, lex: EventLexicon) -> bool:
    """ "ont exigé *la démission*", "craignent *de nouvelles crues*", "appelle à organiser
    *une marche*": what is wished, feared or called for, not a happening ("pour éviter *ces*
    incidents" names the one told, and is left to refer back to it)."""
    if noun.dep_ in _WISHED_DEPS and fold(noun.head.lemma_) in lex.wish_verbs:
        return True
    return noun.dep_ == ud.OBJ and not _definite(noun) and _called_for(noun.head, lex)


def _definite(noun: Token) -> bool:
    """ "appelle à boycotter *le* plébiscite": a definite event noun names one already set,
    which the call is about; "appelle à organiser *une* marche" calls for a new one."""
    return any(c.dep_ == ud.DET and "Def" in c.morph.get("Definite") for c in noun.children)


def _called_for(verb: Token, lex: EventLexicon) -> bool:
    """ "appelle à *organiser* une marche", "menace de *lancer* une offensive": an infinitive
    governed by a verb of wishing, urging, threatening or refusing; what it does is called
    for, not told."""
    if verb.head.i == verb.i or "Inf" not in verb.morph.get("VerbForm"):
        return False
    if any(_purpose(c, lex) for c in verb.children if c.dep_ in (ud.MARK, ud.CASE)):
        return False  # "a appelé les secours *pour signaler* l'incident": told, not called for
    governor = verb.head
    if verb.dep_ == ud.ACL and governor.dep_ in (ud.OBJ, ud.IOBJ):
        governor = governor.head  # "appelé *les habitants* à organiser": hung on the one urged
    elif verb.dep_ not in _CALLED_DEPS:
        return False
    return fold(governor.lemma_) in lex.call_verbs


def _purpose(marker: Token, lex: EventLexicon) -> bool:
    """ "*pour* signaler", "*afin de* prévenir": the marker opens an infinitive of purpose."""
    words = [marker, *(f for f in marker.children if f.dep_ == ud.FIXED)]
    return " ".join(fold(w.text) for w in words) in lex.purpose_words


def _classifier(token: Token, lex: EventLexicon) -> bool:
    """ "une salle *de réunion*", "en cas *d'incendie*": a bare singular noun complement of
    another noun classifies it and tells no happening ("en raison *de manifestations*" is
    the plural indefinite, "de" for "des")."""
    if not token.dep_.startswith(ud.NMOD) or token.head.pos != NOUN:
        return False
    if "Plur" in token.morph.get("Number"):
        return False
    case = next((c for c in token.children if c.dep_ == ud.CASE and c.i < token.i), None)
    return case is not None and fold(case.text) in lex.classifier_cases


def _person_complement(token: Token, lex: EventLexicon) -> bool:
    """ "la disparition *du chanteur Prince*", "*sa* disparition": the complement, if any, is
    a person or carries a name."""
    complements = [c for c in token.children if c.dep_.startswith(ud.NMOD) and c.i > token.i]
    if not complements or any(is_person(c, lex) for c in complements):
        return True
    return any(
        k.pos_ == "PROPN" and k.dep_.startswith(_NAME_DEPS)
        for c in (token, *complements)
        for k in c.children
    )


def _has_complement(token: Token, cases: frozenset[str]) -> bool:
    """ "le vol *de bijoux*", "l'annonce *du retrait*": the noun has a ``de`` complement
    ("le trafic *à la gare*" is the traffic, not a trafficking)."""
    return any(
        c.dep_.startswith(ud.NMOD)
        and c.i > token.i
        and (not cases or any(k.dep_ == ud.CASE and fold(k.text) in cases for k in c.children))
        for c in token.children
    )


def _determiner(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == ud.DET), None)
