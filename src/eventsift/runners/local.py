"""Run the pipeline in this process, with a progress bar and a summary."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventsift.errors import IngestError
from eventsift.nlp import describe_device
from eventsift.pipeline import RunReport, Settings, load, run_articles

console = Console(stderr=True)


def run_local(inputs: list[Path], *, manifest: Path | None, columns: dict[str, str] | None, db: Path,
              out_dir: Path | None, settings: Settings, workers: int = 1) -> RunReport:
    """Run here: in this process, or with ``workers`` > 1 on that many worker processes."""
    from contextlib import nullcontext

    from eventsift.export import write_outputs
    from eventsift.ingest import LanguageDetector
    from eventsift.merge import merge_store
    from eventsift.runners.pool import worker_pool
    from eventsift.runners.sources import plan, read_units
    from eventsift.store import Store

    with console.status("loading the language model and gazetteer"):
        loaded = load(settings)
        languages = LanguageDetector.load() if settings.detect_language else None
    console.print(f"device: {describe_device(loaded.nlp)}", highlight=False)
    pool = worker_pool(loaded, settings, workers=workers) if workers > 1 else nullcontext(None)
    with pool as process, Store.open(db) as store:
        articles = read_units(plan(inputs, manifest=manifest), columns=columns, max_bytes=settings.max_bytes,
                              languages=languages)
        with Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("articles", total=None)
            report = run_articles(articles, loaded, store, settings=settings, on_reject=print_reject,
                                  on_progress=lambda n: progress.advance(task, n), process=process)
        events = merge_store(store)
        if out_dir is not None:
            write_outputs(store, out_dir)
    print_summary(report, n_events=len(events), db=db, out_dir=out_dir)
    return report


def run_on_ray(inputs: list[Path], *, address: str | None, manifest: Path | None, columns: dict[str, str] | None,
               db: Path, out_dir: Path | None, settings: Settings, workers: int | None = None,
               shards: str | None = None) -> RunReport:
    """Run on a Ray cluster (``address``), or on Ray started here when it is None."""
    from eventsift.runners.ray import run_ray

    with console.status(f"extracting on Ray ({address or 'local'})"):
        report, n_events = run_ray(inputs, address=address, manifest=manifest, columns=columns, db=db,
                                   out_dir=out_dir, settings=settings, workers=workers, shards=shards,
                                   on_reject=print_reject)
    print_summary(report, n_events=n_events, db=db, out_dir=out_dir)
    return report


def print_reject(err: IngestError) -> None:
    console.print(f"[yellow]skipped[/] {escape(err.source)} [yellow]({err.reason})[/]: {escape(err.detail)}",
                  highlight=False, markup=True, soft_wrap=True)


def print_summary(report: RunReport, *, n_events: int, db: Path, out_dir: Path | None) -> None:
    console.print(f"{report.articles} new articles, {report.mentions} mentions, {n_events} events in {db}"
                  + (f"; {report.skipped_known} already stored" if report.skipped_known else "")
                  + (f"; {report.copies} copies of stored articles recorded as extra sources" if report.copies
                     else "")
                  + (f"; [red]{len(report.rejects)} inputs skipped[/] ("
                     + ", ".join(f"{n} {reason}" for reason, n in report.skipped_by_reason().items()) + ")"
                     if report.rejects else ""), soft_wrap=True)
    if out_dir is not None:
        console.print(f"exports written to {out_dir}/")


def show_events(db: Path, *, limit: int) -> None:
    from eventsift.store import Store

    with Store.open(db, read_only=True) as store:
        events = store.events()
    events.sort(key=lambda e: (e.date.start.isoformat() if e.date else "9999", e.event_id))
    table = Table(title=f"{len(events)} events in {db}", show_lines=False)
    for col in ("date", "type", "actor1", "actor2", "where", "killed", "sources"):
        table.add_column(col, overflow="fold", no_wrap=col == "date")
    out = Console()
    for e in events[:limit]:
        when = "" if e.date is None else (e.date.start.isoformat() if e.date.start == e.date.end
                                          else f"{e.date.start}..{e.date.end}")
        where = "" if e.location is None else f"{e.location.name} ({e.location.country or '?'}, {e.location.precision})"
        table.add_row(when, e.sub_event_type.replace("_", " "), e.actor1.name if e.actor1 else "",
                      e.actor2.name if e.actor2 else "", where,
                      "" if e.fatalities is None else str(e.fatalities), str(len(e.sources) or len(e.mentions))
                      + (" ⚠" if e.conflicts else ""))
    out.print(table)
    if len(events) > limit:
        out.print(f"... {len(events) - limit} more (use --limit)")
