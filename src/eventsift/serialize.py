"""Records <-> plain dicts, in the field names of the export format (DESIGN.md).

The store keeps each mention and event as this JSON, and every export is written from
it, so one function decides what a record looks like outside the program. Reading
back (``*_from_dict``) is the exact inverse: ``mention_from_dict(mention_to_dict(m))
== m`` for every mention.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from eventsift.model import (Actor, ActorKind, Article, Conflict, DatePrecision, Event, EventType, Evidence,
                             Mention, Modality, Place, Precision, Provenance, Quantity, SubEventType, TimeSpan)


def _span(d: TimeSpan | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"start": d.start.isoformat(), "end": d.end.isoformat(), "precision": str(d.precision), "text": d.text}


def _span_from(d: dict[str, Any] | None) -> TimeSpan | None:
    if not d:
        return None
    return TimeSpan(start=date.fromisoformat(d["start"]), end=date.fromisoformat(d["end"]),
                    precision=DatePrecision(d.get("precision") or "day"), text=d.get("text"))


def _place(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"name": p.name, "country": p.country, "admin1": p.admin1, "admin1_code": p.admin1_code,
            "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id, "precision": str(p.precision),
            "qualifier": p.qualifier, "text": p.text}


def _place_from(d: dict[str, Any] | None) -> Place | None:
    if not d:
        return None
    return Place(name=d["name"], country=d.get("country"), admin1=d.get("admin1"), admin1_code=d.get("admin1_code"),
                 lat=d.get("lat"), lon=d.get("lon"), geonames_id=d.get("geonames_id"),
                 precision=Precision(d.get("precision") or "point"), qualifier=d.get("qualifier"), text=d.get("text"))


def _actor(a: Actor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"name": a.name, "country": a.country, "kind": None if a.kind is None else str(a.kind), "text": a.text}


def _actor_from(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(name=d["name"], country=d.get("country"), kind=ActorKind(d["kind"]) if d.get("kind") else None,
                 text=d.get("text"))


def mention_to_dict(m: Mention, *, event_id: str | None = None) -> dict[str, Any]:
    """One line of mentions.jsonl: the Mention with ``doc_id`` and ``event_id`` added."""
    return {
        "mention_id": m.mention_id,
        "doc_id": m.article_id,
        "event_id": event_id,
        "event_type": str(m.event_type),
        "sub_event_type": str(m.sub_event_type),
        "date": _span(m.date),
        "location": _place(m.location),
        "actor1": _actor(m.actor1),
        "actor2": _actor(m.actor2),
        "fatalities": m.fatalities,
        "fatalities_max": m.fatalities_max,
        "injuries": m.injuries,
        "injuries_max": m.injuries_max,
        "quantities": [{"value": q.value, "unit": q.unit, "text": q.text} for q in m.quantities],
        "weapons": list(m.weapons),
        "attributed_to": m.attributed_to,
        "modality": str(m.modality),
        "trigger": m.trigger,
        "evidence": {"sentence": m.evidence.sentence, "start": m.evidence.start, "end": m.evidence.end},
        "confidence": m.confidence,
        "provenance": None if m.provenance is None else {
            "article_id": m.provenance.article_id, "rule": m.provenance.rule, "version": m.provenance.version},
    }


def mention_from_dict(d: dict[str, Any]) -> Mention:
    ev = d["evidence"]
    prov = d.get("provenance")
    return Mention(
        article_id=d["doc_id"], event_type=EventType(d["event_type"]), sub_event_type=SubEventType(d["sub_event_type"]),
        evidence=Evidence(sentence=ev["sentence"], start=ev["start"], end=ev["end"]), trigger=d.get("trigger") or "",
        date=_span_from(d.get("date")), location=_place_from(d.get("location")), actor1=_actor_from(d.get("actor1")),
        actor2=_actor_from(d.get("actor2")), fatalities=d.get("fatalities"), fatalities_max=d.get("fatalities_max"),
        injuries=d.get("injuries"), injuries_max=d.get("injuries_max"),
        quantities=tuple(Quantity(value=q["value"], unit=q["unit"], text=q["text"]) for q in d.get("quantities") or ()),
        weapons=tuple(d.get("weapons") or ()), attributed_to=d.get("attributed_to"),
        modality=Modality(d.get("modality") or "asserted"), confidence=d.get("confidence", 0.5),
        provenance=None if not prov else Provenance(article_id=prov["article_id"], rule=prov["rule"],
                                                    version=prov["version"]),
    )


def event_to_dict(e: Event) -> dict[str, Any]:
    """One line of events.jsonl: consensus fields, sources, conflicts and mention references."""
    return {
        "event_id": e.event_id,
        "event_type": str(e.event_type),
        "sub_event_type": str(e.sub_event_type),
        "date": _span(e.date),
        "location": _place(e.location),
        "actor1": _actor(e.actor1),
        "actor2": _actor(e.actor2),
        "fatalities": e.fatalities,
        "injuries": e.injuries,
        "sources": list(e.sources),
        "doc_ids": sorted({m.article_id for m in e.mentions}),
        "conflicts": [{"field": c.field, "values": [{"value": v, "doc_ids": list(ids)} for v, ids in c.values]}
                      for c in e.conflicts],
        "mentions": [{"mention_id": m.mention_id, "doc_id": m.article_id, "evidence": m.evidence.sentence,
                      "start": m.evidence.start, "end": m.evidence.end} for m in e.mentions],
    }


def event_from_dict(d: dict[str, Any], mentions: tuple[Mention, ...]) -> Event:
    """Rebuild an Event; its mentions come from the store, not from the reference list."""
    return Event(
        event_id=d["event_id"], event_type=EventType(d["event_type"]), sub_event_type=SubEventType(d["sub_event_type"]),
        mentions=mentions, date=_span_from(d.get("date")), location=_place_from(d.get("location")),
        actor1=_actor_from(d.get("actor1")), actor2=_actor_from(d.get("actor2")), fatalities=d.get("fatalities"),
        injuries=d.get("injuries"), sources=tuple(d.get("sources") or ()),
        conflicts=tuple(Conflict(field=c["field"], values=tuple((v["value"], tuple(v["doc_ids"])) for v in c["values"]))
                        for c in d.get("conflicts") or ()),
    )


def article_to_dict(a: Article) -> dict[str, Any]:
    return {"doc_id": a.id, "title": a.title, "published": None if a.published is None else a.published.isoformat(),
            "source": a.source, "url": a.url, "language": a.language, "origin": a.origin,
            "content_hash": a.content_hash, "text": a.text}
