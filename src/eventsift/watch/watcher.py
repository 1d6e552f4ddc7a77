"""One polling cycle, and the loop that repeats it.

    poll due sources -> article URLs -> (skip seen) -> fetch pages -> trafilatura
    -> (skip same text) -> pipeline.run_articles -> merge_store -> alerts

An article is known by its canonical URL (and by the URL it redirected to), and its
id is derived from that URL, so a page stored just before a crash is recognised as
stored after the restart. The same text under another URL is recorded as a copy of
the first, not processed again. A source that fails is polled again after an
exponentially growing pause (``interval`` or ``fetch.backoff``, doubled per failure
in a row, at most ``fetch.backoff_max``, at least its Retry-After); an article page
that fails is tried again in later cycles, up to ``fetch.max_attempts`` times.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from urllib.parse import urlsplit

from eventsift.errors import FetchError, IngestError
from eventsift.ingest.detect import decode
from eventsift.ingest.html import parse_html
from eventsift.ingest.text import Meta, parse_text
from eventsift.merge import merge_store
from eventsift.model import Article
from eventsift.pipeline import Loaded, Settings, run_articles
from eventsift.watch.alerts import Alert, Alerter
from eventsift.watch.config import Source, SourceKind, WatchConfig
from eventsift.watch.feeds import Item, canonical_url, read_listing
from eventsift.watch.fetch import Fetcher, Page, is_transient
from eventsift.watch.state import DONE, DUPLICATE, FAILED, GONE, UrlMark, WatchState, utcnow

log = logging.getLogger(__name__)

MAX_CHILD_SITEMAPS = 50


def article_id(url: str) -> str:
    """A stable id for the article at ``url``: host plus a hash of the canonical URL."""
    host = (urlsplit(url).hostname or "web").removeprefix("www.")
    return f"{host}-{hashlib.sha1(canonical_url(url).encode('utf-8')).hexdigest()[:16]}"


@dataclass(slots=True)
class CycleReport:
    polled: int = 0
    not_modified: int = 0
    new_urls: int = 0
    articles: int = 0
    duplicates: int = 0
    mentions: int = 0
    alerts: list[Alert] = field(default_factory=list)
    source_errors: list[str] = field(default_factory=list)  # "url: reason: detail"
    page_errors: list[str] = field(default_factory=list)


class Watcher:
    """Polls ``config.sources`` into ``store``. ``__init__`` does no I/O; :meth:`cycle` does."""

    def __init__(self, config: WatchConfig, *, store, loaded: Loaded, settings: Settings = Settings(),
                 fetcher: Fetcher | None = None) -> None:
        self.config = config
        self.store = store
        self.loaded = loaded
        self.settings = settings
        self.fetcher = fetcher or Fetcher(config.fetch)
        self.state = WatchState(store)
        self.alerter = Alerter(config.rules, state=self.state, log_path=config.alert_log,
                               webhook=config.webhook, post=self.fetcher.post_json)
        self._ready = False

    # ---- the loop ------------------------------------------------------------------------

    def run(self, *, once: bool = False, stop: threading.Event | None = None,
            on_cycle: Callable[[CycleReport], None] = lambda r: None) -> None:
        """Cycle until ``stop`` is set (or once); between cycles, sleep until a source is due."""
        stop = stop or threading.Event()
        while not stop.is_set():
            on_cycle(self.cycle())
            if once:
                return
            stop.wait(self.seconds_to_next())

    def seconds_to_next(self) -> float:
        now = utcnow()
        waits = [((self.state.next_poll(s.url) or now) - now).total_seconds() for s in self.config.sources]
        return max(0.0, min(waits, default=0.0))

    # ---- one cycle ---------------------------------------------------------------------

    def cycle(self) -> CycleReport:
        if not self._ready:
            self.state.create()
            self._ready = True
        report = CycleReport()
        now = utcnow()
        wanted: dict[str, tuple[Item, Source]] = {}
        for src in self.config.sources:
            due = self.state.next_poll(src.url)
            if due is not None and due > now:
                continue
            for item in self._poll(src, report):
                wanted.setdefault(canonical_url(item.url), (item, src))
        urls = self.state.due_urls(list(wanted), now=now)
        by_url = {s.url: s for s in self.config.sources}
        for m in self.state.retries_due(now=now):  # pages that failed before, whether or not still listed
            if m.url not in wanted:
                wanted[m.url] = (Item(url=m.url, title=m.title, published=m.published),
                                 by_url.get(m.source) or Source(url=m.source))
                urls.append(m.url)
        report.new_urls = len(urls)
        articles: list[tuple[str, Article, Source]] = []
        for url in urls:
            item, src = wanted[url]
            art = self._fetch_article(url, item, src, report)
            if art is not None:
                articles.append((url, art, src))
            if len(articles) >= self.settings.batch_size:  # stored batch by batch, not all at the end
                self._store(articles, report)
                articles = []
        self._store(articles, report)
        if report.articles:
            merge_store(self.store)
        report.alerts = self.alerter.check(self.store)
        return report

    def _poll(self, src: Source, report: CycleReport) -> list[Item]:
        """The items a source lists now ([] when unchanged or down); schedules its next poll."""
        report.polled += 1
        try:
            page = self._get_conditional(src.url)
            if page is None:
                report.not_modified += 1
                items: list[Item] = []
            else:
                listing = read_listing(page.content, url=page.final_url, kind=src.kind, content_type=page.content_type)
                items = list(listing.items)
                for child in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
                    try:
                        sub = self._get_conditional(child)
                        if sub is not None:
                            items.extend(read_listing(sub.content, url=sub.final_url, kind=SourceKind.SITEMAP).items)
                    except FetchError as err:  # one broken child does not hide the others
                        report.source_errors.append(f"{child}: {err.reason}: {err.detail}")
        except FetchError as err:
            failures = self.state.source_failed(src.url, f"{err.reason}: {err.detail}")
            fetch = self.config.fetch
            pause = min(max(src.interval, fetch.backoff) * 2 ** (failures - 1), fetch.backoff_max)
            if err.retry_after:
                pause = max(pause, err.retry_after)
            self.state.set_next_poll(src.url, utcnow() + timedelta(seconds=pause))
            report.source_errors.append(f"{src.url}: {err.reason}: {err.detail}")
            log.warning("source %s failed (%d in a row), next poll in %.1fs: %s", src.url, failures, pause,
                        err.detail)
            return []
        self.state.source_ok(src.url, next_poll=utcnow() + timedelta(seconds=src.interval))
        return items

    def _get_conditional(self, url: str) -> Page | None:
        """The document at ``url``, or None when it has not changed since the last answer."""
        etag, modified = self.state.validators(url)
        page = self.fetcher.get(url, etag=etag, last_modified=modified)
        if page.not_modified:
            return None
        self.state.set_validators(url, page.etag, page.last_modified)
        return page

    def _fetch_article(self, url: str, item: Item, src: Source, report: CycleReport) -> Article | None:
        doc_id = article_id(url)
        try:
            page = self.fetcher.get(url)
            raw = decode(page.content, url, html=True)
            meta = Meta(id=doc_id, url=page.final_url, title=item.title, published=item.published,
                        language=src.language, source=src.name or None)
            html = "<html" in raw[:4096].lower() or "html" in page.content_type.lower()
            art = (parse_html if html else parse_text)(raw, meta, origin=src.url)
        except FetchError as err:
            attempts = self.state.attempts(url) + 1
            give_up = not is_transient(err) or attempts >= self.config.fetch.max_attempts
            pause = min(self.config.fetch.backoff * 2 ** attempts, self.config.fetch.backoff_max)
            self.state.mark_urls([UrlMark(url, doc_id, GONE if give_up else FAILED, src.url, err.reason, attempts,
                                          None if give_up else utcnow() + timedelta(seconds=pause),
                                          item.title, item.published)])
            report.page_errors.append(f"{url}: {err.reason}: {err.detail}")
            return None
        except IngestError as err:
            self.store.add_reject(url, err.reason, err.detail)
            self.state.mark_urls([UrlMark(url, doc_id, GONE, src.url, err.reason, self.state.attempts(url) + 1)])
            report.page_errors.append(f"{url}: {err.reason}: {err.detail}")
            return None
        # A feed's country focus, where the text names none; the URL, not the page's canonical tag, is the id.
        return replace(art, id=doc_id, country=src.country) if src.country else replace(art, id=doc_id)

    def _store(self, articles: list[tuple[str, Article, Source]], report: CycleReport) -> None:
        if not articles:
            return
        fresh: list[Article] = []
        marks: list[UrlMark] = []
        hashes: dict[str, str] = {}
        known = self.store.article_ids()
        for url, art, src in articles:
            owner = hashes.get(art.content_hash) or self.store.hash_owner(art.content_hash)
            if art.id in known:  # stored before a restart, not yet marked
                mark = UrlMark(url, art.id, DONE, src.url)
            elif owner is not None and owner != art.id:
                self.store.add_copy(art, owner)
                report.duplicates += 1
                mark = UrlMark(url, art.id, DUPLICATE, src.url, reason=owner)
            else:
                hashes[art.content_hash] = art.id
                known.add(art.id)
                fresh.append(art)
                mark = UrlMark(url, art.id, DONE, src.url)
            marks.append(mark)
            final = canonical_url(art.url or url)
            if final != url:  # the address it redirected to is known now too
                marks.append(mark._replace(url=final))
        if fresh:
            run = run_articles(fresh, self.loaded, self.store, settings=self.settings)
            report.articles += run.articles
            report.mentions += run.mentions
        self.state.mark_urls(marks)
