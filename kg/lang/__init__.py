"""Everything kg knows about a language, in one place: data, a little grammar, UI strings.

Why a package of its own: generic code (pipeline components, exporters, the notebook API)
must never hold a French word, so that adding a language is adding a folder. Each language
is a sub-folder (``kg/lang/fr/``) with its JSON data — gazetteer, trigger lexicons, time
words, modality cues, UI strings — and, where data cannot carry it, a grammar module
(spaCy keeps ``lang/fr/syntax_iterators.py`` beside its data: the same idea).

There is one loader (:func:`load_data`), with one error (:class:`~kg.errors.ModelError`, one
line that says which file to add or fix; an unknown language is the user's
:class:`~kg.errors.InputError`), and one comparison form of text (:func:`fold`).

>>> "fr" in languages()
True
>>> load_data("fr", "times")["months"]["mars"]
3
>>> check_lang("xx")
Traceback (most recent call last):
...
kg.errors.InputError: unknown language 'xx': kg supports fr (use --lang fr)
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from kg.errors import InputError, ModelError
from kg.lang.fold import fold, fold_lexeme

__all__ = [
    "check_lang",
    "fold",
    "fold_lexeme",
    "grammar",
    "has_data",
    "lang_data",
    "languages",
    "load_data",
    "models",
    "read_lang_data",
    "write_lang_data",
]

#: Folder of the language packages; resolved next to this file so a checkout, an editable
#: install and a wheel all read the same files.
_ROOT = Path(__file__).resolve().parent
#: The file that makes a folder a language: its spaCy models and basic facts.
_MARKER = "language.json"


@cache
def languages() -> tuple[str, ...]:
    """The languages kg ships data for (each folder of ``kg/lang/`` with a ``language.json``)."""
    return tuple(sorted(p.name for p in _ROOT.iterdir() if (p / _MARKER).is_file()))


def check_lang(lang: str) -> str:
    """Return ``lang`` if kg has data for it.

    Raises:
        InputError: no folder ``kg/lang/<lang>/`` ships (an option or input the user gave).
    """
    if lang not in languages():
        raise InputError(
            f"unknown language {lang!r}: kg supports {', '.join(languages())} (use --lang fr)"
        )
    return lang


@cache
def load_data(lang: str, name: str) -> Any:
    """Return the parsed ``kg/lang/<lang>/<name>.json`` (read once per process).

    Callers must not mutate the result: it is shared.

    Raises:
        InputError: the language is unknown.
        ModelError: the file is missing or is not valid JSON.
    """
    check_lang(lang)
    path = _ROOT / lang / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"no {name!r} data for language {lang!r}: add kg/lang/{lang}/{name}.json"
        ) from None
    except json.JSONDecodeError as e:
        raise ModelError(
            f"kg/lang/{lang}/{name}.json is not valid JSON ({e}); fix or restore the file"
        ) from None


def has_data(lang: str, name: str) -> bool:
    """Whether ``kg/lang/<lang>/<name>.json`` ships (for optional data such as first names)."""
    return lang in languages() and (_ROOT / lang / f"{name}.json").is_file()


def lang_data(
    lang: str, names: Iterable[str], overrides: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The data files ``names`` of ``lang``, each taken from ``overrides`` when given there.

    What a component is built from: by default the files kg ships, or a caller's own copy
    (a lexicon edited in a notebook, the data a saved pipeline was built with). A name the
    language does not ship is left out when it is optional (see :func:`has_data`).
    """
    overrides = overrides or {}
    data: dict[str, Any] = {}
    for name in names:
        if name in overrides:
            data[name] = overrides[name]
        elif has_data(lang, name):
            data[name] = load_data(lang, name)
    return data


def write_lang_data(path: str | Path, data: Mapping[str, Any]) -> None:
    """Save a component's data files as ``path/<name>.json`` (spaCy's ``to_disk``)."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for name, value in sorted(data.items()):
        text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False)
        (folder / f"{name}.json").write_text(text + "\n", encoding="utf-8")


def read_lang_data(path: str | Path) -> dict[str, Any]:
    """Read back what :func:`write_lang_data` saved (spaCy's ``from_disk``).

    Raises:
        ModelError: a saved file is not valid JSON.
    """
    data: dict[str, Any] = {}
    for file in sorted(Path(path).glob("*.json")):
        try:
            data[file.stem] = json.loads(file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise ModelError(f"{file} is not valid JSON ({e}); save the pipeline again") from None
    return data


def models(lang: str) -> tuple[str, ...]:
    """spaCy models kg is tested with for ``lang``, the default first."""
    return tuple(load_data(lang, "language")["models"])


@cache
def grammar(lang: str) -> ModuleType:
    """The grammar package of ``lang`` (``kg.lang.<lang>``): what data cannot carry."""
    check_lang(lang)
    return importlib.import_module(f"kg.lang.{lang}")
