"""The ``kg`` command: a thin click layer over :mod:`kg.build`, :mod:`kg.api` and :mod:`kg.store`.

Why thin: every behaviour lives in the library, where notebooks and tests reach it too;
``kg build`` and ``kg extract`` take the build path :func:`kg.build` takes
(:mod:`kg.build`), with the options of a :class:`~kg.build.BuildOptions`.
Errors a user can fix (:class:`~kg.errors.KgError`) print one line and exit with code 2.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

_DATE_HELP = "Publication date YYYY-MM-DD (else the JSONL 'date', else a dateline)."


class _Warnings(logging.Handler):
    """Print the library's warnings (a skipped document) as ``kg: warning: ...`` lines.

    Why a handler that looks up stderr when it prints: click's test runner swaps the stream.
    """

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"kg: warning: {record.getMessage()}", err=True)


def _show_warnings() -> None:
    logger = logging.getLogger("kg")
    if not any(isinstance(h, _Warnings) for h in logger.handlers):
        logger.addHandler(_Warnings(logging.WARNING))


def _friendly(func: F) -> F:
    """Turn KgError into a one-line message and exit code 2, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _show_warnings()
        try:
            return func(*args, **kwargs)
        except KgError as e:
            click.echo(f"kg: error: {e}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


class _Group(click.Group):
    """A group whose ``kg --help`` lists each command's first docstring line whole.

    Why: click shortens a summary to the terminal's width ("Print the extraction of FILE
    as JSONL: one JSON object per..."), which cuts the part that says what it does.
    """

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, (command.help or "").strip().split("\n")[0]))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows, col_max=10)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: French news articles in; a knowledge graph and a timeline out."""


def _common(func: F) -> F:
    func = click.option(
        "--model", default=None, help="fr_core_news_md (default) or fr_core_news_sm."
    )(func)
    func = click.option(
        "--lang",
        default=None,
        help="Language of the articles [default: fr; given, texts that do not look like it "
        "are read anyway].",
    )(func)
    func = click.option("--date", "date", default=None, help=_DATE_HELP)(func)
    return func


@main.command()
@click.argument("inputs", metavar="CORPUS...", nargs=-1, required=True)
@click.option("--out", "out", default="out", show_default=True, help="Folder for the outputs.")
@_common
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Processes that parse documents (default: every core; ignored with --scheduler).",
)
@click.option(
    "--batch-size",
    type=int,
    default=16,
    show_default=True,
    help="Documents per spaCy batch and per task sent to a worker.",
)
@click.option(
    "--cache",
    "cache",
    default=None,
    help="Folder of cached extractions (default: OUT/.kg-cache).",
)
@click.option("--rebuild", is_flag=True, help="Parse every document again, ignoring the cache.")
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:PORT",
    help="Parse on a Dask cluster (pip install 'kg[distributed]').",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or notes on stderr.")
@click.option(
    "--max-nodes",
    type=int,
    default=None,
    help="Draw at most N entities in graph.html, the best connected (other outputs are whole).",
)
@click.option(
    "--focus",
    default=None,
    metavar="ENTITY",
    help="Draw only this entity's neighbourhood in graph.html (an id or part of a name).",
)
@click.option("--hops", type=int, default=1, show_default=True, help="Reach of --focus.")
@_friendly
def build(
    inputs: tuple[str, ...],
    out: str,
    date: str | None,
    lang: str,
    model: str | None,
    workers: int | None,
    batch_size: int,
    cache: str | None,
    rebuild: bool,
    scheduler: str | None,
    quiet: bool,
    max_nodes: int | None,
    focus: str | None,
    hops: int,
) -> None:
    """Build the graph, RDF, HTML and timeline of CORPUS.

    CORPUS: .txt files, folders, .jsonl files, or quoted glob patterns ('news/**/*.txt').
    Only documents new or changed since the last run into the same cache are parsed; a run
    that was interrupted continues where it stopped.

    \b
    Examples:
      kg build examples/*.txt --out out
      kg build examples/corpus_hydrogene.jsonl --out corpus --max-nodes 200
    """
    from kg.api import BuildResult
    from kg.build import CACHE_DIRNAME, BuildOptions, Corpus, build_corpus
    from kg.export.outputs import check_out_folder

    check_out_folder(out)

    options = BuildOptions(
        date=date,
        lang=lang or "fr",
        model=model,
        workers=workers,
        batch_size=batch_size,
        cache=Path(cache) if cache else Path(out) / CACHE_DIRNAME,
        rebuild=rebuild,
        scheduler=scheduler,
        progress=not quiet,
    )
    corpus = Corpus.from_paths(
        inputs, date=options.date, lang=options.lang, check_language=lang is None
    )
    run = build_corpus(corpus, options)
    if not quiet:
        click.echo("kg: writing outputs", err=True)
    result = BuildResult.from_run(run)
    written = result.save(out, max_nodes=max_nodes, focus=focus, hops=hops)
    counts = result.summary()
    click.echo(
        f"kg: {counts['documents']} documents, {counts['entities']} entities, "
        f"{counts['relations']} relations, {counts['dates']} dated timeline rows"
    )
    click.echo(f"kg: parsed {run.parsed} documents, {run.cached} from the cache {run.cache}/")
    click.echo(f"kg: wrote {len(written)} files to {Path(out).resolve()}/")
    click.echo(f"kg: open {written['graph.html'].absolute()} in a browser (works offline)")
    click.echo(f"kg: timeline in {written['timeline.html'].absolute()}")


@main.command()
@click.argument("file")
@_common
@_friendly
def extract(file: str, date: str | None, lang: str, model: str | None) -> None:
    """Print the extraction of FILE as JSONL: one JSON object per line and document."""
    from kg.build import BuildOptions, Corpus, extract_corpus

    options = BuildOptions(date=date, lang=lang or "fr", model=model)
    corpus = Corpus.from_paths(
        [file], date=options.date, lang=options.lang, check_language=lang is None
    )
    run = extract_corpus(corpus, options)
    for x in run.extractions:
        # One line per document: `kg extract corpus.jsonl | jq`, `wc -l` and pandas read it.
        click.echo(json.dumps(x.to_dict(), ensure_ascii=False, sort_keys=True))


@main.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.option(
    "--store", "store", type=click.Path(path_type=Path), help="Embedded Oxigraph store folder."
)
@click.option(
    "--endpoint", help="SPARQL 1.1 Graph Store Protocol URL (e.g. http://127.0.0.1:7878/store)."
)
@_friendly
def load(out_dir: Path, store: Path | None, endpoint: str | None) -> None:
    """Load OUT_DIR's graph.trig into a store; an article loaded again replaces its graph."""
    from kg.store import load_endpoint, load_store

    if bool(store) == bool(endpoint):
        raise KgError("give exactly one of --store PATH or --endpoint URL")
    source = out_dir / "graph.trig" if out_dir.is_dir() else out_dir
    if not source.exists():
        raise KgError(f"{source}: not found; run 'kg build ... --out {out_dir}' first")
    count = load_store([source], store) if store else load_endpoint([source], endpoint or "")
    click.echo(f"kg: loaded {count} quads into {store or endpoint}")


@main.command()
@click.argument("target")
@click.argument("sparql")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="How to print the rows: an aligned table, CSV, or a JSON list of objects.",
)
@_friendly
def query(target: str, sparql: str, fmt: str) -> None:
    """Run SPARQL on TARGET: a store folder, an RDF file or an http(s) endpoint.

    SPARQL is the query text, or @FILE to read it from a file.

    \b
    Example:
      kg query out/graph.trig @ontology/queries/02_coalition_leaders.rq
    """
    from kg.sparql import format_table
    from kg.store import query as run_query

    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text("utf-8")
        except OSError as e:
            raise KgError(f"cannot read query file {sparql[1:]}: {e.strerror}") from None
    variables, rows = run_query(target, sparql)
    click.echo(format_table(variables, rows, fmt), nl=False)
    if not rows and target.startswith(("http://", "https://")):
        _warn_if_only_named_graphs(target)


def _warn_if_only_named_graphs(endpoint: str) -> None:
    """Say why a server query found nothing when kg's data sits in named graphs only.

    kg loads one named graph per article; Oxigraph started without --union-default-graph
    keeps its default graph empty, so a query without GRAPH finds 0 rows without a word.
    """
    from kg.store import query as run_query

    try:
        _, default = run_query(endpoint, "ASK { ?s ?p ?o }")
        _, named = run_query(endpoint, "ASK { GRAPH ?g { ?s ?p ?o } }")
    except KgError:
        return
    if default == [("false",)] and named == [("true",)]:
        click.echo(
            "kg: warning: the endpoint's default graph is empty but its named graphs hold "
            "data (one per article): start Oxigraph with --union-default-graph, or query "
            "inside GRAPH ?g { ... }",
            err=True,
        )


@main.command()
def schema() -> None:
    """Print the JSON Schema of the extraction JSON."""
    from importlib import resources

    click.echo(resources.files("kg").joinpath("schema/extraction.schema.json").read_text("utf-8"))


if __name__ == "__main__":
    main()
