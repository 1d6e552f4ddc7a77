"""numbers: casualty tolls and counted quantities from one sentence."""
from __future__ import annotations

import pytest

from eventsift.numbers import find_casualties, find_quantities, parse_number, parse_range


@pytest.mark.parametrize(("text", "expected"), [
    ("7", 7), ("3,450", 3450), ("2.5 million", 2_500_000), ("eight", 8), ("Thirty-one", 31),
    ("ninety nine", 99), ("two hundred and six", 206), ("a dozen", 12), ("two dozen", 24),
    ("half a dozen", 6), ("dozens", 12), ("scores", 20), ("hundreds", 100), ("thousands", 1000),
    ("tens of thousands", 10_000), ("several hundred", 100), ("at least 64", 64),
    ("more than 30", 30), ("over 18", 18), ("nearly 70", 70), ("up to 9", 9), ("about 300", 300),
    ("6 to 8", 6), ("nobody", 0),
    ("several", None), ("many", None), ("a few", None), ("some", None), ("", None),
    ("airstrikes", None), ("2.5", None), ("two three", None),
])
def test_numbers_parse_number(text, expected):
    assert parse_number(text) == expected


def test_numbers_parse_range():
    assert parse_range("between 40 and 55") == (40, 55)
    assert parse_range("40-55") == (40, 55)
    assert parse_range("40") == (40, 40)
    assert parse_range("55 to 40") is None


@pytest.mark.parametrize(("sentence", "killed", "killed_max", "injured", "killed_text"), [
    ("The truck bomb exploded in a market, killing 37 people.", 37, None, None, "killing 37 people"),
    ("Officials said 58 lives were lost in the fire.", 58, None, None, "58 lives were lost"),
    ("A sniper shot and killed three police officers in Basra.", 3, None, None,
     "killed three police officers"),
    ("The raid killed 41 people and wounded 77 others.", 41, None, 77, "killed 41 people"),
    ("By Sunday the death toll had risen to 63.", 63, None, None, "death toll had risen to 63"),
    ("At least 19 people were killed when the mosque was hit.", 19, None, None,
     "At least 19 people were killed"),
    ("The mortar barrage left 6 dead and 22 wounded.", 6, None, 22, "6 dead"),
    ("Between 30 and 40 were killed, medics said.", 30, 40, None, "Between 30 and 40 were killed"),
    ("Officials put the figure at 7 to 9 killed.", 7, 9, None, "7 to 9 killed"),
    ("In the clashes 14 soldiers and 5 militants were killed.", 19, None, None,
     "14 soldiers and 5 militants were killed"),
    ("9 soldiers, 4 police and 2 civilians died.", 15, None, None, "9 soldiers, 4 police and 2 civilians died"),
    ("The blast killed at least 33 civilians, including nine children.", 33, None, None,
     "killed at least 33 civilians"),
    ("The ambush, which killed six, was the worst this year.", 6, None, None, "killed six"),
    ("The strike killed 11 al-Shabaab fighters near Jilib.", 11, None, None,
     "killed 11 al-Shabaab fighters"),
    ("Dozens of villagers were killed in the massacre.", 12, None, None,
     "Dozens of villagers were killed"),
    ("A policeman was killed and four others were hurt.", 1, None, 4, "A policeman was killed"),
    ("Eight members of one family were killed on Sunday.", 8, None, None,
     "Eight members of one family were killed"),
    ("Two soldiers killed Monday in Kandahar were buried.", 2, None, None, "Two soldiers killed"),
    ("Clashes caused 27 deaths in the province.", 27, None, None, "27 deaths"),
    ("No one was killed in the attack.", 0, None, None, "No one was killed"),
])
def test_numbers_find_casualties(sentence, killed, killed_max, injured, killed_text):
    c = find_casualties(sentence)
    assert (c.killed, c.killed_max, c.injured) == (killed, killed_max, injured)
    assert c.killed_text is not None and c.killed_text.text == killed_text
    assert sentence[c.killed_text.start:c.killed_text.end] == killed_text


