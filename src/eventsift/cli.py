"""Command line: every command is a thin shell over a library function.

Errors a user can cause (a missing file, a bad value, a store that cannot be opened)
become one line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from eventsift.errors import EventsiftError

log = logging.getLogger("eventsift")
DB_OPTION = click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=Path("eventsift.duckdb"),
                         show_default=True, help="DuckDB file holding articles, mentions and events.")


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="-v for progress details, -vv for debugging.")
@click.version_option(package_name="eventsift")
def cli(verbose: int) -> None:
    """eventsift: news articles about armed conflict in, evidence-backed ACLED-style events out."""
    _setup_logging(verbose)


def _parse_columns(spec: str | None) -> dict[str, str] | None:
    if not spec:
        return None
    out = {}
    for part in spec.split(","):
        key, sep, col = part.partition("=")
        if not sep or not key.strip() or not col.strip():
            raise click.BadParameter(f"expected FIELD=COLUMN pairs separated by commas, got {part!r}",
                                     param_hint="--columns")
        out[key.strip()] = col.strip()
    return out


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--manifest", type=click.Path(path_type=Path), help="JSONL of id, file, published, source, url.")
@click.option("--columns", help="CSV/TSV column mapping, e.g. id=unit_id,text=article_content,published=date")
@DB_OPTION
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write mentions.jsonl, events.jsonl, events.csv and events.geojson here.")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra actor aliases (YAML, same format as the bundled table).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--max-bytes", default=20_000_000, show_default=True, type=click.IntRange(1),
              help="Skip input files larger than this.")
def run(inputs: tuple[Path, ...], manifest: Path | None, columns: str | None, db: Path, out_dir: Path | None,
        actors_file: Path | None, batch_size: int, max_bytes: int) -> None:
    """Extract events from ARTICLES (files, directories, JSONL, CSV) into the store."""
    from eventsift.runners.local import run_local
    from eventsift.pipeline import Settings

    settings = Settings(batch_size=batch_size, actors_file=actors_file, max_bytes=max_bytes)
    report = run_local(list(inputs), manifest=manifest, columns=_parse_columns(columns), db=db,
                       out_dir=out_dir, settings=settings)
    if report.rejects:
        sys.exit(1)


@cli.command()
@DB_OPTION
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
def show(db: Path, limit: int) -> None:
    """Show the stored events as a table."""
    from eventsift.runners.local import show_events

    show_events(db, limit=limit)


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--level", type=click.Choice(["mentions", "events"]), default="events", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export(db: Path, fmt: str, level: str, output: Path) -> None:
    """Export mentions or events from the store."""
    from eventsift.export import export as do_export
    from eventsift.store import Store

    with Store.open(db, read_only=True) as store:
        n = do_export(store, fmt=fmt, level=level, path=output)
    click.echo(f"wrote {n} {level} to {output}", err=True)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except EventsiftError as exc:
        click.echo(f"eventsift: error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
