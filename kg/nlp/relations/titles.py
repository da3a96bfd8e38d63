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
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.relations.ages import AgePhrase
from kg.nlp.relations.bearers import Bearers
from kg.nlp.relations.holders import (
    APOSTROPHES,
    BodyAnaphora,
    bare_party,
    bracketed,
    bracketed_party,
    cut_short,
    indefinite,
    names_party,
    parliamentary_group,
    party_forms,
    passing_mark,
    relative_bearer,
)
from kg.nlp.syntax import RelationCandidate, Syntax

__all__ = ["TitlePatterns", "word_variants"]

_WORDS = re.compile(r"\w+'|\w+|[^\w\s]")
#: A hyphenated compound kept whole, as the tokenizer keeps "porte-parole" or "haut-commissaire".
_COMPOUNDS = re.compile(r"\w+(?:-\w+)+|\w+'|\w+|[^\w\s]")
_PERSON = frozenset({"Person"})
#: Who may be a member: "X, membre de Y" of a person, a country or a body.
_MEMBERS = frozenset({"Person", "Country", "Organization"})
#: Title facts whose holder may follow "à" or "chez" as well as "de" (``title_org_cases``).
_AT_HOLDERS = frozenset({("worksFor", "Organization"), ("participatesIn", "Event")})


def word_variants(text: str) -> set[tuple[str, ...]]:
    """The folded words of a lexicon entry, hyphenated compounds cut and kept whole
    ("chrétien-démocrate" as one token or three, as the tokenizer may cut it)."""
    folded = fold_lexeme(text)
    return {tuple(_WORDS.findall(folded)), tuple(_COMPOUNDS.findall(folded))}


