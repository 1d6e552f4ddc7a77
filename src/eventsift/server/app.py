"""The JSON API and the web page over a store, read-only.

``create_app(ServerSettings(db=...))`` builds the FastAPI application; ``eventsift
serve`` runs it with uvicorn. Each request opens the DuckDB file read-only for its own
duration, so a pipeline run can update the store between requests and the page shows
the new data on reload (a request that finds the store locked by a writer gets 503).

Nothing here writes, so no endpoint needs a token. Every client value is validated by
the query models below (bad values get 422, unknown parameters too) and reaches SQL only
as a bound parameter (``queries``). The page is static files; everything it shows from
articles is inserted as text, and the Content-Security-Policy allows no inline script.
"""
from __future__ import annotations

import dataclasses
import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from eventsift.errors import ConfigError, StoreError
from eventsift.export import EVENT_TYPE_LABEL, SUB_EVENT_LABEL, write_csv, write_geojson
from eventsift.model import EventType, SubEventType
from eventsift.server import queries
from eventsift.store import Store

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
MAX_PAGE = 1000          # events per page of /api/events
MAX_EXPORT = 100_000     # events in one export
MAX_TEXT = 200           # characters in a free-text filter


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class ServerSettings:
    """What the server reads and how the page looks.

    ``tile_url`` (e.g. ``https://tile.example.org/{z}/{x}/{y}.png``) adds online map
    tiles under the offline country borders; without it the page needs no network.
    ``allowed_hosts`` limits the Host header (a guard against DNS rebinding when bound to
    the loopback address); empty allows any.
    """
    db: Path
    tile_url: str | None = None
    tile_attribution: str | None = None
    allowed_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.tile_url is not None:
            parts = urlsplit(self.tile_url)
            if parts.scheme not in ("http", "https") or not parts.netloc or "{z}" not in self.tile_url:
                raise ConfigError(f"tile URL must be an http(s) template with {{z}}, {{x}} and {{y}}, "
                                 f"not {self.tile_url!r}")


# ---- request models --------------------------------------------------------------------

