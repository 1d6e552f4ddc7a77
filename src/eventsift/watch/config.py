"""What to watch, how to fetch it, and when to alert: read once from TOML.

    interval = 900                  # default seconds between polls of a source
    alert_log = "alerts.jsonl"      # one JSON line per alert fired
    webhook = "https://hooks.example.org/eventsift"   # optional: POST each alert here

    [fetch]
    user_agent = "eventsift/0.1 (news event watcher)"
    timeout = 20                    # seconds per request
    retries = 3                     # extra tries on timeouts, 429 and 5xx
    backoff = 1.0                   # first retry delay; doubles each try
    backoff_max = 3600              # longest wait before polling a failing source again
    host_delay = 1.0                # seconds between two requests to one host
    robots = true

    [[sources]]
    url = "https://example.org/world/rss.xml"
    kind = "feed"                   # feed | sitemap | page | auto (default: guessed from the answer)
    language = "en"
    country = "SY"                  # the outlet's country focus (ISO 3166-1 alpha-2)
    interval = 300

    [[alerts]]
    name = "syria-mass-casualty"
    country = ["SY"]
    event_type = ["explosions_remote_violence", "battles"]   # event or sub-event types
    min_fatalities = 10
    updates = true                  # also alert when the event gains a source or a higher toll

Every value is checked once, when the file is read; a bad one raises ConfigError
naming the key, the value and what is allowed.
"""
from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from eventsift.errors import ConfigError
from eventsift.model import EventType, SubEventType

DEFAULT_USER_AGENT = "eventsift/0.1 (news event watcher; respects robots.txt)"
_TYPES = frozenset(map(str, EventType)) | frozenset(map(str, SubEventType))


class SourceKind(enum.StrEnum):
    AUTO = "auto"
    FEED = "feed"
    SITEMAP = "sitemap"
    PAGE = "page"


def _check_url(key: str, url: object) -> str:
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise ConfigError(f"{key} must be an http(s) URL, not {url!r}")
    return url