class TitlePatterns:
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
        self.sub_bodies = frozenset(fold_lexeme(w) for w in lex.get("title_sub_bodies", ()))
        #: Parliamentary group nouns: "le président du groupe PS" heads the group.
        self.groups = frozenset(fold_lexeme(w) for w in lex.get("title_groups", ()))
        self.parties = party_forms(lex, lang)
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

    def match(self, token: Token) -> tuple[tuple[str, ...], dict[str, Any]] | None:
        """The longest title starting at ``token`` ("secrétaire général" before "secrétaire")."""
        if token.pos_ in {"VERB", "AUX"} and not (
            self._predicative(token) or self._apposed_participle(token)
        ):
            return None  # "conseiller le gouvernement" is no "conseiller"
        doc = token.doc
        entries = self.titles.get(fold_lexeme(token.text), ()) or self.titles.get(
            fold_lexeme(token.lemma_), ()
        )
        for words, spec in entries:
            got = tuple(fold_lexeme(t.text) for t in doc[token.i : token.i + len(words)])
            if got == words or (len(words) == 1 and fold_lexeme(token.lemma_) == words[0]):
                return words, spec
        return None

    def _named_next(self, token: Token, end: int, syn: Syntax) -> bool:
        """Whether a person's name follows the title, adjectives apart ("le président
        (sortant) X"), with no determiner or preposition: the title is a bare style."""
        doc = token.doc
        i = end
        while (
            i < len(doc)
            and (doc[i].pos_ == "ADJ" or "Part" in doc[i].morph.get("VerbForm"))
            and doc[i].is_lower
            and syn.index.covering(i) is None
        ):
            i += 1  # "le président élu X", "la présidente sortante X"
        return any(m.type == "Person" for m in syn.index.starts.get(i, ()))

    def _politician(self, token: Token) -> bool:
        return bool({fold_lexeme(token.text), fold_lexeme(token.lemma_)} & self.politicians)

    def _predicative(self, token: Token) -> bool:
        """ "X est chercheuse chez Y": a title word the parser read as a verb, written as
        the title (not "conseillé"), after a copula or passive auxiliary, with no object."""
        if fold_lexeme(token.text) not in self.titles:
            return False
        deps = {c.dep_ for c in token.children}
        return bool(deps & {ud.COP, ud.AUX_PASS}) and ud.OBJ not in deps

    def _apposed_participle(self, token: Token) -> bool:
        """ "X, représentante de l'Unicef, …": a title in "-ant" the parser read as a present
        participle, written as the title, opening an apposition (after a comma or a
        determiner) and followed by "de"; "représentant la France, X a voté" stays a verb."""
        doc = token.doc
        if fold_lexeme(token.text) not in self.titles or not 0 < token.i < len(doc) - 1:
            return False
        if "Part" not in token.morph.get("VerbForm"):
            return False
        before, after = fold_lexeme(doc[token.i - 1].text), fold_lexeme(doc[token.i + 1].text)
        opens = before in {",", "(", "–", "—"} or doc[token.i - 1].pos_ == "DET"
        return opens and self.case_aliases.get(after, after) == self.genitive_case

    def blocked(self, token: Token, end: int, plural: bool = False) -> bool:
        """Plural, deputy or future titles ("les ministres", "adjoint") state no role.

        A plural title after a partitive ("l'un des chercheurs de X, Y") names one bearer;
        ``plural``: a plural title apposed to a list of people ("A et B, députés de …").
        """
        doc = token.doc
        if "Plur" in token.morph.get("Number") and not (plural or self._partitive(token)):
            return True
        if token.i > 0 and fold_lexeme(doc[token.i - 1].text) in self.title_blockers:
            return True
        if end >= len(doc):
            return False
        # "le chef *décorateur*", "le chef *cuisinier*": a compound trade, not the title.
        after = doc[end]
        if fold_lexeme(after.text) in self.deputies:
            return False  # "le secrétaire général adjoint": see :meth:`candidates`
        if after.pos_ == "NOUN" and after.is_lower and fold_lexeme(after.text) not in self.titles:
            return True
        return fold_lexeme(after.text) in self.title_blockers

    def _partitive(self, token: Token) -> bool:
        doc = token.doc
        for words in self.title_partitives:
            start = token.i - len(words)
            if start >= 0 and tuple(fold_lexeme(t.text) for t in doc[start : token.i]) == words:
                return True
        return False

    def former(self, token: Token, spec: dict[str, Any]) -> bool:
        """ "l'ancien premier ministre", "l'ex-députée": a role that ended (still a fact)."""
        if spec.get("former"):
            return True
        doc = token.doc
        j = token.i - 1
        # "l'ancien premier ministre": adjectives may stand between the marker and the title.
        while j >= token.sent.start and j >= token.i - 3:
            word = fold_lexeme(doc[j].text)
            if word in self.title_former:
                return True
            if doc[j].pos_ != "ADJ":
                break
            j -= 1
        return False

    def holder_case(self, mention: TokenMention, doc: Doc) -> str:
        """The preposition before a holder ("de" in "l'ambassadeur *de* France"), else ""."""
        j = mention.start - 1
        while j >= 0 and (doc[j].pos_ == "DET" or doc[j].text in APOSTROPHES):
            j -= 1
        if j < 0 or doc[j].pos_ != "ADP":
            return ""
        word = fold_lexeme(doc[j].text)
        return self.case_aliases.get(word, word)

    def _counterpart_of(self, token: Token) -> dict[str, Any] | None:
        """The spec of the last title before ``token`` in its sentence, with no country
        inferred (a counterpart is of another country), or None."""
        doc, i, last = token.doc, token.sent.start, None
        while i < token.i:  # forward, so "Premier ministre" is read whole, not as "ministre"
            found = self.match(doc[i])
            if found is None:
                i += 1
                continue
            if not found[1].get("counterpart"):
                last = found[1]
            i += len(found[0])
        return None if last is None else {**last, "infer_country": False}

    def visiting(self, token: Token) -> bool:
        """Whether the title's sentence tells of a trip ("est attendu à", "en visite à")."""
        return any(fold_lexeme(t.lemma_) in self.visit_lemmas for t in token.sent)

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
            if m.type in wanted
            and m.key != person.key
            and not cut_short(m, syn)
            and not indefinite(m, doc)
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
        if not holders and "Organization" in wanted:
            # "X, responsable de l'organisation": the organisation named before.
            antecedent = self.anaphora.holder(token, end, syn)
            if antecedent is not None and antecedent.key != person.key:
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

    def phrase(
        self, title: Token, end: int, syn: Syntax, bearers: frozenset[str] = frozenset({"Person"})
    ) -> tuple[TokenMention | None, list[TokenMention], str]:
        """Read "le ministre letton de la Défense, X": (person, country/org mentions, portfolio)."""
        doc = title.doc
        index = syn.index
        person = None
        container = index.covering(title.i)
        while container is not None and container.type != "Person":
            container = None
        if container is not None:
            person = container
        holders: list[TokenMention] = []
        portfolio: list[Token] = []
        in_portfolio = True
        i = end
        limit = min(end + self.title_window, title.sent.end)
        # "le président de la *République tunisienne*": a country named across the title's end.
        across = index.covering(end - 1) if end > title.i + 1 else None
        if across is not None and across.type == "Country" and across.end > end:
            holders.append(across)
            i = across.end
        while i < limit:
            tok = doc[i]
            starting = [m for m in index.starts.get(i, ()) if person is None or m != person]
            found_person = next((m for m in starting if m.type == "Person"), None)
            if found_person is not None and person is None:
                # "le premier ministre d'Hosni Moubarak": a person after "de" is whom the
                # bearer serves, not the bearer.
                if self.holder_case(found_person, doc) != syn.genitive:
                    person = found_person
                break
            other = next((m for m in starting if m.type != "Person"), None)
            if other is not None:
                holders.append(other)
                words = doc[other.start : other.end]
                if in_portfolio and fold_lexeme(words.text) in self.portfolios:
                    # "ministre espagnole de la *Santé*": the ministry the entity layer
                    # names from the portfolio is still the title's portfolio.
                    portfolio.extend(words)
                # "ministre *letton* de la Défense": a demonym does not end the portfolio.
                in_portfolio = in_portfolio and other.kind == "demonym"
                i = other.end
                continue
            if tok.text == ",":
                j = i + 1
                # "…, Mme Fatou Diallo", "…, le général X": an honorific before the name.
                if (
                    j + 1 < limit
                    and doc[j].pos_ == "DET"
                    and fold_lexeme(doc[j + 1].text) in self.title_honorifics
                ):
                    j += 1
                while j < limit and fold_lexeme(doc[j].text) in self.title_honorifics:
                    j += 1
                nxt = next((m for m in index.starts.get(j, ()) if m.type == "Person"), None)
                if nxt is not None and person is None:
                    person = nxt
                break
            # "maire de *cette* commune du département de X": the body is the one named
            # before, not a name further on.
            if tok.pos_ == "DET" and "Dem" in tok.morph.get("PronType") and not holders:
                break
            # "le maire (PS) de Lille", "de Lille (Nord),": a bracketed name ends no phrase.
            inner = bracketed(i, syn)
            if inner is not None:
                i = inner.end + 1
                continue
            # "le président égyptien *déchu* X": a participle of a lost office; "le
            # président *élu* X": a participle on the title itself.
            if fold_lexeme(tok.text) in self.former_after or (
                tok.pos_ == "VERB"
                and tok.is_lower
                and tok.head.i == title.i
                and tok.dep_ in {ud.AMOD, ud.ACL}
                and "Part" in tok.morph.get("VerbForm")
                and not list(tok.children)
            ):
                i += 1
                continue
            if passing_mark(i, syn):  # "de l’ OIM", "de l'association « Terre vive »"
                i += 1
                continue
            if tok.pos_ in self.title_stop_pos or tok.is_punct or tok.is_space:
                break
            # "responsable de X et spécialiste de Y": a second role ends the first one.
            if tok.pos_ == "CCONJ" and i + 1 < limit and doc[i + 1].pos_ == "NOUN":
                break
            if in_portfolio and tok.pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ"}:
                if portfolio or tok.pos_ != "CCONJ":
                    portfolio.append(tok)
            elif tok.pos_ not in {"ADP", "DET"}:
                in_portfolio = False
            i += 1
        if person is None:
            person = self.bearers.before(title, syn, bearers)
        if person is None:
            person = self.bearers.by_tree(title, syn)
        while portfolio and portfolio[-1].pos_ == "CCONJ":
            portfolio.pop()
        return person, holders, " ".join(t.text for t in portfolio)
