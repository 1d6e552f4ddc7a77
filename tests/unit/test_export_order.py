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


def test_a_place_refined_later_keeps_the_position_of_its_first_naming():
    # the headline names "Deir Ezzor" then "Aleppo"; the Deir Ezzor event took its place's
    # wording ("Deir Ezzor city") from a later sentence
    text = "3 Civilians Killed 38 Injured in Terrorist Rocket Attacks in Deir Ezzor Aleppo."

    def told(place: str, written: str) -> Mention:
        return Mention(article_id="a", event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                       sub_event_type=SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK, trigger="Killed",
                       evidence=Evidence(sentence=text, start=0, end=len(text)),
                       location=Place(name=place, country="SY", text=written))

    deir, aleppo = told("Deir ez-Zor", "Deir Ezzor city"), told("Aleppo", "Aleppo")
    rows = sorted([(aleppo, None), (deir, None)], key=reading_order)
    assert [m for m, _ in rows] == [deir, aleppo]
