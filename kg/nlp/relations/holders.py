"""A title's holder and bearer beyond the title phrase: a body named back by a common noun
("X, directeur de l'organisation" -> the organisation named earlier), holders that name no
body the title is of, and a bearer named before a relative clause ("X, qui fut premier
ministre"). Prepositions, relative pronouns and coordinated holders are read with the shared
:class:`kg.nlp.syntax.Syntax` helpers (``case_word``, ``is_relative``, ``coordinated``).

Why a module of its own: news names a body once ("l'ONG Human Rights Watch a publié …"),
then calls it by what it is ("responsable de l'organisation"). A reader takes the body named
before; kg does so only when that is unambiguous:

- the noun is one of the kind nouns of ``title_anaphora`` in ``kg/lang/<lang>/relations.json``
  ("organisation", "ONG", "entreprise", "parti" …), after a definite article, closing its
  phrase (no complement: "l'organisation des Nations unies" is a name, not a reference);
- the antecedent is the last named organisation introduced by that same noun ("l'ONG X"),
  else the only named organisation of the preceding sentences (two candidates: none).

Territories are named back the same way ("maire de *cette commune*", "le président de *la
Région*"): a place noun of ``title_anaphora`` 'places' stands for the last place of its types
it introduced ("l'île de X", "l'Île-du-Prince-Édouard"), else the only one of the preceding
sentences, else the only one of the headline. A territory noun before a place's name says
the place is a governed body ("la présidente *de la région* Bretagne"), see
:func:`territory_named`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from kg.ids import article_scope, entity_key
from kg.lang import fold_lexeme, load_data
from kg.nlp import ud
from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import Syntax

__all__ = [
    "APOSTROPHES",
    "BodyAnaphora",
    "bare_party",
    "bracketed",
    "bracketed_party",
    "cut_short",
    "indefinite",
    "names_party",
    "parliamentary_group",
    "party_forms",
    "passing_mark",
    "relative_bearer",
    "territory_named",
]

#: Apostrophes a space cut from their article ("l’ OIM" in some corpora).
APOSTROPHES = frozenset({"'", "’"})
#: Opening quotes around an organisation's name ("l'association « Terre vive »").
_QUOTES = frozenset({"«", '"', "“"})

#: How many sentences before the title's a lone named organisation may stand.
_SENTENCES_BACK = 3


class BodyAnaphora:
    """Resolves "de l'organisation" after a title to the organisation named before."""

    def __init__(self, lex: dict[str, Any]) -> None:
        spec = lex.get("title_anaphora", {})
        self.nouns = frozenset(fold_lexeme(w) for w in spec.get("nouns", ()))
        self.determiners = frozenset(fold_lexeme(w) for w in spec.get("determiners", ()))
        #: "de cette commune", "de l'île": place nouns and the types of what they name back.
        self.places = {
            fold_lexeme(w): frozenset(types) for w, types in spec.get("places", {}).items()
        }

    def holder(self, title: Token, end: int, syn: Syntax) -> TokenMention | None:
        """The organisation "de l'organisation" (the place "de cette commune") right after
        the title words names, if any."""
        doc = title.doc
        i = end
        if i < len(doc) and doc[i].text == "(":
            # "maire (PS) de cette commune": the bracketed party is read apart
            close = next((k for k in range(i + 1, min(i + 5, len(doc))) if doc[k].text == ")"), 0)
            i = close + 1 if close else i
        if i >= len(doc) or doc[i].pos_ != "ADP":
            return None
        i += 1
        pointing = False
        if i < len(doc) and fold_lexeme(doc[i].text) in self.determiners:
            pointing = "Dem" in doc[i].morph.get("PronType")
            i += 1
        if i >= len(doc) or syn.index.covering(i) is not None:
            return None
        forms = {fold_lexeme(doc[i].lemma_), fold_lexeme(doc[i].text)}
        place = next((self.places[f] for f in forms if f in self.places), None)
        if place is None and not forms & self.nouns:
            return None
        # "l'organisation *des Nations unies*", "l'ONG *humanitaire*": a name or a
        # description, not a reference; "le premier ministre de l'île *X*": X is the bearer;
        # "cette commune *de l'Essonne*": a demonstrative points back whatever follows.
        after = doc[i + 1] if i + 1 < len(doc) else None
        if (
            after is not None
            and not _person_at(after.i, syn)
            and not (pointing and place is not None)
            and (after.pos_ in {"ADJ", "NOUN", "PROPN"} or syn.case_word(after) == syn.genitive)
        ):
            return None
        return self._antecedent(doc[i], syn, place or frozenset({"Organization"}))

    def _antecedent(self, noun: Token, syn: Syntax, types: frozenset[str]) -> TokenMention | None:
        doc = noun.doc
        named = [
            m
            for m in syn.index.mentions
            if m.type in types and m.kind == "name" and m.end <= noun.i
        ]
        introduced = [m for m in named if self._introduced_by(m, noun, syn)]
        if introduced:
            return max(introduced, key=lambda m: m.start)
        start = noun.sent.start
        for _ in range(_SENTENCES_BACK):
            if start == 0:
                break
            start = doc[start - 1].sent.start
        near = {m.key: m for m in named if m.start >= start}
        if not near and "Organization" not in types:
            # "Lyon : …" then "le maire de la ville": the place the headline is about
            line = next((t.i for t in doc if "\n" in t.text), 0)
            near = {m.key: m for m in named if m.end <= line}
        return next(iter(near.values())) if len(near) == 1 else None

    def _introduced_by(self, mention: TokenMention, noun: Token, syn: Syntax) -> bool:
        """ "l'ONG Human Rights Watch": the same kind noun right before or opening the name."""
        doc = noun.doc
        words = {fold_lexeme(noun.lemma_), fold_lexeme(noun.text)}
        first = doc[mention.start]
        if {fold_lexeme(first.lemma_), fold_lexeme(first.text)} & words:
            return True
        j = mention.start - 1
        if j > 0 and syn.case_word(doc[j]) == syn.genitive:
            j -= 1  # "l'île *de* Malte", "la ville de Lyon"
        if j < 0 or syn.index.covering(j) is not None:
            return False
        return bool({fold_lexeme(doc[j].lemma_), fold_lexeme(doc[j].text)} & words)


def _person_at(i: int, syn: Syntax) -> bool:
    """Whether a person's name opens at token ``i`` (the bearer after the holder)."""
    mention = syn.index.covering(i)
    return mention is not None and mention.type == "Person" and mention.start == i


