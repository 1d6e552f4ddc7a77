"""Fixtures for the watch tests: a live local news site, fast fetch settings, a watcher factory."""
from __future__ import annotations

import pytest

from eventsift.store import Store
from eventsift.watch import WatchConfig, Watcher
from eventsift.watch.fetch import Fetcher
from newssite import NewsSite
from watchkit import FAST


@pytest.fixture
def site():
    with NewsSite() as s:
        yield s


@pytest.fixture
def make_watcher(loaded, tmp_path):
    """make_watcher(sources, rules=..., fetch=...) -> (watcher, store); closed after the test.

    Calling it again on the same db opens a fresh store, fetcher and watcher: a restart."""
    opened = []

    def make(sources, *, rules=(), fetch=FAST, db=None, alert_log=None, webhook=None):
        for cm, fetcher in opened:
            fetcher.close()
            cm.__exit__(None, None, None)
        opened.clear()
        cfg = WatchConfig(sources=tuple(sources), rules=tuple(rules), fetch=fetch,
                          alert_log=alert_log or tmp_path / "alerts.jsonl", webhook=webhook)
        cm = Store.open(db or tmp_path / "watch.duckdb")
        store = cm.__enter__()
        fetcher = Fetcher(fetch)
        opened.append((cm, fetcher))
        return Watcher(cfg, store=store, loaded=loaded, fetcher=fetcher), store

    yield make
    for cm, fetcher in opened:
        fetcher.close()
        cm.__exit__(None, None, None)