@pytest.mark.parametrize(("sentence", "injured", "injured_max"), [
    ("The explosion injured 48 people.", 48, None),
    ("More than 200 were wounded.", 200, None),
    ("The bomb killed two and injured 15.", 15, None),
    ("Between 60 and 80 people were hurt.", 60, 80),
    ("Nobody was injured.", 0, None),
])
def test_numbers_find_injuries(sentence, injured, injured_max):
    c = find_casualties(sentence)
    assert (c.injured, c.injured_max) == (injured, injured_max)


@pytest.mark.parametrize("sentence", [
    "Several hundred were left in critical condition.",
    "Jets flew 310 sorties and launched 44 cruise missiles.",
    "The council cited Article 51 in its reply.",
    "Four gunmen killed a guard and fled.",  # the killers are counted, not the dead -> 1 guard
    "The group was formed in 2014 and killed people.",
    "Several people were killed.",
    "He was killed two years ago.",
    "A Su-25 was shot down on 14 March.",
])
def test_numbers_not_death_counts(sentence):
    c = find_casualties(sentence)
    assert c.killed in (None, 1)
    if c.killed == 1:
        assert c.killed_text.text == "killed a guard"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Jets flew 310 sorties and launched 44 cruise missiles.",
     [(310, "sorties", "310 sorties"), (44, "cruise missiles", "44 cruise missiles")]),
    ("The navy fired 26 Kalibr cruise missiles.", [(26, "cruise missiles", "26 Kalibr cruise missiles")]),
    ("Warplanes conducted more than 35 airstrikes.", [(35, "airstrikes", "more than 35 airstrikes")]),
    ("They destroyed 140 trucks carrying fuel.", [(140, "trucks", "140 trucks")]),
    ("They hit 9 gas processing and pumping facilities.",
     [(9, "facilities", "9 gas processing and pumping facilities")]),
    ("Aircraft struck 1,250 targets.", [(1250, "targets", "1,250 targets")]),
    ("Over 60 barrel bombs fell, 12 km from the border.",
     [(60, "barrel bombs", "Over 60 barrel bombs"), (12, "km", "12 km")]),
    ("The army seized three tanks and 40 rifles.", [(3, "tanks", "three tanks"), (40, "rifles", "40 rifles")]),
    ("Troops carried out 75 maneuvers in the drill.", [(75, "maneuvers", "75 maneuvers")]),
    ("A Tu-22 and two Su-30 jets took off.", [(2, "jets", "two Su-30 jets")]),  # the model number is not the count
])
def test_numbers_find_quantities(sentence, expected):
    got = [(q.value, q.unit, q.text) for q in find_quantities(sentence)]
    assert got == expected


@pytest.mark.parametrize("sentence", [
    "The strike killed 22 people and wounded 40.",
    "A Tu-22 and an Su-30 flew from the base at 0400.",
    "Raids on March 4 and in 2016 were reported at 4 a.m.",
    "The fund gave $2.5 million, 30% of the total, to 5th Brigade.",
    "Under Article 2 of Resolution 2254 the talks resumed.",
    "Dozens of airstrikes hit the area.",
    "A 20-km front and 3-day truce.",
])
def test_numbers_not_quantities(sentence):
    assert find_quantities(sentence) == []


