"""kg.lang.i18n and the UI strings every language folder ships.

What these pin: every key the Python exporters, the markup assets and the page scripts ask
for exists in every ``kg/lang/<lang>/ui.json`` with the same ``{fields}`` as French; the
scripts and the generic modules that show text to readers hold no French word of their own;
month names come from ``times.json`` only.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kg.errors import InputError, ModelError
from kg.lang import languages, load_data
from kg.lang.i18n import (
    UiStrings,
    dateline_months,
    month_names,
    script_keys,
    script_strings,
    ui_strings,
    weekday_names,
)

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "kg" / "export" / "assets"
SCRIPTS = sorted(ASSETS.glob("*.js"))
MARKUP = sorted(ASSETS.glob("*.html"))
#: Generic modules that put words in front of readers (their UI strings moved to ui.json).
PYTHON = [
    ROOT / "kg" / "export" / "html.py",
    ROOT / "kg" / "export" / "timeline" / "html.py",
    ROOT / "kg" / "notebook.py",
    ROOT / "kg" / "io" / "dateline.py",
]
SECTIONS = ("common", "graph", "timeline", "notebook")
#: A UI key written out in Python code: "section.name".
_PY_KEY = re.compile(rf"^(?:{'|'.join(SECTIONS)})\.[a-z_]+$")
_FIELD = re.compile(r"\{(\w*)\}")
_ACCENTED = re.compile(r"[àâäçéèêëîïôöùûüÿœæ«»]", re.IGNORECASE)
_JS_STRING = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")
#: French words that are also code in the scripts: modality ids, DOM input and field names.
_SHARED_WITH_CODE = frozenset({"date", "possible", "type", "types"})


def _python_keys() -> set[str]:
    keys = set()
    for path in PYTHON:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _PY_KEY.match(node.value)
                and not node.value.endswith((".css", ".html", ".js"))  # file names
            ):
                keys.add(node.value)
    return keys


def _markup_keys() -> set[str]:
    return {
        key
        for path in MARKUP
        for key in re.findall(r"\{\{ui:([a-z_.]+)\}\}", path.read_text(encoding="utf-8"))
    }


def _script_keys() -> set[str]:
    return {key for path in SCRIPTS for key in script_keys(path.read_text(encoding="utf-8"))}


def _js_literals(path: Path) -> list[str]:
    code = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    code = re.sub(r"(?m)^\s*//.*$", "", code)
    return [a or b for a, b in _JS_STRING.findall(code)]


def _french_words() -> set[str]:
    """Words of the French UI strings and calendar names (lower-case, fields removed)."""
    ui = ui_strings("fr")
    texts = [_FIELD.sub(" ", v) for k, v in ui.items() if not k.startswith("notebook.")]
    texts += list(month_names("fr")) + list(weekday_names("fr"))
    words = {w.lower() for text in texts for w in re.findall(r"[^\W\d_]{2,}", text)}
    return words - _SHARED_WITH_CODE


def test_keys_are_found() -> None:
    """The scans below see real keys (an empty scan would make every check pass)."""
    assert {"common.label_value", "timeline.count", "notebook.links"} <= _python_keys()
    assert {"graph.path_go", "common.timeline"} <= _markup_keys()
    assert {"graph.path_none", "timeline.count_filtered", "common.range"} <= _script_keys()


@pytest.mark.parametrize("lang", languages())
def test_every_used_key_exists(lang: str) -> None:
    ui = ui_strings(lang)
    used = _python_keys() | _markup_keys() | _script_keys()
    # Keys kg.lang.terms builds from a TIMEX value: seasons and quarters.
    used |= {f"season.{s}" for s in ("SP", "SU", "FA", "WI")}
    used |= {f"when.quarter_{q}" for q in range(1, 5)}
    assert sorted(used - set(ui)) == []


@pytest.mark.parametrize("lang", languages())
def test_languages_have_the_same_keys_and_fields(lang: str) -> None:
    """A translation fills the same slots: a missing or renamed ``{field}`` is a bug."""
    french, ui = ui_strings("fr"), ui_strings(lang)
    assert set(ui) == set(french)
    for key, text in ui.items():
        assert sorted(_FIELD.findall(text)) == sorted(_FIELD.findall(french[key])), key


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_scripts_hold_no_french_literal(path: Path) -> None:
    french = _french_words()
    for literal in _js_literals(path):
        assert not _ACCENTED.search(literal), f"{path.name}: {literal!r} belongs in ui.json"
        words = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", literal)}
        if not re.fullmatch(r"[a-z_]+\.[a-z_]+", literal):  # a T("key") argument
            assert not words & french, f"{path.name}: {literal!r} belongs in ui.json"


def test_the_french_literal_check_catches_a_literal(tmp_path: Path) -> None:
    script = tmp_path / "x.js"
    script.write_text('el("p", null, "Aucun chemin");\nT("graph.path");\n', encoding="utf-8")
    found = [s for s in _js_literals(script) if {w.lower() for w in s.split()} & _french_words()]
    assert found == ["Aucun chemin"]


@pytest.mark.parametrize("path", MARKUP, ids=lambda p: p.name)
def test_markup_text_is_all_slots(path: Path) -> None:
    """Visible text and readable attributes of the markup assets are ``{{ui:...}}`` slots."""
    markup = path.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", markup)
    assert re.sub(r"\{\{(?:ui:[a-z_.]+|title)\}\}", "", text).split() == []
    for value in re.findall(r'(?:placeholder|aria-label|title)="([^"]*)"', markup):
        assert re.fullmatch(r"\{\{ui:[a-z_.]+\}\}", value), value


@pytest.mark.parametrize("path", PYTHON, ids=lambda p: p.name)
def test_generic_modules_hold_no_accented_literal(path: Path) -> None:
    """Docstrings may quote French; code strings may not."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and id(n) not in docs
        and _ACCENTED.search(n.value)
    ]
    assert found == []


