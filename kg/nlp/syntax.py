"""Syntactic helpers for relation patterns: mentions on tokens, arguments, lists.

Why both tree and surface rules: the French parser is right about heads most of the time but
often misattaches coordinated names ("le Royaume-Uni et la Lettonie"), enumerations ("Huit
États, dont l'Allemagne et les Pays-Bas,") and prepositional phrases. Arguments are read from
the tree, then widened by cheap left-to-right scans over the mention index, which is built
once per document so every lookup is O(1).

:class:`Syntax` is put together from mixins: subjects, objects and prepositional slots in
:mod:`kg.nlp.verb_arguments`, lists of mentions in :mod:`kg.nlp.mention_lists`, whole
clauses in :mod:`kg.nlp.relatives`; this module keeps the mention index, the candidate
record, the document tables and prepositions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.mention_lists import MentionLists
from kg.nlp.relatives import ClauseReading
from kg.nlp.tokens import ORTH, column, heads_with_child, pos_ids, sentence_bounds
from kg.nlp.verb_arguments import VerbArguments

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

#: How the parser hangs a name on a role noun with no preposition ("le sénateur X").
_NAME_DEPS = frozenset({ud.NMOD, ud.FLAT_NAME, ud.AMOD})


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


class Syntax(VerbArguments, MentionLists, ClauseReading):
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
        #: Per token index, its :meth:`subjects` and :meth:`passive` (frames and event
        #: roles ask for the same verb's again and again); see :meth:`forget`.
        self._subjects: dict[int, list[Token]] = {}
        self._passive: dict[int, bool] = {}

    def forget(self) -> None:
        """Drop the remembered subjects and voices: a caller changed a token's lemma,
        which they may read (an "être" verb, a planned noun, a controlling verb)."""
        self._subjects.clear()
        self._passive.clear()

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
        found = self._passive.get(verb.i)
        if found is None:
            found = self._passive[verb.i] = self._read_passive(verb)
        return found

    def _read_passive(self, verb: Token) -> bool:
        if not is_passive(verb):
            return False
        children = [c.dep_ for c in verb.children]
        if ud.NSUBJ in children and ud.AUX_PASS not in children:
            return False
        if fold_lexeme(verb.lemma_) not in self.etre_verbs:
            return True
        return any(c.dep_ == ud.OBL_AGENT for c in verb.children)
