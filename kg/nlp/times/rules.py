"""Finding French temporal expressions in text: regexes compiled once from the lexicon.

Why regexes over the raw text rather than a token Matcher: temporal expressions have a rigid
surface ("14 h 30", "mi-mars", "l'année 2001") that spaCy's tokenizer splits unpredictably
("14h30", "aujourd'hui", "mi-mars"), and a handful of compiled patterns over the text cost far
less than the parser. Every word comes from ``kg/lang/fr/times.json``; this module only knows
how expressions are *shaped*. Normalising the value (which December? which Thursday?) needs
the document date and the verb's tense and lives in :mod:`kg.nlp.times.resolve`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.lang import load_data

__all__ = ["Candidate", "TimeRules", "load_lexicon"]

APOS = "['’]"
_YEAR = r"(?<![\d.,])(?<!\d\s)(?:1[5-9]\d\d|20\d\d)(?!\d|,\d|\s\d{3})"
_YEAR2 = r"['’]?\d{2}(?!\d|,\d|\s*h\b|\s*heure)"
_DAYNUM = r"(?=[0-9p])(?:1er|premier|[12]\d|3[01]|0?[1-9])"
_HOUR = r"(?<![\d,.])(?P<hour>[01]?\d|2[0-4])\s*h(?:eures?)?(?:\s*(?P<min>[0-5]\d))?(?!\w|,\d)"


def load_lexicon(lang: str = "fr") -> dict[str, Any]:
    """The temporal lexicon shipped in ``kg/lang/<lang>/times.json`` (read once)."""
    return load_data(lang, "times")


def _alt(words: Any) -> str:
    """A regex alternation of lexicon entries, longest first, tolerant to ' / ’ and spacing."""
    parts = []
    firsts: set[str] = set()
    unique = sorted(set(words), key=len, reverse=True)
    for word in unique:
        escaped = re.escape(word).replace("'", APOS).replace(r"\ ", r"\s+")
        parts.append(escaped)
        first = word[:1]
        firsts.update("'’" if first in "'’" else (first, first.lower(), first.upper()))
    alternation = "(?:" + "|".join(parts) + ")"
    if not firsts or "" in unique or not all(c.isalnum() or c in "'’" for c in firsts):
        return alternation
    # A look-ahead on the first character (equivalent: every alternative starts with one of
    # them) lets the regex engine reject most positions at once instead of trying every
    # word; it halves the scan of a document.
    return "(?=[" + "".join(sorted(firsts)) + "])" + alternation


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched expression before normalisation: character span, rule name, groups."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None] = field(default_factory=dict)


def _prev_words(text: str, start: int, n: int = 2) -> list[str]:
    """The ``n`` words before ``start`` (lower-cased, nearest last), for context checks."""
    words = re.findall(r"[\w'’/-]+|[.;:!?,]", text[max(0, start - 60) : start].lower())
    return [w.replace("’", "'") for w in words[-n:]]


