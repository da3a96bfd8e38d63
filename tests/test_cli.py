"""The ``kg`` command: exit codes, one-line errors, outputs written atomically."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import main

ARTICLE = (
    "Varsovie, 12 mars 2024 – Le Premier ministre polonais Donald Tusk a rencontré jeudi "
    "le secrétaire général de l'OTAN, Jens Stoltenberg, à Bruxelles.\n"
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    ("files", "args", "message"),
    [
        ({}, ["build", "{tmp}/missing.txt"], "no such file"),
        ({"empty.txt": b""}, ["build", "{tmp}/empty.txt"], "empty"),
        ({"latin.txt": "é".encode("latin-1")}, ["build", "{tmp}/latin.txt"], "UTF-8"),
        ({"d/x.md": b"x"}, ["build", "{tmp}/d"], "has no article file"),
        ({"c.jsonl": b"{bad json\n"}, ["build", "{tmp}/c.jsonl"], "c.jsonl:1"),
        ({"a.txt": b"Texte."}, ["build", "{tmp}/a.txt", "--date", "hier"], "ISO date"),
        ({"a.txt": b"Texte."}, ["build", "{tmp}/a.txt", "--lang", "xx"], "unknown language"),
        ({"a.txt": b"Texte."}, ["build", "{tmp}/a.txt", "--model", "en_core_web_sm"], "model"),
        ({"a.txt": b"Texte."}, ["extract", "{tmp}/a.txt", "--date", "2024-02-30"], "ISO date"),
        ({}, ["load", "{tmp}", "--store", "{tmp}/s"], "not found"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, files, args, message) -> None:
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    result = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:"), result.output
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_usage_error_exit_2() -> None:
    result = run("build")
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_schema_is_json() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "kg extraction"


@pytest.mark.slow
def test_build_writes_every_output_and_failed_run_keeps_them(tmp_path) -> None:
    from kg.export.outputs import OUTPUTS

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(article), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "graph.html" in result.output and "1 documents" in result.output
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    assert all(before.values())

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    result = run("build", str(article), str(bad), "--out", str(out))
    assert result.exit_code == 2
    after = {name: (out / name).read_bytes() for name in OUTPUTS}
    assert after == before
    left = sorted(p.name for p in out.iterdir() if not p.name.startswith(".kg-"))
    assert left == sorted(OUTPUTS)
    assert [p.name[:8] for p in out.glob(".kg-s*")] == [".kg-set-"], "no staging left behind"


@pytest.mark.slow
def test_extract_prints_valid_json(tmp_path) -> None:
    import jsonschema

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    schema = json.loads(run("schema").output)
    jsonschema.validate(data, schema)
    assert data["date"] == "2024-03-12"
    names = {e["name"] for e in data["entities"]}
    assert {"Donald Tusk", "Jens Stoltenberg", "OTAN", "Bruxelles"} <= names


@pytest.mark.slow
def test_focus_and_max_nodes_cut_only_the_interactive_view(tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    full, cut = tmp_path / "full", tmp_path / "cut"
    assert run("build", str(article), "--out", str(full), "-q").exit_code == 0
    result = run("build", str(article), "--out", str(cut), "-q", "--focus", "Tusk", "--hops", "0")
    assert result.exit_code == 0, result.output
    html = (cut / "graph.html").read_text("utf-8")
    drawn = set(re.findall(r'"label":\s*"([^"]+)"', html))
    assert "Donald Tusk" in drawn and "Jens Stoltenberg" not in drawn
    assert (cut / "graph.ttl").read_bytes() == (full / "graph.ttl").read_bytes()
    bad = run("build", str(article), "--out", str(cut), "-q", "--focus", "Nobody At All")
    assert bad.exit_code == 2 and "no entity matches" in bad.output
    assert run("build", str(article), "--out", str(cut), "--max-nodes", "0").exit_code == 2


@pytest.mark.slow
def test_extract_prints_jsonl_one_line_per_document(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "un", "date": "2024-05-02", "text": "La Suède a rejoint l'OTAN en mars."},
        {"id": "deux", "date": "2024-05-03", "text": "La Finlande soutient l'Ukraine."},
    ]
    corpus.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = run("extract", str(corpus))
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    assert [json.loads(line)["id"] for line in printed] == ["un", "deux"]


def test_help_texts_are_whole() -> None:
    summary = run("--help").output
    commands = summary.split("Commands:")[1]
    assert "..." not in commands and "one JSON object per line and" in commands
    assert "kg build examples/*.txt" in run("build", "--help").output
    assert "@FILE" in run("query", "--help").output