# Tolls stated many ways: (sentence, killed, injured, words that carry the death toll).
@pytest.mark.parametrize(("sentence", "killed", "injured", "killed_text"), [
    ("By Friday evening the death toll had climbed to 52.", 52, None, "death toll had climbed to 52"),
    ("The number of dead from the flooding of the camp rose to 18.", 18, None,
     "number of dead from the flooding of the camp rose to 18"),
    ("Rockets struck the suburb, killing at least 212 people.", 212, None, "killing at least 212 people"),
    ("Dozens of fighters died in the assault.", 12, None, "Dozens of fighters died"),  # ACLED: dozens = 12
    ("Hundreds were killed during the siege.", 100, None, "Hundreds were killed"),  # ACLED: hundreds = 100
    ("Scores of villagers were massacred.", 20, None, "Scores of villagers were massacred"),
    ("The device went off near a bus, killing three and wounding nine.", 3, 9, "killing three"),
    ("The ambush killed 15 soldiers and 6 insurgents.", 21, None, "killed 15 soldiers and 6 insurgents"),
    ("Shelling killed four policemen, two medics and a shepherd.", 7, None,
     "killed four policemen, two medics and a shepherd"),
    ("More than 60 people were killed in the raid.", 60, None, "More than 60 people were killed"),
    ("Nearly 90 people died when the bridge was bombed.", 90, None, "Nearly 90 people died"),
    ("Sniper fire killed a child near the checkpoint.", 1, None, "killed a child"),
    ("The drone strike killed two women and a child.", 3, None, "killed two women and a child"),
    ("The bombing killed a farmer and his four sons.", 5, None, "killed a farmer and his four sons"),
    ("Forty-four people, including eleven children, were killed.", 44, None,
     "Forty-four people, including eleven children, were killed"),
    ("Nine residents, among them two toddlers, lost their lives.", 9, None,
     "Nine residents, among them two toddlers, lost their lives"),
    ("Artillery killed at least 16, including five women, and wounded dozens more.", 16, 12, "killed at least 16"),
    ("Three shepherds were shot dead near the border.", 3, None, "Three shepherds were shot dead"),
    ("Masked men gunned down two journalists outside the office.", 2, None, "gunned down two journalists"),
    ("Two teachers were stabbed to death in the attack.", 2, None, "Two teachers were stabbed to death"),
    ("Three farmers were hacked to death near Marsabit.", 3, None, "Three farmers were hacked to death"),
    ("Two men were lynched by villagers in Jharkhand.", 2, None, "Two men were lynched"),
    ("A citizen was martyred and five others were injured by mortar shells.", 1, 5, "A citizen was martyred"),
])
def test_numbers_tolls_stated_many_ways(sentence, killed, injured, killed_text):
    c = find_casualties(sentence)
    assert (c.killed, c.injured) == (killed, injured)
    assert c.killed_text is not None and c.killed_text.text == killed_text
    assert sentence[c.killed_text.start:c.killed_text.end] == killed_text


@pytest.mark.parametrize(("sentence", "killed", "injured"), [
    # injuries apart from deaths
    ("Eleven people were injured when the shell hit, but nobody died.", 0, 11),
    ("The grenade wounded 23 shoppers.", None, 23),
    ("At least 40 were hurt and 6 killed.", 6, 40),
    ("The blast left 4 dead and more than 70 wounded.", 4, 70),
    ("The clashes killed 3 and injured dozens.", 3, 12),
])
def test_numbers_injuries_apart_from_deaths(sentence, killed, injured):
    c = find_casualties(sentence)
    assert (c.killed, c.injured) == (killed, injured)


@pytest.mark.parametrize("sentence", [
    "Several people were killed and many more were hurt.",  # no number given: none invented
    "Including four children, the family had eleven members.",
])
def test_numbers_no_toll_invented(sentence):
    assert find_casualties(sentence).killed is None


def test_numbers_subset_clause_without_commas():
    """Some transcriptions lose their commas; the subset is still not the toll."""
    from eventsift.numbers import find_casualties

    assert find_casualties("At least 16 civilians including women and children were killed on Friday").killed == 16
    assert find_casualties("Five people including two children have been killed in shelling").killed == 5


def test_numbers_elided_unit_takes_the_one_just_counted():
    from eventsift.numbers import find_quantities

    qs = find_quantities("Warships launched 40 cruise missiles this week, including 12 fired on Sunday.")
    assert [(q.value, q.unit) for q in qs] == [(40.0, "cruise missiles"), (12.0, "cruise missiles")]
