"""Read-only, parameterised SQL over the store's ``events``, ``mentions`` and ``articles``.

Every value a client sends travels as a bound parameter; the only SQL text that varies
is chosen from fixed fragments in this module (a filter's clause, a sort order). Rows
come back as plain dicts shaped for the JSON API.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from eventsift.serialize import article_to_dict, event_to_dict, mention_to_dict

# Columns of the event list, in the order the API returns them.
LIST_COLUMNS = ("event_id", "event_type", "sub_event_type", "date_start", "date_end", "country", "admin1",
                "admin1_code", "location", "lat", "lon", "precision", "actor1", "actor2", "fatalities", "injuries",
                "n_sources", "n_mentions", "has_conflicts", "sources", "first_seen", "updated_at")

SORTS = {
    "date": "date_start ASC NULLS LAST, event_id",
    "-date": "date_start DESC NULLS LAST, event_id",
    "fatalities": "fatalities ASC NULLS LAST, event_id",
    "-fatalities": "fatalities DESC NULLS LAST, event_id",
    "updated": "updated_at ASC, event_id",
    "-updated": "updated_at DESC, event_id",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class BBox:
    """West, south, east, north in degrees; west > east crosses the antimeridian."""
    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events a request is about. Empty fields do not filter."""
    date_from: date | None = None
    date_to: date | None = None
    bbox: BBox | None = None
    country: tuple[str, ...] = ()
    admin1: str | None = None
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None
    q: str | None = None
    min_fatalities: int | None = None
    source: str | None = None
    since: datetime | None = None
    conflicts: bool | None = None


def _in(column: str, values: Sequence[Any]) -> str:
    return f"{column} IN (" + ", ".join("?" * len(values)) + ")"


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """``WHERE ...`` (or ``""``) and its parameters for the events table."""
    parts: list[str] = []
    params: list[Any] = []
    if f.date_from is not None:
        parts.append("coalesce(date_end, date_start) >= ?")
        params.append(f.date_from)
    if f.date_to is not None:
        parts.append("date_start <= ?")
        params.append(f.date_to)
    if f.bbox is not None:
        b = f.bbox
        parts.append("lat BETWEEN ? AND ?")
        params += [b.south, b.north]
        if b.west <= b.east:
            parts.append("lon BETWEEN ? AND ?")
            params += [b.west, b.east]
        else:
            parts.append("(lon >= ? OR lon <= ?)")
            params += [b.west, b.east]
    if f.country:
        parts.append(_in("country", f.country))
        params += [c.upper() for c in f.country]
    if f.admin1:
        parts.append("(lower(admin1) = lower(?) OR upper(admin1_code) = upper(?))")
        params += [f.admin1, f.admin1]
    if f.event_type:
        parts.append(_in("event_type", f.event_type))
        params += list(f.event_type)
    if f.sub_event_type:
        parts.append(_in("sub_event_type", f.sub_event_type))
        params += list(f.sub_event_type)
    if f.actor:
        parts.append("(contains(lower(coalesce(actor1, '')), lower(?)) OR contains(lower(coalesce(actor2, '')), lower(?)))")
        params += [f.actor, f.actor]
    if f.q:
        parts.append("contains(lower(coalesce(search_text, '')), lower(?))")
        params.append(f.q)
    if f.min_fatalities is not None:
        parts.append("fatalities >= ?")
        params.append(f.min_fatalities)
    if f.source:
        parts.append("list_contains(string_split(lower(coalesce(sources, '')), '; '), lower(?))")
        params.append(f.source)
    if f.since is not None:
        parts.append("updated_at > ?")
        params.append(f.since)
    if f.conflicts is not None:
        parts.append("has_conflicts = ?")
        params.append(f.conflicts)
    return ("WHERE " + " AND ".join(parts) if parts else ""), params


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in row.items():
        if isinstance(v, datetime):
            v = v.isoformat() + "Z"  # the store keeps UTC without a zone
        elif isinstance(v, date):
            v = v.isoformat()
        out[k] = v
    if "sources" in out:
        out["sources"] = [s for s in (out["sources"] or "").split("; ") if s]
    return out


def list_events(store, f: EventFilter, *, limit: int, offset: int, sort: str) -> tuple[int, list[dict[str, Any]]]:
    """(number of matching events, one page of them)."""
    where, params = where_clause(f)
    total = store.query(f"SELECT count(*) AS n FROM events {where}", params)[0]["n"]
    rows = store.query(f"SELECT {', '.join(LIST_COLUMNS)} FROM events {where} ORDER BY {SORTS[sort]} "
                       "LIMIT ? OFFSET ?", [*params, limit, offset])
    return total, [_jsonable(r) for r in rows]


