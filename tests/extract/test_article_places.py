"""Where an article's events happened and where their evidence starts: rules for news pages
(headlines run into the lead, page stamps, district names, group names), on texts written
for these tests (published Wednesday 10 June 2020)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventsift.extract.article_places import lead_area
from eventsift.extract.lead_text import dateline_end, headline_end
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
    assert dateline_end(text) == text.index(lead)


def test_a_date_in_the_story_is_not_a_stamp():
    text = "Gunmen who had attacked the village on 8 Jun 2020 returned and killed four farmers."
    assert dateline_end(text) == 0


def test_repeated_headline_is_not_evidence():
    text = "Gunmen kill four farmers near Maiduguri Gunmen killed four farmers in a village on Monday."
    assert headline_end(text, "Gunmen kill four farmers near Maiduguri | Daily Times") == text.index("Gunmen killed")
    assert headline_end(text, "Four farmers die") == 0
    # a page whose headline is its lead's opening clause keeps the whole lead as evidence
    lead = "Gunmen killed four farmers near Maiduguri on Monday, police said in a statement."
    assert headline_end(lead, "Gunmen killed four farmers near Maiduguri on Monday") == 0


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


@pytest.mark.parametrize("text", [
    "Ten civilians injured in terrorist attacks in Daraa countryside Aleppo Damascus.",
    "Ten civilians were injured in terrorist attacks in Daraa countryside, Aleppo and Damascus on Sunday.",
])
def test_a_list_of_places_is_reported_in_the_order_it_names_them(extract_titled, text):
    # one event per place, the first named first (a list whose commas were lost too)
    ms = extract_titled(text)
    assert [m.location.admin1_code for m in ms] == ["SY-DR", "SY-HL", "SY-DI"]


def test_the_country_of_a_ministry_that_speaks_is_not_the_place(extract_titled):
    text = ("Russia's Defence Ministry said on Friday that militants shelled a residential area, killing two "
            "civilians. The shells were fired from areas of Idlib province controlled by the Nusra Front.")
    m = first(extract_titled(text))
    assert (m.location.country, m.location.admin1_code) == ("SY", "SY-ID")


@pytest.mark.parametrize("text", [
    # no place named: the country of the forces, of a possessive whose apostrophe was stripped,
    # or of the groups and sources named
    "Regime forces killed 20 rebels in fighting overnight, activists said.",
    "Syrias army killed 20 militants in fighting overnight, state media said.",
    "Daesh terrorists executed 12 civilians, the Syrian Observatory for Human Rights said.",
])
def test_an_article_naming_no_place_is_placed_in_its_country(extract_titled, text):
    ms = extract_titled(text)
    assert len(ms) == 1  # the fighting is how the rebels died, not a second event
    assert (ms[0].location.country, ms[0].location.precision.value) == ("SY", "country")


@pytest.mark.parametrize("text", [
    # a village whose namesake lies near Damascus, placed by its sentence in Deir Ezzor
    "Militants killed 30 civilians in the village of Jdeidah in the eastern province of Deir Ezzor, activists said.",
    "Shelling hit the village of Jdeidah in Deir Ezzor's eastern countryside on Monday.",
    "Shelling hit the village of Jdeidah, east of Deir Ezzor city, on Monday.",
])
def test_a_village_is_placed_by_the_province_or_town_its_sentence_names(extract_titled, text):
    assert first(extract_titled(text)).location.admin1_code == "SY-DY"


@pytest.mark.parametrize("text, admin1", [
    # a mountain range named after the country-wide telling narrows it
    ("Russia says it killed 30 militants in Syria. The strikes targeted positions in the Qalamoun mountains, "
     "the ministry said.", "SY-RD"),
    # "northern Syria" names no province: the article's places tell which
    ("Air strikes killed 35 militants overnight in northern Syria, a monitor said. The strikes hit positions "
     "near the town of Manbij.", "SY-HL"),
])
def test_a_country_wide_report_is_narrowed_by_the_places_told_after_it(extract_titled, text, admin1):
    assert first(extract_titled(text)).location.admin1_code == admin1


def test_weapons_seized_happen_in_the_story_province(extract_titled):
    text = ("Government troops recaptured the village of Kafr Nabudah in Hama province on Monday. In a separate "
            "operation, troops seized a large cache of weapons and ammunition left behind by the militants.")
    ms = sorted(extract_titled(text), key=lambda m: m.evidence.start)
    assert [m.sub_event_type.value for m in ms][-1] == "disrupted_weapons_use"
    assert ms[-1].location.admin1_code == "SY-HM"


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
    lead = lead_area([], loaded.res, named, ["SY"])
    assert lead is not None and lead.admin1_code == "SY-ID" and lead.precision is Precision.ADMIN1
    # a headline's place outweighs one later mention elsewhere
    lead = lead_area([], loaded.res, [(600, idlib)], ["SY"], headline=[(-1, aleppo)])
    assert lead.admin1_code == "SY-HL"


def test_a_name_read_for_a_draft_votes_once_for_the_lead(loaded):
    from types import SimpleNamespace

    def town(name: str, code: str) -> Place:
        return Place(name=name, country="SY", admin1=name, admin1_code=code, precision=Precision.POINT)

    aleppo, idlib = town("Aleppo", "SY-HL"), town("Saraqib", "SY-ID")
    # the story's province named early; a side report later, its place read both for its
    # draft (at the sentence start) and as a name inside that sentence
    draft = SimpleNamespace(start=900, end=1000, place=aleppo, date=None, date_explicit=False)
    lead = lead_area([draft], loaded.res, [(270, idlib), (960, aleppo)], ["SY"])
    assert lead is not None and lead.admin1_code == "SY-ID"


def test_seat_of_an_institution_is_not_the_event_place(loaded):
    from eventsift.extract.places import place_refs, place_spans

    doc = loaded.nlp("Jets killed 80 fighters in air strikes in Idlib the defence ministry in Moscow said on Saturday.")
    sent = next(iter(doc.sents))
    trigger = next(t for t in doc if t.lower_ == "killed")
    refs = place_refs(place_spans(sent), frozenset(range(len(doc))), trigger, set())
    assert "Idlib" in [r.core for r in refs] and "Moscow" not in [r.core for r in refs]


@pytest.mark.parametrize("phrase", ["near the Syrian capital", "in Syrias capital"])
def test_a_country_capital_named_by_its_title(extract_titled, phrase):
    m = first(extract_titled(f"At least 19 people were killed {phrase} on Tuesday, a monitor said."))
    assert m.location.country == "SY" and m.location.admin1_code == "SY-DI"


def test_a_provincial_capital_is_not_the_country_capital(extract_titled):
    m = first(extract_titled("Shelling killed four people in the provincial capital of Idlib province on Monday."))
    assert m.location.admin1_code == "SY-ID"


def test_photo_caption_before_its_credit_is_not_the_report(extract_titled):
    for text in ("A boy cries after a missile hit a district of Aleppo on June 8 2020. (AFP Photo) At least 16 "
                 "civilians were killed on Tuesday in air strikes on Idlib, a monitor said.",
                 "Men inspect a crater in Aleppo June 8 2020(TRT World and Agencies) At least 16 civilians were "
                 "killed on Tuesday in air strikes on Idlib, a monitor said."):
        ms = extract_titled(text)
        m = first(ms)
        assert m.evidence.start == text.index("At least")
        assert all(x.location.admin1_code == "SY-ID" for x in ms)


def test_a_later_incident_elsewhere_does_not_place_a_placeless_lead(extract_titled):
    title = "Aleppo strikes kill five"
    text = ("Government helicopters bombed a residential neighbourhood, killing at least five civilians, a "
            "monitor said. Residents of Aleppo city said the jets returned twice. Activists said government "
            "helicopters bombed a market in Idlib, killing 12 people.")
    ms = extract_titled(text, title=title)
    assert first(ms).location.admin1_code == "SY-HL"
    assert {m.location.admin1_code for m in ms} == {"SY-HL", "SY-ID"}


def test_first_word_of_a_village_name_is_not_a_town(extract_titled):
    text = ("A suicide bomber blew himself up inside a hall in Tall Tawil village during a wedding "
            "in Syria on Monday, a monitor said.")
    m = first(extract_titled(text))
    assert m.location is None or m.location.name != "At Tall"


def test_names_listed_without_commas(extract_titled):
    m = first(extract_titled("A child was killed in terrorist attacks in Aleppo Damascus Countryside and "
                             "Quneitra on Monday."))
    assert {x.location.admin1_code for x in extract_titled(
        "A child was killed in terrorist attacks in Aleppo Damascus Countryside and Quneitra on Monday.")} >= {"SY-HL"}
    assert m.location.country == "SY"


def test_compass_abbreviation_is_no_place(extract_titled):
    m = first(extract_titled("At least 30 militants were killed in clashes with Kurds in NE Syria on Monday."))
    assert m.location is None or m.location.admin1_code is None and m.location.country != "US"


def test_a_province_named_twice_in_one_sentence_votes_once(loaded):
    def town(name: str, code: str) -> Place:
        return Place(name=name, country="SY", admin1=name, admin1_code=code, precision=Precision.POINT)

    # "... the province of Idlib." then "... towards Azaz in Aleppo province.": a town and
    # its province in one sentence are one report, not two
    idlib, azaz, aleppo = town("Idlib", "SY-ID"), town("Azaz", "SY-HL"), town("Aleppo", "SY-HL")
    named = [(100, idlib), (200, azaz), (215, aleppo)]
    lead = lead_area([], loaded.res, named, ["SY"], sent_starts=[0, 150])
    assert lead is not None and lead.admin1_code == "SY-ID"


def test_a_place_outside_any_event_clause_places_the_lead(extract_titled):
    text = ("At least 18 people were killed on Monday when militants attacked a town in northern Syria, "
            "a monitor said. The monitor said several fighters entered Marea in Aleppo province before dawn "
            "and reached a school used as a base.")
    assert first(extract_titled(text)).location.admin1_code == "SY-HL"


@pytest.mark.parametrize("text", [
    "Militants attacked army posts on Sunday, killing 12 soldiers. According to a military source in the "
    "Hama Governorate, the army repelled them.",
    "Militants attacked army posts on Sunday in the southwestern sector of the Hama, killing 12 soldiers.",
])
def test_a_governorate_or_sector_names_the_province(extract_titled, text):
    assert first(extract_titled(text)).location.admin1_code == "SY-HM"



@pytest.mark.parametrize("text", [
    "Government shelling killed six civilians on Friday in the village of Rabia in Hama province, a monitor said.",
    "Government shelling killed six civilians on Friday in Rabia in the province of Hama, a monitor said.",
])
def test_a_town_placed_in_a_province_is_read_there(extract_titled, text):
    # "Rabia" alone reads as the Latakia village; the province written after it decides
    assert first(extract_titled(text)).location.admin1_code == "SY-HM"


def test_another_focus_country_may_own_the_exact_name(loaded):
    from eventsift.extract.article_places import focus_resolve

    res = loaded.res
    # a story mostly about Russia: "Suluk" is only a near spelling of a Russian place, and
    # the exact name of a town in Syria, the article's other country
    assert focus_resolve("Suluk", "Suluk", res, ["RU"]).country == "RU"
    assert focus_resolve("Suluk", "Suluk", res, ["RU", "SY"]).country == "SY"
    # a name that only the second country's near spellings match stays unread
    assert focus_resolve("Shaer", "Shaer", res, ["SY", "RU"]) is None
    # a reading by one of the place's own names stands against another country's namesake
    assert focus_resolve("Palmyra", "Palmyra", res, ["SY", "US"]).country == "SY"


def _town(name: str, code: str, country: str = "SY") -> Place:
    return Place(name=name, country=country, admin1=name, admin1_code=code, precision=Precision.POINT)


def test_a_placeless_report_is_placed_by_the_names_around_it(loaded):
    from eventsift.extract.article_places import local_area

    res = loaded.res
    idlib, azaz, aleppo = _town("Idlib", "SY-ID"), _town("Azaz", "SY-HL"), _town("Aleppo", "SY-HL")
    starts = [0, 100, 200, 300, 400]
    # the report (sentence 1) is placed by the next sentences, not by names further on
    area = local_area(100, [(250, idlib), (420, azaz), (430, aleppo)], ["SY"], starts, res)
    assert area is not None and area.admin1_code == "SY-ID" and area.precision is Precision.ADMIN1
    # "It said 26 were killed": the sentence just before tells where
    assert local_area(100, [(50, aleppo)], ["SY"], starts, res).admin1_code == "SY-HL"
    # nothing nearby, or two provinces alike ("bound for Latakia or Damascus"): no answer
    assert local_area(100, [(420, azaz)], ["SY"], starts, res) is None
    latakia, damascus = _town("Latakia", "SY-LA"), _town("Damascus", "SY-DI")
    assert local_area(100, [(150, latakia), (160, damascus)], ["SY"], starts, res) is None
    assert local_area(100, [(150, latakia), (160, damascus), (250, _town("Jableh", "SY-LA"))], ["SY"],
                      starts, res).admin1_code == "SY-LA"


def test_a_placeless_first_report_takes_the_province_told_next(extract_titled):
    # the article as a whole is mostly about Aleppo; the bombing it opens with was in Idlib
    text = ("A suicide bomber killed 20 rebel fighters on Sunday night, a monitor said. "
            "The blast struck a crossing near the town of Atmeh in Idlib province. "
            "The fighters were waiting in line when it went off. "
            "They had come from Azaz in Aleppo province. "
            "Clashes with troops in Aleppo city killed two people on Saturday. "
            "Shelling on the Aleppo countryside killed three more.")
    assert first(extract_titled(text)).location.admin1_code == "SY-ID"


def test_an_evacuation_is_placed_in_the_article_province(extract_titled):
    text = ("Hundreds of rebel fighters and their families were evacuated from the besieged town on Sunday "
            "under a deal with the government. The town lies in Homs province, the monitor said.")
    m = first(extract_titled(text))
    assert m.sub_event_type.value == "non_violent_transfer_of_territory"
    assert m.location.admin1_code == "SY-HI"


def test_a_report_recalled_from_last_year_does_not_place_the_story(loaded):
    from eventsift.extract.article import _Draft
    from eventsift.model import DatePrecision, EventType, SubEventType, TimeSpan

    def draft(start: int, end: int, place: Place, when: TimeSpan) -> _Draft:
        return _Draft(sent_i=0, para_i=0, start=start, end=end, cand=None, event_type=EventType.BATTLES,
                      sub=SubEventType.ARMED_CLASH, actor1=None, actor2=None, place=place, date=when,
                      date_explicit=True)

    aleppo, idlib = _town("Aleppo", "SY-HL"), _town("Idlib", "SY-ID")
    # "... the rebels had used the same weapons in Aleppo last year." then "... doctors in Idlib ..."
    last_year = TimeSpan(start=date(2019, 1, 1), end=date(2019, 12, 31), precision=DatePrecision.YEAR,
                         text="last year")
    drafts = [draft(300, 360, aleppo, last_year)]
    named = [(340, aleppo), (900, idlib)]
    lead = lead_area(drafts, loaded.res, named, ["SY"], sent_starts=[0, 300, 360, 800])
    assert lead is not None and lead.admin1_code == "SY-ID"
    # a report dated by its year ("since the war began in 2011") still counts
    in_2011 = replace(last_year, text="2011")
    lead = lead_area([draft(300, 360, aleppo, in_2011)], loaded.res, named, ["SY"], sent_starts=[0, 300, 360, 800])
    assert lead.admin1_code == "SY-HL"


def _places(mentions):
    """The places' words in the order the sentence names them (no place: first)."""
    located = [m.location.text if m.location is not None else None for m in mentions]
    return sorted(located, key=lambda t: -1 if t is None else mentions[0].evidence.sentence.find(t))


