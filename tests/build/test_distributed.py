"""``kg build --scheduler``: extraction on a real Dask cluster (two worker processes, loopback)."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner
from test_corpus import outputs, write_corpus

from kg.cli import main
from kg.errors import KgError

pytest.importorskip("distributed")


def run(*args: str):
    return CliRunner().invoke(main, [*args, "--quiet"], catch_exceptions=False)


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two single-threaded worker processes on 127.0.0.1, shut down after."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            processes=True,
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        ) as local,
        Client(local) as client,
    ):
        yield local, client


@pytest.mark.slow
def test_dask_build_matches_the_single_process_build(tmp_path, cluster) -> None:
    from kg.build.cache import _code_digest
    from kg.nlp.pipeline import pipeline_loads

    _code_digest.cache_clear()  # compare with the workers' view of kg's code now
    local, client = cluster
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(12))
    one, dask = tmp_path / "one", tmp_path / "dask"
    assert run("build", str(corpus), "--out", str(one), "--workers", "1").exit_code == 0
    result = run(
        "build", str(corpus), "--out", str(dask), "--scheduler", local.scheduler_address,
        "--batch-size", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "parsed 12 documents" in result.output
    assert outputs(one) == outputs(dask)
    # Six tasks on two workers: each worker process loaded the pipeline exactly once.
    loads = client.run(pipeline_loads)
    assert sorted(loads.values()) == [1, 1], loads

    again = run("build", str(corpus), "--out", str(dask), "--scheduler", local.scheduler_address)
    assert "parsed 0 documents, 12 from the cache" in again.output


def test_unreachable_scheduler_is_a_one_line_error(tmp_path) -> None:
    from kg.build.distributed import dask_extract_chunks
    from kg.model import Document

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    chunks = [[Document("a", "Texte.")]]
    with pytest.raises(KgError, match="cannot reach the Dask scheduler") as info:
        list(
            dask_extract_chunks(
                chunks, scheduler=f"tcp://127.0.0.1:{port}", model="fr_core_news_md", timeout=1
            )
        )
    assert "\n" not in str(info.value)