def event_ids(store, f: EventFilter, *, limit: int) -> tuple[int, list[str]]:
    """(number of matching events, the ids of at most ``limit`` of them)."""
    where, params = where_clause(f)
    total = store.query(f"SELECT count(*) AS n FROM events {where}", params)[0]["n"]
    rows = store.query(f"SELECT event_id FROM events {where} ORDER BY {SORTS['date']} LIMIT ?", [*params, limit])
    return total, [r["event_id"] for r in rows]


def timeline(store, f: EventFilter) -> list[dict[str, Any]]:
    """Events per start day, with the split by event type; undated events are left out."""
    where, params = where_clause(f)
    where = (where + " AND" if where else "WHERE") + " date_start IS NOT NULL"
    rows = store.query(f"SELECT date_start AS day, event_type, count(*) AS n, sum(fatalities) AS fatalities "
                       f"FROM events {where} GROUP BY ALL ORDER BY day, event_type", params)
    days: dict[date, dict[str, Any]] = {}
    for r in rows:
        d = days.setdefault(r["day"], {"date": r["day"].isoformat(), "count": 0, "fatalities": 0, "by_type": {}})
        d["count"] += r["n"]
        d["fatalities"] += int(r["fatalities"] or 0)
        d["by_type"][r["event_type"]] = r["n"]
    return list(days.values())


def type_counts(store, f: EventFilter) -> list[dict[str, Any]]:
    """Events and fatalities per event type, most frequent first."""
    where, params = where_clause(f)
    rows = store.query(f"SELECT event_type, count(*) AS count, coalesce(sum(fatalities), 0) AS fatalities "
                       f"FROM events {where} GROUP BY event_type ORDER BY count DESC, event_type", params)
    return [{"event_type": r["event_type"], "count": r["count"], "fatalities": int(r["fatalities"])} for r in rows]


def facets(store) -> dict[str, Any]:
    """The values a filter panel can offer: countries, admin1 regions and sources, with counts."""
    countries = store.query("SELECT country AS value, count(*) AS count FROM events WHERE country IS NOT NULL "
                            "GROUP BY country ORDER BY count DESC, country")
    admin1 = store.query("SELECT admin1 AS value, any_value(admin1_code) AS code, any_value(country) AS country, "
                         "count(*) AS count FROM events WHERE admin1 IS NOT NULL GROUP BY admin1 "
                         "ORDER BY count DESC, admin1 LIMIT 500")
    sources = store.query("SELECT s AS value, count(*) AS count FROM (SELECT unnest(string_split(sources, '; ')) AS s "
                          "FROM events) WHERE s <> '' GROUP BY s ORDER BY count DESC, s LIMIT 500")
    span = store.query("SELECT min(date_start) AS first, max(coalesce(date_end, date_start)) AS last FROM events")[0]
    return {"countries": countries, "admin1": admin1, "sources": sources,
            "date_min": span["first"].isoformat() if span["first"] else None,
            "date_max": span["last"].isoformat() if span["last"] else None}


def event_detail(store, event_id: str) -> dict[str, Any] | None:
    """One event: its record, every mention in full, the articles they come from."""
    rows = store.query("SELECT first_seen, updated_at FROM events WHERE event_id = ?", [event_id])
    if not rows:
        return None
    event = store.events([event_id])[0]
    out = event_to_dict(event)
    out.update(_jsonable(rows[0]))
    out["mentions"] = [mention_to_dict(m, event_id=event_id) for m in event.mentions]
    doc_ids = sorted({m.article_id for m in event.mentions})
    articles = store.query("SELECT doc_id, title, published, source, url FROM articles WHERE "
                           + _in("doc_id", doc_ids) + " ORDER BY doc_id", doc_ids) if doc_ids else []
    out["articles"] = [_jsonable(a) for a in articles]
    return out


def segments(text: str, spans: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary: each piece lists the mentions covering it.

    Offsets are Python string indices, so the page never has to count characters itself
    (JavaScript counts UTF-16 units, which differ outside the Basic Multilingual Plane).
    """
    n = len(text)
    cuts = {0, n}
    for s in spans:
        cuts.update((max(0, min(n, s["start"])), max(0, min(n, s["end"]))))
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if a == b:
            continue
        covering = [s["mention_id"] for s in spans if s["start"] <= a and b <= s["end"]]
        out.append({"text": text[a:b], "mentions": covering})
    return out


def article_detail(store, doc_id: str) -> dict[str, Any] | None:
    """One article: its text, its evidence spans, and the text cut into marked segments."""
    article = store.article(doc_id)
    if article is None:
        return None
    spans = []
    for m, event_id in store.mentions(doc_id=doc_id):
        spans.append({"mention_id": m.mention_id, "event_id": event_id, "event_type": str(m.event_type),
                      "sub_event_type": str(m.sub_event_type), "start": m.evidence.start, "end": m.evidence.end,
                      "sentence": m.evidence.sentence})
    spans.sort(key=lambda s: (s["start"], s["end"], s["mention_id"]))
    out = article_to_dict(article)
    out["spans"] = spans
    out["segments"] = segments(article.text, spans)
    return out
