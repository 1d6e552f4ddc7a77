"""merge_events: blocking, one event per incident, no chaining, background joins, conflicts."""
from __future__ import annotations

import random
from datetime import date

from eventsift.merge import BlockIndex, candidate_pairs, compatible, link_score, merge_events
from eventsift.model import (Actor, ActorKind, DatePrecision, Evidence, EventType, Mention, Place, Precision,
                             SubEventType, TimeSpan)
from eventsift.similarity import LexicalSimilarity

RU = Actor(name="Military Forces of Russia", country="RU", kind=ActorKind.STATE_FORCES)
FR = Actor(name="Military Forces of France", country="FR", kind=ActorKind.STATE_FORCES)
SY = Actor(name="Military Forces of Syria", country="SY", kind=ActorKind.STATE_FORCES)
IS = Actor(name="Islamic State", kind=ActorKind.REBEL_GROUP)
UNKNOWN = Actor(name="Unidentified Armed Group", kind=ActorKind.POLITICAL_MILITIA)
CIVILIANS = Actor(name="Civilians (Syria)", country="SY", kind=ActorKind.CIVILIANS)
HOMS = Place(name="Homs", country="SY", admin1_code="SY-HI", lat=34.73, lon=36.71, precision=Precision.POINT)
HAMA = Place(name="Hama", country="SY", admin1_code="SY-HM", lat=35.13, lon=36.76, precision=Precision.POINT)
HOMS_PROVINCE = Place(name="Homs Governorate", country="SY", admin1_code="SY-HI", precision=Precision.ADMIN1)
IDLIB_PROVINCE = Place(name="Idlib Governorate", country="SY", admin1_code="SY-ID", precision=Precision.ADMIN1)
SYRIA = Place(name="Syria", country="SY", precision=Precision.COUNTRY)
PARIS = Place(name="Paris", country="FR", admin1_code="FR-IDF", lat=48.85, lon=2.35, precision=Precision.POINT)
FRANCE = Place(name="France", country="FR", precision=Precision.COUNTRY)
SAT = date(2019, 5, 4)


def mention(art: str, sentence: str, *, actor=RU, place=HOMS, day=SAT, end=None, said="on Saturday", killed=None,
            sub=SubEventType.AIR_DRONE_STRIKE, start=0, undated=False,
            etype=EventType.EXPLOSIONS_REMOTE_VIOLENCE) -> Mention:
    """``said=None`` makes the date the publication-date fallback (the article states none)."""
    when = None if undated else TimeSpan(start=day, end=end or day, text=said,
                                         precision=DatePrecision.RANGE if end else DatePrecision.DAY)
    return Mention(article_id=art, event_type=etype, sub_event_type=sub,
                   evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                   date=when, location=place, actor1=actor, fatalities=killed)


def ids(events) -> list[set[str]]:
    return sorted(({m.article_id for m in e.mentions} for e in events), key=sorted)


# ---- blocking -------------------------------------------------------------------------

def test_merge_blocking_pairs_only_same_country_family_and_touching_dates():
    ms = [mention("a", "Russian jets struck Homs."),
          mention("b", "Russian jets struck Homs.", day=date(2019, 5, 5)),           # next day: a candidate
          mention("c", "Russian jets struck Homs.", day=date(2019, 5, 20)),          # two weeks on: not
          mention("d", "Russian jets struck Paris.", place=PARIS),                   # other country: not
          mention("e", "Protesters marched in Homs.", sub=SubEventType.PEACEFUL_PROTEST, etype=EventType.PROTESTS),
          mention("f", "Jets struck Homs, a report said.", undated=True),            # undated: the whole block
          mention("g", "Jets struck Homs last week.", day=date(2019, 5, 10), said=None)]  # fallback: a month back
    pairs = {tuple(sorted((a.article_id, b.article_id))) for a, b in candidate_pairs(ms)}
    assert ("a", "b") in pairs and ("a", "f") in pairs and ("c", "f") in pairs
    assert ("a", "g") in pairs and ("b", "g") in pairs  # a report dated only by its publication day
    assert ("a", "c") not in pairs and ("c", "g") not in pairs  # c is ten days after g's report
    assert not any("d" in p for p in pairs)
    assert not any("e" in p for p in pairs)


