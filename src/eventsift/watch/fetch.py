"""HTTP for the watcher: polite, patient, and bounded.

- one clear User-Agent on every request;
- robots.txt read once a day per host and obeyed (404 and other 4xx: everything
  allowed; 5xx or unreachable: nothing fetched from that host until it answers);
- at least ``host_delay`` seconds between two requests to one host;
- timeouts, and retries with exponential backoff (``backoff``, 2x, 4x ...) on timeouts,
  connection failures, 429 and 5xx; a Retry-After longer than the timeout is not
  waited out here: the error goes up, and the caller polls that source later;
- conditional GET: pass the ETag and Last-Modified of the last answer, get 304 back
  as ``Page.not_modified``;
- redirects followed (at most 5), bodies cut off at ``max_bytes``.

Failures raise :class:`~eventsift.errors.FetchError` with a short ``reason``;
:func:`is_transient` tells which are worth trying again later.

I/O goes through an ``httpx.Client``; pass ``transport=`` to run it over anything
httpx can talk to. Sleeping and the clock are injectable too.
"""
from __future__ import annotations

import email.utils
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from eventsift.errors import FetchError
from eventsift.watch.config import FetchSettings

log = logging.getLogger(__name__)

ROBOTS_TTL = 24 * 3600.0
ROBOTS_RETRY = 600.0  # a host whose robots.txt failed is asked again after this long
MAX_REDIRECTS = 5
_TRANSIENT = frozenset({"timeout", "connect", "network", "robots_unreachable"})


def is_transient(err: FetchError) -> bool:
    """Worth trying again later: timeouts, lost connections, 429 and 5xx."""
    return err.reason in _TRANSIENT or err.status == 429 or (err.status is not None and err.status >= 500)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One answer: ``url`` as asked, ``final_url`` after redirects."""
    url: str
    final_url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Fetcher:
    """GETs (and webhook POSTs) with the politeness rules above. Close it, or use ``with``."""

    def __init__(self, settings: FetchSettings, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.client = httpx.Client(headers={"User-Agent": settings.user_agent}, timeout=settings.timeout,
                                   follow_redirects=True, max_redirects=MAX_REDIRECTS, transport=transport)
        self.sleep = sleep
        self.clock = clock
        self.stats: Counter[str] = Counter()
        self._last: dict[str, float] = {}  # host -> clock() of its last request
        self._robots: dict[str, tuple[float, RobotFileParser | None]] = {}  # host -> (expires, rules or None: down)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # ---- public ------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET ``url`` if robots.txt allows it; 304 comes back as a Page, errors raise FetchError."""
        if self.settings.robots:
            self._check_robots(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request("GET", url, headers=headers)

    def post_json(self, url: str, payload: Any) -> int:
        """POST ``payload`` as JSON (a webhook); the status code, or FetchError."""
        return self._request("POST", url, json=payload).status

    # ---- politeness ----------------------------------------------------------------

    def _wait_for_host(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + self.settings.host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        now = self.clock()
        cached = self._robots.get(host)
        if cached is None or cached[0] <= now:
            cached = self._load_robots(host, now)
            self._robots[host] = cached
        rules = cached[1]
        if rules is None:
            raise FetchError(url, "robots_unreachable", f"{host}/robots.txt cannot be read now; "
                             "the host is skipped until it answers")
        if not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError(url, "robots", "disallowed by robots.txt")

    def _load_robots(self, host: str, now: float) -> tuple[float, RobotFileParser | None]:
        rules = RobotFileParser(host + "/robots.txt")
        self.stats["robots"] += 1
        try:
            page = self._request("GET", host + "/robots.txt", retries=0)
        except FetchError as err:
            if err.status is not None and 400 <= err.status < 500 and err.status != 429:
                rules.parse([])  # no robots.txt: everything allowed
                return now + ROBOTS_TTL, rules
            log.warning("%s/robots.txt: %s; not fetching from that host for now", host, err.detail)
            return now + ROBOTS_RETRY, None
        rules.parse(page.content[:500_000].decode("utf-8", "replace").splitlines())
        return now + ROBOTS_TTL, rules

    # ---- the request loop ----------------------------------------------------------

    def _request(self, method: str, url: str, *, headers: dict[str, str] | None = None,
                 json: Any = None, retries: int | None = None) -> Page:
        s = self.settings
        retries = s.retries if retries is None else retries
        host = urlsplit(url).netloc
        for attempt in range(retries + 1):
            self._wait_for_host(host)
            self.stats["requests"] += 1
            try:
                return self._once(method, url, headers or {}, json)
            except FetchError as err:
                self.stats[f"error_{err.reason}"] += 1
                if not is_transient(err) or attempt == retries or (err.retry_after or 0) > s.timeout:
                    raise
                delay = min(s.backoff * 2 ** attempt, s.backoff_max)
                if err.retry_after is not None:
                    delay = max(delay, err.retry_after)
                log.info("%s: %s; try %d of %d in %.2fs", url, err.detail, attempt + 2, retries + 1, delay)
                self.stats["retries"] += 1
                self.sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _once(self, method: str, url: str, headers: dict[str, str], json: Any) -> Page:
        try:
            with self.client.stream(method, url, headers=headers, json=json) as r:
                status = r.status_code
                if status == 304:
                    return Page(url=url, final_url=str(r.url), status=304, etag=r.headers.get("etag"),
                                last_modified=r.headers.get("last-modified"))
                if status >= 400:
                    raise FetchError(url, f"http_{status}", f"HTTP {status} {r.reason_phrase}", status=status,
                                     retry_after=_retry_after(r.headers.get("retry-after")))
                body = self._read(url, r)
                return Page(url=url, final_url=str(r.url), status=status, content=body,
                            content_type=r.headers.get("content-type", ""), etag=r.headers.get("etag"),
                            last_modified=r.headers.get("last-modified"))
        except httpx.TimeoutException as exc:
            raise FetchError(url, "timeout", f"timed out ({type(exc).__name__})") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(url, "redirects", f"more than {MAX_REDIRECTS} redirects") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise FetchError(url, "bad_url", f"cannot fetch this URL: {exc}") from exc
        except httpx.ConnectError as exc:
            raise FetchError(url, "connect", f"cannot connect: {exc}") from exc
        except httpx.TransportError as exc:  # reset, protocol errors, bad content encodings
            raise FetchError(url, "network", f"{type(exc).__name__}: {exc}") from exc
        except httpx.DecodingError as exc:
            raise FetchError(url, "malformed", f"undecodable response: {exc}") from exc

    def _read(self, url: str, r: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, "too_large", f"{declared} bytes, more than fetch.max_bytes = {limit}")
        chunks, size = [], 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, "too_large", f"more than fetch.max_bytes = {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)
