"""Corpora at scale: globs, the extraction cache, incremental and resumed builds, workers."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.api import OUTPUTS
from kg.cache import ExtractionCache, _code_digest, document_key, pipeline_fingerprint
from kg.cli import main
from kg.corpus import expand_inputs
from kg.errors import InputError
from kg.model import Document, Entity, Extraction, Mention

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


def make_document(n: int, *, variant: int = 0) -> dict[str, str]:
    """Document ``n`` of a synthetic corpus: a dateline then five of :data:`SENTENCES`."""
    picks = [SENTENCES[(n * 7 + k * 5 + variant) % len(SENTENCES)] for k in range(5)]
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


def test_expand_inputs_globs_sorted_and_keeps_plain_paths(tmp_path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert expand_inputs([str(tmp_path / "*.txt")]) == [tmp_path / "a.txt", tmp_path / "b.txt"]
    assert expand_inputs([str(tmp_path / "**/*.txt")])[-1] == tmp_path / "sub/c.txt"
    assert expand_inputs([tmp_path / "missing.txt"]) == [tmp_path / "missing.txt"]
    with pytest.raises(InputError, match="no file matches"):
        expand_inputs([str(tmp_path / "*.jsonl")])


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


def test_document_key_covers_text_id_date_lang_and_pipeline() -> None:
    doc = Document("a", "Texte.", "fr", dt.date(2024, 2, 15))
    key = document_key(doc, "fp")
    assert len(key) == 64
    for other in (
        Document("b", "Texte.", "fr", dt.date(2024, 2, 15)),
        Document("a", "Texte !", "fr", dt.date(2024, 2, 15)),
        Document("a", "Texte.", "fr", dt.date(2024, 2, 16)),
        Document("a", "Texte.", "fr", None),
    ):
        assert document_key(other, "fp") != key
    assert document_key(doc, "other-pipeline") != key
    assert pipeline_fingerprint("fr_core_news_md") != pipeline_fingerprint("fr_core_news_sm")


def test_cache_round_trip_and_damaged_entries_read_as_misses(tmp_path) -> None:
    cache = ExtractionCache(tmp_path / "c")
    mention = Mention(0, 11, "Royaume-Uni")
    entity = Entity("Q145", "Royaume-Uni", "Country", "Q145", (), (mention,))
    x = Extraction(id="a", lang="fr", date=dt.date(2024, 2, 15), entities=(entity,))
    cache.put("ab" * 32, x)
    assert "ab" * 32 in cache and cache.get("ab" * 32) == x
    assert cache.get("cd" * 32) is None and "cd" * 32 not in cache
    cache.path("ab" * 32).write_bytes(b'{"key": "ab')  # truncated by a power cut
    assert cache.get("ab" * 32) is None
    assert (tmp_path / "c" / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")
    assert not list((tmp_path / "c").rglob("*.tmp"))


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
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)  # no staging left over


@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_outputs(tmp_path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(10))
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", str(corpus), "--out", str(one), "--workers", "1").exit_code == 0
    result = run("build", str(corpus), "--out", str(two), "--workers", "2", "--batch-size", "2")
    assert result.exit_code == 0, result.output
    assert outputs(one) == outputs(two)


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
