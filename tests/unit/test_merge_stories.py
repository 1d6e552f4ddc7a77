"""Stories group runs of related events; the timeline lists them day by day."""
from __future__ import annotations

from datetime import date

from rich.console import Console

from eventsift.merge import merge_events
from eventsift.model import Actor, ActorKind, Evidence, EventType, Mention, Place, Precision, SubEventType, TimeSpan
from eventsift.stories import group_stories
from eventsift.timeline import render_timeline, timeline_days

RU = Actor(name="Military Forces of Russia", country="RU", kind=ActorKind.STATE_FORCES)
FR = Actor(name="Military Forces of France", country="FR", kind=ActorKind.STATE_FORCES)
HOMS = Place(name="Homs", country="SY", admin1_code="SY-HI", lat=34.73, lon=36.71, precision=Precision.POINT)
HAMA = Place(name="Hama", country="SY", admin1_code="SY-HM", lat=35.13, lon=36.76, precision=Precision.POINT)


def mention(art, sentence, *, actor=RU, place=HOMS, day=date(2019, 5, 4), said="on Saturday", killed=None, start=0):
    return Mention(article_id=art, event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                   sub_event_type=SubEventType.AIR_DRONE_STRIKE,
                   evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                   date=TimeSpan(start=day, end=day, text=said), location=place, actor1=actor, fatalities=killed)


def test_merge_stories_group_a_series_and_split_at_a_long_gap_or_another_actor():
    ms = [mention(f"r{i}", f"Russian jets struck Homs district {i}.", day=date(2019, 5, d), said="on that day",
                  start=i) for i, d in enumerate((1, 4, 9, 30))]
    ms += [mention("f1", "French jets struck Homs.", actor=FR, day=date(2019, 5, 2), said="Thursday"),
           mention("h1", "Russian jets struck Hama.", place=HAMA, day=date(2019, 5, 2), said="Thursday")]
    events = merge_events(ms)
    [story] = group_stories(events)
    assert story.actor1 == "Military Forces of Russia" and story.admin1_code == "SY-HI"
    assert (story.start, story.end) == (date(2019, 5, 1), date(2019, 5, 9)) and len(story.event_ids) == 3


def test_merge_timeline_lists_days_sources_and_conflicts():
    ms = [mention("a", "A car bomb in Homs killed 129 people on Saturday.", killed=129, actor=None),
          mention("b", "A car bomb in Homs killed 130 people on Saturday.", killed=130, actor=None),
          mention("c", "Russian jets struck Hama.", place=HAMA, day=date(2019, 6, 1), said="June 1")]
    events = merge_events(ms, sources={"a": "Reuters", "b": "SANA", "c": "AFP"})
    days, undated = timeline_days(events, country="sy", end=date(2019, 5, 31))
    assert [d for d, _ in days] == [date(2019, 5, 4)] and undated == 0
    console = Console(record=True, width=200)
    render_timeline(days, console=console)
    text = console.export_text()
    assert "Sat 04 May 2019" in text and "Homs, SY" in text and "2 sources: Reuters, SANA" in text
    assert "⚠ fatalities: 129 (a); 130 (b)" in text and "Hama" not in text
