"""Where an article's events happened and where their evidence starts: rules for news pages
(headlines run into the lead, page stamps, district names, group names), on texts written
for these tests (published Wednesday 10 June 2020)."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.extract.article import _dateline_end, _headline_end, _lead_area
from eventsift.model import Article, Place, Precision

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract_titled(loaded):
    from eventsift.pipeline import process_batch

    def run(text: str, title: str | None = None):
        art = Article(id="t1", text=text, title=title, published=date(2020, 6, 10))
        return process_batch([art], loaded)[0][1]

    return run


def first(mentions):
    assert mentions, "no mention"
    return min(mentions, key=lambda m: m.evidence.start)


@pytest.mark.parametrize("text, lead", [
    ("01-06-2020 Gunmen killed four farmers near Maiduguri.", "Gunmen"),
    ("08.06.2020Get short URL 0 41 Gunmen killed four farmers near Maiduguri.", "Gunmen"),
    ("Last updated at Jun 082020 Gunmen killed four farmers near Maiduguri.", "Gunmen"),
    ("Gunmen kill four farmers Police AFP Monday 8 Jun 2020 Gunmen killed four farmers near Maiduguri.", "Gunmen killed"),
])
def test_page_stamps_are_not_evidence(text, lead):
    assert _dateline_end(text) == text.index(lead)


def test_a_date_in_the_story_is_not_a_stamp():
    text = "Gunmen who had attacked the village on 8 Jun 2020 returned and killed four farmers."
    assert _dateline_end(text) == 0


def test_repeated_headline_is_not_evidence():
    text = "Gunmen kill four farmers near Maiduguri Gunmen killed four farmers in a village on Monday."
    assert _headline_end(text, "Gunmen kill four farmers near Maiduguri | Daily Times") == text.index("Gunmen killed")
    assert _headline_end(text, "Four farmers die") == 0
    # a page whose headline is its lead's opening clause keeps the whole lead as evidence
    lead = "Gunmen killed four farmers near Maiduguri on Monday, police said in a statement."
    assert _headline_end(lead, "Gunmen killed four farmers near Maiduguri on Monday") == 0


def test_evidence_starts_after_headline_and_stamp(extract_titled):
    text = ("Bomb kills four in Kabul market Police AFP Tuesday 9 Jun 2020 A bomb killed four people "
            "in a market in Kabul on Tuesday, police said.")
    m = first(extract_titled(text, title="Bomb kills four in Kabul market Police"))
    assert m.evidence.start == text.index("A bomb")


def test_district_read_as_namesake_yields_to_its_city(extract_titled):
    m = first(extract_titled("Two people were killed when mortar shells hit the Midan neighbourhood of "
                             "Damascus on Monday, state media said."))
    assert m.location.country == "SY" and m.location.admin1_code == "SY-DI"


def test_place_in_a_group_name_is_not_the_event_place(extract_titled):
    text = ("Shelling killed three people in Aleppo on Sunday, a monitor said.\n"
            "The Islamic State in Iraq and the Levant executed 19 men at an oil field on Monday.")
    ms = [m for m in extract_titled(text) if m.evidence.start > 0]
    assert len(ms) == 1
    assert ms[0].location.country == "SY" and ms[0].location.name not in ("Iraq", "Levant")


def test_country_that_acts_is_not_the_place(extract_titled):
    text = ("Shelling killed three people in Aleppo on Sunday, a monitor said.\n"
            "At least 23 civilians were killed in new air strikes on Monday as France and Britain "
            "raised the prospect of a war crimes inquiry.")
    ms = sorted(extract_titled(text), key=lambda m: m.evidence.start)
    assert all(m.location.country == "SY" for m in ms)


def test_country_modifying_the_event_noun_is_who_struck(extract_titled):
    text = ("Air strikes killed ten people in Raqqa on Sunday.\n"
            "At least 45 people were killed in the US latest airstrike on Monday, residents said.")
    ms = sorted(extract_titled(text), key=lambda m: m.evidence.start)
    assert all(m.location.country == "SY" for m in ms)


def test_title_case_nouns_after_a_place_name(extract_titled):
    text = ("47 Commanders Killed in Idleb Blast.\n"
            "The explosion hit a meeting of rebel commanders in northern Syria on Tuesday.")
    m = first(extract_titled(text))
    assert m.location.country == "SY" and m.location.admin1_code == "SY-ID"


def test_lead_area_is_the_province_most_named_early(loaded):
    def town(name: str, code: str) -> Place:
        return Place(name=name, country="SY", admin1=name, admin1_code=code, precision=Precision.POINT)

    aleppo, idlib = town("Aleppo", "SY-HL"), town("Saraqib", "SY-ID")
    # a side mention first, then the story's own province named again and again
    named = [(40, aleppo), (120, idlib), (200, idlib), (320, idlib)]
    lead = _lead_area([], loaded.res, named, ["SY"])
    assert lead is not None and lead.admin1_code == "SY-ID" and lead.precision is Precision.ADMIN1
    # a headline's place outweighs one later mention elsewhere
    lead = _lead_area([], loaded.res, [(600, idlib)], ["SY"], headline=[(-1, aleppo)])
    assert lead.admin1_code == "SY-HL"
