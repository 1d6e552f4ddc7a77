"""Counties (admin2) and the rules that use them, on a small hand-made gazetteer:
a county sits among its towns, a town named beside its county is the one in it, a
county list ("Jackson and Barrow counties") names counties, and a bare name beside its
"X County" is the county. Also: a small namesake in the focus country that nothing else
named supports gives way, and "Bank of X" is in X."""
from __future__ import annotations

import importlib

import pytest

from eventsift.geo import Gazetteer, Kind, PlaceRow, resolve
from eventsift.geo.geoparse import _bare_counties, _county_boxes, _county_listed, geoparse
from eventsift.model import Precision
from geo_text import name_spans

resolve_module = importlib.import_module("eventsift.geo.resolve")  # the package's `resolve` is the function

ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="United States", country="US", code="US", lat=39.8, lon=-98.5,
             population=310_000_000, geonames_id=1),
    PlaceRow(kind=Kind.COUNTRY, name="France", country="FR", code="FR", lat=46.0, lon=2.0,
             population=67_000_000, geonames_id=2),
    PlaceRow(kind=Kind.COUNTRY, name="Italy", country="IT", code="IT", lat=42.8, lon=12.8,
             population=60_000_000, geonames_id=3),
    PlaceRow(kind=Kind.COUNTRY, name="United Kingdom", country="GB", code="GB", lat=54.0, lon=-2.0,
             population=66_000_000, geonames_id=4),
    PlaceRow(kind=Kind.ADMIN1, name="Tennessee", country="US", code="US-TN", geonames_id=10),
    PlaceRow(kind=Kind.ADMIN1, name="Georgia", country="US", code="US-GA", geonames_id=11),
    PlaceRow(kind=Kind.ADMIN1, name="Mississippi", country="US", code="US-MS", geonames_id=12),
    PlaceRow(kind=Kind.ADMIN1, name="Massachusetts", country="US", code="US-MA", geonames_id=13),
    PlaceRow(kind=Kind.ADMIN1, name="Ile-de-France", country="FR", code="FR-IDF", geonames_id=14),
    PlaceRow(kind=Kind.ADMIN1, name="Veneto", country="IT", code="IT-34", geonames_id=15),
    PlaceRow(kind=Kind.ADMIN1, name="England", country="GB", code="GB-ENG", geonames_id=16),
    PlaceRow(kind=Kind.ADMIN1, name="Illinois", country="US", code="US-IL", geonames_id=17),
    PlaceRow(kind=Kind.ADMIN2, name="Henry County", country="US", admin1="US-TN", code="tn-henry", geonames_id=20),
    PlaceRow(kind=Kind.ADMIN2, name="Henry County", country="US", admin1="US-GA", code="ga-henry", geonames_id=21),
    PlaceRow(kind=Kind.ADMIN2, name="Jackson County", country="US", admin1="US-GA", code="ga-jackson",
             geonames_id=22, alt_names=("Jackson",)),
    PlaceRow(kind=Kind.ADMIN2, name="Barrow County", country="US", admin1="US-GA", code="ga-barrow",
             geonames_id=23, alt_names=("Barrow",)),
    PlaceRow(kind=Kind.ADMIN2, name="Cobb County", country="US", admin1="US-GA", code="ga-cobb", geonames_id=24,
             alt_names=("Cobb",)),
    PlaceRow(kind=Kind.CITY, name="Paris", country="FR", admin1="FR-IDF", lat=48.85, lon=2.35,
             population=2_100_000, geonames_id=30),
    PlaceRow(kind=Kind.CITY, name="Paris", country="US", admin1="US-TN", admin2="tn-henry", lat=36.30, lon=-88.33,
             population=10_000, geonames_id=31),
    PlaceRow(kind=Kind.CITY, name="Puryear", country="US", admin1="US-TN", admin2="tn-henry", lat=36.44,
             lon=-88.33, population=600, geonames_id=32),
    PlaceRow(kind=Kind.CITY, name="McDonough", country="US", admin1="US-GA", admin2="ga-henry", lat=33.45,
             lon=-84.15, population=22_000, geonames_id=33),
    PlaceRow(kind=Kind.CITY, name="Jefferson", country="US", admin1="US-GA", admin2="ga-jackson", lat=34.12,
             lon=-83.57, population=10_000, geonames_id=34),
    PlaceRow(kind=Kind.CITY, name="Commerce", country="US", admin1="US-GA", admin2="ga-jackson", lat=34.20,
             lon=-83.46, population=6_000, geonames_id=35),
    PlaceRow(kind=Kind.CITY, name="Winder", country="US", admin1="US-GA", admin2="ga-barrow", lat=33.99,
             lon=-83.72, population=15_000, geonames_id=36),
    PlaceRow(kind=Kind.CITY, name="Marietta", country="US", admin1="US-GA", admin2="ga-cobb", lat=33.95,
             lon=-84.55, population=60_000, geonames_id=37),
    PlaceRow(kind=Kind.CITY, name="Jackson", country="US", admin1="US-MS", lat=32.30, lon=-90.18,
             population=160_000, geonames_id=38),
    PlaceRow(kind=Kind.CITY, name="Cobb", country="US", admin1="US-MS", lat=31.0, lon=-90.0,
             population=20_000, geonames_id=39),
    PlaceRow(kind=Kind.ADMIN1, name="Minnesota", country="US", code="US-MN", geonames_id=18),
    PlaceRow(kind=Kind.ADMIN2, name="Lyon County", country="US", admin1="US-MN", code="mn-lyon", geonames_id=25),
    PlaceRow(kind=Kind.CITY, name="Marshall", country="US", admin1="US-MN", admin2="mn-lyon", lat=44.45,
             lon=-95.79, population=13_000, geonames_id=44),
    PlaceRow(kind=Kind.CITY, name="Minneota", country="US", admin1="US-MN", admin2="mn-lyon", lat=44.56,
             lon=-95.99, population=1_400, geonames_id=45, alt_names=("Minnesota",)),
    PlaceRow(kind=Kind.CITY, name="Minneapolis", country="US", admin1="US-MN", lat=44.98, lon=-93.26,
             population=410_000, geonames_id=46),
    PlaceRow(kind=Kind.CITY, name="Barrow", country="GB", admin1="GB-ENG", lat=54.11, lon=-3.23,
             population=56_000, geonames_id=43),
    PlaceRow(kind=Kind.CITY, name="Boston", country="US", admin1="US-MA", lat=42.36, lon=-71.06,
             population=650_000, geonames_id=40),
    PlaceRow(kind=Kind.CITY, name="Venice", country="IT", admin1="IT-34", lat=45.44, lon=12.33,
             population=260_000, geonames_id=41),
    PlaceRow(kind=Kind.CITY, name="Venice", country="US", admin1="US-IL", lat=38.67, lon=-90.17,
             population=20_000, geonames_id=42),
]