def territory_named(holder: TokenMention, doc: Doc, nouns: frozenset[str]) -> bool:
    """ "présidente *de la région* Bretagne", "préfet *du département du* Nord": a place
    named right after a territory noun (with its own "de") is that territory's body, which a
    head title heads, as it heads a town; a place after "de" alone may be a seat's or a
    native's ("député de la Somme", "la présidente, de Lyon")."""
    k = holder.start - 1
    if k >= 0 and doc[k].text in APOSTROPHES:
        k -= 1
    if k >= 0 and doc[k].pos_ in {"ADP", "DET"}:
        k -= 1  # "du département *du* Nord"
    return k >= 1 and fold_lexeme(doc[k].lemma_) in nouns and doc[k - 1].pos_ in {"DET", "ADP"}


def cut_short(holder: TokenMention, syn: Syntax) -> bool:
    """Whether a named organisation goes on past its mention ("le *Conseil* des
    ministres"): a genitive and a bare common noun no mention covers. The mention is
    then a generic word of a longer name, not the body the title is of.
    """
    doc = syn.index.doc
    i = holder.end
    if holder.type != "Organization" or holder.kind != "name" or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return (
        syn.case_word(doc[i]) == syn.genitive
        and nxt.pos_ == "NOUN"
        and nxt.is_lower
        and syn.index.covering(nxt.i) is None
    )


def indefinite(holder: TokenMention, doc: Doc) -> bool:
    """ "présidente *d'une ONG féminine*": a body after an indefinite article is some body,
    not one the article identifies (even when NER took its words for a name)."""
    if holder.start == 0:
        return False
    det = doc[holder.start - 1]
    return det.pos_ == "DET" and "Ind" in det.morph.get("Definite")


def bare_party(end: int, holders: list[TokenMention], doc: Doc) -> TokenMention | None:
    """ "le maire *UMP* de Nice", "la sénatrice *PS* du Nord": an organisation named bare
    right after a politician's title (only adjectives between) is the bearer's party, whatever
    body the title is of. ``end``: the index after the title words."""
    for mention in holders:
        if mention.type != "Organization" or mention.kind != "name":
            continue
        between = doc[end : mention.start]
        if all(t.pos_ == "ADJ" for t in between) and len(between) <= 2:
            return mention
        return None
    return None


def bracketed(i: int, syn: Syntax) -> TokenMention | None:
    """ "le maire *(PS)* de Lille", "Lille *(Nord)*": a name alone in brackets at token ``i``."""
    doc = syn.index.doc
    if i + 2 >= len(doc) or doc[i].text != "(":
        return None
    named = next((m for m in syn.index.starts.get(i + 1, ()) if m.kind == "name"), None)
    if named is None or named.end >= len(doc) or doc[named.end].text != ")":
        return None
    return named


def bracketed_party(i: int, syn: Syntax) -> TokenMention | None:
    """ "le maire *(PS)* de Lille": an organisation alone in brackets at token ``i``."""
    named = bracketed(i, syn)
    return named if named is not None and named.type == "Organization" else None


