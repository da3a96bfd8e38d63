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

The component keeps its name, class, patterns and serialisation: only the instance's class
becomes :class:`ColumnAttributeRuler` (a subclass that overrides ``__call__``), and a ruler
whose rules are not of the supported shape runs spaCy's code unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import POS, TAG
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
            doc = plan.rest(doc)
        return doc

    def _plan(self) -> _Plan:
        """The plan for the current patterns (rebuilt when patterns are added or cleared)."""
        key = (self.matcher, len(self.attrs))
        plan = self._kg_plan
        if plan is None or plan.key[0] is not key[0] or plan.key[1] != key[1]:
            plan = self._kg_plan = _make_plan(self, key)
        return plan


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
    return _Plan(key, pos, tags, other)


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Make the model's ``attribute_ruler`` (if any) a :class:`ColumnAttributeRuler`."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if type(ruler) is AttributeRuler:
        ruler.__class__ = ColumnAttributeRuler
