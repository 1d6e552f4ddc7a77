"""The DuckDB store: the only module that imports duckdb.

Tables
    articles    one row per article processed (text kept: the page shows evidence in it)
    copies      a duplicate article seen under another id, recorded as another source
    mentions    one row per mention, with its event id once merged; ``json`` is the record
    events      one row per merged event, columns for filtering, ``json`` for the record
    rejects     inputs that could not be read, with the reason
    stories     runs of related events (a campaign, a siege); story_events links them to events
    fingerprints  a MinHash of each article's text, for finding near-duplicate copies
    meta        key/value facts about the store (schema version, last update)

Every write is one transaction: an article and all its mentions land together or not
at all, so a run killed at any point leaves a store that a re-run completes. Values
always travel as bound parameters, never spliced into SQL.
"""
from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from eventsift.errors import StoreError
from eventsift.model import Article, Event, Mention
from eventsift.serialize import event_from_dict, event_to_dict, mention_from_dict, mention_to_dict

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
_ROWS_PER_INSERT = 200  # rows per multi-row INSERT: few round trips, statements of sane size

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR, title VARCHAR, published DATE, source VARCHAR,
    url VARCHAR, language VARCHAR, origin VARCHAR, text VARCHAR, n_mentions INTEGER, added_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS copies (
    doc_id VARCHAR PRIMARY KEY, copy_of VARCHAR, source VARCHAR, url VARCHAR, origin VARCHAR, added_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY, doc_id VARCHAR, event_id VARCHAR, event_type VARCHAR, sub_event_type VARCHAR,
    date_start DATE, date_end DATE, country VARCHAR, lat DOUBLE, lon DOUBLE, fatalities INTEGER, json VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, event_type VARCHAR, sub_event_type VARCHAR, date_start DATE, date_end DATE,
    country VARCHAR, admin1 VARCHAR, admin1_code VARCHAR, location VARCHAR, lat DOUBLE, lon DOUBLE,
    precision VARCHAR, actor1 VARCHAR, actor2 VARCHAR, fatalities INTEGER, injuries INTEGER,
    n_sources INTEGER, n_mentions INTEGER, has_conflicts BOOLEAN, sources VARCHAR, search_text VARCHAR,
    first_seen TIMESTAMP, updated_at TIMESTAMP, json VARCHAR);