@pytest.mark.parametrize("text, places", [
    # ACLED codes an event per location: each place of a list is an event of its own
    ("Militants attacked police posts in Herat city and Farah province on Monday.", ["Herat city", "Farah province"]),
    # a list whose commas were lost, as in headlines copied into a corpus
    ("Five people were wounded in bomb attacks in Kabul Jalalabad and Kandahar on Tuesday.",
     ["Kabul", "Jalalabad", "Kandahar"]),
    # a town of the province the list also names is one place, not two
    ("Militants attacked police posts in Kandahar province and the town of Spin Boldak on Monday.",
     ["the town of Spin Boldak"]),
])
def test_each_listed_place_is_an_event(extract_titled, text, places):
    assert _places(extract_titled(text)) == places


@pytest.mark.parametrize("text, name", [
    ("Gunmen killed four farmers in Maiduguri Nigeria on Monday.", "Maiduguri"),
    # the tagger reads "Aleppo" here as a nationality compounded onto the country
    ("Russian strikes kill 10 in Aleppo Syria on Tuesday.", "Aleppo"),
])
def test_town_before_its_country_without_comma(extract_titled, text, name):
    m = first(extract_titled(text))
    assert (m.location.name, m.location.precision) == (name, Precision.POINT)


def test_a_near_spelling_far_from_the_story_gives_way_to_its_province(loaded):
    from eventsift.extract.article_places import settle_in_area
    from eventsift.geo import resolve

    gaz = loaded.res.gazetteer
    lead = Place(name="Aleppo", country="SY", admin1_code="SY-HL", precision=Precision.ADMIN1)
    near = resolve("Al Maleh", gazetteer=gaz, focus=["SY"])  # read loosely as a village of another province
    exact = resolve("Malah", gazetteer=gaz, focus=["SY"])
    assert near is not None and near.admin1_code not in (None, "SY-HL")
    assert settle_in_area(near, [(10, near)], lead, loaded.res) == lead
    # named by its own spelling, or with other places of its province, the reading stands
    assert settle_in_area(exact, [(10, exact)], lead, loaded.res) is None
    other = resolve("Suwayda", gazetteer=gaz, focus=["SY"])
    assert other is not None and other.admin1_code == near.admin1_code
    assert settle_in_area(near, [(10, near), (90, other)], lead, loaded.res) is None
    # in the story's own province it is no stray; a city is read rightly by a near spelling
    assert settle_in_area(near, [(10, near)], replace(lead, admin1_code=near.admin1_code), loaded.res) is None
    raqa = resolve("Raqa", gazetteer=gaz, focus=["SY"])
    assert raqa is not None and settle_in_area(raqa, [(10, raqa)], lead, loaded.res) is None