def test_merge_block_index_finds_long_spans_that_start_early():
    month = mention("m", "Strikes on Homs went on all month.", day=date(2019, 5, 1), end=date(2019, 5, 31),
                    said="in May")
    day = mention("d", "Russian jets struck Homs.", day=date(2019, 5, 28))
    assert [c.article_id for c in BlockIndex([month, day]).candidates(day)] == ["m"]


# ---- one incident, several reports ---------------------------------------------------------

def test_merge_same_strike_from_three_outlets_is_one_event():
    ms = [mention("a", "Russian jets struck a market in Homs, killing 11.", killed=11),
          mention("b", "Eleven people died when Russian aircraft hit Homs market.", killed=11),
          mention("c", "Warplanes bombed a busy market in the city of Homs; 12 were killed.", killed=12, actor=None)]
    events = merge_events(ms, published={"a": date(2019, 5, 4), "b": date(2019, 5, 4), "c": date(2019, 5, 6)},
                          sources={"a": "Reuters", "b": "AFP", "c": "SANA"})
    assert len(events) == 1
    ev = events[0]
    assert len(ev.mentions) == 3 and ev.sources == ("AFP", "Reuters", "SANA")
    assert ev.fatalities == 12  # the most recently published report
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


def test_merge_does_not_chain_across_days_through_a_vague_report():
    # Saturday's and Monday's strikes on Homs, and a report "this week" that fits both
    ms = [mention("a", "Russian jets struck the Homs grain silos, killing six.", killed=6),
          mention("b", "Russian jets struck the Homs grain silos, killing six.", day=date(2019, 5, 6), said="Monday",
                  killed=6),
          mention("c", "Russian jets struck the Homs grain silos this week, killing six.", day=date(2019, 5, 4),
                  end=date(2019, 5, 8), said="this week", killed=6)]
    events = merge_events(ms)
    assert not any({"a", "b"} <= {m.article_id for m in e.mentions} for e in events)


def test_merge_different_days_and_places_stay_apart():
    ms = [mention("a", "Russian jets struck Homs."), mention("b", "Russian jets struck Homs.", day=date(2019, 5, 9)),
          mention("c", "Russian jets struck Hama.", place=HAMA)]
    assert len(merge_events(ms)) == 3


def test_merge_a_town_and_another_province_stay_apart():
    a = mention("a", "Russian jets struck Homs.")
    b = mention("b", "Russian jets struck Idlib province.", place=IDLIB_PROVINCE)
    c = mention("c", "Russian jets struck the Homs countryside.", place=HOMS_PROVINCE)
    assert not compatible(a, b) and compatible(a, c)


def test_merge_country_level_report_needs_more_than_a_shared_actor():
    ms = [mention("a", "Russian jets struck Homs on Saturday."),
          mention("b", "Russia said its air force flew 60 sorties over Syria this week.", place=SYRIA,
                  day=date(2019, 4, 29), end=date(2019, 5, 4), said="this week")]
    assert len(merge_events(ms)) == 2


# ---- background mentions -------------------------------------------------------------------

def test_merge_vague_background_mention_joins_the_dated_event():
    ms = [mention("a", "Islamic State claimed the bombing of the Homs bus station that killed 30 people.",
                  actor=IS, killed=30, sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, place=SYRIA,
                  day=date(2019, 5, 1), end=date(2019, 5, 7), said="last week"),
          mention("b", "A bomb at the Homs bus station killed 30 people on Friday, and Islamic State claimed it.",
                  actor=IS, killed=30, sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, day=date(2019, 5, 3),
                  said="Friday")]
    [ev] = merge_events(ms)
    assert ev.date.start == ev.date.end == date(2019, 5, 3)
    assert ev.location.name == "Homs"


def test_merge_background_mention_dated_by_publication_joins_the_exactly_dated_event():
    # "the attacks in Paris" in an article of the 17th that states no day: the extractor
    # falls back on the publication date; the event keeps the day another article states.
    dated = mention("a", "On Friday, November 13, gunmen and suicide bombers attacked Paris, killing 129 people.",
                    actor=IS, place=PARIS, day=date(2015, 11, 13), said="Friday, November 13", killed=129,
                    sub=SubEventType.SUICIDE_BOMB)
    background = mention("b", "Islamic State claimed the attacks in Paris that killed 129 people.", actor=IS,
                         place=FRANCE, day=date(2015, 11, 17), said=None, killed=129, sub=SubEventType.ATTACK)
    [ev] = merge_events([dated, background], published={"a": date(2015, 11, 14), "b": date(2015, 11, 17)})
    assert ev.date.start == ev.date.end == date(2015, 11, 13)
    assert ev.location.name == "Paris" and ev.sub_event_type is SubEventType.SUICIDE_BOMB
    assert "date" not in [c.field for c in ev.conflicts]  # a fallback date is no claim to dispute


