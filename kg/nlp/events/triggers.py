"""Finding event triggers (nouns and verbs) and grouping those that tell one happening.

Why grouping here, before arguments: "une collision s'est produite … l'accident … le
drame" is one event, and every later stage (relations pointing at it, the graph, RDF)
needs one id for it. A report usually tells one happening per class, and a French text
introduces a new one with an indefinite article ("un incendie") or a word of contrast
("un autre accident"); later definite mentions ("l'incendie") and verbs of the same class
refer back. Generic nouns ("l'incident", "le drame") always refer to an event already
told (or, at the start of a text, to the next one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import SENT_START
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from kg.lang import fold
from kg.nlp import ud
from kg.nlp.events.lexicon import EventLexicon, TriggerEntry
from kg.nlp.extensions import TokenMention
from kg.nlp.tokens import LEMMA, ORTH, column, pos_ids, strings_of

__all__ = [
    "EventCluster",
    "TriggerHit",
    "cluster_triggers",
    "find_triggers",
    "sentence_numbers",
]

_FOLD = column(fold)
_NOUN_POS = frozenset({NOUN, PROPN, ADJ})
_VERB_POS = frozenset({VERB, AUX})
#: Where a participle the tagger took for a noun or adjective stands ("retrouvé *encastré*"),
#: never a subject's or object's place ("les *élus*").
_PREDICATE_DEPS = frozenset({ud.XCOMP, ud.ACL, ud.ADVCL, ud.AMOD, ud.ROOT})
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


@dataclass(slots=True)
class EventCluster:
    """The triggers of one happening, in text order, and the key of its entity."""

    hits: list[TriggerHit] = field(default_factory=list)
    key: str = ""

    @property
    def cls(self) -> str:
        """The most specific class: a strong trigger's, else the first weak one's."""
        strong = [h.entry.cls for h in self.hits if h.entry.cls and not h.entry.weak]
        weak = [h.entry.cls for h in self.hits if h.entry.cls]
        return (strong or weak or ["EVENT"])[0]

    @property
    def mode(self) -> str | None:
        cls = self.cls
        return next((h.entry.mode for h in self.hits if h.entry.cls == cls and h.entry.mode), None)

    @property
    def main(self) -> TriggerHit:
        """The first trigger of the final class (what the event is told as)."""
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
    quoted = _quoted_names(doc)
    hits: list[TriggerHit] = []
    idiom_nouns: set[int] = set()  # "ouvrir *le feu*" is shooting, not a fire of its own
    i, n = 0, len(doc)
    while i < n:
        if i in idiom_nouns:
            i += 1
            continue
        p = pos[i]
        hit: TriggerHit | None = None
        if p in _NOUN_POS:
            hit = _noun_hit(doc, i, words, lemmas, lex)
        if hit is None and (p in _VERB_POS or (p == ADJ and _participle(doc[i]))):
            hit = _verb_hit(doc, i, lemmas[i], lex)
        if hit is None and p in _NOUN_POS:
            verb = lex.participle_verb(raw[i])
            if verb is not None and doc[i].dep_ in _PREDICATE_DEPS:
                hit = _verb_hit(doc, i, verb, lex)
        if hit is not None:
            host = covering.get(hit.head)
            if hit.head in quoted or (host is not None and host.type not in _HOST_TYPES):
                i += 1
                continue  # "Attaque" inside an organisation's name
            hit.host = host
            hit.sentence = sent_of[hit.head]
            hits.append(hit)
            noun = idiom_object(doc[hit.head], hit.entry) if hit.entry.verb else None
            if noun is not None and _other_class(noun, hit.entry, lex):
                idiom_nouns.add(noun.i)
            i = hit.end
            continue
        i += 1
    return hits


_QUOTE_CHARS = frozenset("«»“”\"‘’'")
#: The longest quoted name read as a name: a quote is longer.
_NAME_TOKENS = 8


def _is_quote(token: Token) -> bool:
    return all(ch in _QUOTE_CHARS for ch in token.text)


def _quoted_names(doc: Doc) -> set[int]:
    """Tokens of a short capitalised quotation right after a noun: the name of what the
    noun names (l'association « *Un toit, un vote* », l'opération "*Tempête*"), so its
    words tell no event. Only documents with quotation marks are scanned."""
    if not any(q in doc.text for q in ("«", "“", '"', "‘", "''")):
        return set()
    inside: set[int] = set()
    n = len(doc)
    for t in doc:
        if not _is_quote(t) or t.i == 0 or doc[t.i - 1].pos not in (NOUN, PROPN):
            continue
        first = t.i + 1
        while first < n and _is_quote(doc[first]):
            first += 1
        stop = next(
            (k for k in range(first, min(n, first + _NAME_TOKENS + 1)) if _is_quote(doc[k])), None
        )
        if stop is not None and stop > first and doc[first].text[:1].isupper():
            inside.update(range(first, stop))
    return inside


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
    if _source_phrase(token, lex):
        return None  # "d'après l'annonce du ministère", "selon l'enquête": a source
    if _blocked(doc, i, end, lex):
        return None
    if entry.singular and "Plur" in token.morph.get("Number"):
        return None  # "neuf morts": a toll, not a death told
    if entry.needs_complement and not _has_complement(doc[i]):
        return None
    det = _determiner(token)
    if det is None and end == i + 1 and _classifier(token, lex):
        return None
    if token.dep_ == ud.OBJ and fold(token.head.lemma_) in lex.wish_verbs:
        return None  # "ont exigé la démission du directeur": a demand, no resignation
    hit = TriggerHit(i, end, i, entry, 0)
    hit.indefinite = det is not None and fold(det.text) in lex.indefinite
    hit.distinct = any(
        fold(t.text) in lex.distinct
        for t in token.children
        if t.dep_ in (ud.AMOD, ud.DET, ud.NUMMOD) or t.pos_ == "ADJ"
    )
    return hit


def _blocked(doc: Doc, i: int, end: int, lex: EventLexicon) -> bool:
    """A word just after the trigger ``[i, end)`` that makes it no news event ("accident *de
    parcours*", "feu *vert*")."""
    token = doc[i]
    blockers = lex.blockers.get(fold(token.lemma_), frozenset()) | lex.blockers.get(
        fold(token.text), frozenset()
    )
    if blockers and any(fold(t.text) in blockers for t in doc[end : end + 3]):
        return True
    before = lex.blockers_before.get(fold(token.lemma_)) or lex.blockers_before.get(
        fold(token.text)
    )
    if not before:
        return False
    words = [fold(t.text) for t in doc[max(0, i - 4) : i] if not t.is_punct]
    text = " ".join(words).replace("' ", "'")
    return any(text == b or text.endswith(" " + b) for b in before)


def _source_phrase(token: Token, lex: EventLexicon) -> bool:
    """ "*selon* l'enquête", "*d'après* la déclaration": the noun names where a statement
    comes from, not a happening of the story."""
    for c in token.children:
        if c.dep_ == ud.CASE and c.i < token.i:
            words = [c, *(f for f in c.children if f.dep_ == ud.FIXED)]
            if " ".join(fold(w.text) for w in words) in lex.source_cases:
                return True
    return False


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


def _has_complement(token: Token) -> bool:
    """ "le vol *de bijoux*", "l'annonce *du retrait*": the noun has a ``de`` complement."""
    return any(c.dep_.startswith(ud.NMOD) and c.i > token.i for c in token.children)


def _determiner(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == ud.DET), None)


