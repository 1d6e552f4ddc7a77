"""Mentions are exported in the order a reader meets them."""
from __future__ import annotations

from eventsift.export import reading_order
from eventsift.model import Evidence, EventType, Mention, Place, SubEventType


SENTENCE = "Protesters rallied in Lagos on Monday as police arrested five activists in Lagos and Abuja."


def _mention(sub: SubEventType, kind: EventType, trigger: str, place: str) -> Mention:
    return Mention(article_id="a", event_type=kind, sub_event_type=sub, trigger=trigger,
                   evidence=Evidence(sentence=SENTENCE, start=0, end=len(SENTENCE)),
                   location=Place(name=place, country="NG", text=place))


def test_mentions_of_one_sentence_follow_their_words_then_their_places():
    arrest_lagos = _mention(SubEventType.ARRESTS, EventType.STRATEGIC_DEVELOPMENTS, "arrested", "Lagos")
    arrest_abuja = _mention(SubEventType.ARRESTS, EventType.STRATEGIC_DEVELOPMENTS, "arrested", "Abuja")
    rally = _mention(SubEventType.PEACEFUL_PROTEST, EventType.PROTESTS, "rallied", "Lagos")
    rows = sorted([(arrest_abuja, None), (arrest_lagos, None), (rally, None)], key=reading_order)
    assert [m for m, _ in rows] == [rally, arrest_lagos, arrest_abuja]
