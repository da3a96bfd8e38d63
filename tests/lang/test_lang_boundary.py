"""The language boundary holds: generic code names no word of a language kg ships.

Why a test: "adding a language is adding a folder" is only true while no French word sits in
a string literal outside ``kg/lang/``. The vocabulary is the language's own data — its
closed-class words (``language.json``), its month and weekday names, and every accented word
of its lexicons — so the test grows with the data and needs no list of its own.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.lang import languages, load_data

ROOT = Path(__file__).resolve().parents[2] / "kg"
_WORD = re.compile(r"[^\W\d_]+(?:['’](?=\W|$))?")
#: Modules allowed to hold French words outside ``kg/lang/``: none. Keep it so.
PENDING: set[str] = set()


def _words(value: object) -> Iterator[str]:
    """Every word in a piece of language data (dict keys included, comments left out)."""
    if isinstance(value, str):
        # Upper-case tokens are codes (TIMEX "DE", ISO "FR"), not words.
        words = (w for w in _WORD.findall(value) if not (w.isupper() and len(w) > 1))
        yield from (w.casefold().replace("’", "'") for w in words)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "_comment":
                yield from _words(key)
                yield from _words(item)
    elif isinstance(value, list):
        for item in value:
            yield from _words(item)


def _vocabulary(lang: str) -> frozenset[str]:
    times = load_data(lang, "times")
    words = set(load_data(lang, "language").get("function_words", ()))
    words |= {w for w in _words([times["months"], times["weekdays"]]) if len(w) > 2}
    for name in ("entities", "relations", "times"):
        words |= {w for w in _words(load_data(lang, name)) if not w.isascii() and len(w) > 1}
    return frozenset(words)


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    """String literals of a module, docstrings left out (they explain, in any language)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = body[0] if body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and id(node) not in docstrings:
            yield node.lineno, node.value


def _offenders(vocabulary: frozenset[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent).as_posix()
        if rel.startswith("kg/lang/"):
            continue
        for line, text in _literals(path):
            hits = [w for w in _words(text) if w in vocabulary]
            if hits:
                found.setdefault(rel, []).append(f"{line}: {text[:40]!r} ({', '.join(hits)})")
    return found


@pytest.mark.parametrize("lang", languages())
def test_no_word_of_the_language_in_generic_code(lang):
    offenders = _offenders(_vocabulary(lang))
    new = {path: hits[:3] for path, hits in offenders.items() if path not in PENDING}
    assert new == {}, "move these words into kg/lang/<lang>/ data or grammar"
    cleaned = PENDING - set(offenders)
    assert cleaned == set(), "these modules are clean now: remove them from PENDING"


def test_the_scan_sees_french():
    vocabulary = _vocabulary("fr")
    assert {"de", "l'", "janvier", "été"} <= vocabulary
    assert not {"type", "date", "name", "event", "d", "l"} & vocabulary
