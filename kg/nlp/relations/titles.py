"""Title patterns: "le président ukrainien X", "X, ministre belge des Affaires étrangères".

Why surface scans around the title word: appositions and names after titles are where the
French parser errs most ("la ministre française des Armées Claire Dubois" attaches the name
to "Armées"), while the words between a title and its bearer are few and predictable
(adjectives, "de la Défense", a comma). The title lexicon (with the predicate each title
licenses) lives in ``kg/lang/<lang>/relations.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold_lexeme
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.ages import AgePhrase
from kg.nlp.relations.bearers import Bearers
from kg.nlp.relations.holders import (
    BodyAnaphora,
    bare_party,
    bracketed_party,
    cut_short,
    indefinite,
    names_party,
    parliamentary_group,
    party_forms,
    relative_bearer,
    territory_named,
)
from kg.nlp.relations.title_guards import TitleGuards
from kg.nlp.relations.title_phrases import TitlePhrases
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["TitlePatterns", "word_variants"]

_WORDS = re.compile(r"\w+'|\w+|[^\w\s]")
#: A hyphenated compound kept whole, as the tokenizer keeps "porte-parole" or "haut-commissaire".
_COMPOUNDS = re.compile(r"\w+(?:-\w+)+|\w+'|\w+|[^\w\s]")
_PERSON = frozenset({"Person"})
#: Who may be a member: "X, membre de Y" of a person, a country or a body.
_MEMBERS = frozenset({"Person", "Country", "Organization"})
#: Title facts whose holder may follow "à" or "chez" as well as "de" (``title_org_cases``).
#: A head title heads a place a territory noun names or names back ("de la région X").
_HEAD_PLACE = ("headOf", "Place")
_AT_HOLDERS = frozenset({("worksFor", "Organization"), ("participatesIn", "Event")})


def word_variants(text: str) -> set[tuple[str, ...]]:
    """The folded words of a lexicon entry, hyphenated compounds cut and kept whole
    ("chrétien-démocrate" as one token or three, as the tokenizer may cut it)."""
    folded = fold_lexeme(text)
    return {tuple(_WORDS.findall(folded)), tuple(_COMPOUNDS.findall(folded))}


class TitlePatterns(TitleGuards, TitlePhrases):
    """``headOf`` / ``ministerOf`` from titles, compiled once from the lexicon."""

    def __init__(self, lex: dict[str, Any], lang: str = "fr") -> None:
        self.titles: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}
        former_prefixes = [fold_lexeme(w) for w in lex.get("title_former_prefixes", ())]
        titles = (*lex["titles"], *lex.get("role_titles", ()), *lex.get("affiliation_titles", ()))
        for spec in titles:
            for words in word_variants(spec["words"]):
                self.titles.setdefault(words[0], []).append((words, spec))
                # "l'ex-députée X": the tokenizer keeps the prefix on the title word.
                for prefix in former_prefixes:
                    prefixed = (prefix + words[0], *words[1:])
                    self.titles.setdefault(prefixed[0], []).append(
                        (prefixed, {**spec, "former": True})
                    )
        for entries in self.titles.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.title_blockers = frozenset(fold_lexeme(w) for w in lex.get("title_blockers", ()))
        self.title_former = frozenset(fold_lexeme(w) for w in lex.get("title_former", ()))
        self.deputies = frozenset(fold_lexeme(w) for w in lex.get("title_deputies", ()))
        #: "le président déchu X": words after a title that say the office was lost.
        self.former_after = frozenset(fold_lexeme(w) for w in lex.get("title_former_after", ()))
        self.title_partitives = [
            tuple(_WORDS.findall(fold_lexeme(w))) for w in lex.get("title_partitives", ())
        ]
        self.title_honorifics = frozenset(fold_lexeme(w) for w in lex.get("title_honorifics", ()))
        self.title_holder_cases = frozenset(
            fold_lexeme(w) for w in lex.get("title_holder_cases", ("",))
        )
        #: "chercheuse *au* CNRS": where an organisation a person works for may be named.
        self.title_org_cases = frozenset(fold_lexeme(w) for w in lex.get("title_org_cases", ()))
        self.case_aliases = {fold_lexeme(k): v for k, v in lex["case_aliases"].items()}
        self.genitive_case = fold_lexeme(lex["case_roles"]["genitive"])
        self.title_stop_pos = frozenset(lex["title_stop_pos"])
        self.title_window = int(lex["title_window"])
        self.title_verbs = frozenset(fold_lexeme(w) for w in lex.get("title_verbs", ()))
        self.visit_lemmas = frozenset(fold_lexeme(w) for w in lex.get("visit_lemmas", ()))
        self.visit_reflexive = frozenset(
            fold_lexeme(w) for w in lex.get("visit_reflexive_lemmas", ())
        )
        self.sub_bodies = frozenset(fold_lexeme(w) for w in lex.get("title_sub_bodies", ()))
        #: Parliamentary group nouns: "le président du groupe PS" heads the group.
        self.groups = frozenset(fold_lexeme(w) for w in lex.get("title_groups", ()))
        self.parties = party_forms(lex, lang)
        #: "de la région Bretagne": nouns of governed territories (see ``territory_named``).
        self.territories = frozenset(
            fold_lexeme(w) for w in lex.get("title_anaphora", {}).get("territories", ())
        )
        #: "l'opposition travailliste": a party's camp, read by ``PartyAdjectives``, no holder.
        self.camps = frozenset(
            fold_lexeme(w) for w in lex.get("party_adjectives", {}).get("party_bodies", ())
        )
        #: Words a party's name may open with ("Parti", "Front"): see :meth:`_party`.
        self.party_words = frozenset(
            fold_lexeme(w) for w in lex.get("affiliation", {}).get("party_words", ())
        )
        self.anaphora = BodyAnaphora(lex)
        self.bearers = Bearers(
            self.title_partitives,
            self.title_former,
            self.title_verbs,
            frozenset(fold_lexeme(w) for w in lex.get("membership", {}).get("kind_nouns", ())),
            AgePhrase(lex),
            frozenset(fold_lexeme(w) for w in lex.get("and_words", ())),
        )
        self.portfolios = frozenset(
            fold_lexeme(w) for w in lex.get("allocation", {}).get("portfolios", ())
        )
        #: Politicians' titles, which a bare party may follow ("le maire UMP de Nice").
        self.politicians = frozenset(
            fold_lexeme(w) for w in lex.get("party_adjectives", {}).get("titles", ())
        )

    def _territory(self, holder: TokenMention, predicate: str, doc: Doc) -> bool:
        """ "présidente de la région Bretagne": a head title heads a place a territory noun
        names, whatever places the title otherwise takes."""
        return (predicate, holder.type) == _HEAD_PLACE and territory_named(
            holder, doc, self.territories
        )

    def _camp(self, holder: TokenMention, doc: Doc) -> bool:
        """ "l'opposition travailliste": an unnamed camp a party adjective ends."""
        words = fold_lexeme(doc[holder.start : holder.end].text).split()
        return (
            holder.kind != "name"
            and len(words) > 1
            and words[0] in self.camps
            and words[-1] in self.parties
        )

    def candidates(
        self,
        token: Token,
        match: tuple[tuple[str, ...], dict[str, Any]],
        syn: Syntax,
        context_country: TokenMention | None = None,
    ) -> Iterator[RelationCandidate]:
        """Yield the title facts at ``token`` (``match`` from :meth:`match`): those of
        :meth:`_candidates`, for each person of a list a plural title is apposed to ("A et
        B, cofondateurs de Y": both).
        """
        team: list[TokenMention] = []
        if "Plur" in token.morph.get("Number") and not self._partitive(token):
            team = self.bearers.apposed_list(token, syn)
            if not team:
                return
        for candidate in self._candidates(token, match, syn, context_country, bool(team)):
            yield candidate
            if candidate.subject in team:
                for other in team:
                    if other != candidate.subject:
                        yield replace(
                            candidate, subject=other, attributes=dict(candidate.attributes)
                        )

    def _candidates(
        self,
        token: Token,
        match: tuple[tuple[str, ...], dict[str, Any]],
        syn: Syntax,
        context_country: TokenMention | None,
        plural: bool,
    ) -> Iterator[RelationCandidate]:
        """Yield the title fact at ``token`` if it has a bearer.

        ``context_country`` (the article's headline country) stands for the country of a
        title flagged ``infer_country`` that names none ("le ministre du Budget, X"), unless
        the sentence tells of a trip: a minister visiting a country is not its minister.
        """
        words, spec = match
        end = token.i + len(words)
        if self.blocked(token, end, plural):
            return
        if end < len(token.doc) and fold_lexeme(token.doc[end].text) in self.deputies:
            # "le secrétaire général adjoint de l'ONU": a deputy works for the body he
            # does not head.
            end += 1
            kept = list(spec.get("holder_types") or ("Country", "Organization"))
            spec = {
                **spec,
                "predicate": "worksFor",
                "infer_country": False,
                "infer_bare": False,
                # a deputy mayor works for the town hall, not for the town
                "holder_types": [t for t in kept if t != "Place"] or ["Organization"],
            }
        if spec.get("counterpart"):
            # "le président russe X a rencontré son homologue américain Y": Y holds the
            # title named before in the sentence, for the country named after "homologue".
            spec = self._counterpart_of(token)
            if spec is None:
                return
        # "le Mali, (pays) membre de la CEDEAO": a member may be a country or a body.
        members = _MEMBERS if spec["predicate"] == "memberOf" else _PERSON
        person, holders, portfolio = self.phrase(token, end, syn, members)
        if person is None:
            return
        former = (
            self.former(token, spec)
            or relative_bearer(token, syn, self.title_former)[1]
            or any(
                fold_lexeme(t.text) in self.former_after
                for t in token.doc[end : min(end + 3, token.sent.end)]
            )
        )
        if spec["predicate"] == "headOf":
            group, party = parliamentary_group(end, syn, self.groups, self.parties)
            if group is not None:
                # "le président du groupe PS": he heads the group and is of the party.
                attrs = {"former": True} if former else {}
                yield RelationCandidate(
                    person, "headOf", group, token, {**attrs, "new_body": True}, static=True
                )
                if party is not None:
                    yield RelationCandidate(person, "memberOf", party, token, attrs, static=True)
                return
        party = None
        if self._politician(token):
            party = bracketed_party(end, syn) or bare_party(end, holders, token.doc)
        if party is not None and party.key != person.key:
            attrs = {"former": True} if former else {}
            yield RelationCandidate(person, "memberOf", party, token, attrs, static=True)
            # "le président UMP du Sénat": the party is not what the title is of.
            holders = [m for m in holders if m is not party]
        predicate = spec["predicate"]
        default = ("Country",) if predicate == "ministerOf" else ("Country", "Organization")
        wanted = set(spec.get("holder_types") or default)
        # "l'un des responsables de la manifestation": the head of an event leads it.
        if spec.get("event_predicate"):
            wanted.add("Event")
        doc = token.doc
        cases = {m: self.holder_case(m, doc) for m in holders}
        holders = [
            m
            for m in holders
            if (m.type in wanted or self._territory(m, predicate, doc))
            and m.key != person.key
            and not cut_short(m, syn)
            and not indefinite(m, doc)
            and not self._camp(m, doc)
            # "commissaire à l'*Énergie*": a portfolio the parser took for a body's name.
            and fold_lexeme(doc[m.start : m.end].text) not in self.portfolios
            and (
                cases[m] in self.title_holder_cases
                or (
                    (predicate, m.type) in _AT_HOLDERS
                    # "chercheuse *à* l'Inserm", "médaillé d'or *aux* Jeux olympiques"
                    and cases[m] in self.title_org_cases
                )
            )
        ]
        attrs: dict[str, Any] = {}
        if not holders:
            # "X, responsable de l'organisation": the organisation named before; "le maire
            # de cette commune": the town.
            antecedent = self.anaphora.holder(token, end, syn)
            if (
                antecedent is not None
                and antecedent.key != person.key
                and (antecedent.type in wanted or (predicate, antecedent.type) == _HEAD_PLACE)
            ):
                holders, attrs["holder_anaphora"] = [antecedent], True
        if not holders:
            # "le président X" bare (no complement at all): the headline country's.
            bare = spec.get("infer_bare") and self._named_next(token, end, syn)
            if (
                context_country is None
                or not (spec.get("infer_country") or bare)
                or context_country.key == person.key
                or self.visiting(token)
            ):
                return
            holders = [context_country]
            attrs["country_inferred"] = True
        named = [m for m in holders if m.kind != "demonym"]
        holder = (named or holders)[0]
        if holder.type == "Event" and predicate not in {"leads", "participatesIn"}:
            predicate = spec["event_predicate"]
        # "le député UMP X": a party named bare after the title is the bearer's party.
        # "la députée du Parti socialiste X": a seat is in a chamber, so a party after the
        # title's "de" is the bearer's party too.
        if (
            spec.get("bare_predicate")
            and holder.type == "Organization"
            and holder.kind != "demonym"
            and (
                cases.get(holder) == "" or names_party(holder, doc, self.parties, self.party_words)
            )
        ):
            predicate = spec["bare_predicate"]
        # "le président du groupe PS": he heads the party's group, and is of the party.
        if (
            predicate == "headOf"
            and portfolio
            and fold_lexeme(portfolio.split()[0]) in self.sub_bodies
        ):
            if holder.type != "Organization":
                return
            # "le président du groupe Renault", "la brigade Al-Qods": a name right after the
            # noun names that body itself, which he heads.
            if cases.get(holder) != "":
                predicate = "memberOf"
        if predicate == "ministerOf":
            portfolio = spec.get("portfolio") or portfolio
            if portfolio:
                attrs["portfolio"] = portfolio
        if former:
            attrs["former"] = True
        yield RelationCandidate(person, predicate, holder, token, attrs, static=True)
        # "l'émissaire de l'ONU et de la Ligue arabe": one title, two bodies.
        if holder in named:
            for other in syn.coordinated(holder, frozenset({holder.type})):
                if other not in named:
                    break
                yield RelationCandidate(person, predicate, other, token, dict(attrs), static=True)
