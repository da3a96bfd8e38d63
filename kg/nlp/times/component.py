"""The ``kg_times`` component: French temporal expressions -> TIMEX3, against the doc date.

Three steps, each in its own module so it can be tested alone:

1. :class:`~kg.nlp.times.rules.TimeRules` finds candidate spans with regexes compiled once
   from ``kg/lang/fr/times.json``;
2. this module reads the tense of the clause each candidate sits in from the parser's
   morphology ("a annoncé" past, "va signer" / "devrait" future), because "jeudi" or
   "en décembre" point backwards or forwards depending on it;
3. :func:`~kg.nlp.times.resolve.resolve` turns candidate + anchor + tense into a value (the
   date arithmetic in :mod:`kg.nlp.times.calendar`).

Times of day ("vers 21 h 45", "dans la nuit") take the day the text is talking about at that
point: a day in the same sentence, else the last single day mentioned before (not one of a
pair, "les 16 et 17 juin"), else the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.lang import grammar, lang_data
from kg.lang.words import Words
from kg.model import TimeValue
from kg.nlp.component import LangComponent
from kg.nlp.extensions import doc_text, register_extensions
from kg.nlp.tense import TenseCues, clause_tense, load_tense_cues
from kg.nlp.times.calendar import season_step, shift_by, weekday_from
from kg.nlp.times.candidates import keep, nearby_marker
from kg.nlp.times.resolve import Resolved, resolve
from kg.nlp.times.rules import TimeMatch, TimeRules, load_rules
from kg.nlp.times.story import apposed_days, near, range_years, soon_after, story_day, undated
from kg.nlp.tokens import sentence_bounds

__all__ = ["KgTimes", "extract_times", "make_kg_times"]

_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: Rules that write a day of a month ("le 1er mars", "01/03/2024").
_DAY_RULES = frozenset({"date", "numdate"})
#: Rules whose day, month or weekday a target preposition ("pour", "jusqu'au") sends ahead.
_TARGET_RULES = frozenset({"date", "numdate", "daypair", "month", "weekday", "wdday"})
_TARGET_DAYS = _TARGET_RULES - {"month"}


def _sentence_ids(doc: Doc | None, text: str, offsets: list[int]) -> list[int]:
    if doc is not None and doc.has_annotation("SENT_START"):
        starts = [s.start_char for s in doc.sents]
    else:
        starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    out = []
    for off in offsets:
        out.append(sum(1 for s in starts if s <= off) - 1)
    return out


def extract_times(
    doc: Doc | str,
    anchor: str | dt.date | None = None,
    *,
    lang: str = "fr",
    rules: TimeRules | None = None,
    tense_cues: TenseCues | None = None,
) -> list[TimeValue]:
    """Find and normalise the temporal expressions of a text.

    Pure: the Doc is not modified. With a parsed Doc the tense of each clause steers
    ambiguous expressions; with a plain string (or an unparsed Doc) the nearest reading
    around the anchor is taken. Without an anchor, relative values stay underspecified
    (``XXXX-12``, ``XXXX-WXX-4``) rather than guessed.

    Args:
        doc: a spaCy Doc (ideally tagged and parsed) or plain text.
        anchor: the document date (ISO string or date), or None.
        lang: which lexicon to use when ``rules`` is not given.
        rules: a prebuilt :class:`TimeRules` (the component passes its own).
        tense_cues: the language's :class:`~kg.nlp.tense.TenseCues` (likewise).

    Returns:
        ``TimeValue`` records with ids ``t1``, ``t2``… in text order.
    """
    rules = rules or load_rules(lang)
    tense_cues = tense_cues or load_tense_cues(lang)
    lx: dict[str, Any] = rules.lexicon
    parsed = doc if isinstance(doc, Doc) else None
    text = doc_text(doc) if isinstance(doc, Doc) else doc
    day = dt.date.fromisoformat(anchor) if isinstance(anchor, str) else anchor
    # "depuis jeudi" looks back, "d'ici jeudi" ahead, whatever the parse made of the clause
    preps = {p: "past" for p in lx["past_prepositions"]} | {
        p: "future" for p in lx.get("future_prepositions", ())
    }
    # "à partir du 1er mars, le tarif passe à 2 euros": a present from a start day is ahead
    # ("à partir du mois de mai, le refuge ouvre" is a habit)
    starts = tuple(lx.get("start_prepositions", ()))
    # "la grève est annoncée pour le 20 février", "l'exposition est ouverte jusqu'au 15
    # mars": in a present clause the day aimed at or held until is ahead
    # ("pour" only before a day: "les chiffres pour janvier" are last month's)
    targets = tuple(lx.get("target_prepositions", ()))
    untils = tuple(lx.get("until_prepositions", ()))
    window = max(map(len, [*preps, *starts, *targets, *untils]), default=0) + 1
    markers = {w: "future" for w in lx["future_markers"]} | {w: "past" for w in lx["past_markers"]}
    cands = [c for c in rules.find(text) if keep(c, parsed)]
    bounds = sentence_bounds(parsed) if cands and parsed is not None else None
    sent_starts = bounds[0] if bounds is not None else None
    resolved: list[tuple[TimeMatch, Resolved]] = []
    story: dt.date | None = None  # the day or month a narrative of another time is at
    last_end = 0
    for cand in cands:
        if "\n" in text[last_end : cand.start]:
            story = None  # a story stays within its paragraph
        last_end = cand.end
        tense = "unknown"
        if parsed is not None:
            marked = nearby_marker(parsed, cand.start, markers, sent_starts)
            tense = clause_tense(parsed, cand.start, cand.end, tense_cues, markers)
            # "la revue publiera son dernier numéro le 10 mai": "dernier" is the final one, and
            # the future verb says which May; "le prochain sommet" stays ahead whatever
            if marked and not (marked == "past" and tense == "future"):
                tense = marked
        before = text[max(0, cand.start - window) : cand.start].lower().replace("’", "'")
        tense = next((t for p, t in preps.items() if f" {before.strip()}".endswith(f" {p}")), tense)
        after = f" {before.strip()}"
        if tense in {"present", "unknown"} and (
            (cand.rule in _DAY_RULES and any(after.endswith(f" {p}") for p in starts))
            or (cand.rule in _TARGET_RULES and any(after.endswith(f" {p}") for p in untils))
            or (cand.rule in _TARGET_DAYS and any(after.endswith(f" {p}") for p in targets))
        ):
            tense = "future"
        value = _within_calendar(cand, day, tense, lx)
        if value is None:
            continue
        if (
            story is not None
            and value.anchored
            and tense != "future"
            and undated(cand)
            and not near(value.value, day)
        ):
            # "Le 12 octobre 2019, la grève a éclaté. Le 20 octobre, …": the story's year, the
            # story running forward when the next such day is within half a year of it
            ahead = _within_calendar(cand, story, "future", lx)
            if ahead is None or not soon_after(ahead.value, story):
                ahead = _within_calendar(cand, story, "unknown", lx)
            value = replace(ahead or value, anchored=False)
        story = story_day(value, story, day)
        resolved.append((cand, value))
    of_day = frozenset(lx["day_of_words"])
    resolved = apposed_days(range_years(resolved, text, lx), text, lx)
    return _with_days(resolved, parsed, text, day, of_day)


#: A value's leading year: kg's calendar is Python's, years 1 to 9999.
_LEADING_YEAR = re.compile(r"^(\d+)")


def _within_calendar(
    cand: TimeMatch, anchor: dt.date | None, tense: str, lx: dict[str, Any]
) -> Resolved | None:
    """Resolve ``cand``, or give up on it when its value falls off the calendar.

    Why: any date the options accept (``0001-01-01`` to ``9999-12-31``) may anchor relative
    expressions ("hier", "l'an prochain") that land before year 1 or after 9999; that one
    expression is left out instead of an OverflowError stopping the whole corpus.
    """
    try:
        value = resolve(cand, anchor, tense, lx)
    except (OverflowError, ValueError):
        return None
    if value is not None and not _year_in_calendar(value.value):
        return None
    return value


def _year_in_calendar(value: str) -> bool:
    """Whether a TIMEX value's leading year (if any) is one of years 1 to 9999."""
    m = _LEADING_YEAR.match(value)
    if m is None or len(m[1]) < 4:  # no year, or a century ("18") or decade ("199")
        return True
    return len(m[1]) == 4 and m[1] != "0000"


