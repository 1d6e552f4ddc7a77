"""merge_events: one event per incident, no chaining, order does not matter."""
from __future__ import annotations

import random
from datetime import date

from eventsift.merge import merge_events
from eventsift.model import (Actor, ActorKind, Evidence, EventType, Mention, Place, Precision, SubEventType,
                             TimeSpan)

RU = Actor(name="Military Forces of Russia", country="RU", kind=ActorKind.STATE_FORCES)
FR = Actor(name="Military Forces of France", country="FR", kind=ActorKind.STATE_FORCES)
IS = Actor(name="Islamic State", kind=ActorKind.REBEL_GROUP)
HOMS = Place(name="Homs", country="SY", admin1_code="SY-HI", lat=34.73, lon=36.71, precision=Precision.POINT)
HAMA = Place(name="Hama", country="SY", admin1_code="SY-HM", lat=35.13, lon=36.76, precision=Precision.POINT)
SYRIA = Place(name="Syria", country="SY", precision=Precision.COUNTRY)


def mention(art: str, sentence: str, *, actor=RU, place=HOMS, day=date(2019, 5, 4), end=None, killed=None,
            sub=SubEventType.AIR_DRONE_STRIKE, start=0) -> Mention:
    return Mention(article_id=art, event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE, sub_event_type=sub,
                   evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                   date=TimeSpan(start=day, end=end or day), location=place, actor1=actor, fatalities=killed)


def test_merge_same_strike_from_three_outlets_is_one_event():
    ms = [mention("a", "Russian jets struck a market in Homs, killing 11.", killed=11),
          mention("b", "Eleven people died when Russian aircraft hit Homs market.", killed=11),
          mention("c", "Warplanes bombed a busy market in the city of Homs; 12 were killed.", killed=12, actor=None)]
    events = merge_events(ms, published={"a": date(2019, 5, 4), "b": date(2019, 5, 4), "c": date(2019, 5, 6)})
    assert len(events) == 1
    ev = events[0]
    assert len(ev.mentions) == 3
    assert ev.fatalities == 12  # the most recent report
    assert [c.field for c in ev.conflicts] == ["fatalities"]
    assert dict(ev.conflicts[0].values) == {"11": ("a", "b"), "12": ("c",)}


def test_merge_two_air_forces_same_city_same_day_stay_apart():
    ms = [mention("a", "Russian jets struck Homs on Saturday."),
          mention("b", "French jets struck Homs on Saturday.", actor=FR)]
    assert len(merge_events(ms)) == 2


def test_merge_does_not_chain_through_an_actorless_report():
    # c could match a (Russian) and b (French); a and b can never be one incident
    ms = [mention("a", "Russian jets struck Homs on Saturday, killing four.", killed=4),
          mention("b", "French jets struck Homs on Saturday, killing four.", actor=FR, killed=4),
          mention("c", "Jets struck Homs on Saturday, killing four.", actor=None, killed=4)]
    events = merge_events(ms)
    assert len(events) == 2
    assert all({"a", "b"} - {m.article_id for m in e.mentions} for e in events)


def test_merge_different_days_and_places_stay_apart():
    ms = [mention("a", "Russian jets struck Homs."), mention("b", "Russian jets struck Homs.", day=date(2019, 5, 9)),
          mention("c", "Russian jets struck Hama.", place=HAMA)]
    assert len(merge_events(ms)) == 3


def test_merge_country_level_report_needs_more_than_a_shared_actor():
    ms = [mention("a", "Russian jets struck Homs on Saturday."),
          mention("b", "Russia said its air force flew 60 sorties over Syria this week.", place=SYRIA,
                  day=date(2019, 4, 29), end=date(2019, 5, 4))]
    assert len(merge_events(ms)) == 2


def test_merge_vague_background_mention_joins_the_dated_event():
    ms = [mention("a", "Islamic State claimed the bombing of the Homs bus station that killed 30 people.",
                  actor=IS, killed=30, sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, place=SYRIA,
                  day=date(2019, 5, 1), end=date(2019, 5, 7)),
          mention("b", "A bomb at the Homs bus station killed 30 people on Friday, and Islamic State claimed it.",
                  actor=IS, killed=30, sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, day=date(2019, 5, 3))]
    [ev] = merge_events(ms)
    assert ev.date.start == ev.date.end == date(2019, 5, 3)
    assert ev.location.name == "Homs"


def test_merge_is_order_independent_and_idempotent():
    ms = [mention(a, f"Russian jets struck Homs market, killing {k}.", killed=k, start=i)
          for i, (a, k) in enumerate([("a", 5), ("b", 5), ("c", 6)])]
    ms += [mention("d", "French jets struck Homs.", actor=FR), mention("e", "French jets hit Homs.", actor=FR)]
    ms += [mention("f", "Russian jets struck Hama.", place=HAMA)]
    base = merge_events(ms)
    rng = random.Random(7)
    for _ in range(20):
        shuffled = ms[:]
        rng.shuffle(shuffled)
        assert merge_events(shuffled) == base
    again = merge_events([m for e in base for m in e.mentions])
    assert again == base
