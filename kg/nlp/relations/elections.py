"""Elections: who ran, read off the verb of election and the votes counted for a candidate.

Why apart: "X a été élu avec 52 % des voix", "X a obtenu 48 % des suffrages" and "800 000
voix pour X" name no event; the election is found in the sentence, else earlier in the
article, else in the paragraph after a headline (a round stands for its election). Contests
won by a verb of defeat are read in :mod:`kg.nlp.relations.matches`. A mixin of
:class:`kg.nlp.relations.contests.Contests`, which compiles these attributes; ``_rivals``
comes from its other mixin, :class:`kg.nlp.relations.matches.ContestVerbs`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["ElectionRules"]

_PREDICATE = "participatesIn"
_CANDIDATES = frozenset({"Organization", "Person"})


class ElectionRules:
    """Mixin of :class:`kg.nlp.relations.contests.Contests`: the election rules."""

    vote_nouns: frozenset[str]
    round_nouns: frozenset[str]
    referendum_nouns: frozenset[str]
    beneficiary_case: str

    def _election_for(
        self, token: Token, elections: list[TokenMention], syn: Syntax
    ) -> TokenMention | None:
        """The election a clause speaks of: the nearest one in its sentence, else the last
        one the article named before, else the first one later in its paragraph ("X l'a
        emporté avec 54 % des suffrages. Le taux de participation à ce scrutin …"), or in
        the article when the clause is its headline."""
        sent = token.sent
        inside = [m for m in elections if sent.start <= m.start < sent.end]
        if inside:
            return self._whole(min(inside, key=lambda m: abs(m.start - token.i)), syn, elections)
        before = [m for m in elections if m.end <= sent.start]
        if before:
            return self._whole(before[-1], syn, elections)
        doc = syn.doc
        text = doc_text(doc)  # spaCy rebuilds doc.text on every access
        stop = text.find("\n", sent.end_char)
        stop = len(text) if stop < 0 else stop
        after = [m for m in elections if m.start >= sent.end and doc[m.start].idx < stop]
        if not after and "\n" not in text[: sent.start_char].strip():
            # A headline ("X élu président") tells the article's election, named below it.
            after = [m for m in elections if m.start >= sent.end]
        return self._whole(after[0], syn, elections) if after else None

    def _whole(
        self, mention: TokenMention, syn: Syntax, elections: Sequence[TokenMention] = ()
    ) -> TokenMention:
        """ "le second tour *de l'élection présidentielle*": the election a round is of; a
        bare round ("élu au premier tour") is of the election the article names nearest."""
        root = syn.doc[syn.index.roots[mention]]
        for child in root.children:
            if child.dep_.startswith(ud.NMOD) and syn.case_of(child) == syn.genitive:
                whole = syn.index.at(child)
                if whole is not None and whole != mention and whole.type == "Event":
                    return whole
        if fold_lexeme(root.lemma_) in self.round_nouns:
            wholes = [
                m
                for m in elections
                if fold_lexeme(syn.doc[syn.index.roots[m]].lemma_) not in self.round_nouns
            ]
            if wholes:
                return min(wholes, key=lambda m: abs(m.start - mention.start))
        return mention

    def _elected(
        self, verb: Token, syn: Syntax, elections: list[TokenMention]
    ) -> Iterator[RelationCandidate]:
        """ "X a été élu (président) avec 52 % des voix": X took part in the election."""
        # A referendum elects nobody: "élue députée en 2015" is not about the article's vote.
        elections = [m for m in elections if not self._referendum(m, syn)]
        election = self._election_for(verb, elections, syn)
        if election is None:
            return
        elected = [m for t in syn.direct_objects(verb) for m in syn.mentions_of(t, _CANDIDATES)]
        rivals = [m for t in self._rivals(verb, syn) for m in syn.mentions_of(t, _CANDIDATES)]
        for mention in elected + [r for r in rivals if r not in elected]:
            yield RelationCandidate(mention, _PREDICATE, election, verb)
        for mention in elected:
            for rival in rivals:
                if rival != mention:
                    # "réélu face à X": the two ran against each other.
                    yield RelationCandidate(mention, "opposes", rival, verb)

    def _referendum(self, mention: TokenMention, syn: Syntax) -> bool:
        """Whether an election mention is a referendum (the lexicon's ``referendum_nouns``)."""
        root = syn.doc[syn.index.roots[mention]]
        return fold_lexeme(root.lemma_) in self.referendum_nouns

    def _scored(
        self, verb: Token, syn: Syntax, elections: list[TokenMention]
    ) -> Iterator[RelationCandidate]:
        """ "X a obtenu 48 % des voix": the subject of a verb whose object counts votes."""
        if not any(self._counts_votes(o) for o in syn.direct_objects(verb)):
            return
        election = self._election_for(verb, elections, syn)
        if election is None:
            return
        for token in syn.subjects(verb):
            for mention in syn.mentions_of(token, _CANDIDATES):
                yield RelationCandidate(mention, _PREDICATE, election, verb)

    def _counts_votes(self, noun: Token) -> bool:
        """ "des voix", "48 % des suffrages", "la majorité des votes"."""
        if fold_lexeme(noun.lemma_) in self.vote_nouns:
            return True
        return any(
            c.dep_.startswith(ud.NMOD) and fold_lexeme(c.lemma_) in self.vote_nouns
            for c in noun.children
        )

    def _votes_for(
        self, noun: Token, syn: Syntax, elections: list[TokenMention]
    ) -> Iterator[RelationCandidate]:
        """ "800 000 voix pour la candidate X": X took part in the election."""
        holders = [noun, noun.head] if noun.dep_.startswith(ud.NMOD) else [noun]
        found = [
            c
            for h in holders
            for c in h.children
            if c.dep_.startswith(ud.NMOD) and syn.case_of(c) == self.beneficiary_case
        ]
        nxt = noun.i + 1
        if not found and nxt < len(noun.doc):
            # The parser often hangs the "pour" phrase on the verb; read it right after.
            case = noun.doc[nxt]
            if case.dep_ == ud.CASE and fold_lexeme(case.text) == self.beneficiary_case:
                found = [case.head]
        if not found:
            return
        election = self._election_for(noun, elections, syn)
        if election is None:
            return
        for token in found:
            for mention in syn.mentions_of(token, _CANDIDATES):
                yield RelationCandidate(mention, _PREDICATE, election, noun)