def _utc_naive(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


class FilterParams(BaseModel):
    """Filters shared by the list, the charts and the export."""
    model_config = ConfigDict(extra="forbid")

    date_from: date | None = Field(None, description="Events on or after this day (ISO date).")
    date_to: date | None = Field(None, description="Events on or before this day (ISO date).")
    bbox: str | None = Field(None, max_length=120, description="west,south,east,north in degrees (WGS84).",
                             examples=["35.5,32.0,42.5,37.5"])
    country: list[Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")]] = Field(
        [], max_length=50, description="ISO 3166-1 alpha-2 code; repeat for several.")
    admin1: str | None = Field(None, min_length=1, max_length=MAX_TEXT,
                               description="First-level region, by name or ISO 3166-2 code.")
    event_type: list[EventType] = Field([], max_length=len(EventType), description="Repeat for several.")
    sub_event_type: list[SubEventType] = Field([], max_length=len(SubEventType), description="Repeat for several.")
    actor: str | None = Field(None, min_length=1, max_length=MAX_TEXT,
                              description="Part of actor 1's or actor 2's name, any case.")
    q: str | None = Field(None, min_length=1, max_length=MAX_TEXT,
                          description="Text in the evidence sentences, actor names or place name, any case.")
    min_fatalities: int | None = Field(None, ge=0, le=10_000_000)
    source: str | None = Field(None, min_length=1, max_length=MAX_TEXT, description="One of the event's sources.")
    since: datetime | None = Field(None, description="Events first seen or updated after this time (UTC).")
    conflicts: bool | None = Field(None, description="Only events whose sources disagree (true) or agree (false).")

    @field_validator("bbox")
    @classmethod
    def _check_bbox(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = value.split(",")
        try:
            w, s, e, n = (float(p) for p in parts)
        except ValueError:
            raise ValueError("bbox must be four numbers: west,south,east,north") from None
        if not all(-180 <= x <= 180 for x in (w, e)) or not all(-90 <= y <= 90 for y in (s, n)) or s > n:
            raise ValueError("bbox must have -180 <= west, east <= 180 and -90 <= south <= north <= 90")
        return value

    @model_validator(mode="after")
    def _check_dates(self) -> FilterParams:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        return self

    def to_filter(self) -> queries.EventFilter:
        bbox = None
        if self.bbox is not None:
            w, s, e, n = (float(p) for p in self.bbox.split(","))
            bbox = queries.BBox(west=w, south=s, east=e, north=n)
        return queries.EventFilter(
            date_from=self.date_from, date_to=self.date_to, bbox=bbox, country=tuple(self.country),
            admin1=self.admin1, event_type=tuple(str(t) for t in self.event_type),
            sub_event_type=tuple(str(t) for t in self.sub_event_type), actor=self.actor, q=self.q,
            min_fatalities=self.min_fatalities, source=self.source, since=_utc_naive(self.since),
            conflicts=self.conflicts)


class ListParams(FilterParams):
    limit: int = Field(100, ge=1, le=MAX_PAGE, description=f"Events per page, at most {MAX_PAGE}.")
    offset: int = Field(0, ge=0, le=10_000_000)
    sort: Literal["date", "-date", "fatalities", "-fatalities", "updated", "-updated"] = Field(
        "-date", description="date, fatalities or updated (first seen or changed); '-' for descending.")


class ExportParams(FilterParams):
    format: Literal["csv", "geojson"] = "csv"


# ---- response models -------------------------------------------------------------------

class EventSummary(BaseModel):
    event_id: str
    event_type: str
    sub_event_type: str
    date_start: str | None
    date_end: str | None
    country: str | None
    admin1: str | None
    admin1_code: str | None
    location: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    injuries: int | None
    n_sources: int
    n_mentions: int
    has_conflicts: bool
    sources: list[str]
    first_seen: str
    updated_at: str


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    sort: str
    items: list[EventSummary]


class EventDetail(BaseModel):
    event_id: str
    event_type: str
    sub_event_type: str
    date: dict[str, Any] | None
    location: dict[str, Any] | None
    actor1: dict[str, Any] | None
    actor2: dict[str, Any] | None
    fatalities: int | None
    injuries: int | None
    sources: list[str]
    doc_ids: list[str]
    conflicts: list[dict[str, Any]] = Field(description="Per field, the differing values and the articles giving each.")
    mentions: list[dict[str, Any]] = Field(description="Every mention in full, as in mentions.jsonl.")
    articles: list[dict[str, Any]] = Field(description="doc_id, title, published, source, url of each article.")
    first_seen: str
    updated_at: str


class Span(BaseModel):
    mention_id: str
    event_id: str | None
    event_type: str
    sub_event_type: str
    start: int
    end: int
    sentence: str


class Segment(BaseModel):
    text: str
    mentions: list[str] = Field(description="Mentions whose evidence covers this piece of text; empty for none.")


class ArticleDetail(BaseModel):
    doc_id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    language: str | None
    origin: str | None
    content_hash: str
    text: str
    spans: list[Span]
    segments: list[Segment] = Field(description="The text cut at every evidence boundary, in order.")


class Day(BaseModel):
    date: str
    count: int
    fatalities: int
    by_type: dict[str, int]


class Timeline(BaseModel):
    total: int
    days: list[Day]


class TypeCount(BaseModel):
    event_type: str
    label: str
    count: int
    fatalities: int


class TypeCounts(BaseModel):
    total: int
    types: list[TypeCount]


class Facet(BaseModel):
    value: str
    count: int
    code: str | None = None
    country: str | None = None


class Facets(BaseModel):
    countries: list[Facet]
    admin1: list[Facet]
    sources: list[Facet]
    date_min: str | None
    date_max: str | None


class Meta(BaseModel):
    version: str
    last_updated: str | None = Field(description="When the store last changed (UTC), or null for an empty store.")
    now: str = Field(description="The server's clock (UTC), for telling new events from seen ones.")
    counts: dict[str, int]
    tile_url: str | None
    tile_attribution: str | None
    event_types: dict[str, str]
    sub_event_types: dict[str, str]
    max_page: int
    max_export: int


# ---- application -----------------------------------------------------------------------

def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat() + "Z"


def _version() -> str:
    try:
        return version("eventsift")
    except PackageNotFoundError:
        return "unknown"


def _csp(tile_url: str | None) -> str:
    img = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url)
        img += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def open_store(request: Request) -> Iterator[Store]:
    """The store, opened read-only for one request."""
    with ExitStack() as stack:
        try:
            store = stack.enter_context(Store.open(request.app.state.settings.db, read_only=True))
        except StoreError as exc:
            log.warning("store unavailable: %s", exc)
            raise HTTPException(503, "the store cannot be opened right now (is a run writing to it?); "
                                     "try again shortly", headers={"Retry-After": "2"}) from exc
        yield store


StoreDep = Annotated[Store, Depends(open_store)]


def create_app(settings: ServerSettings) -> FastAPI:
    """The API under ``/api``, the page at ``/``, its files under ``/static``."""
    app = FastAPI(title="eventsift", version=_version(), docs_url=None, redoc_url=None,
                  description="Read-only access to an eventsift store: ACLED-coded events with their evidence. "
                              "Times are UTC; dates are ISO 8601.")
    app.state.settings = settings
    csp = _csp(settings.tile_url)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    if settings.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/api/meta", response_model=Meta, tags=["store"])
    def meta(db: StoreDep) -> dict[str, Any]:
        """The store's facts: when it last changed, how many records, the server's clock."""
        return {"version": _version(), "last_updated": _iso(db.last_updated()),
                "now": _iso(datetime.now(UTC).replace(tzinfo=None)), "counts": db.counts(),
                "tile_url": settings.tile_url, "tile_attribution": settings.tile_attribution,
                "event_types": {str(k): v for k, v in EVENT_TYPE_LABEL.items()},
                "sub_event_types": {str(k): v for k, v in SUB_EVENT_LABEL.items()},
                "max_page": MAX_PAGE, "max_export": MAX_EXPORT}

    @app.get("/api/facets", response_model=Facets, tags=["store"])
    def facets(db: StoreDep) -> dict[str, Any]:
        """Countries, regions and sources present in the store, with their event counts."""
        return queries.facets(db)

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(db: StoreDep, params: Annotated[ListParams, Query()]) -> dict[str, Any]:
        """One page of the events matching the filters."""
        total, items = queries.list_events(db, params.to_filter(), limit=params.limit, offset=params.offset,
                                           sort=params.sort)
        return {"total": total, "limit": params.limit, "offset": params.offset, "sort": params.sort, "items": items}

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"],
             responses={404: {"description": "No such event"}})
    def get_event(db: StoreDep, event_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One event with its mentions, evidence, sources and conflicts."""
        out = queries.event_detail(db, event_id)
        if out is None:
            raise HTTPException(404, "no such event")
        return out

    @app.get("/api/articles/{doc_id}", response_model=ArticleDetail, tags=["articles"],
             responses={404: {"description": "No such article"}})
    def get_article(db: StoreDep, doc_id: Annotated[str, PathParam(max_length=500)]) -> dict[str, Any]:
        """One article's text with its evidence spans, and the text cut into marked segments."""
        out = queries.article_detail(db, doc_id)
        if out is None:
            raise HTTPException(404, "no such article")
        return out

    @app.get("/api/stats/timeline", response_model=Timeline, tags=["charts"])
    def stats_timeline(db: StoreDep, params: Annotated[FilterParams, Query()]) -> dict[str, Any]:
        """Matching events per start day, split by event type (undated events left out)."""
        days = queries.timeline(db, params.to_filter())
        return {"total": sum(d["count"] for d in days), "days": days}

    @app.get("/api/stats/types", response_model=TypeCounts, tags=["charts"])
    def stats_types(db: StoreDep, params: Annotated[FilterParams, Query()]) -> dict[str, Any]:
        """Matching events and fatalities per event type."""
        types = queries.type_counts(db, params.to_filter())
        for t in types:
            t["label"] = EVENT_TYPE_LABEL[EventType(t["event_type"])]
        return {"total": sum(t["count"] for t in types), "types": types}

    @app.get("/api/export", tags=["events"], response_class=Response,
             responses={200: {"content": {"text/csv": {}, "application/geo+json": {}},
                              "description": "events.csv (ACLED columns) or events.geojson"}})
    def export(db: StoreDep, params: Annotated[ExportParams, Query()]) -> Response:
        """The matching events as CSV (ACLED's columns) or GeoJSON, like `eventsift export`."""
        total, ids = queries.event_ids(db, params.to_filter(), limit=MAX_EXPORT)
        if total > MAX_EXPORT:
            raise HTTPException(422, f"{total} events match; an export holds at most {MAX_EXPORT}: "
                                     "narrow the filters")
        records = ((e, e.event_id) for e in db.events(ids)) if ids else iter(())
        writer, media, name = ((write_csv, "text/csv; charset=utf-8", "events.csv") if params.format == "csv"
                               else (write_geojson, "application/geo+json", "events.geojson"))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            writer(records, path)
            body = path.read_bytes()
        return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"',
                                                         "X-Total-Count": str(total)})

    return app


def serve(settings: ServerSettings, *, host: str = "127.0.0.1", port: int = 8000,
          announce: Callable[[str], None] = lambda url: None) -> None:
    """Run the server until interrupted; ``announce`` gets the page's address once the
    store is known to open. Raises StoreError at once if it does not."""
    import uvicorn

    with Store.open(settings.db, read_only=True):
        pass
    announce(f"http://{'[' + host + ']' if ':' in host else host}:{port}/")
    if host in ("127.0.0.1", "localhost") and not settings.allowed_hosts:
        # reachable from this machine only: refuse pages that reach us under another name
        settings = dataclasses.replace(settings, allowed_hosts=("127.0.0.1", "localhost"))
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
