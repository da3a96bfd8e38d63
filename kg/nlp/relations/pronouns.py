"""Subject pronouns that name the person the text just told of: "X a été élu maire en 2008.
Il a rejoint le Parti socialiste en 1990." -> X joins the party.

Why a narrow rule rather than coreference: news tells a person's career over several
sentences whose later ones open with "il" / "elle", and most affiliation and stance facts
of those sentences are lost without the name. A pronoun is read as a person only when the
reading is nearly certain: it is the subject of its clause, its own sentence names no person
before it, and the nearest sentence before it (within ``window``) that has a subject has
exactly one person as its verbs' subjects (a pronoun read so counts as its person). A body,
a country or a common noun as subject there ("Le parti a voté. Il a …"), or a person who is
only an object ("Le juge a condamné X. Il …"), gives nothing. The mentions made here serve
the relation patterns only (not quotes, not entities), and only the predicates of
``predicates`` keep a fact they took part in.
The words live in ``subject_pronouns`` of ``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import MentionIndex, RelationCandidate
from kg.nlp.tokens import ORTH, column

__all__ = ["PRONOUN", "SubjectPronouns"]

#: The ``kind`` of a mention made from a pronoun.
PRONOUN = "pronoun"
_SUBJECTS = frozenset({ud.NSUBJ, ud.NSUBJ_PASS})
_FOLD = column(fold_lexeme)


class SubjectPronouns:
    """Person mentions for subject pronouns, compiled once from the lexicon."""

    def __init__(self, lex: Mapping[str, Any]) -> None:
        spec = lex.get("subject_pronouns", {})
        self.words = frozenset(fold_lexeme(w) for w in spec.get("words", ()))
        self.window = int(spec.get("window", 2))
        self.predicates = frozenset(spec.get("predicates", ()))

    def mentions(self, doc: Doc, index: MentionIndex) -> list[TokenMention]:
        """A person mention for each subject pronoun whose person is certain (see above)."""
        if not self.words:
            return []
        found: list[TokenMention] = []
        told: dict[int, str] = {}  # pronoun token -> person, for the pronouns after it
        # Token objects only for the pronouns themselves (see kg.nlp.tokens).
        for i, word in enumerate(_FOLD(doc, ORTH)):
            if word not in self.words:
                continue
            token = doc[i]
            if token.pos_ != "PRON" or not _subject(token) or index.at(token) is not None:
                continue
            sent = token.sent
            if any(
                m.type == "Person" for j in range(sent.start, i) for m in index.starts.get(j, ())
            ):
                continue
            key = self._antecedent(sent, index, told)
            if key is not None:
                told[i] = key
                found.append(TokenMention(i, i + 1, key, "Person", PRONOUN))
        return found

    def _antecedent(self, sent: Span, index: MentionIndex, told: dict[int, str]) -> str | None:
        """The one person who is a verb's subject in the nearest sentence before ``sent``
        (within the window) that has a person or a noun as subject, else None.

        "X a rencontré Y. Il …": X (the subject, as the reader takes it); "X et Y ont
        voté. Il …", "Le juge a condamné X. Il …", "Le parti a voté. Il …": nobody.
        """
        doc = sent.doc
        start = sent.start
        for _ in range(self.window):
            if start == 0:
                return None
            before = doc[start - 1].sent
            start = before.start
            # "X et Y ont voté": each conjunct of a subject is one.
            subjects = [
                t for t in before if _subject(t) or (t.dep_ == ud.CONJ and t.head.dep_ in _SUBJECTS)
            ]
            people = {told[t.i] for t in subjects if t.i in told}
            people.update(
                m.key
                for t in subjects
                if (m := index.at_or_apposed(t)) is not None and m.type == "Person"
            )
            if people:
                return next(iter(people)) if len(people) == 1 else None
            named = any(
                m.type == "Person"
                for j in range(before.start, before.end)
                for m in index.starts.get(j, ())
            )
            if named or any(t.i not in told for t in subjects):
                return None  # a person who is no subject; another subject than a person
        return None

    def keeps(self, candidate: RelationCandidate) -> bool:
        """Whether a candidate stands: a pronoun takes part only in ``predicates``' facts."""
        pronoun = candidate.subject.kind == PRONOUN or candidate.object.kind == PRONOUN
        return not pronoun or candidate.predicate in self.predicates


def _subject(token: Token) -> bool:
    """A clause's subject; also "il" before a predicative noun, which the parser labels an
    expletive ("*Il* fut ministre", never "il faut", "il y a": their head is a verb)."""
    if token.dep_ in _SUBJECTS:
        return True
    return token.dep_ == ud.EXPL_SUBJ and token.pos_ == "PRON" and token.head.pos_ == "NOUN"