def test_merge_same_sentence_read_twice_in_one_article_is_one_event():
    s = "IS has also claimed responsibility for Friday attacks in Paris that killed 129 people."
    ms = [mention("b", s, actor=None, place=PARIS, day=date(2015, 11, 13), said="Friday", sub=SubEventType.ATTACK),
          mention("b", s, actor=None, place=FRANCE, day=date(2015, 11, 17), said=None, killed=129,
                  sub=SubEventType.ATTACK)]
    [ev] = merge_events(ms)
    assert ev.date.start == date(2015, 11, 13) and ev.fatalities == 129


def test_merge_two_sentences_of_one_article_stay_apart():
    ms = [mention("a", "Russian jets struck Homs on Saturday.", start=0),
          mention("a", "Russian jets also struck Homs on Saturday.", start=100)]
    assert len(merge_events(ms)) == 2


# ---- conflicts ----------------------------------------------------------------------------

def test_merge_conflicts_list_each_value_with_its_articles():
    ms = [mention("a", "A car bomb in Homs killed 129 people on Saturday.", actor=UNKNOWN, killed=129,
                  sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED),
          mention("b", "A car bomb in Homs killed 130 people on Saturday, Islamic State said.", actor=IS, killed=130,
                  sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED),
          mention("c", "A car bomb in Homs on Sunday killed 129 people.", actor=None, killed=129,
                  sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED, day=date(2019, 5, 5), said="on Sunday")]
    [ev] = merge_events(ms, published={"a": date(2019, 5, 4), "b": date(2019, 5, 6), "c": date(2019, 5, 5)})
    got = {c.field: dict(c.values) for c in ev.conflicts}
    assert got["fatalities"] == {"129": ("a", "c"), "130": ("b",)}
    assert got["actor1"] == {"Islamic State": ("b",), "Unidentified Armed Group": ("a",)}
    assert got["date"] == {"2019-05-04": ("a", "b"), "2019-05-05": ("c",)}
    assert ev.fatalities == 130 and ev.actor1.name == "Islamic State"  # latest report; named beats unnamed
    assert ev.date.start == date(2019, 5, 4)  # the day most reports state


def test_merge_disputed_perpetrator_is_one_event_with_a_conflict():
    # same day, same town, same toll: "regime aircraft" vs "Russian aircraft"
    ms = [mention("a", "Regime aircraft bombed a market in Homs on Saturday, killing 23 civilians.", actor=SY,
                  killed=23),
          mention("b", "Russian aircraft bombed a market in Homs on Saturday, killing 23 civilians.", killed=23)]
    [ev] = merge_events(ms)
    assert dict(next(c for c in ev.conflicts if c.field == "actor1").values) == {
        "Military Forces of Russia": ("b",), "Military Forces of Syria": ("a",)}


def test_merge_civilians_as_perpetrator_do_not_split_a_bombing():
    a = mention("a", "A car bomb killed 22 in Homs on Saturday.", actor=CIVILIANS, killed=22,
                sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED)
    b = mention("b", "A car bomb killed 22 people in Homs on Saturday, Islamic State said.", actor=IS, killed=22,
                sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED)
    assert compatible(a, b) and link_score(a, b, similarity=LexicalSimilarity()) >= 2.0


# ---- determinism ----------------------------------------------------------------------------

def test_merge_is_order_independent_and_idempotent():
    ms = [mention(a, f"Russian jets struck Homs market, killing {k}.", killed=k, start=i)
          for i, (a, k) in enumerate([("a", 5), ("b", 5), ("c", 6)])]
    ms += [mention("d", "French jets struck Homs.", actor=FR), mention("e", "French jets hit Homs.", actor=FR)]
    ms += [mention("f", "Russian jets struck Hama.", place=HAMA), mention("g", "Jets struck Homs.", actor=None)]
    base = merge_events(ms)
    rng = random.Random(7)
    for _ in range(20):
        shuffled = ms[:]
        rng.shuffle(shuffled)
        assert merge_events(shuffled) == base
    again = merge_events([m for e in base for m in e.mentions])
    assert again == base
    assert not any({"a", "d"} <= group for group in ids(base))
    assert any({"a", "b", "c"} <= group for group in ids(base))
