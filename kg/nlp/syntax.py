"""Syntactic helpers for relation patterns: mentions on tokens, arguments, lists.

Why both tree and surface rules: the French parser is right about heads most of the time but
often misattaches coordinated names ("le Royaume-Uni et la Lettonie"), enumerations ("Huit
États, dont l'Allemagne et les Pays-Bas,") and prepositional phrases. Arguments are read from
the tree, then widened by cheap left-to-right scans over the mention index, which is built
once per document so every lookup is O(1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.symbols import AUX, DET, VERB
from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.appositions import apposed_subject, named_before_apposition
from kg.nlp.extensions import TokenMention
from kg.nlp.relatives import AUXILIARY_DEPS as _AUXILIARIES
from kg.nlp.relatives import SUBJECT_DEPS as _SUBJ
from kg.nlp.relatives import ClauseReading
from kg.nlp.tokens import ORTH, column, heads_with_child, pos_ids, sentence_bounds

#: Folded words of a document, memoised per string (see kg.nlp.tokens).
_FOLD = column(fold_lexeme)

__all__ = [
    "MentionIndex",
    "RelationCandidate",
    "Syntax",
    "cue_words",
    "is_passive",
    "syntax_cues",
]

_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "ADJ"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_OPENERS = frozenset({"–", "—", "-", "(", ":"})
#: How the parser hangs a name on a role noun with no preposition ("le sénateur X").
_NAME_DEPS = frozenset({ud.NMOD, ud.FLAT_NAME, ud.AMOD})
_BARE_SUBJ_DEPS = frozenset({ud.OBL_MOD, ud.OBL, ud.NMOD, ud.DEP, ud.NSUBJ})


@dataclass(slots=True)
class RelationCandidate:
    """A proposed relation before modality, time and evidence are attached."""

    subject: TokenMention
    predicate: str
    object: TokenMention
    trigger: Token
    attributes: dict[str, Any] = field(default_factory=dict)
    #: Title and location facts are stated as background, not as events with a modality.
    static: bool = False
    #: A background fact's own modality ("le sommet *prévu* à Washington": planned).
    modality: str | None = None
    #: Whether a background fact takes its clause's time ("prévu … en juillet").
    timed: bool = False


class MentionIndex:
    """Token -> mention lookups for one document (innermost mention wins)."""

    def __init__(self, doc: Doc, mentions: Sequence[TokenMention]) -> None:
        self.doc = doc
        self.mentions = list(mentions)
        self._covering: list[TokenMention | None] = [None] * len(doc)
        self._by_root: dict[int, TokenMention] = {}
        self.starts: dict[int, list[TokenMention]] = {}
        self.ends: dict[int, list[TokenMention]] = {}
        self.roots: dict[TokenMention, int] = {}
        self._with_case: set[int] | None = None  # tokens with a preposition ("case") child
        # Sorted by (start, -end): a nested mention comes after its container and overwrites it.
        for mention in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            if not 0 <= mention.start < mention.end <= len(doc):
                continue
            for i in range(mention.start, mention.end):
                self._covering[i] = mention
            root = doc[mention.start : mention.end].root.i
            self.roots[mention] = root
            self._by_root[root] = mention
            self.starts.setdefault(mention.start, []).append(mention)
            self.ends.setdefault(mention.end, []).append(mention)

    def at(self, token: Token) -> TokenMention | None:
        """The innermost mention headed by ``token``, else the innermost containing it."""
        return self._by_root.get(token.i) or self._covering[token.i]

    def at_or_apposed(self, token: Token) -> TokenMention | None:
        """Like :meth:`at`, but a bare title or role noun yields its apposed name.

        "le ministre ..., Andris Sprūds," / "en tant que fournisseur ..., le Royaume-Uni";
        also a person's name the parser hung on the role noun without a preposition ("le
        sénateur démocrate *Harry Reid*": ``nmod``) or as a conjunct after a bare comma, so
        a titled subject or object is the person the title names.
        """
        mention = self.at(token)
        if mention is not None:
            return mention
        for child in token.children:
            if child.dep_ == ud.APPOS:
                return self.at(child)
        if token.pos_ != "NOUN":
            return None
        for child in token.rights:
            if child.dep_ in _NAME_DEPS:
                bare = not self.has_case(child.i)
            elif child.dep_ == ud.CONJ:
                # "le candidat de l'opposition, Alassane Ouattara": an apposition read as a
                # conjunct (a comma, no conjunction).
                bare = self.doc[child.i - 1].text == "," and not any(
                    g.dep_ == ud.CC for g in child.children
                )
            else:
                continue
            named = self.at(child) if bare else None
            if named is not None and named.type == "Person":
                return named
        return None

    def has_case(self, i: int) -> bool:
        """Whether token ``i`` has a preposition child ("case"): read once per document."""
        if self._with_case is None:
            self._with_case = heads_with_child(self.doc, ud.CASE)
        return i in self._with_case

    def headed_by(self, token: Token) -> TokenMention | None:
        """The innermost mention whose syntactic head is ``token`` (None if none)."""
        return self._by_root.get(token.i)

    def covering(self, i: int) -> TokenMention | None:
        """The innermost mention containing token ``i``."""
        return self._covering[i]


#: How spaCy's French tokenizer cuts a phrase: an elided word keeps its apostrophe ("l'").
_CUE_WORDS = re.compile(r"\w+'|\w+|[^\w\s]")


def cue_words(phrase: str) -> tuple[str, ...]:
    """The folded words of a multiword cue, cut as the parser cuts text, so that
    :meth:`Syntax.cue_before` can compare them token by token: "à l'occasion de" ->
    ("à", "l'", "occasion", "de"); splitting on spaces would keep "l'occasion" whole, a word
    no token ever is."""
    return tuple(_CUE_WORDS.findall(fold_lexeme(phrase)))


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive: "a été lancée", or a past participle on a noun ("menée")."""
    if "Pass" in verb.morph.get("Voice") or any(c.dep_ == ud.AUX_PASS for c in verb.children):
        return True
    participle = "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    if participle and verb.dep_ == ud.CONJ and verb.head.dep_ == ud.ACL:
        # "composé de X *et soutenu* par Y": a participle coordinated with one on a noun.
        verb = verb.head
    return (
        verb.dep_ == ud.ACL
        and "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and verb.head.pos_ in {"NOUN", "PROPN"}
    )


