"""Admin1 points, world cities against small namesakes, state-or-capital names, and
buildings named after a town: each rule on text and rows written for it."""
from __future__ import annotations


import pytest

from eventsift.geo.gazetteer import km as _km
from eventsift.geo import Gazetteer, Kind, PlaceRow
from eventsift.geo.gazetteer import ADMIN1_SPLIT_KM, admin1_point
from eventsift.geo.geoparse import geoparse
from eventsift.geo.resolve import resolve
from eventsift.model import Place, Precision


# -- admin1 points ------------------------------------------------------------------
def test_admin1_point_is_the_midpoint_of_two_close_estimates():
    assert admin1_point((30.0, 100.0), (32.0, 102.0)) == (31.0, 101.0)


def test_admin1_point_trusts_the_package_when_the_towns_are_far_off():
    given, towns = (33.0, 120.0), (33.0, 111.0)  # a misfiled town stretches the range
    assert _km(*given, *towns) > ADMIN1_SPLIT_KM
    assert admin1_point(given, towns) == given


def test_admin1_point_falls_back_to_the_towns():
    assert admin1_point(None, (10.0, 20.0)) == (10.0, 20.0)


@pytest.mark.slow
def test_full_gazetteer_admin1_points_are_not_pulled_by_misfiled_towns(full_gazetteer):
    full = full_gazetteer
    js = full.admin1("CN-JS")  # Jiangsu: the middle of its towns alone lay 800 km inland
    assert _km(js.lat, js.lon, 33.0, 120.0) < 161
    qc = full.admin1("CA-QC")
    assert _km(qc.lat, qc.lon, 52.0, -72.0) < 250


# -- ranking ------------------------------------------------------------------------
ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="Freedonia", country="FD", code="FD", lat=10.0, lon=10.0, population=5_000_000),
    PlaceRow(kind=Kind.COUNTRY, name="Sylvania", country="SV", code="SV", lat=10.0, lon=60.0, population=9_000_000),
    PlaceRow(kind=Kind.COUNTRY, name="Osterlich", country="OS", code="OS", lat=0.0, lon=0.0, population=1_000_000),
    PlaceRow(kind=Kind.ADMIN1, name="North March", country="FD", code="FD-NM"),
    PlaceRow(kind=Kind.ADMIN1, name="Lowlands", country="SV", code="SV-LO"),
    PlaceRow(kind=Kind.CITY, name="Verona", country="FD", admin1="FD-NM", lat=11.0, lon=11.0, population=4_000),
    PlaceRow(kind=Kind.CITY, name="Oxmoor", country="FD", admin1="FD-NM", lat=11.2, lon=11.2, population=90_000),
    PlaceRow(kind=Kind.CITY, name="Verona", country="SV", admin1="SV-LO", lat=10.0, lon=60.0, population=800_000),
    PlaceRow(kind=Kind.CITY, name="Brindle", country="FD", admin1="FD-NM", lat=10.0, lon=10.0, population=40_000),
    PlaceRow(kind=Kind.CITY, name="Brindle", country="SV", admin1="SV-LO", lat=10.0, lon=60.0, population=60_000),
    # two namesakes far from a place in Osterlich, one twice as far as the other
    PlaceRow(kind=Kind.CITY, name="Genua", country="FD", admin1="FD-NM", lat=0.0, lon=36.0, population=20_000),
    PlaceRow(kind=Kind.CITY, name="Genua", country="SV", admin1="SV-LO", lat=0.0, lon=63.0, population=200_000),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)


def test_world_city_beats_an_untied_small_namesake_of_the_focus_country(gaz):
    assert resolve("Verona", gazetteer=gaz, focus=["FD"]).country == "SV"
    capital_named = [Place(name="Freedonia", country="FD", precision=Precision.COUNTRY)]
    assert resolve("Verona", gazetteer=gaz, focus=["FD"], context=capital_named).country == "SV"


def test_small_namesake_keeps_its_name_where_the_text_ties_it_down(gaz):
    state = Place(name="North March", country="FD", admin1_code="FD-NM", precision=Precision.ADMIN1)
    assert resolve("Verona", gazetteer=gaz, focus=["FD"], context=[state]).country == "FD"
    town = Place(name="Oxmoor", country="FD", admin1_code=None, lat=11.2, lon=11.2, precision=Precision.POINT)
    assert resolve("Verona", gazetteer=gaz, focus=["FD"], context=[town]).country == "FD"


def test_between_two_far_namesakes_distance_does_not_decide(gaz):
    far = [Place(name="Osterlich town", country="OS", lat=0.0, lon=0.0, precision=Precision.POINT)]
    assert resolve("Genua", gazetteer=gaz, focus=["OS"], context=far).country == "SV"  # the bigger


def test_a_town_of_a_country_the_text_names_gains(gaz):
    assert resolve("Brindle", gazetteer=gaz, focus=["FD", "SV"]).country == "FD"
    named = [Place(name="Sylvania", country="SV", precision=Precision.COUNTRY)]
    assert resolve("Brindle", gazetteer=gaz, focus=["FD", "SV"], context=named).country == "SV"


# -- geoparse on the full gazetteer ---------------------------------------------------
@pytest.fixture(scope="module")
def full(full_gazetteer) -> Gazetteer:
    return full_gazetteer


def _parse(text: str, names: list[str], gaz: Gazetteer) -> dict[str, Place]:
    spans, at = [], 0
    for n in names:
        s = text.index(n, at)
        spans.append((s, s + len(n)))
        at = s + len(n)
    return {t.text: t.place for t in geoparse(text, spans, gazetteer=gaz)}


@pytest.mark.slow
def test_a_state_among_states_is_the_state(full):
    text = "Storms knocked out power across Ohio, Iowa and Washington on Monday."
    p = _parse(text, ["Ohio", "Iowa", "Washington"], full)["Washington"]
    assert (p.precision, p.admin1_code) == (Precision.ADMIN1, "US-WA")


@pytest.mark.slow
def test_a_capital_named_like_a_state_is_the_state_beside_its_towns(full):
    text = "Officials in Washington said ferries from Seattle and Tacoma will run again."
    p = _parse(text, ["Washington", "Seattle", "Tacoma"], full)["Washington"]
    assert (p.precision, p.admin1_code) == (Precision.ADMIN1, "US-WA")


@pytest.mark.slow
def test_a_dateline_stays_the_capital(full):
    text = "WASHINGTON - Senators from Ohio and Iowa voted on the bill."
    p = _parse(text, ["WASHINGTON", "Ohio", "Iowa"], full)["WASHINGTON"]
    assert p.precision is Precision.POINT and _km(p.lat, p.lon, 38.9, -77.04) < 25


@pytest.mark.slow
def test_a_building_named_after_a_nearby_town_is_there(full):
    text = "Volunteers cleaned the shore of Lake Manassas, west of Gainesville, Virginia."
    p = _parse(text, ["Lake Manassas", "Gainesville", "Virginia"], full)["Lake Manassas"]
    assert p.name == "Manassas" and p.admin1_code == "US-VA"


@pytest.mark.slow
def test_a_street_named_after_a_town_is_not_that_town(full):
    text = "A water main broke on Richmond Avenue in Houston, Texas."
    p = _parse(text, ["Richmond Avenue", "Houston", "Texas"], full)["Richmond Avenue"]
    assert p.name == "Houston"