def party_forms(lex: dict[str, Any], lang: str) -> frozenset[str]:
    """Folded ways of naming a party: the language's party adjectives and the keys they
    name, the party names that open with no party word ("Les Républicains"), and the parties
    of its national institutions (names, aliases, acronyms)."""
    forms = {fold_lexeme(w) for w in lex.get("affiliation", {}).get("party_names", ())}
    for table in lex.get("party_adjectives", {}).get("countries", {}).values():
        for adjective, key in table.items():
            forms.update((fold_lexeme(adjective), key))
    institutions = load_data(lang, "institutions")
    for block in institutions.get("countries", {}).values():
        for item in block.get("parties", ()):
            for name in (item[0], *item[1], *item[2]):
                if isinstance(name, str):
                    forms.add(fold_lexeme(name))
    return frozenset(forms)


def names_party(
    mention: TokenMention, doc: Doc, parties: frozenset[str], party_words: frozenset[str]
) -> bool:
    """Whether ``mention`` names a party: a known one (``parties``, see :func:`party_forms`:
    name, acronym, gazetteer key) or a name opening with a party word ("Parti …", "Front …"),
    so that "la députée du Parti socialiste X" reads as membership, not as a seat."""
    words = fold_lexeme(doc[mention.start : mention.end].text)
    return words in parties or mention.key in parties or words.split(" ", 1)[0] in party_words


def parliamentary_group(
    end: int, syn: Syntax, groups: frozenset[str], parties: frozenset[str]
) -> tuple[TokenMention | None, TokenMention | None]:
    """ "président du *groupe PS*", "présidente du *groupe socialiste* au Sénat": the group a
    title right before names, as a new organisation of the article, and the party it names
    bare (else None): (group, party).

    A group is a group noun after the title's "de", then a party named bare or a party
    adjective (``parties``: folded party names, acronyms, keys and adjectives): "groupe UMP",
    "groupe écologiste"; "le groupe Renault" (a company) and "le groupe armé" are not.
    """
    doc = syn.index.doc
    i = end
    if i < len(doc) and syn.case_word(doc[i]) == syn.genitive:
        i += 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if i + 1 >= len(doc) or fold_lexeme(doc[i].text) not in groups:
        return None, None
    if syn.index.covering(i) is not None:
        return None, None
    party = next((m for m in syn.index.starts.get(i + 1, ()) if m.type == "Organization"), None)
    if party is not None and party.kind == "name":
        named = fold_lexeme(doc[party.start : party.end].text)
        if named not in parties and party.key not in parties:
            return None, None
        stop = party.end
    else:
        party = None
        stop = i + 1
        if syn.index.covering(stop) is not None or fold_lexeme(doc[stop].text) not in parties:
            return None, None
        stop += 1
    span = doc[i:stop]
    name = " ".join(span.text.split())
    key = entity_key("Organization", name)
    doc_id = doc._.kg_doc_id
    key = f"{key}@{article_scope(doc_id)}" if doc_id is not None else key
    return TokenMention(i, stop, key, "Organization", "nominal"), party


def relative_bearer(
    title: Token, syn: Syntax, former: frozenset[str]
) -> tuple[TokenMention | None, bool]:
    """ "X, qui fut (l'ancien) premier ministre": (X, whether the copula is past), else
    (None, False).

    Read on the surface (a relative pronoun, a copula, the title): the parser often hangs
    such a clause on the main verb instead of on X.
    """
    doc = title.doc
    start = title.sent.start
    j = title.i - 1
    while j > start and (doc[j].pos_ in {"DET", "ADJ"} or fold_lexeme(doc[j].text) in former):
        j -= 1
    copulas = []
    while j > start and doc[j].pos_ == "AUX" and len(copulas) < 2:
        copulas.append(doc[j])
        j -= 1
    if not copulas or j <= start or not syn.is_relative(doc[j]):
        return None, False
    if doc[j].dep_ != ud.NSUBJ:
        return None, False
    j -= 1
    if doc[j].text == ",":
        j -= 1
    person = next((m for m in syn.index.ends.get(j + 1, ()) if m.type == "Person"), None)
    past = any(set(t.morph.get("Tense")) & {"Past", "Imp"} for t in copulas)
    return person, person is not None and past


def passing_mark(i: int, syn: Syntax) -> bool:
    """Whether the mark at token ``i`` of a title phrase is read past, not a phrase's end: an
    elided article's or preposition's apostrophe a space cut off ("de l’ OIM", "d' Australie"
    tokenized "d" + "'"), or a quote that opens an
    organisation's name right after its kind noun ("de l'association « Terre vive »")."""
    doc = syn.index.doc
    tok = doc[i]
    if i == 0:
        return False
    if tok.text in APOSTROPHES:
        return doc[i - 1].pos_ in {"DET", "ADP"}
    if tok.text not in _QUOTES:
        return False
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return (
        doc[i - 1].pos_ in {"NOUN", "ADJ"}
        and doc[i - 1].is_lower
        and any(m.type == "Organization" for m in syn.index.starts.get(j, ()))
    )
