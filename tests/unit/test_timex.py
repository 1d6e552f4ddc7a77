"""timex: dates resolved against a pinned publication date (dateparser's RELATIVE_BASE idea)."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.model import DatePrecision as P
from eventsift.timex import find_times, normalize_time, parse_date_value, read_dateline

THU = date(2019, 3, 14)  # a Thursday
MON = date(2021, 6, 7)  # a Monday
JAN2 = date(2020, 1, 2)  # a Thursday, just after New Year


@pytest.mark.parametrize(("text", "anchor", "start", "end", "precision"), [
    # explicit dates, with and without year
    ("Militants stormed the base on 3 March 2019.", THU, "2019-03-03", "2019-03-03", P.DAY),
    ("The convoy was hit on Feb. 27, 2019 near Idlib.", THU, "2019-02-27", "2019-02-27", P.DAY),
    ("Shelling resumed on Feb. 27 after a lull.", THU, "2019-02-27", "2019-02-27", P.DAY),
    ("Fighting broke out on March 9 in the south.", THU, "2019-03-09", "2019-03-09", P.DAY),
    ("[March 11] Drones struck a depot.", THU, "2019-03-11", "2019-03-11", P.DAY),
    ("The ceasefire expires on March 19.", THU, "2019-03-19", "2019-03-19", P.DAY),  # within tolerance
    ("Protests erupted on December 28.", JAN2, "2019-12-28", "2019-12-28", P.DAY),  # previous year
    ("Talks collapsed on June 30.", THU, "2018-06-30", "2018-06-30", P.DAY),
    ("Rockets fell on 2019-03-02 and later.", None, "2019-03-02", "2019-03-02", P.DAY),
    ("Troops advanced between 4 and 6 March.", THU, "2019-03-04", "2019-03-06", P.RANGE),
    ("The siege lasted March 1-5.", THU, "2019-03-01", "2019-03-05", P.RANGE),
    ("The count was updated on 25/02/2019.", THU, "2019-02-25", "2019-02-25", P.DAY),
    ("Friday, March 8, 2019: gunmen attacked a market.", THU, "2019-03-08", "2019-03-08", P.DAY),
    # weekdays
    ("Jets bombed the town on Monday.", THU, "2019-03-11", "2019-03-11", P.DAY),
    ("Jets bombed the town on Thursday.", THU, "2019-03-14", "2019-03-14", P.DAY),  # publication day
    ("Jets bombed the town last Thursday.", THU, "2019-03-07", "2019-03-07", P.DAY),
    ("Saturday's ambush killed four.", THU, "2019-03-09", "2019-03-09", P.DAY),
    ("Clashes flared on Tuesday night.", THU, "2019-03-12", "2019-03-12", P.DAY),
    ("Clashes flared late Sunday.", MON, "2021-06-06", "2021-06-06", P.DAY),
    # day words and periods
    ("A mortar hit the school yesterday.", MON, "2021-06-06", "2021-06-06", P.DAY),
    ("The raid happened last night.", THU, "2019-03-13", "2019-03-13", P.DAY),
    ("Police said today that two died.", THU, "2019-03-14", "2019-03-14", P.DAY),
    ("Militias clashed earlier this week.", THU, "2019-03-11", "2019-03-13", P.RANGE),
    ("Militias clashed this week.", THU, "2019-03-11", "2019-03-14", P.RANGE),
    ("Militias clashed last week.", THU, "2019-03-04", "2019-03-10", P.RANGE),
    ("Raids have continued since last week.", THU, "2019-03-04", "2019-03-14", P.RANGE),
    ("Aid convoys were looted last month.", THU, "2019-02-01", "2019-02-28", P.MONTH),
    ("Aid convoys were looted last month.", JAN2, "2019-12-01", "2019-12-31", P.MONTH),
    ("Six villages fell last year.", THU, "2018-01-01", "2018-12-31", P.YEAR),
    ("in the past three days", THU, "2019-03-12", "2019-03-14", P.RANGE),
    ("over the past 48 hours", THU, "2019-03-12", "2019-03-14", P.RANGE),
    ("over the past 24 hours", MON, "2021-06-06", "2021-06-07", P.RANGE),
    ("in the last two weeks", THU, "2019-03-01", "2019-03-14", P.RANGE),
    ("The town fell five days ago.", THU, "2019-03-09", "2019-03-09", P.DAY),
    ("Both sides have reinforced since February 20.", THU, "2019-02-20", "2019-03-14", P.RANGE),
    # months and years
    ("The offensive began in August 2017.", None, "2017-08-01", "2017-08-31", P.MONTH),
    ("The offensive began in mid-2016.", None, "2016-01-01", "2016-12-31", P.YEAR),
    ("The group was founded in 2012 by veterans.", None, "2012-01-01", "2012-12-31", P.YEAR),
    ("The dam was seized in January.", THU, "2019-01-01", "2019-01-31", P.MONTH),
    ("The dam was seized in October.", THU, "2018-10-01", "2018-10-31", P.MONTH),
])
def test_timex_resolves_first_expression(text, anchor, start, end, precision):
    span = normalize_time(text, anchor=anchor)
    assert span is not None, text
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


@pytest.mark.parametrize("text", [
    "Jets flew 35 airstrikes and killed 140 people.",
    "Under Article 42 of the charter, members may act.",
    "A Tu-95 and an Su-34 took off at 3 a.m. from Mozdok.",
    "The 1,204 residents fled; 2017 homes were damaged.",
    "Numbers rose 45% in the quarter.",
    "May God protect them, she said.",
    "in 1500 cases",
])
def test_timex_numbers_are_not_dates(text):
    assert [r for r in find_times(text, anchor=THU) if r.span is not None] == []


@pytest.mark.parametrize("text", ["on Wednesday", "last week", "March 3", "yesterday", "three days ago"])
def test_timex_relative_without_anchor_is_unresolved(text):
    assert normalize_time(text, anchor=None) is None


def test_timex_ambiguous_slash_date_is_found_but_unresolved():
    (ref,) = find_times("A report dated 3/4/2019 said so.", anchor=THU)
    assert ref.text == "3/4/2019" and ref.span is None


def test_timex_offsets_and_order():
    s = "On Tuesday, a week after the 2 March raid, jets returned; last month was calmer."
    refs = find_times(s, anchor=THU)
    assert [r.text for r in refs] == ["Tuesday", "2 March", "last month"]
    assert all(s[r.start:r.end] == r.text for r in refs)
    assert refs[0].span.text == "Tuesday"


def test_timex_accepts_datetime_anchor():
    from datetime import datetime
    assert normalize_time("on Monday", anchor=datetime(2019, 3, 14, 9, 30)).start == date(2019, 3, 11)


@pytest.mark.parametrize(("text", "expected"), [
    ("Thu 14 Mar 2019\nMilitants attacked...", "2019-03-14"),
    ("AFP Friday 08 March 2019\nBody", "2019-03-08"),
    ("Headline here\n9 March 2019\nThe army said", "2019-03-09"),
    ("Mon 11 Mar 2019 | 09:05 GMT\nText", "2019-03-11"),
    ("Last updated: March 12, 2019 10:45 am\nText", "2019-03-12"),
    ("KABUL, March 5, 2019 (Reuters) - Gunmen", "2019-03-05"),
    ("On 9 March 2019, militants attacked an army post in the north of the country, officials said.", None),
    ("No date here at all.", None),
    ("x" * 250 + "\n9 March 2019", None),
])
def test_timex_read_dateline(text, expected):
    got = read_dateline(text)
    assert (got.isoformat() if got else None) == expected


def test_timex_read_dateline_yearless_wire_needs_anchor():
    text = "ALEPPO, Feb 9 (Reuters) - Rebels said"
    assert read_dateline(text) is None
    assert read_dateline(text, anchor=date(2019, 3, 1)) == date(2019, 2, 9)


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-03-14", "2019-03-14"),
    ("3/14/2019", "2019-03-14"),
    ("4/5/2017", "2017-04-05"),
    ("2019-03-14T08:00:00Z", "2019-03-14"),
    ("Mar 14, 2019", "2019-03-14"),
    ("14 March 2019", "2019-03-14"),
    ("Thu, 14 Mar 2019 08:00:00 +0000", "2019-03-14"),
    ("13/13/2019", None),
    ("2019-02-30", None),
    ("n/a", None),
    ("", None),
    ("2019", None),
])
def test_timex_parse_date_value(value, expected):
    got = parse_date_value(value)
    assert (got.isoformat() if got else None) == expected
