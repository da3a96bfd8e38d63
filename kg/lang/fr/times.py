"""French temporal expressions: how they are shaped, and what keeps look-alikes out.

Why code and not data: the words are data (``times.json``, read here), but the shapes —
"le 3 mars 2024", "mi-mars", "il y a deux semaines", "14 h 30" — and the checks that keep
"a été" (the participle) or "Mars" (the planet) from being taken for times are French
grammar. :class:`kg.nlp.times.rules.TimeRules` runs them; this module builds the shapes,
:mod:`kg.lang.fr.time_context` holds the checks.
"""

from __future__ import annotations

import re
from typing import Any

from kg.lang.fr.time_context import FrenchTimeContext
from kg.nlp.times.rules import APOS, TimeRules, alt
from kg.nlp.times.trie import trie_alternation
from kg.nlp.times.windows import Anchor

__all__ = ["FrenchTimeRules", "time_rules"]

_YEAR = r"(?<![\d.,])(?<!\d\s)(?:1[5-9]\d\d|20\d\d)(?!\d|,\d|\s\d{3})"
_YEAR2 = r"['’]?\d{2}(?!\d|,\d|\s*h\b|\s*heure)"
_DAYNUM = r"(?=[0-9p])(?:1er|premier|[12]\d|3[01]|0?[1-9])"
_DECADE = r"(?:(?:1[5-9]|20)\d0|[1-9]0)"
_ORDINAL = r"(?:e|è|ème|eme|ᵉ)"
_HOUR = r"(?<![\d,.])(?P<hour>[01]?\d|2[0-4])\s*h(?:eures?)?(?:\s*(?P<min>[0-5]\d))?(?!\w|,\d)"


def time_rules(lexicon: dict[str, Any]) -> TimeRules:
    """The compiled French rules (the entry point :func:`kg.nlp.times.rules.load_rules` calls)."""
    return FrenchTimeRules(lexicon)


