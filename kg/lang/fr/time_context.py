"""French temporal expressions: the context checks that keep look-alikes out.

Why apart from :mod:`kg.lang.fr.times` (the shapes): "a été" (the participle) is not a
summer, "une fillette de 6 ans" is an age, "Noël Mamère" a name, "les 35 heures" a law and
"la grève a duré 24 heures" a length, not a time of day. These checks read the words around
a match (their lists are ``times.json`` data); :class:`kg.lang.fr.times.FrenchTimeRules`
builds the patterns on top of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from kg.nlp.times.rules import APOS, TimeRules, prev_words
from kg.nlp.times.windows import Anchor

__all__ = ["FrenchTimeContext"]

#: Articles before a holiday's name ("la Toussaint", "l'Ascension"): not part of the name.
_ARTICLES = frozenset({"l", "le", "la", "les"})
#: The rules :meth:`FrenchTimeContext._plausible` checks past the month (others all pass).
_CHECKED = frozenset(
    {"year", "season", "duration", "ago", "in", "anaphor", "holiday", "relunit", "clock"}
    | {"daypart", "ref"}
)


class FrenchTimeContext(TimeRules):
    """The French context checks of :meth:`TimeRules._plausible`, with their word lists."""

    def __init__(
        self,
        lexicon: dict[str, Any],
        patterns: Sequence[tuple[str, re.Pattern[str]]],
        triggers: dict[str, tuple[str, ...]],
        gates: Mapping[tuple[str, str], tuple[str, ...] | re.Pattern[str]] | None = None,
        anchors: Mapping[tuple[str, str], tuple[str, Anchor]] | None = None,
    ) -> None:
        super().__init__(lexicon, patterns, triggers, gates, anchors)
        lx = lexicon
        self._age_cues = frozenset(lx["age_cues"])
        self._duration_heads = frozenset(lx["duration_heads"])
        self._year_context = frozenset(lx["year_context"])
        self._daypart_context = frozenset(lx["daypart_context"])
        self._vague_context = frozenset(lx["vague_context"])
        self._clock_cues = frozenset(lx["clock_cues"])
        self._clock_cues_before_de = frozenset(lx["clock_cues_before_de"])
        self._midnight_cues = frozenset(lx["midnight_cues"])
        self._event_openers = frozenset(lx["event_openers"])
        self._duration_cues = frozenset(lx["duration_cues"])
        self._within_cues = frozenset(lx["within_cues"])
        self._weekdays = frozenset(lx["weekdays"])
        self._later_prepositions = frozenset(lx["later_prepositions"])
        self._back_determiners = frozenset(lx["back_determiners"])
        self._sentence_ends = re.compile(r"[.!?]\s+")
        self._holiday_cues = frozenset(lx["holiday_cues"])
        self._holiday_heads = frozenset(lx["holiday_heads"])

    def _plausible(
        self, rule: str, g: dict[str, str | None], text: str, start: int, end: int
    ) -> bool:
        """Text-only context checks that keep non-temporal look-alikes out."""
        if rule == "month":
            month = g["month"] or ""
            bare = not (g["year"] or g["rel"] or g["mod"] or g["mois"])
            # "Mars" the planet, "Mai" a name: months are lower-case in French.
            # "l'exploration de Mars": after "de" too ("au mois de mai" is not bare)
            if month[:1].isupper() and bare:
                prev = prev_words(text, start, 1)
                if (prev[-1] if prev else "") not in {".", "", "en"}:
                    return False
            # "sept" is also a number ("sept ans").
            return not (month.lower().startswith("sept") and len(month) < 6)
        if rule == "year" and (g["mod"] or g["lannee"]):
            return True
        if rule not in _CHECKED:
            return True  # spares reading the words before it
        prev = prev_words(text, start, 3)
        last = prev[-1] if prev else ""
        surface = text[start:end]
        if rule == "year":
            after = text[end : end + 2]
            # "de 2015 à 2019", "2010-2012": the end of a span of years
            span_end = (
                last == "à" and len(prev) > 2 and prev[-2].isdigit() and prev[-3] == "de"
            ) or bool(re.fullmatch(r"\d{4}-", last))  # "2010-2012"
            return (
                last in self._year_context
                or after.startswith("/")
                or last.endswith("/")
                or span_end
            )
        if rule == "season":
            season = g["season"] or ""
            if season[:1].isupper() and re.match(r"\s+[A-ZÉÈ]", text[end : end + 2]):
                return False  # "Automne Pavia": a given name before a surname
            if season.lower() in {"été", "ete"} and season[:1].islower():
                # "a été": the participle; the season needs a determiner or a preposition.
                return bool(g["det"] or g["year"] or g["mod"] or last in {"en", "cet"})
            if not (g["det"] or g["year"] or g["mod"]) and last in {"d'", "de"}:
                return False  # "Jeux olympiques d'hiver": a classifier, not a time
        if rule in {"duration", "ago", "in"}:
            unit = (g["unit"] or "").lower()
            if (
                g.get("vague")
                and (g["vague"] or "").lower() == "des"
                and last not in self._vague_context
            ):
                return False
            group = prev[-2] if re.fullmatch(r"\d+-", last) and len(prev) > 1 else last
            if (g.get("approx") or group != last) and group in {"les", "des", "aux"}:
                return False  # "les moins de 17 ans", "les 6-16 ans": an age group
            if unit.startswith("an") and g.get("approx") and last in {"de", "d'"}:
                head = prev[-2] if len(prev) > 1 else ""
                if head not in self._duration_heads:
                    return False  # "des mineurs de moins de 14 ans": an age
            if unit.startswith("an") and not g.get("approx"):
                head = re.sub(r"^\w['’]", "", prev[-2]) if len(prev) > 1 else ""  # "l'espace"
                if last in {"de", "d'"} and head not in self._duration_heads:
                    return False  # "une fillette de 6 ans": an age
                if last in self._age_cues or last in {"a", "avait", "aura", "ont", "avaient"}:
                    return False
            if (unit.startswith("heure") or unit == "h") and last in {"les", "aux", "des"}:
                # "les 35 heures": the law, not a duration; but "dans les 48 heures", "au
                # cours des dernières 24 heures" are lengths of time
                before = prev[-2] if len(prev) > 1 else ""
                return bool(g.get("lead")) or before in self._within_cues
            if unit.startswith("jour") and (g.get("num") or "").lower() in {"un", "une"}:
                return last in {"pendant", "durant", "depuis", "en", "pour", "sur", "d'"}
        if rule == "anaphor":  # "une heure après" is a duration, not a date
            unit = (g["unit"] or "").lower()
            units = self.lexicon["units"]
            later = (g.get("later") or "").lower()
            if later in self._later_prepositions and self._opens_event(text, end):
                # "un an après l'attentat": counted from the attack, not from a date written
                # before; the count alone is a length of time, unless the attack was just
                # told (then dated by the last date written before it)
                return self._told_before(text, start, end)
            return (units.get(unit) or units.get(unit.removesuffix("s"))) in {"D", "W", "M", "Y"}
        if rule == "holiday" and not self._holiday(g, prev, text, end):
            return False
        if rule == "relunit" and not (g["det"] or g["rel"] or g["mod"]):
            return False  # "la semaine" alone is no particular week
        if rule == "clock" and not self._clock_time(g, prev, surface, text, (start, end)):
            return False
        if rule == "daypart" and g["la"]:
            # "la nuit" alone needs a cue ("dans la nuit"); "la nuit même", "le même soir" not
            marked = ("meme", "prememe", "rel", "seq", "ctx")
            return any(g[k] for k in marked) or last in self._daypart_context
        # "en maintenant": the verb maintenir, not "now".
        return not (rule == "ref" and surface.lower() == "maintenant" and last == "en")

    def _opens_event(self, text: str, end: int) -> bool:
        """Whether "après"/"avant" ending at ``end`` heads what the count is from: a noun
        phrase or an infinitive ("un an après l'attentat", "deux jours après Noël", "trois
        jours après avoir signé"), not an adverbial that leaves it anaphoric ("il meurt
        deux ans après par noyade", "six mois après, il a rouvert")."""
        m = re.match(r"\s*([\w-]+)(['’])?", text[end : end + 30])
        if m is None:
            return False
        word = m[1].lower() + ("'" if m[2] else "")
        return m[1][:1].isupper() or m[1][:1].isdigit() or word in self._event_openers

    def _told_before(self, text: str, start: int, end: int) -> bool:
        """Whether what "après"/"avant" ending at ``end`` counts from refers back to a
        happening told in the sentence before ("Un incendie a ravagé l'usine le 12 mars.
        Deux semaines après *l'incendie*, …"): its noun, opened by a determiner that refers
        back, was written there. In its own sentence it may be another one ("a remporté
        trois épreuves … trois semaines avant l'épreuve"); "deux ans après *sa mort*" with
        no death told just before counts from a date not written: a length of time."""
        m = re.match(r"\s*(\w+['’]?)\s*(\w+)", text[end : end + 60])
        if m is None or m[1].lower().replace("’", "'") not in self._back_determiners:
            return False
        stem = m[2].lower().removesuffix("s").removesuffix("x")
        if len(stem) < 4:
            return False
        bounds = [0, *(b.end() for b in self._sentence_ends.finditer(text, 0, start))]
        if len(bounds) < 2:
            return False
        window = text[bounds[-2] : bounds[-1]]  # "remporté trois épreuves … avant l'épreuve"
        return re.search(rf"\b{re.escape(stem)}[sx]?\b", window, re.IGNORECASE) is not None

    def _holiday(self, g: dict[str, str | None], prev: list[str], text: str, end: int) -> bool:
        """Whether a holiday's name is the day: "à Noël", "de Pâques", "la Toussaint", but
        not the given name in "Noël Mamère" nor a bare word without a preposition."""
        surface = g["holiday"] or ""
        name = surface.lower().replace("’", "'")
        if re.match(r"\s+[A-ZÉÈ]", text[end : end + 2]):
            return False  # "Noël Mamère"
        words = [w for w in re.split(r"[\s'’-]+", surface) if w.lower() not in _ARTICLES]
        if len(words) == 1 and not words[0][:1].isupper():
            # a one-word name is a holiday when capitalised: "l'ascension du mont Blanc" is
            # a climb; longer names are holidays however written ("Mardi gras", "mardi gras")
            return False
        if " " in name or "-" in name or name.startswith("l'"):
            return True  # "la Toussaint", "le lundi de Pâques", "la Saint-Sylvestre"
        last = prev[-1] if prev else ""
        if last in {"de", "d'"}:  # "la veille de Noël", not "le marché de Noël"
            return len(prev) > 1 and prev[-2] in self._holiday_heads
        return last in self._holiday_cues

    def _hour(self, g: dict[str, str | None]) -> int:
        """The hour of "14 h" or "quatre heures" (0 when absent)."""
        word = (g.get("hour") or "").strip().lower()
        if word.isdigit():
            return int(word)
        return int(self.lexicon["numbers"].get(word, 0))

    def _clock_time(
        self,
        g: dict[str, str | None],
        prev: list[str],
        surface: str,
        text: str,
        span: tuple[int, int],
    ) -> bool:
        """Whether "N h" / "N heures" is a time of day rather than a length of time.

        "à 20 heures", "vers 15 h 30" are clock times; "la grève a duré 24 heures",
        "pendant 12 heures" are durations (the duration rule then takes them). "14 h 30"
        with minutes or the abbreviation "h" reads as a clock time unless a duration
        preposition stands before it ("en 24 h"); the full word "heures" needs a clock cue
        ("à", "vers", "dès", "entre 14 et 16 heures", "de 9 heures à midi"), and
        "24 heures" is never one (midnight is "minuit").
        """
        start, end = span
        last = prev[-1] if prev else ""
        if g.get("hpart") or last in self._weekdays:
            return True  # "8 heures du soir", "jeudi 22 heures"
        hour = self._hour(g)
        if hour == 24 and not g.get("min") and last in self._midnight_cues:
            # "le bar ferme à 24 heures": midnight; but "à 24 heures du scrutin" counts back
            # from something, and "à 24 heures sur 24" is all day
            return not re.match(rf"\s+(?:(?:de|du|des|sur)(?!\w)|d{APOS})", text[end : end + 5])
        if last in self._duration_cues or hour >= 24:
            return False  # "a duré 2 h 15", "une grève de 24 h"
        # "a duré de 10 à 12 heures": a range of lengths, either end
        pair = re.search(r"([\w'’]+)\s+(?:de|entre)\s+\d+\s+(?:à|et)\s*$", text[:start])
        if last in {"de", "entre"} and len(prev) > 1:
            pair_cue = prev[-2]
        else:
            pair_cue = pair[1].lower() if pair else ""
        if pair_cue in self._duration_cues:
            return False
        if re.match(rf"\s+d(?:e\s|{APOS})", text[end : end + 4]):
            return False  # "20 heures de garde à vue": a length of something
        if g.get("min"):
            return True
        word = "heure" in surface.lower()
        if not word:
            return True
        if hour >= 24:
            return False
        if last in self._clock_cues:
            return True
        # "de 9 heures à 12 heures", "à partir de 14 heures": "de" alone is "un délai de…"
        if last in {"de", "d'"}:
            before = prev[-2] if len(prev) > 1 else ""
            return before in self._clock_cues_before_de or bool(
                re.match(r"\s*(?:à|jusqu)(?!\w)", text[end : end + 8])
            )
        return False