def _positive(key: str, value: object, *, zero: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 or (not zero and value == 0):
        allowed = "a number >= 0" if zero else "a number > 0"
        raise ConfigError(f"{key} must be {allowed}, not {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One feed, sitemap or page to poll."""
    url: str
    kind: SourceKind = SourceKind.AUTO
    name: str = ""
    language: str | None = None
    country: str | None = None
    interval: float = 900.0

    def __post_init__(self) -> None:
        _check_url("sources.url", self.url)
        _positive("sources.interval", self.interval)
        if self.country is not None and not (len(self.country) == 2 and self.country.isalpha()
                                             and self.country.isupper()):
            raise ConfigError(f"sources.country must be an ISO 3166-1 alpha-2 code such as 'SY', "
                              f"not {self.country!r} (source {self.url})")


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    backoff_max: float = 3600.0
    host_delay: float = 1.0
    robots: bool = True
    max_bytes: int = 5_000_000
    max_attempts: int = 5  # tries of one article page, over cycles, before it is given up

    def __post_init__(self) -> None:
        if not self.user_agent.strip():
            raise ConfigError("fetch.user_agent must not be empty")
        _positive("fetch.timeout", self.timeout, zero=False)
        _positive("fetch.backoff", self.backoff)
        _positive("fetch.backoff_max", self.backoff_max)
        _positive("fetch.host_delay", self.host_delay)
        for key, v in (("fetch.retries", self.retries), ("fetch.max_bytes", self.max_bytes),
                       ("fetch.max_attempts", self.max_attempts)):
            if isinstance(v, bool) or not isinstance(v, int) or v < (0 if key == "fetch.retries" else 1):
                raise ConfigError(f"{key} must be an int >= {0 if key == 'fetch.retries' else 1}, not {v!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """An alert rule: every condition given must hold; lists mean "any of these"."""
    name: str
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()  # names or ISO 3166-2 codes (e.g. "SY-RA")
    event_type: tuple[str, ...] = ()  # event types or sub-event types
    actor: tuple[str, ...] = ()  # words in actor1 or actor2, case-insensitive
    min_fatalities: int | None = None
    text: tuple[str, ...] = ()  # words in the evidence sentences, case-insensitive
    updates: bool = False
    webhook: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ConfigError("alerts.name must not be empty")
        for t in self.event_type:
            if t not in _TYPES:
                raise ConfigError(f"alerts.event_type of rule {self.name!r} must be an ACLED event or "
                                  f"sub-event type such as 'battles' or 'air_drone_strike', not {t!r}")
        if self.min_fatalities is not None and (isinstance(self.min_fatalities, bool)
                                                or not isinstance(self.min_fatalities, int)
                                                or self.min_fatalities < 0):
            raise ConfigError(f"alerts.min_fatalities of rule {self.name!r} must be an int >= 0, "
                              f"not {self.min_fatalities!r}")
        if self.webhook is not None:
            _check_url(f"alerts.webhook of rule {self.name!r}", self.webhook)


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchConfig:
    sources: tuple[Source, ...]
    rules: tuple[Rule, ...] = ()
    fetch: FetchSettings = field(default_factory=FetchSettings)
    alert_log: Path | None = None
    webhook: str | None = None

    def __post_init__(self) -> None:
        if not self.sources:
            raise ConfigError("no sources to watch: give [[sources]] in the config file or URLs on the command line")
        names = [r.name for r in self.rules]
        if dup := sorted({n for n in names if names.count(n) > 1}):
            raise ConfigError(f"alerts.name must be unique, not repeated: {', '.join(dup)}")
        if self.webhook is not None:
            _check_url("webhook", self.webhook)


def _strings(key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{key} must be a string or a list of strings, not {value!r}")


def _table(key: str, value: object, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a table, not {value!r}")
    if extra := sorted(set(value) - allowed):
        raise ConfigError(f"{key} has unknown key {extra[0]!r}; allowed: {', '.join(sorted(allowed))}")
    return value


def _source(d: dict[str, Any], *, interval: float) -> Source:
    d = _table("sources", d, {"url", "kind", "name", "language", "country", "interval"})
    if "url" not in d:
        raise ConfigError(f"sources entry {d!r} has no url")
    kind = d.get("kind", "auto")
    if kind not in set(map(str, SourceKind)):
        raise ConfigError(f"sources.kind must be one of {', '.join(SourceKind)}, not {kind!r} (source {d['url']})")
    for k in ("name", "language", "country"):
        if k in d and not isinstance(d[k], str):
            raise ConfigError(f"sources.{k} must be a string, not {d[k]!r} (source {d['url']})")
    return Source(url=_check_url("sources.url", d["url"]), kind=SourceKind(kind), name=d.get("name", ""),
                  language=d.get("language"), country=d.get("country"),
                  interval=_positive("sources.interval", d.get("interval", interval)))


def _rule(d: dict[str, Any]) -> Rule:
    keys = {"name", "country", "admin1", "event_type", "actor", "min_fatalities", "text", "updates", "webhook"}
    d = _table("alerts", d, keys)
    if not isinstance(d.get("name"), str):
        raise ConfigError(f"alerts entry {d!r} needs a name (a string)")
    if not isinstance(d.get("updates", False), bool):
        raise ConfigError(f"alerts.updates of rule {d['name']!r} must be true or false, not {d['updates']!r}")
    lists = {k: _strings(f"alerts.{k}", d[k]) for k in ("country", "admin1", "event_type", "actor", "text") if k in d}
    return Rule(name=d["name"], **lists, min_fatalities=d.get("min_fatalities"),
                updates=d.get("updates", False), webhook=d.get("webhook"))


def parse_config(data: dict[str, Any], *, base: Path = Path(".")) -> WatchConfig:
    """A WatchConfig from a parsed TOML document; relative paths are taken from ``base``."""
    _table("config", data, {"interval", "alert_log", "webhook", "fetch", "sources", "alerts"})
    interval = _positive("interval", data.get("interval", 900))
    fetch_d = _table("fetch", data.get("fetch", {}), set(FetchSettings.__dataclass_fields__))
    try:
        fetch = FetchSettings(**fetch_d)
    except TypeError as exc:
        raise ConfigError(f"fetch: {exc}") from exc
    sources = data.get("sources", [])
    alerts = data.get("alerts", [])
    if not isinstance(sources, list) or not isinstance(alerts, list):
        raise ConfigError("sources and alerts must be arrays of tables: [[sources]], [[alerts]]")
    log_path = data.get("alert_log")
    if log_path is not None and not isinstance(log_path, str):
        raise ConfigError(f"alert_log must be a file path (a string), not {log_path!r}")
    return WatchConfig(sources=tuple(_source(s, interval=interval) for s in sources),
                       rules=tuple(_rule(r) for r in alerts), fetch=fetch,
                       alert_log=base / log_path if log_path else None, webhook=data.get("webhook"))


def load_config(path: str | Path | None = None, *, urls: tuple[str, ...] = (),
                alert_log: Path | None = None) -> WatchConfig:
    """The config file (if any) plus URLs given on the command line (as ``auto`` sources)."""
    data: dict[str, Any] = {}
    base = Path(".")
    if path is not None:
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the watch config: {exc.strerror}") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        base = path.parent
    if not isinstance(data.get("sources", []), list):
        raise ConfigError("sources must be an array of tables: [[sources]]")
    data = {**data, "sources": [*data.get("sources", []), *({"url": u} for u in urls)]}
    cfg = parse_config(data, base=base)
    return cfg if alert_log is None else replace(cfg, alert_log=alert_log)