def test_a_village_name_shared_by_two_provinces_is_read_in_the_story_s(loaded):
    from eventsift.extract.article_places import settle_in_area
    from eventsift.geo import resolve

    gaz = loaded.res.gazetteer
    alone = resolve("Suran", gazetteer=gaz, focus=["SY"])  # the bigger namesake, in Hama
    assert alone is not None and alone.admin1_code == "SY-HM"
    lead = Place(name="Aleppo", country="SY", admin1_code="SY-HL", precision=Precision.ADMIN1)
    home = settle_in_area(alone, [(10, alone)], lead, loaded.res)
    assert home is not None and (home.admin1_code, home.precision) == ("SY-HL", Precision.POINT)


def test_a_placeless_lead_does_not_merge_into_an_incident_abroad(extract_titled):
    text = ("At least 12 civilians were killed in coalition air strikes north of the town, state media reported. "
            "The strikes hit the village of Hazima in the northern part of Raqqa province. Coalition raids have "
            "caused civilian casualties before. Late last month, media reported that at least 90 people were "
            "killed in recent air strikes in Fallujah.")
    ms = sorted(extract_titled(text, "Civilians die in coalition strikes"), key=lambda m: m.evidence.start)
    assert [(m.location.country, m.fatalities) for m in ms] == [("SY", 12), ("IQ", 90)]


