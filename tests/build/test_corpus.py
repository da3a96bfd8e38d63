"""kg.build.corpus: the one build path, through ``kg build``: options, incremental and resumed
builds, worker processes, and the same result whether built from the CLI or a notebook."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.api import BuildResult
from kg.build import BuildOptions, Corpus, build_corpus
from kg.build.cache import _code_digest
from kg.cli import main
from kg.export.outputs import OUTPUTS

# Sentences written for these tests (no copied text); each document takes a few of them.
SENTENCES = (
    "Le président français a reçu jeudi le chancelier allemand à Paris.",
    "La Pologne a annoncé mardi l'achat de deux cents chars aux États-Unis.",
    "Le secrétaire général de l'OTAN s'est rendu à Vilnius en juillet.",
    "Les ministres de la Défense de l'Union européenne se réuniront à Bruxelles en mars.",
    "La Lituanie devrait rejoindre la coalition des drones l'année prochaine.",
    "Le Royaume-Uni a promis mille drones à l'Ukraine la semaine dernière.",
    "Le gouvernement italien a signé un accord avec la Tunisie lundi.",
    "La Commission européenne a proposé une nouvelle aide au Maroc en décembre.",
    "Le Premier ministre espagnol a rencontré son homologue portugais à Lisbonne.",
    "La Norvège a augmenté son budget militaire de dix pour cent en 2023.",
    "Le sommet du G7 aura lieu au Japon au printemps.",
    "Des négociateurs suédois et finlandais sont arrivés mercredi à Ankara.",
    "Le ministre letton de la Défense a visité une usine de munitions en Estonie.",
    "La Grèce et Chypre ont organisé un exercice naval en octobre.",
    "Le Canada a annoncé vendredi l'envoi de soldats en Lettonie.",
    "La Banque mondiale a accordé un prêt au Sénégal le mois dernier.",
    "Le Conseil de sécurité des Nations unies s'est réuni dimanche à New York.",
    "La Roumanie a signé un contrat pour des avions de combat en janvier.",
    "Les Pays-Bas ont livré des radars à la Moldavie cette semaine.",
    "Le président brésilien se rendra en Chine en avril.",
    "La Belgique a rappelé son ambassadeur au Rwanda samedi.",
    "Le Danemark a promis de former des pilotes ukrainiens l'été prochain.",
    "L'Autriche a refusé de participer à la mission navale.",
    "Le Japon et l'Australie ont signé un traité de défense à Tokyo.",
)
CITIES = ("Paris", "Bruxelles", "Varsovie", "Berlin", "Rome", "Madrid", "Vienne", "Oslo")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre")


def _distinct_picks(count: int) -> list[tuple[int, ...]]:
    """``count`` sets of five sentence numbers, any two sharing at most three sentences.

    Why: kg reads near-identical texts once, as copies of one article (word-trigram Jaccard
    ≥ 0.7). Documents sharing four of five sentences would be such copies, and a test of the
    cache would then count fewer documents than it wrote. Greedy, in a fixed order.
    """
    picks: list[tuple[int, ...]] = []
    for combo in itertools.combinations(range(len(SENTENCES)), 5):
        if all(len(set(combo) & set(p)) <= 3 for p in picks):
            picks.append(combo)
            if len(picks) == count:
                return picks
    raise AssertionError("not enough distinct documents")


#: Documents 0-47 and, after them, the edited versions (``variant=1``) of documents 0-15.
_PICKS = _distinct_picks(64)


def make_document(n: int, *, variant: int = 0) -> dict[str, str]:
    """Document ``n`` of a synthetic corpus: a dateline then five of :data:`SENTENCES`.

    ``variant=1`` is the same document edited (other sentences, same dateline and id).
    """
    chosen = _PICKS[n if not variant else 48 + n]
    picks = [SENTENCES[i] for i in chosen]
    dateline = f"{CITIES[n % len(CITIES)]}, {n % 27 + 1} {MONTHS[n % len(MONTHS)]} 2024 – "
    return {"id": f"doc-{n:03d}", "text": dateline + " ".join(picks) + "\n"}


def write_corpus(path: Path, numbers, *, changed: int | None = None) -> Path:
    lines = [make_document(n, variant=1 if n == changed else 0) for n in numbers]
    path.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), encoding="utf-8"
    )
    return path


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--quiet"], catch_exceptions=False)


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def cache_entries(cache: Path) -> list[Path]:
    return sorted((cache / "extractions").glob("*/*.json"))


# -- no model needed --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{tmp}/*.md"], "no file matches"),
        (["{tmp}/a.txt", "--workers", "0"], "--workers"),
        (["{tmp}/a.txt", "--batch-size", "0"], "--batch-size"),
        (["{tmp}/a.txt", "--scheduler", "tcp://host-without-port"], "tcp://HOST:PORT"),
    ],
)
def test_corpus_options_bad_input_one_line_exit_2(tmp_path, args, message) -> None:
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    result = run("build", *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:"), result.output
    assert message in lines[0]


def test_missing_dask_is_a_one_line_error(tmp_path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = run("build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--scheduler",
                 "tcp://127.0.0.1:1")  # fmt: skip
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "kg[distributed]" in lines[0], result.output


# -- with the model ---------------------------------------------------------------------------


@pytest.mark.slow
def test_incremental_build_parses_only_new_and_changed_and_matches_full(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    out = tmp_path / "out"
    write_corpus(corpus, range(12))
    first = run("build", str(corpus), "--out", str(out), "--workers", "1")
    assert first.exit_code == 0, first.output
    assert "parsed 12 documents, 0 from the cache" in first.output
    assert len(cache_entries(out / ".kg-cache")) == 12

    again = run("build", str(corpus), "--out", str(out), "--workers", "1")
    assert "parsed 0 documents, 12 from the cache" in again.output

    # The corpus grows by 4 documents and one article is edited: 5 are parsed.
    write_corpus(corpus, range(16), changed=3)
    grown = run("build", str(corpus), "--out", str(out), "--workers", "1")
    assert grown.exit_code == 0, grown.output
    assert "16 documents" in grown.output
    assert "parsed 5 documents, 11 from the cache" in grown.output

    full = tmp_path / "full"
    clean = run("build", str(corpus), "--out", str(full), "--workers", "1", "--rebuild")
    assert "parsed 16 documents, 0 from the cache" in clean.output
    assert outputs(out) == outputs(full)
    ids = [json.loads(line)["id"] for line in (out / "extraction.jsonl").open(encoding="utf-8")]
    assert ids == [f"doc-{n:03d}" for n in range(16)]  # input order


@pytest.mark.slow
def test_cache_is_kept_by_save_and_damaged_entries_are_parsed_again(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(4))
    out, cache = tmp_path / "out", tmp_path / "elsewhere"
    assert run("build", str(corpus), "--out", str(out), "--cache", str(cache)).exit_code == 0
    assert not (out / ".kg-cache").exists()
    entries = cache_entries(cache)
    assert len(entries) == 4
    before = outputs(out)
    entries[0].write_bytes(b"")
    result = run("build", str(corpus), "--out", str(out), "--cache", str(cache))
    assert result.exit_code == 0, result.output
    assert "parsed 1 documents, 3 from the cache" in result.output
    assert outputs(out) == before
    visible = sorted(p.name for p in out.iterdir() if not p.name.startswith(".kg-"))
    assert visible == sorted(OUTPUTS)
    assert [p.name[:8] for p in out.glob(".kg-s*")] == [".kg-set-"]  # no staging left over


@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_outputs(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(10))
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", str(corpus), "--out", str(one), "--workers", "1").exit_code == 0
    result = run("build", str(corpus), "--out", str(two), "--workers", "2", "--batch-size", "2")
    assert result.exit_code == 0, result.output
    assert outputs(one) == outputs(two)


@pytest.mark.slow
def test_notebook_and_command_line_builds_write_the_same_files(tmp_path) -> None:
    """One build path: kg.build() (in memory) and kg build (cached on disk) agree."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(4))
    cli, api = tmp_path / "cli", tmp_path / "api"
    assert run("build", str(corpus), "--out", str(cli), "--workers", "1").exit_code == 0
    result = kg.build(corpus)
    result.save(api)
    assert outputs(cli) == outputs(api)
    assert [d.id for d in result.documents] == [f"doc-{n:03d}" for n in range(4)]


