"""Cleaning spaCy's NER spans into names: articles, titles and punctuation off the edges.

Why a module of its own: NER is the raw material. Its French spans carry articles
("l'OTAN"), titles ("letton de la Défense" as a person), event series before a place
("Ironman *France*") and a word too many ("Ban Ki-moon hier"); its types miss persons named
after a first name or a surname ending. The rules are measured on WiNER
(``benchmarks/eval_entities.py``); every word they need comes from the language's entity
lexicon and closed-class words.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from kg.lang import fold as _fold
from kg.lang.gazetteer import Gazetteer
from kg.lang.words import Words
from kg.nlp.entities.acronyms import ACRONYM
from kg.nlp.entities.names import inside_sentence
from kg.nlp.entities.spans import (
    ARABIC_ARTICLE,
    demonym_before_name,
    looks_like_demonym,
    portfolio_before_name,
)

__all__ = ["NerSpans"]

_INITIAL = re.compile(r"^[A-Z]\.$")
#: A product's model code after its maker: "A321", "737", "A320neo", "CL-415".
_MODEL_CODE = re.compile(r"^[A-Z]{0,3}-?\d{2,4}[a-z]*$")


class NerSpans:
    """Cleans NER spans with one language's lexicon, words, gazetteer and first names."""

    def __init__(
        self,
        lex: dict[str, Any],
        words: Words,
        gazetteer: Gazetteer,
        first_names: frozenset[str],
    ) -> None:
        self.lex = lex
        self.words = words
        self.gazetteer = gazetteer
        self.first_names = first_names
        #: "de la *Défense* Ursula Schmidt": words before a portfolio glued to a name.
        self.links = words["genitive"] | words["definite_articles"]

    def clean(self, doc: Doc, start: int, end: int, type_: str) -> tuple[int, int, str] | None:
        """Clean one NER span: articles, titles, demonyms and punctuation off its edges.

        Returns the cleaned ``(start, end, type)``, or None when no name is left.
        """
        drop = self.lex["leading_drop"]
        titles = self.lex["person_titles"]
        ent_start = doc[start].idx
        while start < end:
            token = doc[start]
            word = _fold(token.text)
            if word in drop or token.is_punct or token.is_space:
                # "Le Monde", "Les Républicains": a capitalised article inside a sentence
                # belongs to the name, unless a title follows ("Le Frère musulman X").
                if not (
                    word in self.words["definite_articles"]
                    and token.text[:1].isupper()
                    and inside_sentence(doc, start)
                    and start + 1 < end
                    and doc[start + 1].text[:1].isupper()
                    and not (type_ == "Person" and _fold(doc[start + 1].text) in titles)
                ):
                    start += 1
                    continue
            elif type_ == "Person" and (
                word in titles
                or (end - start > 2 and demonym_before_name(doc, start, self.gazetteer, self.words))
            ):
                start += 1
                continue
            break
        if (
            end - start > 2
            and demonym_before_name(doc, start, self.gazetteer, self.words)
            and all(t.text[:1].isupper() for t in doc[start + 1 : end] if t.is_alpha)
        ):
            start, type_ = start + 1, "Person"  # "l'Autrichienne Nadine Fest"
        while end > start and (
            doc[end - 1].is_punct
            or doc[end - 1].is_space
            or doc[end - 1].lower_ in self.words["dangling"]
        ):
            end -= 1  # "15 e arrondissement de", "Hanno Pevkur,"
        if _fold(doc[start].text) in self.lex["event_series"] and type_ != "Person":
            # "Ironman France", "Ironman de Kona", "WTS Leeds 2016": the series, its place
            start += 1
            while start < end and (
                _fold(doc[start].text) in self.words["genitive"] or doc[start].is_punct
            ):
                start += 1
            while end > start and not doc[end - 1].is_alpha:
                end -= 1
            entry = self.gazetteer.lookup_name(doc[start:end].text) if end > start else None
            if end <= start or not doc[start].text[:1].isupper():
                return None
            type_ = entry.type if entry is not None else "Place"
        if (
            type_ == "Place"
            and end - start >= 2
            and ACRONYM.match(doc[start].text)
            and doc[start + 1].text[:1].isupper()
            and self.gazetteer.lookup_name(doc[start:end].text) is None
        ):
            start += 1  # "WTS Yokohama": an event code before the place
        if type_ == "Person":
            while end - start > 1 and doc[end - 1].is_lower and doc[end - 2].text != "-":
                end -= 1  # "Ban Ki-moon hier"
            if portfolio_before_name(doc, start, end, self.links, self.first_names) or (
                end - start >= 3
                and _fold(doc[start - 1].text) in self.links
                and _fold(doc[start].text) in self.lex["territory_heads"]
            ):
                # "la ministre de la Défense Ursula Schmidt": a portfolio word; "le président
                # de la Région Ana Lopes": a territory named back, whatever the first name
                start += 1
        else:
            while end - start > 1 and (
                _finite_verb(doc[end - 1])
                or (
                    doc[end - 1].is_lower and _fold(doc[end - 1].text) in self.lex["trailing_times"]
                )
            ):
                end -= 1  # "Wembley Arena explose", "l'ONU lundi": a verb or a day after it
            if (
                end - start >= 2
                and _MODEL_CODE.match(doc[end - 1].text)
                and self.gazetteer.lookup_name(doc[start : end - 1].text) is not None
            ):
                end -= 1  # "Airbus A321", "Boeing 737": the maker, not its model
        if end <= start:
            return None
        if (
            start > 0
            and doc[start - 1].text in self.words["capitalised_articles"]
            and inside_sentence(doc, start - 1)
            and doc[start].text[:1].isupper()
        ):
            start -= 1  # "à La Havane", "selon Le Monde": a capital article is in the name
        if (
            type_ == "Person"
            and start > 0
            and _INITIAL.match(doc[start - 1].text)
            and doc[start - 1].text not in self.words["honorific_initials"]
        ):
            start -= 1  # "N. Sarkozy"
        if (
            type_ == "Person"
            and start > 0
            and doc[start - 1].text in self.words["surname_particles"]
            and end - start == 1
            and (doc[start - 1].idx >= ent_start or _mid_sentence(doc, start - 1))
        ):
            start -= 1  # "De Gendt", "van Aert": a particle before a surname is in it
        span = doc[start:end]
        first = span[0].text
        if ARABIC_ARTICLE.match(span.text):
            first = span.text.split("-", 1)[1]  # "al-Bab", "el-Sissi"
        if not (first[:1].isupper() or first[:1].isdigit()) or len(span.text.strip(".")) < 2:
            return None  # "ministre du Numérique", "letton de la Défense", "X."
        if type_ == "Person" and not any(t.text[:1].isupper() and t.is_alpha for t in span):
            return None
        if self.words["tournament_group_pattern"].match(span.text):
            return None  # "Groupe C" of a tournament
        head = _fold(first)
        if (
            len(span) > 1
            and all(t.is_lower for t in span[1:] if t.is_alpha)
            and (head in self.lex["person_titles"] or head in self.lex["agreement_heads"])
        ):
            return None  # "Chancelière allemande", "Pacte budgétaire": a title, a treaty
        if len(span) == 1:
            if looks_like_demonym(doc, start, self.gazetteer, self.words):
                return None  # "les Européens", "la Suissesse": people, not a place
            if _fold(first) in self.lex["not_names"]:
                return None  # "État", "Nord", "Vendredi" alone
            if span[0].is_sent_start and span[0].pos_ not in ("PROPN", "X") and type_ != "Person":
                return None  # "Manifestant" opening a sentence
        titled = (
            start > 0
            and doc[start - 1].is_lower
            and (before := _fold(doc[start - 1].text)) in self.lex["person_titles"]
            and before not in self.words["ordinal_titles"]
            and self.gazetteer.lookup_name(span.text) is None
        )
        if titled and len(span) == 1 and ACRONYM.match(first) and first.isupper():
            type_ = "Organization"  # "le député LR", "le maire UDI": the titled one's party
        elif type_ != "Person" and (titled or self._apposed_to_title(doc, start, end)):
            type_ = "Person"  # "le président Zelenskyy", whatever NER said
        if (
            type_ != "Person"
            and end - start >= 2
            and doc[start].text in self.first_names
            and all(
                t.text[:1].isupper() or t.lower_ in self.words["given_name_particles"] for t in span
            )
            and self.gazetteer.lookup_name(span.text) is None
            and self.gazetteer.lookup_name(doc[end - 1].text) is None
        ):
            type_ = "Person"  # "Staffan Olsson", "Kofi Kingston": a first name opens it
        if (
            type_ != "Person"
            and end - start == 2
            and doc[start].is_title
            and doc[start].is_alpha
            and _INITIAL.match(doc[end - 1].text)
            and self.gazetteer.lookup_name(doc[start].text) is None
        ):
            type_ = "Person"  # "Dubreuil T.": a surname and a given name's initial (line-ups)
        if type_ == "Person" and start > 0 and doc[start - 1].is_lower:
            # "le tournoi Jean Borotra", "au stade Pierre-Mauroy": named after a person,
            # the name with its kind is an event or a venue, not that person
            kind = _fold(doc[start - 1].lemma_)
            if kind in self.lex["eponym_event_heads"]:
                return start - 1, end, "Event"
            if kind in self.lex["eponym_venue_heads"]:
                return start - 1, end, "Place"
        if (
            type_ != "Person"
            and end - start >= 2
            and doc[end - 1].text[:1].isupper()
            and _fold(doc[end - 1].text) in self.lex.get("event_last_words", ())
        ):
            return start, end, "Event"  # "British Comedy Awards", "Boston Marathon"
        if type_ == "Place" and self._particle_name(doc, start, end):
            type_ = "Person"  # "Abou Bakr al-Baghdadi", "Karim ben Salah": a filiation
        if (
            type_ != "Person"
            and self.words["person_suffix_pattern"].search(doc[end - 1].text)
            and all(t.text[:1].isupper() for t in span if t.is_alpha)
            and self.gazetteer.lookup_name(span.text) is None
        ):
            type_ = "Person"  # "Ševaljević", "Onufriyenko": surname endings, not places
        if type_ in ("Place", "Person") and (
            _fold(first) in self.lex["org_first_words"]
            or _fold(span[:2].text) in self.lex["org_first_words"]
            or _fold(span[-1].text) in self.lex["org_last_words"]
        ):
            # "Grande Mosquée de Valence", "Splendid Hotel", "Olympique de Marseille", "X GmbH"
            type_ = "Organization"
        return start, end, type_

    def _apposed_to_title(self, doc: Doc, start: int, end: int) -> bool:
        """ "au président du Sénat, Jean Kalomba.": an unknown two- or three-word name that
        closes an apposition to a person's title (no verb between) is that person's, as
        "le président Zelenskyy" is; NER often takes an unfamiliar one for a body."""
        span = doc[start:end]
        if not 2 <= len(span) <= 3 or start < 2 or doc[start - 1].text != ",":
            return False
        if not all(t.is_alpha and t.text[:1].isupper() for t in span):
            return False
        if end < len(doc) and not doc[end].is_punct:
            return False
        if self.gazetteer.lookup_name(span.text) is not None or any(
            self.gazetteer.lookup_name(t.text) is not None for t in span[1:]
        ):
            return False
        titles = self.lex["person_titles"]
        for k in range(start - 2, max(doc[start].sent.start, start - 12) - 1, -1):
            token = doc[k]
            if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ":", "(", ")"):
                return False
            if token.is_lower and _fold(token.text) in titles:
                return True
        return False

    def _particle_name(self, doc: Doc, start: int, end: int) -> bool:
        """Whether an unknown name reads as a person's: a first name then a name particle
        ("Saïd ben Ali", "Leïla el-Khoury"), or two names and two particles ("Abou Bakr
        al-Baghdadi"). Two-word places with an article ("Charm
        el-Cheikh", "Ras al-Khaïmah") open on no first name; known places are left alone."""
        particles = self.lex["person_name_particles"]
        span = doc[start:end]
        if len(span) < 2 or not any(_is_particle(t, particles) for t in span[1:]):
            return False
        words = [t for t in span if t.is_alpha]
        linking = sum(_is_particle(t, particles) for t in words)
        core = len(words) - linking
        if not (span[0].text in self.first_names or (linking >= 2 and core >= 2)):
            return False
        if any(_fold(t.text) in self.words["genitive"] for t in span):
            return False  # "Al-Bateen d'Abou Dhabi": a place of a place
        if not all(t.text[:1].isupper() or _is_particle(t, particles) for t in span if t.is_alpha):
            return False
        return self.gazetteer.lookup_name(span.text) is None


def _is_particle(token: Token, particles: set[str]) -> bool:
    """ "ben", "ould", "van" or an article glued to a name ("al-Assad", "el-Sissi")."""
    return _fold(token.text) in particles or ARABIC_ARTICLE.match(token.text) is not None


def _finite_verb(token: Token) -> bool:
    """A lower-case finite verb: never the last word of a name ("Arena *explose*")."""
    return token.is_lower and token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def _mid_sentence(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` follows a word or a colon/comma, not a full stop or a line break."""
    if i == 0:
        return False
    prev = doc[i - 1]
    return prev.text not in (".", "!", "?", "…") and "\n" not in prev.whitespace_ + prev.text