CREATE TABLE IF NOT EXISTS rejects (source VARCHAR, reason VARCHAR, detail VARCHAR, seen_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS stories (
    story_id VARCHAR PRIMARY KEY, title VARCHAR, country VARCHAR, admin1 VARCHAR, admin1_code VARCHAR,
    actor1 VARCHAR, family VARCHAR, date_start DATE, date_end DATE, n_events INTEGER);
CREATE TABLE IF NOT EXISTS story_events (
    story_id VARCHAR, event_id VARCHAR, pos INTEGER, PRIMARY KEY (story_id, event_id));
CREATE TABLE IF NOT EXISTS fingerprints (doc_id VARCHAR PRIMARY KEY, minhash BLOB);
"""

EVENT_COLUMNS = ("event_id", "event_type", "sub_event_type", "date_start", "date_end", "country", "admin1",
                 "admin1_code", "location", "lat", "lon", "precision", "actor1", "actor2", "fatalities", "injuries",
                 "n_sources", "n_mentions", "has_conflicts", "sources", "search_text", "first_seen", "updated_at",
                 "json")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _event_row(e: Event, *, first_seen: datetime, now: datetime) -> tuple[Any, ...]:
    loc = e.location
    text = " ".join([m.evidence.sentence for m in e.mentions]
                    + [x for x in (e.actor1 and e.actor1.name, e.actor2 and e.actor2.name, loc and loc.name) if x])
    return (e.event_id, str(e.event_type), str(e.sub_event_type), e.date.start if e.date else None,
            e.date.end if e.date else None, loc.country if loc else None, loc.admin1 if loc else None,
            loc.admin1_code if loc else None, loc.name if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, str(loc.precision) if loc else None, e.actor1.name if e.actor1 else None,
            e.actor2.name if e.actor2 else None, e.fatalities, e.injuries, len(e.sources),
            len(e.mentions), bool(e.conflicts), "; ".join(e.sources), text, first_seen, now,
            json.dumps(event_to_dict(e), ensure_ascii=False))


class Store:
    """A DuckDB file of articles, mentions and events. Open with :meth:`open`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    @contextmanager
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> Iterator[Store]:
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no such store; create it with `eventsift run ARTICLES --db {path}`")
        if not read_only and path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store: {str(exc).splitlines()[0]}") from exc
        store = cls(con, path, read_only=read_only)
        try:
            if not read_only:
                store._init_schema()
            else:
                store._check_schema()
            yield store
        finally:
            con.close()

    def _init_schema(self) -> None:
        try:
            with self.transaction():
                self.con.execute(SCHEMA)
                self.con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                                 [SCHEMA_VERSION])
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not an eventsift store ({str(exc).splitlines()[0]})") from exc
        self._check_schema()

    def _check_schema(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not an eventsift store (no meta table)") from exc
        if row is None or row[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {row and row[0]!r} is not {SCHEMA_VERSION!r}; "
                             "re-run into a new --db file")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        one = "(" + ", ".join("?" * len(columns)) + ")"
        cols = ", ".join(columns)
        for i in range(0, len(rows), _ROWS_PER_INSERT):
            chunk = rows[i:i + _ROWS_PER_INSERT]
            params = [v for row in chunk for v in row]
            self.con.execute(f"INSERT INTO {table} ({cols}) VALUES " + ", ".join([one] * len(chunk)), params)

    # ---- articles ------------------------------------------------------------------

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM articles UNION SELECT doc_id FROM copies").fetchall()}

    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT content_hash FROM articles WHERE content_hash <> ''").fetchall()}

    def hash_owner(self, content_hash: str) -> str | None:
        row = self.con.execute("SELECT doc_id FROM articles WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone()
        return row[0] if row else None

    def add_article_results(self, results: Sequence[tuple[Article, Sequence[Mention]]]) -> None:
        """Store a batch of articles with their mentions, all or nothing."""
        now = _now()
        arts, ments = [], []
        for a, mentions in results:
            seen: set[str] = set()
            kept = []
            for m in mentions:
                # Two mentions identical in every part of their id add nothing: keep the first.
                if m.mention_id not in seen:
                    seen.add(m.mention_id)
                    kept.append(m)
            arts.append((a.id, a.content_hash, a.title, a.published, a.source, a.url, a.language, a.origin,
                         a.text, len(kept), now))
            for m in kept:
                loc = m.location
                ments.append((m.mention_id, a.id, None, str(m.event_type), str(m.sub_event_type),
                              m.date.start if m.date else None, m.date.end if m.date else None,
                              loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
                              m.fatalities, json.dumps(mention_to_dict(m), ensure_ascii=False)))
        try:
            with self.transaction():
                self._insert("articles", ("doc_id", "content_hash", "title", "published", "source", "url", "language",
                                          "origin", "text", "n_mentions", "added_at"), arts)
                self._insert("mentions", ("mention_id", "doc_id", "event_id", "event_type", "sub_event_type",
                                          "date_start", "date_end", "country", "lat", "lon", "fatalities", "json"),
                             ments)
                self._touch(now)
        except duckdb.Error as exc:
            ids = ", ".join(a.id for a, _ in results[:3])
            raise StoreError(f"{self.path}: cannot store articles {ids}...: {str(exc).splitlines()[0]}") from exc

    def add_copy(self, article: Article, copy_of: str) -> None:
        """Record ``article`` as another source of the stored article ``copy_of``."""
        with self.transaction():
            self.con.execute("INSERT INTO copies VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                             [article.id, copy_of, article.source, article.url, article.origin, _now()])

    def article_hashes(self) -> dict[str, str]:
        """doc_id -> content_hash of the stored articles (not copies)."""
        return {r[0]: r[1] or "" for r in self.con.execute("SELECT doc_id, content_hash FROM articles").fetchall()}

    def copy_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM copies").fetchall()}

    def fingerprints(self) -> dict[str, bytes]:
        """doc_id -> MinHash bytes of the stored articles that have one."""
        return {r[0]: bytes(r[1]) for r in self.con.execute("SELECT doc_id, minhash FROM fingerprints").fetchall()}

    def unfingerprinted(self) -> list[tuple[str, str]]:
        """(doc_id, text) of stored articles without a fingerprint (a run stopped in between)."""
        return [(r[0], r[1]) for r in self.con.execute(
            "SELECT doc_id, text FROM articles WHERE doc_id NOT IN (SELECT doc_id FROM fingerprints) "
            "ORDER BY doc_id").fetchall()]

    def add_fingerprints(self, rows: Sequence[tuple[str, bytes]]) -> None:
        with self.transaction():
            for i in range(0, len(rows), _ROWS_PER_INSERT):
                chunk = rows[i:i + _ROWS_PER_INSERT]
                self.con.execute("INSERT INTO fingerprints VALUES " + ", ".join(["(?, ?)"] * len(chunk))
                                 + " ON CONFLICT DO NOTHING", [v for row in chunk for v in row])

    def copies(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT doc_id, copy_of, source, url, origin FROM copies ORDER BY doc_id")

    def articles(self) -> list[Article]:
        rows = self.con.execute("SELECT doc_id, text, title, published, source, url, language, origin, content_hash "
                                "FROM articles ORDER BY doc_id").fetchall()
        return [Article(id=r[0], text=r[1], title=r[2], published=r[3], source=r[4], url=r[5], language=r[6],
                        origin=r[7], content_hash=r[8] or "") for r in rows]

    def article(self, doc_id: str) -> Article | None:
        r = self.con.execute("SELECT doc_id, text, title, published, source, url, language, origin, content_hash "
                             "FROM articles WHERE doc_id = ?", [doc_id]).fetchone()
        if r is None:
            return None
        return Article(id=r[0], text=r[1], title=r[2], published=r[3], source=r[4], url=r[5], language=r[6],
                       origin=r[7], content_hash=r[8] or "")

    def article_meta(self) -> dict[str, tuple[date | None, str | None]]:
        """doc_id -> (published, source), without loading texts."""
        rows = self.con.execute("SELECT doc_id, published, source FROM articles").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    # ---- rejects -------------------------------------------------------------------

    def add_reject(self, source: str, reason: str, detail: str) -> None:
        """Record a skipped input; the same input skipped again for the same reason is one row."""
        with self.transaction():
            self.con.execute("INSERT INTO rejects SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rejects "
                             "WHERE source = ? AND reason = ? AND detail = ?)",
                             [source, reason, detail, _now(), source, reason, detail])

    def rejects(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT source, reason, detail, seen_at FROM rejects ORDER BY seen_at, source")

    # ---- mentions and events -------------------------------------------------------

    def mentions(self, *, doc_id: str | None = None) -> list[tuple[Mention, str | None]]:
        sql = "SELECT json, event_id FROM mentions"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        rows = self.con.execute(sql + " ORDER BY mention_id", params).fetchall()
        return [(mention_from_dict(json.loads(j)), eid) for j, eid in rows]

    def mentions_with_event_ids(self) -> list[tuple[Mention, str | None]]:
        return self.mentions()

    def replace_events(self, events: Sequence[Event], *, remove: Iterable[str] = ()) -> None:
        """Swap in recomputed events: drop ``remove`` and point every mention at its event.

        An event that keeps its id keeps its ``first_seen`` time; ``updated_at`` moves only
        when the event's record changed, so watchers can tell new from updated from same.
        """
        now = _now()
        ids = sorted(set(remove) | {e.event_id for e in events})
        old: dict[str, tuple[datetime, datetime, str]] = {}
        for i in range(0, len(ids), 1000):
            chunk = ids[i:i + 1000]
            q = "SELECT event_id, first_seen, updated_at, json FROM events WHERE event_id IN (" + \
                ", ".join("?" * len(chunk)) + ")"
            old.update({r[0]: (r[1], r[2], r[3]) for r in self.con.execute(q, chunk).fetchall()})
        rows, links = [], []
        for e in events:
            row = _event_row(e, first_seen=now, now=now)
            if e.event_id in old:
                first, updated, was = old[e.event_id]
                row = _event_row(e, first_seen=first, now=updated if was == row[-1] else now)
            rows.append(row)
            links.extend((m.mention_id, e.event_id) for m in e.mentions)
        try:
            with self.transaction():
                for i in range(0, len(ids), 1000):
                    chunk = ids[i:i + 1000]
                    self.con.execute("DELETE FROM events WHERE event_id IN (" + ", ".join("?" * len(chunk)) + ")",
                                     chunk)
                self._insert("events", EVENT_COLUMNS, rows)
                self.con.execute("CREATE OR REPLACE TEMP TABLE links (mention_id VARCHAR, event_id VARCHAR)")
                self._insert("links", ("mention_id", "event_id"), links)
                self.con.execute("UPDATE mentions SET event_id = links.event_id FROM links "
                                 "WHERE mentions.mention_id = links.mention_id")
                self.con.execute("DROP TABLE links")
                self._touch(now)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot store merged events: {str(exc).splitlines()[0]}") from exc

    def events(self, ids: Sequence[str] | None = None) -> list[Event]:
        """Events with their mentions, ordered by date then id."""
        sql = "SELECT event_id, json FROM events"
        params: list[Any] = []
        if ids is not None:
            if not ids:
                return []
            sql += " WHERE event_id IN (" + ", ".join("?" * len(ids)) + ")"
            params = list(ids)
        rows = self.con.execute(sql + " ORDER BY date_start NULLS LAST, event_id", params).fetchall()
        if not rows:
            return []
        by_event: dict[str, list[Mention]] = defaultdict(list)
        msql = "SELECT event_id, json FROM mentions WHERE event_id IS NOT NULL"
        if ids is not None:
            msql += " AND event_id IN (" + ", ".join("?" * len(ids)) + ")"
        for eid, j in self.con.execute(msql + " ORDER BY mention_id", params).fetchall():
            by_event[eid].append(mention_from_dict(json.loads(j)))
        return [event_from_dict(json.loads(j), tuple(by_event.get(eid, ()))) for eid, j in rows]

    def replace_stories(self, stories: Sequence[Any]) -> None:
        """Swap in the regrouped stories (``eventsift.stories.Story``), all or nothing."""
        rows = [(s.story_id, s.title, s.country, s.admin1, s.admin1_code, s.actor1, s.family, s.start, s.end,
                 len(s.event_ids)) for s in stories]
        links = [(s.story_id, eid, i) for s in stories for i, eid in enumerate(s.event_ids)]
        try:
            with self.transaction():
                self.con.execute("DELETE FROM story_events")
                self.con.execute("DELETE FROM stories")
                self._insert("stories", ("story_id", "title", "country", "admin1", "admin1_code", "actor1", "family",
                                         "date_start", "date_end", "n_events"), rows)
                self._insert("story_events", ("story_id", "event_id", "pos"), links)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot store stories: {str(exc).splitlines()[0]}") from exc

    def stories(self) -> list[Any]:
        """Stored stories (``eventsift.stories.Story``), by start date; [] for a store without any."""
        from eventsift.stories import Story

        if not self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'stories'"
                                ).fetchone()[0]:
            return []
        ids: dict[str, list[str]] = defaultdict(list)
        for sid, eid in self.con.execute("SELECT story_id, event_id FROM story_events ORDER BY story_id, pos").fetchall():
            ids[sid].append(eid)
        rows = self.con.execute("SELECT story_id, title, country, admin1, admin1_code, actor1, family, date_start, "
                                "date_end FROM stories ORDER BY date_start, story_id").fetchall()
        return [Story(story_id=r[0], title=r[1], country=r[2], admin1=r[3], admin1_code=r[4], actor1=r[5], family=r[6],
                      start=r[7], end=r[8], event_ids=tuple(ids.get(r[0], ()))) for r in rows]

    def event_times(self) -> dict[str, tuple[datetime, datetime]]:
        """event_id -> (first_seen, updated_at)."""
        return {r[0]: (r[1], r[2]) for r in self.con.execute(
            "SELECT event_id, first_seen, updated_at FROM events").fetchall()}

    # ---- facts ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "copies", "mentions", "events", "rejects"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    def last_updated(self) -> datetime | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'last_updated'").fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def _touch(self, now: datetime) -> None:
        self.con.execute("INSERT INTO meta VALUES ('last_updated', ?) ON CONFLICT (key) DO UPDATE SET value = "
                         "excluded.value", [now.isoformat()])

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts, for readers (the server) that build parameterised SQL."""
        return self._dicts(sql, params)

    def copy_to(self, select_sql: str, params: Sequence[Any], path: Path, *, fmt: str) -> None:
        """Write a SELECT's result to ``path`` with DuckDB's COPY (parquet or csv)."""
        options = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER)"}[fmt]
        target = str(path).replace("'", "''")
        self.con.execute(f"COPY ({select_sql}) TO '{target}' {options}", list(params))