def test_a_headline_run_with_a_town_in_it_names_the_town_s_country(loaded):
    from eventsift.extract.article_places import title_countries

    assert "Syria" in title_countries("Shelling kills seven in rebel-held areas of Syrias Homs Monitor", loaded.res)
    # a headline word that is a small town's name too ("Four", France) names no country
    assert title_countries("Gunmen Kill Four Villagers", loaded.res) == []


def test_a_country_before_a_title_names_who_not_where(loaded):
    from eventsift.extract.sentence import find_candidates

    doc = loaded.nlp("Gunmen killed the Turkey PM's bodyguard.")
    cands = find_candidates(next(doc.sents), loaded.res.lexicon, actor_words=set())
    assert cands and all(not c.places for c in cands)


def test_a_lead_the_headline_places_does_not_merge_into_a_telling_abroad(extract_titled):
    text = ("Coalition air strikes killed 12 civilians north of the city, state media reported. Residents said the "
            "raids hit the village of Hazima in the northern part of Raqqa province. Coalition raids have hit "
            "civilian areas before. Media reported that recent air strikes hit a market in Fallujah.")
    ms = sorted(extract_titled(text, "Coalition strikes kill 12 civilians near Raqqa"), key=lambda m: m.evidence.start)
    assert [(m.location.admin1_code, m.fatalities) for m in ms] == [("SY-RA", 12), ("IQ-AN", None)]


@pytest.mark.parametrize("title, codes", [
    ("Center of Damascus Shelled Two Civilians Killed", ["SY-DI"]),        # "Center" is no village Qentere
    ("30 Leaders of Ahrar Al-Sham Killed in Idleb Blast", ["SY-ID"]),      # "Al-Sham" of a group's name is no Damascus
    ("Clashes in Deir Ezzor Countryside", ["SY-DY"]),                       # a near spelling of a city stands
])
def test_headline_places_are_names_not_headline_words(loaded, title, codes):
    from eventsift.extract.article_places import title_places

    assert [p.admin1_code for _, p in title_places(title, loaded.res, ["SY"])] == codes


@pytest.mark.parametrize("text, where", [
    # taken away from a place: it happened there
    ("Gunmen abducted 30 students from a school in Kaduna state on Monday.", ("NG-KD", "admin1")),
    # "X state" after "in" is the province, not the state as an actor
    ("Boko Haram fighters killed 12 farmers in Borno state.", ("NG-BO", "admin1")),
])
def test_taken_from_and_named_states(extract_titled, text, where):
    m = first(extract_titled(text))
    assert (m.location.admin1_code, m.location.precision.value) == where