def test_missing_key_is_a_clear_error() -> None:
    ui = UiStrings("xx", {"graph.path": "Path"})
    assert ui["graph.path"] == "Path" and "graph.path" in ui and len(ui) == 1
    assert ui.get("graph.other") is None and "graph.other" not in ui
    with pytest.raises(ModelError, match=r"'graph.other'.*add it to kg/lang/xx/ui.json"):
        ui["graph.other"]


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="unknown language 'xx'"):
        ui_strings("xx")


def test_format_inserts_values_as_they_are() -> None:
    ui = UiStrings("xx", {"graph.path_none": "No path from {from} to {to}"})
    text = ui.format("graph.path_none", **{"from": "{to}", "to": "<b>"})
    assert text == "No path from {to} to <b>"


def test_script_strings_are_what_the_script_asks_for() -> None:
    script = 'T("graph.path"); T( "common.range", {start: a}); T("graph.path"); x.T2("no.key")'
    assert script_keys(script) == ["graph.path", "common.range"]
    assert script_strings("fr", script) == {
        "graph.path": "Chemin",
        "common.range": "{start} – {end}",
    }
    with pytest.raises(ModelError, match=r"graph\.nowhere"):
        script_strings("fr", 'T("graph.nowhere")')


def test_month_names_come_from_times_json() -> None:
    names = month_names("fr")
    assert len(names) == 12 and names[0] == "janvier" and names[7] == "août"
    assert names[11] == "décembre"
    months = load_data("fr", "times")["months"]
    assert all(months[name] == i + 1 for i, name in enumerate(names))


def test_dateline_months_leave_out_abbreviations() -> None:
    months = dateline_months("fr")
    assert months["février"] == months["fevrier"] == 2
    assert "févr." not in months and "janv." not in months
    assert set(months.values()) == set(range(1, 13))


def test_weekday_names_start_on_monday() -> None:
    assert weekday_names("fr") == (
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
    )