class FrenchTimeRules(FrenchTimeContext):
    """French dates, times, durations and sets, with the context checks French needs."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        lx = lexicon
        months = alt(lx["months"])
        weekdays = alt(lx["weekdays"])
        seasons = alt(lx["seasons"])
        parts = alt(lx["day_parts"])
        numbers = r"(?:\d+(?:,\d+)?|" + alt(lx["numbers"]) + ")"
        # "et demie", "moins le quart" after an hour of the clock
        fractions = alt(lx["clock_fractions"]) + r"(?!\w)"
        unit_forms = {u for u in lx["units"]} | {u + "s" for u in lx["units"] if u != "mois"}
        units = alt(unit_forms)
        past_fut = alt([*lx["past_markers"], *lx["future_markers"]])
        ordinals = alt([*lx["ordinals"], *lx["last_ordinals"]])
        leading = alt(lx["leading_markers"])  # "les dernières 48 heures"
        approx = alt(lx["approximators"])
        # "début mars", "mi-mars", "la fin du XIXe siècle", "la seconde moitié des années 60"
        mods = lx["period_modifiers"]
        firsts = "".join(sorted({m[0] for m in mods} | {"l"}))
        mod = (
            rf"(?:(?=[{firsts}])(?:la\s+|le\s+)?(?P<mod>{alt(mods)})"
            rf"(?:\s+de\s+|\s+d{APOS}\s*|\s*-\s*|\s+)(?=\S))?"
        )
        rel = rf"(?:\s+(?P<rel>{past_fut}))?"
        # "le jeudi suivant", "l'été précédent": counted from the date written before
        seq = rf"(?P<seq>{alt(lx['sequence_words'])})"
        rel_seq = rf"(?:\s+(?:(?P<rel>{past_fut})|{seq}))?"
        year_tail = rf"(?:\s+(?:de\s+|en\s+)?(?P<year>{_YEAR}|{_YEAR2}))?"
        cal_units = alt(lx["calendar_units"])
        # "lendemain", "veille": the nouns of "le lendemain", "la veille" after "du", "de la"
        context_nouns = alt(re.sub(rf"^(?:\S+\s+|l{APOS})", "", d) for d in lx["context_days"])
        # no word or hyphenated word around a match ("mi-mars" is one), but a hyphen between
        # digits splits: "les années 1960-1970", "les 3-4 mars", "2010-2012"
        b, e = r"(?<!\w)(?<![^\d\s]-)", r"(?!\w)(?!-(?!\d))"
        specs: list[tuple[str, str]] = [
            (
                "date",
                # "le 14 juillet", "le 14-Juillet" (the holiday's spelling)
                rf"(?:(?P<definite>le)\s+)?(?:(?P<wd>{weekdays})\s+)?(?P<day>{_DAYNUM})(?:\s+|-)"
                rf"(?P<month>{months})(?:\s+(?P<year>{_YEAR}|{_YEAR2}))?{rel}",
            ),
            (
                "numdate",
                r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>\d{4}|\d{2})(?![\d/])",
            ),
            (
                "daypair",
                rf"(?P<span>(?:les\s+|le\s+)?(?P<day>{_DAYNUM}))(?=(?:\s+(?:et|ou|au)\s+|\s*-\s*)(?:le\s+)?"
                rf"{_DAYNUM}\s+(?P<month>{months})(?:\s+(?P<year>{_YEAR}))?{rel})",
            ),
            (
                "month",
                rf"{mod}(?:(?P<mois>(?:le\s+)?mois\s+d{APOS}\s*|(?:le\s+)?mois\s+de\s+))?"
                rf"(?P<month>{months}){year_tail}{rel}",
            ),
            (
                "decade",
                rf"{mod}(?(mod)(?:des\s+)?|(?:les\s+)?)années\s+(?:(?P<dec>{_DECADE})(?!\d)|"
                rf"(?P<decword>{alt(lx['decade_words'])}))",
            ),
            (
                "decade",  # "la décennie 1990"
                r"(?:la\s+)?décennie\s+(?P<dec>(?:1[5-9]|20)\d0)(?!\d)",
            ),
            (
                "decade",  # the second of "les années 60 et 70", "les années 1960-1970"
                rf"années\s+{_DECADE}\s*(?:-|et|à|ou)\s*(?P<span>(?P<dec>{_DECADE}))(?!\d)",
            ),
            (
                "century",
                rf"{mod}(?(mod)(?:du\s+)?)(?P<cent>(?-i:[IVX]+)|\d{{1,2}})\s*{_ORDINAL}"
                r"\s+siècles?",
            ),
            (
                "century",  # "le dix-neuvième siècle", "à la fin du vingtième siècle"
                rf"{mod}(?(mod)(?:du\s+)?)(?P<centword>{alt(lx['century_words'])})"
                r"\s+siècles?",
            ),
            (
                "century",  # the first of "les XVIIe et XVIIIe siècles", "du XVe au XVIIIe siècle"
                rf"(?P<span>(?P<cent>(?-i:[IVX]+)|\d{{1,2}})\s*{_ORDINAL})(?=\s*(?:-|et|au|à)\s*"
                rf"(?:(?-i:[IVX]+)|\d{{1,2}})\s*{_ORDINAL}\s+siècles?)",
            ),
            ("year", rf"{mod}(?P<lannee>l{APOS}\s*an(?:née)?\s+)?(?P<year>{_YEAR})"),
            (
                "season",
                rf"{mod}(?:(?P<det>l{APOS}\s*|le\s+|cet\s+|ce\s+|les\s+mois\s+d{APOS}\s*))?"
                rf"(?P<season>{seasons})(?:\s+(?P<year>{_YEAR}))?{rel_seq}",
            ),
            (
                "quarter",
                rf"(?:le\s+)?(?P<ord>{ordinals})\s+(?P<part>{alt(lx['year_parts'])})"
                rf"(?:\s+(?:de\s+|d{APOS}\s*)?(?P<year>{_YEAR}))?{rel}",
            ),
            (
                "relday",
                rf"(?P<relday>{alt(lx['relative_days'])})(?:\s+(?P<wd>{weekdays}))?"
                rf"(?:\s+(?P<part>{parts}))?(?:\s+à\s+{_HOUR})?",
            ),
            (
                "weekday",
                rf"(?:(?P<this>ce|cette)\s+(?P<meme>même\s+)?|(?P<definite>le)\s+)?(?P<wd>{weekdays})"
                rf"{rel_seq}(?:\s+(?P<part>{parts}))?",
            ),
            (
                "wdday",  # "jeudi 22": a weekday and a day of the month, the month unwritten
                rf"(?:(?P<definite>le)\s+)?(?P<wd>{weekdays})\s+(?P<day>{_DAYNUM})"
                rf"(?!\s*(?:{months}|h(?:eures?)?(?!\w)|[-/.,:]?\d))",
            ),
            (
                "weekdays",
                rf"(?:(?:tous|chaque)\s+les\s+|les\s+(?:{ordinals}\s+(?:et|,)\s+)*{ordinals}\s+)?"
                rf"(?P<wd>{weekdays})s",
            ),
            (
                "relunit",
                # "le mois dernier", "du siècle dernier" (the unit and its marker), "en fin de
                # semaine", "à la fin du mois" (a part of the current unit)
                rf"{mod}(?:(?P<det>la|le|l{APOS}|cette|ce|cet|(?(mod)du|(?!)))\s*)?"
                rf"(?P<unit>{cal_units})(?:\s+(?P<rel>{past_fut}|en\s+cours))?",
            ),
            # anaphoric dates, counted from the last date written before them
            (
                "anaphor",
                rf"(?P<num>{numbers})\s+(?P<unit>{units})\s+(?P<later>{alt(lx['later_words'])})"
                r"(?!\s+(?:que|qu['’]))",
            ),
            (
                "anaphor",
                rf"(?:l{APOS}\s*|le\s+|la\s+)(?P<unit>{units})\s+"
                rf"(?P<seq>{alt(lx['sequence_words'])})",
            ),
            (
                "anaphor",
                rf"(?:le|la|ce|cette|ce|cet)\s+(?P<same>{alt(lx['same_words'])})\s+(?P<unit>{units})",
            ),
            (
                "anaphor",
                rf"(?:le\s+|la\s+|l{APOS}\s*)(?P<unit>{units})\s+(?P<same>{alt(lx['same_words'])})",
            ),
            (
                "anaphor",
                rf"(?:ce|cette|cet)\s+(?P<unit>{units})(?P<same>{alt(lx['that_suffixes'])})",
            ),
            # "à cette date", "à la même date": the day written before, as "ce jour-là"
            (
                "samedate",
                rf"(?:cette\s+(?:(?:{alt(lx['same_words'])})\s+)?(?:{alt(lx['date_nouns'])})"
                rf"(?:{alt(lx['that_suffixes'])})?|la\s+(?:{alt(lx['same_words'])})\s+"
                rf"(?:{alt(lx['date_nouns'])}))(?!\s*(?:de|du|des|d{APOS}|limite|butoir)(?!\w))",
            ),
            ("newyear", r"la\s+nouvelle\s+année"),
            # "à Noël", "le lundi de Pâques": holidays on a fixed day or counted from Easter
            ("holiday", rf"(?P<holiday>{alt([*lx['holidays'], *lx['easter_holidays']])})"),
            (
                "ctxday",  # "le lendemain matin", "la veille au soir"
                rf"(?P<ctxday>{alt(lx['context_days'])})(?:\s+(?:au\s+)?(?P<part>{parts}))?",
            ),
            ("ctxday", r"au\s+(?P<span>(?P<ctxday>lendemain|surlendemain))"),
            (
                "daypart",
                # "ce soir", "le soir même", "le même soir", "ce soir-là", "la nuit du lendemain"
                rf"(?:(?P<this>ce|cette|cet)\s+|(?P<la>la\s+|le\s+|l{APOS}\s*)"
                rf"(?:(?P<prememe>{alt(lx['same_words'])})\s+)?"
                rf"|(?P<pmod>début|fin|milieu)\s+(?:de\s+|d{APOS}\s*))(?P<part>{parts})"
                rf"(?:(?P<that>{alt(lx['that_suffixes'])})|(?P<meme>\s+même)"
                rf"|\s+(?P<rel>{past_fut})|\s+{seq}"
                rf"|\s+(?:du|de\s+la|de\s+l{APOS}|d{APOS})\s*(?P<ctx>{context_nouns}))?",
            ),
            # "8 heures du soir": the part of the day makes it a clock time, 20:00
            (
                "clock",
                rf"{_HOUR}(?:\s+(?P<hfrac>{fractions}))?(?:\s+(?P<hpart>{alt(lx['clock_day_parts'])}))?",
            ),
            (
                "clock",  # "à quatre heures et demie du matin": an hour written in words
                rf"(?<![\w-])(?P<hour>{alt(lx['clock_hours'])})\s+heures?(?:\s+(?P<hfrac>{fractions}))?"
                rf"(?:\s+(?P<hpart>{alt(lx['clock_day_parts'])}))?(?![\w-])",
            ),
            (
                "clock",  # the first of "entre 20 et 22 heures", "de 9 à 11 h"
                r"(?:entre|de)\s+(?P<span>(?P<hour>[01]?\d|2[0-3]))(?P<min>)\s+(?:et|à)\s+"
                r"(?:[01]?\d|2[0-4])\s*h(?:eures?)?(?!\w)",
            ),
            ("clockword", r"(?:à|vers|de|jusqu['’]à|avant|après)\s+(?P<span>midi|minuit)"),
            (
                "duration",  # "en 2 h 08": hours and minutes after a duration cue
                r"(?<![\d,.])(?P<num>\d+)\s*(?P<unit>h)\s*(?P<dmin>[0-5]\d)(?![\w,])",
            ),
            ("ago", rf"il\s+y\s+a\s+(?P<num>{numbers})\s+(?P<unit>{units})"),
            ("in", rf"(?:dans|d{APOS}ici)\s+(?P<num>{numbers})\s+(?P<unit>{units})"),
            (
                "duration",
                # "24 heures", "les dernières 48 heures", "environ une heure", "plusieurs jours"
                rf"(?:(?P<approx>{approx})\s+)?(?:(?:(?P<lead>{leading})\s+)?(?P<num>{numbers})"
                rf"(?:\s+{past_fut})?|(?P<vague>"
                rf"{alt(lx['vague_quantifiers'])}))(?:\s+|(?<=\d)(?=[hH]\b))(?P<unit>{units})"
                r"(?P<half>\s+et\s+demie?)?",  # "48h" is written without a space too
            ),
            ("period", rf"(?:(?P<approx>{approx})\s+)?(?P<period>{alt(lx['periods'])})"),
            (
                "duration",  # "une quinzaine d'années", "des dizaines d'années"
                rf"(?:(?P<approx>{approx})\s+)?(?:une\s+|des\s+|quelques\s+)?"
                rf"(?P<about>{alt(lx['approximate_numbers'])})(?P<many>s)?\s+(?:de\s+|d{APOS}\s*)"
                rf"(?P<unit>{units})",
            ),
            (
                "set",
                rf"(?P<q>{alt(lx['set_quantifiers'])})\s+(?:(?P<num>{numbers})\s+)?"
                rf"(?:(?P<unit>{units})|(?P<wd>{weekdays})|(?P<part>{parts})s?|"
                rf"(?P<season>{seasons})s?)",
            ),
            ("per", rf"par\s+(?P<unit>{alt(lx['per_units'])})"),
            ("freq", rf"(?P<freq>{alt(lx['frequency_adjectives'])})"),
            ("ref", rf"(?P<ref>{alt(lx['refs'])})"),
            (
                "futadj",
                rf"{alt(lx['future_adjective_determiners'])}\s+"
                rf"(?P<span>{alt(lx['future_adjectives'])})",
            ),
            ("partadj", rf"(?P<partadj>{alt(lx['day_part_adjectives'])})"),
        ]
        patterns = [(name, re.compile(b + pattern + e, re.IGNORECASE)) for name, pattern in specs]
        # Cheap substring tests (in C) let :meth:`find` skip rules that cannot match a text:
        # most articles have no "siècle", "trimestre" or weekday, and the scan is the cost.
        words = {
            "months": [m.rstrip(".") for m in lx["months"]],
            "weekdays": list(lx["weekdays"]),
            "seasons": [*lx["seasons"], "eté"],
            "parts": list(lx["day_parts"]),
            "digits": list("0123456789"),
        }
        triggers: dict[str, tuple[str, ...]] = {
            name: tuple(w.lower().replace("’", "'") for w in trig)
            for name, trig in {
                "date": words["months"],
                "numdate": ["/"],
                "daypair": words["months"],
                "month": words["months"],
                "decade": ["année", "décennie"],
                "century": ["siècle"],
                "year": ["1", "2"],
                "season": words["seasons"],
                "quarter": list(lx["year_parts"]),
                "relday": ["hier", "demain", "aujourd"],
                "weekday": words["weekdays"],
                "weekdays": words["weekdays"],
                "wdday": words["weekdays"],
                "newyear": ["nouvelle"],
                "holiday": [h.split()[-1][-5:] for h in [*lx["holidays"], *lx["easter_holidays"]]],
                "anaphor": [
                    *(w.split()[-1] for w in lx["later_words"]),
                    *(w[-5:] for w in lx["sequence_words"]),
                    *lx["same_words"],
                    *lx["that_suffixes"],
                ],
                "samedate": list(lx["date_nouns"]),
                "ctxday": ["lendemain", "veille"],
                "daypart": words["parts"],
                "clock": [*words["digits"], "heure"],
                "clockword": ["midi", "minuit"],
                "ago": ["il y a"],
                "in": ["dans", "d'ici"],
                "period": [p.split()[-1] for p in lx["periods"]],
                "set": ["chaque", "tous", "toutes"],
                "per": ["par "],
                "freq": [f[:5] for f in lx["frequency_adjectives"]],
                "ref": [r.split()[-1][:6] for r in lx["refs"]],
                "futadj": ["prochain"],
                "partadj": list(lx["day_part_adjectives"]),
            }.items()
        }
        # Finer gates for rules that a name's triggers cannot skip (digits are everywhere):
        # every clock rule needs a digit before an "h" or an hour in words ("quatre
        # heures"), "2 h 08" a digit before an "h"; "une dizaine d'années" needs one of the
        # approximate numbers. Each is implied by its rule's regex.
        digit_h = re.compile(r"\d\s*h")
        gates: dict[tuple[str, str], tuple[str, ...] | re.Pattern[str]] = {
            ("clock", "hour"): re.compile(r"\d\s*h|heure"),
            ("duration", "dmin"): digit_h,
            ("duration", "about"): tuple(w.lower() for w in lx["approximate_numbers"]),
        }

        # Where the costliest rules can match: every match holds its month, year, season,
        # unit, weekday or lexicon word, with no letter after it (but the "s" of "les
        # lundis"), so each rule is searched only in windows before these (each anchor is
        # implied by its rules' regexes: a match they fail cannot hold one).
        def words(*lists: Any, tail: str = r"(?!\w)") -> str:
            lower = sorted({w.lower() for ws in lists for w in ws}, key=len, reverse=True)
            return trie_alternation(lower) + tail

        month = Anchor(words(lx["months"]))
        # a unit after a space, a digit or "l'" ("48h", "l'année suivante"); no unit holds
        # one of these characters (see Anchor)
        unit = Anchor(words(unit_forms), before=r"[\s\d'’]")
        weekday = Anchor(words(lx["weekdays"]))
        anchors: dict[tuple[str, str], tuple[str, Anchor]] = {
            ("date", "month"): ("month", month),
            ("month", "month"): ("month", month),
            ("year", "year"): ("year", Anchor(r"1[5-9]\d\d|20\d\d")),
            ("season", "season"): ("season", Anchor(words(lx["seasons"]))),
            ("relunit", "unit"): ("unit", Anchor(words(lx["calendar_units"]))),
            ("weekday", "wd"): ("wd", weekday),
            ("wdday", "wd"): ("wd", weekday),
            ("weekdays", "wd"): ("wd", Anchor(words(lx["weekdays"], tail=r"s(?!\w)"))),
            ("anaphor", "unit"): ("unit", unit),
            ("duration", "vague"): ("unit", unit),  # not "2 h 08", the unit before a digit
            ("duration", "about"): ("unit", unit),
            ("ago", "unit"): ("unit", unit),
            ("in", "unit"): ("unit", unit),
            ("ref", "ref"): ("ref", Anchor(words(lx["refs"]))),
            ("holiday", "holiday"): (
                "holiday",
                Anchor(words(lx["holidays"], lx["easter_holidays"])),
            ),
            ("period", "period"): ("period", Anchor(words(lx["periods"]))),
            ("freq", "freq"): ("freq", Anchor(words(lx["frequency_adjectives"]))),
            ("partadj", "partadj"): ("partadj", Anchor(words(lx["day_part_adjectives"]))),
        }
        super().__init__(lexicon, patterns, triggers, gates, anchors)
