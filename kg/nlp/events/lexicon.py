"""The compiled event lexicon: trigger words, their classes, and the words around them.

Why compiled once: the trigger scan runs on every document and must cost a dictionary
lookup per token (see :mod:`kg.nlp.tokens`); the JSON (``kg/lang/<lang>/events.json``) is
written for people, with multi-word expressions as strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from kg.lang import fold
from kg.lang.fold import fold_lexeme

__all__ = ["EventLexicon", "TriggerEntry"]


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """What one trigger word says: its class, PLOVER mode and how it takes its arguments.

    ``cls`` is None for generic nouns ("le drame"), which only refer back to an event.
    ``noun`` is what a verb's event is called when no noun tells it ("interpellation");
    ``accented`` the only spelling that matches when folding would merge two words.
    """

    cls: str | None
    mode: str | None = None
    weak: bool = False
    verb: bool = False
    needs: str | None = None
    object: str | None = None
    needs_complement: bool = False
    #: The prepositions that complement may take; empty: any ("le trafic *de* cocaïne",
    #: not "le trafic *à* la gare").
    complement_cases: frozenset[str] = frozenset()
    subject_role: str = "actors"
    object_role: str = "targets"
    noun: str | None = None
    accented: str | None = None
    #: A generic noun naming a mishap ("l'incident", "le drame"), not "l'événement".
    mishap: bool = False
    #: What the verb may be done to, when it has an object ("signer *un accord*", not
    #: "signer le registre"); empty: anything.
    objects: frozenset[str] = frozenset()
    #: Word forms that are another word ("violent" is an adjective, not "violer").
    not_forms: frozenset[str] = frozenset()
    #: A noun that tells an event only in the singular ("la mort de X", not "neuf morts").
    singular: bool = False
    #: The subject is a thing, not a measure ("l'usine a explosé", not "les prix ont
    #: explosé", "le cours s'est effondré").
    concrete_subject: bool = False
    #: The verb with an attribute judges, it tells no act ("la vidéo est *jugée* choquante").
    no_attribute: bool = False
    #: Prepositions of a complement that makes the reflexive figurative ("la réforme *se
    #: heurte à* des résistances"; "deux voitures se sont heurtées" is a collision).
    figurative_cases: frozenset[str] = frozenset()
    #: The only subjects this reading takes, when it has one ("la digue a *cédé*", not
    #: "le ministre a cédé"); empty: any.
    subjects: frozenset[str] = frozenset()


def _entry(raw: Mapping[str, Any], *, verb: bool) -> TriggerEntry:
    return TriggerEntry(
        cls=raw["class"],
        mode=raw.get("mode"),
        weak=bool(raw.get("weak", False)),
        verb=verb,
        needs=raw.get("needs"),
        object=fold(raw["object"]) if raw.get("object") else None,
        needs_complement=bool(raw.get("needs_complement", False)),
        complement_cases=frozenset(fold(w) for w in raw.get("complement_cases", ())),
        subject_role=raw.get("subject_role", "actors"),
        object_role=raw.get("object_role", "targets"),
        noun=raw.get("noun"),
        objects=frozenset(fold(w) for w in raw.get("objects", ())),
        not_forms=frozenset(fold(w) for w in raw.get("not_forms", ())),
        singular=bool(raw.get("singular", False)),
        concrete_subject=bool(raw.get("concrete_subject", False)),
        no_attribute=bool(raw.get("no_attribute", False)),
        figurative_cases=frozenset(fold(w) for w in raw.get("figurative_cases", ())),
        subjects=frozenset(fold(w) for w in raw.get("subjects", ())),
    )


def _accented(word: str, raw: Mapping[str, Any], entry: TriggerEntry) -> TriggerEntry:
    """An entry that matches only its accented spelling ("marche", not "marché")."""
    if not raw.get("accents"):
        return entry
    return replace(entry, accented=word.lower())


class EventLexicon:
    """``events.json`` as lookups on folded words and lemmas."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.nouns: dict[str, TriggerEntry] = {}
        #: first folded word -> [(all folded words, entry)], longest first
        self.multiword: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = {}
        for word, raw in data["nouns"].items():
            entry = _accented(word, raw, _entry(raw, verb=False))
            words = tuple(fold(word).replace("'", "' ").replace("’", "’ ").split())
            if len(words) == 1:
                self.nouns[words[0]] = entry
            else:
                self.multiword.setdefault(words[0], []).append((words, entry))
            if "-" in word:  # the tokenizer may split "attentat-suicide" at its hyphen
                split = tuple(w for part in words for w in part.replace("-", " - ").split())
                self.multiword.setdefault(split[0], []).append((split, entry))
        for options in self.multiword.values():
            options.sort(key=lambda item: -len(item[0]))
        #: lemma -> its readings, tried in order: one verb may name several idioms
        #: ("prendre feu", "prendre le pouvoir"), each with its own object.
        self.verbs: dict[str, tuple[TriggerEntry, ...]] = {
            fold(lemma): tuple(
                _entry(one, verb=True) for one in (raw if isinstance(raw, list) else [raw])
            )
            for lemma, raw in data["verbs"].items()
        }
        neutral = frozenset(fold(w) for w in data.get("neutral_generic_nouns", ()))
        self.generic: dict[str, TriggerEntry] = {
            fold(w): TriggerEntry(cls=None, mishap=fold(w) not in neutral)
            for w in data["generic_nouns"]
        }
        #: Verbs whose object names a wish or a fear, not a happening ("exiger la démission").
        self.wish_verbs = frozenset(fold(w) for w in data.get("wish_verbs", ()))
        #: Verbs whose infinitive's object is called for, not told ("appeler à *organiser une
        #: marche*"); the wish verbs and verbs of urging, threatening and refusing.
        self.call_verbs = frozenset(fold(w) for w in data.get("call_verbs", ())) | self.wish_verbs
        #: Classes of organised happenings a mishap word never refers back to.
        self.planned_classes = frozenset(data.get("planned_classes", ()))
        self.generic_window: int = int(data.get("generic_attach_window", 3))
        self.blockers: dict[str, frozenset[str]] = {
            fold(k): frozenset(fold(w) for w in v) for k, v in data["blockers"].items()
        }
        #: Words just before a trigger that make it no news event ("la troisième *marche*",
        #: "le camp de la *mort*", "sans rien *lâcher*"), folded, as space-joined words.
        self.blockers_before: dict[str, tuple[str, ...]] = {
            fold(k): tuple(fold(w) for w in v) for k, v in data.get("blockers_before", {}).items()
        }
        self.distinct = frozenset(fold(w) for w in data["distinct_words"])
        #: Prepositions that make a noun a source ("selon l'enquête"), as folded words
        #: joined by spaces ("d' apres").
        self.source_cases = frozenset(
            " ".join(fold(w).replace("'", "' ").replace("’", "’ ").split())
            for w in data.get("source_cases", ())
        )
        #: Words before an infinitive of purpose ("pour", "afin de"), folded, spaced.
        self.purpose_words = frozenset(
            " ".join(fold(w).replace("'", "' ").split()) for w in data.get("purpose_words", ())
        )
        #: The preposition of a passive's agent ("par").
        self.agent_cases = frozenset(fold(w) for w in data.get("agent_cases", ()))
        #: A gathering told with the aim of a protest is that protest ("rassemblés *pour
        #: protester*"): purpose class -> the class the gathering then takes.
        self.purpose_aims: dict[str, str] = dict(data.get("purpose_aims", {}))
        self.aim_hosts = frozenset(data.get("aim_hosts", ()))
        #: The preposition of the one a visit is paid to ("rendre visite *à* X"), accents kept
        #: as :meth:`kg.nlp.syntax.Syntax.case_of` gives it.
        self.visit_counterparts = frozenset(fold(w) for w in data.get("visit_counterparts", ()))
        self.visit_cases = frozenset(fold_lexeme(w) for w in data.get("visit_cases", ()))
        self.issue_heads = self._issue_heads(data.get("issue_phrases", []))
        #: Wars and regimes that date a sentence in a phrase of one of the ``period_cases``
        #: ("pendant la guerre"), or of one of the ``period_parts`` ("depuis la fin de").
        self.period_nouns = frozenset(fold(w) for w in data.get("period_nouns", ()))
        self.period_cases = frozenset(fold(w) for w in data.get("period_cases", ()))
        self.period_parts = frozenset(fold(w) for w in data.get("period_parts", ()))
        self.measure_subjects = frozenset(fold(w) for w in data.get("measure_subjects", ()))
        #: Subjects that make a material verb figurative: measures and prices ("les prix ont
        #: explosé") and abstract nouns ("le climat s'est embrasé", "l'espoir s'est effondré").
        self.figurative_subjects = self.measure_subjects | frozenset(
            fold(w) for w in data.get("abstract_subjects", ())
        )
        for readings in self.verbs.values():  # "l'effondrement *des cours*" as "ont explosé"
            for e in readings:
                if e.concrete_subject and e.noun:
                    noun = fold(e.noun)
                    self.blockers[noun] = (
                        self.blockers.get(noun, frozenset()) | self.measure_subjects
                    )
        self.classifier_cases = frozenset(fold(w) for w in data.get("classifier_cases", ()))
        #: Nouns of a part of an event ("le second tour", "le dépouillement"): the event is
        #: named by another of its nouns when it has one ("la présidentielle").
        self.part_nouns = frozenset(fold(w) for w in data.get("part_nouns", ()))
        endings = data.get("participle_endings", {}).items()
        #: longest ending first, so "ées" is tried before "é"
        self.participle_endings = sorted(endings, key=lambda item: -len(item[0]))
        self._participles: dict[str, str | None] = {}
        present = data.get("present_participle_endings", {}).items()
        self.present_endings = sorted(present, key=lambda item: -len(item[0]))
        self._presents: dict[str, str | None] = {}
        self.indefinite = frozenset(fold(w) for w in data["indefinite_determiners"])
        self.demonstratives = frozenset(fold(w) for w in data.get("demonstrative_determiners", ()))
        #: Classes one happening may be named in ("la réunion … *cette rencontre*"): a
        #: demonstrative noun refers back to an event of a kindred class when none of its own
        #: was told.
        self.kindred: dict[str, frozenset[str]] = {}
        for group in data.get("kindred_classes", ()):
            for cls in group:
                self.kindred[cls] = self.kindred.get(cls, frozenset()) | frozenset(group)
        self.roles: dict[str, str] = {fold(k): v for k, v in data["roles"].items()}
        self.noun_genitive_role: dict[str, str] = dict(data["noun_genitive_role"])
        self.actor_types = frozenset(data["actor_types"])
        self.person_nouns = frozenset(fold(w) for w in data["person_nouns"])
        self.target_types = frozenset(data["target_types"])
        self.planned_words = frozenset(fold(w) for w in data["planned_words"])
        #: A noun under these tells that nothing happened ("*aucune* évasion", "*sans*
        #: heurts", "*pas d'*accident") or that it may happen ("des troubles *éventuels*").
        self.negative_determiners = frozenset(fold(w) for w in data.get("negative_determiners", ()))
        self.negative_cases = frozenset(fold(w) for w in data.get("negative_cases", ()))
        self.negative_adverbs = frozenset(fold(w) for w in data.get("negative_adverbs", ()))
        self.negative_partitives = frozenset(fold(w) for w in data.get("negative_partitives", ()))
        self.habitual_adverbs = frozenset(fold(w) for w in data.get("habitual_adverbs", ()))
        #: "*chaque* année", "*chaque* manifestation": a determiner of a habit or a series.
        self.habitual_determiners = frozenset(fold(w) for w in data.get("habitual_determiners", ()))
        #: Units of time a habit recurs in ("chaque *année*", "deux fois par *mois*").
        self.frequency_units = frozenset(fold(w) for w in data.get("frequency_units", ()))
        self.frequency_cases = frozenset(fold(w) for w in data.get("frequency_cases", ()))
        self.hypothetical_modifiers = frozenset(
            fold(w) for w in data.get("hypothetical_modifiers", ())
        )
        #: Adjectives of a frequency: a series of happenings, none to date ("hebdomadaire").
        self.habitual_modifiers = frozenset(fold(w) for w in data.get("habitual_modifiers", ()))
        #: Nouns of a building or a body a bare event noun names ("le centre *des
        #: congrès*", "la salle *des fêtes*", "le comité *des fêtes*").
        self.venue_nouns = frozenset(fold(w) for w in data.get("venue_nouns", ()))
        #: Past participles no ending rule gives ("ouvert" -> "ouvrir"), for an idiom the
        #: tagger read as an adjective ("ont *ouvert* le feu").
        self.irregular_participles: dict[str, str] = {
            fold(k): fold(v) for k, v in data.get("irregular_participles", {}).items()
        }
        self.quantity_nouns: dict[str, str] = {}
        self.quantity_verbs: dict[str, str] = {}
        for name, spec in data["quantities"].items():
            for noun in spec["nouns"]:
                self.quantity_nouns.setdefault(fold(noun), name)
            for verb in spec["verbs"]:
                self.quantity_verbs.setdefault(fold(verb), name)
        self.size_classes = frozenset(data["size_classes"])
        self.place_cases: dict[str, list[str]] = dict(data["place_cases"])
        self.headline_words: dict[str, Any] = dict(data["headline_words"])
        self.party_classes = frozenset(data["party_classes"])
        self.enclosing_cases: list[str] = list(data["enclosing_cases"])
        self.home_heads = frozenset(fold(w) for w in data["home_heads"])
        self.scene_nouns: dict[str, list[str]] = dict(data["scene_nouns"])
        self.generic_location_nouns = frozenset(fold(w) for w in data["generic_location_nouns"])
        self.location_nouns: dict[str, tuple[tuple[str, ...], ...]] = {}
        for noun in data["location_nouns"]:
            words = tuple(fold(noun).split())
            self.location_nouns.setdefault(words[0], ())
            self.location_nouns[words[0]] += (words,)

    def _issue_heads(self, raw: list[Mapping[str, Any]]) -> dict[str, dict[str, bool]]:
        """Per preposition, the words whose phrase under it names a cause or a topic (the
        listed ones and every trigger of the listed classes: "manifester *contre*"), each
        with whether only a plural names one ("a porté *sur les enlèvements*", but "une
        déclaration *sur l'attentat* de la veille" tells of that attack). Entries sharing a
        preposition add up; a word listed both ways takes any number."""
        heads: dict[str, dict[str, bool]] = {}
        for spec in raw:
            classes = set(spec.get("classes", ()))
            words = {fold(w) for w in spec.get("words", ())}
            words |= {w for w, e in self.nouns.items() if e.cls in classes}
            words |= {w for w, rs in self.verbs.items() if any(e.cls in classes for e in rs)}
            plural_only = bool(spec.get("plural_only", False))
            for case in spec["cases"]:
                known = heads.setdefault(fold(case), {})
                for w in words:
                    known[w] = known.get(w, True) and plural_only
        return heads

    @cached_property
    def noun_words(self) -> frozenset[str]:
        """Every folded word or lemma a noun trigger can start with (nouns, the first words
        of multi-word nouns, generic nouns): a token with neither is no noun trigger, so
        :func:`kg.nlp.events.triggers.find_triggers` skips it without a lookup each."""
        return frozenset(self.nouns) | frozenset(self.multiword) | frozenset(self.generic)

    def participle_verb(self, word: str) -> str | None:
        """The trigger verb a past participle comes from ("encastrés" -> "encastrer")."""
        return self._verb_of(word, self.participle_endings, self._participles)

    def present_participle_verb(self, word: str) -> str | None:
        """The trigger verb a present participle comes from ("polluant" -> "polluer")."""
        return self._verb_of(word, self.present_endings, self._presents)

    def _verb_of(
        self, word: str, endings: list[tuple[str, str]], cache: dict[str, str | None]
    ) -> str | None:
        found = cache.get(word, "")
        if found == "":
            found = None
            lowered = word.lower()
            for ending, infinitive in endings:
                if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
                    lemma = fold(lowered[: -len(ending)] + infinitive)
                    found = lemma if lemma in self.verbs else None
                    break
            cache[word] = found
        return found

    def classes(self) -> set[str]:
        """Every class a trigger names (checked against the scheme by the tests)."""
        found = {e.cls for e in self.nouns.values()}
        found |= {e.cls for readings in self.verbs.values() for e in readings}
        found |= {e.cls for options in self.multiword.values() for _, e in options}
        return {c for c in found if c}
