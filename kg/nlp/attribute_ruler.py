"""The model's attribute ruler, with its tag-from-POS rules applied as one column write.

Why: the French models' ``attribute_ruler`` is mostly rules of one shape, "a token whose POS
is X gets the tag X" (20 of its 23), and spaCy runs them as Matcher patterns: every token
matches one, and each match goes through Python (a sort key, a ``Span``, a
``set_token_attrs`` call). That cost 0.3-0.4 s of CPU per 250 WiNER articles, more than
kg's sentence, gazetteer and extraction steps together. Here those rules become a lookup
table applied to the POS column (``to_array`` / ``from_array``, in C); the other rules
(spaces, rare) still run through spaCy's own ruler, after them, as before. The result is
the same document, attribute for attribute: ``tests/nlp/test_attribute_ruler.py`` compares
both on real sentences.

Those other rules are single tokens whose patterns each require a POS or a whitespace
flag ("POS SPACE", "IS_SPACE true"): a Matcher over the whole document still cost about
1 µs a token (0.07 s per 250 WiNER articles) to find the few blank-line tokens. The plan
reads, per rule, the column values a token must have to match it; spaCy's matcher then runs
only on the tokens that have them, and spaCy's ``set_annotations`` applies its matches,
sorted as spaCy sorts them.

The component keeps its name, class, patterns and serialisation: only the instance's class
becomes :class:`ColumnAttributeRuler` (a subclass that overrides ``__call__``), and a ruler
whose rules are not of the supported shape runs spaCy's code unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

__all__ = ["ColumnAttributeRuler", "speed_up_attribute_ruler"]

#: Pattern keys the remaining rules may read: a tag written first must not change them.
_TAG_KEYS = {"TAG", "MORPH"}


@dataclass(frozen=True, slots=True)
class _Plan:
    """How to run one ruler's patterns: POS symbols -> tag hashes, then the other rules."""

    #: The matcher and the number of rules the plan was made from: the plan holds the
    #: matcher, so a new one (``clear``, ``from_disk``) is never mistaken for it.
    key: tuple[Any, int]
    pos: numpy.ndarray | None  # POS ids with a tag rule (sorted), or None: no fast path
    tags: numpy.ndarray | None  # the tag hash for each of ``pos``
    rest: AttributeRuler | None  # the remaining rules, in their order
    #: Per remaining rule, the (column, value) pairs a token must have to match it (read
    #: with ``to_array``); None when some rule has no such requirement: match everywhere.
    gates: tuple[tuple[tuple[int, int], ...], ...] | None = None


class ColumnAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that applies its "POS X -> tag Y" rules as a column."""

    _kg_plan: _Plan | None = None

    def __call__(self, doc: Doc) -> Doc:
        """Same result as ``AttributeRuler.__call__``; faster on the tag-from-POS rules."""
        plan = self._plan()
        if plan.pos is None or not len(doc):
            return super().__call__(doc)
        pos = doc.to_array(POS)
        where = numpy.searchsorted(plan.pos, pos)
        where[where == len(plan.pos)] = 0
        hit = plan.pos[where] == pos
        if hit.any():
            tags = doc.to_array(TAG)
            tags[hit] = plan.tags[where[hit]]
            doc.from_array([TAG], tags)
        if plan.rest is not None:
            if plan.gates is None:
                return plan.rest(doc)
            _run_gated(plan.rest, plan.gates, doc)
        return doc

    def _plan(self) -> _Plan:
        """The plan for the current patterns (rebuilt when patterns are added or cleared)."""
        key = (self.matcher, len(self.attrs))
        plan = self._kg_plan
        if plan is None or plan.key[0] is not key[0] or plan.key[1] != key[1]:
            plan = self._kg_plan = _make_plan(self, key)
        return plan


def _run_gated(
    ruler: AttributeRuler, gates: tuple[tuple[tuple[int, int], ...], ...], doc: Doc
) -> None:
    """``ruler(doc)`` for single-token rules, matched only on tokens that pass a gate.

    A single-token pattern reads nothing outside its token, so matching it on the one-token
    span ``doc[i : i + 1]`` finds what matching the whole document finds at ``i``.
    """
    attrs = sorted({attr for gate in gates for attr, _ in gate})
    table = doc.to_array(attrs).reshape(len(doc), len(attrs))
    where = {attr: n for n, attr in enumerate(attrs)}
    mask = numpy.zeros(len(doc), dtype=bool)
    for gate in gates:
        ok = numpy.ones(len(doc), dtype=bool)
        for attr, value in gate:
            ok &= table[:, where[attr]] == value
        mask |= ok
    matches = []
    strings = ruler.vocab.strings
    for i in numpy.flatnonzero(mask).tolist():
        for m_id, start, end in ruler.matcher(doc[i : i + 1], allow_missing=True):
            matches.append((int(strings[m_id]), m_id, start + i, end + i))
    matches.sort()  # as ``AttributeRuler.match``: later rules win
    ruler.set_annotations(doc, matches)


def _gates(
    patterns: list[dict[str, Any]], strings: Any
) -> tuple[tuple[tuple[int, int], ...], ...] | None:
    """Per single-token pattern, the column values it requires; None if one requires none.

    Only keys read as one column value: ``POS`` (its name's symbol, as the Matcher compares
    it) and ``IS_SPACE`` (a flag); other keys are left to the matcher.
    """
    gates = []
    for pattern in patterns:
        for alternative in pattern["patterns"]:
            if len(alternative) != 1 or "OP" in alternative[0]:
                return None
            gate = []
            for key, value in alternative[0].items():
                if key == "POS" and isinstance(value, str):
                    gate.append((POS, strings.add(value)))
                elif key == "IS_SPACE" and isinstance(value, bool):
                    gate.append((IS_SPACE, int(value)))
            if not gate:
                return None
            gates.append(tuple(gate))
    return tuple(gates)


def _tag_rule(pattern: dict[str, Any]) -> tuple[str, str] | None:
    """``(pos, tag)`` when ``pattern`` is one "POS pos -> TAG tag" rule on one token."""
    alternatives = pattern["patterns"]
    if len(alternatives) != 1 or len(alternatives[0]) != 1 or pattern["index"] not in (0, -1):
        return None
    (token,) = alternatives[0]
    attrs = pattern["attrs"]
    if set(token) != {"POS"} or set(attrs) != {"TAG"}:
        return None
    pos, tag = token["POS"], attrs["TAG"]
    if not isinstance(pos, str) or not isinstance(tag, str):
        return None
    return pos, tag


def _make_plan(ruler: AttributeRuler, key: tuple[Any, int]) -> _Plan:
    """Split the ruler's patterns into leading tag rules and the rest.

    The fast path holds only when every tag rule comes before every other rule (spaCy
    applies matches in rule order, so later rules win) and no other rule reads a token's
    tag or morphology (spaCy matches every rule before setting any; the rest, run after
    the tags are written, must see what it would have seen).
    """
    patterns = ruler.patterns
    table: dict[int, int] = {}
    n = 0
    strings = ruler.vocab.strings
    for pattern in patterns:
        rule = _tag_rule(pattern)
        if rule is None:
            break
        # the Matcher compares the token's POS with the pattern value's id (a symbol);
        # a later rule for the same POS wins, as it would among spaCy's matches
        table[strings.add(rule[0])] = strings.add(rule[1])
        n += 1
    rest = patterns[n:]
    if not table or any(
        _tag_rule(p) is not None or _TAG_KEYS & {k for alt in p["patterns"] for t in alt for k in t}
        for p in rest
    ):
        return _Plan(key, None, None, None)
    other = None
    if rest:
        other = AttributeRuler(ruler.vocab, name=ruler.name, validate=ruler.validate)
        other.add_patterns(rest)
    pos = numpy.array(sorted(table), dtype=numpy.uint64)
    tags = numpy.array([table[p] for p in sorted(table)], dtype=numpy.uint64)
    return _Plan(key, pos, tags, other, _gates(rest, strings) if rest else None)


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Make the model's ``attribute_ruler`` (if any) a :class:`ColumnAttributeRuler`."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler) is AttributeRuler:
        ruler.__class__ = ColumnAttributeRuler
