"""A small store built by hand (articles, mentions, events) and a test client over it.

Records are written with the real Store, so the API reads exactly what a pipeline run
would leave; building them by hand pins every value the tests assert on.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from eventsift.model import (Actor, ActorKind, Article, Conflict, Event, EventType, Evidence, Mention, Place,
                             Precision, SubEventType, TimeSpan)
from eventsift.store import Store

XSS_TITLE = '<img src=x onerror="alert(1)">Clash near Resafa'
XSS_SENTENCE = ("Militants attacked army posts near Resafa, killing two soldiers "
                "<script>alert('x')</script><img src=x onerror=alert(2)> ' OR 1=1 --.")
EMOJI_PREFIX = "Report 🙂🙂 from the front. "
EMOJI_SENTENCE = "Protesters gathered in Baghdad on Friday."

RU = Actor(name="Military Forces of Russia", country="RU", kind=ActorKind.STATE_FORCES)
IS = Actor(name="Islamic State", kind=ActorKind.REBEL_GROUP)
RAQQA = Place(name="Ar Raqqah", country="SY", admin1="Ar Raqqah", admin1_code="SY-RA", lat=35.95, lon=39.01,
              geonames_id=172957)
PARIS = Place(name="Paris", country="FR", admin1="Île-de-France", admin1_code="FR-IDF", lat=48.85, lon=2.35)
RESAFA = Place(name="Resafa", country="SY", admin1="Ar Raqqah", admin1_code="SY-RA", lat=35.63, lon=38.76)
SUVA = Place(name="Suva", country="FJ", admin1="Central", admin1_code="FJ-C", lat=-18.14, lon=178.44)
IRAQ = Place(name="Iraq", country="IQ", precision=Precision.COUNTRY)


def _article(doc_id: str, text: str, *, title: str | None, source: str | None, published: date | None,
             url: str | None = None) -> Article:
    return Article(id=doc_id, text=text, title=title, source=source, published=published, url=url,
                   content_hash=f"hash-{doc_id}")


def _mention(art: Article, sentence: str, *, event_type: EventType, sub: SubEventType, day: date | None,
             place: Place | None, actor1: Actor | None = None, actor2: Actor | None = None,
             killed: int | None = None) -> Mention:
    start = art.text.index(sentence)
    return Mention(article_id=art.id, event_type=event_type, sub_event_type=sub,
                   evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                   date=TimeSpan(start=day, end=day) if day else None, location=place, actor1=actor1,
                   actor2=actor2, fatalities=killed, confidence=0.8)


def build_store(path: Path) -> dict[str, object]:
    """Write five events from six articles; returns the records for the tests to compare."""
    a1 = _article("raqqa-a", "Russian jets struck Raqqa on Tuesday, killing 12 people. Shops were closed.",
                  title="Strikes on Raqqa", source="Outlet A", published=date(2015, 11, 18),
                  url="https://news.example.org/a")
    a2 = _article("raqqa-b", "Overnight news. Air strikes hit Raqqa on Tuesday; 14 people died.",
                  title="Raqqa hit", source="Outlet B", published=date(2015, 11, 18))
    a3 = _article("paris", "Gunmen and suicide bombers attacked Paris on Friday, killing 129 people.",
                  title="Attacks in Paris", source="Outlet C", published=date(2015, 11, 14))
    a4 = _article("xss", "Intro line. " + XSS_SENTENCE + " The army said it repelled the attack.",
                  title=XSS_TITLE, source="<b>Outlet X</b>", published=date(2021, 1, 22),
                  url="javascript:alert(3)")
    a5 = _article("emoji", EMOJI_PREFIX + EMOJI_SENTENCE, title="Baghdad", source="Outlet D", published=None)
    a6 = _article("suva", "Rioters set fire to shops in Suva on Monday.", title="Suva", source="Outlet E",
                  published=date(2019, 3, 5))
    m1 = _mention(a1, "Russian jets struck Raqqa on Tuesday, killing 12 people.", event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                  sub=SubEventType.AIR_DRONE_STRIKE, day=date(2015, 11, 17), place=RAQQA, actor1=RU, killed=12)
    m2 = _mention(a2, "Air strikes hit Raqqa on Tuesday; 14 people died.", event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                  sub=SubEventType.AIR_DRONE_STRIKE, day=date(2015, 11, 17), place=RAQQA, killed=14)
    m3 = _mention(a3, "Gunmen and suicide bombers attacked Paris on Friday, killing 129 people.",
                  event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE, sub=SubEventType.SUICIDE_BOMB,
                  day=date(2015, 11, 13), place=PARIS, actor1=IS, killed=129)
    m4 = _mention(a4, XSS_SENTENCE, event_type=EventType.BATTLES, sub=SubEventType.ARMED_CLASH,
                  day=date(2021, 1, 21), place=RESAFA, actor1=IS,
                  actor2=Actor(name="<script>alert('actor')</script>", kind=ActorKind.STATE_FORCES), killed=2)
    m5 = _mention(a5, EMOJI_SENTENCE, event_type=EventType.PROTESTS, sub=SubEventType.PEACEFUL_PROTEST,
                  day=None, place=IRAQ)
    m6 = _mention(a6, "Rioters set fire to shops in Suva on Monday.", event_type=EventType.RIOTS,
                  sub=SubEventType.VIOLENT_DEMONSTRATION, day=date(2019, 3, 4), place=SUVA)
    events = [
        Event(event_id="ev-raqqa", event_type=m1.event_type, sub_event_type=m1.sub_event_type, mentions=(m1, m2),
              date=m1.date, location=RAQQA, actor1=RU, fatalities=14, sources=("Outlet A", "Outlet B"),
              conflicts=(Conflict(field="fatalities", values=(("12", ("raqqa-a",)), ("14", ("raqqa-b",)))),)),
        Event(event_id="ev-paris", event_type=m3.event_type, sub_event_type=m3.sub_event_type, mentions=(m3,),
              date=m3.date, location=PARIS, actor1=IS, fatalities=129, sources=("Outlet C",)),
        Event(event_id="ev-xss", event_type=m4.event_type, sub_event_type=m4.sub_event_type, mentions=(m4,),
              date=m4.date, location=RESAFA, actor1=IS, actor2=m4.actor2, fatalities=2,
              sources=("<b>Outlet X</b>",)),
        Event(event_id="ev-baghdad", event_type=m5.event_type, sub_event_type=m5.sub_event_type, mentions=(m5,),
              location=IRAQ, sources=("Outlet D",)),
        Event(event_id="ev-suva", event_type=m6.event_type, sub_event_type=m6.sub_event_type, mentions=(m6,),
              date=m6.date, location=SUVA, sources=("Outlet E",)),
    ]
    with Store.open(path) as store:
        store.add_article_results([(a1, [m1]), (a2, [m2]), (a3, [m3]), (a4, [m4]), (a5, [m5]), (a6, [m6])])
        store.replace_events(events)
    return {"events": {e.event_id: e for e in events}, "mentions": [m1, m2, m3, m4, m5, m6]}


@pytest.fixture(scope="session")
def api_store(tmp_path_factory) -> tuple[Path, dict[str, object]]:
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    records = build_store(path)
    return path, records


@pytest.fixture(scope="session")
def texts() -> SimpleNamespace:
    """The payload texts the store holds, for tests to compare against."""
    return SimpleNamespace(xss_title=XSS_TITLE, xss_sentence=XSS_SENTENCE, emoji_prefix=EMOJI_PREFIX,
                           emoji_sentence=EMOJI_SENTENCE)


@pytest.fixture(scope="session")
def client(api_store):
    from fastapi.testclient import TestClient

    from eventsift.server.app import ServerSettings, create_app

    return TestClient(create_app(ServerSettings(db=api_store[0])))