def _shifted(day: str, shift: int) -> str | None:
    """``day`` moved by ``shift`` days, or None past the calendar's ends."""
    try:
        return (dt.date.fromisoformat(day) + dt.timedelta(shift)).isoformat()
    except (OverflowError, ValueError):
        return None


def _with_days(
    resolved: list[tuple[TimeMatch, Resolved]],
    doc: Doc | None,
    text: str,
    anchor: dt.date | None,
    of_day: Collection[str] = (),
) -> list[TimeValue]:
    """Prefix times of day with the day in context and number the expressions; ``of_day``
    are the words that join a part of the day to the day after it ("la nuit de lundi")."""
    sents = _sentence_ids(doc, text, [c.start for c, _ in resolved])
    days: list[tuple[str, bool] | None] = [
        (r.value[:10], r.anchored) if not r.needs_day and _DAY_VALUE.match(r.value) else None
        for _, r in resolved
    ]
    # "les 16 et 17 juin", "du 3 au 5 mai": two days, neither of which is the day a later
    # sentence's "à 15 h" happens on; but "le lendemain" counts from the last of them and
    # "la veille" from the first
    firsts = {j for j, (c, _) in enumerate(resolved) if c.rule == "daypair"}
    lasts = {j + 1 for j in firsts}
    pairs = firsts | lasts
    out: list[TimeValue] = []
    for i, (cand, res) in enumerate(resolved):
        value, anchored = res.value, res.anchored
        if res.ref_unit:
            referred = _referred(out, res.ref_unit, anchor)
            moved = _counted(referred[0], res, referred[2]) if referred else None
            if moved is None:  # no date to count from, or off the calendar
                continue
            value, anchored = moved + res.suffix, referred[1]  # type: ignore[index]
        elif res.needs_day:
            skip = firsts if res.shift > 0 else lasts if res.shift < 0 else pairs
            prefix, anchored = _day_in_context(i, sents, days, anchor, skip)
            following = days[i + 1] if i + 1 < len(days) else None
            joint = text[cand.end : resolved[i + 1][0].start] if following else ""
            if following and " ".join(joint.lower().replace("’", "'").split()) in of_day:
                # "la nuit de lundi à mardi", "la soirée du 3 mai": the day named
                # right after it, not one told earlier in the sentence
                prefix, anchored = following
            if res.shift and not prefix.startswith("X"):
                moved = _shifted(prefix, res.shift)
                if moved is None:  # "le lendemain" of 9999-12-31: give up on this one
                    continue
                prefix = moved
            value = prefix + value
            if not res.value:  # "le lendemain" is itself a day later times can refer to
                days[i] = (prefix, anchored)
        out.append(
            TimeValue(
                id=f"t{len(out) + 1}",
                start=cand.start,
                end=cand.end,
                text=text[cand.start : cand.end],
                type=res.type,
                value=value,
                anchored=anchored,
            )
        )
    return out