@pytest.fixture(scope="module")
def cgaz() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)



def _place(text: str, names: list[str], gaz: Gazetteer) -> list:
    return [t.place for t in geoparse(text, name_spans(text, *names), gazetteer=gaz)]


def test_county_sits_among_its_towns_and_towns_know_their_county(cgaz):
    (i, _), = [x for x in cgaz.lookup("Henry County") if cgaz.entry(x[0]).admin1_code == "US-TN"]
    county = cgaz.entry(i)
    assert abs(county.lat - 36.37) < 0.01 and abs(county.lon + 88.33) < 0.01  # between Paris and Puryear
    paris_tn = next(cgaz.entry(j) for j, _ in cgaz.lookup("Paris") if cgaz.entry(j).country == "US")
    assert paris_tn.admin2_index == county.index
    assert cgaz.admin2_of(31) == county.index and cgaz.admin2_of(20) == county.index


def test_town_named_beside_its_county_is_the_one_in_it(cgaz):
    text = "Firefighters in Paris put out a barn fire on Tuesday, the Henry County sheriff said."
    paris, county = _place(text, ["Paris", "Henry County"], cgaz)
    assert (paris.country, paris.admin1_code) == ("US", "US-TN")
    assert county.admin1_code == "US-TN" and county.lat is not None