class TimeRules:
    """The compiled patterns for one language; build once, then call :meth:`find` per text."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        lx = lexicon
        self.lexicon = lx
        months = _alt(lx["months"])
        weekdays = _alt(lx["weekdays"])
        seasons = _alt(lx["seasons"])
        parts = _alt(lx["day_parts"])
        numbers = r"(?:\d+(?:,\d+)?|" + _alt(lx["numbers"]) + ")"
        unit_forms = {u for u in lx["units"]} | {u + "s" for u in lx["units"] if u != "mois"}
        units = _alt(unit_forms)
        past_fut = _alt([*lx["past_markers"], *lx["future_markers"]])
        ordinals = _alt(lx["ordinals"])
        approx = _alt(lx["approximators"])
        mod = (
            r"(?:(?=[cdflm])(?:la\s+|le\s+)?(?P<mod>début|fin|mi|milieu|courant)"
            rf"(?:\s+de\s+|\s+d{APOS}\s*|\s*-\s*|\s+)(?=\S))?"
        )
        rel = rf"(?:\s+(?P<rel>{past_fut}))?"
        year_tail = rf"(?:\s+(?:de\s+|en\s+)?(?P<year>{_YEAR}|{_YEAR2}))?"
        cal_units = _alt(lx["calendar_units"])
        b, e = r"(?<![\w-])", r"(?![\w-])"
        specs: list[tuple[str, str]] = [
            (
                "date",
                rf"(?:(?P<le>le)\s+)?(?:(?P<wd>{weekdays})\s+)?(?P<day>{_DAYNUM})\s+"
                rf"(?P<month>{months})(?:\s+(?P<year>{_YEAR}|{_YEAR2}))?{rel}",
            ),
            (
                "numdate",
                r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>\d{4}|\d{2})(?![\d/])",
            ),
            (
                "daypair",
                rf"(?P<span>(?:les\s+)?(?P<day>{_DAYNUM}))(?=\s+(?:et|ou|au)\s+"
                rf"{_DAYNUM}\s+(?P<month>{months})(?:\s+(?P<year>{_YEAR}))?{rel})",
            ),
            (
                "month",
                rf"{mod}(?:(?P<mois>(?:le\s+)?mois\s+d{APOS}\s*|(?:le\s+)?mois\s+de\s+))?"
                rf"(?P<month>{months}){year_tail}{rel}",
            ),
            ("decade", r"(?:les\s+)?années\s+(?P<dec>(?:1[5-9]|20)\d0|[1-9]0)(?!\d)"),
            ("century", r"(?P<cent>[IVXL]+|\d{1,2})\s*(?:e|è|ème|eme|ᵉ)\s+siècle"),
            ("year", rf"{mod}(?P<lannee>l{APOS}\s*an(?:née)?\s+)?(?P<year>{_YEAR})"),
            (
                "season",
                rf"{mod}(?:(?P<det>l{APOS}\s*|le\s+|cet\s+|ce\s+|les\s+mois\s+d{APOS}\s*))?"
                rf"(?P<season>{seasons})(?:\s+(?P<year>{_YEAR}))?{rel}",
            ),
            (
                "quarter",
                rf"(?:le\s+)?(?P<ord>{ordinals})\s+trimestre"
                rf"(?:\s+(?:de\s+|d{APOS}\s*)?(?P<year>{_YEAR}))?{rel}",
            ),
            (
                "relday",
                rf"(?P<relday>{_alt(lx['relative_days'])})(?:\s+(?P<wd>{weekdays}))?"
                rf"(?:\s+(?P<part>{parts}))?(?:\s+à\s+{_HOUR})?",
            ),
            (
                "weekday",
                rf"(?:(?P<this>ce|cette)\s+(?P<meme>même\s+)?|(?P<le>le)\s+)?(?P<wd>{weekdays})"
                rf"{rel}(?:\s+(?P<part>{parts}))?(?!\s+{_DAYNUM}\s)",
            ),
            (
                "weekdays",
                rf"(?:(?:tous|chaque)\s+les\s+|les\s+(?:{ordinals}\s+(?:et|,)\s+)*{ordinals}\s+)?"
                rf"(?P<wd>{weekdays})s",
            ),
            (
                "relunit",
                rf"{mod}(?=[cl])(?P<det>la|le|l{APOS}|cette|ce|cet)\s*(?P<unit>{cal_units})"
                rf"(?:\s+(?P<rel>{past_fut}|en\s+cours))?",
            ),
            ("newyear", r"la\s+nouvelle\s+année"),
            ("ctxday", rf"(?P<ctxday>{_alt(lx['context_days'])})"),
            ("ctxday", r"au\s+(?P<span>(?P<ctxday>lendemain|surlendemain))"),
            (
                "daypart",
                rf"(?:(?P<this>ce|cette)\s+|(?P<la>la|le)\s+)(?P<part>{parts})(?P<meme>\s+même)?",
            ),
            ("clock", _HOUR),
            ("clockword", r"(?:à|vers|de|jusqu['’]à|avant|après)\s+(?P<span>midi|minuit)"),
            ("ago", rf"il\s+y\s+a\s+(?P<num>{numbers})\s+(?P<unit>{units})"),
            ("in", rf"dans\s+(?P<num>{numbers})\s+(?P<unit>{units})"),
            (
                "duration",
                rf"(?:(?P<approx>{approx})\s+)?(?:(?P<num>{numbers})|(?P<vague>"
                rf"{_alt(lx['vague_quantifiers'])}))\s+(?P<unit>{units})",
            ),
            ("period", rf"(?:(?P<approx>{approx})\s+)?(?P<period>{_alt(lx['periods'])})"),
            (
                "set",
                rf"(?P<q>{_alt(lx['set_quantifiers'])})\s+(?:(?P<num>{numbers})\s+)?"
                rf"(?:(?P<unit>{units})|(?P<wd>{weekdays})|(?P<part>{parts})s?)",
            ),
            ("per", rf"par\s+(?P<unit>{_alt(lx['per_units'])})"),
            ("freq", rf"(?P<freq>{_alt(lx['frequency_adjectives'])})"),
            ("ref", rf"(?P<ref>{_alt(lx['refs'])})"),
            (
                "futadj",
                rf"{_alt(lx['future_adjective_determiners'])}\s+"
                rf"(?P<span>{_alt(lx['future_adjectives'])})",
            ),
            ("partadj", rf"(?P<partadj>{_alt(lx['day_part_adjectives'])})"),
        ]
        self._patterns = [
            (name, re.compile(b + pattern + e, re.IGNORECASE)) for name, pattern in specs
        ]
        # Cheap substring tests (in C) let :meth:`find` skip rules that cannot match a text:
        # most articles have no "siècle", "trimestre" or weekday, and the scan is the cost.
        words = {
            "months": [m.rstrip(".") for m in lx["months"]],
            "weekdays": list(lx["weekdays"]),
            "seasons": [*lx["seasons"], "eté"],
            "parts": list(lx["day_parts"]),
            "digits": list("0123456789"),
        }
        self._triggers: dict[str, tuple[str, ...]] = {
            name: tuple(w.lower().replace("’", "'") for w in trig)
            for name, trig in {
                "date": words["months"],
                "numdate": ["/"],
                "daypair": words["months"],
                "month": words["months"],
                "decade": ["année"],
                "century": ["siècle"],
                "year": ["1", "2"],
                "season": words["seasons"],
                "quarter": ["trimestre"],
                "relday": ["hier", "demain", "aujourd"],
                "weekday": words["weekdays"],
                "weekdays": words["weekdays"],
                "newyear": ["nouvelle"],
                "ctxday": ["lendemain", "veille"],
                "daypart": words["parts"],
                "clock": words["digits"],
                "clockword": ["midi", "minuit"],
                "ago": ["il y a"],
                "in": ["dans"],
                "period": [p.split()[-1] for p in lx["periods"]],
                "set": ["chaque", "tous", "toutes"],
                "per": ["par "],
                "freq": [f[:5] for f in lx["frequency_adjectives"]],
                "ref": [r.split()[-1][:6] for r in lx["refs"]],
                "futadj": ["prochain"],
                "partadj": list(lx["day_part_adjectives"]),
            }.items()
        }
        self._age_cues = frozenset(lx["age_cues"])
        self._duration_heads = frozenset(lx["duration_heads"])
        self._year_context = frozenset(lx["year_context"])
        self._daypart_context = frozenset(lx["daypart_context"])
        self._vague_context = frozenset(lx["vague_context"])

    def find(self, text: str) -> list[Candidate]:
        """All non-overlapping candidates in ``text``, longest match first, in text order."""
        found: list[Candidate] = []
        low = text.lower().replace("’", "'")
        for priority, (name, pattern) in enumerate(self._patterns):
            triggers = self._triggers.get(name)
            if triggers and not any(t in low for t in triggers):
                continue
            for m in pattern.finditer(text):
                groups = m.groupdict()
                start, end = m.span("span") if groups.get("span") else m.span()
                if self._plausible(name, groups, text, start, end):
                    found.append(Candidate(start, end, name, groups))
                    found[-1].groups["_priority"] = str(priority)
        found.sort(key=lambda c: (-(c.end - c.start), int(c.groups["_priority"] or 0), c.start))
        chosen: list[Candidate] = []
        taken: list[tuple[int, int]] = []
        for cand in found:
            if all(cand.end <= s or cand.start >= e for s, e in taken):
                chosen.append(cand)
                taken.append((cand.start, cand.end))
        return sorted(chosen, key=lambda c: c.start)

    def _plausible(
        self, rule: str, g: dict[str, str | None], text: str, start: int, end: int
    ) -> bool:
        """Text-only context checks that keep non-temporal look-alikes out."""
        prev = _prev_words(text, start)
        last = prev[-1] if prev else ""
        surface = text[start:end]
        if rule == "month":
            month = g["month"] or ""
            bare = not (g["year"] or g["rel"] or g["mod"] or g["mois"])
            # "Mars" the planet, "Mai" a name: months are lower-case in French.
            if month[:1].isupper() and bare and last not in {".", "", "en", "de", "d'"}:
                return False
            # "sept" is also a number ("sept ans").
            if month.lower().startswith("sept") and len(month) < 6:
                return False
        if rule == "year":
            if g["mod"] or g["lannee"]:
                return True
            after = text[end : end + 2]
            return last in self._year_context or after.startswith("/") or last.endswith("/")
        if rule == "season":
            season = g["season"] or ""
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
            if g.get("approx") and last in {"les", "des", "aux"}:
                return False  # "les moins de 17 ans": an age group
            if unit.startswith("an") and not g.get("approx"):
                if last in {"de", "d'"} and (len(prev) < 2 or prev[-2] not in self._duration_heads):
                    return False  # "une fillette de 6 ans": an age
                if last in self._age_cues or last in {"a", "avait", "aura", "ont", "avaient"}:
                    return False
            if unit.startswith("heure") and last in {"les", "aux", "des"}:
                return False  # "les 35 heures": the law, not a duration
            if unit.startswith("jour") and (g["num"] or "").lower() in {"un", "une"}:
                return last in {"pendant", "durant", "depuis", "en", "pour", "sur", "d'"}
        if rule == "daypart" and g["la"] and not g["meme"]:
            return last in self._daypart_context
        # "en maintenant": the verb maintenir, not "now".
        return not (rule == "ref" and surface.lower() == "maintenant" and last == "en")