def _counted(referred: dt.date, res: Resolved, by_month: bool = False) -> str | None:
    """The value of an anaphoric date counted from ``referred`` (None off the calendar).

    A season ("l'hiver suivant") is the next such season after a month or day written
    before (``by_month``), or that of the year after a year written before.
    """
    try:
        if res.ref_unit == "S":
            season = res.suffix.removeprefix("-")
            if by_month:
                return f"{season_step(referred, season, res.shift):04d}"
            return f"{referred.year + res.shift:04d}"
        if res.weekday:
            return weekday_from(referred, res.weekday, res.shift).isoformat()
        moved = shift_by(referred, res.shift, res.ref_unit)
    except (OverflowError, ValueError):
        return None
    return moved[0] if moved else None


_REFERENCE = {
    "D": re.compile(r"^(\d{4})-(\d{2})-(\d{2})"),
    "W": re.compile(r"^(\d{4})-(?:(\d{2})-(\d{2})|W(\d{2}))"),
    "M": re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)"),
    "Y": re.compile(r"^(\d{4})(?!\d)"),
    # a season counts from a year, a month or a day ("2019", "2019-03", "2019-03-03")
    "S": re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)"),
}


def _referred(
    before: list[TimeValue], unit: str, anchor: dt.date | None
) -> tuple[dt.date, bool, bool] | None:
    """The date an anaphoric expression counts from, whether it came from the anchor, and
    whether it names a month (or a day) rather than only a year.

    "Le 8 avril 2010, … Deux jours plus tard": the last date written before it that is
    fine enough for the unit (a day for "deux jours plus tard", a year for "l'année
    suivante"), else the document date; None without either.
    """
    pattern = _REFERENCE[unit]
    for time in reversed(before):
        m = pattern.match(time.value) if time.type in {"DATE", "TIME"} else None
        if m is None:
            continue
        try:
            if unit == "W" and m[4]:
                return dt.date.fromisocalendar(int(m[1]), int(m[4]), 1), time.anchored, True
            if unit == "Y" or (unit == "S" and not m[2]):
                return dt.date(int(m[1]), 1, 1), time.anchored, False
            return dt.date(int(m[1]), int(m[2]), int(m[3] or 1)), time.anchored, True
        except ValueError:
            continue
    return (anchor, True, True) if anchor is not None else None


