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
    # trafilatura reports pages it cannot parse on its own; eventsift's one-line skip
    # message already says so
    logging.getLogger("trafilatura").setLevel(max(level, logging.ERROR))


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
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles parsed per spaCy batch and stored per transaction.")
@click.option("--max-bytes", default=20_000_000, show_default=True, type=click.IntRange(1),
              help="Skip input files larger than this.")
@click.option("--workers", type=click.IntRange(1, 512),
              help="Parse and extract on N processes (default 1; with --ray: actors, default one per CPU).")
@click.option("--ray", "ray_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
              help="Extract on Ray: a cluster's address (ray://HOST:10001, HOST:6379, auto), or Ray started "
                   "here with 'local' or no address (then give --ray last). Needs the [ray] extra.")
@click.option("--shards", help="With --ray: where the Parquet shards of mentions go (a path every node and this "
                               "machine can reach); default: a temporary folder beside --db, removed after.")
@click.option("--device", type=click.Choice(["auto", "cpu", "gpu"]), default="auto", show_default=True,
              help="Where spaCy runs: auto puts a transformer pipeline on a GPU when there is one.")
def run(inputs: tuple[Path, ...], manifest: Path | None, columns: str | None, db: Path, out_dir: Path | None,
        actors_file: Path | None, batch_size: int, max_bytes: int, workers: int | None, ray_address: str | None,
        shards: str | None, device: str) -> None:
    """Extract events from ARTICLES (files, directories, globs; txt, html, JSONL, CSV, Parquet) into the store."""
    from eventsift.runners.local import run_local, run_on_ray
    from eventsift.pipeline import Settings

    settings = Settings(batch_size=batch_size, actors_file=actors_file, max_bytes=max_bytes, device=device)
    if ray_address is not None:
        report = run_on_ray(list(inputs), address=None if ray_address == "local" else ray_address,
                            manifest=manifest, columns=_parse_columns(columns), db=db, out_dir=out_dir,
                            settings=settings, workers=workers, shards=shards)
    else:
        report = run_local(list(inputs), manifest=manifest, columns=_parse_columns(columns), db=db,
                           out_dir=out_dir, settings=settings, workers=workers or 1)
    if report.rejects:
        sys.exit(1)


@cli.command()
@DB_OPTION
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1), help="Show at most this many events.")
def show(db: Path, limit: int) -> None:
    """Show the stored events as a table."""
    from eventsift.runners.local import show_events

    show_events(db, limit=limit)


@cli.command()
@DB_OPTION
@click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. SY.")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), help="First day (YYYY-MM-DD).")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), help="Last day (YYYY-MM-DD).")
def timeline(db: Path, country: str | None, start, end) -> None:
    """Print a day-by-day timeline of the stored events, with sources, stories and conflicts."""
    from eventsift.timeline import show_timeline

    show_timeline(db, country=country, start=start and start.date(), end=end and end.date())


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "parquet"]), default="jsonl",
              show_default=True, help="File format; csv uses ACLED's column names.")
@click.option("--level", type=click.Choice(["mentions", "events"]), default="events", show_default=True,
              help="One record per merged event, or per mention (one article's report).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (replaced only once complete).")
def export(db: Path, fmt: str, level: str, output: Path) -> None:
    """Export mentions or events from the store."""
    from eventsift.export import export as do_export
    from eventsift.store import Store

    with Store.open(db, read_only=True) as store:
        n = do_export(store, fmt=fmt, level=level, path=output)
    click.echo(f"wrote {n} {level} to {output}", err=True)


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("-c", "--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file of sources, fetch settings and alert rules.")
@DB_OPTION
@click.option("--once", is_flag=True, help="Run one polling cycle and exit (for cron and tests).")
@click.option("--alert-log", type=click.Path(dir_okay=False, path_type=Path), help="Append alerts here (JSONL).")
def watch(urls: tuple[str, ...], config_file: Path | None, db: Path, once: bool, alert_log: Path | None) -> None:
    """Poll RSS/Atom feeds, sitemaps or pages (URLS and/or --config) into the store, firing alerts."""
    from eventsift.watch import load_config, watch as run_watch

    config = load_config(config_file, urls=urls, alert_log=alert_log)
    try:
        run_watch(config, db=db, once=once, echo=lambda line: click.echo(line, err=True))
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--tiles", envvar="EVENTSIFT_TILE_URL", metavar="URL",
              help="Online map tiles under the offline borders, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                   "(env EVENTSIFT_TILE_URL).")
@click.option("--tiles-attribution", envvar="EVENTSIFT_TILE_ATTRIBUTION", help="Credit line for --tiles.")
def serve(db: Path, host: str, port: int, tiles: str | None, tiles_attribution: str | None) -> None:
    """Serve the JSON API and the web page (map, timeline, evidence) over the store."""
    try:
        from eventsift.server.app import ServerSettings, serve as run_server
    except ImportError as exc:
        raise click.ClickException(f"`eventsift serve` needs the server extra ({exc.name} is missing): "
                                   "pip install 'eventsift[server]'") from exc
    settings = ServerSettings(db=db, tile_url=tiles, tile_attribution=tiles_attribution)
    run_server(settings, host=host, port=port,
               announce=lambda url: click.echo(f"serving {db} at {url} (Ctrl+C to stop)", err=True))


@cli.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gold-spans", is_flag=True, help="Place the toponyms the corpus marks instead of finding them.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="JSONL, one line per toponym: doc, start, end, lat, lon, geonames_id.")
@click.option("--model", help="spaCy pipeline that finds toponyms (default: the English one eventsift uses).")
def geoparse(corpus: Path, gold_spans: bool, output: Path, model: str | None) -> None:
    """Find and place the toponyms of a GeoWebNews, LGL or TR-News XML CORPUS."""
    from eventsift.geo.corpus import geoparse_file

    n = geoparse_file(corpus, output, gold_spans=gold_spans, model=model)
    click.echo(f"wrote {n} toponyms to {output}", err=True)


@cli.command("eval")
@click.argument("dataset", metavar="seeds|fakes|plover|case2021|snippets|GOLD.jsonl")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), help="FA-KES rows to use (default dev).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("../shared/data"),
              show_default=True, help="Folder holding fakes/, plover/, case2021/ (seeds: ../samples, ../gold).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="Store to extract into and score; kept as it is (default: a fresh one in --out).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where mentions.jsonl, figures.json and misses.jsonl go (default out/eval/DATASET).")
@click.option("--articles", type=click.Path(path_type=Path), help="With a GOLD.jsonl: the articles it codes.")
def eval_(dataset: str, split: str | None, data_dir: Path, db: Path | None, out_dir: Path | None,
          articles: Path | None) -> None:
    """Run the pipeline on a data set (or the articles of a gold file) and print its measurements."""
    from eventsift.eval.show import run_eval

    run_eval(dataset, data_dir=data_dir, split=split, db=db, out_dir=out_dir, articles=articles)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except EventsiftError as exc:
        click.echo(f"eventsift: error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
