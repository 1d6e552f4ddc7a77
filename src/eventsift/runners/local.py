"""Run the pipeline in this process, with a progress bar and a summary."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventsift.errors import IngestError
from eventsift.pipeline import RunReport, Settings, load, run_articles

console = Console(stderr=True)


def run_local(inputs: list[Path], *, manifest: Path | None, columns: dict[str, str] | None, db: Path,
              out_dir: Path | None, settings: Settings) -> RunReport:
    from eventsift.export import write_outputs
    from eventsift.ingest import read_inputs
    from eventsift.merge import merge_store
    from eventsift.store import Store

    with console.status("loading the language model and gazetteer"):
        loaded = load(settings)
    with Store.open(db) as store:
        articles = read_inputs(inputs, manifest=manifest, columns=columns, max_bytes=settings.max_bytes)

        def reject(err: IngestError) -> None:
            console.print(f"[yellow]skipped[/] {err}", highlight=False, markup=True)

        with Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as progress:
            task = progress.add_task("articles", total=None)
            report = run_articles(articles, loaded, store, settings=settings, on_reject=reject,
                                  on_progress=lambda n: progress.advance(task, n))
        events = merge_store(store)
        if out_dir is not None:
            write_outputs(store, out_dir)
    console.print(f"{report.articles} new articles, {report.mentions} mentions, {len(events)} events in {db}"
                  + (f"; {report.skipped_known} already stored" if report.skipped_known else "")
                  + (f"; [red]{len(report.rejects)} inputs skipped[/]" if report.rejects else ""))
    if out_dir is not None:
        console.print(f"exports written to {out_dir}/")
    return report


def show_events(db: Path, *, limit: int) -> None:
    from eventsift.store import Store

    with Store.open(db, read_only=True) as store:
        events = store.events()
    events.sort(key=lambda e: (e.date.start.isoformat() if e.date else "9999", e.event_id))
    table = Table(title=f"{len(events)} events in {db}", show_lines=False)
    for col in ("date", "type", "actor1", "actor2", "where", "killed", "sources"):
        table.add_column(col, overflow="fold")
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
