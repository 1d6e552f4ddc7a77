"""What the watcher remembers between cycles and across restarts, in the store's DuckDB.

Tables (created on first use, beside the store's own)
    watch_sources   per feed: consecutive failures, when to poll next, last error
    watch_http      per URL: the ETag and Last-Modified of its last answer (conditional GET)
    watch_urls      per article URL: done / duplicate / failed (try again at next_try) / gone
    watch_alerted   per alert rule: the mentions its alerts have covered
    watch_alert_sig per alert rule and event: the event's state when last seen
    watch_meta      key/value (the alert high-water mark)

Times are naive UTC. Each method is one statement or one transaction.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import NamedTuple

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_sources (url VARCHAR PRIMARY KEY, failures INTEGER, next_poll TIMESTAMP,
    last_ok TIMESTAMP, last_error VARCHAR, polls INTEGER, errors INTEGER);
CREATE TABLE IF NOT EXISTS watch_http (url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR);
CREATE TABLE IF NOT EXISTS watch_urls (url VARCHAR PRIMARY KEY, doc_id VARCHAR, status VARCHAR, reason VARCHAR,
    source VARCHAR, attempts INTEGER, next_try TIMESTAMP, title VARCHAR, published DATE, seen_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS watch_alerted (rule VARCHAR, mention_id VARCHAR, PRIMARY KEY (rule, mention_id));
CREATE TABLE IF NOT EXISTS watch_alert_sig (rule VARCHAR, event_id VARCHAR, sig VARCHAR,
    PRIMARY KEY (rule, event_id));
CREATE TABLE IF NOT EXISTS watch_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
"""

DONE, DUPLICATE, FAILED, GONE = "done", "duplicate", "failed", "gone"


class UrlMark(NamedTuple):
    """What became of one article URL."""
    url: str
    doc_id: str
    status: str  # DONE, DUPLICATE, FAILED, GONE
    source: str  # the feed that listed it
    reason: str | None = None  # why it failed or was given up; for a duplicate, the doc_id it copies
    attempts: int = 1
    next_try: datetime | None = None
    title: str | None = None
    published: date | None = None


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _in(n: int) -> str:
    return "(" + ", ".join("?" * n) + ")"


class WatchState:
    """The watcher's tables in an open :class:`~eventsift.store.Store`; call :meth:`create` once."""

    def __init__(self, store) -> None:
        self.store = store
        self.con = store.con

    def create(self) -> WatchState:
        with self.store.transaction():
            self.con.execute(SCHEMA)
        return self

    # ---- sources -------------------------------------------------------------------

    def next_poll(self, url: str) -> datetime | None:
        row = self.con.execute("SELECT next_poll FROM watch_sources WHERE url = ?", [url]).fetchone()
        return row[0] if row else None

    def source_ok(self, url: str, *, next_poll: datetime) -> None:
        now = utcnow()
        self.con.execute("""INSERT INTO watch_sources VALUES (?, 0, ?, ?, NULL, 1, 0) ON CONFLICT (url) DO UPDATE
            SET failures = 0, next_poll = excluded.next_poll, last_ok = excluded.last_ok,
                polls = watch_sources.polls + 1""", [url, next_poll, now])

    def source_failed(self, url: str, error: str) -> int:
        """Count one more failure in a row; returns how many there are now."""
        row = self.con.execute("""INSERT INTO watch_sources VALUES (?, 1, NULL, NULL, ?, 1, 1) ON CONFLICT (url)
            DO UPDATE SET failures = watch_sources.failures + 1, last_error = excluded.last_error,
                polls = watch_sources.polls + 1, errors = watch_sources.errors + 1
            RETURNING failures""", [url, error]).fetchone()
        return int(row[0])

    def set_next_poll(self, url: str, when: datetime) -> None:
        self.con.execute("UPDATE watch_sources SET next_poll = ? WHERE url = ?", [when, url])

    def sources(self) -> list[dict]:
        return self.store.query("SELECT * FROM watch_sources ORDER BY url")

    # ---- conditional GET -------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT etag, last_modified FROM watch_http WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if etag is None and last_modified is None:
            self.con.execute("DELETE FROM watch_http WHERE url = ?", [url])
            return
        self.con.execute("INSERT INTO watch_http VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                         "etag = excluded.etag, last_modified = excluded.last_modified", [url, etag, last_modified])

    # ---- article URLs ------------------------------------------------------------------

    def due_urls(self, urls: Sequence[str], *, now: datetime) -> list[str]:
        """Those of ``urls`` never seen, or failed and due for another try; in the order given."""
        known: dict[str, tuple[str, datetime | None]] = {}
        for i in range(0, len(urls), 1000):
            chunk = list(urls[i:i + 1000])
            known.update({r[0]: (r[1], r[2]) for r in self.con.execute(
                "SELECT url, status, next_try FROM watch_urls WHERE url IN " + _in(len(chunk)), chunk).fetchall()})
        return [u for u in urls if u not in known or (known[u][0] == FAILED and known[u][1] <= now)]

    def attempts(self, url: str) -> int:
        row = self.con.execute("SELECT attempts FROM watch_urls WHERE url = ?", [url]).fetchone()
        return int(row[0]) if row else 0

    def mark_urls(self, marks: Iterable[UrlMark]) -> None:
        """Record what became of article URLs, all in one transaction."""
        marks = list(marks)
        if not marks:
            return
        now = utcnow()
        with self.store.transaction():
            for m in marks:
                self.con.execute("""INSERT INTO watch_urls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url)
                    DO UPDATE SET doc_id = excluded.doc_id, status = excluded.status, reason = excluded.reason,
                        attempts = excluded.attempts, next_try = excluded.next_try""",
                                 [m.url, m.doc_id, m.status, m.reason, m.source, m.attempts, m.next_try, m.title,
                                  m.published, now])

    def retries_due(self, *, now: datetime, limit: int = 1000) -> list[UrlMark]:
        """Failed URLs whose next try is due, oldest first."""
        rows = self.con.execute("""SELECT url, doc_id, status, source, reason, attempts, next_try, title, published
            FROM watch_urls WHERE status = ? AND next_try <= ? ORDER BY next_try, url LIMIT ?""",
                                [FAILED, now, limit]).fetchall()
        return [UrlMark(*r) for r in rows]

    def url_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self.con.execute(
            "SELECT status, count(*) FROM watch_urls GROUP BY status").fetchall()}

    # ---- alerts --------------------------------------------------------------------------

    def alerted(self, rule: str, mention_ids: Sequence[str]) -> set[str]:
        if not mention_ids:
            return set()
        return {r[0] for r in self.con.execute(
            "SELECT mention_id FROM watch_alerted WHERE rule = ? AND mention_id IN " + _in(len(mention_ids)),
            [rule, *mention_ids]).fetchall()}

    def signature(self, rule: str, event_id: str) -> str | None:
        row = self.con.execute("SELECT sig FROM watch_alert_sig WHERE rule = ? AND event_id = ?",
                               [rule, event_id]).fetchone()
        return row[0] if row else None

    def remember(self, rule: str, event_id: str, mention_ids: Iterable[str], sig: str) -> None:
        with self.store.transaction():
            for mid in mention_ids:
                self.con.execute("INSERT INTO watch_alerted VALUES (?, ?) ON CONFLICT DO NOTHING", [rule, mid])
            self.con.execute("INSERT INTO watch_alert_sig VALUES (?, ?, ?) ON CONFLICT (rule, event_id) "
                             "DO UPDATE SET sig = excluded.sig", [rule, event_id, sig])

    def get(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM watch_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self.con.execute("INSERT INTO watch_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         [key, value])
