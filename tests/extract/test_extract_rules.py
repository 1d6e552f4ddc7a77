"""Extraction rules on short texts written for these tests (published Wednesday 10 June 2020)."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.model import EventType, Precision, SubEventType

pytestmark = pytest.mark.slow


def one(mentions):
    assert len(mentions) == 1, [m.evidence.sentence for m in mentions]
    return mentions[0]


def test_extract_air_strike_with_actor_place_and_weekday(extract):
    m = one(extract("Turkish warplanes bombed Kurdish positions near Qamishli on Monday, a monitor said."))
    assert m.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE
    assert m.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert m.actor1.country == "TR" and m.actor1.kind == "state_forces"
    assert m.location.country == "SY" and m.location.precision is Precision.POINT
    assert m.date.start == m.date.end == date(2020, 6, 8)


def test_extract_light_verb_noun_trigger(extract):
    m = one(extract("Iraqi jets carried out several airstrikes on militant hideouts in Anbar province on Sunday."))
    assert m.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert m.actor1.country == "IQ"
    assert m.location.country == "IQ" and m.location.precision is Precision.ADMIN1
    assert m.date.start == date(2020, 6, 7)


@pytest.mark.parametrize("text", [
    "Without air support the rebels would have captured the town of Maarat al-Numan.",
    "The militants threatened to attack government buildings in Kabul.",
    "The army plans to launch an offensive on Idlib next month.",
    "Officials denied that soldiers had shelled the village of Kafr Nabl.",
    "The government accused the rebels of shelling residential areas of Aleppo.",
    "Police did not fire on the protesters in Beirut.",
])
def test_extract_skips_what_did_not_happen(extract, text):
    assert extract(text) == []


def test_extract_background_reference_is_not_an_event(extract):
    text = ("Protests spread to Homs on Tuesday.\n"
            "The ministry held a meeting in response to the bombings in Damascus.")
    mentions = extract(text)
    assert [m.event_type for m in mentions] == [EventType.PROTESTS]


def test_extract_claim_gives_actor_and_toll_sentence_attaches(extract):
    text = ("A car bomb exploded at a checkpoint in Mogadishu on Tuesday. The blast left 14 people dead.\n"
            "Al-Shabaab claimed responsibility for the bombing.")
    m = one(extract(text))
    assert m.sub_event_type is SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED
    assert m.fatalities == 14
    assert m.actor1.name == "Al-Shabaab"
    assert m.location.country == "SO"
    assert m.date.start == date(2020, 6, 9)


def test_extract_elaboration_merges_with_anaphoric_actor(extract):
    text = ("On June 3, Islamic State fighters attacked an army post in the eastern countryside of Homs.\n"
            "According to the Syrian Observatory for Human Rights, the militants killed four soldiers "
            "in the outskirts of Palmyra.")
    m = one(extract(text))
    assert m.actor1.name == "Islamic State"
    assert m.fatalities == 4
    assert m.event_type is EventType.BATTLES
    assert m.location.name.lower() in ("palmyra", "tadmur")
    assert m.date.start == date(2020, 6, 3)
    assert "Syrian Observatory" in (m.attributed_to or "")


def test_extract_two_air_forces_same_day_are_two_events(extract):
    text = "On Tuesday, Russian jets struck Idlib. A separate French bombing also hit Idlib that day."
    ms = extract(text)
    assert sorted(m.actor1.country for m in ms) == ["FR", "RU"]
    assert all(m.date.start == date(2020, 6, 9) for m in ms)


def test_extract_conjoined_places_are_separate_events(extract):
    ms = extract("On Saturday, government helicopters dropped barrel bombs on Daraa and Inkhil.")
    assert len(ms) == 2
    assert {m.sub_event_type for m in ms} == {SubEventType.AIR_DRONE_STRIKE}


def test_extract_origin_is_not_the_event_place(extract):
    m = one(extract("Warships fired 12 cruise missiles from the Caspian Sea at targets in Deir ez-Zor on Friday."))
    assert m.location.country == "SY"
    assert any(q.value == 12 for q in m.quantities)


def test_extract_caption_paragraph_is_ignored(extract):
    text = "Rebels shelled Latakia on Monday.\nSoldiers fired at rebels in Latakia last week. Credit: Reuters"
    ms = extract(text)
    assert len(ms) == 1 and ms[0].date.start == date(2020, 6, 8)


def test_extract_protest_with_intervention(extract):
    m = one(extract("Hundreds of students protested in Baghdad on Sunday before police dispersed them with tear gas."))
    assert m.event_type is EventType.PROTESTS
    assert m.sub_event_type is SubEventType.PROTEST_WITH_INTERVENTION


def test_extract_evidence_offsets_point_into_text(extract):
    text = "Heavy fighting.\n\nGunmen killed three civilians in Kano on Friday."
    m = one(extract(text))
    assert text[m.evidence.start:m.evidence.end] == m.evidence.sentence
    assert m.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS and m.fatalities == 3


@pytest.mark.parametrize("text, sub", [
    ("Riot police fired tear gas to disperse hundreds of protesters outside parliament in Nairobi.",
     SubEventType.PROTEST_WITH_INTERVENTION),
    ("Demonstrators blocked the main road into Beirut on Saturday.", SubEventType.PEACEFUL_PROTEST),
    ("Jailed activists began a hunger strike in Cairo on Monday.", SubEventType.PEACEFUL_PROTEST),
    ("Youths threw stones at police during a demonstration in Hebron.", SubEventType.VIOLENT_DEMONSTRATION),
    ("Protesters clashed with police in the centre of Baghdad on Friday.", SubEventType.VIOLENT_DEMONSTRATION),
    ("Militants lobbed a grenade into a crowded market in Mogadishu, injuring 15 people.", SubEventType.GRENADE),
    ("The army recaptured the town of Sinjar from the militants on Tuesday.",
     SubEventType.GOVERNMENT_REGAINS_TERRITORY),
    ("The two warring parties signed a ceasefire agreement in Khartoum on Sunday.", SubEventType.AGREEMENT),
    ("Guards tortured a detainee to death in a prison near Damascus, a rights group said.", SubEventType.ATTACK),
])
def test_extract_vocabulary_of_protest_abuse_and_territory(extract, text, sub):
    assert sub in {m.sub_event_type for m in extract(text)}, text


def test_extract_toll_participle_belongs_to_the_weapon_event(extract):
    m = one(extract("Militants lobbed a grenade into a crowded market in Mogadishu, injuring 15 people."))
    assert m.injuries == 15


def test_extract_told_event_is_narrowed_to_its_places(extract):
    ms = extract("Syrian jets carried out dozens of air strikes in Syria this week. "
                 "Most of those strikes hit rebel positions in Idlib and Hama.")
    assert sorted(m.location.admin1_code for m in ms) == ["SY-HM", "SY-ID"]
    assert all(m.actor1.country == "SY" for m in ms)


def test_extract_country_wide_telling_joins_its_specifics(extract):
    ms = extract("Turkey has carried out its first air strike in Syria.\n\n"
                 "Officials gave few details at first.\n\n"
                 "According to a local council, Turkish jets bombed a depot in the town of Afrin.")
    m = one(ms)
    assert m.location.precision is Precision.POINT and m.actor1.country == "TR"


def test_extract_page_dateline_is_not_evidence(extract):
    text = "Wed 03 Jun 2020 Gunmen killed four farmers in a village near Maiduguri, police said."
    m = one(extract(text))
    assert m.evidence.start == text.index("Gunmen") and m.fatalities == 4


def test_extract_unnamed_crowd_and_forces_take_the_place_country(extract):
    m = one(extract("Police fired tear gas to disperse thousands of protesters in Lagos on Monday."))
    assert m.actor1.name == "Police Forces of Nigeria" and m.actor1.country == "NG"


@pytest.mark.parametrize("text, sub", [
    ("Police seized a large cache of weapons and explosives in a raid on a farm near Basra on Monday.",
     SubEventType.DISRUPTED_WEAPONS_USE),
    ("The militia set up a new base on the outskirts of Sirte on Sunday.", SubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED),
    ("Rebel fighters withdrew from the town of Kafr Zita without a fight on Tuesday.",
     SubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY),
    ("Two rebel factions in Idlib merged into a single group on Monday.", SubEventType.CHANGE_TO_GROUP_ACTIVITY),
    ("Thousands took to the streets of Khartoum on Friday.", SubEventType.PEACEFUL_PROTEST),
    ("Government forces used chlorine gas against residents of Douma on Saturday, rescuers said.",
     SubEventType.CHEMICAL_WEAPON),
    ("Soldiers took back control of the village of Tal Tamr on Monday.", SubEventType.GOVERNMENT_REGAINS_TERRITORY),
])
def test_extract_strategic_developments_as_acled_defines_them(extract, text, sub):
    assert sub in {m.sub_event_type for m in extract(text)}, text


@pytest.mark.parametrize("text", [
    "The navy seized a tanker carrying fuel off the coast of Libya on Monday.",
    "The two countries signed an agreement in Ankara to increase trade.",
    "Coast guards intercepted a fishing boat near Lesbos on Friday.",
])
def test_extract_seizures_and_deals_that_are_not_conflict_events(extract, text):
    assert extract(text) == [], text


@pytest.mark.parametrize("text", [
    "Floods killed 40 people in northern Nigeria on Sunday.",
    "Twelve pilgrims were killed in a road accident near Karbala on Monday.",
    "The earthquake injured hundreds of residents of Herat province.",
])
def test_extract_disasters_and_accidents_are_not_political_violence(extract, text):
    assert extract(text) == [], text


def test_extract_running_tally_is_not_an_incident(extract):
    assert extract("Rebel shelling has killed more than 300 civilians in Aleppo since mid-2012, the monitor said.") == []


@pytest.mark.parametrize("text", [
    "Thousands of teachers were converging on Monday for a rally in Nairobi to demand higher pay.",
    "Dock workers in Mombasa stopped work on Tuesday over unpaid wages.",
])
def test_extract_gatherings_and_work_stoppages_are_protests(extract, text):
    assert {m.event_type for m in extract(text)} == {EventType.PROTESTS}, text


def test_extract_target_group_from_what_was_hit(extract):
    m = one(extract("On Monday, Iraqi jets struck strongholds of the Islamic State group near Mosul."))
    assert m.actor2 is not None and m.actor2.name == "Islamic State"


def test_extract_civilian_victims_are_actor2(extract):
    m = one(extract("A car bomb exploded at a market in Baghdad on Sunday, killing 12 people."))
    assert m.actor2 is not None and m.actor2.kind == "civilians" and m.actor2.country == "IQ"


def test_extract_source_named_once_a_paragraph(extract):
    ms = extract("Government forces shelled the town of Jisr al-Shughour on Monday, the Syrian Observatory "
                 "for Human Rights reported. Army helicopters also dropped barrel bombs on Kafranbel.")
    assert len(ms) == 2
    assert all(m.attributed_to == "the Syrian Observatory for Human Rights" for m in ms)


def test_extract_trailing_source_is_found(extract):
    m = one(extract('Russia on Tuesday staged a "significant number" of air strikes on Raqqa, '
                    'a US defence official disclosed today.'))
    assert m.attributed_to == "a US defence official"


def test_extract_shared_subject_names_the_second_verbs_weapon(extract):
    m = one(extract("On Sunday, Turkish warplanes flew 40 sorties and destroyed 60 targets near Afrin."))
    assert m.sub_event_type is SubEventType.AIR_DRONE_STRIKE
    assert {q.value for q in m.quantities} >= {40.0, 60.0}


def test_strikes_with_no_target_named_hit_the_one_group_the_article_names(extract):
    one = ("Turkish jets struck PKK positions in the Qandil mountains on Monday, the army said. "
           "On Tuesday, a separate Turkish air strike hit a village near Zakho.")
    ms = sorted(extract(one), key=lambda m: m.evidence.start)
    assert [m.actor2 and m.actor2.name for m in ms] == ["Kurdistan Workers' Party"] * 2
    two = one.replace("On Tuesday, a separate", "On Tuesday, Turkish jets also bombed Islamic State positions near "
                      "Mosul. On Wednesday, a separate")
    ms = sorted(extract(two), key=lambda m: m.evidence.start)
    assert ms[-1].actor2 is None  # two groups named as targets: the third strike's is not known


def test_a_plane_whose_passengers_were_killed_is_civilians_not_forces(extract):
    ms = extract("Militants blew up the Russian plane over Sinai, killing all 224 people aboard.")
    assert [(m.actor2.name, m.actor2.kind.value) for m in ms] == [("Civilians (Russia)", "civilians")]
    ms = extract("Turkish jets shot down the Russian plane near the border on Tuesday.")
    assert [m.actor2.kind.value for m in ms] == ["state_forces"]


def test_the_jets_are_those_named_before(extract):
    ms = extract("On Friday, a pair of Turkish F-16 jets took off from Diyarbakir. "
                 "The jets flew over the border to strike targets near Qandil.")
    assert [m.actor1.name for m in ms] == ["Military Forces of Turkey"]
    # with its own country word the phrase names its owner: "the US warplanes"
    from eventsift.actors import is_anaphoric
    assert is_anaphoric("the jets") and not is_anaphoric("the US warplanes")


def test_the_jets_are_not_a_rebel_group_told_before(extract):
    ms = sorted(extract("On Monday rebels shelled the town of Kafr Nabl. On Wednesday the jets bombed a market in "
                        "Saraqeb."), key=lambda m: m.evidence.start)
    assert [m.actor1.name if m.actor1 else None for m in ms] == ["Rebels", None]


def test_history_beside_news_is_background_and_alone_is_the_report(extract):
    from datetime import date

    past = "On 21 August 2013, a chemical attack killed hundreds of people in Zamalka near Damascus."
    news = " On Monday, shelling killed four civilians in Douma."
    published = date(2020, 6, 10)
    assert [m.date.start.year for m in extract(past + news, published=published)] == [2020]
    # nothing newer told: a retrospective, or a page dated long after its events
    assert [m.date.start for m in extract(past, published=published)] == [date(2013, 8, 21)]


def test_killed_in_shelling_is_one_shelling_event_where_it_hit(extract):
    ms = extract("Two civilians were killed in shelling on the town of Morek in Hama province.")
    assert [(m.sub_event_type.value, m.location.name, m.fatalities) for m in ms] == [
        ("shelling_artillery_missile_attack", "Mūrak", 2)]


def test_killed_when_warplanes_bombed_is_one_strike_by_them_where_it_hit(extract):
    ms = extract("Five civilians were killed when Russian warplanes bombed the town of Saraqeb.")
    assert [(m.sub_event_type.value, m.actor1.name, m.location.name, m.fatalities) for m in ms] == [
        ("air_drone_strike", "Military Forces of Russia", "Saraqib", 5)]


@pytest.mark.parametrize("text, expected", [
    ("Two children were killed after a mortar shell hit their school in Daraa.",
     [("shelling_artillery_missile_attack", 2, None)]),
    ("Seven people were killed and 15 others were wounded in shelling on Jobar.",
     [("shelling_artillery_missile_attack", 7, 15)]),
    # hitting with no weapon named leaves the killing as told
    ("Two soldiers were killed after militants hit their convoy near Maiduguri.", [("armed_clash", 2, None)]),
])
def test_a_toll_split_and_its_cause_are_one_event(extract, text, expected):
    assert [(m.sub_event_type.value, m.fatalities, m.injuries) for m in extract(text)] == expected


def test_arrests_after_a_protest_s_clashes_are_the_riot_and_after_a_bombing_are_arrests(extract):
    riot = extract("Police arrested 20 people after clashes broke out during a protest in Nairobi.")
    assert {m.sub_event_type.value for m in riot} == {"violent_demonstration"}
    bombing = extract("Police arrested five men after a bomb exploded near a church in Kaduna.")
    assert {m.sub_event_type.value for m in bombing} == {"arrests", "remote_explosive_landmine_ied"}


def test_a_claim_for_an_incident_told_before_names_its_actor(extract):
    text = ("A bomb exploded at a bus station in Kano on Monday, killing six people. "
            "Boko Haram claimed responsibility for Monday's bombing.")
    m = one(extract(text))
    assert m.sub_event_type is SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED
    assert m.actor1.name == "Boko Haram"
    assert m.fatalities == 6