def _day_in_context(
    i: int,
    sents: list[int],
    days: list[tuple[str, bool] | None],
    anchor: dt.date | None,
    pairs: Collection[int] = (),
) -> tuple[str, bool]:
    """The day expression ``i`` refers to: same sentence, else the last single day before
    (not one of a pair of days), else the anchor."""
    same = [j for j in range(len(days)) if j != i and sents[j] == sents[i] and days[j]]
    if same:
        return days[min(same, key=lambda j: (abs(j - i), j > i))]  # type: ignore[return-value]
    before = [j for j in range(i) if days[j] and j not in pairs]
    if before:
        return days[before[-1]]  # type: ignore[return-value]
    if anchor is not None:
        return anchor.isoformat(), True
    return "XXXX-XX-XX", False


#: The language data the component is built from (and saves with the pipeline).
TIMES_DATA: tuple[str, ...] = ("times", "words")


class KgTimes(LangComponent):
    """Sets ``doc._.kg_times`` from ``doc._.kg_date``; needs a tagger and parser upstream.

    Built from the language's time lexicon and words (``data`` overrides them, as parsed
    JSON), saved with the pipeline by ``to_disk`` and rebuilt by ``from_disk``.
    """

    DATA = TIMES_DATA

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_times",
        *,
        lang: str = "fr",
        data: Mapping[str, Any] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.lang = lang
        self._build(data)

    def _build(self, data: Mapping[str, Any] | None) -> None:
        self.data = lang_data(self.lang, self.DATA, data)
        if data is None:  # kg's own data: the per-process caches
            self.rules = load_rules(self.lang)
            self.tense_cues = load_tense_cues(self.lang)
        else:
            self.rules = grammar(self.lang).time_rules(self.data["times"])
            words = Words(self.lang, self.data["words"])
            self.tense_cues = TenseCues.from_data(words, self.data["times"])

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_times = extract_times(
            doc, doc._.kg_date, rules=self.rules, tense_cues=self.tense_cues
        )
        return doc


@Language.factory(
    "kg_times",
    assigns=["doc._.kg_times"],
    requires=["token.pos", "token.morph", "token.dep", "token.head", "token.lemma"],
)
def make_kg_times(nlp: Language, name: str) -> KgTimes:
    """Build the ``kg_times`` component for ``nlp.lang`` (``nlp.add_pipe("kg_times")``)."""
    return KgTimes(nlp, name, lang=nlp.lang)