@pytest.mark.slow
def test_the_command_line_build_keeps_its_documents(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(3))
    options = BuildOptions(cache=tmp_path / "cache", progress=False)
    run_ = build_corpus(Corpus.from_paths([corpus], date=None, lang="fr"), options)
    assert (run_.parsed, run_.cached, run_.cache) == (3, 0, tmp_path / "cache")
    result = BuildResult.from_run(run_)
    assert [d.id for d in result.documents] == ["doc-000", "doc-001", "doc-002"]
    assert result.documents[1].text == make_document(1)["text"]
    assert result.summary()["documents"] == 3


@pytest.mark.slow
def test_kg_extract_prints_what_kg_extract_returns(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(2))
    result = CliRunner().invoke(main, ["extract", str(corpus)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    decoder, text, printed = json.JSONDecoder(), result.output, []
    while text.strip():
        data, end = decoder.raw_decode(text.lstrip())
        printed.append(data)
        text = text.lstrip()[end:]
    assert printed == [x.to_dict() for x in kg.extract(corpus)]
    assert [x["id"] for x in printed] == ["doc-000", "doc-001"]


def _children(pid: int) -> list[int]:
    try:
        import psutil
    except ImportError:
        return []
    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead too
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


@pytest.mark.slow
def test_build_killed_with_sigkill_resumes_without_loss_or_double_count(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(40))
    out = tmp_path / "out"
    cache = out / ".kg-cache"
    command = [
        sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
        "--workers", "2", "--batch-size", "1", "--quiet",
    ]  # fmt: skip
    code = _code_digest.__wrapped__()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        while len(cache_entries(cache)) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no cache entry after 180 s"
            time.sleep(0.005)
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    done = len(cache_entries(cache))
    assert proc.returncode == -signal.SIGKILL
    assert 3 <= done < 40, done
    assert not any((out / name).exists() for name in OUTPUTS)  # nothing half-written
    # Orphaned workers notice their parent is gone and exit (they do not hold the model).
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]

    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    if _code_digest.__wrapped__() != code:
        pytest.skip("kg's code changed on disk during the test: the cache is rightly cold")
    parsed = int(resumed.stdout.split("parsed ")[1].split()[0])
    assert parsed == 40 - done
    assert "40 documents" in resumed.stdout
    assert len(cache_entries(cache)) == 40

    full = tmp_path / "full"
    clean = run("build", str(corpus), "--out", str(full), "--workers", "1")
    assert "parsed 40 documents" in clean.output
    assert outputs(out) == outputs(full)
    lines = (out / "extraction.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len({json.loads(line)["id"] for line in lines}) == 40
