"""Documentation is tested (as datasette does): every command and option of ``kg`` is explained.

Each command is named in the README, and each of its options appears in the README or in
``docs/`` and carries a help text that ``kg COMMAND --help`` prints. A new option without
documentation fails here, not in a user's hands.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("docs/*.md")))

COMMANDS = sorted(main.commands)
OPTIONS = [
    (name, param)
    for name in COMMANDS
    for param in main.commands[name].params
    if isinstance(param, click.Option)
]


def mentions(text: str, word: str) -> bool:
    """``word`` as a whole token (``--out`` is not found inside ``--output``)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def help_text(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


def test_there_are_commands_and_options_to_check() -> None:
    assert {"build", "extract", "load", "query", "schema"} <= set(COMMANDS)
    assert len(OPTIONS) >= 15


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_and_in_help(name: str) -> None:
    assert mentions(README, f"kg {name}"), f"README.md never shows `kg {name}`"
    command = main.commands[name]
    assert command.help, f"kg {name} has no docstring"
    assert name in help_text()
    assert command.help.splitlines()[0] in help_text(name)


@pytest.mark.parametrize(("name", "option"), OPTIONS, ids=[f"{n}-{o.opts[0]}" for n, o in OPTIONS])
def test_every_option_is_documented_and_has_help(name: str, option: click.Option) -> None:
    long = max(option.opts, key=len)
    assert mentions(DOCS, long), f"kg {name} {long} is in neither README.md nor docs/"
    assert option.help, f"kg {name} {long} has no help text"
    shown = help_text(name)
    assert all(mentions(shown, opt) for opt in option.opts), shown
    assert " ".join(option.help.split()[:4]) in " ".join(shown.split())


def _readme_commands() -> list[str]:
    """The ``kg ...`` lines of the README's command-line block, comments removed."""
    block = README.split("## Command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.startswith("kg ")]


@pytest.mark.slow
def test_readme_commands_run_as_written(tmp_path: Path) -> None:
    """Every command the README shows runs on a fresh checkout (examples shipped in the repo).

    The endpoint line needs a running server: tests/store covers it; here it is skipped.
    """
    import shlex
    import shutil

    for name in ("examples", "ontology"):
        shutil.copytree(ROOT / name, tmp_path / name)
    commands = _readme_commands()
    assert len(commands) >= 8
    for line in commands:
        if "--endpoint" in line:
            continue
        args = [a for a in shlex.split(line)[1:]]
        # The shell would expand the glob; CliRunner does not.
        args = [
            p
            for a in args
            for p in (
                sorted(str(x) for x in tmp_path.glob(a)) if "*" in a and " " not in a else [a]
            )
        ]
        with _cwd(tmp_path):
            result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, f"{line}\n{result.output}"
        if line.startswith("kg query"):
            assert len(result.output.strip().splitlines()) >= 2, f"{line}: no rows"


def _cwd(path: Path):
    import contextlib
    import os

    @contextlib.contextmanager
    def inside():
        before = os.getcwd()
        os.chdir(path)
        try:
            yield
        finally:
            os.chdir(before)

    return inside()
