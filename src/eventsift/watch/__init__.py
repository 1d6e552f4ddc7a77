"""Watch feeds and sitemaps: new articles into the store as they appear, alerts on matching events.

    >>> cfg = load_config("watch.toml")                      # doctest: +SKIP
    >>> watch(cfg, db=Path("news.duckdb"), once=True)        # doctest: +SKIP

Modules: ``config`` (TOML -> WatchConfig), ``fetch`` (polite HTTP), ``feeds`` (RSS,
Atom, sitemaps -> URLs), ``state`` (what is remembered across restarts), ``alerts``
(rules -> JSONL log and webhooks), ``watcher`` (the cycle and the loop).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from eventsift.pipeline import Settings
from eventsift.watch.config import FetchSettings, Rule, Source, SourceKind, WatchConfig, load_config
from eventsift.watch.watcher import CycleReport, Watcher

__all__ = ["CycleReport", "FetchSettings", "Rule", "Source", "SourceKind", "WatchConfig", "Watcher",
           "describe", "load_config", "watch"]


def describe(r: CycleReport) -> str:
    """One line summing up a cycle."""
    parts = [f"polled {r.polled} sources" + (f" ({r.not_modified} unchanged)" if r.not_modified else ""),
             f"{r.new_urls} new links", f"{r.articles} articles stored", f"{r.mentions} mentions"]
    if r.duplicates:
        parts.append(f"{r.duplicates} duplicates")
    if r.alerts:
        parts.append(f"{len(r.alerts)} alerts")
    if r.source_errors or r.page_errors:
        parts.append(f"{len(r.source_errors)} source errors, {len(r.page_errors)} page errors")
    lines = ["; ".join(parts)] + [f"  source failed: {e}" for e in r.source_errors]
    lines += [f"  alert {a.rule} ({a.kind}): {a.event.event_id} {a.event.sub_event_type}"
              + (f" in {a.event.location.name}" if a.event.location else "")
              + (f", {a.event.fatalities} killed" if a.event.fatalities is not None else "") for a in r.alerts]
    return "\n".join(lines)


def watch(config: WatchConfig, *, db: Path, once: bool = False, settings: Settings | None = None,
          stop: threading.Event | None = None, echo: Callable[[str], None] = lambda s: None) -> None:
    """Load the pipeline once, then poll ``config``'s sources into the store at ``db``."""
    from eventsift.pipeline import load
    from eventsift.store import Store
    from eventsift.watch.fetch import Fetcher

    settings = settings or Settings()
    loaded = load(settings)
    with Store.open(db) as store, Fetcher(config.fetch) as fetcher:
        watcher = Watcher(config, store=store, loaded=loaded, settings=settings, fetcher=fetcher)
        watcher.run(once=once, stop=stop, on_cycle=lambda r: echo(describe(r)))
