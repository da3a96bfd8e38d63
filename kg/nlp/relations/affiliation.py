"""A person's organisation stated without a title: brackets, "de" appositions, participles.

Why surface scans: the shapes are short and fixed, and the parser reads them erratically
("(UMP)" as an apposition of the title, "employée" as a verb, "élu PS" as a name):

- "Paul Martin (UMP)": an organisation in brackets right after a person -> ``memberOf``
  (the guide's "(UMP)"); also a party then its seat, "Paul Martin (UMP, Yvelines)".
- "Anna Kowalski, de l'ONU, a déclaré": an apposition made of "de" + an organisation,
  closed by a comma, a bracket or the sentence's end -> ``worksFor``, or ``memberOf`` when the
  organisation is a party (a known one, or a name that starts with a party word: "X, du
  Parti socialiste,"); with no comma, "X de l'association Y a dit" / "X de l'Unicef a dit",
  closed by punctuation or the verb.
- "X, employée de Renault", "X, élu PS de Paris": a role participle after a person's comma
  and its organisation (bare or after "de") -> the predicate the lexicon gives it; likewise
  a fixed phrase ("X, à la tête d'Airbus, …" -> ``headOf``).

A person merely named in the same sentence as an organisation gives nothing: the
organisation must sit in one of these slots, next to the person. The words live in
``affiliation`` of ``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.ages import AgePhrase
from kg.nlp.relations.holders import names_party, party_forms
from kg.nlp.relations.titles import word_variants
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["Affiliations"]

_OPEN, _CLOSE, _COMMA = "(", ")", ","
_CLOSERS = frozenset({",", ")", ".", ";", ":", "!", "?"})
_VERBS = frozenset({"VERB", "AUX"})
_QUOTES = frozenset({"«", "»", '"', "“", "”"})


class Affiliations:
    """Person -> organisation facts from brackets, "de" appositions and role participles."""

    def __init__(self, lex: dict[str, Any], lang: str = "fr") -> None:
        spec = lex.get("affiliation", {})
        self.cases = frozenset(fold_lexeme(w) for w in spec.get("apposition_cases", ()))
        self.party_words = frozenset(fold_lexeme(w) for w in spec.get("party_words", ()))
        #: Known parties (names, acronyms, keys): "X, de l'UMP," is a member, not staff.
        self.parties = party_forms(lex, lang)
        self.participles = {fold_lexeme(k): v for k, v in spec.get("participles", {}).items()}
        #: After a participle: "employée *chez* Renault", "recrutée *par* Google".
        self.participle_cases = self.cases | {
            fold_lexeme(w) for w in spec.get("participle_cases", ())
        }
        #: Kind nouns that may stand before the name ("de l'entreprise Renault").
        self.kinds = frozenset(
            fold_lexeme(w) for w in lex.get("title_anaphora", {}).get("nouns", ())
        )
        #: "X, à la tête d'Airbus, …": a fixed phrase then the organisation.
        self.phrases = sorted(
            (
                (words, predicate)
                for phrase, predicate in spec.get("phrases", {}).items()
                for words in word_variants(phrase)
            ),
            key=lambda p: (-len(p[0]), p[0]),
        )
        self.ages = AgePhrase(lex)
        self.joiners = (
            frozenset(fold_lexeme(w) for w in lex.get("list_joiners", ()) if " " not in w)
            | self.cases
        )

    def find(self, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """Every affiliation of ``doc`` stated by one of the shapes above."""
        for person in syn.index.mentions:
            if person.type != "Person" or person.end + 2 >= len(doc):
                continue
            nxt = doc[person.end].text
            if nxt == _OPEN:
                yield from self._bracket(person, doc, syn)
            elif nxt == _COMMA:
                # "X, 53 ans, employée de Y": the role after the age.
                comma = self.ages.forward(doc, person.end)
                start = person.end + 1 if comma is None else comma + 1
                if start < len(doc):
                    yield from self._apposition(person, doc, syn, start)
            elif fold_lexeme(nxt) in self.cases:
                yield from self._direct(person, doc, syn)

    def _direct(self, person: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        """ "X de l'association Terre vive a dénoncé …": a person then "de", a kind noun and
        the organisation, with no comma. The kind noun (or a name that opens with one, "de
        l'Université Laval") says the "de" names a body; the person must not itself be a
        complement ("la lettre de X de l'association Y"), and the phrase ends with the
        organisation (a punctuation mark or the verb)."""
        if person.start > 0 and fold_lexeme(doc[person.start - 1].text) in self.cases:
            return
        i = person.end + 1
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        if i >= len(doc):
            return
        kind = fold_lexeme(doc[i].text)
        if kind in self.kinds:
            j = i + 1
            while j < len(doc) and doc[j].text in _QUOTES:
                j += 1  # "de l'association « Terre vive »"
            org = next((m for m in syn.index.starts.get(j, ()) if m.type == "Organization"), None)
        else:
            # "X de l'Unicef a présenté …": a body's own name needs no kind noun.
            kind, org = "", None
        if org is None:
            org = self._org_at(person.end + 1, syn)  # "de l'Université Laval"
        if org is None or org.kind != "name" or org.key == person.key:
            return
        end = org.end
        while end < len(doc) and doc[end].text in _QUOTES:
            end += 1
        if end < len(doc) and doc[end].text not in _CLOSERS and not _verb_next(doc[end]):
            return
        party = kind in self.party_words or self._party(org, doc)
        predicate = "memberOf" if party else "worksFor"
        yield RelationCandidate(person, predicate, org, doc[person.end], static=True)

    def _party(self, org: TokenMention, doc: Doc) -> bool:
        return names_party(org, doc, self.parties, self.party_words)

    def _org_at(self, i: int, syn: Syntax) -> TokenMention | None:
        doc = syn.index.doc
        # "(Les Républicains)": a name that opens with its article.
        named = next((m for m in syn.index.starts.get(i, ()) if m.type == "Organization"), None)
        if named is not None:
            return named
        while i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        # "de l'*entreprise* Renault": a kind noun before the name.
        if (
            i + 1 < len(doc)
            and fold_lexeme(doc[i].text) in self.kinds
            and syn.index.covering(i) is None
        ):
            i += 1
        return next((m for m in syn.index.starts.get(i, ()) if m.type == "Organization"), None)

    def _bracket(self, person: TokenMention, doc: Doc, syn: Syntax) -> Iterator[RelationCandidate]:
        org = self._org_at(person.end + 1, syn)
        if org is None or org.kind == "demonym" or org.end >= len(doc):
            return
        if doc[org.end].text == _CLOSE or self._party_then_seat(org, doc):
            yield RelationCandidate(person, "memberOf", org, doc[person.end], static=True)

    def _party_then_seat(self, org: TokenMention, doc: Doc) -> bool:
        """ "X (UMP, Yvelines)": a party, a comma and a short place or seat before the
        closing bracket (a few words, no verb); only a party, so "(AFP, Paris)" is not."""
        if doc[org.end].text != _COMMA or not self._party(org, doc):
            return False
        for token in doc[org.end + 1 : min(org.end + 6, len(doc))]:
            if token.text == _CLOSE:
                return token.i > org.end + 1
            if token.pos_ in _VERBS or token.text in _CLOSERS:
                return False
        return False

    def _phrase_at(self, i: int, folded: list[str]) -> tuple[tuple[str, ...], str] | None:
        """The longest fixed phrase at token ``i`` and its predicate, if any (``folded``:
        the document's folded words, :attr:`Syntax.words`)."""
        return next(
            (
                (words, predicate)
                for words, predicate in self.phrases
                if tuple(folded[i : i + len(words)]) == words
            ),
            None,
        )

    def _apposition(
        self, person: TokenMention, doc: Doc, syn: Syntax, i: int
    ) -> Iterator[RelationCandidate]:
        word = fold_lexeme(doc[i].text)
        predicate = None
        trigger = doc[i]
        phrase = self._phrase_at(i, syn.words)
        if phrase is not None:
            predicate = phrase[1]
            i += len(phrase[0])
        elif word in self.participles:
            predicate = self.participles[word]
            i += 1
            # "X, élu sous l'étiquette du PS": a participle then a fixed phrase
            after = self._phrase_at(i, syn.words)
            if after is not None:
                predicate, i = after[1], i + len(after[0])
            elif i < len(doc) and fold_lexeme(doc[i].text) in self.participle_cases:
                i += 1
        elif word in self.cases:
            i += 1
        else:
            return
        org = self._org_at(i, syn)
        if org is None or org.kind == "demonym" or org.key == person.key:
            return
        end = org.end
        if predicate is None:
            # "X, de l'ONU, …": the apposition must end with the organisation, and no list
            # go on ("les avis de X, de l'ONU et de Y").
            if end < len(doc) and doc[end].text not in _CLOSERS and not doc[end].is_space:
                return
            if end + 1 < len(doc) and fold_lexeme(doc[end + 1].text) in self.joiners:
                return
            if end < len(doc) and fold_lexeme(doc[end].text) in self.joiners - {","}:
                return
            predicate = "memberOf" if self._party(org, doc) else "worksFor"
        yield RelationCandidate(person, predicate, org, trigger, static=True)


def _verb_next(token: Token) -> bool:
    """A verb, or a clitic pronoun of the verb right after it ("X de l'ONG Y *s'*est rendu")."""
    if token.pos_ in _VERBS:
        return True
    return token.pos_ == "PRON" and token.head.pos_ in _VERBS and token.head.i > token.i
