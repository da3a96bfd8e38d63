"""A title's bearer named outside the title phrase: before a comma ("X, ministre …", "X,
l'une des fondatrices de …"), as the subject of a title verb ("X a été élu président"), or as
the antecedent of a relative clause ("X, qui fut premier ministre").

Why apart from :mod:`kg.nlp.relations.titles`: the phrase after a title is read on the
surface, the bearer elsewhere is read on the tree (with the parser's usual misreadings of
"élu président" as an object or a bare ``dep``); each side stays small.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.ages import AgePhrase
from kg.nlp.relations.holders import relative_bearer
from kg.nlp.syntax import Syntax

__all__ = ["Bearers"]

_PERSON = frozenset({"Person"})
#: Words a bare body may qualify ("l'*élue* PS", tagged a noun or a participle).
_CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
#: Words between a comma and its title ("X, le *nouveau* chef", "A et B, *tous deux* élus").
_BEFORE_TITLE = frozenset({"DET", "ADJ", "NUM"})
#: How many words ("tous deux") may stand between a list's comma and a plural title.
_LIST_GAP = 3
#: How many tokens the first of two joined roles may span.
_CONJUNCT_WINDOW = 10


class Bearers:
    """Finds a title's bearer before the title or through the tree."""

    def __init__(
        self,
        partitives: Iterable[tuple[str, ...]],
        former: frozenset[str],
        verbs: frozenset[str],
        kinds: frozenset[str] = frozenset(),
        ages: AgePhrase | None = None,
        and_words: frozenset[str] = frozenset(),
    ) -> None:
        #: "l'un des", "une de ses": words before a plural title that name one bearer.
        self.partitives = list(partitives)
        #: "ancien", "ex-": words of a former role.
        self.former = former
        #: Verbs that confer a title ("élire", "nommer", "devenir").
        self.verbs = verbs
        #: Kind nouns of a member that is no person ("le Mali, *pays* membre de …").
        self.kinds = kinds
        #: "X, 53 ans, directeur de Y": an age between the bearer and the title.
        self.ages = ages
        #: "X, sociologue *et* professeur à Y", "A *et* B, cofondateurs": the words that
        #: join two roles of one bearer or the last two people of a list.
        self.and_words = and_words

    def before(
        self, title: Token, syn: Syntax, types: frozenset[str] = frozenset({"Person"})
    ) -> TokenMention | None:
        """ "X, ministre ..." / "X, le président ...": a person just before a comma (or a
        country or body, when ``types`` allows: "le Mali, pays membre de …")."""
        doc = title.doc
        j = title.i
        start = title.sent.start
        # "X, l'une des fondatrices …", "X, ancien employé …": partitive and former words too.
        for _ in range(4):
            # "X, le *nouveau* chef du CNS": adjectives before the title too.
            while j > start and doc[j - 1].pos_ in _BEFORE_TITLE and doc[j - 1].is_lower:
                j -= 1
            partitive = next(
                (
                    words
                    for words in self.partitives
                    if j - len(words) >= start
                    and tuple(fold_lexeme(t.text) for t in doc[j - len(words) : j]) == words
                ),
                None,
            )
            if partitive is not None:
                j -= len(partitive)
            elif j > start and (
                fold_lexeme(doc[j - 1].text) in self.former
                or (
                    types != _PERSON
                    and doc[j - 1].is_lower
                    and fold_lexeme(doc[j - 1].lemma_) in self.kinds
                )
            ):
                j -= 1
            else:
                break
        if j > 0 and doc[j - 1].text == ",":
            found = self._ending_at(j - 1, syn, types)
            if found is None and self.ages is not None and types == _PERSON:
                comma = self.ages.back(doc, j - 1)
                if comma is not None:
                    found = self._ending_at(comma, syn, types)
            return found
        if (
            j > 0
            and fold_lexeme(doc[j - 1].text) in self.and_words
            # "X, ancien directeur de Y et *actuel* président de Z": adjectives apart, no
            # article ("et le président de Z" names someone else)
            and all(t.pos_ == "ADJ" and t.is_lower for t in doc[j : title.i])
        ):
            return self._first_conjunct(j - 1, syn)
        return None

    def apposed_list(self, title: Token, syn: Syntax) -> list[TokenMention]:
        """ "A et B, (tous deux) cofondateurs de Y": the people of a list closed by the
        comma before a plural title, joined by commas and a last "et" (at least two)."""
        doc = title.doc
        start = title.sent.start
        j = title.i
        while (
            j > start
            and j > title.i - _LIST_GAP
            and doc[j - 1].is_lower
            and doc[j - 1].pos_ in {"DET", "ADJ", "NUM", "PRON"}
        ):
            j -= 1  # "tous deux", "les deux", "deux anciens"
        if j <= start or doc[j - 1].text != ",":
            return []
        last = self._ending_at(j - 1, syn, _PERSON)
        if last is None or last.start <= start:
            return []
        if fold_lexeme(doc[last.start - 1].text) not in self.and_words:
            return []
        people = [last]
        k = last.start
        while k > start and (
            doc[k - 1].text == "," or fold_lexeme(doc[k - 1].text) in self.and_words
        ):
            before = self._ending_at(k - 1, syn, _PERSON)
            if before is None:
                break
            people.insert(0, before)
            k = before.start
        return people if len(people) > 1 else []

    def _ending_at(self, comma: int, syn: Syntax, types: frozenset[str]) -> TokenMention | None:
        """The bearer that ends right before the comma at ``comma``, if any."""
        doc = syn.index.doc
        return next(
            (
                m
                for m in syn.index.ends.get(comma, ())
                if m.type in types and (m.type == "Person" or not self._qualifier(m, doc))
            ),
            None,
        )

    def _qualifier(self, mention: TokenMention, doc: Doc) -> bool:
        """ "l'élue *PS*, membre du MRC": a body named bare after a common word qualifies
        that noun (the member is the person it names), unless the noun is its kind ("le
        *parti* Ennahda")."""
        if mention.start == 0:
            return False
        before = doc[mention.start - 1]
        return (
            before.pos_ in _CONTENT
            and before.is_lower
            and fold_lexeme(before.lemma_) not in self.kinds
            and fold_lexeme(before.text) not in self.kinds
        )

    def _first_conjunct(self, conj: int, syn: Syntax) -> TokenMention | None:
        """ "X, sociologue et *professeur* à Y": the second of two roles apposed to X, read
        on the surface (the parser hangs the second noun on X, the first noun or the verb).

        The first role opens right after X's comma with a bare singular noun (adjectives
        apart: "X, ancien ministre et président de Y"); words up to "et" carry no comma, and
        a person only as a complement ("X, proche de Y et membre de Z": X is the member).
        "X, ses conseillers et le président de Y" names two people, not one.
        """
        doc = syn.index.doc
        start = max(doc[conj].sent.start, conj - _CONJUNCT_WINDOW)
        k = conj - 1
        while k > start and doc[k].text != ",":
            if doc[k].is_punct:
                return None
            k -= 1
        if k <= start or doc[k].text != ",":
            return None
        first = k + 1
        while first + 1 < conj and doc[first].pos_ == "ADJ" and doc[first + 1].pos_ != "ADP":
            first += 1
        noun = doc[first]
        if (
            first >= conj
            or noun.pos_ not in {"NOUN", "ADJ"}
            or not noun.is_lower
            or "Plur" in noun.morph.get("Number")
            or syn.index.covering(noun.i) is not None
        ):
            return None
        return next((m for m in syn.index.ends.get(k, ()) if m.type == "Person"), None)

    def by_tree(self, title: Token, syn: Syntax) -> TokenMention | None:
        """ "X est ministre de ..." / "X a été élu président de ...": the title's bearer.

        "X, qui fut premier ministre": the bearer of a relative clause's predicate is the
        clause's antecedent.
        """
        if title.dep_ == ud.AMOD and title.head.i == title.i + 1:
            title = title.head  # "a été nommé *Premier* ministre": the noun is the title's head
        relative, _ = relative_bearer(title, syn, self.former)
        if relative is not None:
            return relative
        # "X est directrice de Y" read as a passive: its subject is the bearer all the same.
        subjects = [c for c in title.children if c.dep_ in {ud.NSUBJ, ud.NSUBJ_PASS}] or [
            # "Il fut ministre": a subject pronoun read as a person (relations/pronouns.py)
            # that the parser labels an expletive.
            c
            for c in title.children
            if c.dep_ == ud.EXPL_SUBJ and syn.index.at(c) is not None
        ]
        head = title.head
        # "a été élu président": read as a complement, or as a bare "dep" right after the verb.
        right_after = (
            title.dep_ == ud.DEP
            and head.i < title.i
            and all(t.pos_ in {"DET", "ADV"} for t in title.doc[head.i + 1 : title.i])
        )
        if (
            not subjects
            and fold_lexeme(head.lemma_) in self.verbs
            and (
                title.dep_
                in {
                    ud.XCOMP,
                    ud.OBJ,
                    ud.OBL_MOD,
                    ud.OBL,
                    ud.OBL_ARG,
                    ud.OBL_AGENT,
                    ud.ADVMOD,
                }
                or right_after
            )
        ):
            subjects = syn.appointee(head)
        for child in subjects:
            mention = syn.index.at_or_apposed(child)
            if mention is not None and mention.type == "Person":
                return mention
        return None
