"""Stores for the page: many synthetic events built from real Mention records.

Shared by the browser tests and ``bench/page_paint.py``.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path


def build_many_events(db: Path, n: int) -> Path:
    """``n`` events spread over a region and two years, written with the real Store."""
    from eventsift.model import (Article, Event, EventType, Evidence, Mention, Place, SUB_EVENT_PARENT,
                                 SubEventType, TimeSpan)
    from eventsift.store import Store

    subs = list(SubEventType)
    results, events = [], []
    for i in range(n):
        sub = subs[i % len(subs)]
        day = date(2020, 1, 1) + timedelta(days=(i * 7) % 730)
        text = f"Report {i}: an incident took place near site {i} on that day."
        art = Article(id=f"a{i}", text=text, title=f"Report {i}", source=f"Outlet {i % 17}", published=day,
                      content_hash=f"h{i}")
        place = Place(name=f"Site {i}", country="SY", lat=32.5 + (i * 37 % 500) / 100, lon=35.8 + (i * 53 % 600) / 100)
        m = Mention(article_id=art.id, event_type=SUB_EVENT_PARENT[sub], sub_event_type=sub,
                    evidence=Evidence(sentence=text, start=0, end=len(text)), date=TimeSpan(start=day, end=day),
                    location=place, fatalities=i % 5)
        results.append((art, [m]))
        events.append(Event(event_id=f"ev-{i:05d}", event_type=m.event_type, sub_event_type=sub, mentions=(m,),
                            date=m.date, location=place, fatalities=m.fatalities, sources=(art.source,)))
    if n >= len(subs):
        assert {e.event_type for e in events} == set(EventType)
    with Store.open(db) as store:
        store.add_article_results(results)
        store.replace_events(events)
    return db