def _verb_hit(doc: Doc, i: int, lemma: str, lex: EventLexicon) -> TriggerHit | None:
    """The first reading of the verb ``lemma`` whose checks pass at token ``i``."""
    token = doc[i]
    if token.dep_.startswith(ud.AUX):
        return None
    if _blocked(doc, i, i + 1, lex):
        return None  # "élu *le plus* combatif", "sans rien lâcher"
    for entry in lex.verbs.get(lemma, ()):
        if _verb_reading(token, entry, lex):
            hit = TriggerHit(i, i + 1, i, entry, 0)
            hit.joins_only = _purpose(token, lex) or (
                entry.cls in lex.party_classes and _describing(token, lex)
            )
            return hit
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


def idiom_object(token: Token, entry: TriggerEntry) -> Token | None:
    """The noun that completes the idiom ``entry`` names on ``token``, if it is there."""
    if entry.object is None:
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_.startswith(_IDIOM_DEPS) and entry.object in (fold(c.lemma_), fold(c.text))
        ),
        None,
    )


def _verb_reading(token: Token, entry: TriggerEntry, lex: EventLexicon) -> bool:
    """Whether ``token`` tells the event of this reading (its idiom noun, its needs)."""
    if entry.not_forms and fold(token.text) in entry.not_forms:
        return False  # "le choc a été *violent*": an adjective, not "violer"
    children = list(token.children)
    if entry.object is not None:
        noun = idiom_object(token, entry)
        if noun is None or _blocked(noun.doc, noun.i, noun.i + 1, lex):
            return False  # "mettre le feu *aux poudres*" sets nothing alight
    if entry.objects and any(
        c.dep_ in (ud.OBJ, ud.NSUBJ_PASS) and fold(c.lemma_) not in entry.objects for c in children
    ):
        return False  # "signer le registre", "signer des autographes": no agreement
    if entry.objects and token.dep_ == ud.ACL and fold(token.head.lemma_) not in entry.objects:
        return False  # "le registre signé", "la photo signée": nothing agreed
    needs = entry.needs
    passive = any(c.dep_ in (ud.AUX_PASS, ud.NSUBJ_PASS) for c in children)
    reflexive = any(c.dep_.startswith(ud.EXPL) or "Reflex=Yes" in str(c.morph) for c in children)
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
    if needs == "person" and not _person_patient(token, lex, passive):
        return False
    if needs == "person_subject" and (
        has_object or not any(c.dep_ == ud.NSUBJ and _is_person(c, lex) for c in children)
    ):  # "il a glissé", not "les prix ont glissé" nor "il a glissé un mot"
        return False
    participle = token.dep_ == ud.ACL and "Part" in token.morph.get("VerbForm")
    # "la loi votée" is no vote told
    return not (needs == "intransitive" and (has_object or passive or participle))


