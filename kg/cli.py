"""The ``kg`` command: a thin click layer over :mod:`kg.api` and :mod:`kg.store`.

Why thin: every behaviour lives in the library, where notebooks and tests reach it too.
Errors a user can fix (:class:`~kg.errors.KgError`) print one line and exit with code 2.
"""

from __future__ import annotations

import json
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


def _friendly(func: F) -> F:
    """Turn KgError into a one-line message and exit code 2, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as e:
            click.echo(f"kg: error: {e}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: French news articles in; a knowledge graph and a timeline out."""


def _common(func: F) -> F:
    func = click.option(
        "--model", default=None, help="fr_core_news_md (default) or fr_core_news_sm."
    )(func)
    func = click.option(
        "--lang", default="fr", show_default=True, help="Language of the articles."
    )(func)
    func = click.option("--date", "date", default=None, help=_DATE_HELP)(func)
    return func


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", default="out", show_default=True, help="Folder for the outputs.")
@_common
@_friendly
def build(
    inputs: tuple[str, ...], out: str, date: str | None, lang: str, model: str | None
) -> None:
    """Build the graph, RDF, HTML and timeline of INPUTS (.txt, folders, .jsonl)."""
    from kg.api import build as run_build
    from kg.io import parse_date

    parsed = parse_date(date) if date else None
    result = run_build([Path(p) for p in inputs], date=parsed, lang=lang, model=model)
    written = result.save(out)
    counts = result.summary()
    click.echo(
        f"kg: {counts['documents']} documents, {counts['entities']} entities, "
        f"{counts['relations']} relations, {counts['dates']} dated timeline rows"
    )
    click.echo(f"kg: wrote {len(written)} files to {Path(out).resolve()}/")
    click.echo(f"kg: open {written['graph.html'].resolve()} in a browser (works offline)")
    click.echo(f"kg: timeline in {written['timeline.html'].resolve()}")


@main.command()
@click.argument("file")
@_common
@_friendly
def extract(file: str, date: str | None, lang: str, model: str | None) -> None:
    """Print the extraction JSON of FILE (one JSON object per document)."""
    from kg.api import extract as run_extract
    from kg.io import parse_date

    parsed = parse_date(date) if date else None
    for x in run_extract([Path(file)], date=parsed, lang=lang, model=model):
        click.echo(json.dumps(x.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))


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
)
@_friendly
def query(target: str, sparql: str, fmt: str) -> None:
    """Run SPARQL on TARGET: a store folder, an RDF file or an http(s) endpoint."""
    from kg.store import format_table
    from kg.store import query as run_query

    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text("utf-8")
        except OSError as e:
            raise KgError(f"cannot read query file {sparql[1:]}: {e.strerror}") from None
    variables, rows = run_query(target, sparql)
    click.echo(format_table(variables, rows, fmt), nl=False)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the extraction JSON."""
    from importlib import resources

    click.echo(resources.files("kg").joinpath("schema/extraction.schema.json").read_text("utf-8"))
