"""Errors eventsift raises.

    EventsiftError
     ├── ConfigError        bad settings or command-line values
     ├── IngestError        an input file or record that cannot be read
     ├── GazetteerError     the place index cannot be built or opened
     ├── StoreError         the DuckDB store cannot be opened or written
     └── FetchError         a feed, sitemap or page that cannot be fetched or parsed (watch)

Every message names the input (file, article id, line) and the problem, on one line,
so the CLI can print it as is. The library raises; only ``cli.py`` prints.
"""
from __future__ import annotations


class EventsiftError(Exception):
    """Base class of every error eventsift raises on purpose."""


class ConfigError(EventsiftError):
    pass


class IngestError(EventsiftError):
    """An input that cannot be turned into an Article.

    ``source`` names the file (and line, where there is one); ``reason`` is a short
    machine-friendly word (missing, binary, empty, encoding, malformed, ...).
    """

    def __init__(self, source: str, reason: str, detail: str) -> None:
        super().__init__(f"{source}: {detail}")
        self.source = source
        self.reason = reason
        self.detail = detail


class GazetteerError(EventsiftError):
    pass


class StoreError(EventsiftError):
    pass


class FetchError(EventsiftError):
    """A URL that could not be fetched or read: ``reason`` is a short word (timeout,
    connect, http_429, http_503, robots, too_large, malformed, ...); ``retry_after`` is
    the server's Retry-After in seconds, where it sent one."""

    def __init__(self, url: str, reason: str, detail: str, *, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(f"{url}: {detail}")
        self.url = url
        self.reason = reason
        self.detail = detail
        self.status = status
        self.retry_after = retry_after