def test_town_named_alone_is_still_the_big_one(cgaz):
    text = "She moved to Paris after school."
    (paris,) = _place(text, ["Paris"], cgaz)
    assert paris.country == "FR"


def test_county_list_names_counties(cgaz):
    text = "Enrollment slowed in Jackson and Barrow counties this fall."
    jackson, barrow = _place(text, ["Jackson", "Barrow"], cgaz)
    assert (jackson.precision, jackson.admin1_code, jackson.name) == (Precision.REGION, "US-GA", "Jackson County")
    assert barrow.name == "Barrow County"


def test_county_boxes_tie_a_town_to_the_state_of_its_named_county(cgaz):
    boxes = _county_boxes(["Paris", "Henry County"], cgaz)
    assert boxes["Paris"].admin1_code == boxes["Henry County"].admin1_code == "US-TN"
    assert _county_boxes(["Paris", "Marietta"], cgaz) == {}  # no county named: no box


def test_county_listed_reads_the_list(cgaz):
    text = "Jackson, Barrow or Cobb counties; Georgia counties."
    assert _county_listed("Jackson", text, text.index(","), cgaz) == "Jackson County"
    assert _county_listed("Barrow", text, text.index(" or"), cgaz) == "Barrow County"
    assert _county_listed("Georgia", text, text.index(" counties."), cgaz) == "Georgia"  # the state's counties
    assert _county_listed("Jackson", "Jackson voted.", 7, cgaz) == "Jackson"


def test_bare_name_beside_its_county_is_the_county(cgaz):
    assert _bare_counties(["Cobb", "Marietta", "Cobb County", "Georgia"], cgaz) == [
        "Cobb County", "Marietta", "Cobb County", "Georgia"]
    text = "Cobb commissioners met in Marietta. The Cobb County board will vote again."
    cobb, _, _ = _place(text, ["Cobb", "Marietta", "Cobb County"], cgaz)
    assert cobb.name == "Cobb County" and cobb.admin1_code == "US-GA"


def test_bare_county_alias_gives_way_to_a_town(cgaz):
    p = resolve("Cobb", gazetteer=cgaz, focus=["US"])
    assert p.precision is Precision.POINT and p.admin1_code == "US-MS"


def test_lone_small_namesake_in_focus_gives_way(cgaz, monkeypatch):
    boston = resolve("Boston", gazetteer=cgaz, focus=["US"])
    venice = resolve("Venice", gazetteer=cgaz, focus=["US", "IT"], context=[boston])
    assert venice.country == "IT"  # a town of Illinois that nothing named is near: the Italian city
    monkeypatch.setattr(resolve_module, "LONE_TOWN_WEIGHT", 0.0)
    cgaz.memo.clear()
    try:
        assert resolve("Venice", gazetteer=cgaz, focus=["US", "IT"], context=[boston]).country == "US"
    finally:
        cgaz.memo.clear()


def test_institution_of_a_place_is_there(cgaz):
    text = "The Bank of England raised rates."
    (bank,) = _place(text, ["Bank of England"], cgaz)
    assert bank.admin1_code == "GB-ENG"


def test_county_bonus_needs_the_town_s_own_name(cgaz):
    text = "Marshall, Minnesota, is two hours from Minneapolis; Minnesota's farms surround it."
    marshall, state, _, state2 = _place(text, ["Marshall", "Minnesota", "Minneapolis", "Minnesota"], cgaz)
    assert state.precision is Precision.ADMIN1 and state.name == "Minnesota"  # not Minneota, a town by Marshall
