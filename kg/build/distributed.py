"""Extraction on a Dask distributed cluster (``kg build CORPUS --scheduler tcp://HOST:PORT``).

Why Dask: a scheduler and workers on several machines are two commands away
(``dask scheduler``, ``dask worker``), and the client only needs the scheduler's address.
Dask is optional (``pip install 'kg[distributed]'``) and imported only here.

Each task is one chunk of documents; the worker runs
:func:`kg.nlp.pipeline.extract_chunk`, which loads the spaCy pipeline once per worker process
and returns plain :class:`~kg.model.Extraction` records. The client keeps a bounded number of
chunks in flight and yields results in input order, so the rest of ``kg build`` (cache,
graph, outputs) is the same as a local run and so are the outputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kg.errors import KgError
from kg.model import Document, Extraction

__all__ = ["check_scheduler", "dask_extract_chunks"]

_INSTALL = "pip install 'kg[distributed]'"


def check_scheduler(address: str) -> str:
    """Check that Dask is installed and ``address`` looks like ``tcp://HOST:PORT``.

    Runs before the corpus is read, so a typo fails at once (a malformed address given to
    ``distributed.Client`` leaves an object that blocks for 40 s when collected).

    Raises:
        KgError: Dask is missing or the address is malformed.
    """
    try:
        import distributed  # noqa: F401
        from distributed.comm.addressing import parse_address, parse_host_port
    except ImportError:
        raise KgError(f"--scheduler needs Dask distributed: {_INSTALL}") from None
    try:
        _, location = parse_address(address, strict=False)
        parse_host_port(location)
    except ValueError:
        raise KgError(
            f"invalid --scheduler {address!r}: give the scheduler's address as tcp://HOST:PORT"
        ) from None
    return address


def _client(address: str, timeout: float) -> Any:
    check_scheduler(address)
    from distributed import Client

    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise KgError(
            f"cannot reach the Dask scheduler at {address} ({reason}); start one with "
            f"'dask scheduler' and give its tcp://HOST:PORT address"
        ) from None


def _worker_fingerprint(model: str, lang: str) -> str:
    from kg.build.cache import pipeline_fingerprint

    return pipeline_fingerprint(model, lang)


def dask_extract_chunks(
    chunks: Iterable[Sequence[Document]],
    *,
    scheduler: str,
    model: str,
    lang: str = "fr",
    batch_size: int = 16,
    fingerprint: str | None = None,
    timeout: float = 20.0,
) -> Iterator[tuple[Sequence[Document], list[Extraction]]]:
    """Extract chunks on the cluster at ``scheduler``; yield ``(chunk, extractions)`` in order.

    Args:
        chunks: lists of documents, read lazily; each becomes one task.
        scheduler: the scheduler address, e.g. ``tcp://10.0.0.5:8786``.
        model, lang: the pipeline every worker loads (once per worker process).
        fingerprint: this process's :func:`kg.build.cache.pipeline_fingerprint`; workers whose
            kg, model or spaCy differ are refused, so a cache never mixes two pipelines.
        timeout: seconds to wait for the scheduler and for a first worker.

    Raises:
        KgError: Dask is not installed, the scheduler is unreachable, it has no worker, or
            workers run another kg version or model.
    """
    from kg.nlp.pipeline import extract_chunk, in_order

    client = _client(scheduler, timeout)
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise KgError(
                f"the Dask scheduler at {scheduler} has no worker; start some with "
                f"'dask worker {scheduler} --nthreads 1'"
            ) from None
        if fingerprint is not None:
            prints = client.run(_worker_fingerprint, model, lang)
            other = sorted(addr for addr, fp in prints.items() if fp != fingerprint)
            if other:
                raise KgError(
                    f"Dask workers {', '.join(other)} run another kg, spaCy or model "
                    f"than this machine; install the same versions everywhere"
                )
        nthreads = sum(client.nthreads().values()) or 1
        yield from in_order(
            chunks,
            lambda chunk: client.submit(
                extract_chunk, list(chunk), model, lang, batch_size, pure=False
            ),
            2 * nthreads,
        )
    finally:
        client.close()