def _person_object(token: Token, lex: EventLexicon) -> bool:
    """The object is a person: a name, a pronoun, or a noun for people ("un suspect")."""
    for c in token.children:
        if c.dep_ == ud.OBJ:
            return _is_person(c, lex)
    return False


def _person_patient(token: Token, lex: EventLexicon, passive: bool) -> bool:
    """The one acted on is a person: the object, or the subject of a passive ("le suspect a
    été maîtrisé", not "l'incendie a été maîtrisé")."""
    if not passive:
        return _person_object(token, lex)
    return any(c.dep_ in (ud.NSUBJ_PASS, ud.NSUBJ) and _is_person(c, lex) for c in token.children)


def _is_person(token: Token, lex: EventLexicon) -> bool:
    """A name, a personal pronoun, or a noun for people."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ == "PER":
        return True
    return fold(token.lemma_) in lex.person_nouns


def cluster_triggers(
    hits: list[TriggerHit],
    window: int,
    verbal: frozenset[str] = frozenset(),
    planned: frozenset[str] = frozenset(),
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
        target = None if hit.distinct else _same_class(clusters, hit, verbal, planned)
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


def _all_weak(cluster: EventCluster) -> bool:
    return all(h.entry.weak for h in cluster.hits if h.entry.cls)


def _verbs_only_nearby(cluster: EventCluster, hit: TriggerHit) -> bool:
    """ "Une voiture a percuté un arbre : un accident …": a noun naming a verb just told."""
    told = [h for h in cluster.hits if h.entry.cls]
    return all(h.entry.verb for h in told) and hit.sentence - told[-1].sentence <= 1