def syntax_cues(lex: Mapping[str, Any], words: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments of :class:`Syntax` from a relation lexicon and the language's
    closed-class words (``kg.lang.words``), for every reader.

    Why one builder: the relation patterns and the event components read the same subjects,
    objects and passives; an argument finder built without the "être" verbs reads "est
    arrivé" as a passive (its subject then an object), so both must get the same cues.
    """
    return {
        "case_aliases": {fold_lexeme(k): v for k, v in lex["case_aliases"].items()},
        "case_roles": {role: fold_lexeme(word) for role, word in lex["case_roles"].items()},
        "planned_nouns": frozenset(fold_lexeme(w) for w in lex["modality"]["planned_nouns"]),
        "list_joiners": lex["list_joiners"],
        "enumeration_cues": lex["enumeration_cues"],
        "etre_verbs": frozenset(words["etre_verbs"]),
        "relative_words": tuple(lex.get("relative_words", ())),
        "dative_controllers": frozenset(
            fold_lexeme(w) for w in lex.get("dative_controllers", {}).get("verbs", ())
        ),
        "dative_case": fold_lexeme(lex.get("dative_controllers", {}).get("case", "")),
    }


class Syntax(ClauseReading):
    """Argument finding over one document, with the lexicon's list and enumeration cues."""

    def __init__(
        self,
        index: MentionIndex,
        *,
        case_aliases: dict[str, str],
        case_roles: dict[str, str],
        planned_nouns: frozenset[str],
        list_joiners: Iterable[str],
        enumeration_cues: Iterable[str],
        etre_verbs: frozenset[str] = frozenset(),
        relative_words: Iterable[str] = (),
        dative_controllers: frozenset[str] = frozenset(),
        dative_case: str = "",
    ) -> None:
        self.index = index
        self.doc = index.doc
        self.case_aliases = case_aliases
        #: The genitive preposition, the passive agent's and the genitive relative pronoun.
        self.genitive = case_roles["genitive"]
        self.agent_case = case_roles["agent"]
        self.relative_genitive = case_roles["relative_genitive"]
        self.planned_nouns = planned_nouns
        joiners = [tuple(fold_lexeme(j).split()) for j in list_joiners]
        self.joiners = sorted(joiners, key=len, reverse=True)
        self.closing_joiners = {j for j in joiners if j != (",",)}
        self.enumeration_cues = sorted(
            (tuple(fold_lexeme(c).split()) for c in enumeration_cues), key=len, reverse=True
        )
        self._words: list[str] | None = None
        self._pos: list[int] | None = None
        self._sents: tuple[list[int], list[int]] | None = None
        self._sents_read = False
        #: Verbs whose compound past takes "être": "est entrée dans" is active, not passive.
        self.etre_verbs = etre_verbs
        #: Relative pronouns the parser may tag as a conjunction ("que" as ``mark``).
        self.relative_words = frozenset(fold_lexeme(w) for w in relative_words)
        #: Verbs whose "à" complement does the infinitive they govern ("demander *à X* de").
        self.dative_controllers = dative_controllers
        self.dative_case = dative_case

    @property
    def words(self) -> list[str]:
        """The folded text of every token of the document (read once, on first use)."""
        if self._words is None:
            self._words = _FOLD(self.doc, ORTH)
        return self._words

    @property
    def pos(self) -> list[int]:
        """``token.pos`` of every token (``spacy.symbols`` ids), read once per document."""
        if self._pos is None:
            self._pos = pos_ids(self.doc)
        return self._pos

    def sent_start(self, token: Token) -> int:
        """``token.sent.start``, from a table built once per document (see
        :func:`kg.nlp.tokens.sentence_bounds`: ``token.sent`` costs ~5 µs a call)."""
        bounds = self._sentence_bounds()
        return token.sent.start if bounds is None else bounds[0][token.i]

    def sent_end(self, token: Token) -> int:
        """``token.sent.end``, from the same table."""
        bounds = self._sentence_bounds()
        return token.sent.end if bounds is None else bounds[1][token.i]

    def _sentence_bounds(self) -> tuple[list[int], list[int]] | None:
        if not self._sents_read:
            self._sents = sentence_bounds(self.doc)
            self._sents_read = True
        return self._sents

    # -- prepositions -------------------------------------------------------------------
    def case_of(self, token: Token) -> str | None:
        """The (normalised) preposition introducing ``token``: "aux forces" -> "à"."""
        for child in token.children:
            if child.dep_ in {ud.CASE, ud.MARK} and child.i < token.i:
                word = fold_lexeme(child.text)
                return self.case_aliases.get(word, word)
        return None

    def raw_case_of(self, token: Token) -> str | None:
        """The preposition as written (lower-case), for locative checks ("au", "en")."""
        for child in token.children:
            if child.dep_ == ud.CASE and child.i < token.i:
                return fold_lexeme(child.text)
        return None

    # -- subjects and objects -------------------------------------------------------------
    def passive(self, verb: Token) -> bool:
        """:func:`is_passive`, except an "être" verb with no agent ("est entrée dans l'OTAN",
        "est devenue membre") and a participle with a plain subject and no passive auxiliary
        ("que le Japon avait rejeté"): active, whatever voice the parser gives them."""
        if not is_passive(verb):
            return False
        children = [c.dep_ for c in verb.children]
        if ud.NSUBJ in children and ud.AUX_PASS not in children:
            return False
        if fold_lexeme(verb.lemma_) not in self.etre_verbs:
            return True
        return any(c.dep_ == ud.OBL_AGENT for c in verb.children)

    def subjects(self, verb: Token) -> list[Token]:
        """Logical subject tokens of ``verb`` (agent of a passive, controller of an infinitive)."""
        if self.passive(verb):
            # "ratifié depuis par le Chili": the agent's preposition need not come first.
            return [
                c
                for c in verb.children
                if c.dep_ == ud.OBL_AGENT
                or (
                    c.dep_.startswith((ud.OBL, ud.NMOD))
                    and any(
                        g.dep_ == ud.CASE and self.case_word(g) == self.agent_case for g in c.lefts
                    )
                )
            ]
        token = verb
        for _ in range(6):
            found = [c for c in token.children if c.dep_ in _SUBJ] or [
                # "La Syrie n'ayant pas ratifié …": the subject hung on the auxiliary.
                g
                for c in token.children
                if c.dep_ in _AUXILIARIES
                for g in c.children
                if g.dep_ in _SUBJ
            ]
            if found:
                found = self._after_rubric(token, self._own_subjects(token, found))
                own = [self.antecedent(token, s) for s in found]
                return [self._apposed_name(s, token) for s in own]
            dep, head = token.dep_, token.head
            if head.i == token.i:
                break
            if dep == ud.XCOMP and (controller := self._controller(token)) is not None:
                # "accuse le Mali de soutenir X", "a été invité à signer": the governor's
                # object does the infinitive, not its subject.
                return controller
            if dep == ud.XCOMP or (dep == ud.CONJ and head.pos_ in {"VERB", "AUX"}):
                token = head
            elif dep == ud.ADVCL and self._nonfinite(token):
                # "travaillerait pour atteindre ...": a purpose infinitive shares the subject,
                # as do a gerund ("en signant …, X") and "après avoir rencontré …, X".
                token = head
            elif dep == ud.ADVCL and self._run_on_verb(token, head):
                token = head
            elif dep == ud.ADVCL and token.i < head.i and token.pos_ in {"ADJ", "VERB"}:
                # "Présente lors de la cérémonie, X a salué …": a fronted verbless or
                # participial phrase with no subject of its own is about the main subject.
                token = head
            elif dep == ud.ACL and head.pos_ in {"NOUN", "PROPN"}:
                if fold_lexeme(head.lemma_) in self.planned_nouns:
                    token = head
                else:
                    return [head]
            elif token.pos_ in {"NOUN", "PROPN"} and dep.startswith((ud.OBJ, ud.OBL)):
                token = head
            else:
                break
        return [self._apposed_name(s, token) for s in self._bare_subjects(token)]

    def _apposed_name(self, subject: Token, verb: Token) -> Token:
        """The name a role noun subject is apposed to ("X, champion du monde, a gagné"), see
        :func:`kg.nlp.appositions.named_before_apposition`; else ``subject`` itself."""
        return named_before_apposition(subject, verb, self.index) or subject

    def _after_rubric(self, verb: Token, subjects: list[Token]) -> list[Token]:
        """Drop a headline's rubric the parser made a subject too: in "SNCF : le syndicat
        refuse de signer", only the subject after the last colon before the verb acts."""
        if len(subjects) < 2:
            return subjects
        first = min(s.i for s in subjects)
        colons = [i for i in range(first, verb.i) if self.doc[i].text == ":"]
        if not colons:
            return subjects
        return [s for s in subjects if s.i > colons[-1]] or subjects

    def _controller(self, infinitive: Token) -> list[Token] | None:
        """Who does ``infinitive`` when its governor's object does, else None.

        French object control: an infinitive under a verb with a direct object is done by
        that object ("inviter *le Mali* à signer", "accuser *X* d'avoir aidé Y"), under a
        passive by its patient ("*X* a été invité à signer"), under a dative-control verb by
        its "à" complement ("demander *au Mali* de signer"). A pronoun is kept as the
        controller (it names nobody here) so the governor's subject is never taken instead.
        """
        head = infinitive.head
        if head.pos_ not in {"VERB", "AUX"} or infinitive.pos_ != "VERB":
            return None
        if self.passive(head):
            patients = self.direct_objects(head)
            return patients or None
        objects = [c for c in head.children if c.dep_ == ud.OBJ and c.i < infinitive.i]
        if not objects and fold_lexeme(head.lemma_) in self.dative_controllers:
            objects = [
                c
                for c in head.children
                if c.i < infinitive.i
                and (
                    c.dep_ == ud.IOBJ
                    or (c.dep_.startswith(ud.OBL) and self.case_of(c) == self.dative_case)
                )
            ]
        return [self.antecedent(head, o) for o in objects] or None

    def _bare_subjects(self, verb: Token) -> list[Token]:
        """Parser fallback: a bare noun phrase left of the verb, misattached as an adjunct.

        It may also hang as a conjunct of a fronted phrase ("Selon la presse, huit pays,
        dont …, devraient rejoindre"): a conjunct with no preposition of its own.
        """
        found = []
        for c in verb.lefts:
            if c.dep_ in _BARE_SUBJ_DEPS and c.pos_ in _NOUNS and self.case_of(c) is None:
                found.append(c)
            found.extend(
                g
                for g in c.children
                if g.dep_ == ud.CONJ and g.i > c.i and g.pos_ in _NOUNS and self.case_of(g) is None
            )
        if not found:
            found = self._fronted_relative_subject(verb)
        if not found:
            # "Lors de la finale, X, tête de série, a battu Y": the name hung in the fronted phrase.
            apposed = apposed_subject(verb, self.index)
            found = [apposed[0]] if apposed else []
        return sorted(found, key=lambda t: t.i)[-1:]

    def _fronted_relative_subject(self, verb: Token) -> list[Token]:
        """ "La Suède, dont l'adhésion … attend …, devrait signer": the parser often gives
        the sentence-initial noun to the relative clause's verb; it is the main subject.
        """
        doc = self.doc
        sent_end = self.sent_end(verb)
        for token in (doc[i] for i in range(self.sent_start(verb), sent_end)):
            if token.i >= verb.i or token.pos_ in {"VERB", "AUX"}:
                return []
            if token.pos_ in _NOUNS:
                nxt = token.i + 1
                while nxt < sent_end and self.doc[nxt].pos_ == "PROPN":
                    nxt += 1
                if (
                    nxt + 1 < sent_end
                    and self.doc[nxt].text == ","
                    and self.is_relative(self.doc[nxt + 1])
                ):
                    return [token]
                return []
        return []

    def direct_objects(self, verb: Token) -> list[Token]:
        """Logical direct objects of ``verb`` (the subject of a passive, the noun of "menée")."""
        if self.passive(verb):
            found = [self.antecedent(verb, c) for c in verb.children if c.dep_ == ud.NSUBJ_PASS]
            if not found and any(c.dep_ == ud.AUX_PASS for c in verb.children):
                # "X est élu président": the parser may label the patient a plain subject
                # while it reads "est" as the passive auxiliary.
                found = [self.antecedent(verb, c) for c in verb.children if c.dep_ == ud.NSUBJ]
            if not found and verb.dep_ == ud.ACL:
                found = [verb.head]
            elif not found and verb.dep_ == ud.CONJ and self.passive(verb.head):
                # "le gouvernement, composé de X et soutenu par Y": the first participle's.
                found = self.direct_objects(verb.head)
            elif not found and verb.dep_ == ud.ADVCL and verb.i < verb.head.i:
                # "Soutenu par le parti, X a …": a fronted participle qualifies the subject.
                found = self.subjects(verb.head)
            return found
        # A noun ud.XCOMP, or an ud.OBL_ARG with no preposition ("qui dirige Amnesty
        # International"), is the parser's frequent misreading of a plain object.
        found = [
            self.antecedent(verb, c)
            for c in verb.children
            if c.dep_ == ud.OBJ
            or (c.dep_ == ud.XCOMP and c.pos_ in _NOUNS)
            or (c.dep_ == ud.OBL_ARG and c.pos_ in _NOUNS and self.case_of(c) is None)
        ]
        if found:
            return found
        return self._stray_objects(verb)

    def arguments(self, verb: Token, slots: frozenset[str]) -> list[Token]:
        """Argument tokens of ``verb`` in ``slots``: "nsubj", "obj" or prepositions."""
        found: list[Token] = []
        if ud.NSUBJ in slots:
            found.extend(self.subjects(verb))
        if ud.OBJ in slots:
            found.extend(self.direct_objects(verb))
        preps = slots - {ud.OBJ, ud.NSUBJ}
        if preps:
            found.extend(self.prepositional(verb, preps))
        return found

    def prepositional(self, verb: Token, preps: frozenset[str]) -> list[Token]:
        """Dependents of ``verb`` (or of its objects, for misattached phrases) under ``preps``."""
        found = []
        for child in verb.children:
            if child.dep_.startswith((ud.OBL, ud.NMOD, ud.IOBJ)) and self.case_of(child) in preps:
                found.append(child)
            if child.dep_.startswith((ud.OBJ, ud.OBL)) and child.pos_ in _NOMINAL:
                found.extend(self._nested(child, preps, 3))
        return found

    def _nested(self, noun: Token, preps: frozenset[str], depth: int) -> list[Token]:
        """Phrases under ``preps`` hung on an object noun or on its genitives ("promis une
        aide de dix millions d'euros *au Mali*": the parser hangs "au Mali" on "millions")."""
        found = []
        for g in noun.children:
            if not g.dep_.startswith(ud.NMOD):
                continue
            case = self.case_of(g)
            if case in preps:
                found.append(g)
            elif depth > 1 and case == self.genitive and self.genitive not in preps:
                found.extend(self._nested(g, preps, depth - 1))
        return found

    # -- mentions, coordination, enumeration ------------------------------------------------
    def mentions_of(self, token: Token, types: frozenset[str]) -> list[TokenMention]:
        """The mention at ``token`` plus its coordinated and enumerated siblings, by type."""
        result: list[TokenMention] = []
        mention = self.index.at_or_apposed(token)
        if mention is not None and mention.type in types:
            result.append(mention)
            result.extend(self.coordinated(mention, types))
            result.extend(
                m for m in self.coordinated_before(mention, token, types) if m not in result
            )
            bare = self.index.at(token) is None
            root = self.doc[self.index.roots[mention]]
            heads = [token] if root.i == token.i else [token, root]
            for conj in (c for head in heads for c in head.children):
                # "le président français X et la chancelière allemande Y": a titled
                # conjunct is its bearer, and a bare role noun's further appositions count.
                if conj.dep_ == ud.CONJ or (bare and conj.dep_ == ud.APPOS):
                    other = self.index.at_or_apposed(conj)
                    if other is not None and other.type in types and other not in result:
                        result.append(other)
        members = self.enumerated(token, types)
        result.extend(m for m in members if m not in result)
        return result

    def _joiner_at(self, i: int) -> tuple[str, ...] | None:
        folded = self.words
        for joiner in self.joiners:
            if tuple(folded[i : i + len(joiner)]) == joiner:
                return joiner
        return None

    def _list_after(
        self, i: int, types: frozenset[str], *, need_closing: bool, case: str | None = None
    ) -> tuple[list[TokenMention], int]:
        """Scan "A, B et C" from token ``i``; return the members and the index after them.

        ``case``: the preposition of the first member, which each member may repeat ("de la
        France, de l'Allemagne et de l'Italie").
        """
        doc = self.doc
        members: list[tuple[tuple[str, ...], TokenMention]] = []
        while i < len(doc):
            joiner = self._joiner_at(i)
            if joiner is None:
                break
            j = i + len(joiner)
            if case is not None and j < len(doc) and self.case_word(doc[j]) == case:
                j += 1
            while j < len(doc) and doc[j].pos_ == "DET":
                j += 1
            candidates = [m for m in self.index.starts.get(j, ()) if m.type in types]
            if not candidates:
                break
            mention = candidates[0]
            members.append((joiner, mention))
            i = mention.end
        if need_closing:
            last = max(
                (k for k, (j, _) in enumerate(members) if j in self.closing_joiners), default=-1
            )
            members = members[: last + 1]
        return [m for _, m in members], i

    def coordinated(self, mention: TokenMention, types: frozenset[str]) -> list[TokenMention]:
        """Mentions coordinated after ``mention`` ("le Royaume-Uni *et la Lettonie*")."""
        j = mention.start - 1
        while j >= 0 and self.doc[j].pos_ == "DET":
            j -= 1
        case = self.case_word(self.doc[j]) if j >= 0 else None
        members, _ = self._list_after(mention.end, types, need_closing=True, case=case)
        return members

    def coordinated_before(
        self, mention: TokenMention, token: Token, types: frozenset[str]
    ) -> list[TokenMention]:
        """Mentions coordinated *before* ``mention`` when the parser made the first conjunct
        the head of the clause ("*Le Canada et* la Norvège sont signataires": "Canada" is
        the root, "Norvège" the subject): each earlier member must govern ``token``.
        """
        doc, index = self.doc, self.index
        ancestors = {a.i for a in token.ancestors}
        chain = self.members_before(mention, types)
        if not chain:
            return []
        # "Le Canada, le Chili, la Norvège et le Japon ont condamné": a list that opens the
        # sentence is the subject's list whatever the parser made of its first members.
        first = chain[-1].start
        sent_start = self.sent_start(token)
        while first > sent_start and doc[first - 1].pos_ == "DET":
            first -= 1
        if first == sent_start:
            return chain
        found: list[TokenMention] = []
        for member in chain:
            if index.roots[member] not in ancestors:
                break
            found.append(member)
        return found

    def members_before(self, mention: TokenMention, types: frozenset[str]) -> list[TokenMention]:
        """The mentions listed right before ``mention`` ("A, B et" before C), nearest first."""
        doc, index = self.doc, self.index
        found: list[TokenMention] = []
        start = mention.start
        while True:
            j = start - 1
            while j >= 0 and doc[j].pos_ == "DET":
                j -= 1
            joiner = next(
                (
                    jn
                    for jn in self.joiners
                    if j + 1 >= len(jn) and tuple(self.words[j - len(jn) + 1 : j + 1]) == jn
                ),
                None,
            )
            if joiner is None:
                return found
            end = j - len(joiner) + 1
            before = next((m for m in index.ends.get(end, ()) if m.type in types), None)
            if before is None or before in found:
                return found
            found.append(before)
            start = before.start

    def case_word(self, token: Token) -> str | None:
        """The normalised preposition a token is ("aux" -> "à"), else None."""
        if token.pos_ != "ADP":
            return None
        word = fold_lexeme(token.text)
        return self.case_aliases.get(word, word)

    def cue_before(self, start: int, cues: Iterable[tuple[str, ...]]) -> bool:
        """Whether one of ``cues`` (folded words) ends just before ``start``, determiners
        apart, prepositions compared through their aliases: "*lors d'*une réunion",
        "*en marge du* sommet"."""
        doc, aliases = self.doc, self.case_aliases
        i = start
        while i > 0 and doc[i - 1].pos_ == "DET":
            i -= 1
        for cue in cues:
            if len(cue) > i:
                continue
            words = (
                aliases.get(w, w) for w in (fold_lexeme(t.text) for t in doc[i - len(cue) : i])
            )
            if tuple(words) == tuple(aliases.get(w, w) for w in cue):
                return True
        return False

    def enumerated(self, token: Token, types: frozenset[str]) -> list[TokenMention]:
        """Members listed after a group noun: "huit États, *dont l'Allemagne et les Pays-Bas*,".

        The list must be closed by punctuation or the sentence end, so that a relative
        clause ("la coalition, dont la France fait partie") is not read as a list.
        """
        doc, pos = self.doc, self.pos
        sent_end = self.sent_end(token)
        limit = min(token.i + 8, sent_end)
        i = token.i + 1
        folded = self.words
        while i < limit:
            if pos[i] == VERB or pos[i] == AUX:
                return []
            cue = next(
                (c for c in self.enumeration_cues if tuple(folded[i : i + len(c)]) == c),
                None,
            )
            if cue is not None:
                break
            i += 1
        else:
            return []
        j = i + len(cue)
        while j < len(doc) and (pos[j] == DET or doc[j].text in _OPENERS):
            j += 1
        first = next((m for m in self.index.starts.get(j, ()) if m.type in types), None)
        if first is None:
            return []
        rest, end = self._list_after(first.end, types, need_closing=False)
        if end < len(doc) and end < sent_end and not (doc[end].is_punct or doc[end].is_space):
            return []
        return [first, *rest]
